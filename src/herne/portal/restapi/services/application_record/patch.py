"""``PATCH <application>``: plone.restapi's content PATCH for administrators, its refusals as German JSON errors."""

from herne.portal import _
from herne.portal.restapi.services.base import JSONService
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.content.update import ContentPatch
from zExceptions import BadRequest


NOT_JSON = _("Bitte senden Sie die Angaben als JSON.")


def field_errors(refused):
    """{field: German message} of plone.restapi's validation errors (a list of dicts)."""
    found = refused.args[0] if refused.args else None
    if not isinstance(found, list):
        return None
    errors = {}
    for item in found:
        if isinstance(item, dict) and item.get("message"):
            errors[str(item.get("field") or "body")] = str(item["message"])
    return errors or None


class ApplicationPatch(JSONService, ContentPatch):
    """Changes fields of an application; a wrong value is 400 naming the field, not a traceback."""

    def reply(self):
        try:
            json_body(self.request)
        except DeserializationError:
            return self.error(400, {"body": NOT_JSON})
        try:
            return super().reply()
        except BadRequest as refused:
            errors = field_errors(refused)
            if errors is None:
                raise
            return self.error(400, errors)
