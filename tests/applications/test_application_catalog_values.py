"""The catalog gets the same values for an application as through Plone's wrapper, without searching the site for names it lacks."""

from Acquisition import aq_base
from herne.portal.indexers.application_wrapper import ApplicationIndexableWrapper
import Missing
from plone import api
from plone.indexer.interfaces import IIndexableObject
from plone.indexer.wrapper import IndexableObjectWrapper
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
from unittest import mock
from zope.component import queryMultiAdapter


_MISSING = "<missing>"


def values(wrapper, names):
    """What ZCatalog reads from ``wrapper`` for each name (called if callable), or ``_MISSING``."""
    found = {}
    for name in names:
        try:
            value = getattr(wrapper, name)
            found[name] = value() if callable(value) else value
        except AttributeError:
            found[name] = _MISSING
    return found


def every_name(catalog):
    return sorted(set(catalog._catalog.names) | set(catalog.indexes()))


def application_with_file(portal):
    upload = NamedBlobFile(data=PDF, contentType="application/pdf", filename="abgabe.pdf")
    return build_application(
        portal, "hundesteuer", uploads={"transfer_proof": ("Abgabevertrag", upload)}
    )


def test_applications_get_the_wrapper_other_content_plones(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    application = application_with_file(demo_portal)
    assert type(queryMultiAdapter((application, catalog), IIndexableObject)) is (
        ApplicationIndexableWrapper
    )
    service = demo_portal["leistungen"]["hundesteuer"]
    assert type(queryMultiAdapter((service, catalog), IIndexableObject)) is IndexableObjectWrapper


def test_every_column_and_index_as_plones_wrapper_gives_it(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    application = application_with_file(demo_portal)
    names = every_name(catalog)
    submitted = values(ApplicationIndexableWrapper(application, catalog), names)
    assert submitted == values(IndexableObjectWrapper(application, catalog), names)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="accept")
    accepted = values(ApplicationIndexableWrapper(application, catalog), names)
    assert accepted == values(IndexableObjectWrapper(application, catalog), names)
    # Some values come from indexers, some from the workflow, some are missing.
    assert submitted["review_state"] == "submitted" and accepted["review_state"] == "in_progress"
    assert submitted["reference_number"] == application.reference_number
    assert submitted["SearchableText"].startswith(application.reference_number)
    assert submitted["start"] == _MISSING


def test_a_name_the_application_lacks_is_not_looked_for_above_it(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    application = application_with_file(demo_portal)
    area = application.aq_parent
    area.location = "Rathaus Herne"  # something an object above it has
    wrapper = ApplicationIndexableWrapper(application, catalog)
    with mock.patch.object(
        type(aq_base(demo_portal)), "__getattr__", side_effect=AssertionError
    ) as site:
        assert values(wrapper, ["location", "sync_uid", "image_scales"]) == dict.fromkeys(
            ["location", "sync_uid", "image_scales"], _MISSING
        )
    assert site.call_count == 0
    # Plone's wrapper finds the area's value and throws it away: the same answer.
    assert values(IndexableObjectWrapper(application, catalog), ["location"]) == {
        "location": _MISSING
    }


def test_the_catalogued_application_shows_its_values_in_the_worklist_columns(demo_portal):
    catalog = api.portal.get_tool("portal_catalog")
    application = application_with_file(demo_portal)
    processQueue()
    (brain,) = catalog.unrestrictedSearchResults(reference_number=application.reference_number)
    assert brain.applicant == "buerger"
    assert brain.applicant_name == "Bernd Bergmann"
    assert brain.review_state == "submitted"
    assert brain.service_title == demo_portal["leistungen"]["hundesteuer"].title
    assert brain.location is Missing.Value  # not the area's


def allowed(catalog, application):
    rid = catalog.getrid("/".join(application.getPhysicalPath()))
    return catalog._catalog.getIndex("allowedRolesAndUsers").getEntryForObject(rid, ())


def test_security_reindex_of_an_application_updates_its_entry_without_a_search(demo_portal):
    from Products.ZCatalog.Catalog import Catalog

    catalog = api.portal.get_tool("portal_catalog")
    application = application_with_file(demo_portal)
    processQueue()
    assert "user:buergerin" not in allowed(catalog, application)
    application.manage_setLocalRoles("buergerin", ["EnteringHelper"])
    with mock.patch.object(Catalog, "searchResults", side_effect=AssertionError) as search:
        application.reindexObjectSecurity()
        processQueue()
    assert search.call_count == 0
    assert "user:buergerin" in allowed(catalog, application)
    assert "user:buerger" in allowed(catalog, application)


def test_security_reindex_of_a_new_application_waits_for_its_whole_entry(demo_portal):
    from Products.CMFCore.indexing import getQueue

    catalog = api.portal.get_tool("portal_catalog")
    application = application_with_file(demo_portal)
    waiting = getQueue().length()
    application.reindexObjectSecurity()
    assert getQueue().length() == waiting  # nothing more queued: the commit catalogues it whole
    processQueue()
    assert "user:buerger" in allowed(catalog, application)
