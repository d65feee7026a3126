"""Which public pages a shared cache may keep, and which of them to purge when content changes."""

from Acquisition import aq_parent
from herne.portal.setuphandlers import CATALOGUE_FOLDER_ID
from herne.portal.setuphandlers import DEPARTMENTS_FOLDER_ID
from herne.portal.setuphandlers import FRONT_PAGE_VIEW
from plone import api
from z3c.caching.interfaces import IPurgePaths
from z3c.caching.purge import Purge
from zope.event import notify
from zope.interface import implementer


#: The ruleset of the public pages (plone.app.caching maps it to moderate caching for
#: anonymous visitors; see profiles/default/registry/caching.xml).
PUBLIC_PAGE_RULESET = "herne.portal.publicPage"

#: The views of the site root that list services or offices.
SITE_LISTING_VIEWS = (FRONT_PAGE_VIEW, "lebenslagen", "leistungen-a-z")

#: Registry records whose change shows on the front page.
FRONT_PAGE_RECORDS = "herne.portal.front_page."


def page_paths(path):
    """The page under all its addresses: the cache's purge (etc/varnish.vcl.in) takes the bare
    path for it with or without a slash, ``view``/``@@view``, ``@@`` and a query string."""
    return [path]


def view_paths(path, view):
    return [f"{path}/{view}"]


def site_listing_paths():
    """The front page, A-Z and life situations: they list every published service."""
    portal = api.portal.get()
    root = "/" + portal.virtual_url_path()
    paths = page_paths(root)
    for view in SITE_LISTING_VIEWS:
        paths += view_paths(root, view)
    catalogue = portal.get(CATALOGUE_FOLDER_ID)
    if catalogue is not None:
        folder = "/" + catalogue.virtual_url_path()
        paths += page_paths(folder) + view_paths(folder, "leistungen-a-z")
    offices = portal.get(DEPARTMENTS_FOLDER_ID)
    if offices is not None:
        paths += page_paths("/" + offices.virtual_url_path())
    return paths


@implementer(IPurgePaths)
class ServicePurgePaths:
    """A service shows on its own page and on every listing of services."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        return page_paths("/" + self.context.virtual_url_path()) + site_listing_paths()

    def getAbsolutePaths(self):
        return []


@implementer(IPurgePaths)
class DepartmentPurgePaths:
    """An office shows on its own page, the front page and the pages of its services."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        paths = page_paths("/" + self.context.virtual_url_path()) + site_listing_paths()
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Service", department_uid=self.context.UID()
        ):
            paths += page_paths(brain.getPath())
        return paths

    def getAbsolutePaths(self):
        return []


@implementer(IPurgePaths)
class ListingFolderPurgePaths:
    """The A-Z and the offices' folders show the site's listings."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        if aq_parent(self.context) is not api.portal.get():
            return []
        if self.context.getId() not in (CATALOGUE_FOLDER_ID, DEPARTMENTS_FOLDER_ID):
            return []
        return site_listing_paths()

    def getAbsolutePaths(self):
        return []


def purge_front_page(event):
    """The editors changed the front page's settings: the cached front page goes."""
    record = getattr(event, "record", None)
    if record is None or not record.__name__.startswith(FRONT_PAGE_RECORDS):
        return
    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return
    notify(Purge(portal))


@implementer(IPurgePaths)
class SitePurgePaths:
    """The site root purged as a whole (front page settings) purges the site's listings."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        return site_listing_paths()

    def getAbsolutePaths(self):
        return []
