"""``GET @registry/<record>``: an unknown record is 404 in German, not a server error."""

from herne.portal import _
from herne.portal.restapi.services.base import JSONService
from plone.registry.interfaces import IRegistry
from plone.restapi.services.registry.get import RegistryGet
from zope.component import getUtility


class KnownRecordsRegistryGet(JSONService, RegistryGet):
    """plone.restapi's ``@registry``; a record name it does not know answers 404."""

    def reply(self):
        if self.params and (
            len(self.params) != 1 or self.params[0] not in getUtility(IRegistry).records
        ):
            return self.error(404, message=_("Diese Einstellung gibt es nicht."))
        return RegistryGet.reply(self)
