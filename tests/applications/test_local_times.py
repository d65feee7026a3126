"""Every time a person reads is Herne's local time, in winter and in summer; REST keeps ISO."""

from DateTime import DateTime
from herne.portal.applications.notifications import queue_receipt_mail
from herne.portal.applications.processing import WORKFLOW_ID
from herne.portal.applications.receipt import receipt_pdf
from herne.portal.formats import german_date
from herne.portal.formats import german_datetime
from io import BytesIO
from plone import api
from pypdf import PdfReader
import pytest
import re
from tests.fixtures.applications import build_application
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
from tests.fixtures.rest import relative
import transaction


#: (moment in UTC, what a reader in Herne sees): CET in winter, CEST in summer.
MOMENTS = [
    ("2026-01-15T03:25:00+00:00", "15.01.2026, 04:25 Uhr"),
    ("2026-07-15T03:25:00+00:00", "15.07.2026, 05:25 Uhr"),
]


@pytest.mark.parametrize("utc, local", MOMENTS)
def test_german_datetime_is_local_time(demo_portal, utc, local):
    assert german_datetime(DateTime(utc)) == local


def test_a_late_evening_is_the_next_day_in_herne(demo_portal):
    assert german_date(DateTime("2026-01-01T23:30:00+00:00")) == "02.01.2026"


def stamped_application(portal, utc):
    """A submitted application whose receipt and history steps all happened at ``utc``."""
    application = build_application(portal, "lebensbescheinigung")
    moment = DateTime(utc)
    application.submitted = moment
    history = application.workflow_history[WORKFLOW_ID]
    application.workflow_history[WORKFLOW_ID] = tuple(dict(entry, time=moment) for entry in history)
    application.reindexObject()
    transaction.commit()
    return application


@pytest.mark.parametrize("utc, local", MOMENTS)
def test_application_page_shows_local_time(demo_portal, citizen, utc, local):
    application = stamped_application(demo_portal, utc)
    browser = citizen()
    browser.open(application.absolute_url())
    assert browser.contents.count(local) >= 2  # received, and the step in the history
    assert "03:25" not in browser.contents


@pytest.mark.parametrize("utc, local", MOMENTS)
def test_receipt_shows_local_time(demo_portal, utc, local):
    application = stamped_application(demo_portal, utc)
    reader = PdfReader(BytesIO(receipt_pdf(application)))
    text = " ".join(page.extract_text() for page in reader.pages)
    day, clock = local.removesuffix(" Uhr").split(", ")
    assert f"{day} um {clock} Uhr" in text  # as in the mail, and in the citizen's language
    assert "03:25" not in text


@pytest.mark.parametrize("utc, local", MOMENTS)
def test_receipt_mail_shows_local_time(demo_portal, mailbox, utc, local):
    application = stamped_application(demo_portal, utc)
    queue_receipt_mail(application, api.user.get(username="buerger"))
    transaction.commit()
    (mail,) = mails_to(settle(mailbox, 1), "buerger@example.org")
    day, clock = local.removesuffix(" Uhr").split(", ")
    assert f"{day} um {clock} Uhr" in mail.get_body(("plain",)).get_content()


def test_rest_keeps_iso_times_with_offset(demo_portal, manager_session):
    application = stamped_application(demo_portal, MOMENTS[1][0])
    answer = manager_session.get(relative(application, demo_portal))
    assert answer.status_code == 200
    submitted = answer.json()["submitted"]
    assert re.fullmatch(r"2026-07-15T\d\d:25:00([+-]\d\d:\d\d|Z)", submitted), submitted
    assert DateTime(submitted) == DateTime(MOMENTS[1][0])  # the same moment, whatever the zone
