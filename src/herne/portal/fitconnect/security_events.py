"""The case's event log: security event tokens (SET, RFC 8417) signed by FIT-Connect, verified here."""

from herne.portal import _
from herne.portal.fitconnect.errors import Refused
from herne.portal.i18n import in_german
import json
from jwcrypto import jwk
from jwcrypto import jwt
from jwcrypto.common import JWException


EVENTS = "https://schema.fitko.de/fit-connect/events/"
CREATE = EVENTS + "create-submission"
SUBMIT = EVENTS + "submit-submission"
ACCEPT = EVENTS + "accept-submission"
REJECT = EVENTS + "reject-submission"
#: The algorithm FIT-Connect signs its tokens with; anything else is not trusted.
SIGNING_ALGORITHM = "PS512"

BAD_KEYS = _("Die Signaturschlüssel von FIT-Connect sind nicht lesbar.")
BAD_SIGNATURE = _("Ein Ereignis des Vorgangs trägt keine gültige Signatur von FIT-Connect.")
NOT_A_SET = _("Ein Ereignis des Vorgangs ist kein Security Event Token.")


def signing_keys(jwks):
    """The JSON Web Key Set of the API's signing keys as a jwcrypto key set."""
    try:
        return jwk.JWKSet.from_json(json.dumps(jwks))
    except (JWException, ValueError, TypeError) as error:
        raise Refused(in_german(BAD_KEYS)) from error


def verify(token, keys):
    """The claims of one signed event token; Refused when the signature or its form is wrong."""
    try:
        checked = jwt.JWT(jwt=token, key=keys, algs=[SIGNING_ALGORITHM], check_claims=False)
        header = json.loads(checked.header)
        claims = json.loads(checked.claims)
    except (JWException, ValueError, TypeError) as error:
        raise Refused(in_german(BAD_SIGNATURE)) from error
    if header.get("typ") != "secevent+jwt" or not isinstance(claims.get("events"), dict):
        raise Refused(in_german(NOT_A_SET))
    return claims


def sign(claims, key):
    """A signed event token (for the test server's event log)."""
    token = jwt.JWT(
        header={"typ": "secevent+jwt", "alg": SIGNING_ALGORITHM, "kid": key.key_id},
        claims=claims,
    )
    token.make_signed_token(key)
    return token.serialize()


def outcome(claims_list, submission_id):
    """What the receiver decided about ``submission_id``: (event, details) of the last decision.

    ``event`` is ACCEPT, REJECT, SUBMIT (delivered, not decided yet) or None (not submitted).
    ``details`` is the decision's payload (a reject's ``problems``).
    """
    result = (None, {})
    for claims in claims_list:
        if claims.get("sub") != f"submission:{submission_id}":
            continue
        for event, details in claims["events"].items():
            if event in (ACCEPT, REJECT):
                result = (event, details or {})
            elif event == SUBMIT and result[0] is None:
                result = (SUBMIT, details or {})
    return result
