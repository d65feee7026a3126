"""Application form fields refuse over-long text and unfit files next to the field, with every other error."""

from collective.easyform.fields import FieldExtenderValidator
from collective.easyform.fields import GroupFieldExtenderValidator
from collective.easyform.interfaces import IEasyForm
from collective.easyform.interfaces import IEasyFormForm
from herne.portal.applications.evidence import is_upload
from herne.portal.applications.evidence import upload_error
from herne.portal.applications.gate import service_of
from herne.portal.applications.limits import form_value_error
from herne.portal.interfaces import IHernePortalLayer
from z3c.form.error import ComputedErrorViewMessage
from z3c.form.interfaces import IGroup
from z3c.form.interfaces import IValidator
from zope.component import adapter
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema.interfaces import IField
from zope.schema.interfaces import TooLong


@implementer(IValidator)
@adapter(IEasyForm, IHernePortalLayer, IEasyFormForm, IField, Interface)
class CheckedFieldValidator(FieldExtenderValidator):
    """easyform's validator of a field (its format checks and TALES) after the portal's checks."""

    def validate(self, value):
        refuse_unfit(self.context, self.field, value)
        super().validate(value)


@implementer(IValidator)
@adapter(IEasyForm, IHernePortalLayer, IGroup, IField, Interface)
class CheckedGroupFieldValidator(GroupFieldExtenderValidator):
    """The same for a field in a fieldset of the form."""

    def validate(self, value):
        refuse_unfit(self.context, self.field, value)
        super().validate(value)


def refuse_unfit(form, field, value):
    """Too long a text, or a file that is disguised or too big: refused in German.

    Files are checked here, with the other fields, so that one post names every error
    at once; the total size of all files is checked when the application is filed.
    Other easyforms of the site (a contact form) keep their own rules.
    """
    if service_of(form) is None:
        return
    message = upload_error(value) if is_upload(value) else form_value_error(field, value)
    if message is not None:
        raise Invalid(message)


def _too_long(message_value):
    """The field's own check (an editor's maximum length) says what the limit is, too."""
    error = message_value.error
    return form_value_error(message_value.field, getattr(error, "value", None)) or error.doc()


#: The message of zope.schema's "Wert ist zu lang." on application forms, page and REST alike.
TooLongMessage = ComputedErrorViewMessage(
    _too_long, error=TooLong, request=IHernePortalLayer, form=IEasyFormForm
)
