"""A destination's key is used only when its certificate chain (x5c) leads to a trusted root, certifies that key and is not revoked (OCSP, else CRL)."""

from cryptography.hazmat.primitives.serialization import Encoding
import datetime
from herne.portal.fitconnect.certificates import load_roots
from herne.portal.fitconnect.errors import KeyRejected
from herne.portal.fitconnect.keys import encryption_key
from herne.portal.fitconnect.revocation import RevocationUnknown
from herne.portal.fitconnect.revocation import revocation
from herne.portal.fitconnect.sender import FitConnectSender
from herne.portal.fitconnect.summary import delivery_summary
from herne.portal.outbox import worker
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.storage import get_outbox
from plone import api
import pytest
import re
import requests
from tests.fixtures.applications import build_application
from tests.fixtures.fitconnect import DESTINATION
from tests.fixtures.fitconnect import Entry
from tests.fixtures.fitconnect import complete_rows
import transaction


SERVICE = "hundesteuer"

REFUSED = [
    ("revoked", "ist gesperrt (seit"),
    ("unknown-root", "führt zu keinem vertrauenswürdigen Wurzelzertifikat"),
    ("mismatch", "ein anderer als der in seinem Zertifikat"),
    ("expired", "abgelaufen"),
    ("none", "keine Zertifikatskette (x5c)"),
]


def published_key(fit_connect):
    """The destination's key (JWK) as the portal fetches it, with its chain as the hooks say."""
    requests.post(
        f"{fit_connect.url}/_destinations",
        json={"destinationId": DESTINATION, "services": [{"identifier": "x"}]},
        timeout=5,
    ).raise_for_status()
    client = fit_connect.client()
    kid = client.destination(DESTINATION)["encryptionKid"]
    return client.destination_key(DESTINATION, kid)


def roots(fit_connect):
    return load_roots(requests.get(f"{fit_connect.url}/_pki/root.pem", timeout=5).text)


def test_a_key_certified_by_the_trusted_root_is_taken(fit_connect):
    key = encryption_key(published_key(fit_connect), roots=roots(fit_connect))
    assert key.get_op_key("wrapKey").key_size == 4096
    counts = fit_connect.deliveries()
    assert counts["ocsp_requests"] == 1  # the responder said "good"
    assert counts["crl_fetches"] == 0  # so the revocation list was not needed


def test_a_good_ocsp_answer_is_kept_until_it_runs_out(fit_connect):
    public, trusted = published_key(fit_connect), roots(fit_connect)
    for _ in range(3):
        encryption_key(public, roots=trusted)
    fit_connect.hooks(ocsp="down", crl_down=True)  # a cached, current answer still counts
    encryption_key(public, roots=trusted)
    assert fit_connect.deliveries()["ocsp_requests"] == 1


def test_a_certificate_the_responder_calls_revoked_is_refused(fit_connect):
    fit_connect.hooks(ocsp="revoked")
    with pytest.raises(KeyRejected, match="„CN=Zustellpunkt Test,.*ist gesperrt \\(seit"):
        encryption_key(published_key(fit_connect), roots=roots(fit_connect))
    assert fit_connect.deliveries()["crl_fetches"] == 0  # the list says "good", it was not read


def test_an_answer_from_a_responder_the_issuer_delegated_to_is_taken(fit_connect):
    fit_connect.hooks(ocsp="delegated", crl_down=True)
    encryption_key(published_key(fit_connect), roots=roots(fit_connect))
    fit_connect.hooks(ocsp="delegated", certificate="revoked")
    with pytest.raises(KeyRejected, match="ist gesperrt"):
        encryption_key(published_key(fit_connect), roots=roots(fit_connect))
    assert fit_connect.deliveries()["crl_fetches"] == 0


UNBELIEVED = ["wrong-key", "undelegated", "stale", "unknown", "down"]


@pytest.mark.parametrize("answer", UNBELIEVED)
def test_without_a_believable_ocsp_answer_the_revocation_list_decides(fit_connect, answer):
    fit_connect.hooks(ocsp=answer)
    encryption_key(published_key(fit_connect), roots=roots(fit_connect))  # "good" on the list
    assert fit_connect.deliveries()["crl_fetches"] == 1
    # revoked on the list: "wrong-key" even answers "good" for it, and is not believed
    fit_connect.hooks(ocsp=answer, certificate="revoked")
    with pytest.raises(KeyRejected, match="ist gesperrt"):
        encryption_key(published_key(fit_connect), roots=roots(fit_connect))


@pytest.mark.parametrize("answer", UNBELIEVED)
def test_without_ocsp_answer_nor_revocation_list_the_status_is_unknown(fit_connect, answer):
    fit_connect.hooks(ocsp=answer, crl_down=True)
    with pytest.raises(RevocationUnknown, match="ließ sich nicht prüfen") as unknown:
        encryption_key(published_key(fit_connect), roots=roots(fit_connect))
    assert "OCSP http" in str(unknown.value)
    assert "HTTP 503" in str(unknown.value)


@pytest.mark.parametrize("certificate, message", REFUSED)
def test_a_key_whose_chain_fails_is_refused_with_the_reason(fit_connect, certificate, message):
    fit_connect.hooks(certificate=certificate)
    with pytest.raises(KeyRejected, match=re.escape(message)):
        encryption_key(published_key(fit_connect), roots=roots(fit_connect))


def test_without_a_trusted_root_no_chain_is_trusted(fit_connect):
    with pytest.raises(KeyRejected, match="keinem vertrauenswürdigen Wurzelzertifikat"):
        encryption_key(published_key(fit_connect), roots=[])


def test_an_unreachable_revocation_list_leaves_the_status_unknown(fit_connect):
    fit_connect.hooks(crl_down=True, ocsp="down")
    with pytest.raises(RevocationUnknown, match="ließ sich nicht prüfen") as unknown:
        encryption_key(published_key(fit_connect), roots=roots(fit_connect))
    assert "HTTP 503" in str(unknown.value)


def test_the_revocation_list_is_read_once_while_it_is_current(fit_connect):
    fit_connect.hooks(ocsp="down")
    public, trusted = published_key(fit_connect), roots(fit_connect)
    for _ in range(3):
        encryption_key(public, roots=trusted)
    assert fit_connect.deliveries()["crl_fetches"] == 1
    fit_connect.hooks(crl_down=True, ocsp="down")  # a cached, current list still answers
    encryption_key(public, roots=trusted)


def test_a_revocation_list_signed_by_another_authority_is_not_believed(fit_connect):
    pki = fit_connect.server.fit_connect.pki
    (leaf,) = pki.chains["valid"]
    now = datetime.datetime.now(datetime.UTC)
    assert revocation(leaf, pki.authority.certificate, now) is None
    with pytest.raises(RevocationUnknown, match="nicht vom Aussteller signiert"):
        revocation(leaf, pki.stranger.certificate, now)
    (revoked,) = pki.chains["revoked"]
    assert isinstance(revocation(revoked, pki.authority.certificate, now), datetime.datetime)


# -- through a delivery -------------------------------------------------------------------


@pytest.fixture
def application(demo_functional, fit_connect):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    fit_connect.deliver_here(service)
    created = build_application(portal, service, rows=complete_rows(service))
    transaction.commit()
    return created


def summary(application):
    with api.env.adopt_roles(["Manager"]):
        return delivery_summary(application)


@pytest.mark.parametrize("certificate, message", REFUSED)
def test_a_refused_chain_stops_the_delivery_and_says_why(
    application, fit_connect, certificate, message
):
    fit_connect.hooks(certificate=certificate)
    with pytest.raises(PermanentDeliveryError, match=re.escape(message)):
        FitConnectSender().send(Entry(application), application)
    assert fit_connect.deliveries()["submissions"] == []  # not even announced
    assert summary(application)["label"] == "Übermittlung an das Fachverfahren gestoppt"
    assert message in summary(application)["error"]


def test_without_a_root_in_the_control_panel_nothing_is_delivered(application, fit_connect):
    api.portal.set_registry_record("herne.portal.fitconnect.trusted_roots", "")
    transaction.commit()
    with pytest.raises(PermanentDeliveryError, match="kein vertrauenswürdiges Wurzelzertifikat"):
        FitConnectSender().send(Entry(application), application)
    assert fit_connect.deliveries()["submissions"] == []


def test_with_responder_and_revocation_list_down_it_is_tried_again_and_then_delivers_once(
    application, fit_connect
):
    fit_connect.hooks(crl_down=True, ocsp="down")
    with pytest.raises(
        TemporaryDeliveryError, match="weder der OCSP-Dienst noch die Sperrliste gab"
    ):
        FitConnectSender().send(Entry(application), application)
    assert fit_connect.deliveries()["submissions"] == []
    fit_connect.hooks(crl_down=False, ocsp="down")
    FitConnectSender().send(Entry(application), application)
    assert fit_connect.deliveries()["delivered"] == {application.reference_number: 1}


def test_with_the_revocation_list_down_a_good_ocsp_answer_delivers(application, fit_connect):
    fit_connect.hooks(crl_down=True)
    FitConnectSender().send(Entry(application), application)
    counts = fit_connect.deliveries()
    assert counts["delivered"] == {application.reference_number: 1}
    assert counts["crl_fetches"] == 0


def test_a_revocation_the_responder_reports_stops_the_delivery(application, fit_connect):
    fit_connect.hooks(ocsp="revoked")
    with pytest.raises(PermanentDeliveryError, match="ist gesperrt \\(seit"):
        FitConnectSender().send(Entry(application), application)
    assert fit_connect.deliveries()["submissions"] == []
    assert summary(application)["label"] == "Übermittlung an das Fachverfahren gestoppt"


def test_the_administrator_reads_the_reason_on_the_outbox_page(
    application, fit_connect, manager_browser, demo_functional
):
    fit_connect.hooks(certificate="revoked")
    worker.drain_outbox()
    transaction.begin()
    (entry,) = [
        entry
        for entry in get_outbox().for_application(application.UID())
        if entry.kind == "fit-connect"
    ]
    assert entry.state == "dead"
    manager_browser.open(demo_functional["portal"].absolute_url() + "/@@ausgang?stand=dead")
    assert "Zustellpunkt gesperrt" in manager_browser.contents
    assert "ist gesperrt (seit" in manager_browser.contents
    assert fit_connect.deliveries()["submissions"] == []


def test_the_control_panel_takes_root_certificates_only(fit_connect):
    from herne.portal.controlpanels.fitconnect import BadRootCertificates
    from herne.portal.controlpanels.fitconnect import valid_root_certificates

    pki = fit_connect.server.fit_connect.pki
    assert valid_root_certificates(pki.root_pem() + pki.stranger.root_pem())
    (leaf,) = pki.chains["valid"]
    leaf_pem = leaf.public_bytes(Encoding.PEM).decode()
    for text in ("kein Zertifikat", leaf_pem):
        with pytest.raises(BadRootCertificates):
            valid_root_certificates(text)
