"""Clerks' pages are German whatever language the clerk's cookie or browser asks for."""

from herne.portal.i18n import CHOSEN
from herne.portal.i18n import GERMAN
from zope.interface import Interface


class IGermanPage(Interface):
    """A page of the city's staff (worklist, Postausgang, day list ...): always shown in German.

    A page shared with citizens says by ``shown_in_german()`` whether the current user reads it in German.
    """


def speak_german(request):
    """Everything this request renders (labels, state titles, ``lang``) is German."""
    request.set(CHOSEN, GERMAN)
    request.set("LANGUAGE", GERMAN)
    binding = request.get("LANGUAGE_TOOL")
    if binding is not None and hasattr(binding, "LANGUAGE"):
        binding.LANGUAGE = GERMAN
        binding.DEFAULT_LANGUAGE = GERMAN
        binding.LANGUAGE_LIST = []


def german_for_staff(event):
    """Subscriber of ``IPubAfterTraversal``: a staff page found by traversal speaks German.

    Plone negotiated the language while traversing (the I18N_LANGUAGE cookie a clerk set
    with the language switch, or the browser's Accept-Language); the page decides now.
    """
    view = event.request.get("PUBLISHED")
    if not IGermanPage.providedBy(view):
        return
    shown_in_german = getattr(view, "shown_in_german", None)
    if shown_in_german is None or shown_in_german():
        speak_german(event.request)
