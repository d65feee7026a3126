"""GET of an application (plone.restapi's content GET, what a webhook receiver fetches) answers as docs/openapi.yaml says."""

from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import add_department_reader
from tests.fixtures.rest import relative
import transaction


SOFTWARE = ("fachverfahren-buergerdienste", "Fv-Buergerdienste-2026-lang")


def test_application_get_answers_as_described(
    api_session, check, rest_portal, certificate_application
):
    add_department_reader(rest_portal, "fuehrungszeugnis", *SOFTWARE)
    transaction.commit()
    path = relative(certificate_application, rest_portal)
    for caller in (CITIZEN, CLERK, SOFTWARE):
        answer = api_session(*caller).get(path)
        check(answer, 200)
        assert answer.json()["reference_number"] == certificate_application.reference_number
    check(api_session(*OTHER_CITIZEN).get(path), 401)
    check(api_session().get(path), 401)
    check(api_session(*CITIZEN).get(f"{path.rsplit('/', 1)[0]}/antrag-gibt-es-nicht"), 404)
