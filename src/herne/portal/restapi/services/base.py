"""The JSON service every endpoint of the portal builds on: errors in the chosen language (German by default), JSON body, Base64 files."""

from base64 import b64decode
from binascii import Error as Base64Error
from herne.portal import _
from herne.portal.applications.limits import MAX_FILES
from herne.portal.applications.limits import TOO_MANY_FILES
from herne.portal.i18n import CHOSEN
from herne.portal.i18n import in_language
from herne.portal.i18n import rest_language
from plone.namedfile.file import NamedBlobFile
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
import transaction


#: The error ``type`` for a status, as plone.restapi names its own errors.
ERROR_TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    415: "UnsupportedMediaType",
}


class JSONService(Service):
    """A plone.restapi service answering errors with plone.restapi's error shape.

    Texts are German unless the call asks for another offered language with a
    ``language`` parameter or Accept-Language (``self.language``).
    """

    def render(self):
        # Set before the reply, so that what the reply files (an application) records it too.
        self.request.set(CHOSEN, rest_language(self.request))
        return super().render()

    @property
    def language(self):
        return self.request.get(CHOSEN) or rest_language(self.request)

    def text(self, message):
        """``message`` in the language of the answer."""
        return in_language(message, self.language)

    def error(self, status, errors=None, message=None, type=None, keep=False, **extra):
        """A JSON error in the answer's language; nothing of the request is kept (unless ``keep``).

        ``errors`` maps fields to their messages (listed, and joined as the ``message``
        unless one is given); ``type`` defaults to the status's name; ``extra`` adds
        keys such as a link to follow. ``keep`` commits what the request counted (a
        wrong try at a claim code must count).
        """
        if not keep:
            transaction.doom()
        self.request.response.setStatus(status)
        errors = errors or {}
        body = {
            "type": type or ERROR_TYPES.get(status, "BadRequest"),
            "message": self.text(message)
            if message is not None
            else " ".join(self.text(text) for text in errors.values()),
        }
        if errors:
            body["errors"] = [
                {"field": name, "message": self.text(text)} for name, text in errors.items()
            ]
        return {"error": {**body, **extra}}

    def body(self):
        """The JSON body as an object; anything else is treated as empty (and refused later)."""
        try:
            data = json_body(self.request)
        except DeserializationError:
            return {}
        return data if isinstance(data, dict) else {}

    def files_from_body(self, data):
        """Base64 files from the JSON body as blobs, or an error per file."""
        files = data.get("files") or []
        if not isinstance(files, list):
            return {}, {"files": _("Die Dateien müssen als Liste übergeben werden.")}
        if len(files) > MAX_FILES:  # before decoding any of them
            return {}, {"files": TOO_MANY_FILES}
        uploads = {}
        for number, item in enumerate(files, start=1):
            name = f"files.{number}"
            try:
                content = b64decode(item["data"], validate=True)
                filename = str(item.get("filename") or "datei")
            except (KeyError, TypeError, ValueError, Base64Error):
                return {}, {name: _("Die Datei ist nicht lesbar (erwartet: Base64 in „data“).")}
            uploads[name] = NamedBlobFile(data=content, filename=filename)
        return uploads, {}
