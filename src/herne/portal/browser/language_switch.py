"""The language switch on every page and the notice where a translation is missing or older than German."""

from Acquisition import aq_inner
from collective.easyform.interfaces import IEasyForm
from herne.portal import _
from herne.portal.german_pages import IGermanPage
from herne.portal.i18n import GERMAN
from herne.portal.i18n import direction
from herne.portal.i18n import offered_languages
from herne.portal.languages import chosen_language
from herne.portal.languages import content_language
from herne.portal.languages import language_root
from herne.portal.languages import native_name
from herne.portal.languages import translation_urls
from herne.portal.languages import translations
from html import escape
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.app.multilingual.interfaces import ILanguageRootFolder
from plone.app.multilingual.interfaces import ITranslatable
from plone.base.interfaces import IPloneSiteRoot
from urllib.parse import urlencode
from zope.i18n import translate


def translatable_page(context):
    """The translatable content the page shows, or None (site root, language roots, applications)."""
    context = aq_inner(context)
    if IPloneSiteRoot.providedBy(context) or ILanguageRootFolder.providedBy(context):
        return None
    if IEasyForm.providedBy(context):
        # a form is translated field by field on the German form itself
        return None
    return context if ITranslatable.providedBy(context) else None


def with_language(url, language):
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({'set_language': language})}"


def switch_targets(context, request):
    """[(language, url)] for every offered language: the translation if there is one, else German."""
    portal = api.portal.get()
    page = translatable_page(context)
    known = translation_urls(page) if page is not None else {}
    german_url = known.get(GERMAN) or (page.absolute_url() if page is not None else None)
    actual_url = request.get("ACTUAL_URL") or context.absolute_url()
    at_root = (
        IPloneSiteRoot.providedBy(context) or ILanguageRootFolder.providedBy(context)
    ) and actual_url.rstrip("/") in {
        context.absolute_url() + suffix for suffix in ("", "/startseite", "/view")
    }
    targets = []
    for language in offered_languages():
        if page is not None:
            url = known.get(language) or german_url
        elif at_root:
            root = language_root(portal, language) or portal
            url = root.absolute_url()
        else:
            # language-neutral pages (Postkorb, applications, forms' views): same page
            url = actual_url
        targets.append((language, with_language(url, language)))
    return targets


class LanguageSwitch(ViewletBase):
    """Links to the page in every offered language, each named in its own language."""

    def staff_page(self):
        """A page of the city's staff shown to them: always German, so no switch to offer."""
        if not IGermanPage.providedBy(self.view):
            return False
        shown_in_german = getattr(self.view, "shown_in_german", None)
        return shown_in_german is None or shown_in_german()

    def render(self):
        languages = offered_languages()
        if len(languages) < 2 or self.staff_page():
            return ""
        current = self.request.get("LANGUAGE") or GERMAN
        label = translate(_("Sprache wählen"), context=self.request)
        items = []
        for language, url in switch_targets(self.context, self.request):
            current_attr = ' aria-current="true"' if language == current else ""
            items.append(
                f'<li><a href="{escape(url)}" lang="{language}" hreflang="{language}" '
                f'dir="{direction(language)}"{current_attr}>{escape(native_name(language))}</a></li>'
            )
        return (
            f'<nav class="herne-language-switch" aria-label="{escape(label)}">'
            f'<ul class="list-inline mb-0">{"".join(items)}</ul></nav>'
        )


class TranslationNotice(ViewletBase):
    """Tells the reader when the page is not in their language or its translation is out of date."""

    def render(self):
        page = translatable_page(self.context)
        if page is None:
            return ""
        chosen = chosen_language(self.request)
        language = content_language(page)
        if language == GERMAN:
            if chosen != GERMAN and chosen not in translation_urls(page):
                return self._missing(chosen)
            return ""
        german = translations(page).get(GERMAN)
        if german is not None and german.modified() > page.modified():
            return self._outdated(language, german)
        return ""

    def _missing(self, chosen):
        text = translate(
            _("Diese Seite ist noch nicht übersetzt. Sie lesen die deutsche Fassung."),
            target_language=chosen,
        )
        return (
            f'<aside class="herne-translation-notice alert alert-info" role="note" '
            f'lang="{chosen}" dir="{direction(chosen)}"><p class="mb-0">{escape(text)}</p></aside>'
        )

    def _outdated(self, language, german):
        text = translate(
            _(
                "Die deutsche Fassung dieser Seite wurde nach dieser Übersetzung geändert "
                "(am ${date}). Im Zweifel gilt die deutsche Fassung.",
                mapping={"date": german.modified().strftime("%d.%m.%Y")},
            ),
            target_language=language,
        )
        link = translate(_("Deutsche Fassung lesen"), target_language=language)
        href = with_language(german.absolute_url(), GERMAN)
        return (
            f'<aside class="herne-translation-notice alert alert-warning" role="note" '
            f'lang="{language}" dir="{direction(language)}"><p class="mb-0">{escape(text)} '
            f'<a href="{escape(href)}">{escape(link)}</a></p></aside>'
        )
