"""``@@openapi.yaml`` and ``@@openapi.json``: the REST description, public and without personal data."""

from herne.portal.openapi import description
from herne.portal.openapi import description_text
import json
from Products.Five.browser import BrowserView


class OpenAPIYaml(BrowserView):
    """The description as kept in the repository."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/yaml; charset=utf-8")
        response.setHeader("Cache-Control", "public, max-age=3600")
        return description_text().encode("utf-8")


class OpenAPIJson(BrowserView):
    """The description as JSON, its server being this site."""

    def __call__(self):
        document = description()
        document["servers"] = [{"url": self.context.absolute_url()}]
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "public, max-age=3600")
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
