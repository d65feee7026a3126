"""The dashboard's charts stay legible: every label renders at 12 px or more, on desktop and phone."""

import pytest


pytestmark = pytest.mark.browser

MIN_FONT_PX = 12
WIDTHS = (1280, 375, 320)

#: Each chart text's font size as rendered: its computed size times the SVG's scale on screen.
RENDERED_SIZES = """() => [...document.querySelectorAll('svg.herne-chart text')].map(text => ({
    text: text.textContent,
    px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
    right: text.getBoundingClientRect().right,
    chart_right: text.closest('svg').getBoundingClientRect().right,
}))"""


class TestDashboardCharts:
    def test_chart_labels_are_at_least_12_px_at_every_width(self, journey):
        person = journey("dashboard-diagramme")
        person.login("digitalisierung", "demo-digitalisierung-2026")
        page = person.goto("@@ozg-dashboard")
        person.check("OZG-Dashboard")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            sizes = page.evaluate(RENDERED_SIZES)
            assert len(sizes) >= 10, sizes
            small = [item for item in sizes if item["px"] < MIN_FONT_PX]
            assert not small, (width, small[:5])
            # no label is cut off at the chart's edge
            cut = [item for item in sizes if item["right"] > item["chart_right"] + 1]
            assert not cut, (width, cut[:5])
            assert person.overflowing(width) == [], width
