"""PATCH @formular-uebersetzungen: change some of a form's translations; an empty text falls back to German."""

from herne.portal.easyform.translation_changes import BAD_SHAPE
from herne.portal.easyform.translation_changes import change_translations
from herne.portal.restapi.services.base import JSONService
from herne.portal.restapi.services.formular_uebersetzungen.get import translations_json


class FormTranslationsPatch(JSONService):
    """PATCH <form>/@formular-uebersetzungen with {"translations": {language: {field: texts}}}."""

    def reply(self):
        changes = self.body().get("translations")
        if not isinstance(changes, dict):
            return self.error(400, {"translations": BAD_SHAPE})
        errors = change_translations(self.context, changes)
        if errors:
            return self.error(400, errors)
        return translations_json(self.context)
