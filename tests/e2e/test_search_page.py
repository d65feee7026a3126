"""Plone's search page reads at phone width and finds services despite misspellings."""

from playwright.sync_api import expect
import pytest


pytestmark = pytest.mark.browser


class TestSearchPage:
    def test_search_page_at_phone_width(self, journey):
        person = journey("suche")
        page = person.goto("@@search?SearchableText=Hundesteur")
        expect(page.locator("#search-results")).to_contain_text("Hundesteuer an- und abmelden")
        expect(page.locator(".herne-did-you-mean")).to_contain_text("Meinten Sie")
        person.check("Suche mit Tippfehler")

    def test_service_search_offers_the_right_service(self, journey):
        person = journey("leistungssuche")
        page = person.goto("@@leistungssuche?SearchableText=Fuehrungszeugnis")
        suggestion = page.locator(".herne-did-you-mean")
        expect(suggestion).to_contain_text("Meinten Sie")
        suggestion.get_by_role("link", name="Führungszeugnis").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Führungszeugnis")
        person.check("Leistung aus Meinten Sie")
