"""The OpenAPI description: every registered REST service is in it, real answers match it, the site serves it."""

from base64 import b64encode
from herne.portal.applications.processing import perform
from herne.portal.interfaces import IHernePortalLayer
from herne.portal.openapi import description
from plone import api
import requests
from tests.fixtures.applications import CITIZEN
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import OTHER_CITIZEN
from tests.fixtures.applications import PDF
from tests.fixtures.openapi import validator
from tests.fixtures.rest import DOG_TAX
from tests.fixtures.rest import relative
import transaction
from zope.component import getGlobalSiteManager


#: Where a service's context is, as a path of the description.
CONTEXT_PATHS = {
    "IPloneSiteRoot": "",
    "ISiteRoot": "",
    "IApplication": "/antraege/{department}/{application}",
    "IEasyForm": "/leistungen/{service}/antrag",
    "IDepartment": "/{department_path}",
}

DIGITAL_UNIT = ("digitalisierung", "demo-digitalisierung-2026")


def registered_services():
    """(method, path of the description) of every REST service herne.portal registers."""
    found = set()
    for registration in getGlobalSiteManager().registeredAdapters():
        factory = registration.factory
        method = getattr(factory, "method", None)
        if not method or not isinstance(method, str) or len(registration.required) != 2:
            continue
        own = factory.__bases__[0].__module__.startswith("herne.portal.")
        if not own and registration.required[1] is not IHernePortalLayer:
            continue
        context = registration.required[0].__name__
        assert context in CONTEXT_PATHS, f"{registration.name}: where is a {context}?"
        name = registration.name[registration.name.find("@") :] if "@" in registration.name else ""
        path = CONTEXT_PATHS[context] + (f"/{name}" if name else "")
        found.add((method.lower(), path or "/"))
    return found


def described_services():
    """(method, path) of every operation, the path cut after its service name.

    Operations marked ``x-plone-restapi`` are plone.restapi's own, described for the answers
    herne.portal gives there (a department software's account is refused with 403).
    """
    found = set()
    for path, item in description()["paths"].items():
        segments = path.split("/")
        named = [number for number, segment in enumerate(segments) if segment.startswith("@")]
        base = "/".join(segments[: named[0] + 1]) if named else path
        for method in item:
            own = method in ("get", "post", "patch", "put", "delete")
            if own and not item[method].get("x-plone-restapi"):
                found.add((method, base))
    return found


def test_every_registered_service_is_described(integration):
    registered = registered_services()
    assert ("get", "/@postkorb") in registered  # the look-up does find the services
    assert ("patch", "/antraege/{department}/{application}") in registered
    missing = registered - described_services()
    assert not missing, f"REST services without a description in docs/openapi.yaml: {missing}"


def test_nothing_is_described_that_is_not_registered(integration):
    unknown = described_services() - registered_services()
    assert not unknown, f"docs/openapi.yaml describes services that do not exist: {unknown}"


def test_every_schema_is_valid_json_schema_2020_12():
    spec = description()
    assert spec["openapi"].startswith("3.1.")
    for name, schema in spec["components"]["schemas"].items():
        validator("components", "schemas", name).check_schema(schema)
    operations = [
        (path, method, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
    ]
    assert len({operation["operationId"] for _, _, operation in operations}) == len(operations)
    for path, method, operation in operations:
        assert operation["responses"], (path, method)
        for name in (part[1:-1] for part in path.split("/") if part.startswith("{")):
            parameters = item_parameters(spec, path, operation)
            assert name in parameters, f"{method} {path}: path parameter {name} not declared"


def item_parameters(spec, path, operation):
    names = set()
    for parameter in spec["paths"][path].get("parameters", []) + operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = spec["components"]["parameters"][parameter["$ref"].split("/")[-1]]
        names.add(parameter["name"])
    return names


def test_the_site_serves_the_description_to_anyone(rest_portal, certificate_application):
    url = rest_portal.absolute_url()
    as_yaml = requests.get(f"{url}/@@openapi.yaml", timeout=30)
    assert as_yaml.status_code == 200
    assert as_yaml.headers["Content-Type"].startswith("application/yaml")
    assert as_yaml.text.startswith("openapi: 3.1.0")
    as_json = requests.get(f"{url}/@@openapi.json", timeout=30)
    assert as_json.status_code == 200
    served = as_json.json()
    assert served["servers"] == [{"url": url}]
    assert served["paths"] == description()["paths"]
    # names shapes only: no application, no applicant
    assert certificate_application.reference_number not in as_json.text
    assert "Bergmann" not in as_json.text and "HER-20" not in as_yaml.text


def test_a_body_off_the_description_is_caught():
    postkorb = validator("components", "schemas", "Postkorb")
    assert postkorb.is_valid(
        {"@id": "http://x/@postkorb", "items_total": 0, "items": [], "erfasst": []}
    )
    assert not postkorb.is_valid({"@id": "http://x/@postkorb", "items_total": 0, "items": "keine"})
    error = validator(
        "components", "responses", "BadRequest", "content", "application/json", "schema"
    )
    assert not error.is_valid({"error": {"type": "BadRequest", "message": ""}})


def test_postkorb_answers_as_described(api_session, check, certificate_application):
    check(api_session(*CITIZEN).get("@postkorb"), 200)
    check(api_session(*OTHER_CITIZEN).get("@postkorb"), 200)
    check(api_session().get("@postkorb"), 401)


def test_antrag_answers_as_described(api_session, check, rest_portal, certificate_application):
    path = f"{relative(certificate_application, rest_portal)}/@antrag"
    check(api_session(*CITIZEN).get(path), 200)
    check(api_session(*CLERK).get(path), 200)
    check(api_session(*OTHER_CITIZEN).get(path), 401)
    check(api_session().get(path), 401)
    check(api_session(*CITIZEN).get(f"{path.rsplit('/', 2)[0]}/antrag-gibt-es-nicht/@antrag"), 404)


def test_nachrichten_and_antwort_answer_as_described(
    api_session, check, rest_portal, certificate_application
):
    path = relative(certificate_application, rest_portal)
    citizen = api_session(*CITIZEN)
    check(citizen.post(f"{path}/@nachrichten", json={"text": "Hallo"}), 201)
    check(citizen.post(f"{path}/@nachrichten", json={"text": " "}), 400)
    check(api_session(*CLERK).post(f"{path}/@nachrichten", json={"text": "Gern."}), 201)
    check(api_session().post(f"{path}/@nachrichten", json={"text": "Hallo"}), 401)
    check(citizen.post(f"{path}/@antwort", json={"text": "Zu früh"}), 400)
    transaction.abort()
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(certificate_application, "accept")
        perform(certificate_application, "request_info", "Bitte Nachweis hochladen.")
    transaction.commit()
    not_a_pdf = {"filename": "x.pdf", "data": b64encode(b"<html>").decode()}
    check(citizen.post(f"{path}/@antwort", json={"text": "a", "files": [not_a_pdf]}), 400)
    pdf = {"filename": "verein.pdf", "data": b64encode(PDF).decode()}
    check(citizen.post(f"{path}/@antwort", json={"text": "Anbei", "files": [pdf]}), 200)
    check(api_session(*OTHER_CITIZEN).post(f"{path}/@antwort", json={"text": "x"}), 401)


def test_antragsformular_answers_as_described(api_session, check):
    form = "leistungen/hundesteuer/antrag/@antragsformular"
    citizen = api_session(*CITIZEN)
    check(citizen.get(form), 200)
    check(api_session().get(form), 401)
    check(citizen.post(form, json={"values": {}}), 400)
    check(citizen.post(form, json={"values": DOG_TAX}), 201)
    check(api_session().post(form, json={"values": DOG_TAX}), 401)
    check(citizen.post(form, data="kein JSON", headers={"Content-Type": "text/plain"}), 415)


def test_ozg_dashboard_answers_as_described(api_session, check):
    check(api_session(*DIGITAL_UNIT).get("@ozg-dashboard"), 200)
    check(api_session(*CITIZEN).get("@ozg-dashboard"), 401)
