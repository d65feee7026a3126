"""Write conflicts while paying: a retried request reuses the payment it opened; a request Zope gives up on answers in German."""

from herne.portal.applications.lookup import find_by_submission_token
from plone import api
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.payment import apply
from tests.fixtures.payment import opened_since
from tests.fixtures.payment import stored
import transaction
from ZPublisher.HTTPRequest import HTTPRequest


SERVICE = "hundesteuer"
HTML = {"Accept": "text/html"}


def test_a_request_retried_after_a_conflict_reuses_the_payment_it_opened(
    paying_site, api_session, payment_service, conflicts
):
    earlier = set(payment_service.transactions()["transactions"])
    conflicts.update(path="@antragsformular", times=1)
    citizen = api_session(*CITIZEN)
    answer = apply(citizen, paying_site, "conflict-1")
    assert conflicts["raised"] == 1
    assert answer.status_code == 402, answer.text
    opened = opened_since(payment_service, earlier)
    assert list(opened.values()) == ["INITIAL"]
    application = stored(answer.json()["@id"])
    assert application.payment["transaction_id"] == next(iter(opened))
    assert answer.json()["payment_url"].endswith(next(iter(opened)))

    # The pay page sends the citizen back to the application the retry stored.
    back = payment_service.choose(answer.json()["payment_url"], "pay")
    assert back.headers["Location"] == f"{answer.json()['@id']}/@@zahlung-zurueck"
    page = citizen.get(back.headers["Location"], headers=HTML)
    assert "Ihre Zahlung ist eingegangen" in page.text
    assert api.content.get_state(stored(answer.json()["@id"])) == "submitted"


def test_paying_again_retried_after_a_conflict_opens_one_new_payment(
    paying_site, api_session, payment_service, conflicts
):
    citizen = api_session(*CITIZEN)
    answer = apply(citizen, paying_site, "conflict-2")
    url = answer.json()["@id"]
    back = payment_service.choose(answer.json()["payment_url"], "cancel")
    page = citizen.get(back.headers["Location"], headers=HTML)
    token = re.search(r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', page.text)
    earlier = set(payment_service.transactions()["transactions"])
    conflicts.update(path="erneut-bezahlen", times=1)
    again = citizen.post(
        f"{url}/@@erneut-bezahlen",
        data={"_authenticator": token.group(1)},
        headers={"Content-Type": "application/x-www-form-urlencoded", **HTML},
        allow_redirects=False,
    )
    assert conflicts["raised"] == 1
    assert again.status_code == 302
    opened = opened_since(payment_service, earlier)
    assert list(opened.values()) == ["INITIAL"]
    assert again.headers["Location"].endswith(next(iter(opened)))
    assert stored(url).payment["transaction_id"] == next(iter(opened))


def test_a_request_zope_gives_up_on_answers_in_german_and_the_form_can_be_sent_again(
    paying_site, api_session, payment_service, conflicts, monkeypatch
):
    monkeypatch.setattr(HTTPRequest, "retry_max_count", 2)
    earlier = set(payment_service.transactions()["transactions"])
    conflicts.update(path="@antragsformular", times=3)
    citizen = api_session(*CITIZEN)
    answer = apply(citizen, paying_site, "conflict-3")
    assert conflicts["raised"] == 3
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "60"
    body = answer.json()
    assert body["type"] == "ServiceBusy"
    assert "nichts doppelt bezahlt" in body["message"]
    assert "Bitte senden Sie Ihre Angaben in einer Minute noch einmal ab" in body["message"]
    assert "ConflictError" not in answer.text and "Traceback" not in answer.text
    transaction.abort()
    assert find_by_submission_token(CITIZEN[0], "conflict-3") is None

    # Sent again: the one payment the given-up attempts opened, not a second one.
    answer = apply(citizen, paying_site, "conflict-3")
    assert answer.status_code == 402, answer.text
    opened = opened_since(payment_service, earlier)
    assert list(opened.values()) == ["INITIAL"]
    assert answer.json()["payment_url"].endswith(next(iter(opened)))


def test_a_page_zope_gives_up_on_is_german_and_keeps_the_draft(
    paying_site, api_session, conflicts, monkeypatch
):
    monkeypatch.setattr(HTTPRequest, "retry_max_count", 1)
    citizen = api_session(*CITIZEN)
    draft = apply(citizen, paying_site, "conflict-4").json()["@id"]
    conflicts.update(path="/antrag", times=2)
    page = citizen.get(paying_site["leistungen"][SERVICE]["antrag"].absolute_url(), headers=HTML)
    assert conflicts["raised"] == 2
    assert page.status_code == 503
    assert '<html lang="de"' in page.text or 'lang="de"' in page.text
    assert "Ihre Anfrage konnte gerade nicht bearbeitet werden" in page.text
    assert "ein schon gespeicherter Entwurf bleibt erhalten" in page.text
    assert "ConflictError" not in page.text and "Traceback" not in page.text
    assert api.content.get_state(stored(draft)) == "draft"
