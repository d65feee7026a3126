"""The citizen's mail and letter texts in the language of the application, with the German wording of a decision attached."""

from herne.portal import _
from herne.portal.controlpanels.notifications import BODIES
from herne.portal.controlpanels.notifications import body_text
from herne.portal.controlpanels.notifications import citizen_text
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_language
from zope.i18n import translate


#: The steps whose German wording is legally binding and goes with every translation.
DECISIONS = frozenset({"approved", "rejected"})
LEGAL_NOTE = _(
    "Rechtsverbindlich ist der deutsche Wortlaut dieser Entscheidung. Er folgt hier im Original:"
)
STATUS_LINK = _("Den Stand Ihres Antrags finden Sie in Ihrem Postkorb:")


def translated_standard_text(key, language):
    """The standard text of ``key`` (controlpanels.notifications) in ``language``."""
    return (
        in_language(_("Guten Tag ${name},"), language)
        + "\n\n"
        + body_text(key, lambda line: in_language(line, language))
        + "\n\n"
        + in_language(STATUS_LINK, language)
        + "\n${url}\n\n"
        + in_language(_("Mit freundlichen Grüßen"), language)
        + "\n"
        + in_language(_("Ihre Stadt Herne"), language)
    )


def text_in(key, german_text, language):
    """The text of the mail ``key`` for a citizen who applied in ``language``.

    The city's standard text is translated; a text the city wrote itself stays as it is
    (German), since there is no translation of it.
    """
    if language == GERMAN or key not in BODIES or german_text != citizen_text(body_text(key)):
        return german_text
    return translated_standard_text(key, language)


def state_in(state_title, language):
    """A workflow state's German title in ``language`` (the titles are plone-domain msgids)."""
    if language == GERMAN or not state_title:
        return state_title
    return translate(state_title, domain="plone", target_language=language, default=state_title)


def with_german_decision(key, body, german_body, language):
    """``body`` with the German wording attached where the decision's German text is binding."""
    if language == GERMAN or key not in DECISIONS or body == german_body:
        return body
    return f"{body.rstrip()}\n\n----\n{in_language(LEGAL_NOTE, language)}\n\n{german_body}"
