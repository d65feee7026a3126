"""An application that is deleted (retention, a withdrawn draft) takes its outbox entries with it."""

from herne.portal.outbox.storage import get_outbox
from plone.uuid.interfaces import IUUID


def remove_entries(application, event):
    uid = IUUID(application, None)
    outbox = get_outbox(create=False)
    if uid and outbox is not None:
        outbox.remove_application(uid)
