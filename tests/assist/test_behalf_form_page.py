"""The form page "Für eine andere Person beantragen": offered to helpers and clerks, checked like REST."""

from plone import api
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import HTML_AS_PDF
from tests.fixtures.applications import PDF
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import submit
import transaction


def form_url(portal):
    return portal["leistungen"]["hundesteuer"]["antrag"].absolute_url()


def entered_by(userid):
    transaction.abort()
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(entered_by=userid)
    ]


def fill_for_gertrud(browser):
    fill_dog_tax(
        browser,
        **{"form.widgets.first_name": "Gertrud", "form.widgets.last_name": "Groß"},
        **{"form.widgets.birth_date": "1941-02-03"},
    )


def test_helper_applies_with_a_vollmacht_on_the_page(helpers, browser_as):
    browser = browser_as(*HELPER)
    browser.open(form_url(helpers))
    browser.getLink("Für eine andere Person beantragen").click()
    assert "Geben Sie die Angaben der antragstellenden Person ein" in browser.contents
    # nothing of the helper's account in the form, and no draft
    assert browser.getControl(name="form.widgets.first_name").value == ""
    assert browser.getControl(name="form.widgets.email").value == ""
    assert "form.buttons.save_draft" not in browser.contents
    # only the Vollmacht for a helper, no ID kinds
    assert "form.widgets.herne_ausweis" not in browser.contents
    fill_for_gertrud(browser)
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    browser.getControl(name="form.widgets.herne_einwilligung").value = ["vollmacht"]
    attach(browser, "form.widgets.herne_vollmacht", HTML_AS_PDF, "vollmacht.pdf")
    submit(browser)
    assert "Diese Datei ist kein PDF-Dokument" in browser.contents
    assert entered_by("lotse") == []

    browser.getControl(name="form.widgets.herne_einwilligung").value = ["vollmacht"]
    attach(browser, "form.widgets.herne_vollmacht", PDF, "vollmacht.pdf")
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    submit(browser)
    (application,) = entered_by("lotse")
    assert browser.url == application.absolute_url()
    assert application.applicant_name == "Gertrud Groß"
    assert "Zuordnungscode" in browser.contents
    assert "Erfasst von Digitallotse Hanna Hilfreich, Seniorentreff Wanne-Süd" in browser.contents


def test_clerk_enters_at_the_counter_with_the_kind_of_id(helpers, browser_as):
    browser = browser_as(*TAX_CLERK)
    browser.open(f"{form_url(helpers)}?fuer=andere")
    fill_for_gertrud(browser)
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    browser.getControl(name="form.widgets.herne_einwilligung").value = ["vor_ort"]
    submit(browser)
    assert "Bitte wählen Sie, welchen Ausweis die Person vorgelegt hat." in browser.contents
    assert entered_by("sachbearbeitung-steuern") == []
    browser.getControl(name="form.widgets.herne_einwilligung").value = ["vor_ort"]
    browser.getControl(name="form.widgets.herne_ausweis:list").value = ["personalausweis"]
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    submit(browser)
    (application,) = entered_by("sachbearbeitung-steuern")
    assert application.entry["id_kind"] == "personalausweis"


def test_a_citizen_is_not_offered_it_and_is_refused(helpers, browser_as):
    browser = browser_as(*CITIZEN)
    browser.open(form_url(helpers))
    assert "Für eine andere Person beantragen" not in browser.contents
    browser.raiseHttpErrors = False
    browser.open(f"{form_url(helpers)}?fuer=andere")
    assert browser.headers["status"].startswith("403")
    assert "können nur Digitallotsen und die Sachbearbeitung" in browser.contents
