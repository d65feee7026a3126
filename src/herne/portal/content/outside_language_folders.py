"""Applications and their files never lie in a language-independent folder: plone.app.multilingual's checks answer for them without walking up the site."""

from Acquisition import aq_base
from herne.portal.content.application import IApplication
from herne.portal.content.application_file import IApplicationFile
from plone.app.multilingual import subscriber
from plone.uuid.interfaces import ATTRIBUTE_NAME
from plone.uuid.interfaces import IUUID
from zope.component import adapter
from zope.interface import implementer


#: plone.app.multilingual's own check, taken before the patch replaces it in its module.
plone_is_language_independent = subscriber.is_language_independent


@implementer(IUUID)
@adapter(IApplication)
def application_uid(context):
    """The UID stored on the application (or file), as plone.app.multilingual's adapter answers it.

    plone.app.multilingual's ``attributeUUID`` asks every object above the content
    whether it is a language-independent folder, because content inside one gets a UID
    per language. Applications live in the application root, never in such a folder, so
    the answer is always the stored UID; the walk cost a dozen interface checks on
    Dexterity objects for each of the 15 UID look-ups of a submission.
    """
    return getattr(aq_base(context), ATTRIBUTE_NAME, None)


def is_language_independent(obj):
    """plone.app.multilingual's check before re-indexing content in every language: never for applications.

    It runs on every modification, move and workflow transition of any content and walks
    up to the site; an application or its file answers at once.
    """
    if IApplication.providedBy(obj) or IApplicationFile.providedBy(obj):
        return False
    return plone_is_language_independent(obj)
