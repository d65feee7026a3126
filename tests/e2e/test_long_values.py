"""Long values and unbroken strings wrap on the citizen's and the clerk's pages at phone width."""

import pytest
from tests.fixtures.applications import build_application
import transaction


pytestmark = pytest.mark.browser

#: Applications filed before the length limits may hold such values.
UNBROKEN = "DE8937040044053201300" * 1000
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmütze" * 20


@pytest.fixture()
def long_application(site):
    application = build_application(
        site,
        "fuehrungszeugnis",
        name=f"Bernd {LONG_WORD}",
        address=f"{UNBROKEN}\n44623 Herne",
        delivery="post",
        rows=[
            {"name": "purpose", "title": "Verwendungszweck", "value": UNBROKEN},
            {"name": "birth_place", "title": "Geburtsort", "value": LONG_WORD},
        ],
    )
    transaction.commit()
    return application


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_long_values_wrap_for_citizen_and_clerk(journey, long_application, width):
    citizen = journey(f"lange-angaben-buerger-{width}")
    citizen.login("buerger", "demo-buerger-2026")
    page = citizen.goto(long_application.absolute_url())
    assert UNBROKEN in page.content() and LONG_WORD in page.content()
    assert citizen.overflowing(width) == []
    citizen.goto("postkorb")
    assert citizen.overflowing(width) == []
    clerk = journey(f"lange-angaben-sachbearbeitung-{width}")
    clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
    page = clerk.goto(long_application.absolute_url())
    assert UNBROKEN in page.content()
    assert clerk.overflowing(width) == []
