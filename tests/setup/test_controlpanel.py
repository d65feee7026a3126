"""The control panels "Anträge", mail texts and eID store their settings and refuse bad ones (the eID secret: tests/controlpanels)."""

from plone import api
from tests.fixtures.browsers import open_control_panel
import transaction


def test_site_admin_changes_limits(functional):
    browser = open_control_panel(functional, "@@herne-applications-controlpanel", language=None)
    assert browser.getControl(name="form.widgets.max_file_size_mb").value == "10"
    assert browser.getControl(name="form.widgets.max_total_size_mb").value == "25"
    browser.getControl(name="form.widgets.max_file_size_mb").value = "5"
    browser.getControl(name="form.widgets.draft_retention_days").value = "14"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.max_file_size_mb") == 5
    assert api.portal.get_registry_record("herne.portal.draft_retention_days") == 14


def test_bad_limit_refused(functional):
    browser = open_control_panel(functional, "@@herne-applications-controlpanel", language=None)
    browser.getControl(name="form.widgets.max_file_size_mb").value = "0"
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.max_file_size_mb") == 10


def test_site_admin_edits_a_status_mail_text(functional):
    browser = open_control_panel(functional, "@@herne-notifications-controlpanel", language=None)
    assert "Begründung" in browser.getControl(name="form.widgets.rejected").value
    browser.getControl(name="form.widgets.approved").value = "Genehmigt: ${reference}"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.mail.approved") == "Genehmigt: ${reference}"


def test_eid_cannot_be_enabled_without_provider(functional):
    browser = open_control_panel(functional, "@@herne-eid-controlpanel")
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    browser.getControl(name="form.buttons.save").click()
    assert "Aussteller und Client-ID" in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.eid.enabled") is False
