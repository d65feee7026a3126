"""Error answers of the REST endpoints, each from the caller who would get it, match docs/openapi.yaml."""

from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
import pytest
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.booking import OFFICE
from tests.fixtures.booking import office
from tests.fixtures.rest import relative


MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
ANONYMOUS = ()
PLAIN = {"data": "kein JSON", "headers": {"Content-Type": "text/plain"}}

#: (caller, method, path, request, status); {app} is the demo citizen's certificate application.
ANSWERS = [
    (CITIZEN, "post", "@antrag-zuordnen", PLAIN, 415),
    (CITIZEN, "post", "@aufbewahrung", {"json": {}}, 401),
    (MANAGER, "post", "@aufbewahrung", PLAIN, 415),
    (CITIZEN, "post", "@ausgang", {"json": {"id": "x"}}, 401),
    (ANONYMOUS, "post", "@login", {"json": {"login": "buerger"}}, 400),
    (
        ANONYMOUS,
        "post",
        "@login",
        {
            "json": {"login": "a", "password": "b"},
            "headers": {"Origin": "https://boese.example.org"},
        },
        403,
    ),
    (ANONYMOUS, "get", "@postausgang", {}, 401),
    (ANONYMOUS, "post", "@postausgang", {"json": {"letters": []}}, 401),
    (CITIZEN, "post", "@postausgang", {"json": {"letters": []}}, 403),
    (CLERK, "post", "@postausgang", PLAIN, 415),
    (MANAGER, "get", "@registry", {}, 200),
    (CITIZEN, "get", "@registry", {}, 401),
    (CITIZEN, "get", "@registry/plone.site_title", {}, 401),
    (CLERK, "get", "@tagesliste", {"params": {"office": OFFICE, "date": "morgen"}}, 400),
    (ANONYMOUS, "get", "@tagesliste", {"params": {"office": OFFICE}}, 401),
    (ANONYMOUS, "post", "@tagesliste", {"json": {"office": OFFICE, "action": "cancel"}}, 401),
    (CLERK, "post", "@tagesliste", PLAIN, 415),
    (CITIZEN, "post", "{gone}/@antwort", {"json": {"text": "x"}}, 404),
    (CITIZEN, "post", "{gone}/@nachrichten", {"json": {"text": "x"}}, 404),
    (ANONYMOUS, "post", "{app}/@einwilligung-widerrufen", {"json": {}}, 401),
    (CITIZEN, "post", "{gone}/@einwilligung-widerrufen", {"json": {}}, 404),
    (ANONYMOUS, "post", "{app}/@termin-absagen", {"json": {}}, 401),
    (CITIZEN, "post", "{app}/@termin-absagen", PLAIN, 415),
    (ANONYMOUS, "get", "{app}/@termin-verschieben", {}, 401),
    (ANONYMOUS, "post", "{app}/@termin-verschieben", {"json": {}}, 401),
    (CITIZEN, "post", "{app}/@termin-verschieben", PLAIN, 415),
    (ANONYMOUS, "get", "{app}/@zahlung", {}, 401),
    (CITIZEN, "get", "{gone}/@zahlung", {}, 404),
    (CITIZEN, "get", "leistungen/gibt-es-nicht/antrag/@antragsformular", {}, 404),
    (
        CITIZEN,
        "post",
        "leistungen/gibt-es-nicht/antrag/@antragsformular",
        {"json": {"values": {}}},
        404,
    ),
    (ANONYMOUS, "get", "{office}/@schaltersperren", {}, 401),
    (CLERK, "get", "{office}-gibt-es-nicht/@schaltersperren", {}, 404),
    (ANONYMOUS, "post", "{office}/@schaltersperren", {"json": {}}, 401),
    (CITIZEN, "post", "{office}/@schaltersperren", {"json": {}}, 403),
    (CLERK, "post", "{office}-gibt-es-nicht/@schaltersperren", {"json": {}}, 404),
    (CLERK, "post", "{office}/@schaltersperren", PLAIN, 415),
    (ANONYMOUS, "delete", "{office}/@schaltersperren/x", {}, 401),
]


@pytest.mark.parametrize(
    ("caller", "method", "path", "request_", "status"),
    ANSWERS,
    ids=[
        f"{caller[0] if caller else 'anonym'}-{method}-{path}-{status}"
        for caller, method, path, _r, status in ANSWERS
    ],
)
def test_error_answers_are_as_described(
    caller, method, path, request_, status, api_session, check, rest_portal, certificate_application
):
    app = relative(certificate_application, rest_portal)
    places = {"app": app, "gone": f"{app.rsplit('/', 1)[0]}/antrag-gibt-es-nicht"}
    places["office"] = relative(office(rest_portal), rest_portal).lstrip("/")
    check(getattr(api_session(*caller), method)(path.format(**places), **request_), status)
