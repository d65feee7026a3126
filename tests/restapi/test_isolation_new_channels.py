"""The channels added with payments, letters, the outbox, form translations, consent renewal
and the language roots give nobody an application, a letter or a hint that is not theirs.

Each probe is a caller who must be refused (or find nothing), next to the caller who may
(the positive control), so no probe passes only because its URL is wrong.
"""

from herne.portal.applications.letters import add_letter
import json
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
from tests.fixtures.applications import build_application
from tests.fixtures.assist import FOR_GERTRUD
from tests.fixtures.assist import HELPER
from tests.fixtures.assist import OTHER_HELPER
from tests.fixtures.assist import TAX_CLERK
from tests.fixtures.assist import add_helpers
from tests.fixtures.assist import vollmacht
from tests.fixtures.rest import portal_session
import transaction


SECRET_NAME = "Ottilie Geheimkanal"
SECRET_SUBJECT = "Kanalgeheimnis-4242"
ENTERED_NAME = "Gertrud Kanalfrau"
OFFER_GONE = (
    "Diesen für Sie erfassten Antrag gibt es in Ihrem Postkorb nicht (mehr). Bitte laden Sie "
    "Ihren Postkorb neu."
)

CALLERS = {
    "owner": ("buerger", "demo-buerger-2026"),
    "other_citizen": ("buergerin", "demo-buergerin-2026"),
    "clerk": ("sachbearbeitung", "demo-sachbearbeitung-2026"),
    "other_clerk": ("sachbearbeitung-wohngeld", "demo-sachbearbeitung-wohngeld-2026"),
    "tax_clerk": TAX_CLERK,
    "editor": ("redaktion", "demo-redaktion-2026"),
    "helper": HELPER,
    "other_helper": OTHER_HELPER,
    "anonymous": (None, None),
    "admin": (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
}
#: Everyone but the site's administrator.
NOT_ADMIN = [caller for caller in CALLERS if caller != "admin"]


def session_of(portal, caller):
    return portal_session(portal, *CALLERS[caller])


def html(session, path, **kwargs):
    return session.get(path, headers={"Accept": "text/html"}, **kwargs)


def refused(response):
    """A refusal as the caller sees it: 401/403/404 or Plone's log-in / insufficient-privileges page."""
    return response.status_code in (401, 403, 404) or any(
        part in response.url for part in ("login", "insufficient-privileges", "require_login")
    )


@pytest.fixture(scope="class")
def channels_portal(demo_functional_class):
    demo_functional_class.testSetUp()
    try:
        add_helpers(demo_functional_class["portal"])
        transaction.commit()
        yield demo_functional_class["portal"]
    finally:
        demo_functional_class.testTearDown()


@pytest.fixture(scope="class")
def targets(channels_portal):
    """A citizen's application at Bürgerdienste with a letter, and one a Digitallotse entered."""
    portal = channels_portal
    application = build_application(portal, "fuehrungszeugnis", name=SECRET_NAME)
    application.contact_method = "letter"
    application.postal_address = f"{SECRET_NAME}\nBahnhofstraße 12\n44623 Herne"
    letter = add_letter(application, "message", SECRET_SUBJECT, SECRET_SUBJECT)
    application.reindexObject()
    transaction.commit()
    response = portal_session(portal, *HELPER).post(
        "leistungen/hundesteuer/antrag/@antragsformular",
        json={
            "values": {**FOR_GERTRUD, "first_name": "Gertrud", "last_name": "Kanalfrau"},
            "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
            "contact": "letter",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    transaction.abort()
    portal_url = portal.absolute_url()
    with api.env.adopt_roles(["Manager"]):
        entered = portal.unrestrictedTraverse(body["@id"][len(portal_url) + 1 :])
        (entered_letter,) = entered.letters
        return {
            "app": application.absolute_url()[len(portal_url) :],
            "reference": application.reference_number,
            "letter": letter["id"],
            "entered": body["@id"][len(portal_url) :],
            "entered_reference": entered.reference_number,
            "entered_letter": entered_letter["id"],
            "code": body["zuordnungscode"],
        }


#: Who may find which application with @search (View on the application).
SEES = {
    "owner": {"reference"},
    "clerk": {"reference"},
    "tax_clerk": {"entered_reference"},
    "helper": {"entered_reference"},
    "admin": {"reference", "entered_reference"},
}
SEARCHES = {
    "all-metadata": {"portal_type": "Application", "metadata_fields": "_all"},
    "letters-metadata": {
        "portal_type": "Application",
        "metadata_fields": ["letters_summary", "payment_state", "applicant", "applicant_name"],
    },
    "entered-by": {"entered_by": HELPER[0], "metadata_fields": "_all"},
    "letter-subject": {"SearchableText": SECRET_SUBJECT},
    "files": {"portal_type": "ApplicationFile", "metadata_fields": "_all"},
}


class TestSearchMetadata:
    @pytest.mark.parametrize(
        "search, caller", [(search, caller) for search in SEARCHES for caller in CALLERS]
    )
    def test_search_finds_only_what_the_caller_may_see(
        self, channels_portal, targets, search, caller
    ):
        response = session_of(channels_portal, caller).get("@search", params=SEARCHES[search])
        assert response.status_code == 200, response.text
        found = {item.get("reference_number") for item in response.json()["items"]}
        for key in ("reference", "entered_reference"):
            if key not in SEES.get(caller, ()):
                assert targets[key] not in response.text, (search, caller, key)
                assert targets[key] not in found
        items = json.dumps(response.json()["items"], ensure_ascii=False)
        assert SECRET_SUBJECT not in items, (search, caller)  # letters: Postausgang only
        if caller not in ("owner", "clerk", "admin"):
            assert SECRET_NAME not in items, (search, caller)

    @pytest.mark.parametrize("caller", ["owner", "helper"])
    def test_search_shows_the_applicant_no_letter(self, channels_portal, targets, caller):
        """The letters are the department's: the applicant and the helper get them by post."""
        response = session_of(channels_portal, caller).get(
            "@search", params=SEARCHES["all-metadata"]
        )
        key = "reference" if caller == "owner" else "entered_reference"
        assert targets[key] in response.text  # they do find their application
        letter = targets["letter"] if caller == "owner" else targets["entered_letter"]
        assert letter not in response.text
        assert SECRET_SUBJECT not in response.text
        session = session_of(channels_portal, caller)
        application = targets["app"] if caller == "owner" else targets["entered"]
        for other in (
            session.get("@search", params={"portal_type": "Application", "fullobjects": "1"}),
            session.get(application),
            session.get(f"{application}/@antrag"),
        ):
            assert other.status_code == 200, other.text
            assert letter not in other.text and SECRET_SUBJECT not in other.text, other.url

    @pytest.mark.parametrize("caller", ["owner", "helper", "clerk", "admin"])
    @pytest.mark.parametrize(
        "attributes",
        [
            json.dumps(["Title", "letters_summary", "letters_open_since"]),
            "Title,letters_summary",
            json.dumps(["Title", "briefe:letters_summary"]),
        ],
    )
    def test_get_vocabulary_gives_out_no_letter(self, channels_portal, targets, caller, attributes):
        """Plone's widget look-up reads any catalog column it is asked for."""
        query = {
            "criteria": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["Application"],
                }
            ]
        }
        response = session_of(channels_portal, caller).get(
            "@@getVocabulary",
            params={
                "name": "plone.app.vocabularies.Catalog",
                "query": json.dumps(query),
                "attributes": attributes,
                "batch": json.dumps({"page": 1, "size": 100}),
            },
        )
        assert response.status_code == 200, response.text
        titles = [item.get("Title") for item in response.json()["results"]]
        key = "entered_reference" if caller == "helper" else "reference"
        assert targets[key] in titles  # the look-up works, and finds the application
        assert SECRET_SUBJECT not in response.text, (caller, attributes)
        assert targets["letter"] not in response.text
        assert targets["entered_letter"] not in response.text
        assert "letters_summary" not in response.text and "briefe" not in response.text

    def test_the_departments_clerk_finds_the_letter_in_the_postausgang(
        self, channels_portal, targets
    ):
        listing = session_of(channels_portal, "clerk").get("@postausgang").json()
        assert SECRET_SUBJECT in str(listing)


#: The administrators' pages of the outbox, FIT-Connect, webhooks and the payments received.
ADMIN_PAGES = {
    "ausgang": lambda s: html(s, "@@ausgang"),
    "rest-ausgang": lambda s: s.get("@ausgang"),
    "rest-ausgang-post": lambda s: s.post("@ausgang", json={"id": "kein-eintrag"}),
    "outbox-controlpanel": lambda s: html(s, "@@herne-outbox-controlpanel"),
    "webhooks": lambda s: html(s, "@@webhooks"),
    "fit-connect-controlpanel": lambda s: html(s, "@@herne-fit-connect-controlpanel"),
    "fit-connect-schema": lambda s: s.get("leistungen/hundesteuer/@@fit-connect-schema"),
    "zahlungseingaenge": lambda s: s.get("@@zahlungseingaenge"),
    "rest-zahlungseingaenge": lambda s: s.get("@zahlungseingaenge"),
    "payment-controlpanel": lambda s: html(s, "@@herne-payment-controlpanel"),
}


class TestAdministratorsOnly:
    @pytest.mark.parametrize(
        "page, caller", [(page, caller) for page in ADMIN_PAGES for caller in CALLERS]
    )
    def test_only_the_administrator_opens_it(self, channels_portal, targets, page, caller):
        response = ADMIN_PAGES[page](session_of(channels_portal, caller))
        if caller == "admin":
            if page == "rest-ausgang-post":  # the service itself answers: no such entry
                assert response.json()["error"]["type"] == "NotFound", response.text
                return
            assert not refused(response), (page, response.status_code)
            return
        assert refused(response), (page, caller, response.status_code, response.url)
        if page == "rest-ausgang-post":
            assert response.status_code in (401, 403), (caller, response.status_code)
        for key in ("reference", "entered_reference"):
            assert targets[key] not in response.text, (page, caller)


#: The letters' Postausgang and a letter's PDF.
LETTERS = {
    "brief-pdf": lambda s, t: s.get(f"{t['app']}/@@brief", params={"id": t["letter"]}),
    "entered-brief-pdf": lambda s, t: s.get(
        f"{t['entered']}/@@brief", params={"id": t["entered_letter"]}
    ),
    "postausgang": lambda s, t: html(s, "@@postausgang"),
    "rest-postausgang": lambda s, t: s.get("@postausgang"),
    "rest-postausgang-printed": lambda s, t: s.get("@postausgang", params={"gedruckt": "1"}),
}
#: The department whose letter it is: Bürgerdienste (``clerk``) and Steuern (``tax_clerk``).
LETTER_OF = {"brief-pdf": "clerk", "entered-brief-pdf": "tax_clerk"}


class TestLetters:
    @pytest.mark.parametrize(
        "channel, caller",
        [(channel, caller) for channel in LETTERS for caller in NOT_ADMIN],
    )
    def test_a_letter_reaches_only_its_department(self, channels_portal, targets, channel, caller):
        response = LETTERS[channel](session_of(channels_portal, caller), targets)
        if LETTER_OF.get(channel) == caller:
            assert response.content.startswith(b"%PDF"), (channel, response.status_code)
            return
        assert not response.content.startswith(b"%PDF"), (channel, caller)
        if caller != "clerk":
            assert SECRET_SUBJECT not in response.text, (channel, caller)
            assert targets["letter"] not in response.text, (channel, caller)
        if caller != "tax_clerk":
            assert targets["entered_letter"] not in response.text, (channel, caller)
        if channel in LETTER_OF:
            assert refused(response), (channel, caller, response.status_code)


#: The payment pages of an application, and the page of the pay result.
PAYMENT_PAGES = {
    "zahlung-zurueck": lambda s, t: html(s, f"{t['app']}/@@zahlung-zurueck"),
    "zahlungsstand": lambda s, t: html(s, f"{t['app']}/@@zahlungsstand"),
    "erneut-bezahlen": lambda s, t: s.post(
        f"{t['app']}/@@erneut-bezahlen", headers={"Accept": "text/html"}
    ),
    "erstattung-erledigt": lambda s, t: s.post(
        f"{t['app']}/@@erstattung-erledigt", headers={"Accept": "text/html"}
    ),
    "rest-zahlung": lambda s, t: s.get(f"{t['app']}/@zahlung"),
    "fachverfahren": lambda s, t: html(s, f"{t['app']}/@@fachverfahren"),
}
#: Callers who may view the application (their own pages may answer; they get nothing else).
VIEWERS = {"owner", "clerk", "admin"}


class TestPaymentPages:
    @pytest.mark.parametrize(
        "page, caller",
        [(page, caller) for page in PAYMENT_PAGES for caller in CALLERS if caller not in VIEWERS],
    )
    def test_another_persons_application_is_refused(self, channels_portal, targets, page, caller):
        response = PAYMENT_PAGES[page](session_of(channels_portal, caller), targets)
        assert refused(response), (page, caller, response.status_code)
        assert targets["reference"] not in response.text
        assert SECRET_NAME not in response.text


#: The editors' translation of a form: editors (and administrators) only.
TRANSLATION_CHANNELS = {
    "page": lambda s: html(s, "leistungen/hundesteuer/antrag/@@formular-uebersetzen"),
    "rest-get": lambda s: s.get("leistungen/hundesteuer/antrag/@formular-uebersetzungen"),
    "rest-patch": lambda s: s.patch(
        "leistungen/hundesteuer/antrag/@formular-uebersetzungen",
        json={"tr": {"fields": {"dog_name": {"label": "Köpeğin adı (Test)"}}}},
    ),
}
EDITORS = {"editor", "admin"}


class TestFormTranslations:
    @pytest.mark.parametrize(
        "channel, caller",
        [(c, caller) for c in TRANSLATION_CHANNELS for caller in CALLERS if caller not in EDITORS],
    )
    def test_only_editors_translate_forms(self, channels_portal, targets, channel, caller):
        response = TRANSLATION_CHANNELS[channel](session_of(channels_portal, caller))
        assert refused(response), (channel, caller, response.status_code)
        assert "Köpeğin adı (Test)" not in response.text

    def test_the_editor_opens_it(self, channels_portal, targets):
        response = TRANSLATION_CHANNELS["rest-get"](session_of(channels_portal, "editor"))
        assert response.status_code == 200, response.text


#: The one answer of an unknown reference number on the consent renewal.
NOT_YOURS = "Unter diesem Aktenzeichen gibt es keinen Antrag"


class TestConsentRenewal:
    @pytest.mark.parametrize(
        "which, caller",
        [
            (which, caller)
            for which in ("entered_reference", "reference")
            for caller in ("owner", "other_citizen", "other_clerk", "clerk", "editor")
            + ("other_helper", "helper")
            # the positive controls: the helper who entered it, the department of each
            if (which, caller) not in {("entered_reference", "helper"), ("reference", "clerk")}
        ],
    )
    def test_others_read_the_answer_of_an_unknown_reference(
        self, channels_portal, targets, caller, which
    ):
        session = session_of(channels_portal, caller)
        known = session.post("@einwilligung-erneuern", json={"reference_number": targets[which]})
        unknown = session.post(
            "@einwilligung-erneuern", json={"reference_number": "HER-1999-999999"}
        )
        assert known.status_code == unknown.status_code, (caller, known.text)
        assert NOT_YOURS in known.text, (caller, known.text)
        assert ENTERED_NAME not in known.text and SECRET_NAME not in known.text

    @pytest.mark.parametrize("which", ["entered_reference", "reference"])
    def test_the_page_answers_others_as_for_an_unknown_reference(
        self, channels_portal, targets, which
    ):
        session = session_of(channels_portal, "other_helper")
        response = html(
            session, "@@einwilligung-erneuern", params={"reference_number": targets[which]}
        )
        assert ENTERED_NAME not in response.text and SECRET_NAME not in response.text
        assert "Gertrud" not in response.text

    def test_the_helper_who_entered_it_is_told_the_consent_still_holds(
        self, channels_portal, targets
    ):
        response = session_of(channels_portal, "helper").post(
            "@einwilligung-erneuern", json={"reference_number": targets["entered_reference"]}
        )
        assert "Die Einwilligung gilt noch" in response.text, response.text

    def test_anonymous_is_sent_to_log_in(self, channels_portal, targets):
        response = session_of(channels_portal, "anonymous").post(
            "@einwilligung-erneuern", json={"reference_number": targets["entered_reference"]}
        )
        assert response.status_code in (401, 403), response.status_code


#: Neither Digitallotse nor clerk of Steuern (the dog tax's department).
NOT_FOR_OTHERS = ["owner", "other_citizen", "other_clerk", "editor", "anonymous"]


class TestApplyingForOthers:
    @pytest.mark.parametrize("caller", ["helper", "tax_clerk"])
    def test_helpers_and_the_departments_clerks_get_it(self, channels_portal, targets, caller):
        response = session_of(channels_portal, caller).get(
            "leistungen/hundesteuer/antrag/@antragsformular", params={"fuer_andere": "1"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["fuer_andere"]

    @pytest.mark.parametrize("caller", NOT_FOR_OTHERS)
    def test_only_helpers_and_clerks_get_the_form_for_someone(
        self, channels_portal, targets, caller
    ):
        response = session_of(channels_portal, caller).get(
            "leistungen/hundesteuer/antrag/@antragsformular", params={"fuer_andere": "1"}
        )
        assert response.status_code in (401, 403), (caller, response.status_code)
        assert "fuer_andere" not in response.json() or not response.json().get("fuer_andere")

    @pytest.mark.parametrize("caller", NOT_FOR_OTHERS)
    def test_nobody_else_submits_for_someone(self, channels_portal, targets, caller):
        response = session_of(channels_portal, caller).post(
            "leistungen/hundesteuer/antrag/@antragsformular",
            json={
                "values": {**FOR_GERTRUD, "last_name": "Fremdantrag"},
                "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
            },
        )
        assert response.status_code in (400, 401, 403), (caller, response.status_code)
        assert "zuordnungscode" not in response.text
        transaction.abort()
        catalog = api.portal.get_tool("portal_catalog")
        assert not catalog.unrestrictedSearchResults(SearchableText="Fremdantrag")


OFFERED_NAME = "Gertrud Angebotsfrau"
#: The one account offered the application (its e-mail is the one entered), and the rest.
OFFERED_TO = "other_citizen"
NOT_OFFERED_TO = [caller for caller in CALLERS if caller not in (OFFERED_TO, "admin")]


def enter_for_the_other_citizen(portal, last_name):
    """Hanna enters an application for someone with the other citizen's e-mail: it is offered to her."""
    response = portal_session(portal, *HELPER).post(
        "leistungen/hundesteuer/antrag/@antragsformular",
        json={
            "values": {**FOR_GERTRUD, "last_name": last_name, "email": "buergerin@example.org"},
            "fuer_andere": {"einwilligung": "vollmacht", "vollmacht": vollmacht()},
        },
    )
    assert response.status_code == 201, response.text
    transaction.abort()
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(
        reference_number=response.json()["reference_number"]
    )
    return brain.UID, response.json()


def offer_state(uid):
    """Whom the application belongs to and whether it is still offered (nothing may change)."""
    transaction.abort()
    from herne.portal.assist.offer import offers_for

    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=uid)
    application = brain._unrestrictedGetObject()
    offered = [api.content.get_uuid(item) for item in offers_for("buergerin")]
    return application.applicant, bool(application.claim), uid in offered


@pytest.fixture(scope="class")
def offered(channels_portal, targets):
    return enter_for_the_other_citizen(channels_portal, "Angebotsfrau")[0]


#: Where an offer is shown: the REST list, the Postkorb in REST and on the page.
OFFER_CHANNELS = {
    "rest-angebote": lambda s: s.get("@angebote"),
    "rest-postkorb": lambda s: s.get("@postkorb"),
    "postkorb-page": lambda s: html(s, "@@postkorb"),
}


class TestOffers:
    @pytest.mark.parametrize(
        "channel, caller", [(channel, caller) for channel in OFFER_CHANNELS for caller in CALLERS]
    )
    def test_only_the_offered_account_sees_the_offer(
        self, channels_portal, offered, channel, caller
    ):
        response = OFFER_CHANNELS[channel](session_of(channels_portal, caller))
        if caller == OFFERED_TO:
            assert offered in response.text and OFFERED_NAME in response.text, channel
        else:
            assert offered not in response.text, (channel, caller)
            # the helper lists what she entered (with its name), never as an offer
            assert "Für Sie erfasst" not in response.text, (channel, caller)
            if caller != "helper":
                assert OFFERED_NAME not in response.text, (channel, caller)

    @pytest.mark.parametrize("decision", ["annehmen", "ablehnen"])
    @pytest.mark.parametrize("caller", NOT_OFFERED_TO)
    def test_nobody_else_accepts_or_declines_it(self, channels_portal, offered, caller, decision):
        before = offer_state(offered)
        response = session_of(channels_portal, caller).post(
            "@angebote", json={"id": offered, "entscheidung": decision}
        )
        if caller == "anonymous":
            assert response.status_code == 401
        else:
            assert response.status_code == 400, (caller, response.text)
            assert response.json()["error"]["message"] == OFFER_GONE
        assert OFFERED_NAME not in response.text
        assert offer_state(offered) == before == ("", True, True)

    @pytest.mark.parametrize(
        "tampered",
        [
            "0123456789abcdef0123456789abcdef",  # a guessed id
            "",
            None,
            ["x"],
            "../antraege",
        ],
    )
    def test_a_tampered_id_gets_the_same_answer(self, channels_portal, offered, tampered):
        response = session_of(channels_portal, OFFERED_TO).post(
            "@angebote", json={"id": tampered, "entscheidung": "annehmen"}
        )
        assert response.status_code == 400
        assert response.json()["error"]["message"] == OFFER_GONE
        assert offer_state(offered) == ("", True, True)

    def test_an_application_not_offered_to_her_gets_the_same_answer(
        self, channels_portal, targets, offered
    ):
        # the citizen's own application elsewhere, and one entered without any match
        own = portal_session(channels_portal, *CALLERS["owner"]).get(targets["app"]).json()["UID"]
        session = session_of(channels_portal, "owner")
        response = session.post("@angebote", json={"id": own, "entscheidung": "annehmen"})
        assert response.json()["error"]["message"] == OFFER_GONE
        response = session_of(channels_portal, OFFERED_TO).post(
            "@angebote", json={"id": offered, "entscheidung": "vielleicht"}
        )
        assert response.status_code == 400
        assert "Annehmen" in response.json()["error"]["message"]
        assert offer_state(offered) == ("", True, True)

    def test_the_page_refuses_a_post_without_its_token(self, channels_portal, offered):
        response = session_of(channels_portal, OFFERED_TO).post(
            "@@antrag-angebot",
            data={"id": offered, "entscheidung": "annehmen"},
            headers={"Accept": "text/html"},
        )
        assert response.status_code in (401, 403) or "confirm-action" in response.url
        assert offer_state(offered) == ("", True, True)

    def test_once_decided_it_is_gone_for_everyone(self, channels_portal, targets):
        accepted, body = enter_for_the_other_citizen(channels_portal, "Annahmefrau")
        declined, _body = enter_for_the_other_citizen(channels_portal, "Ablehnfrau")
        session = session_of(channels_portal, OFFERED_TO)
        answer = session.post("@angebote", json={"id": accepted, "entscheidung": "annehmen"})
        assert answer.status_code == 200, answer.text
        assert offer_state(accepted) == ("buergerin", False, False)
        answer = session.post("@angebote", json={"id": declined, "entscheidung": "ablehnen"})
        assert answer.status_code == 200, answer.text
        assert offer_state(declined) == ("", True, False)  # the code still works
        for uid in (accepted, declined):
            for decision in ("annehmen", "ablehnen"):
                again = session.post("@angebote", json={"id": uid, "entscheidung": decision})
                assert again.json()["error"]["message"] == OFFER_GONE
        assert offer_state(accepted) == ("buergerin", False, False)
        assert offer_state(declined) == ("", True, False)
        # the helper's access ends as after a claim; the declined one she still follows
        helper = session_of(channels_portal, "helper")
        assert refused(helper.get(f"{body['@id']}/@antrag"))
        listed = helper.get("@postkorb").text
        assert "Annahmefrau" not in listed and "Ablehnfrau" in listed


#: The language roots of the citizens' languages.
LANGUAGES = ("en", "tr", "uk", "ar")


class TestLanguageRoots:
    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize(
        "caller", ["other_citizen", "other_clerk", "helper", "editor", "anonymous"]
    )
    def test_a_language_root_shows_no_application(self, channels_portal, targets, language, caller):
        session = session_of(channels_portal, caller)
        answers = [
            html(session, language),
            html(session, f"{language}/folder_contents"),
            session.get(language),
            session.get(f"{language}/@search", params={"portal_type": "Application"}),
            session.get(f"{language}/@translations"),
            html(session, f"{language}/@@multilingual-selector"),
            html(session, f"{language}{targets['app']}"),
            session.get(f"{language}{targets['app']}"),
            session.get(f"{language}{targets['app']}/@translations"),
            html(session, f"{language}{targets['app']}/@@babel_view"),
            html(session, f"{language}{targets['app']}/@@tg"),
            session.get(f"{language}{targets['app']}/@@receipt"),
        ]
        for response in answers:
            assert targets["reference"] not in response.text, (caller, response.url)
            assert SECRET_NAME not in response.text, (caller, response.url)
            assert not response.content.startswith(b"%PDF"), (caller, response.url)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_the_applicant_is_not_listed_by_language_root(self, channels_portal, targets, language):
        response = session_of(channels_portal, "anonymous").get(
            f"{language}/@search", params={"SearchableText": "Geheimkanal"}
        )
        assert response.json()["items_total"] == 0


#: The answer to a wrong code and to an unknown reference number: always the same.
NO_MATCH = "passen nicht zusammen"


class TestClaimCodes:
    def test_a_wrong_code_does_not_tell_whether_the_reference_exists(
        self, channels_portal, targets
    ):
        session = portal_session(channels_portal, "buergerin", "demo-buergerin-2026")
        answers = {}
        for label, reference in (
            ("known", targets["entered_reference"]),
            ("unknown", "HER-1999-000001"),
        ):
            answers[label] = [
                session.post(
                    "@antrag-zuordnen",
                    json={
                        "code": "AAAA-AAAA-AAAA",
                        "reference_number": reference,
                        "birth_date": "1941-02-03",
                    },
                )
                for _try in range(6)
            ]
        for known, unknown in zip(answers["known"], answers["unknown"], strict=True):
            assert known.status_code == unknown.status_code
            assert known.json() == unknown.json()


#: Who has an account: the user listings and look-ups of Plone and plone.restapi.
ACCOUNT_LOOKUPS = {
    "rest-users": lambda s: s.get("@users"),
    "rest-user": lambda s: s.get("@users/buergerin"),
    "rest-principals": lambda s: s.get("@principals", params={"search": "buergerin"}),
    "rest-users-vocabulary": lambda s: s.get(
        "@vocabularies/plone.app.vocabularies.Users", params={"title": "buergerin"}
    ),
    "author-page": lambda s: html(s, "@@author/buergerin"),
    "rest-search-creator": lambda s: s.get("@search", params={"Creator": "buergerin"}),
}


class TestWhoUsesThePortal:
    @pytest.mark.parametrize(
        "lookup, caller",
        [
            (lookup, caller)
            for lookup in ACCOUNT_LOOKUPS
            for caller in ("owner", "helper", "other_clerk", "anonymous")
        ],
    )
    def test_no_caller_learns_that_another_citizen_has_an_account(
        self, channels_portal, targets, lookup, caller
    ):
        response = ACCOUNT_LOOKUPS[lookup](session_of(channels_portal, caller))
        if response.headers.get("Content-Type", "").startswith("application/json"):
            body = response.json()
            found = body.get("items", body) if isinstance(body, dict) else body
            assert "buergerin@" not in json.dumps(found), (lookup, caller)
            assert "Yılmaz" not in json.dumps(found, ensure_ascii=False), (lookup, caller)
            if lookup != "rest-search-creator":
                assert refused(response) or not found or found == [], (lookup, caller)
        else:
            assert "buergerin@" not in response.text, (lookup, caller)
            assert "Yılmaz" not in response.text, (lookup, caller)


#: The worklist and its CSV, with the filter "entered for someone" (issue 18) and every state.
WORKLISTS = {
    "arbeitskorb": lambda s: html(s, "@@arbeitskorb", params={"state": "alle"}),
    "arbeitskorb-entered": lambda s: html(
        s, "@@arbeitskorb", params={"state": "alle", "erfasst": "1"}
    ),
    "arbeitskorb-csv": lambda s: s.get("@@arbeitskorb-csv", params={"state": "alle"}),
    "arbeitskorb-csv-entered": lambda s: s.get(
        "@@arbeitskorb-csv", params={"state": "alle", "erfasst": "1"}
    ),
}
#: Whose worklist holds which target: Bürgerdienste the citizen's, Steuern the entered one.
WORKLIST_OF = {"clerk": "reference", "tax_clerk": "entered_reference"}


class TestWorklists:
    @pytest.mark.parametrize(
        "worklist, caller", [(w, caller) for w in WORKLISTS for caller in NOT_ADMIN]
    )
    def test_a_worklist_lists_only_the_departments_applications(
        self, channels_portal, targets, worklist, caller
    ):
        response = WORKLISTS[worklist](session_of(channels_portal, caller))
        own = WORKLIST_OF.get(caller)
        if own and (own == "entered_reference" or "entered" not in worklist):
            assert targets[own] in response.text, (worklist, caller)
        for key in ("reference", "entered_reference"):
            if key != own:
                assert targets[key] not in response.text, (worklist, caller, key)
        if caller != "clerk":
            assert SECRET_NAME not in response.text, (worklist, caller)
        if caller != "tax_clerk":
            assert ENTERED_NAME not in response.text, (worklist, caller)


@pytest.fixture(scope="class")
def draft(channels_portal):
    """A draft of the demo citizen at Bürgerdienste: only the citizen sees it, not yet the department."""
    application = build_application(
        channels_portal, "fuehrungszeugnis", name=SECRET_NAME, submit=False
    )
    transaction.commit()
    portal_url = channels_portal.absolute_url()
    return {"app": application.absolute_url()[len(portal_url) :]}


#: The draft's page, its payment block and pages, and the search by its path.
DRAFT_CHANNELS = {
    "page": lambda s, t: html(s, t["app"]),
    "rest-get": lambda s, t: s.get(t["app"]),
    "rest-zahlung": lambda s, t: s.get(f"{t['app']}/@zahlung"),
    "zahlungsstand": lambda s, t: html(s, f"{t['app']}/@@zahlungsstand"),
    "zahlung-zurueck": lambda s, t: html(s, f"{t['app']}/@@zahlung-zurueck"),
    "erneut-bezahlen": lambda s, t: s.post(
        f"{t['app']}/@@erneut-bezahlen", headers={"Accept": "text/html"}
    ),
    "receipt": lambda s, t: s.get(f"{t['app']}/@@receipt"),
}


class TestDrafts:
    def test_the_citizen_opens_the_draft(self, channels_portal, draft):
        response = DRAFT_CHANNELS["rest-get"](session_of(channels_portal, "owner"), draft)
        assert response.status_code == 200 and SECRET_NAME in response.text

    @pytest.mark.parametrize(
        "channel, caller",
        [(c, caller) for c in DRAFT_CHANNELS for caller in NOT_ADMIN if caller != "owner"],
    )
    def test_nobody_else_reaches_a_draft(self, channels_portal, draft, channel, caller):
        response = DRAFT_CHANNELS[channel](session_of(channels_portal, caller), draft)
        assert refused(response), (channel, caller, response.status_code)
        assert SECRET_NAME not in response.text
        assert not response.content.startswith(b"%PDF")

    @pytest.mark.parametrize("caller", ["clerk", "other_citizen", "helper", "anonymous"])
    def test_search_does_not_find_a_draft(self, channels_portal, draft, caller):
        response = session_of(channels_portal, caller).get(
            "@search",
            params={
                "portal_type": "Application",
                "review_state": "draft",
                "metadata_fields": "_all",
            },
        )
        assert response.json()["items_total"] == 0, caller
