"""The Plone session of an eID log-in, carrying its trust level inside the signed ticket."""

import binascii
from plone import api


TRUST_TOKEN_PREFIX = "herne-trust-"
#: How often eID had been switched off when the ticket was issued (herne.portal.sessions).
EID_GENERATION_PREFIX = "herne-eid-generation-"


def start_session(userid, trust_level, response):
    """Log ``userid`` in through plone.session; the ticket's signature protects the level."""
    session = api.portal.get_tool("acl_users").session
    generation = getattr(session, "eid_generation", 0)
    tokens = (f"{TRUST_TOKEN_PREFIX}{trust_level}", f"{EID_GENERATION_PREFIX}{generation}")
    session._setupSession(userid, response, tokens=tokens)


def session_trust_level(request, userid):
    """The trust level in this request's session ticket for ``userid``; None without one."""
    session = getattr(api.portal.get_tool("acl_users"), "session", None)
    if session is None or not userid:
        return None
    raw = request.cookies.get(session.getProperty("cookie_name"))
    if not raw:
        return None
    try:
        ticket = binascii.a2b_base64(raw)
    except (binascii.Error, ValueError, TypeError):
        return None
    ticket_data = session._validateTicket(ticket)
    if ticket_data is None:
        return None
    _digest, ticket_userid, tokens, _user_data, _timestamp = ticket_data
    if ticket_userid != userid:
        return None
    for token in tokens:
        if token.startswith(TRUST_TOKEN_PREFIX):
            return token[len(TRUST_TOKEN_PREFIX) :]
    return None
