"""A submission adds only its application to the catalog, and nothing to the intid utility."""

from herne.portal.content.application_file import ApplicationFile
from plone import api
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.indexing import processQueue
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


def _with_file(portal):
    return build_application(
        portal,
        "fuehrungszeugnis",
        uploads={"purpose_letter": ("Schreiben", NamedBlobFile(data=PDF, filename="brief.pdf"))},
    )


def _catalogued_paths(catalog):
    return set(catalog._catalog.uids.keys())


def test_a_submission_catalogues_its_application_but_not_its_file(demo):
    catalog = api.portal.get_tool("portal_catalog")
    before = _catalogued_paths(catalog)
    application = _with_file(demo["portal"])
    processQueue()  # the indexing queue, as at the end of the request
    (evidence,) = application.contentValues()
    assert isinstance(evidence, ApplicationFile)

    added = _catalogued_paths(catalog) - before
    assert added == {"/".join(application.getPhysicalPath())}
    # the clerk still finds the application by its number
    (brain,) = catalog.unrestrictedSearchResults(reference_number=application.reference_number)
    assert brain._unrestrictedGetObject().contentValues() == [evidence]


def test_a_submission_registers_no_intids(demo):
    intids = getUtility(IIntIds)
    before = len(intids.refs)
    application = _with_file(demo["portal"])
    (evidence,) = application.contentValues()

    assert len(intids.refs) == before
    assert intids.queryId(application) is None
    assert intids.queryId(evidence) is None
    # services keep theirs: their relation to the department needs them
    assert intids.queryId(demo["portal"]["leistungen"]["fuehrungszeugnis"]) is not None


def test_an_application_and_its_file_are_deleted_without_intids(demo):
    application = _with_file(demo["portal"])
    area = application.aq_parent
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(obj=application)
    assert application.getId() not in area.objectIds()


def test_an_application_goes_only_into_the_indexes_it_is_searched_by(demo):
    catalog = api.portal.get_tool("portal_catalog")
    application = _with_file(demo["portal"])
    processQueue()
    rid = catalog._catalog.uids["/".join(application.getPhysicalPath())]
    indexed = {
        name
        for name in catalog.indexes()
        if catalog._catalog.getIndex(name).getEntryForObject(rid, None) is not None
    }
    assert not indexed & {"Date", "created", "Title", "getId", "Description", "effective"}
    assert not indexed & {"Type", "Creator", "is_folderish"}
    assert {"portal_type", "reference_number", "SearchableText", "submitted"} <= indexed
    assert {"modified", "sortable_title", "path", "allowedRolesAndUsers"} <= indexed
    # the metadata stays whole: search results still show the title and dates
    (brain,) = catalog.unrestrictedSearchResults(reference_number=application.reference_number)
    assert brain.Title == application.Title() == application.reference_number
    assert brain.created == application.created()
    assert brain.Date == application.Date()
    assert brain.getId == application.getId()
    # a reindex of a skipped index alone changes nothing and indexes nothing else wrongly
    application.reindexObject(idxs=["getId"])
    processQueue()
    assert catalog._catalog.getIndex("getId").getEntryForObject(rid, None) is None


def test_an_application_is_listed_only_under_the_portals_own_interfaces(demo):
    from herne.portal.content.application import IApplication
    from Products.CMFCore.interfaces import IContentish
    from Products.CMFCore.interfaces import IFolderish

    catalog = api.portal.get_tool("portal_catalog")
    application = _with_file(demo["portal"])
    processQueue()
    rid = catalog._catalog.uids["/".join(application.getPhysicalPath())]
    listed = catalog._catalog.getIndex("object_provides").getEntryForObject(rid)
    assert IApplication.__identifier__ in listed
    assert all(name.startswith("herne.portal.") for name in listed)
    # found by its own interface, not by the ones every content object has
    uid = application.UID()
    assert catalog.unrestrictedSearchResults(object_provides=IApplication.__identifier__, UID=uid)
    for interface in (IContentish, IFolderish):
        assert interface.providedBy(application)
        assert not catalog.unrestrictedSearchResults(
            object_provides=interface.__identifier__, UID=uid
        )
    # other content keeps the whole list
    service = demo["portal"]["leistungen"]["fuehrungszeugnis"]
    assert catalog.unrestrictedSearchResults(
        object_provides=IContentish.__identifier__, UID=service.UID()
    )


def test_link_integrity_does_not_look_at_applications(demo):
    from herne.portal.conflicts import no_intids
    from plone.app.linkintegrity import handlers
    from unittest import mock

    assert handlers.check_linkintegrity_dependencies is no_intids.link_integrity_applies
    with mock.patch.object(
        no_intids, "plone_check_dependencies", wraps=no_intids.plone_check_dependencies
    ) as plones_check:
        application = _with_file(demo["portal"])
        (evidence,) = application.contentValues()
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=evidence)
    # Created, modified, transitioned and a file removed: the registry never asked.
    assert plones_check.call_count == 0


def test_link_integrity_still_guards_pages_that_link_to_each_other(demo):
    from plone.app.linkintegrity.utils import getIncomingLinks
    from plone.app.textfield.value import RichTextValue

    portal = demo["portal"]
    with api.env.adopt_roles(["Manager"]):
        target = api.content.create(container=portal, type="Document", id="ziel", title="Ziel")
        api.content.create(
            container=portal,
            type="Document",
            id="quelle",
            title="Quelle",
            text=RichTextValue(
                f'<p><a href="{target.absolute_url()}">Ziel</a></p>',
                "text/html",
                "text/x-html-safe",
            ),
        )
    (link,) = getIncomingLinks(target)
    assert link.from_object.getId() == "quelle"
