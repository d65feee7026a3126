"""REST: a service's application form, read and submitted with the same checks as the page."""

from base64 import b64decode
from binascii import Error as Base64Error
from collective.easyform.api import get_schema
from herne.portal import _
from herne.portal.applications.lookup import find_by_submission_token
from herne.portal.browser.application_form import ApplicationForm
from herne.portal.browser.application_form import _service_of
from herne.portal.browser.eid import eid_login_url
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.easyform.submission import TECHNICAL_FIELDS
from herne.portal.eid.prefill import verified_form_values
from herne.portal.eid.trust import satisfies
from herne.portal.restapi.applications import _de
from herne.portal.restapi.applications import _JSONService
from io import BytesIO
from plone import api
from plone.protect.authenticator import createToken
from types import SimpleNamespace
import uuid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from ZPublisher.HTTPRequest import FileUpload


def _file_upload(item):
    """A JSON file (Base64 ``data``, ``filename``, ``content-type``) as the browser would send it."""
    content = b64decode(item["data"], validate=True)
    storage = SimpleNamespace(
        file=BytesIO(content),
        filename=str(item.get("filename") or "datei"),
        headers={"content-type": str(item.get("content-type") or "application/octet-stream")},
        name="file",
    )
    return FileUpload(storage)


class _FormService(_JSONService):
    def gate(self):
        """401 without log-in, 403 with a German explanation when the trust level is too low."""
        service = _service_of(self.context)
        if service is None:
            return self.error(404, message=_("Dieses Formular gehört zu keiner Leistung."))
        if api.user.is_anonymous():
            return self.error(401, message=_("Bitte melden Sie sich an."))
        if not satisfies(self.request, service.trust_level):
            return self.error(
                403,
                message=_(
                    "Für diese Leistung müssen Sie sich mit dem Online-Ausweis (eID) "
                    "anmelden. Mit Ihrem einfachen Benutzerkonto können Sie diesen "
                    "Antrag nicht stellen."
                ),
                eid_login_url=eid_login_url(self.context.absolute_url()),
            )
        return None

    def fields(self):
        return [
            (name, field)
            for name, field in getFieldsInOrder(get_schema(self.context))
            if name not in TECHNICAL_FIELDS
        ]


class ApplicationFormGet(_FormService):
    """GET <form>/@antragsformular: the fields, with what the eID verified filled in and fixed."""

    def reply(self):
        refused = self.gate()
        if refused:
            return refused
        fields = self.fields()
        verified = verified_form_values(self.request, [name for name, _f in fields])
        return {
            "@id": f"{self.context.absolute_url()}/@antragsformular",
            "trust_level": _service_of(self.context).trust_level,
            "fields": [
                {
                    "name": name,
                    "title": _de(field.title),
                    "required": bool(field.required),
                    "type": type(field).__name__,
                    "value": str(verified[name]) if name in verified else None,
                    "verified": name in verified,
                }
                for name, field in fields
            ],
        }


class ApplicationFormPost(_FormService):
    """POST <form>/@antragsformular: ``values`` by field name, files as Base64; 201 or 400."""

    def token(self, field, value):
        """The form's token for a choice; an unknown value is passed on for the form to refuse."""
        choice = field.value_type if ICollection.providedBy(field) else field
        vocabulary = getattr(choice.bind(self.context), "vocabulary", None)
        try:
            return vocabulary.getTerm(value).token
        except (AttributeError, LookupError):
            return str(value)

    def reply(self):
        refused = self.gate()
        if refused:
            return refused
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip()
        if content_type.lower() != "application/json":
            # Only JSON, which a foreign page cannot send without the browser asking first (CORS).
            return self.error(415, {"body": _("Bitte senden Sie die Angaben als JSON.")})
        data = self.body()
        values = data.get("values")
        if not isinstance(values, dict):
            return self.error(400, {"values": _("Die Angaben fehlen (erwartet: „values“).")})
        form_data = {}
        for name, field in self.fields():
            if name not in values:
                continue
            value = values[name]
            key = f"form.widgets.{name}"
            try:
                if isinstance(value, dict) and "data" in value:
                    form_data[key] = _file_upload(value)
                elif IBool.providedBy(field):
                    form_data[key] = ["selected"] if value is True else []
                elif IChoice.providedBy(field) or ICollection.providedBy(field):
                    choices = value if isinstance(value, list) else [value]
                    form_data[key] = [self.token(field, choice) for choice in choices]
                elif IDate.providedBy(field) or not isinstance(value, (dict, list)):
                    form_data[key] = "" if value is None else str(value)
                else:
                    return self.error(400, {name: _("Dieser Wert hat nicht das erwartete Format.")})
            except (KeyError, TypeError, ValueError, Base64Error):
                return self.error(
                    400, {name: _("Die Datei ist nicht lesbar (erwartet: Base64 in „data“).")}
                )
        token = data.get("token") if isinstance(data.get("token"), str) else uuid.uuid4().hex
        form_data[f"form.widgets.{SUBMISSION_TOKEN}"] = token
        form_data["form.buttons.submit"] = "Absenden"
        # The caller is authenticated and sent application/json, which needs a CORS preflight.
        form_data["_authenticator"] = createToken()
        self.request.form = form_data
        form = ApplicationForm(self.context, self.request)
        form.update()
        errors = {
            name: widget.error.message
            for name, widget in form.widgets.items()
            if getattr(widget, "error", None) is not None
        }
        application = find_by_submission_token(api.user.get_current().getId(), token)
        if errors or application is None:
            if not errors:
                errors = {"form": form.status or _("Der Antrag konnte nicht gestellt werden.")}
            self.request.response.headers.pop("location", None)
            return self.error(400, errors)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", application.absolute_url())
        return {
            "@id": application.absolute_url(),
            "reference_number": application.reference_number,
            "state": api.content.get_state(application),
        }
