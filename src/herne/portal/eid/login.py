"""The eID log-in flow: its address, where it may return to, starting and completing it."""

from herne.portal.eid.errors import OUTSIDE_PORTAL
from herne.portal.eid.errors import PROVIDER_ERROR
from herne.portal.eid.errors import STATE_INVALID
from herne.portal.eid.errors import TOKEN_INVALID
from herne.portal.eid.errors import EidRefused
from herne.portal.eid.flows import consume_flow
from herne.portal.eid.flows import start_flow
from herne.portal.eid.id_token import verified_claims
from herne.portal.eid.identity import eid_userid
from herne.portal.eid.identity import identity_from_claims
from herne.portal.eid.identity import oidc_plugin
from herne.portal.eid.identity import remember_member
from herne.portal.eid.identity import trust_level_of
from herne.portal.eid.provider import authorization_url
from herne.portal.eid.provider import configured_settings
from herne.portal.eid.provider import discovery
from herne.portal.eid.provider import exchange_code
from herne.portal.eid.provider import user_info
from herne.portal.eid.session import start_session
from herne.portal.login_guard import address_in_portal
from plone import api
import transaction
from urllib.parse import urlencode


def safe_came_from(came_from):
    """Where to go after the log-in: inside the portal, or a refusal. Empty means the start page."""
    if not came_from:
        return api.portal.get().absolute_url()
    address = address_in_portal(came_from)
    if address is None:
        raise EidRefused(OUTSIDE_PORTAL, f"came_from outside the portal {came_from!r}")
    return address


def eid_login_url(came_from=None):
    """The address that starts an eID log-in returning to ``came_from``."""
    portal = api.portal.get()
    query = f"?{urlencode({'came_from': came_from})}" if came_from else ""
    return f"{portal.absolute_url()}/acl_users/oidc/login{query}"


def redirect_uri():
    return f"{oidc_plugin().absolute_url()}/callback"


def begin(request):
    """Record a new log-in and return the provider's authorization URL to send the browser to."""
    settings = configured_settings()
    came_from = safe_came_from(request.form.get("came_from"))
    discovery(settings)  # the provider must answer before anything is recorded
    flow = start_flow(request, came_from)
    return authorization_url(settings, redirect_uri(), flow.state, flow.nonce, flow.code_challenge)


def complete(request):
    """Check the provider's answer and log the citizen in; returns (where to go, trust level).

    Every check comes before anything is written: a refused answer creates no member
    and no session, and the log-in it belonged to cannot be used again.
    """
    settings = configured_settings()
    flow = consume_flow(request, request.form.get("state"))
    if flow is not None:
        # The same answer twice at once: only the request whose consumption commits first
        # goes on to the provider. The other meets a conflict, Zope runs it again, and it
        # finds the log-in used. (A code redeemed twice makes the provider revoke the tokens
        # of the first redemption: both log-ins failed, one as "not reachable".)
        transaction.commit()
    if request.form.get("error"):
        raise EidRefused(PROVIDER_ERROR, f"provider error {request.form.get('error')!r}")
    if flow is None:
        raise EidRefused(STATE_INVALID, "unknown, used, expired or foreign state")
    issuer = discovery(settings)["issuer"]
    answered_issuer = request.form.get("iss")
    if answered_issuer is not None and answered_issuer != issuer:
        raise EidRefused(TOKEN_INVALID, f"authorization response from issuer {answered_issuer!r}")
    code = request.form.get("code")
    if not code or not isinstance(code, str):
        raise EidRefused(PROVIDER_ERROR, "no authorization code")
    tokens = exchange_code(settings, code, redirect_uri(), flow.code_verifier)
    claims = verified_claims(settings, tokens["id_token"], flow.nonce)
    level = trust_level_of(settings, claims)
    identity = identity_from_claims(
        settings, claims, user_info(settings, tokens.get("access_token"))
    )
    userid = eid_userid(issuer, claims["sub"])
    remember_member(userid, identity, level)
    start_session(userid, level, request.response)
    return flow.came_from, level
