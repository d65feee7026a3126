"""The data set sent to the department's software: the application as JSON, and its form's JSON Schema.

The data set (``data_set``) holds the reference number, the service (LeiKa key and
FIT-Connect service identifier), the applicant, how the result is delivered, every form
field by its name with the value as the application shows it, and a list of the attached
files. Its JSON Schema (``form_json_schema``) is generated from the easyform schema of the
service's application form: one string property per field, with the field's title,
description, length limit and choices; fields the form requires are required. The schema's
URI names the service and a hash of the schema, so a changed form has a new URI that the
receiving destination must know. ``docs/fit-connect.rst`` documents both.
"""

import hashlib
from herne.portal import _
from herne.portal.applications.evidence import is_upload
from herne.portal.easyform.parsed_model import form_schema
from herne.portal.easyform.submission import TECHNICAL_FIELDS
from herne.portal.fitconnect.errors import Refused
from herne.portal.i18n import in_german
import json
from plone.namedfile.interfaces import INamedField
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IMinMaxLen
from zope.schema.interfaces import IVocabularyTokenized


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
LEIKA_PREFIX = "urn:de:fim:leika:leistung:"
NO_SERVICE_KEY = _("Die Leistung hat keinen Leistungsschlüssel (LeiKa); FIT-Connect braucht ihn.")
NO_FORM = _("Die Leistung hat kein Antragsformular, aus dem das Datenschema entsteht.")


def service_identifier(service):
    """The FIT-Connect service type identifier (LeiKa URN); Refused without a service key."""
    key = (getattr(service, "service_key", None) or "").strip()
    if not key:
        raise Refused(in_german(NO_SERVICE_KEY))
    return f"{LEIKA_PREFIX}{key}"


def application_form(service):
    for item in service.objectValues():
        if item.portal_type == "EasyForm":
            return item
    return None


def _field_schema(field):
    prop = {"type": "string", "title": in_german(field.title)}
    if field.description:
        prop["description"] = in_german(field.description)
    if IBool.providedBy(field):
        prop["enum"] = [in_german(_("Ja")), in_german(_("Nein")), ""]
    elif IChoice.providedBy(field) and IVocabularyTokenized.providedBy(field.vocabulary):
        prop["enum"] = [str(term.value) for term in field.vocabulary] + [""]
    elif IMinMaxLen.providedBy(field) and field.max_length:
        prop["maxLength"] = field.max_length
    return prop


def form_fields(form):
    """The form's data fields (name, field), without uploads and the portal's technical fields."""
    return [
        (name, field)
        for name, field in getFieldsInOrder(form_schema(form))
        if name not in TECHNICAL_FIELDS and not INamedField.providedBy(field)
    ]


def _schema_body(service, form):
    fields = form_fields(form)
    text = {"type": "string"}
    return {
        "$schema": SCHEMA_DIALECT,
        "title": in_german(_("Antrag: ${service}", mapping={"service": service.title})),
        "type": "object",
        "required": [
            "referenceNumber",
            "serviceKey",
            "serviceIdentifier",
            "applicant",
            "delivery",
            "fields",
            "attachments",
        ],
        "properties": {
            "$schema": text,
            "referenceNumber": text,
            "serviceKey": {"type": "string", "pattern": "^[0-9]{14}$"},
            "serviceIdentifier": text,
            "serviceTitle": text,
            "department": text,
            "submitted": {"type": "string", "format": "date-time"},
            "applicant": {
                "type": "object",
                "required": ["name", "contactMethod"],
                "properties": {
                    "name": text,
                    "contactMethod": {"enum": ["email", "letter", ""]},
                    "postalAddress": text,
                },
                "additionalProperties": False,
            },
            "delivery": {
                "type": "object",
                "required": ["method"],
                "properties": {"method": text, "address": text},
                "additionalProperties": False,
            },
            "fields": {
                "type": "object",
                "properties": {name: _field_schema(field) for name, field in fields},
                "required": [name for name, field in fields if field.required],
                "additionalProperties": False,
            },
            "attachments": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["attachmentId", "field", "filename"],
                    "properties": {
                        "attachmentId": {"type": "string", "format": "uuid"},
                        "field": text,
                        "title": text,
                        "filename": text,
                        "mimeType": text,
                    },
                },
            },
        },
        "additionalProperties": False,
    }


def form_json_schema(service, form=None):
    """The JSON Schema of ``service``'s data set, with its ``$id`` (the schema URI)."""
    form = form or application_form(service)
    if form is None:
        raise Refused(in_german(NO_FORM))
    body = _schema_body(service, form)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:12]
    return {"$id": f"urn:herne-portal:fit-connect:schema:{service.getId()}:{digest}", **body}


def _iso(value):
    return value.ISO8601() if value is not None and hasattr(value, "ISO8601") else ""


def data_set(application, service, department, attachments):
    """The application's data set (dict). ``attachments`` are dicts of the attached files."""
    return {
        "referenceNumber": application.reference_number or "",
        "serviceKey": (service.service_key or "").strip(),
        "serviceIdentifier": service_identifier(service),
        "serviceTitle": application.service_title or service.title,
        "department": department.title if department is not None else "",
        "submitted": _iso(application.submitted),
        "applicant": {
            "name": application.applicant_name or "",
            "contactMethod": application.contact_method or "",
            "postalAddress": application.postal_address or "",
        },
        "delivery": {
            "method": application.delivery_method or "",
            "address": application.delivery_address or "",
        },
        "fields": {
            row["name"]: row.get("value") or ""
            for row in application.submitted_data or ()
            if not is_upload(row.get("value"))
        },
        "attachments": list(attachments),
    }
