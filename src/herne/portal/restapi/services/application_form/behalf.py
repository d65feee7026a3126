"""The JSON ``fuer_andere`` of POST @antragsformular turned into the form page's behalf fields."""

from herne.portal import _
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.assist.consent import CONSENT_FIELD
from herne.portal.assist.consent import DOCUMENT_FIELD
from herne.portal.assist.consent import ID_FIELD
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
