"""When editors rename a German service, its translations are found by the new German name at once."""

from plone.app.multilingual.interfaces import ITranslationManager
import pytest
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import make_browser
from urllib.parse import quote


NEW_NAME = "Hundesteuer für Fellnasen an- und abmelden"


@pytest.fixture()
def turkish_search(anon_browser, demo_portal):
    """The Turkish dog tax page and whether the Turkish service search finds it by ``words``."""
    dog_tax = demo_portal["leistungen"]["hundesteuer"]
    turkish = ITranslationManager(dog_tax).get_translation("tr")
    search = demo_portal["tr"].absolute_url() + "/@@leistungssuche?SearchableText="

    def finds(words):
        anon_browser.open(search + quote(words))
        return turkish.absolute_url() in anon_browser.contents

    return dog_tax, finds


def test_renamed_through_rest(turkish_search, manager_session):
    dog_tax, finds = turkish_search
    assert not finds("Fellnasen")
    response = manager_session.patch(dog_tax.absolute_url(), json={"title": NEW_NAME})
    assert response.status_code == 204, response.text
    assert finds("Fellnasen")


def test_renamed_in_a_reviewed_working_copy(turkish_search, demo_functional):
    dog_tax, finds = turkish_search
    assert not finds("Fellnasen")
    app = demo_functional["app"]
    editor = make_browser(app, "redaktion", demo_password("redaktion"))
    editor.open(f"{dog_tax.absolute_url()}/@@content-checkout")
    editor.getControl(name="form.button.Checkout").click()
    working_copy_url = editor.url.split("/@@", 1)[0].rstrip("/")
    editor.open(f"{working_copy_url}/edit")
    editor.getControl(name="form.widgets.IDublinCore.title").value = NEW_NAME
    editor.getControl(name="form.buttons.save").click()
    editor.getLink(url="workflow_action=submit").click()
    reviewer = make_browser(app, "freigabe", demo_password("freigabe"))
    reviewer.open(f"{working_copy_url}/@@content-checkin")
    reviewer.getControl(name="checkin_message").value = "Name geprüft"
    reviewer.getControl(name="form.button.Checkin").click()
    assert finds("Fellnasen")
