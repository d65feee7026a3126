"""Demo applications the Digitallotsin entered for people without an account, from data/assisted.json."""

from base64 import b64encode
from herne.portal.applications.contact import CONTACT_FIELD
from herne.portal.applications.submission import file_application
from herne.portal.easyform.save_application import application_action
from herne.portal.easyform.submission import SUBMISSION_TOKEN
from herne.portal.restapi.services.application_form.behalf import behalf_values
from herne.portal.restapi.services.application_form.values import form_values
from io import BytesIO
import json
import logging
from pathlib import Path
from plone import api
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from zope.globalrequest import getRequest


logger = logging.getLogger(__name__)

ASSISTED_FILE = Path(__file__).resolve().parent / "data" / "assisted.json"


def demo_assisted():
    return json.loads(ASSISTED_FILE.read_text(encoding="utf-8"))["applications"]


def vollmacht_pdf(text):
    """A one-page PDF with the signed authorisation's text (the demo's stand-in for a scan)."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont("Helvetica", 11)
    words, line, top = text.split(), "", 780
    for word in words:
        if canvas.stringWidth(f"{line} {word}", "Helvetica", 11) > 480:
            canvas.drawString(60, top, line)
            line, top = word, top - 16
        else:
            line = f"{line} {word}".strip()
    canvas.drawString(60, top, line)
    canvas.save()
    return buffer.getvalue()


def _entered_before(data):
    catalog = api.portal.get_tool("portal_catalog")
    return any(
        brain._unrestrictedGetObject().submission_token == data["token"]
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Application", entered_by=data["helper"]
        )
    )


def create_demo_assisted_applications():
    """File each application of ``assisted.json`` as its helper would; returns the reference numbers.

    The same path as the form page and REST (values checked, consent, claim code, the
    receipt as a letter in the department's Postausgang). Entered before: left alone.
    """
    portal = api.portal.get()
    request = getRequest() or portal.REQUEST
    made = []
    for data in demo_assisted():
        if _entered_before(data):
            continue
        form = portal["leistungen"][data["service"]]["antrag"]
        document = b64encode(vollmacht_pdf(data["vollmacht"])).decode()
        with api.env.adopt_user(username=data["helper"]):
            fields, errors = form_values(form, request, data["values"])
            behalf, behalf_errors = behalf_values(
                {
                    "einwilligung": data["consent"],
                    "vollmacht": {"filename": "vollmacht.pdf", "data": document},
                }
            )
            fields.update(behalf)
            fields[CONTACT_FIELD] = data["contact"]
            fields[SUBMISSION_TOKEN] = data["token"]
            filed = file_application(form, fields, request, application_action(form))
        errors = {**errors, **behalf_errors, **filed.errors}
        if errors:
            raise ValueError(f"Demo application {data['token']} refused: {errors}")
        made.append(filed.application.reference_number)
    logger.info("Herne demo applications entered for someone: %s", made)
    return made
