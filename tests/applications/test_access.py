"""Applications and their files: the owner and the responsible clerks, nobody else."""

from plone import api
import pytest
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
import transaction
from zExceptions import Unauthorized


@pytest.fixture()
def clerks(demo_portal):
    """A clerk of the tax office (responsible for dog tax) and one of the environment office."""
    for username, group in (("clerk-tax", "clerks-steuern"), ("clerk-env", "clerks-umwelt")):
        api.user.create(
            username=username, email=f"{username}@herne.example", password=f"{username}-pass-1"
        )
        api.group.add_user(groupname=group, username=username)
    transaction.commit()


@pytest.fixture()
def dog_tax_application(citizen, demo_portal, mailbox):
    apply_for_dog_tax(citizen(), demo_portal)
    (brain,) = applications_of("buerger")
    (evidence,) = brain._unrestrictedGetObject().contentValues()
    return brain.getURL(), evidence.absolute_url() + "/@@download/file"


def opens(browser, url):
    try:
        browser.open(url)
    except Unauthorized:
        return False
    return True


def test_responsible_clerk_sees_application_and_file(browser_as, clerks, dog_tax_application):
    application_url, file_url = dog_tax_application
    clerk = browser_as("clerk-tax", "clerk-tax-pass-1")
    assert opens(clerk, application_url)
    assert opens(clerk, file_url)
    assert clerk.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "who",
    [
        ("clerk-env", "clerk-env-pass-1"),
        ("buergerin", "demo-buergerin-2026"),
        ("redaktion", "demo-redaktion-2026"),
    ],
)
def test_others_see_nothing(browser_as, clerks, dog_tax_application, who):
    application_url, file_url = dog_tax_application
    browser = browser_as(*who)
    for url in (
        application_url,
        file_url,
        application_url + "/@@receipt",
        application_url + "/@@display-file",
    ):
        assert not opens(browser, url), f"{who[0]} opened {url}"


def test_anonymous_sees_nothing(demo_functional, dog_tax_application):
    from plone.testing.zope import Browser

    application_url, file_url = dog_tax_application
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    for url in (application_url, file_url):
        assert not opens(browser, url)


def test_application_area_is_not_public(browser_as, demo_portal, clerks, dog_tax_application):
    citizen_browser = browser_as("buerger", "demo-buerger-2026")
    assert not opens(citizen_browser, demo_portal.absolute_url() + "/antraege/steuern")
    assert opens(
        browser_as("clerk-tax", "clerk-tax-pass-1"),
        demo_portal.absolute_url() + "/antraege/steuern",
    )


def test_applications_not_in_site_search(browser_as, demo_portal, dog_tax_application):
    browser = browser_as("buergerin", "demo-buergerin-2026")
    browser.open(demo_portal.absolute_url() + "/@@search?SearchableText=Hundesteuer")
    assert "/antraege/" not in browser.contents


def test_citizen_whose_submission_opens_an_area_does_not_own_it(submitted_application, demo_portal):
    """The first application of a department creates its area, in the citizen's request."""
    root = demo_portal["antraege"]
    if "wohngeld" in root:
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=root["wohngeld"])
    first = submitted_application("wohngeld", user="buergerin")
    second = submitted_application("wohngeld", user="buerger")
    area = root["wohngeld"]
    assert {principal for principal, _roles in area.get_local_roles()} == {"clerks-wohngeld"}

    catalog = api.portal.get_tool("portal_catalog")
    for username, own, other in (("buergerin", first, second), ("buerger", second, first)):
        with api.env.adopt_user(username=username):
            found = {brain.UID for brain in catalog.searchResults(portal_type="Application")}
            assert own.UID() in found
            assert other.UID() not in found
            assert not api.user.has_permission("View", obj=other)
