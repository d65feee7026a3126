"""The department ("Organisationseinheit"): the office responsible for services."""

from herne.portal import _
from herne.portal.content.validators import valid_phone
from plone.dexterity.content import Item
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IDepartment(model.Schema):
    """Schema of a department."""

    address = schema.Text(
        title=_("Anschrift"),
        description=_("Straße, Hausnummer, PLZ und Ort, Gebäude und Raum."),
        required=True,
    )

    opening_hours = schema.Text(
        title=_("Öffnungszeiten"),
        required=False,
    )

    phone = schema.TextLine(
        title=_("Telefon"),
        required=False,
        constraint=valid_phone,
    )

    email = Email(
        title=_("E-Mail"),
        required=False,
    )

    clerks_group = schema.Choice(
        title=_("Gruppe der Sachbearbeitung"),
        description=_(
            "Die Mitglieder dieser Gruppe bearbeiten die Anträge der Organisationseinheit. "
            "Bleibt das Feld leer, wird beim Anlegen eine eigene Gruppe erstellt."
        ),
        vocabulary="plone.app.vocabularies.Groups",
        required=False,
    )


@implementer(IDepartment)
class Department(Item):
    """An office of the city administration."""
