"""The status mails "Originale vorlegen" and "Zur Abholung bereit" carry the link "Termin buchen"."""

from tests.fixtures.applications import PATHS
from tests.fixtures.applications import draft_application
from tests.fixtures.applications import move_along
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
import time
import transaction


CITIZEN_MAIL = "buerger@example.org"


def _status_mails(booking_office, mailbox, state, subject):
    portal, office, _service = booking_office
    application = draft_application(portal, service="fuehrungszeugnis")
    application.originals = [{"name": "Ehrenamtsnachweis", "shown_at": None, "checked_by": None}]
    application.department_uid = office.UID()
    transaction.commit()
    move_along(application, PATHS[state])
    transaction.commit()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the mails of the steps arrive one by one
        settle(mailbox, 1)
        mails = {
            str(message["Subject"]): message.get_body(("plain",)).get_content()
            for message in mails_to(mailbox, CITIZEN_MAIL)
        }
        if any(title.endswith(subject) for title in mails):
            return application, mails
    raise AssertionError(f"no mail {subject!r}: {sorted(mails)}")


def test_the_mail_originale_vorlegen_links_to_termin_buchen(booking_office, mailbox):
    application, mails = _status_mails(
        booking_office, mailbox, "originals_pending", "Originale vorlegen"
    )
    (text,) = [text for subject, text in mails.items() if subject.endswith("Originale vorlegen")]
    (line,) = [line for line in text.splitlines() if line.startswith("Termin buchen: ")]
    assert "/leistungen/fuehrungszeugnis/@@termin-buchen?" in line
    assert "office=buergerdienste-herne-mitte" in line
    assert f"application={application.UID()}" in line
    in_progress = [text for subject, text in mails.items() if subject.endswith("In Bearbeitung")]
    assert in_progress and "Termin buchen" not in in_progress[0]


def test_the_mail_zur_abholung_bereit_links_to_termin_buchen(booking_office, mailbox):
    application, mails = _status_mails(
        booking_office, mailbox, "ready_for_pickup", "Zur Abholung bereit"
    )
    (text,) = [text for subject, text in mails.items() if subject.endswith("Zur Abholung bereit")]
    assert f"application={application.UID()}" in text.split("Termin buchen: ")[1]
