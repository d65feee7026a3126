"""The JSON ``fuer_andere`` of POST @antragsformular turned into the form page's behalf fields."""

from herne.portal import _
from herne.portal.assist.capacity import capacity_for
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.assist.consent import CONSENT_FIELD
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import ID_FIELD
from herne.portal.assist.consent import consent_kinds_for
from herne.portal.assist.consent import id_kinds_for
from herne.portal.i18n import GERMAN
from herne.portal.i18n import in_language
from herne.portal.restapi.services.application_form.values import Refused
from herne.portal.restapi.services.application_form.values import file_value


#: Field names of the form page -> names in ``fuer_andere`` (for the errors).
JSON_NAMES = {CONSENT_FIELD: "einwilligung", DOCUMENT_FIELD: "vollmacht", ID_FIELD: "ausweis"}
NOT_AN_OBJECT = _(
    "„fuer_andere“ muss ein Objekt sein mit „einwilligung“ und „vollmacht“ oder „ausweis“."
)


def behalf_values(data):
    """``(fields, errors)``: {} without ``data``; German errors by JSON name when unreadable."""
    if data is None or data is False:
        return {}, {}
    if not isinstance(data, dict):
        return {}, {"fuer_andere": NOT_AN_OBJECT}
    fields = {
        BEHALF_FIELD: "1",
        CONSENT_FIELD: data.get("einwilligung"),
        ID_FIELD: data.get("ausweis"),
        DOCUMENT_FIELD: None,
    }
    if data.get("vollmacht") is not None:
        try:
            fields[DOCUMENT_FIELD] = file_value(data["vollmacht"], "vollmacht")
        except Refused as refused:
            return {}, {"vollmacht": refused.message}
    return fields, {}


def behalf_offer(service, language=GERMAN):
    """``(offer, None)``: the consents the caller may give for someone (titles in ``language``); ``(None, message)`` if none."""
    capacity, message = capacity_for(service)
    if capacity is None:
        return None, message
    return {
        "capacity": capacity.kind,
        "organisation": capacity.organisation,
        "einwilligung": [
            {"token": token, "title": in_language(title, language)}
            for token, title in consent_kinds_for(capacity)
        ],
        "ausweis": [
            {"token": token, "title": in_language(title, language)}
            for token, title in id_kinds_for(capacity)
        ],
    }, None
