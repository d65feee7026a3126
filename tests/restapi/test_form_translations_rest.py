"""@formular-uebersetzungen: editors read and change a form's translations; citizens and visitors are refused."""

from herne.portal.easyform.form_translations import form_translations
import pytest
from tests.fixtures.browsers import demo_password
from tests.fixtures.rest import relative
import transaction


def translations_path(portal):
    return (
        relative(portal["leistungen"]["hundesteuer"]["antrag"], portal)
        + "/@formular-uebersetzungen"
    )


@pytest.fixture()
def editor_session(api_session):
    return api_session("redaktion", demo_password("redaktion"))


def test_editor_reads_german_texts_and_translations(editor_session, rest_portal, check):
    response = editor_session.get(translations_path(rest_portal))

    check(response, 200)
    body = response.json()
    assert body["languages"] == ["en", "tr", "uk", "ar"]
    fields = {field["name"]: field for field in body["fields"]}
    assert fields["dog_breed"]["title"] == "Rasse"
    assert {"value": "Hund anmelden", "title": "Hund anmelden"} in fields["registration_type"][
        "values"
    ]
    assert body["translations"]["tr"]["dog_name"] == {"title": "Köpeğin adı"}


def test_editor_changes_one_text_and_empties_another(editor_session, rest_portal, check):
    response = editor_session.patch(
        translations_path(rest_portal),
        json={
            "translations": {
                "tr": {
                    "dog_name": {"title": "Köpeğinizin adı"},
                    "dog_breed": {"title": ""},
                    "registration_type": {"values": {"Hund abmelden": "Kayıt silme"}},
                }
            }
        },
    )

    check(response, 200)
    turkish = response.json()["translations"]["tr"]
    assert turkish["dog_name"] == {"title": "Köpeğinizin adı"}
    assert "dog_breed" not in turkish  # shown in German again
    assert turkish["registration_type"]["values"] == {
        "Hund anmelden": "Köpek kaydı yaptırmak",
        "Hund abmelden": "Kayıt silme",
    }
    transaction.begin()
    stored = form_translations(rest_portal["leistungen"]["hundesteuer"]["antrag"])
    assert stored["tr"]["dog_name"]["title"] == "Köpeğinizin adı"
    assert stored["en"]["dog_breed"]["title"] == "Breed"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"tr": {"password": {"title": "Şifre"}}}, "Das Formular hat kein Feld „password“."),
        (
            {"tr": {"registration_type": {"values": {"Katze anmelden": "Kedi"}}}},
            "Das Feld „registration_type“ hat keine Auswahl „Katze anmelden“.",
        ),
        (
            {"fr": {"dog_name": {"title": "Nom du chien"}}},
            "Die Sprache „fr“ wird für Formulare nicht angeboten.",
        ),
        (
            {"de": {"dog_name": {"title": "Hundename"}}},
            "Die Sprache „de“ wird für Formulare nicht angeboten.",
        ),
        ({"tr": {"dog_name": {"title": 42}}}, "Die Übersetzung muss ein Text sein."),
    ],
)
def test_bad_changes_are_refused_in_german_and_nothing_is_saved(
    editor_session, rest_portal, check, change, message
):
    response = editor_session.patch(
        translations_path(rest_portal),
        json={"translations": {"tr": {"dog_name": {"title": "Değişti"}}, **change}},
    )

    check(response, 400)
    assert message in [error["message"] for error in response.json()["error"]["errors"]]
    transaction.begin()
    stored = form_translations(rest_portal["leistungen"]["hundesteuer"]["antrag"])
    assert stored["tr"]["dog_name"]["title"] == "Köpeğin adı"


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
@pytest.mark.parametrize("method", ["get", "patch"])
def test_citizens_and_visitors_are_refused(api_session, rest_portal, check, who, method):
    session = (
        api_session() if who == "anonymous" else api_session("buerger", demo_password("buerger"))
    )

    response = getattr(session, method)(
        translations_path(rest_portal),
        json={"translations": {"tr": {"dog_name": {"title": "Değişti"}}}},
    )

    check(response, 401)
    transaction.begin()
    stored = form_translations(rest_portal["leistungen"]["hundesteuer"]["antrag"])
    assert stored["tr"]["dog_name"]["title"] == "Köpeğin adı"


def test_a_turkish_rest_client_reads_the_editors_labels_and_german_where_none(
    editor_session, api_session, rest_portal
):
    editor_session.patch(
        translations_path(rest_portal),
        json={
            "translations": {
                "tr": {"dog_name": {"title": "Köpeğinizin adı"}, "dog_breed": {"title": ""}}
            }
        },
    )
    citizen = api_session("buerger", demo_password("buerger"))

    form = relative(rest_portal["leistungen"]["hundesteuer"]["antrag"], rest_portal)
    turkish = citizen.get(f"{form}/@antragsformular?language=tr").json()
    german = citizen.get(f"{form}/@antragsformular").json()

    titles = {field["name"]: field["title"] for field in turkish["fields"]}
    assert titles["dog_name"] == "Köpeğinizin adı"
    assert titles["dog_breed"] == "Rasse"
    assert {field["name"]: field["title"] for field in german["fields"]}["dog_name"] == (
        "Name des Hundes"
    )


def test_a_turkish_rest_client_reads_help_texts_and_choices_with_german_values(
    api_session, rest_portal
):
    citizen = api_session("buerger", demo_password("buerger"))
    form = relative(rest_portal["leistungen"]["hundesteuer"]["antrag"], rest_portal)
    turkish = {
        field["name"]: field
        for field in citizen.get(f"{form}/@antragsformular?language=tr").json()["fields"]
    }
    german = {
        field["name"]: field for field in citizen.get(f"{form}/@antragsformular").json()["fields"]
    }

    # the value to send stays the German form's, the title is the one to show
    assert {"value": "Hund abmelden", "title": "Köpeğin kaydını sildirmek"} in turkish[
        "registration_type"
    ]["choices"]
    assert {"value": "Hund abmelden", "title": "Hund abmelden"} in german["registration_type"][
        "choices"
    ]
    assert turkish["privacy_consent"]["description"] == (
        "Veri koruma bilgilerini hizmetin sayfasında bulabilirsiniz."
    )
    assert german["privacy_consent"]["description"].startswith("Die Datenschutzhinweise")
    # a help text nobody translated is German, a field without choices has none
    assert turkish["dog_name"]["choices"] is None
    assert turkish["iban"]["description"] == german["iban"]["description"]
