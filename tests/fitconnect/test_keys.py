"""A destination's key is used only when it is an unexpired RSA-OAEP-256 key for wrapping, 4096 bits or more."""

import base64
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
import datetime
from herne.portal.fitconnect.errors import KeyRejected
from herne.portal.fitconnect.keys import encryption_key
import json
from jwcrypto import jwk
import pytest


@pytest.fixture(scope="module")
def private_key():
    return jwk.JWK.generate(kty="RSA", size=4096, kid="ziel-1", alg="RSA-OAEP-256")


def public(private_key, **changes):
    key = json.loads(private_key.export_public())
    key.update({"key_ops": ["wrapKey"], **changes})
    return {name: value for name, value in key.items() if value is not None}


def certificate(private_key, not_after):
    rsa_key = private_key.get_op_key("sign")
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Zustellpunkt")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(rsa_key.public_key())
        .serial_number(1)
        .not_valid_before(not_after - datetime.timedelta(days=365))
        .not_valid_after(not_after)
        .sign(rsa_key, hashes.SHA256())
    )
    return base64.b64encode(cert.public_bytes(Encoding.DER)).decode()


def test_a_valid_key_is_taken(private_key):
    key = encryption_key(public(private_key))
    assert key.key_id == "ziel-1"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"key_ops": ["encrypt", "wrapKey"]}, "nicht nur zum Verschlüsseln (wrapKey)"),
        ({"key_ops": ["verify"]}, "nicht nur zum Verschlüsseln (wrapKey)"),
        ({"key_ops": None}, "nicht nur zum Verschlüsseln (wrapKey)"),
        ({"alg": "RSA1_5"}, "nicht für RSA-OAEP-256 bestimmt"),
        ({"alg": None}, "nicht für RSA-OAEP-256 bestimmt"),
        ({"kty": "EC"}, "kein RSA-Schlüssel"),
        ({"kid": None}, "keine Kennung (kid)"),
        ({"exp": 1_000_000_000}, "abgelaufen"),
        ({"d": "AAAA"}, "privaten Schlüssel"),
    ],
)
def test_a_key_that_fails_a_rule_is_rejected_with_the_reason(private_key, changes, message):
    with pytest.raises(KeyRejected) as refused:
        encryption_key(public(private_key, **changes))
    assert message in str(refused.value)


def test_a_key_whose_certificate_ran_out_is_rejected(private_key):
    past = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    with pytest.raises(KeyRejected, match="abgelaufen"):
        encryption_key(public(private_key, x5c=[certificate(private_key, past)]))
    future = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)
    assert encryption_key(public(private_key, x5c=[certificate(private_key, future)]))


def test_a_key_shorter_than_4096_bits_is_rejected():
    short = jwk.JWK.generate(kty="RSA", size=2048, kid="kurz", alg="RSA-OAEP-256")
    with pytest.raises(KeyRejected, match="kürzer als 4096 Bit"):
        encryption_key(public(short))
