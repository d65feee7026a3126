"""The service page names its office without rendering the office's whole page inside it."""

from herne.portal.content.department import Department
from unittest import mock


def test_service_page_does_not_render_the_office_page(anon_browser, demo_portal):
    service = demo_portal["leistungen"]["hundesteuer"]
    office = service.department_object()
    with mock.patch.object(Department, "__call__", autospec=True) as rendered:
        anon_browser.open(service.absolute_url())
    assert rendered.call_count == 0
    # the office is still named and linked
    assert office.title in anon_browser.contents
    assert office.absolute_url() in anon_browser.contents


def test_service_page_looks_up_each_pages_translations_once(anon_browser, demo_portal):
    """Page, office link, language switch and translation notice share one look-up per page."""
    from herne.portal import languages

    service = demo_portal["leistungen"]["hundesteuer"]
    original = languages.translation_group_brains
    asked = []

    def counting(obj):
        asked.append(obj.getPhysicalPath())
        return original(obj)

    with mock.patch.object(languages, "translation_group_brains", side_effect=counting):
        anon_browser.open(service.absolute_url())
    assert asked, "the language switch still lists the page's translations"
    assert len(asked) == len(set(asked))
    # the switch still offers every language
    for language in ("en", "tr", "uk", "ar"):
        assert f'hreflang="{language}"' in anon_browser.contents


def test_language_switch_does_not_wake_the_translations(anon_browser, demo_portal):
    """The German service page links its four translations from the catalog alone."""
    from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

    service = demo_portal["leistungen"]["hundesteuer"]
    with mock.patch.object(
        AbstractCatalogBrain,
        "_unrestrictedGetObject",
        autospec=True,
        side_effect=AbstractCatalogBrain._unrestrictedGetObject,
    ) as woken:
        anon_browser.open(service.absolute_url())
    woken_paths = {brain.getPath() for (brain,), _kw in woken.call_args_list}
    for language in ("en", "tr", "uk", "ar"):
        translated = f"{demo_portal.absolute_url()}/{language}/leistungen/hundesteuer"
        assert f'href="{translated}?set_language={language}"' in anon_browser.contents
        assert not any(path.endswith(f"/{language}/leistungen/hundesteuer") for path in woken_paths)


def test_service_page_asks_for_its_office_once(anon_browser, demo_portal):
    """Office, its link and its address are looked up once, though the page shows them twice."""
    from herne.portal.browser.service import ServiceView

    service = demo_portal["leistungen"]["hundesteuer"]
    office = service.department_object()
    with (
        mock.patch.object(
            ServiceView, "department", autospec=True, side_effect=ServiceView.department
        ) as looked_up,
        mock.patch.object(
            ServiceView, "department_link", autospec=True, side_effect=ServiceView.department_link
        ) as linked,
    ):
        anon_browser.open(service.absolute_url())
    assert looked_up.call_count == 1
    assert linked.call_count == 1
    # named and linked in "Zuständige Stelle", with its address and telephone
    contents = anon_browser.contents
    assert contents.count(office.absolute_url()) >= 1
    assert f'href="tel:{office.phone.replace(" ", "")}"' in contents
