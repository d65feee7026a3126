"""The dog-tax page tells citizens what the tax costs per year."""

import re


def test_dog_tax_page_shows_annual_rates(anon_browser, demo_portal):
    anon_browser.open(demo_portal["leistungen"]["hundesteuer"].absolute_url())
    page = re.sub(r"\s+", " ", anon_browser.contents)
    for line in (
        "156,00 €: Hundesteuer pro Jahr für den ersten Hund",
        "216,00 €: Hundesteuer pro Jahr für den zweiten Hund",
        "216,00 €: Hundesteuer pro Jahr für jeden weiteren Hund",
        "780,00 €: Hundesteuer pro Jahr für einen gefährlichen Hund",
    ):
        assert line in page
