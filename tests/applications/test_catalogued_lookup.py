"""Services and departments found by UID in the middle of a request leave the indexing queue alone."""

from herne.portal.catalogued import catalogued_object
from plone import api


def queued():
    """How many objects wait in Plone's indexing queue of this transaction."""
    from Products.CMFCore.indexing import getQueue

    return getQueue().length()


def test_a_department_is_found_without_cataloguing_what_waits(demo):
    portal = demo["portal"]
    service = portal["leistungen"]["hundesteuer"]
    department = service.department_object()
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=portal, type="Document", id="neu", title="Neu")
    waiting = queued()
    assert waiting  # the new page waits for the commit

    assert catalogued_object(department.UID()) == department
    assert catalogued_object(service.UID()) == service
    assert queued() == waiting  # nothing catalogued early
    # Something made in this request is not catalogued yet: found all the same.
    assert catalogued_object(page.UID()) == page


def test_nothing_for_an_unknown_or_empty_uid(demo):
    assert catalogued_object("0" * 32) is None
    assert catalogued_object(None) is None
    assert catalogued_object("") is None


def test_anyone_finds_what_they_may_not_view(demo):
    portal = demo["portal"]
    with api.env.adopt_roles(["Manager"]):
        hidden = api.content.create(container=portal, type="Document", id="intern", title="Intern")
    from Products.CMFCore.indexing import processQueue

    processQueue()  # catalogued: found through the catalog, not the fallback
    with api.env.adopt_roles(["Anonymous"]):
        assert not api.user.has_permission("View", obj=hidden)
        assert catalogued_object(hidden.UID()) == hidden
        assert not api.user.has_permission("View", obj=hidden)  # no roles left borrowed


def test_a_catalogued_object_is_found_without_a_search(demo):
    from Products.ZCatalog.Catalog import Catalog
    from unittest import mock

    department = demo["portal"]["leistungen"]["hundesteuer"].department_object()
    with mock.patch.object(Catalog, "searchResults", side_effect=AssertionError) as search:
        assert catalogued_object(department.UID()) == department
    assert search.call_count == 0
