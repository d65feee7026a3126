"""The control panels "Anträge", mail texts and eID store their settings and refuse bad ones (the eID secret: tests/controlpanels)."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
import transaction


def test_site_admin_changes_limits(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/@@herne-applications-controlpanel")
    assert browser.getControl(name="form.widgets.max_file_size_mb").value == "10"
    assert browser.getControl(name="form.widgets.max_total_size_mb").value == "25"
    browser.getControl(name="form.widgets.max_file_size_mb").value = "5"
    browser.getControl(name="form.widgets.draft_retention_days").value = "14"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.max_file_size_mb") == 5
    assert api.portal.get_registry_record("herne.portal.draft_retention_days") == 14


def test_bad_limit_refused(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/@@herne-applications-controlpanel")
    browser.getControl(name="form.widgets.max_file_size_mb").value = "0"
    browser.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.max_file_size_mb") == 10


def test_site_admin_edits_a_status_mail_text(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/@@herne-notifications-controlpanel")
    assert "Begründung" in browser.getControl(name="form.widgets.rejected").value
    browser.getControl(name="form.widgets.approved").value = "Genehmigt: ${reference}"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.mail.approved") == "Genehmigt: ${reference}"


def eid_panel(functional):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "de")
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional["portal"].absolute_url() + "/@@herne-eid-controlpanel")
    return browser


def test_eid_cannot_be_enabled_without_provider(functional):
    browser = eid_panel(functional)
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    browser.getControl(name="form.buttons.save").click()
    assert "Aussteller und Client-ID" in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.eid.enabled") is False
