"""What a filled-in application form says: snapshot rows, uploads, name and delivery address."""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from herne.portal import _
from herne.portal.applications.evidence import is_upload
from herne.portal.easyform.parsed_model import form_schema
from herne.portal.formats import german_date
from herne.portal.formats import german_time
from herne.portal.i18n import in_german
from zope.schema import getFieldsInOrder


SUBMISSION_TOKEN = "herne_submission_token"
DRAFT_FIELD = "herne_draft"
#: The standard choice "E-Mail oder Brief" of the submission step (applications.contact).
CONTACT_FIELD = "herne_contact"
TECHNICAL_FIELDS = frozenset({SUBMISSION_TOKEN, DRAFT_FIELD, CONTACT_FIELD})
ADDRESS_FIELDS = ("street", "postcode", "city")


def display_value(value):
    """How a submitted value reads in the application and the receipt."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return in_german(_("Ja") if value else _("Nein"))
    if isinstance(value, datetime):
        return f"{german_date(value)} {german_time(value)}"
    if isinstance(value, date):
        return german_date(value)
    if isinstance(value, (list, tuple, set)):
        return ", ".join(display_value(item) for item in value)
    if hasattr(value, "filename"):
        return value.filename or ""
    if hasattr(value, "output"):
        return value.output
    return str(value)


@dataclass
class Submission:
    rows: list
    values: dict
    uploads: dict
    applicant_name: str
    delivery_address: str = None
    titles: dict = field(default_factory=dict)


def read_submission(form, fields, name_fields, fallback_name, delivers_by_post):
    """Turn easyform's extracted data into what an application stores."""
    titles = {name: str(f.title) for name, f in getFieldsInOrder(form_schema(form))}
    answered = {
        name: value
        for name, value in fields.items()
        if name in titles and name not in TECHNICAL_FIELDS
    }
    uploads = {name: (titles[name], value) for name, value in answered.items() if is_upload(value)}
    values = {name: value for name, value in answered.items() if name not in uploads}
    rows = [
        {"name": name, "title": titles[name], "value": display_value(values[name])}
        for name in titles
        if name in values
    ]
    address = None
    if delivers_by_post:
        street, postcode, city = (display_value(fields.get(name)) for name in ADDRESS_FIELDS)
        lines = [street, " ".join(part for part in (postcode, city) if part)]
        address = "\n".join(line for line in lines if line) or None
    name = " ".join(
        display_value(fields.get(n)) for n in (name_fields or "").split() if fields.get(n)
    )
    return Submission(
        rows=rows,
        values=values,
        uploads=uploads,
        applicant_name=name or fallback_name,
        delivery_address=address,
        titles=titles,
    )
