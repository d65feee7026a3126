"""Applying for a service with a fee through the running site: 402, pay page, return, exactly once.

The demo's dog tax form is the one complete REST form of the demo data (tests.fixtures.rest),
so its service is switched to online payment (fixture paying_site; first fee row: 156,00 €).
"""

from concurrent.futures import ThreadPoolExecutor
from plone import api
import re
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.rest import DOG_TAX
import transaction


SERVICE = "hundesteuer"


def apply(api_session, portal, token="tok-1"):
    citizen = api_session(*CITIZEN)
    form = portal["leistungen"][SERVICE]["antrag"].absolute_url()
    answer = citizen.post(f"{form}/@antragsformular", json={"values": DOG_TAX, "token": token})
    return citizen, answer


def submissions(url):
    """The application at ``url`` as stored, and its submit entries in the history."""
    transaction.abort()
    portal = api.portal.get()
    application = portal.unrestrictedTraverse(url[len(portal.absolute_url()) :].lstrip("/"))
    history = application.workflow_history["herne_application_workflow"]
    return application, [entry for entry in history if entry["action"] == "submit"]


def test_rest_names_the_fee_before_the_citizen_starts(paying_site, api_session):
    citizen = api_session(*CITIZEN)
    form = paying_site["leistungen"][SERVICE]["antrag"].absolute_url()
    assert citizen.get(f"{form}/@antragsformular").json()["fee"] == {
        "amount": "156.00",
        "currency": "EUR",
        "surcharges": [],
    }
    paying_site["leistungen"][SERVICE].payment_enabled = False
    transaction.commit()
    assert citizen.get(f"{form}/@antragsformular").json()["fee"] is None


def test_a_return_opened_twice_by_the_payment_service_submits_once(
    paying_site, api_session, payment_service
):
    payment_service.hooks(**{"return": "duplicate", "return_delay": 0.2})
    citizen, answer = apply(api_session, paying_site)
    back = payment_service.choose(answer.json()["payment_url"], "pay")
    citizen.get(back.headers["Location"], headers={"Accept": "text/html"})
    assert payment_service.transactions()["returns"] == 2
    payment = citizen.get(f"{answer.json()['@id']}/@zahlung").json()
    assert payment["payment_state"] == "paid"
    _application, submitted = submissions(answer.json()["@id"])
    assert len(submitted) == 1


def test_rest_answers_402_and_paid_submits_exactly_once(paying_site, api_session, payment_service):
    citizen, answer = apply(api_session, paying_site)
    assert answer.status_code == 402, answer.text
    body = answer.json()
    assert (body["amount"], body["currency"], body["state"]) == ("156.00", "EUR", "draft")
    assert body["payment_url"].startswith(payment_service.url)
    application_url = body["@id"]
    assert citizen.get(f"{application_url}/@zahlung").json()["payment_state"] == "pending"

    # the same form sent again: the same draft and the same payment, never a second one
    _again, again = apply(api_session, paying_site)
    assert again.json()["payment_url"] == body["payment_url"]

    back = payment_service.choose(body["payment_url"], "pay")
    return_url = back.headers["Location"]
    assert return_url == f"{application_url}/@@zahlung-zurueck"
    # Pages compiled once before (two threads compiling one template at once trip a CPython
    # 3.11 compiler race, unrelated to payments).
    citizen.get(application_url, headers={"Accept": "text/html"})
    # the return opened in two tabs at once
    with ThreadPoolExecutor(2) as pool:
        pages = list(
            pool.map(lambda _n: citizen.get(return_url, headers={"Accept": "text/html"}), range(2))
        )
    assert [page.status_code for page in pages] == [200, 200], [p.text[-3000:] for p in pages]
    assert any("Ihre Zahlung ist eingegangen" in page.text for page in pages)

    payment = citizen.get(f"{application_url}/@zahlung").json()
    assert payment["state"] == "submitted" and payment["payment_state"] == "paid"
    assert payment["payment_reference"].startswith("PAY-") and payment["payment_method"]
    assert payment["reference_number"] and payment["payment_url"] is None
    citizen.get(return_url, headers={"Accept": "text/html"})
    _application, submitted = submissions(application_url)
    assert len(submitted) == 1


def test_another_citizen_learns_nothing_of_the_payment(paying_site, api_session):
    _citizen, answer = apply(api_session, paying_site)
    url = answer.json()["@id"]
    other = api_session(*OTHER_CITIZEN)
    for path in ("@zahlung", "@@zahlung-zurueck"):
        response = other.get(f"{url}/{path}")
        assert response.status_code in (401, 403, 404)
        assert "payment_url" not in response.text and "156" not in response.text
    assert api_session().get(f"{url}/@zahlung").status_code in (401, 403, 404)


def test_cancelled_keeps_the_draft_and_erneut_bezahlen_opens_a_new_payment(
    paying_site, api_session, payment_service
):
    citizen, answer = apply(api_session, paying_site)
    body = answer.json()
    back = payment_service.choose(body["payment_url"], "cancel")
    page = citizen.get(back.headers["Location"], headers={"Accept": "text/html"})
    assert "Zahlung abgebrochen" in page.text and "Erneut bezahlen" in page.text
    assert "noch nicht abgeschickt" in page.text
    token = re.search(r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', page.text).group(
        1
    )
    again = citizen.post(
        f"{body['@id']}/@@erneut-bezahlen",
        data={"_authenticator": token},
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"},
        allow_redirects=False,
    )
    assert again.status_code == 302
    new_pay_url = again.headers["Location"]
    assert new_pay_url.startswith(payment_service.url) and new_pay_url != body["payment_url"]
    payment_service.choose(new_pay_url, "pay")
    citizen.get(back.headers["Location"], headers={"Accept": "text/html"})
    payment = citizen.get(f"{body['@id']}/@zahlung").json()
    assert (payment["state"], payment["payment_state"]) == ("submitted", "paid")


def test_a_failing_payment_service_keeps_the_draft_with_a_german_message(
    paying_site, api_session, payment_service
):
    payment_service.hooks(fail_next="500")
    _citizen, answer = apply(api_session, paying_site)
    assert answer.status_code == 503
    assert "Bezahldienst ist gerade nicht erreichbar" in answer.json()["error"]["message"]
    application, submitted = submissions(answer.json()["error"]["@id"])
    assert api.content.get_state(application) == "draft" and submitted == []


def test_the_form_page_application_page_and_postkorb_show_the_fee_and_its_state(
    paying_site, api_session, payment_service
):
    html = {"Accept": "text/html"}
    citizen = api_session(*CITIZEN)
    form = citizen.get(paying_site["leistungen"][SERVICE]["antrag"].absolute_url(), headers=html)
    assert "Gebühr: 156,00 €" in form.text
    assert "erst nach der Zahlung abgeschickt" in form.text

    citizen, answer = apply(api_session, paying_site)
    url = answer.json()["@id"]
    page = citizen.get(url, headers=html)
    assert "Zur Bezahlung" in page.text and "156,00 €" in page.text
    assert answer.json()["payment_url"] in page.text
    assert "Entwurf – Zahlung noch nicht bestätigt" in citizen.get("@@postkorb", headers=html).text
    turkish = {**html, "Cookie": "I18N_LANGUAGE=tr"}
    assert "Taslak – ödeme henüz onaylanmadı" in citizen.get("@@postkorb", headers=turkish).text

    token = re.search(r'name="_authenticator"\s+type="hidden"\s+value="([^"]+)"', page.text).group(
        1
    )
    deleted = citizen.post(
        f"{url}/@@delete-draft",
        data={"_authenticator": token},
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/html"},
    )
    assert "kann nicht gelöscht werden" in deleted.text

    back = payment_service.choose(answer.json()["payment_url"], "pay")
    citizen.get(back.headers["Location"], headers=html)
    page = citizen.get(url, headers=html)
    assert "Bezahlt." in page.text and "Kreditkarte" in page.text and "PAY-TX" in page.text
    assert "Zur Bezahlung" not in page.text


def test_the_departments_clerk_sees_the_payment_on_worklist_and_application(
    paying_site, api_session, payment_service
):
    api.user.create(email="kasse@example.org", username="sb-steuern", password="sb-steuern-2026!")
    api.group.add_user(groupname="clerks-steuern", username="sb-steuern")
    transaction.commit()
    citizen, answer = apply(api_session, paying_site)
    back = payment_service.choose(answer.json()["payment_url"], "pay")
    citizen.get(back.headers["Location"], headers={"Accept": "text/html"})
    clerk = api_session("sb-steuern", "sb-steuern-2026!")
    worklist = clerk.get("@@arbeitskorb", headers={"Accept": "text/html"})
    assert "Gebühr online bezahlt" in worklist.text
    page = clerk.get(answer.json()["@id"], headers={"Accept": "text/html"})
    assert "Bezahlt." in page.text and "Zahlungsreferenz" in page.text
    assert "Zur Bezahlung" not in page.text and "Erneut bezahlen" not in page.text


def test_a_rejected_paid_application_gets_a_refund_task_the_clerk_marks_done(
    paying_site, api_session, payment_service
):
    api.user.create(email="k2@example.org", username="sb-steuern-2", password="sb-steuern-2026!")
    api.group.add_user(groupname="clerks-steuern", username="sb-steuern-2")
    transaction.commit()
    payment_service.hooks(refunds=False)  # a payment service without the refund call
    citizen, answer = apply(api_session, paying_site)
    url = answer.json()["@id"]
    back = payment_service.choose(answer.json()["payment_url"], "pay")
    citizen.get(back.headers["Location"], headers={"Accept": "text/html"})
    application, _submitted = submissions(url)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="reject", comment="Kein Hund gemeldet.")
    transaction.commit()
    assert citizen.get(f"{url}/@zahlung").json()["refund"] == {
        "state": "open",
        "amount": "156.00",
        "refund_reference": None,
    }

    html = {"Accept": "text/html"}
    assert "Erstattung erledigt</button>" not in citizen.get(url, headers=html).text
    clerk = api_session("sb-steuern-2", "sb-steuern-2026!")
    page = clerk.get(url, headers=html)
    assert "Erstattung offen" in page.text
    token = re.search(
        r'erstattung-erledigt"\s+method="post"\s*>\s*<input name="_authenticator"\s+type="hidden"\s+value="([^"]+)"',
        page.text,
    ).group(1)
    form = {"Content-Type": "application/x-www-form-urlencoded", **html}
    refused = citizen.post(
        f"{url}/@@erstattung-erledigt", data={"_authenticator": token}, headers=form
    )
    assert refused.status_code in (401, 403)
    done = clerk.post(f"{url}/@@erstattung-erledigt", data={"_authenticator": token}, headers=form)
    assert done.status_code == 200 and "Erstattung erledigt." in done.text
    assert citizen.get(f"{url}/@zahlung").json()["refund"]["state"] == "done"
