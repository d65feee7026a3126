"""The FIT-Connect test server's certificate authority: a root, the destinations' key certificates, a revocation list, an OCSP responder, and spoilt chains and answers for tests."""

import base64
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.oid import NameOID
import datetime


#: Path of the revocation list below the test server's address (named in each certificate).
CRL_PATH = "/_pki/crl"
ROOT_PATH = "/_pki/root.pem"
#: Path of the OCSP responder (named in each certificate's Authority Information Access).
OCSP_PATH = "/_pki/ocsp"
#: How the responder may answer (the ``ocsp`` hook): "" the truth, or spoilt.
OCSP_MODES = ("", "revoked", "unknown", "down", "wrong-key", "stale", "delegated", "undelegated")
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

    def __init__(self, common_name, crl_url="", ocsp_url=""):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=CA_BITS)
        self.crl_url = crl_url
        self.ocsp_url = ocsp_url
        self.revoked = {}
        self.issued = {}
        self._responders = {}
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
        if self.ocsp_url:
            access = x509.AccessDescription(
                AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(self.ocsp_url)
            )
            builder = builder.add_extension(
                x509.AuthorityInformationAccess([access]), critical=False
            )
        certificate = builder.sign(self.key, hashes.SHA256())
        self.issued[certificate.serial_number] = certificate
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

    def responder(self, ocsp_signing=True):
        """A responder certificate and key this authority delegated OCSP signing to (made once).

        With ``ocsp_signing`` false the certificate lacks that extended key usage: its answers
        must not be believed.
        """
        if ocsp_signing not in self._responders:
            key = rsa.generate_private_key(public_exponent=65537, key_size=CA_BITS)
            now = _now()
            certificate = (
                x509.CertificateBuilder()
                .subject_name(_name("OCSP-Dienst Test"))
                .issuer_name(self.certificate.subject)
                .public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=30))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(_usage(digital_signature=True), critical=True)
                .add_extension(
                    x509.ExtendedKeyUsage(
                        [
                            ExtendedKeyUsageOID.OCSP_SIGNING
                            if ocsp_signing
                            else ExtendedKeyUsageOID.CLIENT_AUTH
                        ]
                    ),
                    critical=False,
                )
                .sign(self.key, hashes.SHA256())
            )
            self._responders[ocsp_signing] = (certificate, key)
        return self._responders[ocsp_signing]

    def _impostor(self, key):
        """A certificate with this authority's name but ``key``, signed by ``key`` itself."""
        now = _now()
        return (
            x509.CertificateBuilder()
            .subject_name(self.certificate.subject)
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .sign(key, hashes.SHA256())
        )

    def ocsp_response(self, request_der, mode="", wrong_key=None):
        """The DER answer to an OCSP request, truthful unless ``mode`` (see OCSP_MODES) spoils it."""
        try:
            request = ocsp.load_der_ocsp_request(request_der)
        except ValueError:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.MALFORMED_REQUEST
            ).public_bytes(Encoding.DER)
        certificate = self.issued.get(request.serial_number)
        if certificate is None:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.UNAUTHORIZED
            ).public_bytes(Encoding.DER)
        now = _now()
        this_update, next_update = (
            now - datetime.timedelta(minutes=1),
            now + datetime.timedelta(minutes=30),
        )
        if mode == "stale":
            this_update, next_update = (
                now - datetime.timedelta(days=2),
                now - datetime.timedelta(days=1),
            )
        revoked_at = self.revoked.get(certificate.serial_number)
        if mode == "revoked":
            revoked_at = revoked_at or now - datetime.timedelta(hours=1)
        status = ocsp.OCSPCertStatus.GOOD
        if revoked_at is not None:
            status = ocsp.OCSPCertStatus.REVOKED
        if mode == "unknown":
            status, revoked_at = ocsp.OCSPCertStatus.UNKNOWN, None
        builder = ocsp.OCSPResponseBuilder().add_response(
            cert=certificate,
            issuer=self.certificate,
            algorithm=hashes.SHA1(),
            cert_status=status,
            this_update=this_update,
            next_update=next_update,
            revocation_time=revoked_at,
            revocation_reason=None,
        )
        signer, key = self.certificate, self.key
        if mode in ("delegated", "undelegated"):
            signer, key = self.responder(ocsp_signing=mode == "delegated")
            builder = builder.certificates([signer])
        if mode == "wrong-key":
            # names the authority as responder, answers "good", but another key signed it
            builder = ocsp.OCSPResponseBuilder().add_response(
                cert=certificate,
                issuer=self.certificate,
                algorithm=hashes.SHA1(),
                cert_status=ocsp.OCSPCertStatus.GOOD,
                this_update=this_update,
                next_update=next_update,
                revocation_time=None,
                revocation_reason=None,
            )
            signer, key = self._impostor(wrong_key), wrong_key
            builder = builder.responder_id(ocsp.OCSPResponderEncoding.NAME, signer)
            return builder.sign(key, hashes.SHA256()).public_bytes(Encoding.DER)
        builder = builder.responder_id(ocsp.OCSPResponderEncoding.HASH, signer)
        return builder.sign(key, hashes.SHA256()).public_bytes(Encoding.DER)


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
        self.authority = Authority(
            "FIT-Connect-Testserver Wurzel", base_url + CRL_PATH, base_url + OCSP_PATH
        )
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

    def ocsp_response(self, request_der, mode=""):
        """The responder's DER answer; "wrong-key" signs with the unknown root's key."""
        return self.authority.ocsp_response(request_der, mode, wrong_key=self.stranger.key)

    def x5c(self, mode):
        return x5c(*self.chains[mode])
