"""The worklist marks applications on which the citizen answered or wrote, until a clerk opens them."""

from plone import api
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.journeys import step
from tests.fixtures.rest import relative


def open_worklist(browser, **params):
    query = "&".join(f"{name}={value}" for name, value in params.items())
    browser.open(f"{api.portal.get().absolute_url()}/@@arbeitskorb?{query}")


def row_of(browser, application):
    """The worklist row of ``application`` as text, or None when it is not listed."""
    for row in re.findall(r"<tr>.*?</tr>", browser.contents, re.S):
        if application.reference_number in row:
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
    return None


def write(browser, application, text):
    browser.open(application.absolute_url())
    form = browser.getForm(action="@@message")
    form.getControl(name="message_text").value = text
    form.submit()


def test_message_marks_the_application_until_a_clerk_opens_it(
    submitted_application, citizen, browser_as
):
    written = submitted_application("fuehrungszeugnis")
    quiet = submitted_application("fuehrungszeugnis", user="buergerin")
    clerk = browser_as(*CLERK)
    open_worklist(clerk)
    assert "Neue Nachricht" not in row_of(clerk, written)

    owner = citizen()
    write(owner, written, "Ich bin umgezogen.")
    owner.open(written.absolute_url())  # the citizen looking again changes nothing

    open_worklist(clerk)
    assert "Neue Nachricht" in row_of(clerk, written)
    assert "Neue Nachricht" not in row_of(clerk, quiet)
    assert 'class="badge text-bg-warning herne-news"' in clerk.contents
    assert "<svg" in clerk.contents.split("herne-news", 1)[1][:200]  # an icon next to the text
    open_worklist(clerk, news="1")
    assert row_of(clerk, written) is not None
    assert row_of(clerk, quiet) is None
    assert clerk.getControl(name="news", index=0).controls[0].selected  # the filter stays set

    clerk.open(written.absolute_url())
    assert "Ich bin umgezogen." in clerk.contents
    open_worklist(clerk)
    assert "Neue Nachricht" not in row_of(clerk, written)
    open_worklist(clerk, news="1")
    assert row_of(clerk, written) is None
    assert "Keine Anträge für diesen Filter." in clerk.contents


def test_answer_to_a_request_is_marked_as_new_answer(submitted_application, citizen, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    step(clerk, application, "Bearbeitung beginnen")
    step(clerk, application, "Unterlagen nachfordern", comment="Bitte nennen Sie den Zweck.")
    owner = citizen()
    owner.open(application.absolute_url())
    form = owner.getForm(action="@@answer")
    form.getControl(name="text").value = "Für den Sportverein."
    form.submit()
    assert "Ihre Antwort ist bei der Stadt eingegangen." in owner.contents
    write(owner, application, "Und noch eine Frage.")  # a message does not hide the answer

    open_worklist(clerk, news="1")
    assert "Neue Antwort" in row_of(clerk, application)
    clerk.open(application.absolute_url())
    open_worklist(clerk, news="1")
    assert row_of(clerk, application) is None


def test_message_through_rest_is_marked_too(certificate_application, api_session, browser_as):
    portal = api.portal.get()
    response = api_session(*CITIZEN).post(
        f"{relative(certificate_application, portal)}/@nachrichten", json={"text": "Hallo"}
    )
    assert response.status_code == 201, response.text
    clerk = browser_as(*CLERK)
    open_worklist(clerk, news="1")
    assert "Neue Nachricht" in row_of(clerk, certificate_application)


def test_the_clerks_own_message_is_no_news(submitted_application, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    write(clerk, application, "Wir melden uns.")
    open_worklist(clerk, news="1")
    assert row_of(clerk, application) is None


def test_application_page_speaks_to_its_reader(submitted_application, citizen, browser_as):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    assert "Angaben des Antragstellers" in clerk.contents
    assert "Ihre Angaben" not in clerk.contents
    owner = citizen()
    owner.open(application.absolute_url())
    assert "Ihre Angaben" in owner.contents
    assert "Angaben des Antragstellers" not in owner.contents


def test_clerk_reading_through_rest_clears_the_mark(
    certificate_application, api_session, browser_as
):
    portal = api.portal.get()
    path = relative(certificate_application, portal)
    citizen = api_session(*CITIZEN)
    assert citizen.post(f"{path}/@nachrichten", json={"text": "Hallo"}).status_code == 201
    assert citizen.get(f"{path}/@antrag").status_code == 200  # the citizen reading: still new
    clerk = browser_as(*CLERK)
    open_worklist(clerk, news="1")
    assert row_of(clerk, certificate_application) is not None
    assert api_session(*CLERK).get(f"{path}/@antrag").status_code == 200
    open_worklist(clerk, news="1")
    assert row_of(clerk, certificate_application) is None


def test_clerk_reads_about_the_citizen_not_to_them(demo_functional, citizen, browser_as):
    from tests.fixtures.applications import bring_to
    from tests.fixtures.applications import draft_application
    import transaction

    api.group.add_user(groupname="clerks-buergerdienste-wanne", username="sachbearbeitung")
    application = draft_application(demo_functional["portal"])
    bring_to(application, "originals_pending")
    transaction.commit()
    clerk = browser_as(*CLERK)
    clerk.open(application.absolute_url())
    for phrase in ("Die antragstellende Person ist am Zug", "Wo die Originale vorgezeigt werden"):
        assert phrase in clerk.contents, phrase
    for phrase in (
        "Sie sind am Zug",
        "Wo Sie die Originale vorzeigen",
        "Bitte zeigen Sie diese Originale persönlich vor.",
    ):
        assert phrase not in clerk.contents, phrase
    owner = citizen()
    owner.open(application.absolute_url())
    for phrase in ("Sie sind am Zug", "Wo Sie die Originale vorzeigen"):
        assert phrase in owner.contents, phrase
    assert "antragstellende Person" not in owner.contents
