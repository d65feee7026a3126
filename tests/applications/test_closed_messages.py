"""Closed applications take no new message on any channel and name whom to contact instead."""

from herne.portal.applications.office import department_of
from plone import api
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import bring_to
from tests.fixtures.applications import draft_application
from tests.fixtures.mail import settle
from tests.fixtures.rest import relative
import transaction


CLOSED = ["sent", "picked_up", "rejected", "withdrawn"]


@pytest.fixture()
def application_in(demo_functional):
    """A life certificate application of the demo citizen in any state; the demo clerk works it."""
    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")

    def make(state):
        application = draft_application(demo_functional["portal"])
        bring_to(application, state)
        transaction.commit()
        return application

    return make


def contact_of(application):
    department = department_of(application)
    return department.title, department.phone, department.email


@pytest.mark.parametrize("state", CLOSED)
def test_page_offers_no_message_form_but_the_office(application_in, citizen, state):
    application = application_in(state)
    owner = citizen()
    owner.open(application.absolute_url())
    assert "herne-message-form" not in owner.contents
    assert "Nachricht senden" not in owner.contents
    assert "nimmt keine Nachrichten mehr an" in owner.contents
    for part in contact_of(application):
        assert part in owner.contents


def test_classic_post_is_refused_and_nothing_is_kept(application_in, citizen, mailbox):
    application = application_in("in_progress")
    owner = citizen()
    owner.open(application.absolute_url())
    token = owner.getControl(name="_authenticator", index=0).value  # the form as it was
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="reject", comment="Begründung")
    transaction.commit()
    settle(mailbox, len(mailbox))
    before = len(mailbox)
    owner.post(
        f"{application.absolute_url()}/@@message",
        f"_authenticator={token}&message_text=Warum+abgelehnt%3F",
    )
    assert "Ihre Nachricht wurde gesendet." not in owner.contents
    assert "nimmt keine Nachrichten mehr an" in owner.contents
    transaction.abort()
    assert not [m for m in application.messages if m["kind"] == "message"]
    settle(mailbox, before)
    assert len(mailbox) == before


@pytest.mark.parametrize("credentials", [CITIZEN, CLERK])
def test_rest_message_is_refused_in_german(application_in, api_session, credentials):
    application = application_in("sent")
    portal = api.portal.get()
    response = api_session(*credentials).post(
        f"{relative(application, portal)}/@nachrichten", json={"text": "Noch eine Frage"}
    )
    assert response.status_code == 400, response.text
    message = response.json()["error"]["message"]
    assert "nimmt keine Nachrichten mehr an" in message
    if credentials == CITIZEN:  # whom to ask instead; the clerk is that office
        assert contact_of(application)[1] in message
    transaction.abort()
    assert not [m for m in application.messages if m["kind"] == "message"]


def test_approved_application_still_takes_messages(application_in, api_session):
    """Approved is not closed: the result is still to be sent, a clerk still reads."""
    application = application_in("approved")
    portal = api.portal.get()
    response = api_session(*CITIZEN).post(
        f"{relative(application, portal)}/@nachrichten", json={"text": "Wann kommt es?"}
    )
    assert response.status_code == 201, response.text


def test_clerk_page_says_the_application_is_closed(application_in, browser_as):
    application = application_in("rejected")
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert "herne-message-form" not in clerk.contents
    assert "Dieser Antrag ist abgeschlossen und nimmt keine Nachrichten mehr an." in clerk.contents
    assert "Bei Fragen wenden Sie sich bitte an" not in clerk.contents  # the clerk is that office
