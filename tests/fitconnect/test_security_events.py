"""Event tokens count only with FIT-Connect's signature; the last accept or reject of a submission decides."""

from herne.portal.fitconnect import security_events as events
from herne.portal.fitconnect.errors import Refused
import json
from jwcrypto import jwk
import pytest


@pytest.fixture(scope="module")
def keys():
    return {
        name: jwk.JWK.generate(kty="RSA", size=2048, kid=name, alg="PS512")
        for name in ("fit-connect", "forger")
    }


def published(key):
    return events.signing_keys({"keys": [json.loads(key.export_public())]})


def claims(event, submission="s1", details=None):
    return {
        "iss": "https://fit-connect.example",
        "iat": 1,
        "jti": "j",
        "sub": f"submission:{submission}",
        "txn": "case:c1",
        "events": {event: details or {}},
    }


def test_a_token_signed_by_fit_connect_is_read(keys):
    token = events.sign(claims(events.ACCEPT), keys["fit-connect"])
    assert events.verify(token, published(keys["fit-connect"]))["sub"] == "submission:s1"


def test_a_forged_or_altered_token_is_refused(keys):
    forged = events.sign(claims(events.ACCEPT), keys["forger"])
    with pytest.raises(Refused, match="keine gültige Signatur"):
        events.verify(forged, published(keys["fit-connect"]))
    header, payload, signature = events.sign(claims(events.REJECT), keys["fit-connect"]).split(".")
    other_payload = events.sign(claims(events.ACCEPT), keys["fit-connect"]).split(".")[1]
    with pytest.raises(Refused, match="keine gültige Signatur"):
        events.verify(f"{header}.{other_payload}.{signature}", published(keys["fit-connect"]))


def test_the_decision_is_the_submissions_own_last_accept_or_reject():
    problems = {"problems": [{"title": "schema-violation"}]}
    log = [
        claims(events.CREATE),
        claims(events.SUBMIT),
        claims(events.ACCEPT, submission="another"),
    ]
    assert events.outcome(log, "s1")[0] == events.SUBMIT
    assert events.outcome([*log, claims(events.REJECT, details=problems)], "s1") == (
        events.REJECT,
        problems,
    )
    assert events.outcome([claims(events.CREATE)], "s1") == (None, {})
