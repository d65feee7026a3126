"""A request's new applications are catalogued at its end without changing the indexes' request-cache counters; every other change still counts."""

from herne.portal.conflicts.index_counters import counters_left_alone
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.PluginIndexes.unindex import UnIndex
from tests.fixtures.applications import build_application
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
import transaction


def counters():
    catalog = api.portal.get_tool("portal_catalog")
    return {
        name: index.getCounter()
        for name, index in catalog._catalog.indexes.items()
        if isinstance(index, UnIndex)
    }


def test_a_submission_leaves_the_index_counters_alone(citizen, demo_portal, mailbox):
    before = counters()
    browser = citizen()
    apply_for_dog_tax(browser, demo_portal)
    transaction.begin()  # see what the requests committed
    (brain,) = applications_of("buerger")
    assert counters() == before
    # Found by every search that finds applications, in later requests too.
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog.unrestrictedSearchResults(reference_number=brain.reference_number)
    assert [found_brain.getPath() for found_brain in found] == [brain.getPath()]
    browser.open(f"{demo_portal.absolute_url()}/@@postkorb")
    assert brain.reference_number in browser.contents


def test_changes_in_a_request_still_count_for_its_later_searches(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    application = build_application(demo_portal, "hundesteuer")
    processQueue()
    number = application.reference_number
    assert catalog.unrestrictedSearchResults(reference_number=number, review_state="submitted")
    before = counters()["review_state"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="accept")
    processQueue()
    assert counters()["review_state"] > before
    # The same request searches again: its cached answer is not taken.
    assert catalog.unrestrictedSearchResults(reference_number=number, review_state="in_progress")
    assert not catalog.unrestrictedSearchResults(reference_number=number, review_state="submitted")


def test_counters_are_left_alone_only_inside_the_block_and_thread(demo_portal):
    index = api.portal.get_tool("portal_catalog")._catalog.getIndex("review_state")
    start = index.getCounter()
    with counters_left_alone():
        index._increment_counter()
        assert index.getCounter() == start
    index._increment_counter()
    assert index.getCounter() == start + 1
