"""Text from messages in German or a citizen's language: the one translation helper for mails, PDFs, JSON and stored titles."""

from herne.portal import _
from zope.i18n import translate
from zope.i18nmessageid import Message


#: The site's language: clerks' pages, clerks' mails, stored titles and legal texts.
GERMAN = "de"
#: The interface languages whose catalogues of herne.portal are complete (a test checks
#: each of them); the administrator offers a choice of them in plone.available_languages.
INTERFACE_LANGUAGES = ("de", "en", "tr", "uk", "ar")
#: Written right to left.
RIGHT_TO_LEFT = frozenset({"ar"})
#: The languages' German names, for the clerk's page ("Sprache der Antragstellung").
LANGUAGE_NAMES = {
    "de": _("Deutsch"),
    "en": _("Englisch"),
    "tr": _("Türkisch"),
    "uk": _("Ukrainisch"),
    "ar": _("Arabisch"),
}
#: The request key a REST service sets to the language it answers in (``rest_language``);
#: clerks' pages set it to German (``german_pages``).
CHOSEN = "herne.portal.language"


def in_german(message):
    """``message`` translated to German, the site's language; plain text is returned as it is."""
    return in_language(message, GERMAN)


def in_language(message, language):
    """``message`` in ``language`` (German where the language has no catalogue); plain text as it is."""
    if isinstance(message, Message):
        if language not in INTERFACE_LANGUAGES:
            language = GERMAN
        return translate(message, target_language=language)
    return message


def offered_languages():
    """The interface languages the administrator offers, German first (always offered)."""
    from plone import api

    try:
        chosen = api.portal.get_registry_record("plone.available_languages", default=None)
    except Exception:  # no site (scripts, tests without a portal): German only
        chosen = None
    offered = [GERMAN]
    offered += [code for code in (chosen or ()) if code in INTERFACE_LANGUAGES and code != GERMAN]
    return tuple(offered)


def supported(language):
    """``language`` (a code such as "tr" or "en-GB") if it is offered, else None."""
    if not language:
        return None
    code = str(language).strip().lower().replace("_", "-").split("-")[0]
    return code if code in offered_languages() else None


def accepted_language(header):
    """The first offered language of an Accept-Language header by its weights, else None."""
    choices = []
    for position, part in enumerate((header or "").split(",")):
        name, _sep, params = part.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _eq, value = param.strip().partition("=")
            if key == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name and weight > 0:
            choices.append((-weight, position, name))
    for _weight, _position, name in sorted(choices):
        language = supported(name)
        if language is not None:
            return language
    return None


def request_language(request):
    """The language of ``request``: the one a REST call chose, else the visitor's choice of the
    language switch (its cookie: a German page, such as a form, may be shown to a Turkish
    visitor), else the one Plone negotiated; each only if offered; else German."""
    if request is None:
        return GERMAN
    return (
        supported(request.get(CHOSEN))
        or supported(request.cookies.get("I18N_LANGUAGE"))
        or supported(request.get("LANGUAGE"))
        or GERMAN
    )


def rest_language(request):
    """The language a REST call asks for: its ``language`` parameter, else Accept-Language; else German."""
    chosen = supported(request.form.get("language"))
    if chosen is None:
        chosen = accepted_language(request.getHeader("Accept-Language"))
    return chosen or GERMAN


def answer_language(request):
    """The language to answer ``request`` in: a REST call's (parameter or Accept-Language), else the page's."""
    if request is None:
        return GERMAN
    from plone.rest.interfaces import IAPIRequest

    if supported(request.get(CHOSEN)) is None and IAPIRequest.providedBy(request):
        return rest_language(request)
    return request_language(request)


def in_request_language(message):
    """``message`` in the language of the current request (German without one)."""
    from zope.globalrequest import getRequest

    return in_language(message, answer_language(getRequest()))


def application_language(application):
    """The language the citizen used for ``application`` (German for older applications)."""
    language = getattr(application, "citizen_language", None)
    return language if language in INTERFACE_LANGUAGES else GERMAN


def booking_language(booking):
    """The language of a booking's mails: the one it was booked in (German for older bookings)."""
    language = booking.get("language")
    return language if language in INTERFACE_LANGUAGES else GERMAN


def direction(language):
    """ "rtl" or "ltr" for the ``dir`` attribute of text in ``language``."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"
