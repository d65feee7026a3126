"""Clerks work an application on its page: steps, refusals in German, decision, originals, hand-over."""

from io import BytesIO
from plone import api
import pytest
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import PDF
from tests.fixtures.applications import PNG
from tests.fixtures.applications import WOHNGELD_CLERK
from tests.fixtures.applications import state_of
from tests.fixtures.journeys import step
import transaction
from zExceptions import Unauthorized


def post_step(browser, application, transition, **fields):
    """A hand-made POST, as a tampered form would send it."""
    browser.open(application.absolute_url())
    token = browser.getControl(name="_authenticator", index=0).value
    data = "&".join(
        f"{key}={value}"
        for key, value in {"_authenticator": token, "transition": transition, **fields}.items()
    )
    browser.post(f"{application.absolute_url()}/@@process", data)


def test_clerk_approves_with_decision_letter_and_sends_by_post(submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    assert state_of(application) == "in_progress"
    assert "Neuer Stand: In Bearbeitung" in clerk.contents

    step(
        clerk,
        application,
        "Genehmigen",
        comment="Alles in Ordnung",
        letter=(PDF, "bescheid.pdf", "application/pdf"),
    )
    assert state_of(application) == "approved"
    files = [item for item in application.contentValues() if item.field_name == "decision"]
    assert [item.field_title for item in files] == ["Bescheid"]

    step(clerk, application, "Per Post versenden")
    assert state_of(application) == "sent"
    history = application.workflow_history["herne_application_workflow"]
    assert [entry["action"] for entry in history[-4:]] == [
        "submit",
        "accept",
        "approve",
        "send_by_post",
    ]
    assert {entry["actor"] for entry in history[-3:]} == {"sachbearbeitung"}
    assert application.processing_days is not None and application.processing_days >= 0
    assert application.decided is not None
    # the final state ends the clerk's work: no more step buttons
    clerk.open(application.absolute_url())
    assert "@@process" not in clerk.contents


def test_step_in_wrong_state_is_refused_in_german(submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    post_step(clerk, application, "send_by_post")
    assert (
        "Im Stand „Eingegangen“ ist der Schritt „Per Post versenden“ nicht möglich."
        in clerk.contents
    )
    assert state_of(application) == "submitted"


def test_approval_refused_while_originals_outstanding(
    submitted_application, browser_as, demo_portal
):
    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    transaction.commit()
    application = submitted_application("lebensbescheinigung")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    # the page says why approval is not offered
    assert "Es sind noch nicht alle Originale vorgelegt." in clerk.contents
    post_step(clerk, application, "approve")
    assert "Es sind noch nicht alle Originale vorgelegt. Es fehlen:" in clerk.contents
    assert state_of(application) == "in_progress"


def test_originals_checklist_from_request_to_approval(
    submitted_application, browser_as, citizen, demo_portal
):
    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    transaction.commit()
    application = submitted_application("lebensbescheinigung")
    names = [item["name"] for item in application.originals]
    assert len(names) == 2
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Originale anfordern", comment="Bitte bringen Sie die Formulare mit.")
    assert state_of(application) == "originals_pending"

    owner = citizen()
    owner.open(application.absolute_url())
    assert "Bitte zeigen Sie diese Originale persönlich vor." in owner.contents
    wanne = demo_portal["organisation"]["buergerdienste-wanne"]
    assert wanne.address.splitlines()[0] in owner.contents
    assert owner.contents.count("noch nicht vorgelegt") == 2
    assert "Als vorgelegt abhaken" not in owner.contents

    clerk.open(application.absolute_url())
    clerk.getForm(action="@@tick-original", index=0).submit()
    assert state_of(application) == "originals_pending"
    ticked = [item for item in application.originals if item["shown_at"]]
    assert [(item["name"], item["checked_by"]) for item in ticked] == [
        (names[0], "sachbearbeitung")
    ]
    owner.open(application.absolute_url())
    assert owner.contents.count("noch nicht vorgelegt") == 1
    assert names[1] in owner.contents

    post_step(clerk, application, "originals_received")
    assert "Es fehlen: " + names[1] in clerk.contents
    clerk.open(application.absolute_url())
    clerk.getForm(action="@@tick-original", index=0).submit()
    step(clerk, application, "Originale vollständig")
    step(clerk, application, "Genehmigen")
    assert state_of(application) == "approved"


def test_information_request_round_trip(submitted_application, browser_as, citizen):
    application = submitted_application("wohngeld")
    clerk = browser_as(*WOHNGELD_CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Unterlagen nachfordern")
    assert "Bitte schreiben Sie, welche Angaben oder Unterlagen fehlen." in clerk.contents
    assert state_of(application) == "in_progress"
    step(
        clerk,
        application,
        "Unterlagen nachfordern",
        comment="Bitte laden Sie die Mietbescheinigung hoch.",
    )
    assert state_of(application) == "info_requested"

    owner = citizen()
    owner.open(application.absolute_url())
    assert "Bitte laden Sie die Mietbescheinigung hoch." in owner.contents
    form = owner.getForm(action="@@answer")
    form.getControl(name="attachment_1").add_file(
        BytesIO(b"<html>evil</html>"), "application/pdf", "miete.pdf"
    )
    form.getControl(name="text").value = "Anbei die Bescheinigung."
    form.submit()
    assert "kein PDF-Dokument" in owner.contents
    assert owner.getControl(name="text").value == "Anbei die Bescheinigung."  # nothing lost
    assert state_of(application) == "info_requested"
    assert not [item for item in application.contentValues() if item.field_name == "answer"]

    form = owner.getForm(action="@@answer")
    form.getControl(name="text").value = ""
    form.submit()
    assert "Bitte schreiben Sie eine Antwort." in owner.contents

    form = owner.getForm(action="@@answer")
    form.getControl(name="text").value = "Anbei die Bescheinigung."
    form.getControl(name="attachment_1").add_file(BytesIO(PDF), "application/pdf", "miete.pdf")
    form.submit()
    assert "Ihre Antwort ist bei der Stadt eingegangen." in owner.contents
    assert state_of(application) == "in_progress"
    (answer,) = [item for item in application.contentValues() if item.field_name == "answer"]
    assert answer.file.filename == "miete.pdf"
    clerk.open(application.absolute_url())
    assert "Anbei die Bescheinigung." in clerk.contents
    assert "miete.pdf" in clerk.contents


def test_internal_comment_never_reaches_the_citizen(submitted_application, browser_as, citizen):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(
        clerk,
        application,
        "Bearbeitung beginnen",
        comment="Antragsteller bekannt, Akte 17",
        internal=True,
    )
    clerk.open(application.absolute_url())
    assert "Antragsteller bekannt, Akte 17" in clerk.contents
    assert "intern" in clerk.contents
    owner = citizen()
    owner.open(application.absolute_url())
    assert "In Bearbeitung" in owner.contents
    assert "Antragsteller bekannt" not in owner.contents


def test_decision_letter_must_be_a_pdf(submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Genehmigen", letter=(PNG, "bescheid.pdf", "application/pdf"))
    assert "Der Bescheid muss ein PDF-Dokument sein." in clerk.contents
    assert state_of(application) == "in_progress"
    assert not [item for item in application.contentValues() if item.field_name == "decision"]


def test_rejection_needs_a_reason(submitted_application, browser_as, citizen):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Ablehnen")
    assert "Bitte begründen Sie die Ablehnung." in clerk.contents
    assert state_of(application) == "submitted"
    step(clerk, application, "Ablehnen", comment="Sie wohnen nicht in Herne.")
    assert state_of(application) == "rejected"
    owner = citizen()
    owner.open(application.absolute_url())
    assert "Sie wohnen nicht in Herne." in owner.contents


def test_pickup_services_are_never_sent_and_pickup_is_confirmed(
    submitted_application, browser_as, demo_portal
):
    demo_portal["leistungen"]["fuehrungszeugnis"].result_delivery = "pickup"
    transaction.commit()
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Genehmigen")
    assert "muss persönlich abgeholt werden" in clerk.contents
    post_step(clerk, application, "send_by_post")
    assert state_of(application) == "approved"
    step(clerk, application, "Zur Abholung bereitlegen")
    step(clerk, application, "Abholung bestätigen")
    assert state_of(application) == "picked_up"


def test_citizen_withdraws_from_the_page(submitted_application, citizen):
    application = submitted_application("fuehrungszeugnis")
    owner = citizen()
    owner.open(application.absolute_url())
    form = owner.getForm(action="@@process")
    form.getControl(name="comment").value = "Hat sich erledigt"
    form.submit()
    assert state_of(application) == "withdrawn"
    assert "Antrag zurückziehen" not in owner.contents


def test_clerk_of_another_department_cannot_post_a_step(submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    token = clerk.getControl(name="_authenticator", index=0).value
    other = browser_as(*WOHNGELD_CLERK)
    with pytest.raises(Unauthorized):
        other.post(
            f"{application.absolute_url()}/@@process",
            f"_authenticator={token}&transition=accept",
        )
    assert state_of(application) == "submitted"


def test_step_without_csrf_token_is_refused(submitted_application, browser_as):
    from zExceptions import Forbidden

    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    with pytest.raises(Forbidden):
        clerk.post(f"{application.absolute_url()}/@@process", "transition=accept")
    assert state_of(application) == "submitted"


def test_hand_over_keeps_history_and_moves_access(
    submitted_application, browser_as, citizen, demo_portal
):
    application = submitted_application("fuehrungszeugnis")
    uid = application.UID()
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen", comment="Gesehen")
    clerk.open(application.absolute_url())
    form = clerk.getForm(action="@@hand-over")
    form.getControl(name="department").value = [demo_portal["organisation"]["wohngeld"].UID()]
    form.getControl(name="comment").value = "Gehört zum Wohngeld"
    form.submit()
    assert "@@arbeitskorb" in clerk.url

    transaction.abort()
    with api.env.adopt_roles(["Manager"]):
        moved = api.content.get(UID=uid)
    assert moved.aq_parent.getId() == "wohngeld"
    assert moved.department_uid == demo_portal["organisation"]["wohngeld"].UID()
    history = moved.workflow_history["herne_application_workflow"]
    assert [entry["action"] for entry in history[-3:]] == ["submit", "accept", "hand_over"]
    assert api.content.get_state(moved) == "in_progress"

    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username="sachbearbeitung"):
        assert not catalog.searchResults(UID=uid)
    with api.env.adopt_user(username="sachbearbeitung-wohngeld"):
        assert len(catalog.searchResults(UID=uid)) == 1
    with pytest.raises(Unauthorized):
        clerk.open(moved.absolute_url())
    owner = citizen()
    owner.open(moved.absolute_url())
    assert "Gehört zum Wohngeld" not in owner.contents
    assert "Gesehen" in owner.contents


def test_citizen_posting_a_clerks_step_is_refused(submitted_application, citizen):
    application = submitted_application("fuehrungszeugnis")
    owner = citizen()
    post_step(owner, application, "accept")
    assert "Diesen Schritt nimmt die Sachbearbeitung der Stadt vor." in owner.contents
    assert state_of(application) == "submitted"
