"""The languages the portal offers: German at the site root, each translation language in its own root folder."""

from herne.portal import _
from herne.portal.i18n import GERMAN
from herne.portal.i18n import offered_languages
import logging
from plone import api
from plone.app.multilingual.interfaces import ITranslatable
from plone.app.multilingual.interfaces import ITranslationManager
from plone.base.interfaces import ILanguage
from plone.base.interfaces import INavigationRoot
from plone.base.utils import unrestricted_construct_instance
from Products.CMFPlone.interfaces.constrains import ISelectableConstrainTypes
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import alsoProvides


logger = logging.getLogger(__name__)

#: what a new or upgraded site offers until the administrator chooses otherwise
OFFERED_BY_DEFAULT = ("de", "en", "tr", "uk", "ar")

#: every language a translation may be in; a query for German originals leaves these out
TRANSLATION_LANGUAGES = ("en", "tr", "uk", "ar")

#: the name of each language in itself, as the language switch shows it
NATIVE_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "tr": "Türkçe",
    "uk": "Українська",
    "ar": "العربية",
}

#: applications and what belongs to them are records, never translated content
LANGUAGE_NEUTRAL_TYPES = ("Application", "ApplicationArea", "ApplicationFile", "ApplicationRoot")

#: the German catalogue folders get a translated twin in every language root folder
CATALOGUE_FOLDER_TITLES = {
    "leistungen": _("Leistungen A-Z"),
    "organisation": _("Organisationseinheiten"),
}

LANGUAGE_COOKIE = "I18N_LANGUAGE"
FRONT_PAGE_VIEW = "startseite"


def native_name(language):
    return NATIVE_NAMES.get(language, language)


def german_only():
    """Catalog query terms that leave translations out: German originals and language-neutral content."""
    return {
        "Language": {
            "not": sorted(set(TRANSLATION_LANGUAGES) | set(offered_languages()) - {GERMAN})
        }
    }


def content_language(obj):
    """The language of ``obj``; German for German content and for everything without a language."""
    adapter = ILanguage(obj, None) if ITranslatable.providedBy(obj) else None
    return (adapter.get_language() if adapter is not None else "") or GERMAN


def chosen_language(request):
    """The language the visitor chose with the language switch (German if none or no longer offered)."""
    language = request.get("set_language") or request.cookies.get(LANGUAGE_COOKIE) or GERMAN
    return language if language in offered_languages() else GERMAN


def show_in_chosen_language(request):
    """The page speaks the visitor's chosen language although its content is German (application forms)."""
    chosen = chosen_language(request)
    request.set("LANGUAGE", chosen)
    binding = request.get("LANGUAGE_TOOL")
    if binding is not None and hasattr(binding, "LANGUAGE"):
        binding.LANGUAGE = chosen
    return chosen


TRANSLATIONS_OF_THIS_PAGE_VIEW = "herne.portal.languages.translations"


def _page_view_memo():
    """A dict kept for one published GET of a page, else None (writes may add translations)."""
    request = getRequest()
    other = getattr(request, "other", None)
    if other is None or other.get("PUBLISHED") is None:
        return None
    if request.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    return IAnnotations(request).setdefault(TRANSLATIONS_OF_THIS_PAGE_VIEW, {})


def translation_group_brains(obj):
    """The catalog entries of ``obj``'s translation group (itself included), whoever may view them.

    The same search as plone.app.multilingual's ``get_translations``, without waking the objects.
    """
    manager = ITranslationManager(obj)
    return manager.pcatalog.unrestrictedSearchResults(TranslationGroup=manager.tg)


def _by_language(brains, value):
    found = {brain.Language: value(brain) for brain in brains}
    if "" in found:
        # German pages made before the languages (or by the demo) may carry no language yet
        found.setdefault(GERMAN, found.pop(""))
    return found


def _translation_brains(obj):
    """``translation_group_brains`` of ``obj``, searched once per published GET."""
    memo = _page_view_memo()
    key = obj.getPhysicalPath()
    if memo is None:
        return translation_group_brains(obj)
    if key not in memo:
        memo[key] = tuple(translation_group_brains(obj))
    return memo[key]


def translations(obj):
    """{language: object} of ``obj``'s translations including itself, German included.

    A page asks this several times (the page itself, its office's link, the language
    switch, the translation notice); one published GET searches each object's group once.
    """
    if not ITranslatable.providedBy(obj):
        return {}
    return _by_language(_translation_brains(obj), lambda brain: brain._unrestrictedGetObject())


def translation_urls(obj):
    """{language: address} of ``obj``'s translations including itself, without waking them.

    The language switch and the notice of a missing translation need no more than this;
    waking every translation of a service page cost more than the switch itself.
    """
    if not ITranslatable.providedBy(obj):
        return {}
    return _by_language(_translation_brains(obj), lambda brain: brain.getURL())


def german_original(obj):
    """The German page ``obj`` translates (``obj`` itself if German or not translatable)."""
    if content_language(obj) == GERMAN:
        return obj
    return translations(obj).get(GERMAN, obj)


def language_root(portal, language):
    """The root folder of ``language`` (the site root for German), or None."""
    if language == GERMAN:
        return portal
    return portal.get(language)


def setup_languages(portal):
    """Offer the languages, give each translation language its root folder and keep applications neutral.

    Returns the language root folders of the translation languages.
    """
    registry_languages = api.portal.get_registry_record("plone.available_languages")
    api.portal.set_registry_record("plone.default_language", GERMAN)
    if list(registry_languages) in ([], [GERMAN]):
        # plone.app.multilingual's subscriber runs its own site set-up here; repaired below
        api.portal.set_registry_record("plone.available_languages", list(OFFERED_BY_DEFAULT))
    return arrange_languages(portal)


def arrange_languages(portal):
    """German content stays where it is, each translation language gets its root folder.

    plone.app.multilingual's own site set-up (run whenever the offered languages change)
    makes a German root folder ``/de``, turns the site root's view into a redirect and
    makes the existing content language-neutral, which would break every address and the
    front page. The site root stays the German root instead; this undoes that set-up.
    """
    keep_applications_neutral()
    keep_front_page(portal)
    with api.env.adopt_roles(["Manager"]):
        german_root = portal.get(GERMAN)
        if german_root is not None and german_root.portal_type == "LRF":
            api.content.delete(obj=german_root, check_linkintegrity=False)
        mark_german_content(portal)
        roots = [ensure_language_root(portal, language) for language in offered_languages()[1:]]
    grant_editorial_roles(roots)
    return roots


def keep_front_page(portal):
    site_fti = api.portal.get_tool("portal_types")["Plone Site"]
    site_fti.view_methods = tuple(v for v in site_fti.view_methods if v != "language-switcher")
    if site_fti.default_view == "language-switcher":
        site_fti.default_view = FRONT_PAGE_VIEW
    if portal.getLayout() == "language-switcher":
        portal.setLayout(FRONT_PAGE_VIEW)


def grant_editorial_roles(roots):
    """The catalogue's editors translate into every language root folder."""
    from herne.portal.setuphandlers import EDITORIAL_GROUPS

    for group_id, _title, roles in EDITORIAL_GROUPS:
        if api.group.get(groupname=group_id) is None:
            continue
        for root in roots:
            api.group.grant_roles(groupname=group_id, obj=root, roles=list(roles))
    for root in roots:
        root.reindexObjectSecurity()


def offered_languages_changed(settings, event):
    """The administrator changed the offered languages: root folders for new ones, German stays put."""
    if event.record.__name__ != "plone.available_languages":
        return
    portal = api.portal.get()
    if getattr(portal, "portal_catalog", None) is None:
        return
    arrange_languages(portal)


def keep_applications_neutral():
    types_tool = api.portal.get_tool("portal_types")
    for type_id in LANGUAGE_NEUTRAL_TYPES:
        fti = types_tool.get(type_id)
        if fti is not None and "plone.translatable" in fti.behaviors:
            fti._updateProperty(
                "behaviors", tuple(b for b in fti.behaviors if b != "plone.translatable")
            )


def mark_german_content(portal):
    """Translatable content outside the language root folders without a language is German."""
    catalog = api.portal.get_tool("portal_catalog")
    root_path = "/".join(portal.getPhysicalPath())
    skip = tuple(f"{root_path}/{code}" for code in (*TRANSLATION_LANGUAGES, GERMAN))
    types = [t for t in catalog.uniqueValuesFor("portal_type") if t not in LANGUAGE_NEUTRAL_TYPES]
    for brain in catalog.unrestrictedSearchResults(portal_type=types):
        path = brain.getPath()
        if brain.Language or any(path == p or path.startswith(p + "/") for p in skip):
            continue
        obj = brain._unrestrictedGetObject()
        if ITranslatable.providedBy(obj):
            ILanguage(obj).set_language(GERMAN)
            obj.reindexObject(idxs=["Language", "TranslationGroup"])


def ensure_language_root(portal, language):
    """The root folder ``/<language>`` with the front page and translated catalogue folders."""
    folder = portal.get(language)
    if folder is None:
        unrestricted_construct_instance("LRF", portal, language)
        folder = portal[language]
        ILanguage(folder).set_language(language)
        folder.setTitle(native_name(language))
        folder.exclude_from_nav = True
        if api.content.get_state(folder) != "published":
            api.content.transition(obj=folder, transition="publish")
        logger.info("Language root folder /%s created", language)
    if not INavigationRoot.providedBy(folder):
        alsoProvides(folder, INavigationRoot)
    folder.setLayout(FRONT_PAGE_VIEW)
    for folder_id, title in CATALOGUE_FOLDER_TITLES.items():
        german = portal.get(folder_id)
        if german is None or not ITranslatable.providedBy(german):
            continue
        manager = ITranslationManager(german)
        if manager.has_translation(language):
            continue
        translated = folder.get(folder_id)
        if translated is None:
            translated = api.content.create(
                container=folder,
                type=german.portal_type,
                id=folder_id,
                title=translate(title, target_language=language),
            )
            ILanguage(translated).set_language(language)
            if german.getLayout():
                translated.setLayout(german.getLayout())
            copy_type_constraints(german, translated)
            translated.exclude_from_nav = getattr(german, "exclude_from_nav", False)
            if api.content.get_state(translated) != "published":
                api.content.transition(obj=translated, transition="publish")
        manager.register_translation(language, translated)
        translated.reindexObject()
    folder.reindexObject()
    return folder


def copy_type_constraints(source, target):
    source_constraints = ISelectableConstrainTypes(source)
    target_constraints = ISelectableConstrainTypes(target)
    target_constraints.setConstrainTypesMode(source_constraints.getConstrainTypesMode())
    target_constraints.setLocallyAllowedTypes(source_constraints.getLocallyAllowedTypes())
    target_constraints.setImmediatelyAddableTypes(source_constraints.getImmediatelyAddableTypes())
