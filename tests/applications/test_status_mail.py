"""Citizens and department mailboxes hear of each step by e-mail, after commit, once."""

from herne.portal.applications.messages import visible_messages
from herne.portal.applications.processing import perform
from plone import api
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import state_of
from tests.fixtures.journeys import step
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


CITIZEN_ADDRESS = "buerger@example.org"
DEPARTMENT_ADDRESS = "buergerdienste@herne.de"


def test_new_submission_notifies_the_department_mailbox(mailbox, submitted_application):
    application = submitted_application("fuehrungszeugnis")
    settle(mailbox, 1)
    (mail,) = mails_to(mailbox, DEPARTMENT_ADDRESS)
    assert mail["Subject"] == (
        f"Antrag {application.reference_number} (Führungszeugnis beantragen): Eingegangen"
    )
    assert application.absolute_url() in mail.get_content()


def test_step_mail_uses_the_configured_text(mailbox, submitted_application, browser_as):
    api.portal.set_registry_record(
        "herne.portal.mail.in_progress",
        "Hallo ${name}, Ihr Antrag ${reference} ist in Arbeit.\n\n${comment}\n\n${unknown}",
    )
    transaction.commit()
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen", comment="Wir melden uns bald.")
    settle(mailbox, 2)
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    assert mail["Subject"] == f"Ihr Antrag {application.reference_number}: In Bearbeitung"
    body = mail.get_content()
    assert f"Hallo Bernd Bergmann, Ihr Antrag {application.reference_number} ist in Arbeit." in body
    assert "Wir melden uns bald." in body
    assert "${unknown}" in body  # a typo in a placeholder does not stop the step


def test_internal_comment_is_not_mailed(mailbox, submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen", comment="Vorstrafe prüfen", internal=True)
    settle(mailbox, 2)
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    assert "Vorstrafe" not in mail.get_content()
    entries = visible_messages(application, for_city=False)
    assert [(entry["state"], entry["text"]) for entry in entries] == [("in_progress", "")]


def test_originals_mail_names_originals_and_office(mailbox, submitted_application, browser_as):
    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    transaction.commit()
    application = submitted_application("lebensbescheinigung")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Originale anfordern")
    settle(mailbox, 3)
    originals_mail = mails_to(mailbox, CITIZEN_ADDRESS)[-1]
    body = originals_mail.get_content()
    for item in application.originals:
        assert f"- {item['name']}" in body
    wanne = api.portal.get()["organisation"]["buergerdienste-wanne"]
    assert wanne.address.splitlines()[0] in body


def test_mail_leaves_only_when_the_step_is_committed(mailbox, submitted_application):
    application = submitted_application("fuehrungszeugnis")
    settle(mailbox, 1)
    mailbox.clear()
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(application, "accept")
    transaction.abort()  # e.g. a conflict: the step did not happen, nor may its mail
    settle(mailbox, 0)
    assert mails_to(mailbox, CITIZEN_ADDRESS) == []
    assert state_of(application) == "submitted"

    with api.env.adopt_user(username="sachbearbeitung"):
        perform(application, "accept")
    transaction.commit()
    settle(mailbox, 1)
    assert len(mails_to(mailbox, CITIZEN_ADDRESS)) == 1


def test_empty_text_switches_a_mail_off(mailbox, submitted_application, browser_as):
    api.portal.set_registry_record("herne.portal.mail.in_progress", "")
    transaction.commit()
    application = submitted_application("fuehrungszeugnis")
    step(browser_as(*CLERK), application, "Bearbeitung beginnen")
    settle(mailbox, 1)
    assert mails_to(mailbox, CITIZEN_ADDRESS) == []
    assert state_of(application) == "in_progress"


def test_citizen_answer_notifies_the_department(
    mailbox, submitted_application, browser_as, citizen
):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Unterlagen nachfordern", comment="Welcher Zweck?")
    owner = citizen()
    owner.open(application.absolute_url())
    form = owner.getForm(action="@@answer")
    form.getControl(name="text").value = "Für den Sportverein."
    form.submit()
    settle(mailbox, 4)
    department = mails_to(mailbox, DEPARTMENT_ADDRESS)
    assert len(department) == 2  # the submission and the answer
    assert "Für den Sportverein." in department[-1].get_content()
    citizen_mails = mails_to(mailbox, CITIZEN_ADDRESS)
    assert [mail["Subject"].split(": ")[-1] for mail in citizen_mails] == [
        "In Bearbeitung",
        "Unterlagen nachgefordert",
    ]
