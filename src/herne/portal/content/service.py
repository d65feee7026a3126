"""The service page ("Leistung"): what a service is, who may apply, and how."""

from collective.z3cform.datagridfield.row import DictRow
from herne.portal import _
from herne.portal.browser.datagrid import LabelledDataGridFieldWidgetFactory
from herne.portal.browser.widgets import StrictCheckBoxFieldWidget
from herne.portal.content.fields import EuroAmount
from herne.portal.content.fields import ItemErrorList
from herne.portal.content.fields import LifeSituationChoice
from herne.portal.content.validators import non_negative_amount
from herne.portal.content.validators import not_blank
from herne.portal.content.validators import valid_service_key
from herne.portal.controlpanels.applications import RETENTION_MONTHS_MAX
from herne.portal.controlpanels.applications import RETENTION_MONTHS_MIN
from herne.portal.vocabularies.catalogue import ONLINE_APPLICABLE
from herne.portal.vocabularies.catalogue import ORIGINAL
from plone.app.multilingual.dx import directives as translation
from plone.app.multilingual.dx.directives import LANGUAGE_INDEPENDENT_KEY
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.select import SelectFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import Interface
from zope.interface import alsoProvides
from zope.interface import implementer


class IRequiredDocument(Interface):
    """One row of the required documents."""

    name = schema.TextLine(
        title=_("Unterlage"),
        required=True,
        constraint=not_blank,
    )
    note = schema.TextLine(
        title=_("Hinweis"),
        required=False,
    )
    provision = schema.Choice(
        title=_("Wie einreichen"),
        vocabulary="herne.portal.DocumentProvision",
        required=True,
        default="upload",
    )


class IFee(Interface):
    """One row of the fees."""

    amount = EuroAmount(
        title=_("Betrag in Euro"),
        required=True,
        constraint=non_negative_amount,
    )
    purpose = schema.TextLine(
        title=_("Wofür"),
        required=True,
        constraint=not_blank,
    )


class IService(model.Schema):
    """Schema of a service page."""

    service_key = schema.TextLine(
        title=_("Leistungsschlüssel (FIM/LeiKa)"),
        description=_("14 Ziffern, zum Beispiel 99050012104000."),
        required=False,
        constraint=valid_service_key,
    )

    life_situations = ItemErrorList(
        title=_("Lebenslagen"),
        description=_("Unter welchen Lebenslagen Bürgerinnen und Bürger die Leistung finden."),
        value_type=LifeSituationChoice(vocabulary="herne.portal.LifeSituations"),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("life_situations", StrictCheckBoxFieldWidget)

    department = RelationChoice(
        title=_("Zuständige Organisationseinheit"),
        description=_(
            "Ohne zuständige Organisationseinheit kann die Leistung nicht veröffentlicht werden."
        ),
        vocabulary="herne.portal.Departments",
        required=False,
    )
    directives.widget("department", SelectFieldWidget)

    prerequisites = RichText(
        title=_("Voraussetzungen"),
        description=_("Wer die Leistung beantragen kann und was erfüllt sein muss."),
        required=False,
        # HTML only: no unlabelled text-format choice next to the editor
        allowed_mime_types=("text/html",),
    )

    required_documents = ItemErrorList(
        title=_("Erforderliche Unterlagen"),
        value_type=DictRow(title=_("Unterlage"), schema=IRequiredDocument),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("required_documents", LabelledDataGridFieldWidgetFactory)

    fees = ItemErrorList(
        title=_("Gebühren"),
        description=_("Leer lassen, wenn die Leistung gebührenfrei ist."),
        value_type=DictRow(title=_("Gebühr"), schema=IFee),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("fees", LabelledDataGridFieldWidgetFactory)

    processing_time = schema.TextLine(
        title=_("Bearbeitungsdauer"),
        required=False,
    )

    legal_basis = schema.Text(
        title=_("Rechtsgrundlage"),
        required=False,
    )

    result_delivery = schema.Choice(
        title=_("Zustellung des Ergebnisses"),
        vocabulary="herne.portal.ResultDelivery",
        required=True,
        default="post",
    )

    trust_level = schema.Choice(
        title=_("Erforderliches Vertrauensniveau"),
        description=_("Mit welchem Konto sich Antragstellende mindestens anmelden müssen."),
        vocabulary="herne.portal.TrustLevels",
        required=True,
        default="basic",
    )

    online_availability = schema.Choice(
        title=_("Online-Verfügbarkeit"),
        vocabulary="herne.portal.OnlineAvailability",
        required=True,
        default="info_only",
    )

    contact = schema.Text(
        title=_("Kontakt"),
        description=_("Ansprechperson, Telefon oder E-Mail für Fragen zu dieser Leistung."),
        required=False,
    )

    # Plain text, one sentence a line: Leichte Sprache wants short lines, not formatting,
    # and the page shows each line as a line of its own.
    plain_language_summary = schema.Text(
        title=_("Zusammenfassung in Leichter Sprache"),
        description=_(
            "Freiwillig. Das Wichtigste zur Leistung in Leichter Sprache: kurze Sätze, ein "
            "Gedanke pro Satz, jeder Satz in einer eigenen Zeile. Auf der Leistungsseite steht "
            "der Text unter der Überschrift „In Leichter Sprache“."
        ),
        required=False,
    )

    retention_months = schema.Int(
        title=_("Aufbewahrungsfrist abgeschlossener Anträge (Monate)"),
        description=_(
            "Wie lange ein abgeschlossener Antrag (versandt, abgeholt, abgelehnt oder "
            "zurückgezogen) aufbewahrt wird, gerechnet ab dem Abschluss. Leer lassen für die "
            "Voreinstellung im Kontrollfeld „Anträge“."
        ),
        required=False,
        min=RETENTION_MONTHS_MIN,
        max=RETENTION_MONTHS_MAX,
    )

    retention_action = schema.Choice(
        title=_("Nach Ablauf der Aufbewahrungsfrist"),
        description=_(
            "Leer lassen für die Voreinstellung im Kontrollfeld „Anträge“. Anonymisierte "
            "Anträge zählen weiter in der Statistik, enthalten aber keine Angaben, Dateien "
            "oder Nachrichten mehr."
        ),
        vocabulary="herne.portal.RetentionActions",
        required=False,
    )

    # the same in every translation: copied from the German page whenever it changes
    translation.languageindependent(
        "service_key",
        "life_situations",
        "department",
        "result_delivery",
        "trust_level",
        "online_availability",
        "retention_months",
        "retention_action",
    )

    model.fieldset(
        "retention",
        label=_("Aufbewahrung"),
        fields=["retention_months", "retention_action"],
    )

    model.fieldset(
        "plain_language",
        label=_("Leichte Sprache"),
        fields=["plain_language_summary"],
    )

    model.fieldset(
        "details",
        label=_("Details"),
        fields=["processing_time", "legal_basis", "contact", "service_key"],
    )


# Marked at import as well: multilingual's directive marks the fields only when a form
# processes the schema, so a translation made before any form was shown in the process
# (set-up scripts, REST, a fresh instance) lost its department and could not be published.
for _interface, _name, _value in IService.queryTaggedValue(LANGUAGE_INDEPENDENT_KEY, ()):
    alsoProvides(IService[_name], ILanguageIndependentField)


@implementer(IService)
class Service(Container):
    """A service of the city that citizens can read about and possibly apply for."""

    def department_object(self):
        relation = self.department
        if relation is None or relation.isBroken():
            return None
        return relation.to_object

    @property
    def can_apply_online(self):
        return self.online_availability in ONLINE_APPLICABLE

    @property
    def original_documents(self):
        """Rows of the required documents that are shown as originals in person."""
        return [row for row in (self.required_documents or []) if row.get("provision") == ORIGINAL]

    @property
    def originals_in_person(self):
        return [row["name"] for row in self.original_documents]
