"""Through the outbox worker: a submitted application reaches FIT-Connect once and the clerk sees the acceptance."""

from herne.portal.fitconnect import state as states
from herne.portal.outbox import worker
from herne.portal.outbox.storage import get_outbox
from plone.namedfile.file import NamedBlobFile
import pytest
from tests.fixtures.applications import PDF
from tests.fixtures.applications import build_application
from tests.fixtures.fitconnect import complete_rows
import transaction


SERVICE = "hundesteuer"


@pytest.fixture
def application(demo_functional, fit_connect):
    portal = demo_functional["portal"]
    service = portal["leistungen"][SERVICE]
    fit_connect.deliver_here(service)
    upload = NamedBlobFile(data=PDF, contentType="application/pdf", filename="abgabe.pdf")
    created = build_application(
        portal, service, rows=complete_rows(service), uploads={"nachweis": ("Nachweis", upload)}
    )
    transaction.commit()
    return created


def fit_connect_entries(application):
    entries = get_outbox().for_application(application.UID())
    return {entry.kind: entry.state for entry in entries if entry.kind.startswith("fit-connect")}


def test_the_worker_delivers_and_follows_the_case(application, fit_connect):
    worker.drain_outbox()
    assert fit_connect.deliveries()["delivered"] == {application.reference_number: 1}
    assert fit_connect_entries(application) == {
        "fit-connect": "delivered",
        "fit-connect-decision": "delivered",
    }
    assert states.delivery_state(application)["status"] == states.ACCEPTED


@pytest.mark.parametrize("step", ["claimed", "sent"])
def test_a_worker_killed_between_its_steps_delivers_once(
    application, fit_connect, monkeypatch, step
):
    class Killed(BaseException):
        """Ends the round the way a killed process does: nothing after it runs."""

    def kill(name, entry_id):
        if name == step and get_kind(entry_id) == "fit-connect":
            monkeypatch.setattr(worker, "step_hook", None)
            raise Killed(name)

    def get_kind(entry_id):
        return get_outbox().get(entry_id).kind

    monkeypatch.setattr(worker, "step_hook", kill)
    with pytest.raises(Killed):
        worker.drain_outbox()
    transaction.abort()
    # the next worker takes over once the sending timeout has passed
    for entry in get_outbox().for_application(application.UID()):
        entry.claimed = 0
        get_outbox().schedule(entry, 0)
    worker.drain_outbox()
    assert fit_connect.deliveries()["delivered"] == {application.reference_number: 1}
    assert states.delivery_state(application)["status"] == states.ACCEPTED
