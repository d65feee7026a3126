"""Zahlungseingänge: the fees paid online on one day for one department, for the city's finance office."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import timedelta
from herne.portal import _
from herne.portal.i18n import in_german
from herne.portal.languages import german_only
from herne.portal.payment.flow import payment_of
from herne.portal.payment.provider import PAID
from herne.portal.payment.service import IServicePayment
from herne.portal.payment.summary import METHODS
from plone import api


#: The columns, as the CSV heads them and JSON names them.
COLUMNS = (
    ("date", _("Datum")),
    ("reference_number", _("Aktenzeichen")),
    ("service", _("Leistung")),
    ("amount", _("Betrag")),
    ("payment_reference", _("Zahlungsreferenz")),
    ("method", _("Zahlungsart")),
    ("cost_object", _("Kostenträger/Produktkonto")),
)

BAD_DAY = _("Bitte geben Sie den Tag als JJJJ-MM-TT an, z. B. 2026-12-04.")
UNKNOWN_DEPARTMENT = _("Diese Organisationseinheit gibt es nicht.")


def parse_day(text):
    """The day of ``text`` (YYYY-MM-DD; empty: today), or None when it is not one."""
    if not text:
        return date.today()
    try:
        return datetime.strptime(str(text), "%Y-%m-%d").date()
    except ValueError:
        return None


def department_by_id(department_id):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Department", id=str(department_id or ""), **german_only()
    )
    return brains[0]._unrestrictedGetObject() if brains else None


def check_request(day_text, department_id):
    """(day, department, errors by field) for the request's values."""
    errors = {}
    day = parse_day(day_text)
    if day is None:
        errors["tag"] = BAD_DAY
    department = department_by_id(department_id)
    if department is None:
        errors["abteilung"] = UNKNOWN_DEPARTMENT
    return day, department, errors


def payments_received(day, department):
    """Rows (dicts) of the applications of ``department`` paid and submitted on ``day``."""
    start = DateTime(day.isoformat())
    end = DateTime((day + timedelta(days=1)).isoformat())
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application",
        department_uid=department.UID(),
        submitted={"query": (start, end), "range": "min:max"},
        sort_on="submitted",
    )
    rows = []
    services = {}
    for brain in brains:
        application = brain._unrestrictedGetObject()
        record = payment_of(application) or {}
        if record.get("state") != PAID:
            continue
        uid = application.service_uid
        if uid not in services:
            found = catalog.unrestrictedSearchResults(UID=uid)
            services[uid] = found[0]._unrestrictedGetObject() if found else None
        service = services[uid]
        behavior = IServicePayment(service, None) if service is not None else None
        method = record.get("method") or ""
        rows.append(
            {
                "date": day.isoformat(),
                "reference_number": application.reference_number,
                "service": application.service_title,
                "amount": record["amount"],
                "payment_reference": record.get("payment_reference") or "",
                "method": in_german(METHODS[method]) if method in METHODS else method,
                "cost_object": (behavior.cost_object if behavior is not None else "") or "",
            }
        )
    return rows
