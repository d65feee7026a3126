"""A submission does only what it must before the commit: catalogued once, mails rendered later."""

from plone import api
import pytest
from tests.fixtures.applications import PDF
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle


@pytest.fixture()
def catalogued(monkeypatch):
    """The paths ZCatalog catalogs, in order, while the test runs."""
    from Products.ZCatalog.ZCatalog import ZCatalog

    paths = []
    original = ZCatalog.catalog_object

    def recording(self, obj, uid=None, *args, **kwargs):
        paths.append(uid or "/".join(obj.getPhysicalPath()))
        return original(self, obj, uid, *args, **kwargs)

    monkeypatch.setattr(ZCatalog, "catalog_object", recording)
    return paths


def test_application_is_catalogued_once_per_submission(citizen, demo_portal, mailbox, catalogued):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
    catalogued.clear()
    submit(browser)

    (brain,) = applications_of("buerger")
    # Once, at the commit: no search during the filing (department, service, FIT-Connect
    # destination, the workflow's security reindex) catalogs it half-made first.
    assert catalogued.count(brain.getPath()) == 1


def test_department_area_is_not_recatalogued_by_a_submission(
    citizen, demo_portal, mailbox, catalogued
):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    catalogued.clear()
    submit(browser)

    (brain,) = applications_of("buerger")
    application = brain._unrestrictedGetObject()
    area = application.__parent__
    area_path = "/".join(area.getPhysicalPath())
    # Adding an application changes nothing the catalog keeps of its department's area.
    assert area_path not in catalogued
    assert catalogued == [brain.getPath()]
    # The area holds it, and the application got what an added object gets.
    assert application.getId() in area
    assert area[application.getId()].UID() == brain.UID
    assert application.getOwner().getId() == "buerger"


def test_the_one_catalog_entry_is_complete_and_isolated(citizen, demo_portal, mailbox):
    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    submit(browser)
    (brain,) = applications_of("buerger")
    application = brain._unrestrictedGetObject()
    # What was set after the object was made is in the entry: state, number, name, owner.
    assert brain.review_state == "submitted"
    assert brain.reference_number == application.reference_number
    assert brain.applicant == "buerger"
    assert brain.department_uid == application.department_uid
    catalog = api.portal.get_tool("portal_catalog")
    expected = {
        "sachbearbeitung-steuern": True,  # the tax department's clerk
        "buerger": True,  # the applicant
        "sachbearbeitung": False,  # another department's clerk (Bürgerdienste)
        "sachbearbeitung-wohngeld": False,
        "buergerin": False,  # another citizen
        "redaktion": False,
    }
    for username, sees in expected.items():
        with api.env.adopt_user(username=username):
            by_type = {b.UID for b in catalog.searchResults(portal_type="Application")}
            by_number = {
                b.UID for b in catalog.searchResults(SearchableText=application.reference_number)
            }
            by_name = {b.UID for b in catalog.searchResults(SearchableText="Bergmann")}
        for found in (by_type, by_number, by_name):
            assert (brain.UID in found) is sees, username


def test_mails_are_rendered_after_the_commit_and_both_arrive(
    citizen, demo_portal, mailbox, monkeypatch
):
    from herne.portal.applications import notifications
    import threading

    browser = citizen()
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    rendered = []
    original = notifications._render

    request_thread = threading.get_ident()  # the test browser publishes in this thread

    def render(text, mapping):
        if threading.get_ident() == request_thread:  # not the outbox worker's
            rendered.append(mapping["reference"])
        return original(text, mapping)

    monkeypatch.setattr(notifications, "_render", render)
    submit(browser)
    # The request only queued the receipt and the department's notice ...
    assert rendered == []
    monkeypatch.setattr(notifications, "_render", original)

    # ... the outbox renders and sends both after the commit.
    (brain,) = applications_of("buerger")
    settle(mailbox, 2)
    (receipt,) = mails_to(mailbox, "buerger@example.org")
    (notice,) = mails_to(mailbox, "steuern@herne.de")
    assert brain.reference_number in receipt.get_content()
    assert brain.reference_number in notice["Subject"]
