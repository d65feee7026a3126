"""Plone's @@getVocabulary without the letters' catalog columns: it read any column a caller named."""

from herne.portal.applications.letters import PRIVATE_COLUMNS
import json
from plone.app.content.browser.vocabulary import VocabularyView
from plone.app.content.browser.vocabulary import _parseJSON


def visible_attributes(requested):
    """The requested ``attributes`` (JSON list or comma separated, ``key:column`` too) without private columns."""
    attributes = _parseJSON(requested or "")
    if isinstance(attributes, str):
        attributes = attributes.split(",") if attributes else []
    return [
        attribute
        for attribute in attributes
        if str(attribute).split(":", 1)[-1].strip() not in PRIVATE_COLUMNS
    ]


class PrivateColumnsVocabularyView(VocabularyView):
    """``attributes=["letters_summary"]`` showed the applicant the department's letters."""

    def __call__(self):
        requested = self.request.get("attributes", "")
        if requested:
            self.request.set("attributes", json.dumps(visible_attributes(requested)))
        return super().__call__()
