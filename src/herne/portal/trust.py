"""eID trust levels: their order, and the level of the current log-in."""

from plone import api


#: Trust levels from weakest to strongest (eIDAS: low/basic, substantial, high).
TRUST_ORDER = ("none", "basic", "substantial", "high")

#: Where the log-in's trust level is kept for the session (set by the eID log-in).
SESSION_TRUST_KEY = "herne.portal.trust_level"


def rank(level):
    return TRUST_ORDER.index(level) if level in TRUST_ORDER else 0


def current_trust_level(request):
    """The trust level of the current log-in: local accounts count as basic."""
    if api.user.is_anonymous():
        return "none"
    # The eID log-in puts its verified level here; every other log-in is a local account.
    level = request.get(SESSION_TRUST_KEY)
    return level if level in TRUST_ORDER[1:] else "basic"


def satisfies(request, required):
    """Whether the current log-in is strong enough for a service requiring ``required``."""
    return rank(current_trust_level(request)) >= rank(required or "none")
