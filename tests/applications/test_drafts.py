"""Drafts: saved partly filled, resumed, submitted, deleted by their owner, removed when stale."""

from DateTime import DateTime
from herne.portal.applications.drafts import remove_stale_drafts
from plone import api
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
from tests.fixtures.mail import receipts
import transaction


def save_draft(browser):
    browser.getControl(name="form.buttons.save_draft").click()


def test_save_partly_filled_draft(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    browser.getControl(name="form.widgets.first_name").value = "Bernd"
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    save_draft(browser)

    (brain,) = applications_of("buerger")
    assert brain.review_state == "draft"
    assert not brain.reference_number
    assert "Ihr Entwurf ist gespeichert" in browser.contents
    assert "Antrag fortsetzen" in browser.contents
    draft = brain._unrestrictedGetObject()
    assert draft.draft_values["dog_name"] == "Bello"


def test_resume_and_submit_draft(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    save_draft(browser)
    browser.getLink("Antrag fortsetzen").click()
    assert browser.getControl(name="form.widgets.dog_name").value == "Bello"

    fill_dog_tax(browser)
    submit(browser)
    (brain,) = applications_of("buerger")  # the draft became the application
    assert brain.review_state == "submitted"
    assert brain.reference_number
    assert brain._unrestrictedGetObject().draft_values is None
    assert len(receipts(mailbox)) == 1


def test_owner_deletes_draft(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    save_draft(browser)
    browser.getControl("Entwurf löschen").click()
    assert "Ihr Entwurf wurde gelöscht" in browser.contents
    assert len(applications_of("buerger")) == 0


def test_other_citizen_cannot_see_or_resume_a_draft(citizen, demo_portal):
    from zExceptions import Unauthorized

    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    save_draft(browser)
    (brain,) = applications_of("buerger")

    other = citizen("buergerin")
    try:
        other.open(brain.getURL())
        raise AssertionError("another citizen opened the draft")
    except Unauthorized:
        pass
    form_url = demo_portal["leistungen"]["hundesteuer"]["antrag"].absolute_url()
    other.open(f"{form_url}?entwurf={brain.UID}")
    assert other.getControl(name="form.widgets.dog_name").value == ""


def test_stale_drafts_are_removed(citizen, demo_portal):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    save_draft(browser)
    transaction.abort()
    removed = remove_stale_drafts(days=30, now=DateTime() + 29)
    assert removed == []
    removed = remove_stale_drafts(days=30, now=DateTime() + 31)
    assert len(removed) == 1
    transaction.commit()
    assert len(applications_of("buerger")) == 0
    assert api.portal.get_registry_record("herne.portal.draft_retention_days") == 30


def test_draft_cannot_be_carried_into_another_services_form(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    browser.getControl(name="form.widgets.dog_name").value = "Bello"
    save_draft(browser)
    (draft,) = applications_of("buerger")

    riding = demo_portal["leistungen"]["reitkennzeichen"]["antrag"].absolute_url()
    browser.open(f"{riding}?entwurf={draft.UID}")
    assert "Bello" not in browser.contents
    assert browser.getControl(name="form.widgets.herne_draft").value == ""


def test_no_drafts_where_the_save_action_is_switched_off(citizen, demo_portal):
    form = demo_portal["leistungen"]["hundesteuer"]["antrag"]
    form.actions_model = form.actions_model.replace(
        "<title>Als Antrag speichern</title>",
        "<title>Als Antrag speichern</title><required>False</required>",
    )
    transaction.commit()
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    assert "form.buttons.save_draft" not in browser.contents
