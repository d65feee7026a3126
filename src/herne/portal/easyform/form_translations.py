"""An application form's labels, help texts and choices in the citizen's language, German where a field has none.

The translations are kept on the form itself ({language: {field: {"title", "description",
"values": {stored value: label}}}}); the stored data keeps the German form's field names
and values, so the clerk reads the application with the German labels.
"""

import copy
from herne.portal.i18n import GERMAN
from persistent.mapping import PersistentMapping
from z3c.form.term import Terms
from zope.annotation.interfaces import IAnnotations
from zope.schema.interfaces import IBool
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


ANNOTATION_KEY = "herne.portal.form_translations"


def form_translations(form):
    """{language: {field name: texts}} of ``form`` (empty when nobody translated it)."""
    return IAnnotations(form).get(ANNOTATION_KEY) or {}


def translated_title(form, language, name, german):
    """Field ``name``'s label in ``language``, or ``german`` where nobody translated it."""
    if language == GERMAN:
        return german
    own = (form_translations(form).get(language) or {}).get(name) or {}
    return own.get("title") or german


def translated_texts(form, language, name, description, values):
    """Field ``name``'s help text and choices [(stored value, label)] in ``language``, German per text where none."""
    own = {}
    if language != GERMAN:
        own = (form_translations(form).get(language) or {}).get(name) or {}
    labels = dict(own.get("values") or {})
    return (
        own.get("description") or description,
        [(value, labels.get(value) or label) for value, label in values],
    )


def set_form_translations(form, translations):
    """Keep ``translations`` ({language: {field: {"title", "description", "values"}}}) on ``form``."""
    stored = PersistentMapping()
    for language, fields in translations.items():
        stored[language] = {
            name: {
                key: (dict(value) if isinstance(value, dict) else value)
                for key, value in texts.items()
                if key in ("title", "description", "values") and value
            }
            for name, texts in fields.items()
        }
    IAnnotations(form)[ANNOTATION_KEY] = stored


def _widgets(form_view):
    yield from form_view.widgets.values()
    for group in getattr(form_view, "groups", ()) or ():
        yield from group.widgets.values()


def translate_widgets(form_view, language):
    """Labels, help texts and choice labels of the form's widgets in ``language``, field by field."""
    if language == GERMAN:
        return
    texts = form_translations(form_view.context).get(language) or {}
    if not texts:
        return
    for widget in _widgets(form_view):
        field = getattr(widget, "field", None)
        own = texts.get(getattr(field, "__name__", None)) if field is not None else None
        if not own:
            continue
        if own.get("title"):
            widget.label = own["title"]
        if own.get("description"):
            # a copy: the parsed schema's field is shared by every request
            widget.field = copy.copy(field)
            widget.field.description = own["description"]
        labels = dict(own.get("values") or {})
        terms = getattr(widget, "terms", None)
        if terms is None:
            continue
        if IBool.providedBy(field) and own.get("title"):
            # a single checkbox names its one choice by the field's title
            labels.setdefault("selected", own["title"])
        if labels:
            translated = Terms()
            translated.terms = SimpleVocabulary(
                [
                    SimpleTerm(term.value, term.token, labels.get(term.value) or term.title)
                    for term in terms
                ]
            )
            widget.terms = translated
