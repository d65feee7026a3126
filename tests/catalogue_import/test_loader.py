"""A catalogue folder is checked before anything is created, and every problem is named."""

from herne.portal.catalogue_import.create import import_catalogue
from herne.portal.catalogue_import.forms import fields_model
from herne.portal.catalogue_import.loader import CatalogueError
from herne.portal.catalogue_import.loader import load_catalogue
from herne.portal.demo.setup import DEMO_DATA
import json
from lxml import etree
from plone import api
import pytest


DEPARTMENT = {"id": "musteramt", "title": "Musteramt", "email": "musteramt@example.org"}
SERVICE = {
    "id": "musterleistung",
    "title": "Musterleistung beantragen",
    "department": "musteramt",
    "online_availability": "online_form",
    "result_delivery": "post",
    "life_situations": ["pets_animals"],
    "required_documents": [{"name": "Abgabenachweis", "provision": "upload"}],
    "fees": [{"amount": "5.00", "purpose": "Ersatzmarke"}],
}
FORMS = {
    "blocks": {
        "person": [
            {"name": "first_name", "type": "text", "title": "Vorname"},
            {"name": "last_name", "type": "text", "title": "Nachname"},
        ]
    },
    "forms": {
        "musterleistung": [
            {"block": "person"},
            {"name": "dog_name", "type": "text", "title": "Name des Hundes", "required": False},
            {"name": "privacy_consent", "type": "bool", "title": "Ich willige ein."},
        ]
    },
}

USER = {
    "username": "sachbearbeitung",
    "fullname": "Sabine Sander",
    "email": "sachbearbeitung@example.org",
    "password": "geheim-2026",
}


def write(folder, departments=None, services=None, forms=None, users=None):
    files = {
        "departments.json": [DEPARTMENT] if departments is None else departments,
        "services.json": [SERVICE] if services is None else services,
        "forms.json": FORMS if forms is None else forms,
        "users.json": [] if users is None else users,
    }
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def problems(folder):
    with pytest.raises(CatalogueError) as info:
        load_catalogue(folder)
    return info.value.problems


def test_demo_catalogue_loads(integration):
    # On a layer: form validators are checked against those registered in Zope's configuration.
    catalogue = load_catalogue(DEMO_DATA)
    assert len(catalogue.services) >= 40
    assert {"hundesteuer", "wohngeld"} <= set(catalogue.forms)
    assert catalogue.forms["wohngeld"][0]["name"] == "first_name"  # the person block expanded


def test_small_city_catalogue_loads(tmp_path):
    catalogue = load_catalogue(write(tmp_path))
    assert [data["id"] for data in catalogue.services] == ["musterleistung"]
    names = [data["name"] for data in catalogue.forms["musterleistung"]]
    assert names == ["first_name", "last_name", "dog_name", "privacy_consent"]
    assert catalogue.users == []


def test_forms_and_users_are_optional(tmp_path):
    write(tmp_path)
    (tmp_path / "forms.json").unlink()
    (tmp_path / "users.json").unlink()
    catalogue = load_catalogue(tmp_path)
    assert catalogue.forms == {}
    assert catalogue.users == []


def test_missing_folder_and_files_are_named(tmp_path):
    assert problems(tmp_path / "nowhere") == ["the folder does not exist"]
    assert problems(tmp_path) == [
        "departments.json: the file is missing",
        "services.json: the file is missing",
    ]


def test_broken_json_is_named_with_its_file(tmp_path):
    write(tmp_path)
    (tmp_path / "services.json").write_text("[{", encoding="utf-8")
    found = problems(tmp_path)
    assert found[0].startswith("services.json: is not valid UTF-8 JSON")


def test_every_problem_is_listed_with_file_entry_and_key(tmp_path):
    bad_service = {
        **SERVICE,
        "titel": "Tippfehler",
        "department": "finanzen",
        "trust_level": "very_high",
        "life_situations": ["pets"],
        "fees": [{"amount": "fünf", "purpose": "Marke"}],
        "required_documents": [{"provision": "upload"}],
    }
    del bad_service["title"]
    write(tmp_path, services=[bad_service, {**SERVICE, "id": "Hunde Steuer"}, SERVICE, SERVICE])
    found = problems(tmp_path)
    entry = "services.json, entry 1 (id 'musterleistung')"
    expected = [
        f"{entry}: the required key 'title' is missing",
        f"{entry}: unknown key 'titel' (allowed: ",
        f"{entry}: 'trust_level': 'very_high' is not one of none, basic, substantial, high",
        f"{entry}: 'life_situations': 'pets' is not one of ",
        f"{entry}: department 'finanzen' is not in departments.json",
        f"{entry}, required_documents row 1: the required key 'name' is missing",
        f"{entry}, fees row 1: amount 'fünf' is not a number like '5.00'",
        "services.json, entry 2: id 'Hunde Steuer' may only hold lower-case letters",
        "services.json, entry 4: id 'musterleistung' appears twice",
    ]
    for start in expected:
        assert any(problem.startswith(start) for problem in found), (start, found)
    message = str(CatalogueError(tmp_path, found))
    assert message.startswith(f"The catalogue in {tmp_path} cannot be loaded:\n- ")


def test_form_problems(tmp_path):
    forms = {
        "blocks": FORMS["blocks"],
        "forms": {
            "musterleistung": [
                {"block": "adresse"},
                {"name": "dog name", "type": "slider", "title": "Name"},
            ],
            "reitkennzeichen": [{"block": "person"}],
        },
    }
    write(tmp_path, forms=forms)
    found = problems(tmp_path)
    assert "forms.json, form 'musterleistung', entry 1: no block 'adresse'" in found
    assert any("type 'slider' is neither one of text, longtext" in problem for problem in found)
    assert (
        "forms.json, form 'musterleistung', entry 2: name 'dog name' must be a Python identifier"
        in found
    )
    assert (
        "forms.json, form 'reitkennzeichen': there is no service 'reitkennzeichen' in services.json"
        in found
    )
    assert (
        "forms.json, form 'reitkennzeichen': needs a field 'privacy_consent' "
        "(the save action reads it)"
    ) in found


def test_user_problems(tmp_path):
    write(tmp_path, users=[{"username": "redaktion", "groups": "catalogue-editors"}])
    found = problems(tmp_path)
    where = "users.json, entry 1 (username 'redaktion')"
    assert f"{where}: the required key 'password' is missing" in found
    assert f"{where}: 'groups' must be a list of texts" in found


def test_groups_must_exist_or_be_made_by_the_import(tmp_path):
    groups = ["clerks-musteramt", "catalogue-editors", "clerks-finanzen", "stadtrat"]
    found = problems(write(tmp_path, users=[{**USER, "groups": groups}]))
    where = "users.json, entry 1 (username 'sachbearbeitung')"
    made = "(catalogue-editors, catalogue-reviewers, clerks-<department id>)"
    assert found == [
        f"{where}: group 'clerks-finanzen' is neither on the site nor one that installing "
        f"or importing creates {made}",
        f"{where}: group 'stadtrat' is neither on the site nor one that installing "
        f"or importing creates {made}",
    ]


def test_groups_of_the_site_may_be_named(integration, tmp_path):
    api.group.create(groupname="stadtrat")
    user = {**USER, "groups": ["stadtrat", "clerks-musteramt"]}
    import_catalogue(load_catalogue(write(tmp_path, users=[user])))
    groups = {group.getId() for group in api.group.get_groups(username="sachbearbeitung")}
    assert groups >= {"stadtrat", "clerks-musteramt"}


def test_service_key_has_14_digits(tmp_path):
    services = [
        {**SERVICE, "service_key": "99018005000000"},
        {**SERVICE, "id": "kurz", "service_key": "9901800"},
        {**SERVICE, "id": "buchstaben", "service_key": "9901800500000a"},
    ]
    found = problems(write(tmp_path, services=services))
    assert found == [
        "services.json, entry 2 (id 'kurz'): service_key '9901800' is not a FIM/LeiKa key "
        "of 14 digits like '99018005000000'",
        "services.json, entry 3 (id 'buchstaben'): service_key '9901800500000a' is not a "
        "FIM/LeiKa key of 14 digits like '99018005000000'",
    ]


def form_with(*fields):
    return {
        "blocks": FORMS["blocks"],
        "forms": {"musterleistung": [*FORMS["forms"]["musterleistung"], *fields]},
    }


def test_dotted_field_types_and_registered_validators_load(integration, tmp_path):
    fields = [
        {"name": "weight", "type": "zope.schema.Float", "title": "Gewicht"},
        {"name": "iban", "type": "text", "title": "IBAN", "validators": "isIBAN|isNotLinkSpam"},
    ]
    catalogue = load_catalogue(write(tmp_path, forms=form_with(*fields)))
    assert [data["name"] for data in catalogue.forms["musterleistung"]][-2:] == ["weight", "iban"]


def test_field_types_and_validators_are_checked(integration, tmp_path):
    fields = [
        {"name": "f1", "type": "zope.schema.Slider", "title": "Kein Feldtyp"},
        {"name": "f2", "type": "os.path", "title": "Ein Modul"},
        {"name": "f3", "type": 'text" onclick="x', "title": "Zitat"},
        {"name": "f4", "type": "text", "title": "IBAN", "validators": "isIBAN|isIban"},
        {"name": "f5", "type": "text", "title": "Zitat", "validators": 'isIBAN" x="y'},
    ]
    found = problems(write(tmp_path, forms=form_with(*fields)))
    where = "forms.json, form 'musterleistung', entry"
    neither = "is neither one of text, longtext, date, choice, bool, int, file nor a dotted"
    validator = "is not one of the form validators ("
    expected = [
        f"{where} 4: type 'zope.schema.Slider' {neither} field class",
        f"{where} 5: type 'os.path' {neither} field class",
        f"""{where} 6: type 'text" onclick="x' {neither} field class""",
        f"{where} 7: validator 'isIban' {validator}",
        f"""{where} 8: validator 'isIBAN" x="y' {validator}""",
    ]
    assert len(found) == len(expected), found
    for start, problem in zip(expected, found, strict=True):
        assert problem.startswith(start), (start, problem)
    assert "isGermanPostcode" in found[-1]
    assert "isNotLinkSpam" in found[-1]


def test_quotes_in_a_field_stay_inside_its_attributes():
    model = fields_model(
        [{"name": "iban", "type": "text", "title": "<IBAN>", "validators": 'isIBAN" a="&'}]
    )
    field_node = etree.fromstring(model.encode()).find(".//{*}field")
    assert field_node.get("{http://namespaces.plone.org/supermodel/easyform}validators") == (
        'isIBAN" a="&'
    )
    assert field_node.get("type") == "zope.schema.TextLine"
    assert field_node.findtext("{*}title") == "<IBAN>"


@pytest.mark.parametrize(
    "files, problem",
    [
        (
            {"users": [{**USER, "groups": ["stadtrat"]}]},
            "users.json, entry 1 (username 'sachbearbeitung'): group 'stadtrat' is neither on",
        ),
        (
            {"services": [{**SERVICE, "service_key": "123"}]},
            "services.json, entry 1 (id 'musterleistung'): service_key '123' is not",
        ),
        (
            {"forms": form_with({"name": "x", "type": "zope.schema.Slider", "title": "X"})},
            "forms.json, form 'musterleistung', entry 4: type 'zope.schema.Slider' is neither",
        ),
        (
            {"forms": form_with({"name": "x", "type": "text", "title": "X", "validators": "no"})},
            "forms.json, form 'musterleistung', entry 4: validator 'no' is not one of",
        ),
    ],
    ids=["group", "service_key", "type", "validator"],
)
def test_zconsole_script_creates_nothing_when_a_check_fails(
    functional, tmp_path, capsys, monkeypatch, files, problem
):
    from scripts import load_catalogue as script

    portal = functional["portal"]
    monkeypatch.setattr(script, "SITE_ID", portal.getId())
    assert script.main(functional["app"], write(tmp_path, **files)) == 1
    assert f"\n- {problem}" in capsys.readouterr().err
    assert "musteramt" not in portal["organisation"]
    assert "musterleistung" not in portal["leistungen"]
    assert api.user.get(username="sachbearbeitung") is None


def test_city_catalogue_is_created_once(integration, tmp_path):
    portal = integration["portal"]
    catalogue = load_catalogue(write(tmp_path))
    assert import_catalogue(catalogue) == 3
    service = portal["leistungen"]["musterleistung"]
    assert api.content.get_state(service) == "published"
    assert service.department_object() == portal["organisation"]["musteramt"]
    assert [str(row["amount"]) for row in service.fees] == ["5.00"]
    assert service.required_documents == [
        {"name": "Abgabenachweis", "note": "", "provision": "upload"}
    ]
    assert "dog_name" in service["antrag"].fields_model
    assert import_catalogue(catalogue) == 0


def test_zconsole_script_loads_a_folder_and_refuses_a_broken_one(
    functional, tmp_path, capsys, monkeypatch
):
    from scripts import load_catalogue as script

    portal = functional["portal"]
    monkeypatch.setattr(script, "SITE_ID", portal.getId())
    broken = tmp_path / "broken"
    broken.mkdir()
    write(broken, services=[{**SERVICE, "department": "finanzen"}])
    assert script.main(functional["app"], broken) == 1
    assert "department 'finanzen' is not in departments.json" in capsys.readouterr().err
    assert "musterleistung" not in portal["leistungen"]

    good = tmp_path / "good"
    good.mkdir()
    assert script.main(functional["app"], write(good)) == 0
    assert "3 items created" in capsys.readouterr().out
    assert api.content.get_state(portal["leistungen"]["musterleistung"]) == "published"
