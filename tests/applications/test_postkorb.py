"""The citizen's Postkorb: own applications, state, next step, unread markers, messages."""

from io import BytesIO
from plone import api
import pytest
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import PDF
from tests.fixtures.applications import state_of
from tests.fixtures.journeys import step
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction
from zExceptions import Unauthorized


def open_postkorb(browser):
    browser.open(f"{api.portal.get().absolute_url()}/@@postkorb")


def write(browser, application, text, attachment=None):
    browser.open(application.absolute_url())
    form = browser.getForm(action="@@message")
    form.getControl(name="message_text").value = text
    if attachment is not None:
        form.getControl(name="message_file_1").add_file(
            BytesIO(attachment[0]), "application/pdf", attachment[1]
        )
    form.submit()


def test_postkorb_lists_only_own_applications(submitted_application, citizen):
    mine = submitted_application("fuehrungszeugnis")
    theirs = submitted_application("wohngeld", user="buergerin")
    owner = citizen()
    open_postkorb(owner)
    assert mine.reference_number in owner.contents
    assert "Führungszeugnis beantragen" in owner.contents
    assert "Eingegangen" in owner.contents
    assert theirs.reference_number not in owner.contents
    assert owner.getLink("Postkorb").url.endswith("/@@postkorb")


def test_anonymous_must_log_in_for_the_postkorb(demo_functional):
    from plone.testing.zope import Browser

    anonymous = Browser(demo_functional["app"])
    anonymous.handleErrors = False
    with pytest.raises(Unauthorized):
        open_postkorb(anonymous)


def test_unread_marker_after_a_step_until_the_citizen_looks(
    submitted_application, citizen, browser_as
):
    application = submitted_application("fuehrungszeugnis")
    owner = citizen()
    open_postkorb(owner)
    assert "herne-unread" not in owner.contents
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Unterlagen nachfordern", comment="Bitte Zweck angeben.")
    open_postkorb(owner)
    assert "herne-unread" in owner.contents
    assert "Sie sind am Zug" in owner.contents
    owner.getLink("Führungszeugnis beantragen").click()
    assert "Bitte Zweck angeben." in owner.contents
    open_postkorb(owner)
    assert "herne-unread" not in owner.contents
    # the clerk opening the page does not mark it read for the citizen
    step(clerk, application, "Ablehnen", comment="Zweck fehlt.")
    clerk.open(application.absolute_url())
    open_postkorb(owner)
    assert "herne-unread" in owner.contents


@pytest.mark.parametrize(
    "state, steps, expected",
    [
        ("submitted", [], "beginnt bald mit der Bearbeitung"),
        ("in_progress", ["Bearbeitung beginnen"], "Sie müssen nichts tun"),
        ("approved", ["Bearbeitung beginnen", "Genehmigen"], "Ihr Antrag ist genehmigt"),
        (
            "sent",
            ["Bearbeitung beginnen", "Genehmigen", "Per Post versenden"],
            "per Post an Sie unterwegs",
        ),
    ],
)
def test_next_step_per_state(submitted_application, citizen, browser_as, state, steps, expected):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    for title in steps:
        step(clerk, application, title)
    assert state_of(application) == state
    owner = citizen()
    owner.open(application.absolute_url())
    assert expected in owner.contents


def test_next_step_names_originals_and_office(submitted_application, citizen, browser_as):
    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    transaction.commit()
    application = submitted_application("lebensbescheinigung")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Originale anfordern")
    owner = citizen()
    owner.open(application.absolute_url())
    section = owner.contents.split("herne-next-step")[1].split("</section>")[0]
    assert "Sie sind am Zug" in section
    for item in application.originals:
        assert item["name"] in section
    assert "Rathaus Wanne" in section and "Öffnungszeiten" in section


def test_message_round_trip_with_notifications(submitted_application, citizen, browser_as, mailbox):
    application = submitted_application("fuehrungszeugnis")
    settle(mailbox, 1)
    owner = citizen()
    write(owner, application, "Wie lange dauert es?", attachment=(PDF, "frage.pdf"))
    assert "Ihre Nachricht wurde gesendet." in owner.contents
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert "Wie lange dauert es?" in clerk.contents
    assert "frage.pdf" in clerk.contents
    write(clerk, application, "Etwa zwei Wochen.")
    owner.open(application.absolute_url())
    assert "Etwa zwei Wochen." in owner.contents
    settle(mailbox, 3)
    (to_department,) = [
        m for m in mails_to(mailbox, "buergerdienste@herne.de") if "Nachricht" in m.get_content()
    ]
    assert "Wie lange dauert es?" in to_department.get_content()
    (to_citizen,) = mails_to(mailbox, "buerger@example.org")
    assert "Nachricht" in to_citizen.get_content()


@pytest.mark.parametrize(
    "text, attachment, error",
    [
        ("", None, "Bitte schreiben Sie eine Nachricht."),
        ("x" * 5001, None, "Die Nachricht ist zu lang"),
        ("Anbei", (b"MZ\x90\x00 not a pdf", "virus.pdf"), "kein PDF-Dokument"),
    ],
)
def test_bad_messages_are_refused_and_nothing_is_kept(
    submitted_application, citizen, text, attachment, error
):
    application = submitted_application("fuehrungszeugnis")
    owner = citizen()
    write(owner, application, text, attachment)
    assert error in owner.contents
    transaction.abort()
    assert not application.messages
    assert not [item for item in application.contentValues() if item.field_name == "message"]


def test_no_files_after_the_decision(submitted_application, citizen, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Genehmigen")
    assert state_of(application) == "approved"
    owner = citizen()
    owner.open(application.absolute_url())
    assert "message_file_1" not in owner.contents
    # a question without files is still possible
    write(owner, application, "Warum?")
    assert "Warum?" in owner.contents


def test_another_citizen_cannot_write(submitted_application, citizen):
    application = submitted_application("fuehrungszeugnis")
    owner = citizen()
    owner.open(application.absolute_url())
    token = owner.getControl(name="_authenticator", index=0).value
    other = citizen("buergerin")
    with pytest.raises(Unauthorized):
        other.post(
            f"{application.absolute_url()}/@@message", f"_authenticator={token}&message_text=Hallo"
        )
    transaction.abort()
    assert not application.messages


def test_next_step_and_must_act_for_every_state(demo):
    """Every state has a plain-German next step; the citizen must act exactly where expected."""
    from herne.portal.applications.next_step import must_act
    from herne.portal.applications.next_step import next_step
    from tests.fixtures.applications import PATHS
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application
    from zope.i18n import translate

    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    department = demo["portal"]["organisation"]["buergerdienste-wanne"]
    expected = {
        "draft": ("Setzen Sie ihn fort", True),
        "submitted": ("beginnt bald", False),
        "in_progress": ("Sie müssen nichts tun", False),
        "info_requested": ("Bitte antworten Sie", True),
        "originals_pending": ("Rathaus Wanne", True),
        "approved": ("genehmigt", False),
        "sent": ("per Post", False),
        "ready_for_pickup": ("Bringen Sie Ihren Ausweis mit", True),
        "picked_up": ("abgeholt", False),
        "rejected": ("abgelehnt", False),
        "withdrawn": ("zurückgezogen", False),
    }
    assert set(expected) == set(PATHS)
    for state, (phrase, act) in expected.items():
        application = draft_application(demo["portal"])
        bring_to(application, state)
        text = translate(next_step(application, state, department), target_language="de")
        assert phrase in text, (state, text)
        assert must_act(state) is act, state
    originals_text = translate(
        next_step(application, "originals_pending", department), target_language="de"
    )
    assert "Öffnungszeiten" in originals_text


def test_message_from_the_clerk_marks_the_application_unread(
    submitted_application, citizen, browser_as
):
    application = submitted_application("fuehrungszeugnis")
    owner = citizen()
    write(owner, application, "Eine Frage")
    open_postkorb(owner)
    assert "herne-unread" not in owner.contents  # the citizen's own message is not news
    write(browser_as(*CLERK), application, "Die Antwort")
    open_postkorb(owner)
    assert "herne-unread" in owner.contents
    assert "1 Antrag/Anträge mit Neuigkeiten." in owner.contents
