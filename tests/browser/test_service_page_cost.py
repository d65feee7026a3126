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
