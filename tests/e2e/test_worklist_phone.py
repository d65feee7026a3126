"""The worklist on a phone: each application a readable card, at 320 and 375 px."""

import pytest
from tests.fixtures.applications import FIRST_NAME_ROW
from tests.fixtures.applications import build_application
import transaction


pytestmark = pytest.mark.browser

PHONE_WIDTHS = (320, 375)
#: A value narrower than this is squeezed (a column of single letters is about 10 px).
MIN_VALUE_WIDTH = 120

VALUES = """() => [...document.querySelectorAll('.herne-worklist-table tbody td')].map(cell => {
    const value = cell.querySelector(':scope > span');
    const box = (value || cell).getBoundingClientRect();
    return {label: cell.dataset.label, text: cell.innerText.trim(), width: box.width,
            label_shown: getComputedStyle(cell, '::before').content};
})"""


class TestWorklistOnAPhone:
    @pytest.fixture(autouse=True)
    def applications(self, site):
        for user in ("buerger", "buergerin"):
            application = build_application(
                site,
                "fuehrungszeugnis",
                user,
                name="Maximiliane Mustermann-Schulze",
                rows=[FIRST_NAME_ROW],
            )
        application.clerk_news = "message"
        application.reindexObject()
        transaction.commit()

    def test_rows_are_labelled_cards_without_sideways_scrolling(self, journey):
        clerk = journey("arbeitskorb-telefon")
        clerk.login("sachbearbeitung", "demo-sachbearbeitung-2026")
        page = clerk.goto("arbeitskorb")
        clerk.check("Arbeitskorb")
        for width in PHONE_WIDTHS:
            assert clerk.overflowing(width) == [], width
            cells = page.evaluate(VALUES)
            assert len(cells) >= 16, cells
            for cell in cells:
                assert cell["label"], cell
                assert cell["label"] in cell["label_shown"], (width, cell)  # named on the card
                assert cell["width"] >= MIN_VALUE_WIDTH, (width, cell)
            assert page.evaluate(
                "() => [...document.querySelectorAll('.table-responsive')]"
                ".every(box => box.scrollWidth <= box.clientWidth + 1)"
            ), width
            assert clerk.violations() == [], width
        assert "Neue Nachricht" in page.inner_text(".herne-worklist-table")
