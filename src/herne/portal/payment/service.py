"""Payment settings of a service (behavior of the service page): online payment on/off and its cost object."""

from herne.portal import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IServicePayment(model.Schema):
    """Whether the service's fees are paid online, and where the finance office books them."""

    model.fieldset(
        "payment",
        label=_("Online-Bezahlung"),
        fields=["payment_enabled", "cost_object"],
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
