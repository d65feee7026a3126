"""A change to a published service reaches citizens only after review (working copies)."""

import pytest
from tests.fixtures.browsers import demo_password
from tests.fixtures.browsers import make_browser
import transaction
from zExceptions import Unauthorized


NEW_FEE = "7,50"


@pytest.fixture()
def people(demo_functional):
    app = demo_functional["app"]
    return {
        "editor": make_browser(app, "redaktion", demo_password("redaktion")),
        "reviewer": make_browser(app, "freigabe", demo_password("freigabe")),
        "anonymous": make_browser(app),
    }


def fees_section(browser, url):
    browser.open(url)
    section = browser.contents.split('class="herne-fees"', 1)[1]
    return section.split("</section>", 1)[0]


def test_editor_changes_the_fee_in_a_working_copy_and_citizens_see_it_after_check_in(
    demo_portal, people
):
    service = demo_portal["leistungen"]["hundesteuer"]
    url = service.absolute_url()
    old_fee = fees_section(people["anonymous"], url)
    assert f"{NEW_FEE}\xa0€" not in old_fee
    editor = people["editor"]

    # The published page cannot be edited directly.
    with pytest.raises(Unauthorized):
        editor.open(f"{url}/edit")

    editor.open(f"{url}/@@content-checkout")
    editor.getControl(name="form.button.Checkout").click()
    working_copy_url = editor.url.split("/@@", 1)[0].rstrip("/")
    assert working_copy_url.endswith("/leistungen/working_copy_of_hundesteuer")
    assert "Arbeitskopie erzeugt" in editor.contents
    # The copy has its department; nothing says it could not be published for lack of one.
    assert "kann erst veröffentlicht werden" not in editor.contents
    editor.open(f"{working_copy_url}/edit")
    editor.getControl(name="form.widgets.fees.0.widgets.amount").value = NEW_FEE
    editor.getControl(name="form.buttons.save").click()
    assert "Änderungen gespeichert" in editor.contents
    editor.getLink(url="workflow_action=submit").click()
    assert "Zur Freigabe" in editor.contents

    # Until the review, citizens see the published fee, and not the working copy.
    assert fees_section(people["anonymous"], url) == old_fee
    with pytest.raises(Unauthorized):
        people["anonymous"].open(working_copy_url)
    # The editor cannot put the change live.
    with pytest.raises(Unauthorized):
        editor.open(f"{working_copy_url}/@@content-checkin")

    reviewer = people["reviewer"]
    reviewer.open(f"{working_copy_url}/@@content-checkin")
    reviewer.getControl(name="checkin_message").value = "Gebühr geprüft"
    reviewer.getControl(name="form.button.Checkin").click()
    assert reviewer.url.rstrip("/").endswith("/leistungen/hundesteuer")

    transaction.begin()
    assert "working_copy_of_hundesteuer" not in demo_portal["leistungen"]
    fees = fees_section(people["anonymous"], url)
    assert f"{NEW_FEE}\xa0€" in fees
    # The application form stays with the service.
    assert "antrag" in demo_portal["leistungen"]["hundesteuer"]
