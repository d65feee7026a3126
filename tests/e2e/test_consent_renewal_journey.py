"""The Digitallotsin renews a withdrawn consent with a new Vollmacht, a disguised file refused first, at 0 axe violations."""

from herne.portal.assist.acting import withdraw_consent
from herne.portal.demo.assisted import create_demo_assisted_applications
from pathlib import Path
from playwright.sync_api import expect
from plone import api
import pytest
import re
import transaction


pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DISGUISED = b"<html><body><script>alert('x')</script></body></html>"


def application_with_withdrawn_consent():
    """The demo application Doris Lotz entered for someone, its consent withdrawn by the department."""
    transaction.abort()
    (reference,) = create_demo_assisted_applications()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(reference_number=reference)
    application = brain._unrestrictedGetObject()
    with api.env.adopt_user(username="sachbearbeitung-steuern"):
        assert withdraw_consent(application) == {}
    transaction.commit()
    return reference


def stored(reference):
    """The application's consent record and its Vollmachten, as the database holds them now."""
    transaction.abort()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(reference_number=reference)
    application = brain._unrestrictedGetObject()
    vollmachten = [
        item for item in application.contentValues() if item.field_name == "herne_vollmacht"
    ]
    return bool(application.entry.get("consent_withdrawn")), len(vollmachten)


class TestRenewingAConsent:
    def test_helper_renews_a_withdrawn_consent_with_a_new_vollmacht(self, journey, site, tmp_path):
        reference = application_with_withdrawn_consent()
        disguised = Path(tmp_path) / "vollmacht-scan.pdf"
        disguised.write_bytes(DISGUISED)
        vollmacht = Path(tmp_path) / "vollmacht-neu.pdf"
        vollmacht.write_bytes(PDF)
        helper = journey("einwilligung-erneuern")
        helper.login("digitallotse", "demo-digitallotse-2026")

        page = helper.goto("@@einwilligung-erneuern")
        expect(page.get_by_role("heading", level=1)).to_have_text("Einwilligung erneuern")
        # a Digitallotsin is offered the Vollmacht only, never the counter's consent
        expect(page.get_by_label(re.compile("am Schalter anwesend"))).to_have_count(0)
        helper.check("Einwilligung erneuern")

        page.get_by_label("Aktenzeichen").fill(reference)
        page.get_by_label("Neue Vollmacht (PDF, JPEG oder PNG)").set_input_files(str(disguised))
        page.get_by_role("button", name="Einwilligung erneuern").click()
        message = page.locator("#herne-renew-vollmacht-error")
        expect(message).to_contain_text("kein PDF-Dokument")
        expect(page.get_by_label("Neue Vollmacht (PDF, JPEG oder PNG)")).to_have_attribute(
            "aria-describedby", "herne-renew-vollmacht-error"
        )
        expect(page.get_by_label("Aktenzeichen")).to_have_value(reference)
        helper.check("Vollmacht ist kein PDF")
        assert stored(reference) == (True, 1)  # nothing saved

        page.get_by_label("Neue Vollmacht (PDF, JPEG oder PNG)").set_input_files(str(vollmacht))
        page.get_by_role("button", name="Einwilligung erneuern").click()
        expect(
            page.get_by_text(
                re.compile(f"Die Einwilligung für den Antrag {reference} ist erneuert")
            )
        ).to_be_visible()
        expect(
            page.get_by_text(re.compile("Einwilligung erneuert von Digitallotse Doris Lotz"))
        ).to_be_visible()
        helper.check("Einwilligung erneuert")
        assert stored(reference) == (False, 2)
