"""The editors' screen "Formular übersetzen": a form's labels, help texts and choices per offered language."""

from herne.portal import _
from herne.portal.easyform.form_translations import form_translations
from herne.portal.easyform.translatable_fields import translatable_fields
from herne.portal.easyform.translation_changes import UNKNOWN_CHOICE
from herne.portal.easyform.translation_changes import change_translations
from herne.portal.easyform.translation_changes import translation_languages
from herne.portal.i18n import LANGUAGE_NAMES
from herne.portal.i18n import RIGHT_TO_LEFT
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import getMultiAdapter


PAGE_NAME = "formular-uebersetzen"
#: Input names: ``field.<field name>.title``, ``….description``, ``….value.<number of the choice>``.
PREFIX = "field."

TOKEN_INVALID = _(
    "Das Formular war zu lange geöffnet oder ist ungültig. Bitte laden Sie die Seite neu "
    "und speichern Sie noch einmal."
)
BAD_INPUT = _("Unbekannte Angabe „${name}“.")


def input_name(field_name, kind, number=None):
    return f"{PREFIX}{field_name}.{kind}" + (f".{number}" if number is not None else "")


class FormTranslationEditor(BrowserView):
    """GET shows one language's translations beside the German texts; POST saves them."""

    template = ViewPageTemplateFile("templates/formular_uebersetzen.pt")

    def __call__(self):
        self.languages = translation_languages()
        chosen = self.request.form.get("sprache")
        self.language = chosen if chosen in self.languages else (self.languages or [None])[0]
        self.fields = translatable_fields(self.context)
        self.errors = {}
        if self.request.method == "POST" and self.language is not None:
            if not getMultiAdapter((self.context, self.request), name="authenticator").verify():
                self.request.response.setStatus(403)
                self.errors = {"_authenticator": TOKEN_INVALID}
            else:
                changes, self.errors = self.changes_from_request()
                if not self.errors:
                    self.errors = change_translations(self.context, {self.language: changes})
                if not self.errors:
                    IStatusMessage(self.request).add(
                        _(
                            "Die Übersetzung ist gespeichert (${language}).",
                            mapping={"language": self.language_name(self.language)},
                        ),
                        type="info",
                    )
                    self.request.response.redirect(self.page_url(self.language))
                    return ""
                self.request.response.setStatus(400)
        return self.template()

    def changes_from_request(self):
        """{field: {"title", "description", "values"}} of the submitted inputs, and input errors."""
        choices = {field["name"]: field["values"] for field in self.fields}
        changes = {}
        errors = {}
        for name, value in self.request.form.items():
            if not name.startswith(PREFIX):
                continue
            field_name, _dot, rest = name[len(PREFIX) :].partition(".")
            kind, _dot, number = rest.partition(".")
            texts = changes.setdefault(field_name, {})
            if kind in ("title", "description") and not number:
                texts[kind] = value
            elif kind == "value" and field_name in choices:
                try:
                    choice = choices[field_name][int(number)][0]
                except (ValueError, IndexError):
                    errors[name] = _(UNKNOWN_CHOICE, mapping={"field": field_name, "value": number})
                    continue
                texts.setdefault("values", {})[str(choice)] = value
            elif kind == "value":
                texts["value"] = value  # an unknown field: refused as such below
            else:
                errors[name] = _(BAD_INPUT, mapping={"name": name})
        return changes, errors

    def page_url(self, language):
        return f"{self.context.absolute_url()}/@@{PAGE_NAME}?sprache={language}"

    def language_name(self, language):
        return LANGUAGE_NAMES.get(language, language)

    def language_links(self):
        return [
            {
                "name": self.language_name(language),
                "url": self.page_url(language),
                "current": language == self.language,
            }
            for language in self.languages
        ]

    def direction(self):
        return "rtl" if self.language in RIGHT_TO_LEFT else "ltr"

    def rows(self):
        """Each field with its German texts and the inputs of the chosen language."""
        stored = form_translations(self.context).get(self.language) or {}
        language = self.language_name(self.language)
        submitted = self.request.form if self.errors else {}
        rows = []
        for field in self.fields:
            own = stored.get(field["name"]) or {}
            inputs = [
                self._input(
                    field["name"],
                    "title",
                    _("Beschriftung (${language})", mapping={"language": language}),
                    field["title"],
                    own.get("title"),
                    submitted,
                )
            ]
            if field["description"] or own.get("description"):
                inputs.append(
                    self._input(
                        field["name"],
                        "description",
                        _("Hilfetext (${language})", mapping={"language": language}),
                        field["description"],
                        own.get("description"),
                        submitted,
                        multiline=True,
                    )
                )
            labels = own.get("values") or {}
            for number, (value, german) in enumerate(field["values"]):
                inputs.append(
                    self._input(
                        field["name"],
                        "value",
                        _(
                            "Auswahl „${choice}“ (${language})",
                            mapping={"choice": german, "language": language},
                        ),
                        german,
                        labels.get(value),
                        submitted,
                        number=number,
                    )
                )
            rows.append({**field, "inputs": inputs})
        return rows

    def _input(
        self, field_name, kind, label, german, current, submitted, number=None, multiline=False
    ):
        name = input_name(field_name, kind, number)
        return {
            "name": name,
            "id": name.replace(".", "-"),
            "label": label,
            # The German text shows where nothing is translated: the citizen reads it there.
            "placeholder": german,
            "value": submitted.get(name, current or ""),
            "multiline": multiline,
        }

    def error_list(self):
        return list(self.errors.values())
