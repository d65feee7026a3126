"""News for the clerks: the citizen answered a request or wrote, until a clerk opens the application."""

from herne.portal import _
from plone import api
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent


ANSWER = "answer"
MESSAGE = "message"
#: What the worklist says about each kind of news.
TITLES = {ANSWER: _("Neue Antwort"), MESSAGE: _("Neue Nachricht")}
#: The catalog index (and metadata column) that carries the news.
INDEX = "clerk_news"


class ICitizenWrote(IObjectEvent):
    """The citizen wrote a message on an application."""


@implementer(ICitizenWrote)
class CitizenWrote(ObjectEvent):
    pass


def news_for_clerk(application):
    """ "answer", "message" or "" (nothing new for the department)."""
    return getattr(application, "clerk_news", None) or ""


def _mark(application, kind):
    # An answer to a request outweighs a message: the clerk must act on it.
    if news_for_clerk(application) == ANSWER and kind == MESSAGE:
        return
    application.clerk_news = kind
    application.reindexObject(idxs=[INDEX])


def citizen_answered(application, event):
    """Subscriber: the citizen's answer to an information request (workflow step ``answer``)."""
    if event.transition is not None and event.transition.id == "answer":
        _mark(application, ANSWER)


def citizen_wrote(application, event):
    """Subscriber: a message from the citizen."""
    _mark(application, MESSAGE)


def mark_seen_by_clerk(application):
    """Called when a clerk of the department opens the application; whether anything changed."""
    if not news_for_clerk(application):
        return False
    application.clerk_news = ""
    return True


def is_responsible_clerk(application):
    """Whether the current user is a clerk of the responsible department (not an administrator)."""
    return "Clerk" in api.user.get_current().getRolesInContext(application)


def opened(application):
    """The application was opened (page or REST): a clerk of the department has seen the news.

    Returns whether anything changed (the caller allows this write on a GET).
    """
    if not is_responsible_clerk(application) or not mark_seen_by_clerk(application):
        return False
    application.reindexObject(idxs=[INDEX])
    return True
