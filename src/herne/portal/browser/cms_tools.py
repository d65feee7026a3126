"""Plone's editing tools (toolbar menus, byline) are the city staff's, never a citizen's."""

from herne.portal.applications.worklist import works_in_any_department
from plone import api
from plone.app.layout.viewlets.content import DocumentBylineViewlet
from Products.Five.browser import BrowserView


#: The roles every logged-in citizen has; Owner on their own applications.
CITIZEN_ROLES = {"Member", "Authenticated", "Owner", "Anonymous"}
#: The group every logged-in user is in.
EVERYONE = {"AuthenticatedUsers"}


def is_citizen(context):
    """A logged-in user to whom the city gave nothing: no role here, no group, no department."""
    if api.user.is_anonymous():
        return False
    user = api.user.get_current()
    if set(user.getRolesInContext(context)) - CITIZEN_ROLES:
        return False
    if set(user.getGroups() or ()) - EVERYONE:
        return False
    return not works_in_any_department()


def shows_cms_tools(context, request):
    """Asked once a request: whether the page shows Plone's editing tools."""
    key = "herne.portal.shows_cms_tools"
    if key not in request.other:
        request.other[key] = not is_citizen(context)
    return request.other[key]


class StaffOnlyByline(DocumentBylineViewlet):
    """ "Von admin — zuletzt geändert" is for editors and clerks; citizens never see it."""

    def show(self):
        return super().show() and shows_cms_tools(self.context, self.request)


class ShowsCmsToolsView(BrowserView):
    """Whether the current user gets Plone's editing tools: for action conditions."""

    def __call__(self):
        return shows_cms_tools(self.context, self.request)
