"""JSON values of an application form turned into field values, checked as easyform checks them."""

from base64 import b64decode
from binascii import Error as Base64Error
from collective.easyform.api import get_expression
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.interfaces import IFieldExtender
from datetime import date
from datetime import datetime
from herne.portal import _
from herne.portal.easyform.parsed_model import form_schema
from herne.portal.easyform.submission import TECHNICAL_FIELDS
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamedField
from z3c.form.interfaces import IErrorViewSnippet
from z3c.form.interfaces import IValidator
from zope.component import getMultiAdapter
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFromUnicode


class Refused(Exception):
    """A JSON value that cannot become a value of its field; ``message`` says why in German."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


NOT_A_FILE = _("Die Datei ist nicht lesbar (erwartet: Base64 in „data“).")
WRONG_SHAPE = _("Dieser Wert hat nicht das erwartete Format.")
NOT_OFFERED = _("Bitte wählen Sie einen der angebotenen Werte.")


def applicant_fields(form):
    """(name, field) of what an applicant fills in: the fields easyform shows, in order."""
    fields = []
    for name, field in getFieldsInOrder(form_schema(form)):
        if name in TECHNICAL_FIELDS:
            continue
        extender = IFieldExtender(field)
        enabled = getattr(extender, "TEnabled", None)
        if getattr(extender, "serverSide", False) or (
            enabled and not get_expression(form, enabled)
        ):
            continue  # easyform leaves such fields out of the form (setOmitFields)
        fields.append((name, field.bind(form)))
    return fields


def _decoded(value):
    if not isinstance(value, dict):
        raise Refused(NOT_A_FILE)
    try:
        return b64decode(value["data"], validate=True)
    except (KeyError, TypeError, ValueError, Base64Error):
        raise Refused(NOT_A_FILE) from None


def _file(field, value):
    content = _decoded(value)
    if not content:
        return field.missing_value  # as the form treats a file input left empty
    return field._type(
        data=content,
        contentType=str(value.get("content-type") or ""),
        filename=str(value.get("filename") or "datei"),
    )


def file_value(value, default_name):
    """A file outside the form's fields (``filename``, Base64 ``data``) as a blob; None when empty."""
    content = _decoded(value)
    if not content:
        return None
    return NamedBlobFile(
        data=content,
        contentType=str(value.get("content-type") or ""),
        filename=str(value.get("filename") or default_name),
    )


def _choice(field, value):
    """The vocabulary value for ``value``, given as the value itself or as its token."""
    vocabulary = field.vocabulary
    if isinstance(value, (dict, list)):
        raise Refused(WRONG_SHAPE)
    try:
        return vocabulary.getTerm(value).value
    except (LookupError, TypeError, ValueError):
        pass
    try:
        return vocabulary.getTermByToken(str(value)).value
    except (LookupError, AttributeError):
        raise Refused(NOT_OFFERED) from None


def field_value(field, value):
    """The value of ``field`` for the JSON ``value``; ValueError or a schema error if unreadable."""
    if value is None or value == "" or value == []:
        return field.missing_value
    if INamedField.providedBy(field):
        return _file(field, value)
    if IBool.providedBy(field):
        return value is True
    if IChoice.providedBy(field):
        if isinstance(value, list) and len(value) == 1:
            value = value[0]  # a single choice sent like a selection of one
        return _choice(field, value)
    if ICollection.providedBy(field) and IChoice.providedBy(field.value_type):
        items = value if isinstance(value, list) else [value]
        choice = field.value_type.bind(field.context)
        return field._type(_choice(choice, item) for item in items)
    if isinstance(value, (dict, list)):
        raise Refused(WRONG_SHAPE)
    if IDatetime.providedBy(field):
        return datetime.fromisoformat(str(value))
    if IDate.providedBy(field):
        return date.fromisoformat(str(value))
    if IFromUnicode.providedBy(field):
        return field.fromUnicode(str(value))
    raise Refused(WRONG_SHAPE)


def error_message(error, request, field, view, form):
    """The message the form page shows for ``error`` (z3c.form's error view of it)."""
    snippet = getMultiAdapter((error, request, None, field, view, form), IErrorViewSnippet)
    snippet.update()
    return snippet.message


def form_values(form, request, values, fixed=None):
    """``(fields, errors)``: field values from the JSON ``values``, or German errors by field.

    Each value is converted for its field, then checked by the validators easyform's
    form runs (required, constraints, the field's validators and TALES validator).
    ``fixed`` values (what the eID verified) win over anything sent. Read-only fields
    are not taken from ``values``: the page shows them but never reads them back.
    """
    fixed = fixed or {}
    view = EasyFormForm(form, request)
    fields, errors = {}, {}
    for name, field in applicant_fields(form):
        if name in fixed:
            fields[name] = fixed[name]
            continue
        if field.readonly:
            continue  # z3c.form shows it in display mode and leaves it out of the data
        try:
            value = field_value(field, values.get(name))
            getMultiAdapter((form, request, view, field, None), IValidator).validate(value)
        except Refused as refused:
            errors[name] = refused.message
        except (Invalid, ValueError) as error:
            errors[name] = error_message(error, request, field, view, form)
        else:
            fields[name] = value
    if errors:
        return {}, errors
    return view.updateServerSideData(fields), {}
