"""The German texts of a form's fields that editors translate: label, help text and choices."""

from herne.portal.easyform.parsed_model import form_schema
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyTokenized


def _text(value):
    return str(value) if value else ""


def choices(field):
    """[(stored value, German label)] of a choice field (or a list of choices), else []."""
    if ICollection.providedBy(field) and IChoice.providedBy(getattr(field, "value_type", None)):
        field = field.value_type
    if not IChoice.providedBy(field):
        return []
    vocabulary = field.vocabulary
    # A named or dynamic vocabulary has no fixed choices on the form to translate.
    if not IVocabularyTokenized.providedBy(vocabulary):
        return []
    return [(term.value, _text(term.title) or str(term.value)) for term in vocabulary]


def translatable_fields(form):
    """Each field of ``form`` in order: {"name", "title", "description", "values": [(value, label)]}."""
    return [
        {
            "name": name,
            "title": _text(field.title),
            "description": _text(field.description),
            "values": choices(field),
        }
        for name, field in getFieldsInOrder(form_schema(form))
    ]
