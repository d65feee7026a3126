"""A service's translation shares its department and other language-independent fields from the start."""

from herne.portal.content.service import IService
from plone.app.multilingual.dx.interfaces import ILanguageIndependentField


def test_language_independent_fields_are_marked_without_any_form_shown():
    # multilingual copies only marked fields to a new translation; without the mark a
    # translation made by a script or REST had no department and could not be published
    shared = [name for name in IService if ILanguageIndependentField.providedBy(IService[name])]
    assert "department" in shared
    assert "online_availability" in shared
    assert "service_key" in shared
