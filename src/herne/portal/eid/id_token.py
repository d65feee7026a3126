"""Checking the ID token: signature, algorithm, issuer, audience, lifetime and nonce."""

from herne.portal.eid.errors import NONCE_INVALID
from herne.portal.eid.errors import TOKEN_INVALID
from herne.portal.eid.errors import EidRefused
from herne.portal.eid.provider import discovery
from herne.portal.eid.provider import signing_keys
import hmac
import jwt


#: Asymmetric signatures only: never "none", never a shared-secret HMAC.
ALLOWED_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")
#: Clock difference tolerated between provider and portal, in seconds.
LEEWAY = 60
REQUIRED_CLAIMS = ("iss", "aud", "sub", "exp", "iat", "nonce")


def _key_for(settings, header):
    kid = header.get("kid")
    for refresh in (False, True):
        keys = signing_keys(settings, refresh=refresh).get("keys", [])
        candidates = [
            key
            for key in keys
            if key.get("use", "sig") == "sig" and (kid is None or key.get("kid") == kid)
        ]
        if candidates:
            try:
                return jwt.PyJWK.from_dict(candidates[0])
            except jwt.PyJWTError as error:
                raise EidRefused(TOKEN_INVALID, f"unusable key: {error}") from error
    raise EidRefused(TOKEN_INVALID, f"no signing key with kid {kid!r}")


def verified_claims(settings, id_token, expected_nonce):
    """The claims of ``id_token`` once everything checks out; EidRefused otherwise."""
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError as error:
        raise EidRefused(TOKEN_INVALID, f"unreadable ID token: {error}") from error
    if header.get("alg") not in ALLOWED_ALGORITHMS:
        raise EidRefused(TOKEN_INVALID, f"algorithm {header.get('alg')!r} not allowed")
    key = _key_for(settings, header)
    try:
        claims = jwt.decode(
            id_token,
            key=key.key,
            algorithms=[header["alg"]],
            audience=settings.client_id,
            issuer=discovery(settings)["issuer"],
            leeway=LEEWAY,
            options={"require": list(REQUIRED_CLAIMS)},
        )
    except jwt.MissingRequiredClaimError as error:
        if error.claim == "nonce":
            raise EidRefused(NONCE_INVALID, "ID token without nonce") from error
        raise EidRefused(TOKEN_INVALID, f"ID token: {error}") from error
    except jwt.PyJWTError as error:
        raise EidRefused(TOKEN_INVALID, f"ID token: {error}") from error
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != settings.client_id:
        raise EidRefused(TOKEN_INVALID, "several audiences and azp is not this client")
    if not hmac.compare_digest(str(claims["nonce"]).encode(), expected_nonce.encode()):
        raise EidRefused(NONCE_INVALID, "nonce does not match this log-in")
    return claims
