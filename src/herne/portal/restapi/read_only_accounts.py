"""A department software's read-only account (DepartmentReader) is refused every REST write with 403 and a German reason.

Without this the account heard 401 ("log in") where Zope's permission check stopped it
(PATCH, DELETE, adding content) and 400 where a service found nothing it may do (a workflow
transition, ``@nachrichten``, ``@antwort``): the department's software could not tell a
wrong request from a write it is never allowed.
"""

from AccessControl import getSecurityManager
from herne.portal import _
from herne.portal.applications.areas import APPLICATIONS_FOLDER_ID
from herne.portal.workflow.application_table import DEPARTMENT_READER
from plone.rest.interfaces import IAPIRequest
from zExceptions import Forbidden
from zope.component.hooks import getSite
from zope.i18n import translate


#: Request methods that change something.
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

#: POST endpoints that change nothing of the portal's content: logging in and out, searching.
READING_POSTS = frozenset({"@login", "@login-renew", "@logout", "@querystring-search"})

#: Global roles that make an account more than a department's software.
PLAIN_ROLES = frozenset({"Authenticated", "Anonymous"})

READ_ONLY = _(
    "Dieses Konto eines Fachverfahrens darf Anträge nur lesen; Änderungen, Statuswechsel, "
    "Nachrichten und Antworten sind damit nicht erlaubt."
)


def is_reader_account(user):
    """Whether ``user`` is a department software's account: no global role, DepartmentReader on an application area."""
    if user is None or user.getId() is None:
        return False
    if set(user.getRoles()) - PLAIN_ROLES:
        return False
    site = getSite()
    root = site.get(APPLICATIONS_FOLDER_ID) if site is not None else None
    if root is None:
        return False
    userid = user.getId()
    return any(
        DEPARTMENT_READER in area.get_local_roles_for_userid(userid) for area in root.objectValues()
    )


def _is_write(request):
    if not IAPIRequest.providedBy(request):
        return False
    if request.get("REQUEST_METHOD", "GET").upper() not in WRITE_METHODS:
        return False
    names = [name for name in request.get("PATH_INFO", "").split("/") if name.startswith("@")]
    return not (names and names[0] in READING_POSTS)


def refused(request):
    """The German 403 for a write by a reader account, or None."""
    if not _is_write(request):
        return None
    return Forbidden(translate(READ_ONLY, context=request))


def refuse_writes(event):
    """Subscriber of ``IPubAfterTraversal``: a reader account's write that passed Zope's check is refused."""
    request = event.request
    if _is_write(request) and is_reader_account(getSecurityManager().getUser()):
        raise refused(request)


def identified_user(request):
    """The account whose credentials ``request`` carries, though it lacked the permission (no user is set then)."""
    site = getSite()
    users = getattr(site, "acl_users", None)
    if users is None or not hasattr(users, "_extractUserIds"):
        return None
    plugins = users._getOb("plugins")
    for user_id, login in users._extractUserIds(request, plugins):
        user = users._findUser(plugins, user_id, login, request=request)
        if user is not None:
            return user
    return None


def refused_after_unauthorized(request):
    """The 403 that replaces a 401 when a reader account tried to write, or None."""
    if not _is_write(request):
        return None
    if not is_reader_account(identified_user(request)):
        return None
    return refused(request)
