"""eID trust levels: their order, and the level of the current log-in."""

from herne.portal.eid.session import session_trust_level
from herne.portal.vocabularies.catalogue import TRUST_LEVELS
from plone import api


#: Trust levels from weakest to strongest (eIDAS: low/basic, substantial, high), in the
#: order the services' vocabulary offers them.
TRUST_ORDER = tuple(level for level, _title in TRUST_LEVELS)

#: The levels a log-in can have, the ones a provider's answer may be mapped to.
LOGIN_LEVELS = TRUST_ORDER[1:]


def rank(level):
    return TRUST_ORDER.index(level) if level in TRUST_ORDER else 0


def requires_eid(required):
    """Whether a service requiring ``required`` is beyond a local account (basic)."""
    return rank(required) > rank("basic")


def current_trust_level(request):
    """The trust level of the current log-in: local accounts count as basic.

    An eID log-in keeps its verified level in the signed plone.session ticket; nothing
    else the browser sends can raise it.
    """
    if api.user.is_anonymous():
        return "none"
    level = session_trust_level(request, api.user.get_current().getId())
    return level if rank(level) > rank("basic") else "basic"


def satisfies(request, required):
    """Whether the current log-in is strong enough for a service requiring ``required``."""
    return rank(current_trust_level(request)) >= rank(required or "none")


def logged_in_with_eid(request):
    """Whether the current log-in came through the eID provider (any level it reported)."""
    if api.user.is_anonymous():
        return False
    return session_trust_level(request, api.user.get_current().getId()) is not None
