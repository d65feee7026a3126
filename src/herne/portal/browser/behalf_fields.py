"""The fields "Für eine andere Person beantragen" adds to an application form page."""

from herne.portal import _
from herne.portal.assist.capacity import CLERK
from herne.portal.assist.consent import AUTHORISATION
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.assist.consent import CONSENT_FIELD
from herne.portal.assist.consent import CONSENT_KINDS
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import ID_FIELD
from herne.portal.assist.consent import ID_KINDS
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
    kinds = (
        CONSENT_KINDS
        if capacity.kind == CLERK
        else [item for item in CONSENT_KINDS if item[0] == AUTHORISATION]
    )
    fields = field.Fields(
        schema.Choice(
            __name__=CONSENT_FIELD,
            title=_("Einwilligung der antragstellenden Person"),
            vocabulary=_vocabulary(kinds),
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
    if capacity.kind == CLERK:
        fields += field.Fields(
            schema.Choice(
                __name__=ID_FIELD,
                title=_("Vorgelegter Ausweis"),
                description=_("Nur die Art des Ausweises, nie seine Nummer."),
                vocabulary=_vocabulary(ID_KINDS),
                required=False,
            )
        )
    fields += field.Fields(
        schema.ASCIILine(__name__=BEHALF_FIELD, required=False), mode=HIDDEN_MODE
    )
    return fields
