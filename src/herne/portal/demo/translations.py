"""Demo: the main service pages and the departments in English, Turkish, Ukrainian and Arabic, from data/translations.json."""

from herne.portal.easyform.form_translations import form_translations
from herne.portal.easyform.form_translations import set_form_translations
from herne.portal.i18n import offered_languages
import json
import logging
from pathlib import Path
from plone import api
from plone.app.multilingual import api as multilingual
from plone.app.multilingual.interfaces import ITranslationManager
from plone.app.textfield.value import RichTextValue


logger = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent / "data" / "translations.json"
CATALOGUE_FOLDER_ID = "leistungen"
DEPARTMENTS_FOLDER_ID = "organisation"


def load_translations(path=TRANSLATIONS):
    return json.loads(path.read_text(encoding="utf-8"))["services"]


def form_texts(path=TRANSLATIONS):
    """{service id: {language: {field: texts}}}: each form's own fields and the shared blocks'."""
    data = json.loads(path.read_text(encoding="utf-8"))
    blocks = data.get("form_blocks", {})
    result = {}
    for service_id, languages in data.get("forms", {}).items():
        result[service_id] = {
            language: {
                **{
                    name: texts
                    for block in blocks.values()
                    for name, texts in block.get(language, {}).items()
                },
                **fields,
            }
            for language, fields in languages.items()
        }
    return result


def translate_demo_forms(path=TRANSLATIONS):
    """The demo forms' labels, help texts and choices in every language (forms nobody translated yet)."""
    portal = api.portal.get()
    folder = portal.get(CATALOGUE_FOLDER_ID)
    for service_id, languages in form_texts(path).items():
        service = folder.get(service_id) if folder is not None else None
        forms = [
            obj
            for obj in (service.objectValues() if service is not None else ())
            if obj.portal_type == "EasyForm"
        ]
        if not forms or form_translations(forms[0]):
            continue
        set_form_translations(forms[0], languages)


def create_demo_translations(path=TRANSLATIONS):
    """Translations of the demo services that are not there yet; the German pages are left alone."""
    created = translate_missing(CATALOGUE_FOLDER_ID, load_translations(path), fill_translation)
    translate_demo_forms(path)
    logger.info("Herne demo content: %s translated service pages created", created)
    return created + create_demo_department_translations(path)


def create_demo_department_translations(path=TRANSLATIONS):
    """Title and description of each demo department in every language; address, opening
    hours and contact stay the German page's (the department page shows them from there)."""
    data = json.loads(path.read_text(encoding="utf-8")).get("departments", {})
    created = translate_missing(DEPARTMENTS_FOLDER_ID, data, fill_department_translation)
    logger.info("Herne demo content: %s translated department pages created", created)
    return created


def translate_missing(folder_id, data, fill):
    """Translate each page of ``data`` ({page id: {language: texts}}) in the site's folder
    ``folder_id`` into each offered language it has no translation in yet: ``fill(translation,
    german, texts)`` writes the texts, and the translation is published where the German page
    is. Returns how many translations were made."""
    folder = api.portal.get().get(folder_id)
    created = 0
    for page_id, languages in data.items():
        german = folder.get(page_id) if folder is not None else None
        if german is None:
            continue
        for language, texts in languages.items():
            if language not in offered_languages():
                continue
            if ITranslationManager(german).has_translation(language):
                continue
            with api.env.adopt_roles(["Manager"]):
                translation = multilingual.translate(german, language)
                fill(translation, german, texts)
                if api.content.get_state(german) == "published":
                    api.content.transition(obj=translation, transition="publish")
            created += 1
    return created


def fill_department_translation(translation, german, texts):
    """A department's translated title and description; the rest is the German page's."""
    translation.title = texts["title"]
    translation.description = texts["description"]
    translation.reindexObject()


def fill_translation(translation, german, texts):
    """The translated texts; amounts and how a document is handed in come from the German rows."""
    translation.title = texts["title"]
    translation.description = texts["description"]
    translation.prerequisites = RichTextValue(
        texts["prerequisites"], "text/html", "text/x-html-safe"
    )
    translation.processing_time = texts.get("processing_time")
    translation.required_documents = [
        {**row, "name": text["name"], "note": text.get("note") or ""}
        for row, text in zip(
            german.required_documents or [], texts["required_documents"], strict=True
        )
    ]
    translation.fees = [
        {**row, "purpose": text["purpose"]}
        for row, text in zip(german.fees or [], texts["fees"], strict=True)
    ]
    translation.reindexObject()
