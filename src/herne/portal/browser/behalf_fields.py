"""The fields "Für eine andere Person beantragen" adds to an application form page."""

from herne.portal import _
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.assist.consent import CONSENT_FIELD
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import ID_FIELD
from herne.portal.assist.consent import consent_kinds_for
from herne.portal.assist.consent import id_kinds_for
from plone.namedfile.field import NamedBlobFile
from z3c.form import field
from z3c.form.browser.radio import RadioFieldWidget
from z3c.form.interfaces import HIDDEN_MODE
from zope import schema
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in items])


def wants_behalf(request):
    """Whether the page is asked for "für eine andere Person" (link or the form's hidden field)."""
    return request.form.get("fuer") == "andere" or bool(
        request.form.get(f"form.widgets.{BEHALF_FIELD}")
    )


def behalf_fields(capacity):
    """The consent fields for ``capacity``: a helper offers only the Vollmacht.

    Not required here: the German messages come from assist.consent, which checks them.
    """
    fields = field.Fields(
        schema.Choice(
            __name__=CONSENT_FIELD,
            title=_("Einwilligung der antragstellenden Person"),
            vocabulary=_vocabulary(consent_kinds_for(capacity)),
            required=False,
        ),
        NamedBlobFile(
            __name__=DOCUMENT_FIELD,
            title=_("Vollmacht"),
            description=_("Die unterschriebene Vollmacht als PDF, JPEG oder PNG."),
            required=False,
        ),
    )
    fields[CONSENT_FIELD].widgetFactory = RadioFieldWidget
    if id_kinds_for(capacity):
        fields += field.Fields(
            schema.Choice(
                __name__=ID_FIELD,
                title=_("Vorgelegter Ausweis"),
                description=_("Nur die Art des Ausweises, nie seine Nummer."),
                vocabulary=_vocabulary(id_kinds_for(capacity)),
                required=False,
            )
        )
    fields += field.Fields(
        schema.ASCIILine(__name__=BEHALF_FIELD, required=False), mode=HIDDEN_MODE
    )
    return fields
