"""A citizen hears from the city in the language they applied in; clerks keep reading German."""

from herne.portal.applications.processing import perform
from plone import api
import pytest
import re
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import build_application
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import transaction


CITIZEN_ADDRESS = "buerger@example.org"
DEPARTMENT_ADDRESS = "buergerdienste@herne.de"
SERVICE = "Führungszeugnis beantragen"
SERVICE_IN_TURKISH = "İyi hal belgesi (Führungszeugnis) başvurusu"
SERVICE_IN_UKRAINIAN = "Заява на довідку про несудимість (Führungszeugnis)"


@pytest.fixture()
def applied_in(demo_functional, mailbox):
    """A submitted certificate-of-good-conduct application made in ``language``, mails cleared."""
    portal = demo_functional["portal"]

    def make(language):
        application = build_application(portal, "fuehrungszeugnis")
        application.citizen_language = language
        transaction.commit()
        settle(mailbox, 1)
        mailbox.clear()
        return application

    return make


def step_as_clerk(application, *steps):
    with api.env.adopt_user(username="sachbearbeitung"):
        for name in steps:
            perform(application, name, comment="Bitte Geduld.")
    transaction.commit()


def test_status_mail_is_in_the_citizens_language(applied_in, mailbox):
    application = applied_in("tr")
    step_as_clerk(application, "accept")
    settle(mailbox, 1)
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    assert mail["Subject"] == f"{application.reference_number} numaralı başvurunuz: İşlemde"
    body = mail.get_content()
    assert body.startswith("Merhaba Bernd Bergmann,")
    # the service by its Turkish page's title, which keeps the German name in brackets
    assert (
        f"“{SERVICE_IN_TURKISH}” başvurunuz (dosya numarası {application.reference_number}) "
        "şu anda işleme alındı." in body
    )
    assert "Saygılarımızla\nHerne Belediyeniz" in body
    assert "Antrag" not in body  # no German left in a text that is not a decision


def test_decision_mail_carries_the_german_wording(applied_in, mailbox):
    application = applied_in("uk")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="reject", comment="Unvollständig.")
    transaction.commit()
    settle(mailbox, 1)
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    assert mail["Subject"] == f"Ваша заява {application.reference_number}: Відхилено"
    body = mail.get_content()
    translated, german = body.split("\n----\n")
    assert (
        f"Вашу заяву «{SERVICE_IN_UKRAINIAN}» (номер справи {application.reference_number}) "
        "відхилено." in translated
    )
    assert german.startswith("Юридично обов’язковим є німецький текст цього рішення.")
    assert (
        f"Ihr Antrag „{SERVICE}“ (Aktenzeichen {application.reference_number}) wurde abgelehnt."
        in german
    )
    assert "Begründung:\nUnvollständig." in german


def test_german_applicants_get_no_second_copy(applied_in, mailbox):
    application = applied_in("de")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="reject", comment="Unvollständig.")
    transaction.commit()
    settle(mailbox, 1)
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    body = mail.get_content()
    assert "----" not in body
    assert body.count("wurde abgelehnt.") == 1


def test_a_text_the_city_wrote_itself_stays_german(applied_in, mailbox):
    api.portal.set_registry_record(
        "herne.portal.mail.in_progress", "Hallo ${name}, Ihr Antrag ${reference} ist in Arbeit."
    )
    application = applied_in("ar")
    step_as_clerk(application, "accept")
    settle(mailbox, 1)
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    assert mail["Subject"] == f"طلبك {application.reference_number}: قيد المعالجة"
    assert (
        f"Hallo Bernd Bergmann, Ihr Antrag {application.reference_number} ist in Arbeit."
        in mail.get_content()
    )


def test_department_mail_stays_german(applied_in, mailbox):
    application = applied_in("en")
    with api.env.adopt_user(username="buerger"):
        api.content.transition(obj=application, transition="withdraw")
    transaction.commit()
    settle(mailbox, 2)
    (mail,) = mails_to(mailbox, DEPARTMENT_ADDRESS)
    assert mail["Subject"] == f"Antrag {application.reference_number} ({SERVICE}): Zurückgezogen"
    (mail,) = mails_to(mailbox, CITIZEN_ADDRESS)
    assert mail["Subject"] == f"Your application {application.reference_number}: Withdrawn"
    assert "It will not be processed further." in mail.get_content()


def test_clerk_sees_the_language_of_the_application(applied_in, browser_as):
    application = applied_in("ar")
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert "Sprache der Antragstellung" in clerk.contents
    assert "<strong>Arabisch</strong>" in clerk.contents


def test_older_applications_count_as_german(applied_in, browser_as):
    application = applied_in(None)
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert "<strong>Deutsch</strong>" in clerk.contents


def test_clerk_reads_a_turkish_application_in_german_and_finds_it_in_the_worklist(
    applied_in, browser_as
):
    # the citizen's language is not the content language: multilingual would otherwise
    # negotiate Turkish pages for the clerk and German-only listings would leave it out
    application = applied_in("tr")
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert re.search(r'<html[^>]* lang="de"', clerk.contents)
    assert "Sprache der Antragstellung" in clerk.contents
    assert "<strong>Türkisch</strong>" in clerk.contents
    clerk.open(api.portal.get().absolute_url() + "/arbeitskorb")
    assert application.reference_number in clerk.contents
