"""Rules that two channels enforce answer alike in both: addresses, eID, originals, decimals, retention."""

from herne.portal.browser.accessibility_statement import IAccessibilityFeedback
from herne.portal.browser.csv_export import spreadsheet_safe
from herne.portal.browser.dashboard import DashboardView
from herne.portal.browser.service import ServiceView
from herne.portal.content.service import IService
from herne.portal.content.service import Service
from herne.portal.content.validators import InvalidEmail
from herne.portal.controlpanels.applications import IApplicationSettings
from herne.portal.controlpanels.eid import parse_trust_mapping
from herne.portal.easyform.validators import is_email
from herne.portal.reporting.charts import bar_chart
from herne.portal.reporting.maturity import facts_of
from herne.portal.vocabularies.catalogue import retention_actions
import pytest
from types import SimpleNamespace
from zope.i18n import translate


ADDRESSES = [
    ("name@example.org", True),
    ("  o'hara+a11y@example.org ", True),
    ("jens@österreich.example", True),
    ("a..b@example.org", False),
    ("name@exa_mple.org", False),
    ("a,b@example.org", False),
    ("name@example", False),
    ("müller@example.org", False),
]


@pytest.mark.parametrize("value, ok", ADDRESSES)
def test_application_forms_accept_the_addresses_the_feedback_form_accepts(value, ok):
    field = IAccessibilityFeedback["email"]
    if ok:
        field.validate(value)
    else:
        with pytest.raises(InvalidEmail):
            field.validate(value)
    assert (is_email(value) is None) is ok


def test_both_forms_refuse_an_address_in_the_same_words():
    refusal = translate(is_email("a..b@example.org"), target_language="de")
    assert refusal == translate(InvalidEmail().doc(), target_language="de")
    assert refusal.startswith("Bitte geben Sie eine gültige E-Mail-Adresse an")


def stub_service(trust_level):
    return SimpleNamespace(
        trust_level=trust_level,
        online_availability="online_form",
        objectValues=lambda: [],
        Description=lambda: "",
        prerequisites=None,
        originals_in_person=[],
        fees=[],
        result_delivery="post",
    )


@pytest.mark.parametrize(
    "level, needs_eid",
    [("none", False), ("basic", False), ("substantial", True), ("high", True), (None, False)],
)
def test_service_page_and_dashboard_agree_whether_an_eid_is_needed(level, needs_eid):
    service = stub_service(level)
    assert ServiceView(service, None).needs_eid() is needs_eid
    assert facts_of(service, eid_available=True).needs_eid is needs_eid


def test_eid_settings_map_to_the_levels_a_log_in_can_have():
    lines = ["a=none", "b=basic", "c=substantial", "d=high", "e=very-high"]
    assert parse_trust_mapping(lines) == {"b": "basic", "c": "substantial", "d": "high"}


def test_service_page_lists_the_originals_the_receipt_names(portal):
    service = Service("pass")
    service.required_documents = [
        {"name": "Foto", "note": None, "provision": "upload"},
        {"name": "Alter Pass", "note": "auch abgelaufen", "provision": "original"},
        {"name": "Gebühr", "note": None, "provision": "none"},
    ]
    originals = ServiceView(service, portal.REQUEST).originals()
    assert [doc["name"] for doc in originals] == service.originals_in_person == ["Alter Pass"]
    assert originals[0]["note"] == "auch abgelaufen"


def test_dashboard_chart_and_csv_write_decimals_alike():
    assert DashboardView.number(None, 2.5) == "2,5"
    assert spreadsheet_safe(2.5) == "2,5"
    assert ">2,5 %</text>" in bar_chart("Titel", "Text", ["Leistung"], [2.5], unit=" %")


def test_a_service_retention_has_the_bounds_and_actions_of_the_default():
    own, default = IService["retention_months"], IApplicationSettings["retention_months"]
    assert (own.min, own.max) == (default.min, default.max)
    actions = [term.value for term in retention_actions()]
    assert IApplicationSettings["retention_action"].default in actions
