"""What the catalog knows about a service page: facets for A-Z, life situations and search."""

from herne.portal.content.service import IService
from herne.portal.i18n import in_german
from herne.portal.languages import content_language
from herne.portal.languages import german_original
from herne.portal.reporting.maturity import stored_facts
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory


@indexer(IService)
def life_situations(obj):
    return tuple(obj.life_situations or ())


@indexer(IService)
def online_availability(obj):
    return obj.online_availability


@indexer(IService)
def service_facts(obj):
    """What the badge on listings is decided from (``reporting.maturity.badge_of``)."""
    return stored_facts(obj)


@indexer(IService)
def service_key(obj):
    return obj.service_key or None


@indexer(IService)
def trust_level(obj):
    return obj.trust_level


@indexer(IService)
def department_uid(obj):
    department = obj.department_object()
    return department.UID() if department is not None else None


def _life_situation_titles(obj, language=None):
    vocabulary = getUtility(IVocabularyFactory, "herne.portal.LifeSituations")(obj)
    for key in obj.life_situations or ():
        if key in vocabulary:
            title = vocabulary.getTerm(key).title
            yield translate(title, target_language=language) if language else in_german(title)


def _plain_text(obj, html):
    transforms = getToolByName(obj, "portal_transforms")
    data = transforms.convertTo("text/plain", html, mimetype="text/html")
    return data.getData() if data is not None else ""


@indexer(IService)
def searchable_text(obj):
    parts = [obj.title, obj.description, obj.service_key]
    parts.extend(obj.subject or ())
    parts.extend(_life_situation_titles(obj))
    parts.extend(row.get("name") for row in obj.required_documents or ())
    if obj.prerequisites is not None:
        parts.append(_plain_text(obj, obj.prerequisites.raw))
    # Citizens who search in simple words find the service by its Leichte-Sprache summary.
    parts.append(getattr(obj, "plain_language_summary", None))
    department = obj.department_object()
    if department is not None:
        parts.append(department.title)
    # A translation is found by the German name too, from any language.
    original = german_original(obj)
    if original is not obj:
        parts.extend([original.title, *(original.subject or ())])
        parts.extend(_life_situation_titles(obj, content_language(obj)))
    return " ".join(part for part in parts if part)
