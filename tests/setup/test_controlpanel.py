"""The control panel "Anträge" shows and stores the upload limits and draft retention."""

from herne.portal.eid.secret import client_secret
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


def test_eid_settings_keep_the_secret_when_left_empty(functional):
    browser = eid_panel(functional)
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    browser.getControl(name="form.widgets.issuer").value = "https://id.servicekonto.nrw.example"
    browser.getControl(name="form.widgets.client_id").value = "herne"
    assert "Client-Secret: nicht gesetzt." in browser.contents
    browser.getControl(name="form.widgets.client_secret").value = "geheim-1"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert client_secret() == "geheim-1"
    browser = eid_panel(functional)
    assert "geheim-1" not in browser.contents
    assert "Client-Secret: gesetzt." in browser.contents
    assert browser.getControl(name="form.widgets.client_secret").value == ""
    browser.getControl(name="form.widgets.client_id").value = "herne-2"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.eid.client_id") == "herne-2"
    assert client_secret() == "geheim-1"
    # A new secret replaces the old one.
    browser = eid_panel(functional)
    browser.getControl(name="form.widgets.client_secret").value = "geheim-2"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    assert client_secret() == "geheim-2"


def test_eid_cannot_be_enabled_without_provider(functional):
    browser = eid_panel(functional)
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    browser.getControl(name="form.buttons.save").click()
    assert "Aussteller und Client-ID" in browser.contents
    transaction.abort()
    assert api.portal.get_registry_record("herne.portal.eid.enabled") is False
