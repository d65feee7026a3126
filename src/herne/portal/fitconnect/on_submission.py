"""A submitted application of a service with a FIT-Connect destination is put into the outbox."""

from herne.portal.fitconnect.sender import DELIVERY
from herne.portal.fitconnect.settings import destination_for
from herne.portal.outbox.storage import enqueue
from plone import api


def enqueue_delivery(application, event):
    """Subscriber (after a workflow transition): on "submit", one delivery entry per destination."""
    if event.new_state is None or event.new_state.getId() != "submitted":
        return
    if event.old_state is not None and event.old_state.getId() == "submitted":
        return
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=application.service_uid)
    service = brains[0]._unrestrictedGetObject() if brains else None
    destination = destination_for(service)
    if destination:
        enqueue(application, DELIVERY, "submitted", destination)
