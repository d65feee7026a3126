"""A submitted application of a service with a FIT-Connect destination is put into the outbox."""

from herne.portal.catalogued import catalogued_object
from herne.portal.fitconnect.sender import DELIVERY
from herne.portal.fitconnect.settings import destination_for
from herne.portal.outbox.storage import enqueue


def enqueue_delivery(application, event):
    """Subscriber (after a workflow transition): on "submit", one delivery entry per destination."""
    if event.new_state is None or event.new_state.getId() != "submitted":
        return
    if event.old_state is not None and event.old_state.getId() == "submitted":
        return
    service = catalogued_object(application.service_uid)
    destination = destination_for(service)
    if destination:
        enqueue(application, DELIVERY, "submitted", destination)
