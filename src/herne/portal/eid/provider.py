"""Talking to the OpenID Connect provider: its settings, discovery, keys, tokens and user info."""

from herne.portal.controlpanels.eid import IEidSettings
from herne.portal.eid.errors import NOT_CONFIGURED
from herne.portal.eid.errors import PROVIDER_ERROR
from herne.portal.eid.errors import PROVIDER_UNREACHABLE
from herne.portal.eid.errors import EidRefused
from herne.portal.eid.secret import client_secret
import logging
from plone.registry.interfaces import IRegistry
import requests
import threading
import time
from urllib.parse import quote
from urllib.parse import urlencode
from zope.component import getUtility


logger = logging.getLogger("herne.portal.eid")

SETTINGS_PREFIX = "herne.portal.eid"
TIMEOUT = 10
#: How long discovery and keys are reused before they are fetched again.
CACHE_SECONDS = 300

_cache = {}
_cache_lock = threading.Lock()


def eid_settings():
    return getUtility(IRegistry).forInterface(IEidSettings, prefix=SETTINGS_PREFIX, check=False)


def eid_enabled():
    settings = eid_settings()
    return bool(settings.enabled and settings.issuer and settings.client_id)


def configured_settings():
    """The settings, or a German refusal when eID log-in is not set up."""
    settings = eid_settings()
    if not (settings.enabled and settings.issuer and settings.client_id):
        raise EidRefused(NOT_CONFIGURED, "eID log-in is not configured")
    return settings


def _get_json(url, **kwargs):
    try:
        response = requests.get(url, timeout=TIMEOUT, **kwargs)
        response.raise_for_status()
        body = response.json()
    except (requests.RequestException, ValueError) as error:
        raise EidRefused(PROVIDER_UNREACHABLE, f"GET {url}: {error}") from error
    if not isinstance(body, dict):
        raise EidRefused(PROVIDER_UNREACHABLE, f"GET {url}: not a JSON object")
    return body


def _issuer(settings):
    return settings.issuer.rstrip("/")


def discovery(settings):
    """The provider's configuration; its ``issuer`` must be exactly the configured one."""
    issuer = _issuer(settings)
    with _cache_lock:
        cached = _cache.get(("discovery", issuer))
    if cached and cached[0] > time.time():
        return cached[1]
    config = _get_json(f"{issuer}/.well-known/openid-configuration")
    if config.get("issuer", "").rstrip("/") != issuer:
        raise EidRefused(
            PROVIDER_UNREACHABLE, f"discovery names issuer {config.get('issuer')!r}, not {issuer!r}"
        )
    with _cache_lock:
        _cache[("discovery", issuer)] = (time.time() + CACHE_SECONDS, config)
    return config


def signing_keys(settings, refresh=False):
    """The provider's public keys (JWKS); ``refresh`` fetches them again after a key rollover."""
    issuer = _issuer(settings)
    with _cache_lock:
        cached = _cache.get(("jwks", issuer))
    if cached and cached[0] > time.time() and not refresh:
        return cached[1]
    jwks = _get_json(discovery(settings)["jwks_uri"])
    with _cache_lock:
        _cache[("jwks", issuer)] = (time.time() + CACHE_SECONDS, jwks)
    return jwks


def forget_provider():
    """Drop cached discovery documents and keys (after the settings change)."""
    with _cache_lock:
        _cache.clear()


def authorization_url(settings, redirect_uri, state, nonce, code_challenge):
    params = {
        "response_type": "code",
        "client_id": settings.client_id,
        "redirect_uri": redirect_uri,
        "scope": " ".join(settings.scopes or ["openid"]),
        "state": state,
        "nonce": nonce,
        "code_challenge": code_challenge,
        "code_challenge_method": "S256",
    }
    if "openid" not in params["scope"].split():
        params["scope"] = "openid " + params["scope"]
    if settings.requested_acr:
        params["acr_values"] = settings.requested_acr
    return f"{discovery(settings)['authorization_endpoint']}?{urlencode(params)}"


def exchange_code(settings, code, redirect_uri, code_verifier):
    """Redeem the authorization code (client_secret_basic); returns the token response."""
    endpoint = discovery(settings)["token_endpoint"]
    auth = (quote(settings.client_id, safe=""), quote(client_secret(), safe=""))
    try:
        response = requests.post(
            endpoint,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": code_verifier,
            },
            auth=auth,
            timeout=TIMEOUT,
        )
    except requests.RequestException as error:
        raise EidRefused(PROVIDER_UNREACHABLE, f"token endpoint: {error}") from error
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    if response.status_code != 200 or not isinstance(body.get("id_token"), str):
        raise EidRefused(
            PROVIDER_ERROR, f"token endpoint answered {response.status_code}: {body.get('error')}"
        )
    return body


def user_info(settings, access_token):
    """The claims of the userinfo endpoint, or an empty dict when the provider has none."""
    endpoint = discovery(settings).get("userinfo_endpoint")
    if not endpoint or not access_token:
        return {}
    return _get_json(endpoint, headers={"Authorization": f"Bearer {access_token}"})


def end_session_url(settings, post_logout_redirect_uri, id_token_hint=None):
    """Where to send the browser to end the provider's session too, if the provider offers it."""
    try:
        endpoint = discovery(settings).get("end_session_endpoint")
    except EidRefused:
        return None
    if not endpoint:
        return None
    params = {"client_id": settings.client_id, "post_logout_redirect_uri": post_logout_redirect_uri}
    if id_token_hint:
        params["id_token_hint"] = id_token_hint
    return f"{endpoint}?{urlencode(params)}"


def settings_changed(event):
    """A changed eID setting may name another provider: fetch discovery and keys afresh."""
    if event.record.__name__.startswith(SETTINGS_PREFIX + "."):
        forget_provider()
