"""Choosing "E-Mail" needs an address to write to: the account's or the one in the form."""

from plone import api
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import fill_dog_tax
from tests.fixtures.journeys import open_dog_tax_form
from tests.fixtures.journeys import submit
from tests.fixtures.mail import mails_to
from tests.fixtures.mail import settle
from tests.fixtures.rest import DOG_TAX
import transaction


NO_MAIL = ("ohne-mail", "ohne-mail-passwort-2026")
NO_ADDRESS = (
    "Für „E-Mail“ fehlt uns eine Adresse: Weder das Konto noch das Formular nennt eine "
    "E-Mail-Adresse. Bitte wählen Sie „Brief (Post)“ oder geben Sie im Formular eine "
    "E-Mail-Adresse an."
)
FORM = "leistungen/hundesteuer/antrag/@antragsformular"


def add_citizen_without_email():
    """An account without an e-mail address, as an eID log-in may create one."""
    with api.env.adopt_roles(["Manager"]):
        member = api.user.create(
            username=NO_MAIL[0], password=NO_MAIL[1], email="vorher@example.org"
        )
        member.setMemberProperties({"email": ""})
    transaction.commit()


def error_by_the_choice(contents):
    """The German message stands in the contact choice's field, not somewhere on the page."""
    start = contents.index('id="formfield-form-widgets-herne_contact"')
    return NO_ADDRESS in contents[start : contents.index("</div>", contents.index(NO_ADDRESS))]


def test_page_refuses_email_without_an_address_and_stores_nothing(demo_portal, browser_as):
    add_citizen_without_email()
    browser = browser_as(*NO_MAIL)
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser)
    submit(browser)
    assert NO_ADDRESS in browser.contents
    assert error_by_the_choice(browser.contents)
    assert len(applications_of(NO_MAIL[0])) == 0
    # "Brief" takes the application
    browser.getControl(name="form.widgets.herne_contact").value = ["letter"]
    submit(browser)
    assert len(applications_of(NO_MAIL[0])) == 1


def test_an_address_in_the_form_is_where_the_mails_go(demo_portal, browser_as, mailbox):
    add_citizen_without_email()
    browser = browser_as(*NO_MAIL)
    open_dog_tax_form(browser, demo_portal)
    fill_dog_tax(browser, **{"form.widgets.email": "im-formular@example.org"})
    submit(browser)
    (brain,) = applications_of(NO_MAIL[0])
    settle(mailbox, 2)
    (receipt,) = mails_to(mailbox, "im-formular@example.org")
    assert receipt["Subject"].startswith(f"Eingangsbestätigung {brain.reference_number}")


def test_rest_refuses_email_without_an_address_by_the_choice(demo_portal, api_session):
    add_citizen_without_email()
    session = api_session(*NO_MAIL)
    refused = session.post(FORM, json={"values": DOG_TAX, "contact": "email"})
    assert refused.status_code == 400
    assert refused.json()["error"]["errors"] == [{"field": "contact", "message": NO_ADDRESS}]
    assert session.post(FORM, json={"values": DOG_TAX}).status_code == 400  # e-mail: the default
    assert len(applications_of(NO_MAIL[0])) == 0
    given = session.post(FORM, json={"values": {**DOG_TAX, "email": "im-formular@example.org"}})
    assert given.status_code == 201, given.text
    assert session.post(FORM, json={"values": DOG_TAX, "contact": "letter"}).status_code == 201
