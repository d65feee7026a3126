"""REST services for citizens: the Postkorb list, one application's detail, messages and answers."""

from base64 import b64decode
from binascii import Error as Base64Error
from herne.portal import _
from herne.portal.applications.conversation import answer_request
from herne.portal.applications.conversation import write_message
from herne.portal.browser.application import ApplicationView
from herne.portal.browser.postkorb import PostkorbView
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service
import transaction
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import alsoProvides


MAX_FILES = 3


def _de(message):
    return translate(message, target_language="de") if isinstance(message, Message) else message


#: The error ``type`` for a status, as plone.restapi names its own errors.
ERROR_TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    415: "UnsupportedMediaType",
}


class _JSONService(Service):
    def error(self, status, errors=None, message=None, type=None, **extra):
        """A JSON error in German; nothing of the request is kept.

        ``errors`` maps fields to their messages (listed, and joined as the ``message``
        unless one is given); ``type`` defaults to the status's name; ``extra`` adds
        keys such as a link to follow.
        """
        transaction.doom()
        self.request.response.setStatus(status)
        errors = errors or {}
        body = {
            "type": type or ERROR_TYPES.get(status, "BadRequest"),
            "message": _de(message)
            if message is not None
            else " ".join(_de(text) for text in errors.values()),
        }
        if errors:
            body["errors"] = [
                {"field": name, "message": _de(text)} for name, text in errors.items()
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
        if len(files) > MAX_FILES:
            return {}, {"files": _("Höchstens drei Dateien je Nachricht.")}
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


class PostkorbGet(_JSONService):
    """GET /@postkorb: the caller's applications, newest change first."""

    def reply(self):
        if api.user.is_anonymous():
            return self.error(401, message=_("Bitte melden Sie sich an."))
        rows = PostkorbView(self.context, self.request).rows()
        return {
            "@id": f"{self.context.absolute_url()}/@postkorb",
            "items_total": len(rows),
            "items": [
                {
                    "@id": row["url"],
                    "reference_number": row["reference"],
                    "service_title": row["service"],
                    "date": row["date"],
                    "review_state": row["state"],
                    "state_title": row["state_title"],
                    "must_act": row["must_act"],
                    "unread": row["unread"],
                }
                for row in rows
            ],
        }


def application_detail(application, request):
    """What its owner or the responsible clerk sees of one application, as JSON."""
    view = ApplicationView(application, request)
    return {
        "@id": application.absolute_url(),
        "reference_number": application.reference_number,
        "service_title": application.service_title,
        "review_state": view.state(),
        "state_title": view.state_title(),
        "must_act": view.must_act(),
        "next_step": _de(view.next_step()),
        "submitted": view.submitted(),
        "data": [{"title": row["title"], "value": row["value"]} for row in view.rows()],
        "originals": view.originals(),
        "history": view.history(),
        "messages": view.messages(),
        "documents": view.files(),
        "receipt": f"{application.absolute_url()}/@@receipt"
        if application.reference_number
        else None,
    }


class ApplicationGet(_JSONService):
    """GET <application>/@antrag: state, next step, history, messages and documents."""

    def reply(self):
        return application_detail(self.context, self.request)


class MessagePost(_JSONService):
    """POST <application>/@nachrichten {"text": ..., "files": [{"filename", "data"}]}."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)  # token-less API clients
        data = self.body()
        uploads, errors = self.files_from_body(data)
        if not errors:
            errors = write_message(self.context, data.get("text"), uploads)
        if errors:
            return self.error(400, errors)
        self.request.response.setStatus(201)
        return application_detail(self.context, self.request)


class AnswerPost(_JSONService):
    """POST <application>/@antwort: the citizen answers an information request."""

    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = self.body()
        uploads, errors = self.files_from_body(data)
        errors = errors or answer_request(self.context, data.get("text"), uploads)
        if errors:
            return self.error(400, errors)
        return application_detail(self.context, self.request)
