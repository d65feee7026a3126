"""Application form fields refuse text beyond their limit, next to the field, before easyform's checks."""

from collective.easyform.fields import FieldExtenderValidator
from collective.easyform.fields import GroupFieldExtenderValidator
from collective.easyform.interfaces import IEasyForm
from collective.easyform.interfaces import IEasyFormForm
from herne.portal.applications.limits import form_value_error
from herne.portal.interfaces import IHernePortalLayer
from z3c.form.interfaces import IGroup
from z3c.form.interfaces import IValidator
from zope.component import adapter
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema.interfaces import IField


@implementer(IValidator)
@adapter(IEasyForm, IHernePortalLayer, IEasyFormForm, IField, Interface)
class LimitedFieldValidator(FieldExtenderValidator):
    """easyform's validator of a field (its format checks and TALES) after the length limit."""

    def validate(self, value):
        refuse_too_long(self.field, value)
        super().validate(value)


@implementer(IValidator)
@adapter(IEasyForm, IHernePortalLayer, IGroup, IField, Interface)
class LimitedGroupFieldValidator(GroupFieldExtenderValidator):
    """The same for a field in a fieldset of the form."""

    def validate(self, value):
        refuse_too_long(self.field, value)
        super().validate(value)


def refuse_too_long(field, value):
    message = form_value_error(field, value)
    if message is not None:
        raise Invalid(message)
