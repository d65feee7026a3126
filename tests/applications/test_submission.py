"""A citizen applies online: one application with a reference number, files, receipt and mail."""

import datetime
from plone import api
import pytest
import re
from tests.fixtures.applications import HTML_AS_PDF
from tests.fixtures.applications import PDF
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
from tests.fixtures.mail import receipts
from tests.fixtures.mail import wait_for
import transaction


def test_citizen_submits_dog_tax_application(citizen, demo_portal, mailbox):
    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)

    (brain,) = applications_of("buerger")
    year = datetime.date.today().year
    assert re.fullmatch(rf"HER-{year}-\d{{6}}", brain.reference_number)
    assert brain.review_state == "submitted"
    assert browser.url == brain.getURL()
    assert brain.reference_number in browser.contents
    assert "Eingegangen" in browser.contents

    application = brain._unrestrictedGetObject()
    assert application.service_uid == demo_portal["leistungen"]["hundesteuer"].UID()
    assert application.applicant == "buerger"
    assert application.getOwner().getId() == "buerger"
    # Owned through the site's user folder, as the site's own tools name the owner.
    site_users = "/".join(demo_portal.acl_users.getPhysicalPath()[1:])
    assert application.owner_info()["id"] == "buerger"
    assert application.owner_info()["path"] == site_users
    assert application.get_local_roles() == (("buerger", ("Owner",)),)
    rows = {row["name"]: row for row in application.submitted_data}
    assert rows["dog_name"] == {"name": "dog_name", "title": "Name des Hundes", "value": "Bello"}
    assert rows["birth_date"]["value"] == "12.04.1970"
    assert application.privacy_consent is not None
    assert application.delivery_method == "post"
    assert application.delivery_address == "Bahnhofstraße 12\n44623 Herne"
    (evidence,) = [
        item for item in application.contentValues() if item.portal_type == "ApplicationFile"
    ]
    assert evidence.file.data == PDF
    assert evidence.field_title.startswith("Nachweis über die Abgabe")
    # lives in the department's area, not in the service page's folder
    assert application.aq_parent.getId() == "steuern"
    assert "antraege" in application.getPhysicalPath()

    (message,) = receipts(mailbox)
    assert message.rcpt_tos == [api.user.get(username="buerger").getProperty("email")]
    text = message.content.decode("utf-8", "replace")
    assert brain.reference_number in text
    assert "Eingangsbest" in text


def test_receipt_pdf(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    submit(browser)
    (brain,) = applications_of("buerger")
    browser.open(brain.getURL() + "/@@receipt")
    assert browser.headers["Content-Type"] == "application/pdf"
    assert browser.contents[:4] in (b"%PDF", "%PDF")
    assert "attachment" in browser.headers["Content-Disposition"]


def test_receipt_content(citizen, demo_portal, mailbox):
    from herne.portal.applications.receipt import receipt_pdf

    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    (brain,) = applications_of("buerger")
    pdf = receipt_pdf(brain._unrestrictedGetObject(), compress=False)
    for text in (
        brain.reference_number,
        "Aktenzeichen",
        "Hundesteuer an- und abmelden",
        "Dackel",
        "abgabevertrag.pdf",
        "Postkorb",
    ):
        assert text.encode("latin-1") in pdf, text


def test_receipt_lists_originals_to_bring(demo_portal):
    from herne.portal.applications.receipt import next_steps
    from types import SimpleNamespace

    service = demo_portal["leistungen"]["lebensbescheinigung"]
    application = SimpleNamespace(
        service_uid=service.UID(),
        department_uid=service.department_object().UID(),
        delivery_method="post",
        originals=[{"name": name} for name in service.originals_in_person],
    )
    steps = " ".join(next_steps(application))
    for original in service.originals_in_person:
        assert original in steps
    assert service.department_object().title in steps
    assert "per Post" in steps


def test_anonymous_gets_login_explanation(demo_functional, demo_portal):
    from plone.testing.zope import Browser

    browser = Browser(demo_functional["app"])
    open_dog_tax_form(browser, demo_portal)
    assert "melden Sie sich bitte mit Ihrem Benutzerkonto an" in browser.contents
    assert "form.buttons.submit" not in browser.contents


def test_trust_level_too_low_explains_instead_of_form(citizen, demo_portal):
    browser = citizen()
    browser.open(demo_portal["leistungen"]["fuehrungszeugnis"]["antrag"].absolute_url())
    assert "Online-Ausweis (eID)" in browser.contents
    assert "form.buttons.submit" not in browser.contents


def test_trust_level_cannot_be_raised_by_the_request(citizen, demo_portal):
    browser = citizen()
    form_url = demo_portal["leistungen"]["fuehrungszeugnis"]["antrag"].absolute_url()
    browser.open(f"{form_url}?herne.portal.trust_level=high&trust_level=high")
    assert "Online-Ausweis (eID)" in browser.contents
    assert "form.buttons.submit" not in browser.contents


def test_disguised_upload_refused(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    attach(browser, "form.widgets.transfer_proof", HTML_AS_PDF, "nachweis.pdf")
    submit(browser)
    assert "kein PDF-Dokument und kein Foto" in browser.contents
    assert len(applications_of("buerger")) == 0
    assert wait_for(mailbox, timeout=0.5) == [], mailbox[0].content[:300]


def test_oversized_upload_refused(citizen, demo_portal):
    api.portal.set_registry_record("herne.portal.max_file_size_mb", 1)
    transaction.commit()
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    attach(browser, "form.widgets.transfer_proof", PDF + b"0" * (1024 * 1024 + 1), "gross.pdf")
    submit(browser)
    assert "höchstens 1 MB je Datei" in browser.contents
    assert len(applications_of("buerger")) == 0


def test_bad_formats_refused_at_the_field(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(
        browser,
        **{
            "form.widgets.postcode": "4462",
            "form.widgets.iban": "DE89 3704 0044 0532 0130 01",
            "form.widgets.birth_date": "2999-01-01",
        },
    )
    submit(browser)
    page = browser.contents
    assert "Postleitzahl mit fünf Ziffern" in page
    assert "Diese IBAN ist nicht gültig" in page
    assert "Dieses Datum liegt in der Zukunft" in page
    assert len(applications_of("buerger")) == 0


def test_resubmission_creates_one_application(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    token = browser.getControl(name="form.widgets.herne_submission_token").value
    submit(browser)
    # the browser sends the same page again (double click, back button, reload)
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    browser.getControl(name="form.widgets.herne_submission_token").value = token
    submit(browser)
    assert len(applications_of("buerger")) == 1
    assert len(receipts(mailbox, timeout=1)) == 1
    assert len(mailbox) == 2  # the receipt and the department's notice, each once


def test_submission_without_csrf_token_refused(citizen, demo_portal):
    from urllib.parse import urlencode
    from zExceptions import Forbidden
    from zExceptions import Unauthorized

    browser = citizen()
    url = demo_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url()
    data = {
        "form.widgets.first_name": "Bernd",
        "form.widgets.last_name": "Bergmann",
        "form.buttons.submit": "Antrag absenden",
    }
    with pytest.raises((Forbidden, Unauthorized)):
        browser.post(url, urlencode(data))
    assert len(applications_of("buerger")) == 0


def test_applicant_sees_only_own_application(citizen, demo_portal, mailbox):
    from zExceptions import Unauthorized

    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    (brain,) = applications_of("buerger")
    (evidence,) = brain._unrestrictedGetObject().contentValues()
    evidence_url = evidence.absolute_url()
    browser.open(evidence_url + "/@@download/file")
    assert browser.headers["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in browser.headers["Content-Disposition"]

    other = citizen("buergerin")
    for url in (brain.getURL(), evidence_url + "/@@download/file", brain.getURL() + "/@@receipt"):
        try:
            other.open(url)
        except Unauthorized:
            continue
        raise AssertionError(f"another citizen could open {url}")


def test_missing_mail_settings_do_not_lose_the_application(citizen, demo_portal, mailbox):
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    submit(browser)
    (brain,) = applications_of("buerger")
    assert brain.reference_number in browser.contents
    assert wait_for(mailbox, timeout=0.5) == [], mailbox[0].content[:300]


def test_an_application_given_to_someone_else_is_owned_by_them(demo_portal):
    from herne.portal.applications.factory import give_to
    from tests.fixtures.applications import build_application

    application = build_application(demo_portal, "hundesteuer")
    with api.env.adopt_user(username="buerger"):
        give_to(application, "buergerin")
    assert application.getOwner().getId() == "buergerin"
    assert application.owner_info()["path"] == "/".join(demo_portal.acl_users.getPhysicalPath()[1:])
    assert application.get_local_roles() == (("buergerin", ("Owner",)),)
