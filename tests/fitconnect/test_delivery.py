"""Applications reach the department's software through FIT-Connect exactly once, encrypted, with right hashes."""

from herne.portal.applications.retention import anonymise
from herne.portal.fitconnect import state as states
from herne.portal.fitconnect.delivery import deliver
from herne.portal.fitconnect.errors import Unreachable
from herne.portal.fitconnect.sender import DECISION
from herne.portal.fitconnect.sender import DecisionReader
from herne.portal.fitconnect.sender import FitConnectSender
from herne.portal.fitconnect.summary import delivery_summary
from herne.portal.outbox.interfaces import PermanentDeliveryError
from herne.portal.outbox.interfaces import TemporaryDeliveryError
from herne.portal.outbox.storage import get_outbox
from plone import api
from plone.namedfile.file import NamedBlobFile
import pytest
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
from tests.fixtures.fitconnect import DESTINATION
from tests.fixtures.fitconnect import Entry
from tests.fixtures.fitconnect import complete_rows
import transaction


SERVICE = "hundesteuer"


@pytest.fixture
def portal(demo_functional, fit_connect):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    fit_connect.deliver_here(service)
    transaction.commit()
    return portal


def submit(portal, uploads=None, rows=None):
    service = portal["leistungen"][SERVICE]
    application = build_application(
        portal,
        service,
        rows=complete_rows(service) if rows is None else rows,
        uploads=uploads,
    )
    transaction.commit()
    return application


def evidence(content=PDF, filename="abgabe.pdf"):
    return {
        "nachweis": (
            "Nachweis über die Abgabe",
            NamedBlobFile(data=content, contentType="application/pdf", filename=filename),
        )
    }


def delivered_to(fit_connect, application):
    return fit_connect.deliveries()["delivered"].get(application.reference_number, 0)


def as_clerk(application, function):
    with api.env.adopt_roles(["Manager"]):
        return function(application)


def test_submission_puts_one_delivery_into_the_outbox(portal, fit_connect):
    application = submit(portal)
    entries = get_outbox().for_application(application.UID())
    assert [(e.kind, e.event, e.destination) for e in entries if e.kind != "mail"] == [
        ("fit-connect", "submitted", DESTINATION)
    ]
    # a service without a destination leaves nothing for FIT-Connect
    other = build_application(portal, "fuehrungszeugnis")
    assert [e for e in get_outbox().for_application(other.UID()) if e.kind != "mail"] == []


def test_delivered_once_with_every_hash_right_and_the_clerk_sees_the_acceptance(
    portal, fit_connect
):
    application = submit(portal, uploads=evidence())
    result = FitConnectSender().send(Entry(application), application)

    (received,) = fit_connect.deliveries()["submissions"]
    assert received["submissionId"] == result["submissionId"]
    assert received["reference"] == application.reference_number
    assert received["hashes_right"] == 1
    assert received["problems"] == []
    assert received["data"]["serviceKey"] == "99018005000000"
    assert received["data"]["applicant"]["name"] == "Bernd Bergmann"
    assert received["data"]["attachments"][0]["filename"] == "abgabe.pdf"
    assert delivered_to(fit_connect, application) == 1
    # the worker follows the case next
    kinds = [e.kind for e in get_outbox().for_application(application.UID())]
    assert DECISION in kinds

    assert as_clerk(application, delivery_summary)["label"] == (
        "An das Fachverfahren übermittelt, noch nicht übernommen"
    )
    assert DecisionReader().send(Entry(application, DECISION), application) == {
        "status": states.ACCEPTED
    }
    assert as_clerk(application, delivery_summary)["label"] == "Vom Fachverfahren übernommen"

    # sent again (a worker that crashed before marking the entry): nothing new is delivered
    FitConnectSender().send(Entry(application), application)
    assert delivered_to(fit_connect, application) == 1


def test_an_answer_that_got_lost_is_not_followed_by_a_second_submission(portal, fit_connect):
    application = submit(portal, uploads=evidence())
    fit_connect.hooks(answer_twice=True)
    with pytest.raises(TemporaryDeliveryError):
        FitConnectSender().send(Entry(application), application)
    FitConnectSender().send(Entry(application), application)
    assert delivered_to(fit_connect, application) == 1
    assert len(fit_connect.deliveries()["submissions"]) == 1
    assert states.delivery_state(application)["status"] == states.SUBMITTED


@pytest.mark.parametrize("failure", ["500", "malformed"])
def test_a_failing_api_is_tried_again_and_delivers_once(portal, fit_connect, failure):
    application = submit(portal)
    fit_connect.hooks(fail_next=failure)
    with pytest.raises(TemporaryDeliveryError, match="FIT-Connect ist nicht erreichbar"):
        FitConnectSender().send(Entry(application), application)
    FitConnectSender().send(Entry(application), application)
    assert delivered_to(fit_connect, application) == 1


def test_a_slow_api_counts_as_unreachable(portal, fit_connect):
    application = submit(portal)
    fit_connect.hooks(fail_submit="timeout", timeout_seconds=2)
    with pytest.raises(Unreachable):
        deliver(application, DESTINATION, client=fit_connect.client(timeout=(2, 1)))
    deliver(application, DESTINATION, client=fit_connect.client())
    assert delivered_to(fit_connect, application) == 1


def test_a_delivery_cut_off_after_the_announcement_resumes_the_same_submission(portal, fit_connect):
    application = submit(portal, uploads=evidence())
    client = fit_connect.client()
    upload = client.upload_attachment

    def cut_off(*args):
        raise Unreachable("verbindung weg")

    client.upload_attachment = cut_off
    with pytest.raises(Unreachable):
        deliver(application, DESTINATION, client=client)
    transaction.abort()
    announced = states.delivery_state(application)["submission_id"]
    assert announced  # committed before the first upload
    client.upload_attachment = upload
    deliver(application, DESTINATION, client=client)
    (received,) = fit_connect.deliveries()["submissions"]
    assert received["submissionId"] == announced
    assert received["hashes_right"] == 1


@pytest.mark.parametrize(
    "key, message",
    [
        ("expired", "abgelaufen"),
        ("wrong-use", "wrapKey"),
        ("wrong-alg", "RSA-OAEP-256"),
        ("ec", "kein RSA-Schlüssel"),
    ],
)
def test_a_bad_destination_key_stops_the_delivery_before_anything_is_sent(
    portal, fit_connect, key, message
):
    application = submit(portal, uploads=evidence())
    fit_connect.hooks(key=key)
    with pytest.raises(PermanentDeliveryError, match=message):
        FitConnectSender().send(Entry(application), application)
    assert fit_connect.deliveries()["submissions"] == []
    summary = as_clerk(application, delivery_summary)
    assert summary["label"] == "Übermittlung an das Fachverfahren gestoppt"
    assert message in summary["error"]


def test_a_rejection_shows_its_problems_to_the_clerk_and_is_logged(portal, fit_connect, caplog):
    application = submit(portal)
    fit_connect.hooks(reject_next=True)
    FitConnectSender().send(Entry(application), application)
    assert DecisionReader().send(Entry(application, DECISION), application) == {
        "status": states.REJECTED
    }
    summary = as_clerk(application, delivery_summary)
    assert summary["label"] == "Vom Fachverfahren abgelehnt"
    assert summary["problems"][0]["detail"] == "Das Fachverfahren lehnt ab (Test)."
    assert "rejected" in caplog.text and application.reference_number in caplog.text


def test_retention_keeps_the_outcome_but_not_the_receivers_texts(portal, fit_connect):
    application = submit(portal)
    fit_connect.hooks(reject_next=True)
    FitConnectSender().send(Entry(application), application)
    DecisionReader().send(Entry(application, DECISION), application)
    anonymise(application)
    current = states.delivery_state(application)
    assert current["status"] == states.REJECTED
    assert current["submission_id"]
    assert [problem["detail"] for problem in current["problems"]] == [""]


def test_data_that_does_not_fit_the_forms_schema_is_rejected_by_the_receiver(portal, fit_connect):
    service = portal["leistungen"][SERVICE]
    rows = [*complete_rows(service), {"name": "unbekannt", "title": "Neu", "value": "x"}]
    application = submit(portal, rows=rows)
    FitConnectSender().send(Entry(application), application)
    DecisionReader().send(Entry(application, DECISION), application)
    problems = states.delivery_state(application)["problems"]
    assert any("unbekannt" in problem["detail"] for problem in problems)


def test_no_decision_yet_is_asked_again_later(portal, fit_connect):
    application = submit(portal)
    # a submission handed over, but not decided: the worker keeps asking
    states.update(application, status=states.SUBMITTED, case_id="c", submission_id="s")
    fit_connect.hooks(fail_next="")
    with pytest.raises(TemporaryDeliveryError, match="noch nicht entschieden"):
        DecisionReader().send(Entry(application, DECISION), application)


def test_sent_again_after_the_key_was_fixed_it_is_delivered_once(portal, fit_connect):
    application = submit(portal, uploads=evidence())
    fit_connect.hooks(key="expired")
    with pytest.raises(PermanentDeliveryError):
        FitConnectSender().send(Entry(application), application)
    fit_connect.hooks(key="valid")
    FitConnectSender().send(Entry(application), application)  # "erneut senden"
    assert delivered_to(fit_connect, application) == 1
    assert as_clerk(application, delivery_summary)["error"] == ""


def test_the_receiver_notices_an_attachment_that_does_not_match_its_hash(
    portal, fit_connect, monkeypatch
):
    from herne.portal.fitconnect import delivery

    application = submit(portal, uploads=evidence())
    real = delivery.sha512
    monkeypatch.setattr(
        delivery,
        "sha512",
        lambda content: real(content + b"!") if content == PDF else real(content),
    )
    FitConnectSender().send(Entry(application), application)
    (received,) = fit_connect.deliveries()["submissions"]
    assert received["hashes_right"] == 0
    assert received["status"] == "rejected"
    assert [p["title"] for p in received["problems"]] == ["hash-mismatch"]
