"""Widgets that refuse tampered values with a message instead of silently dropping them."""

from z3c.form import interfaces
from z3c.form.browser.checkbox import CheckBoxWidget
from z3c.form.converter import CollectionSequenceDataConverter
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import ICollection


class IStrictCheckBoxWidget(interfaces.ICheckBoxWidget):
    """Check boxes that pass unknown tokens on, so that field validation refuses them."""


@implementer(IStrictCheckBoxWidget)
class StrictCheckBoxWidget(CheckBoxWidget):
    def extract(self, default=interfaces.NO_VALUE):
        # z3c.form answers an unknown token with "no value", which saves an empty field
        # without a word; we keep the tokens so that validation names the problem.
        if self.name not in self.request and f"{self.name}-empty-marker" in self.request:
            return ()
        value = self.request.get(self.name, default)
        if value is default:
            return default
        if not isinstance(value, (tuple, list)):
            value = (value,)
        return tuple(value)


@adapter(interfaces.IFormLayer)
@implementer(interfaces.IFieldWidget)
def StrictCheckBoxFieldWidget(field, request):
    return FieldWidget(field, StrictCheckBoxWidget(request))


@adapter(ICollection, IStrictCheckBoxWidget)
class StrictCollectionConverter(CollectionSequenceDataConverter):
    """Known tokens become values; unknown tokens stay as they are and fail validation."""

    def toFieldValue(self, value):
        terms = self.widget.updateTerms()
        values = []
        for token in value:
            if token == self.widget.noValueToken:
                continue
            try:
                values.append(terms.getValue(token))
            except LookupError:
                values.append(token)
        collection_type = self.field._type
        if isinstance(collection_type, tuple):
            collection_type = collection_type[-1]
        return collection_type(values)
