"""End-to-end encryption of what is sent: JWE compact serialisation with RSA-OAEP-256 and A256GCM."""

import json
from jwcrypto import jwe


CONTENT_ENCRYPTION = "A256GCM"


def encrypt(payload, key, content_type):
    """``payload`` (bytes) encrypted for the validated public ``key`` (keys.encryption_key)."""
    header = {
        "alg": "RSA-OAEP-256",
        "enc": CONTENT_ENCRYPTION,
        "kid": key.key_id,
        "cty": content_type,
    }
    token = jwe.JWE(payload, protected=json.dumps(header))
    token.add_recipient(key)
    return token.serialize(compact=True)


def decrypt(token, private_key):
    """The plain bytes of a compact JWE, for the receiving side (the test server)."""
    message = jwe.JWE()
    message.deserialize(token, key=private_key)
    return message.payload
