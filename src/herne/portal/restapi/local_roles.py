"""REST ``@sharing``: the entries' titles in German ("Angemeldete Benutzer", not "Logged-in users")."""

from AccessControl.interfaces import IRoleManager
from herne.portal.interfaces import IHernePortalLayer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.local_roles import SerializeLocalRolesToJson
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer


@adapter(IRoleManager, IHernePortalLayer)
@implementer(ISerializeToJson)
class GermanLocalRoles(SerializeLocalRolesToJson):
    """plone.restapi hands the sharing view's message ids to json.dumps, which never translates."""

    def __call__(self, search=None):
        result = super().__call__(search=search)
        for entry in result["entries"]:
            entry["title"] = translate(entry["title"], context=self.request)
        return result
