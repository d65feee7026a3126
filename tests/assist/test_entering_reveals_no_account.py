"""Whoever enters an application for someone sees the same whether or not an account matched, in every channel."""

from datetime import date
from herne.portal.eid.identity import ANNOTATION_KEY
from herne.portal.portal_storage import portal_btree
from io import BytesIO
from plone import api
from pypdf import PdfReader
import pytest
import re
from tests.fixtures.applications import PDF
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import vollmacht
from tests.fixtures.journeys import attach
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import submit
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import wait_for
import time
import transaction


GERTRUD_EMAIL = "gertrud@example.org"
FOR_GERTRUD_BY_MAIL = {**FOR_GERTRUD, "email": GERTRUD_EMAIL}
CONSENT = {
    "helper": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
    "clerk": {"einwilligung": "vor_ort", "ausweis": "personalausweis"},
}
USERS = {"helper": HELPER, "clerk": TAX_CLERK}

#: What differs between any two applications: reference number, code, dates, times, ids.
MASKS = [
    (re.compile(r"HER-\d{4}-\d{6}"), "REF"),
    (re.compile(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"), "CODE"),
    (re.compile(r"\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?"), "ISO"),
    (re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}"), "DATE"),
    # a time on its own, not digits around a colon inside an id ("…3f12:45a…")
    (re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b"), "TIME"),
    (re.compile(r"[0-9a-f]{8,}"), "HEX"),
]


def masked(text):
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


def gertrud_gets_an_account(match):
    """An account that matches Gertrud's application by ``match``: her e-mail or her eID identity."""
    transaction.abort()
    with api.env.adopt_roles(["Manager"]):
        if match == "email":
            api.user.create(username="gertrud", email=GERTRUD_EMAIL, password="gertrud-2026!")
        else:
            api.user.create(username="eid-gertrud", email="eid@example.org", password="eid-2026!")
            portal_btree(ANNOTATION_KEY, create=True)["eid-gertrud"] = {
                "given_name": "Gertrud",
                "family_name": "Groß",
                "birthdate": date(1941, 2, 3),
                "trust_level": "substantial",
            }
    transaction.commit()


def offered_to_someone():
    """Whether any account is offered an application (the positive control of each pair)."""
    transaction.abort()
    from herne.portal.assist.offer import offers_for

    return bool(offers_for("gertrud") or offers_for("eid-gertrud"))


@pytest.fixture(params=["helper-email", "clerk-letter"])
def pair(request, helpers, api_session):
    """The same application for Gertrud entered twice by one person: before and after she has an account.

    The helper chose e-mail for her (the account is told by mail), the clerk "Brief".
    """
    who, contact = request.param.split("-")
    session = api_session(*USERS[who])
    bodies = []
    for with_account in (False, True):
        if with_account:
            gertrud_gets_an_account("email")
        response = session.post(
            "leistungen/hundesteuer/antrag/@antragsformular",
            json={"values": FOR_GERTRUD_BY_MAIL, "fuer_andere": CONSENT[who], "contact": contact},
        )
        assert response.status_code == 201, response.text
        bodies.append(response.json())
        if not with_account:
            assert not offered_to_someone()
    assert offered_to_someone()
    return {
        "who": who,
        "contact": contact,
        "session": session,
        "without": bodies[0],
        "with": bodies[1],
    }


def same(pair, read):
    """``read(body)`` of both applications, masked; they must be equal."""
    without, with_account = (masked(read(pair[key])) for key in ("without", "with"))
    assert without == with_account
    return without


def test_the_answer_of_the_entry(pair):
    answer = same(pair, lambda body: repr(sorted(body.items())))
    assert "CODE" in answer  # every entry carries a claim code


def test_the_application_in_rest(pair):
    read = same(pair, lambda body: pair["session"].get(f"{body['@id']}/@antrag").text)
    assert "zuordnungscode" in read and "CODE" in read


def test_the_application_page(pair):
    def page(body):
        response = pair["session"].get(body["@id"], headers={"Accept": "text/html"})
        assert response.status_code == 200
        # the page's own chrome carries tokens and the application's address
        return response.text.split('id="content"', 1)[1].split('id="portal-footer', 1)[0]

    assert "CODE" in same(pair, page)


def test_the_receipt(pair):
    def receipt(body):
        response = pair["session"].get(body["receipt"])
        assert response.content.startswith(b"%PDF")
        text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
        return " ".join(text.split())  # the code's letters are not all equally wide: lines wrap

    assert "Antrag zuordnen" in same(pair, receipt)


def test_the_list_of_what_one_entered(pair):
    if pair["who"] == "clerk":
        pytest.skip("a clerk follows it in the worklist (test_the_worklist)")
    rows = {
        row["reference_number"]: row for row in pair["session"].get("@postkorb").json()["erfasst"]
    }
    assert same(pair, lambda body: repr(sorted(rows[body["reference_number"]].items())))
    page = pair["session"].get("@@postkorb", headers={"Accept": "text/html"}).text
    html_rows = page.split('class="herne-postkorb-entered-row"')[1:]
    assert len(html_rows) == 2
    assert masked(html_rows[0].split("</tr>")[0]) == masked(html_rows[1].split("</tr>")[0])


def test_the_worklist(pair):
    if pair["who"] == "helper":
        pytest.skip("a helper has no worklist")
    page = (
        pair["session"]
        .get(
            "@@arbeitskorb",
            params={"state": "alle", "erfasst": "1"},
            headers={"Accept": "text/html"},
        )
        .text
    )

    def row(body):
        (found,) = [
            part.split("</tr>")[0]
            for part in page.split("<tr")
            if body["reference_number"] in part.split("</tr>")[0]
        ]
        return found

    same(pair, row)


def test_search(pair):
    def found(body):
        response = pair["session"].get(
            "@search",
            params={"reference_number": body["reference_number"], "metadata_fields": "_all"},
        )
        (item,) = response.json()["items"]
        return repr(sorted(item.items()))

    same(pair, found)


def test_mails_to_the_one_who_entered_it_and_to_the_department(mailbox, pair):
    transaction.commit()
    by_mail = pair["contact"] == "email"
    wait_for(mailbox, 3 if by_mail else 2)  # the department's notice of each, and the offer
    time.sleep(0.5)
    # the account is told by mail only when e-mail was chosen (else: the receipt letter)
    assert len(mails_to(mailbox, GERTRUD_EMAIL)) == (1 if by_mail else 0)
    user = api.user.get(userid=USERS[pair["who"]][0])
    assert mails_to(mailbox, user.getProperty("email")) == []
    recipients = {address for envelope in mailbox for address in envelope.rcpt_tos}
    for address in recipients - {GERTRUD_EMAIL}:
        mails = sorted(masked(mail.get_content()) for mail in mails_to(mailbox, address))
        assert len(mails) == 2 and mails[0] == mails[1], address


def test_the_letters_the_counter_clerk_prints(pair):
    if pair["who"] != "clerk":
        pytest.skip("the Postausgang is the department's")
    items = pair["session"].get("@postausgang").json()["items"]

    def letters(body):
        found = [item for item in items if body["reference_number"] in repr(item)]
        assert found, items
        texts = [repr(sorted(item.items())) for item in found]
        for item in found:  # the letters themselves, as printed
            download = next(value for key, value in item.items() if "brief" in str(value))
            response = pair["session"].get(download)
            assert response.content.startswith(b"%PDF"), response.status_code
            reader = PdfReader(BytesIO(response.content))
            text = " ".join(page.extract_text() for page in reader.pages)
            texts.append(" ".join(text.split()))  # lines wrap after codes of other widths
        return "\n".join(texts)

    assert "Zuordnungscode" in same(pair, letters)


@pytest.mark.parametrize("who", ["helper", "clerk"])
def test_an_eid_identity_match_shows_nothing_either(helpers, api_session, who):
    session = api_session(*USERS[who])
    bodies = []
    for with_account in (False, True):
        if with_account:
            gertrud_gets_an_account("eid")
        response = session.post(
            "leistungen/hundesteuer/antrag/@antragsformular",
            json={"values": FOR_GERTRUD, "fuer_andere": CONSENT[who]},
        )
        assert response.status_code == 201, response.text
        bodies.append(response.json())
    assert offered_to_someone()
    pair = {"session": session, "without": bodies[0], "with": bodies[1]}
    same(pair, lambda body: repr(sorted(body.items())))
    same(pair, lambda body: session.get(f"{body['@id']}/@antrag").text)


def test_the_form_page_after_submitting(helpers, browser_as):
    """The page the helper lands on after "Antrag absenden", with the notice of the code."""
    browser = browser_as(*HELPER)
    form_url = helpers["leistungen"]["hundesteuer"]["antrag"].absolute_url()
    pages = []
    for with_account in (False, True):
        if with_account:
            gertrud_gets_an_account("email")
        browser.open(f"{form_url}?fuer=andere")
        fill_dog_tax(
            browser,
            **{"form.widgets.first_name": "Gertrud", "form.widgets.last_name": "Groß"},
            **{"form.widgets.birth_date": "1941-02-03", "form.widgets.email": GERTRUD_EMAIL},
        )
        attach(browser, "form.widgets.transfer_proof", PDF, "abgabevertrag.pdf")
        browser.getControl(name="form.widgets.herne_einwilligung").value = ["vollmacht"]
        attach(browser, "form.widgets.herne_vollmacht", PDF, "vollmacht.pdf")
        submit(browser)
        assert "Zuordnungscode" in browser.contents
        content = browser.contents.split('id="content"', 1)[1].split('id="portal-footer', 1)[0]
        pages.append(masked(content))
    assert offered_to_someone()
    assert pages[0] == pages[1]
