"""Payment settings of a service (behavior of the service page): online payment on/off, cost object, fee rules."""

from collective.z3cform.datagridfield.row import DictRow
from herne.portal import _
from herne.portal.browser.datagrid import LabelledDataGridFieldWidgetFactory
from herne.portal.content.fields import EuroAmount
from herne.portal.content.fields import ItemErrorList
from herne.portal.content.validators import non_negative_amount
from herne.portal.content.validators import not_blank
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
import re
from zope import schema
from zope.interface import Interface
from zope.interface import provider
from zope.schema import ValidationError


FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")


class InvalidFieldName(ValidationError):
    __doc__ = _(
        "Bitte geben Sie den Namen des Formularfelds an, wie er im Formular steht "
        "(Buchstaben, Ziffern und _, zum Beispiel anzahl_exemplare)."
    )


def valid_field_name(value):
    if value is not None and not FIELD_NAME.match(value.strip()):
        raise InvalidFieldName(value)
    return True


class IFeeRule(Interface):
    """One rule of a fee that depends on the form's values, added to the service's first fee."""

    field = schema.TextLine(
        title=_("Formularfeld"),
        description=_("Der Name des Felds im Antragsformular, zum Beispiel anzahl_exemplare."),
        required=True,
        constraint=valid_field_name,
    )
    choice = schema.TextLine(
        title=_("Bei Auswahl"),
        description=_(
            "Der Betrag wird einmal berechnet, wenn das Feld diesen Wert hat. Leer lassen "
            "bei einem Zahlenfeld: dann wird der Betrag je Stück berechnet."
        ),
        required=False,
    )
    amount = EuroAmount(
        title=_("Betrag in Euro"),
        required=True,
        constraint=non_negative_amount,
    )
    included = schema.Int(
        title=_("Im Grundbetrag enthalten"),
        description=_(
            "Nur bei einem Zahlenfeld: so viele Stück deckt die erste Gebühr schon ab "
            "(1: berechnet wird ab dem zweiten Stück)."
        ),
        required=False,
        default=0,
        min=0,
    )
    label = schema.TextLine(
        title=_("Wofür"),
        description=_(
            "So lesen Antragstellende den Zuschlag, zum Beispiel „je weiteres Exemplar“ "
            "oder „für einen zweiten Hund“."
        ),
        required=True,
        constraint=not_blank,
    )


@provider(IFormFieldProvider)
class IServicePayment(model.Schema):
    """Whether the service's fees are paid online, and where the finance office books them."""

    model.fieldset(
        "payment",
        label=_("Online-Bezahlung"),
        fields=["payment_enabled", "cost_object", "fee_rules"],
    )

    payment_enabled = schema.Bool(
        title=_("Gebühren online bezahlen"),
        description=_(
            "Die Gebühren werden vor dem Absenden des Antrags über den Bezahldienst bezahlt. "
            "Wirkt nur, wenn die Online-Bezahlung in den Einstellungen „E-Payment“ eingerichtet ist."
        ),
        default=False,
        required=False,
    )
    cost_object = schema.TextLine(
        title=_("Kostenträger/Produktkonto"),
        description=_("Wird in der Liste der Zahlungseingänge für die Stadtkasse angegeben."),
        required=False,
    )
    fee_rules = ItemErrorList(
        title=_("Zuschläge nach Angaben im Formular"),
        description=_(
            "Online bezahlt wird die erste Gebühr der Leistung plus diese Zuschläge, "
            "berechnet aus den Angaben im Antrag: je Stück eines Zahlenfelds (z. B. weitere "
            "Exemplare) oder bei einer Auswahl (z. B. ein zweiter Hund). Die Leistung muss "
            "eine Gebühr haben; eine gebührenfreie Leistung kostet nie etwas."
        ),
        value_type=DictRow(title=_("Zuschlag"), schema=IFeeRule),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("fee_rules", LabelledDataGridFieldWidgetFactory)
