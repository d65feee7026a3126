"""German names where the theme page or Plone's form templates write them in English.

Barceloneta's theme HTML names the close button of the mobile navigation "Close";
plone.app.z3cform's form macros title the icons of their status messages "Error" and
"Info" (``tag_alt``), which screen readers read out.
"""

from herne.portal import _
from herne.portal.interfaces import IHernePortalLayer
from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


#: English accessible names in the theme's HTML (plonetheme.barceloneta/theme/index.html),
#: which no message catalogue reaches, and what they say in German.
THEME_LABELS = {
    "Close": _("Schließen"),
}
#: English titles of icons (SVG ``<title>``) that Plone's templates hard-code.
ICON_TITLES = {
    "Error": _("Fehler"),
    "Info": _("Hinweis"),
}


@implementer(ITransform)
@adapter(Interface, IHernePortalLayer)
class ThemeLabels:
    """Runs right after the theme (order 8850) on the themed page tree."""

    order = 8860

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return None

    def transformUnicode(self, result, encoding):
        return None

    def transformIterable(self, result, encoding):
        if not isinstance(result, XMLSerializer):
            return None
        for english, german in THEME_LABELS.items():
            for element in result.tree.xpath("//*[@aria-label=$label]", label=english):
                element.set("aria-label", translate(german, context=self.request))
        for english, german in ICON_TITLES.items():
            for title in result.tree.xpath(
                "//*[local-name()='svg']/*[local-name()='title'][normalize-space()=$text]",
                text=english,
            ):
                title.text = translate(german, context=self.request)
        return result
