"""The clerk's worklist: own departments only, filters, oldest first, steps per row and selection, CSV."""

from DateTime import DateTime
from herne.portal.browser import worklist
from plone import api
import pytest
from tests.fixtures.applications import CLERK
from tests.fixtures.applications import WOHNGELD_CLERK
from tests.fixtures.applications import state_of
import transaction
from zExceptions import Forbidden
from zExceptions import Unauthorized


def age(application, days):
    """Pretend the application came in ``days`` ago."""
    application.submitted = DateTime() - days
    application.reindexObject()
    transaction.commit()


@pytest.fixture()
def mixed(submitted_application):
    """Two applications of Bürgerdienste Herne-Mitte, one of the housing benefit office."""
    old = submitted_application("fuehrungszeugnis", user="buergerin")
    new = submitted_application("fuehrungszeugnis")
    housing = submitted_application("wohngeld")
    age(old, 12)
    age(new, 2)
    return {"old": old, "new": new, "housing": housing}


def listed(browser, mixed):
    """Which of the fixture's applications the page lists, in page order."""
    contents = browser.contents
    found = [
        (contents.index(app.reference_number), name)
        for name, app in mixed.items()
        if app.reference_number in contents
    ]
    return [name for _pos, name in sorted(found)]


def open_worklist(browser, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    browser.open(f"{api.portal.get().absolute_url()}/@@arbeitskorb?{query}")


def test_each_clerk_sees_only_their_departments(browser_as, mixed):
    clerk = browser_as(*CLERK)
    open_worklist(clerk)
    assert listed(clerk, mixed) == ["old", "new"]  # oldest first
    assert "Bernd Bergmann" in clerk.contents
    housing_clerk = browser_as(*WOHNGELD_CLERK)
    open_worklist(housing_clerk)
    assert listed(housing_clerk, mixed) == ["housing"]


def test_catalog_search_is_isolated_per_department(mixed):
    catalog = api.portal.get_tool("portal_catalog")
    expected = {
        "sachbearbeitung": {"old", "new"},
        "sachbearbeitung-wohngeld": {"housing"},
        "buerger": {"new", "housing"},
        "buergerin": {"old"},
        "redaktion": set(),
    }
    for username, names in expected.items():
        with api.env.adopt_user(username=username):
            found = {brain.UID for brain in catalog.searchResults(portal_type="Application")}
            text = {brain.UID for brain in catalog.searchResults(SearchableText="Bergmann")}
        assert found == {mixed[name].UID() for name in names}, username
        assert text <= found, username


def test_citizens_and_editors_get_no_worklist(browser_as, citizen, mixed):
    owner = citizen()
    open_worklist(owner)
    assert "Sie gehören zu keiner Sachbearbeitung." in owner.contents
    assert mixed["new"].reference_number not in owner.contents
    with pytest.raises(Forbidden):
        owner.open(f"{api.portal.get().absolute_url()}/@@arbeitskorb-csv")


def test_anonymous_must_log_in(demo_functional, mixed):
    from plone.testing.zope import Browser

    anonymous = Browser(demo_functional["app"])
    anonymous.handleErrors = False
    with pytest.raises(Unauthorized):
        open_worklist(anonymous)


def test_filters(browser_as, mixed, demo_portal):
    clerk = browser_as(*CLERK)
    open_worklist(clerk, age="10")
    assert listed(clerk, mixed) == ["old"]
    open_worklist(clerk, text=mixed["new"].reference_number.lower())
    assert listed(clerk, mixed) == ["new"]
    short = mixed["old"].reference_number.rsplit("-", 1)
    open_worklist(clerk, text=f"{short[0]}-{int(short[1])}")  # without leading zeros
    assert listed(clerk, mixed) == ["old"]
    open_worklist(clerk, text="Brandt")
    assert listed(clerk, mixed) == ["old"]
    open_worklist(clerk, text="Bergm")
    assert listed(clerk, mixed) == ["new"]
    open_worklist(clerk, service=demo_portal["leistungen"]["fuehrungszeugnis"].UID())
    assert listed(clerk, mixed) == ["old", "new"]
    open_worklist(clerk, service=demo_portal["leistungen"]["hundesteuer"].UID())
    assert listed(clerk, mixed) == []
    open_worklist(clerk, age="viele")
    assert "Bitte geben Sie eine ganze Zahl von Tagen an" in clerk.contents
    open_worklist(clerk, state="gibtsnicht")
    assert "Diesen Stand gibt es nicht." in clerk.contents


def test_days_waiting_are_shown(browser_as, mixed):
    clerk = browser_as(*CLERK)
    open_worklist(clerk)
    days = clerk.contents.split('class="herne-days"')[1:]
    assert [cell.split(">")[1].split("<")[0].strip() for cell in days] == ["12", "2"]


def test_row_and_bulk_steps(browser_as, mixed):
    clerk = browser_as(*CLERK)
    open_worklist(clerk)
    form = clerk.getForm(action="@@arbeitskorb", index=1)
    form.getControl(name="row_step", index=0).click()
    assert state_of(mixed["old"]) == "in_progress"
    assert state_of(mixed["new"]) == "submitted"
    assert "bei 1 Antrag/Anträgen ausgeführt" in clerk.contents

    open_worklist(clerk)
    form = clerk.getForm(action="@@arbeitskorb", index=1)
    form.getControl(name="uids:list").value = [mixed["old"].UID(), mixed["new"].UID()]
    form.getControl(name="bulk_step").value = ["accept"]
    form.getControl(name="bulk").click()
    assert state_of(mixed["new"]) == "in_progress"
    # the older one was already in progress: refused with its reason, left as it was
    assert f"{mixed['old'].reference_number}: Im Stand „In Bearbeitung“" in clerk.contents
    assert state_of(mixed["old"]) == "in_progress"


def test_tampered_step_for_another_departments_application(browser_as, mixed):
    clerk = browser_as(*CLERK)
    open_worklist(clerk)
    token = clerk.getControl(name="_authenticator", index=0).value
    clerk.post(
        f"{api.portal.get().absolute_url()}/@@arbeitskorb",
        f"_authenticator={token}&row_step={mixed['housing'].UID()}:accept",
    )
    assert "nicht gefunden oder gehört nicht zu Ihrer Organisationseinheit" in clerk.contents
    assert state_of(mixed["housing"]) == "submitted"


def test_batches(browser_as, mixed, monkeypatch):
    monkeypatch.setattr(worklist, "BATCH_SIZE", 1)
    clerk = browser_as(*CLERK)
    open_worklist(clerk)
    assert listed(clerk, mixed) == ["old"]
    open_worklist(clerk, b_start="1")
    assert listed(clerk, mixed) == ["new"]


def test_csv_export_of_the_current_filter(browser_as, mixed):
    mixed["old"].applicant_name = "=HYPERLINK(evil)"
    mixed["old"].reindexObject()
    transaction.commit()
    clerk = browser_as(*CLERK)
    clerk.open(f"{api.portal.get().absolute_url()}/@@arbeitskorb-csv?age=1")
    assert clerk.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in clerk.headers["Content-Disposition"]
    lines = clerk.contents.lstrip("\ufeff").strip().split("\r\n")
    assert (
        lines[0] == "Aktenzeichen;Leistung;Antragsteller/in;Stand;Eingegangen am;Tage seit Eingang"
    )
    rows = [line.split(";") for line in lines[1:]]
    assert [row[0] for row in rows] == [
        mixed["old"].reference_number,
        mixed["new"].reference_number,
    ]
    assert rows[0][2] == "'=HYPERLINK(evil)"
    assert rows[1][1:4] == ["Führungszeugnis beantragen", "Bernd Bergmann", "Eingegangen"]
    assert [row[5] for row in rows] == ["12", "2"]
    assert mixed["housing"].reference_number not in clerk.contents


def test_personal_bar_links_the_worklist_for_clerks_only(browser_as, citizen, demo_portal):
    clerk = browser_as(*CLERK)
    clerk.open(demo_portal.absolute_url())
    assert clerk.getLink("Arbeitskorb").url.endswith("/@@arbeitskorb")
    owner = citizen()
    owner.open(demo_portal.absolute_url())
    assert "@@arbeitskorb" not in owner.contents


def test_tampered_repeated_fields_get_no_traceback(browser_as, mixed):
    clerk = browser_as(*CLERK)
    clerk.open(f"{api.portal.get().absolute_url()}/@@arbeitskorb?state=a&state=b&text=x&text=y")
    assert listed(clerk, mixed) == ["old", "new"]  # the repeated fields count as not given
