"""Log-ins in progress: state, nonce and PKCE verifier kept server-side, each usable once."""

import base64
from dataclasses import dataclass
from hashlib import sha256
from herne.portal.portal_storage import as_record
from herne.portal.portal_storage import portal_btree
import hmac
from itertools import islice
from plone import api
import secrets
import time


ANNOTATION_KEY = "herne.portal.eid.flows"
#: The browser that started a log-in carries its state in this cookie.
BINDING_COOKIE = "herne_eid_state"
#: How long the citizen has at the provider before the log-in must start again.
FLOW_SECONDS = 600
#: Expired records removed per started log-in, so the store stays small.
PRUNE_PER_START = 20


@dataclass(frozen=True)
class Flow:
    state: str
    nonce: str
    code_verifier: str
    came_from: str

    @property
    def code_challenge(self):
        digest = sha256(self.code_verifier.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


EXPIRY_KEY = ANNOTATION_KEY + ".expiry"


def _store(key=ANNOTATION_KEY, create=True):
    return portal_btree(key, create=create)


def _prune(store, expiry, now):
    """Remove the oldest expired records, found in expiry order, so the work stays small."""
    expired = list(islice(expiry.keys(max=(now, "\U0010ffff")), PRUNE_PER_START))
    for key in expired:
        del expiry[key]
        store.pop(key[1], None)


def _cookie_path():
    return api.portal.get().absolute_url_path() or "/"


def start_flow(request, came_from):
    """A new log-in: recorded server-side, bound to this browser by a cookie."""
    now = time.time()
    flow = Flow(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        code_verifier=secrets.token_urlsafe(64),
        came_from=came_from,
    )
    store, expiry = _store(), _store(EXPIRY_KEY)
    _prune(store, expiry, now)
    # Merged with other citizens' log-ins by the ZODB: see as_record.
    store[flow.state] = as_record(
        {
            "nonce": flow.nonce,
            "code_verifier": flow.code_verifier,
            "came_from": came_from,
            "expires": now + FLOW_SECONDS,
        }
    )
    expiry[(now + FLOW_SECONDS, flow.state)] = True
    request.response.setCookie(
        BINDING_COOKIE,
        flow.state,
        path=_cookie_path(),
        http_only=True,
        same_site="Lax",
        secure=request.get("SERVER_URL", "").startswith("https://"),
        max_age=FLOW_SECONDS,
    )
    return flow


def consume_flow(request, state):
    """The log-in ``state`` belongs to, removed so it never works twice; None if not valid.

    Valid means: known, not expired, not used before, and started by this browser.
    """
    request.response.expireCookie(BINDING_COOKIE, path=_cookie_path())
    if not state or not isinstance(state, str):
        return None
    store = _store(create=False)
    record = store.get(state) if store is not None else None
    if record is None:
        return None
    record = dict(record)
    del store[state]
    _store(EXPIRY_KEY).pop((record["expires"], state), None)
    cookie = request.cookies.get(BINDING_COOKIE) or ""
    if not hmac.compare_digest(cookie.encode(), state.encode()):
        return None
    if record["expires"] < time.time():
        return None
    return Flow(
        state=state,
        nonce=record["nonce"],
        code_verifier=record["code_verifier"],
        came_from=record["came_from"],
    )
