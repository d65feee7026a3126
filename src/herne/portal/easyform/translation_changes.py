"""Editors' changes to a form's translations: checked against the form's fields and the offered languages."""

from herne.portal import _
from herne.portal.easyform.form_translations import form_translations
from herne.portal.easyform.form_translations import set_form_translations
from herne.portal.easyform.translatable_fields import translatable_fields
from herne.portal.i18n import GERMAN
from herne.portal.i18n import offered_languages


#: The texts of a field that are translated.
TEXTS = ("title", "description")
#: Longest translation of a label, a help text or a choice (easyform's own texts are shorter).
MAX_LENGTH = 2000

BAD_SHAPE = _("Die Übersetzungen müssen je Sprache und Feld als Objekt übergeben werden.")
UNKNOWN_LANGUAGE = _("Die Sprache „${language}“ wird für Formulare nicht angeboten.")
UNKNOWN_FIELD = _("Das Formular hat kein Feld „${field}“.")
UNKNOWN_TEXT = _(
    "Übersetzt werden nur Beschriftung, Hilfetext und Auswahl („${key}“ ist unbekannt)."
)
UNKNOWN_CHOICE = _("Das Feld „${field}“ hat keine Auswahl „${value}“.")
NOT_TEXT = _("Die Übersetzung muss ein Text sein.")
TOO_LONG = _("Die Übersetzung ist zu lang (höchstens ${max} Zeichen).", mapping={"max": MAX_LENGTH})


def translation_languages():
    """The offered languages a form is translated into (every one but German)."""
    return [language for language in offered_languages() if language != GERMAN]


def _checked_text(value, errors, key):
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[key] = NOT_TEXT
        return ""
    value = value.strip()
    if len(value) > MAX_LENGTH:
        errors[key] = TOO_LONG
    return value


def _merged_field(current, texts, choices, name, errors, prefix):
    """The field's translated texts after ``texts``: an empty text falls back to German again."""
    merged = dict(current or {})
    for key, value in texts.items():
        where = f"{prefix}.{key}"
        if key in TEXTS:
            text = _checked_text(value, errors, where)
            if text:
                merged[key] = text
            else:
                merged.pop(key, None)
        elif key == "values":
            if not isinstance(value, dict):
                errors[where] = BAD_SHAPE
                continue
            labels = dict(merged.get("values") or {})
            by_text = {str(choice): choice for choice in choices}
            for choice, label in value.items():
                if choice not in by_text:
                    errors[f"{where}.{choice}"] = _(
                        UNKNOWN_CHOICE, mapping={"field": name, "value": choice}
                    )
                    continue
                text = _checked_text(label, errors, f"{where}.{choice}")
                if text:
                    labels[by_text[choice]] = text
                else:
                    labels.pop(by_text[choice], None)
            if labels:
                merged["values"] = labels
            else:
                merged.pop("values", None)
        else:
            errors[where] = _(UNKNOWN_TEXT, mapping={"key": key})
    return merged


def change_translations(form, changes):
    """Apply ``changes`` ({language: {field: {"title", "description", "values"}}}) to ``form``.

    Only the given texts change; an empty text removes the translation, so that the
    citizen reads the German one. Returns {where: German message}; with any error
    nothing is saved.
    """
    if not isinstance(changes, dict):
        return {"translations": BAD_SHAPE}
    errors = {}
    fields = {field["name"]: field for field in translatable_fields(form)}
    languages = translation_languages()
    stored = {language: dict(texts) for language, texts in form_translations(form).items()}
    for language, by_field in changes.items():
        if language not in languages:
            errors[str(language)] = _(UNKNOWN_LANGUAGE, mapping={"language": language})
            continue
        if not isinstance(by_field, dict):
            errors[language] = BAD_SHAPE
            continue
        translated = stored.setdefault(language, {})
        for name, texts in by_field.items():
            prefix = f"{language}.{name}"
            if name not in fields:
                errors[prefix] = _(UNKNOWN_FIELD, mapping={"field": name})
                continue
            if not isinstance(texts, dict):
                errors[prefix] = BAD_SHAPE
                continue
            choices = [value for value, _label in fields[name]["values"]]
            merged = _merged_field(translated.get(name), texts, choices, name, errors, prefix)
            if merged:
                translated[name] = merged
            else:
                translated.pop(name, None)
    if errors:
        return errors
    set_form_translations(form, {language: texts for language, texts in stored.items() if texts})
    return {}
