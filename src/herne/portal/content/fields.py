"""Schema fields of the catalogue that need more than zope.schema gives."""

from decimal import Decimal
from decimal import InvalidOperation
from herne.portal.content.validators import InvalidAmount
from herne.portal.content.validators import UnknownLifeSituation
from herne.portal.content.validators import first_specific_error
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import WrongContainedType
from zope.schema.interfaces import WrongType


class IEuroAmount(IDecimal):
    """A non-negative amount of money in euro."""


def parse_amount(value):
    """Accept 12.50, "12.50" and the German "12,50"; anything else is an InvalidAmount."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidAmount(value)
    text = str(value).strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise InvalidAmount(value) from None
    if not amount.is_finite():
        raise InvalidAmount(value)
    try:
        return amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise InvalidAmount(value) from None


@implementer(IEuroAmount)
class EuroAmount(schema.Decimal):
    def fromUnicode(self, value):
        amount = parse_amount(value)
        self.validate(amount)
        return amount

    def _validate(self, value):
        if not isinstance(value, Decimal):
            raise InvalidAmount(value)
        super()._validate(value)


class ItemErrorList(schema.List):
    """A list whose error is the first wrong item's own message, not "wrong contained type"."""

    def _validate(self, value):
        try:
            super()._validate(value)
        except WrongContainedType as error:
            raise first_specific_error(error) from None


class LifeSituationChoice(schema.Choice):
    """A life situation; an unknown one is refused with a German message."""

    def _validate(self, value):
        try:
            super()._validate(value)
        except (ConstraintNotSatisfied, WrongType) as error:
            raise UnknownLifeSituation(value) from error
