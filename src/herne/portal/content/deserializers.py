"""plone.restapi deserializer for euro amounts: numbers or strings, German message on error."""

from herne.portal.content.fields import IEuroAmount
from herne.portal.content.fields import parse_amount
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest


@implementer(IFieldDeserializer)
@adapter(IEuroAmount, IDexterityContent, IBrowserRequest)
class EuroAmountDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        amount = parse_amount(value)
        self.field.validate(amount)
        return amount
