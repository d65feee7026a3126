"""eID trust levels: their order, and the level of the current log-in."""

from plone import api


#: Trust levels from weakest to strongest (eIDAS: low/basic, substantial, high).
TRUST_ORDER = ("none", "basic", "substantial", "high")


def rank(level):
    return TRUST_ORDER.index(level) if level in TRUST_ORDER else 0


def current_trust_level(request):
    """The trust level of the current log-in: local accounts count as basic.

    Nothing the browser sends can raise it: the eID log-in (a later issue) will keep
    the verified level server-side with the session and answer here.
    """
    if api.user.is_anonymous():
        return "none"
    return "basic"


def satisfies(request, required):
    """Whether the current log-in is strong enough for a service requiring ``required``."""
    return rank(current_trust_level(request)) >= rank(required or "none")
