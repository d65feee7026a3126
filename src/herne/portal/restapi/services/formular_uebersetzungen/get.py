"""GET @formular-uebersetzungen: a form's German field texts and their translations per offered language."""

from herne.portal.easyform.form_translations import form_translations
from herne.portal.easyform.translatable_fields import translatable_fields
from herne.portal.easyform.translation_changes import translation_languages
from herne.portal.restapi.services.base import JSONService


def _json_texts(texts):
    """Stored texts as JSON: choice labels keyed by the stored value as text."""
    result = {key: value for key, value in texts.items() if key != "values"}
    if texts.get("values"):
        result["values"] = {str(value): label for value, label in texts["values"].items()}
    return result


def translations_json(form):
    """The answer of GET (and of a successful PATCH)."""
    languages = translation_languages()
    stored = form_translations(form)
    return {
        "@id": f"{form.absolute_url()}/@formular-uebersetzungen",
        "languages": languages,
        "fields": [
            {
                "name": field["name"],
                "title": field["title"],
                "description": field["description"],
                "values": [
                    {"value": str(value), "title": title} for value, title in field["values"]
                ],
            }
            for field in translatable_fields(form)
        ],
        # Only what is translated: a field or text missing here is shown in German.
        "translations": {
            language: {
                name: _json_texts(texts) for name, texts in (stored.get(language) or {}).items()
            }
            for language in languages
        },
    }


class FormTranslationsGet(JSONService):
    """GET <form>/@formular-uebersetzungen."""

    def reply(self):
        return translations_json(self.context)
