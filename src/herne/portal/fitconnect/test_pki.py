"""The FIT-Connect test server's certificate authority: a root, the destinations' key certificates, a revocation list, and spoilt chains for tests."""

import base64
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
import datetime


#: Path of the revocation list below the test server's address (named in each certificate).
CRL_PATH = "/_pki/crl"
ROOT_PATH = "/_pki/root.pem"
CA_BITS = 2048


def _name(common_name):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "herne.portal Testumgebung"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _usage(**allowed):
    flags = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    flags.update(allowed)
    return x509.KeyUsage(**flags)


def _now():
    return datetime.datetime.now(datetime.UTC)


class Authority:
    """A root certificate authority that certifies keys and lists the certificates it revoked."""

    def __init__(self, common_name, crl_url=""):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=CA_BITS)
        self.crl_url = crl_url
        self.revoked = {}
        self._serial = 1000
        now = _now()
        public = self.key.public_key()
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name))
            .issuer_name(_name(common_name))
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_usage(key_cert_sign=True, crl_sign=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(self.key, hashes.SHA256())
        )

    def root_pem(self):
        return self.certificate.public_bytes(Encoding.PEM).decode("ascii")

    def issue(self, public_key, common_name, valid_days=(-1, 365), revoked=False):
        """A certificate for ``public_key`` (a key encryption key), revoked on the list if asked."""
        self._serial += 1
        now = _now()
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name))
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(self._serial)
            .not_valid_before(now + datetime.timedelta(days=valid_days[0]))
            .not_valid_after(now + datetime.timedelta(days=valid_days[1]))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(key_encipherment=True), critical=True)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
        )
        if self.crl_url:
            point = x509.DistributionPoint(
                [x509.UniformResourceIdentifier(self.crl_url)], None, None, None
            )
            builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
        certificate = builder.sign(self.key, hashes.SHA256())
        if revoked:
            self.revoked[certificate.serial_number] = now - datetime.timedelta(hours=1)
        return certificate

    def crl(self):
        """The current revocation list (DER), valid for an hour."""
        now = _now()
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.certificate.subject)
            .last_update(now - datetime.timedelta(minutes=1))
            .next_update(now + datetime.timedelta(hours=1))
        )
        for serial, when in self.revoked.items():
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
            )
        return builder.sign(self.key, hashes.SHA256()).public_bytes(Encoding.DER)


def x5c(*certificates):
    """The certificates as a JWK's ``x5c`` (standard base64 of DER)."""
    return [
        base64.b64encode(certificate.public_bytes(Encoding.DER)).decode("ascii")
        for certificate in certificates
    ]


class TestPKI:
    """The certificates the test server hands out with a destination's key, one per ``certificate`` hook."""

    __test__ = False  # not a test class

    def __init__(self, base_url, encryption_public_key):
        self.authority = Authority("FIT-Connect-Testserver Wurzel", base_url + CRL_PATH)
        self.stranger = Authority("Unbekannte Wurzel", base_url + CRL_PATH)
        other_key = rsa.generate_private_key(public_exponent=65537, key_size=CA_BITS)
        issue = self.authority.issue
        self.chains = {
            "valid": (issue(encryption_public_key, "Zustellpunkt Test"),),
            "revoked": (issue(encryption_public_key, "Zustellpunkt gesperrt", revoked=True),),
            "unknown-root": (self.stranger.issue(encryption_public_key, "Zustellpunkt fremd"),),
            "mismatch": (issue(other_key.public_key(), "Zustellpunkt anderer Schlüssel"),),
            "expired": (issue(encryption_public_key, "Zustellpunkt alt", valid_days=(-30, -1)),),
            "none": (),
        }

    def root_pem(self):
        return self.authority.root_pem()

    def x5c(self, mode):
        return x5c(*self.chains[mode])
