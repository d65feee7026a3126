"""Work left for the end of the request this thread publishes, once the publisher has committed its transaction.

Zope's publisher commits the request's transaction and then notifies ``IPubSuccess``
(``IPubFailure`` after an abort), before the answer goes out. What a commit of the
request left for later runs there (``at_request_end``): the cataloguing of new
applications on the request's own connection (``index_after_commit``), then the wake-up
of the outbox worker, so that the worker finds them catalogued. A callback never makes
the request fail: its errors are logged.
"""

import logging
import threading
import transaction
from zope.globalrequest import getRequest


logger = logging.getLogger("herne.portal.conflicts")

_publishing = threading.local()


def publishing_started(event):
    """``IPubStart``: this thread publishes ``event.request``; nothing is left for its end yet."""
    _publishing.request = event.request
    _publishing.callbacks = []


def publishing_ended(event):
    """``IPubSuccess``/``IPubFailure``: run what the request's commits left for its end, in order."""
    callbacks = getattr(_publishing, "callbacks", None) or []
    _publishing.request = None
    _publishing.callbacks = []
    for _first, callback in sorted(callbacks, key=lambda item: not item[0]):
        try:
            callback()
        except Exception:
            logger.exception("work left for the end of the request failed")


def publishing_with(manager):
    """Whether this thread publishes a request whose transactions the transaction manager ``manager`` runs."""
    request = getattr(_publishing, "request", None)
    return (
        request is not None
        and getRequest() is request
        and manager in (transaction.manager, transaction.manager.manager)
    )


def at_request_end(manager, callback, first=False):
    """Leave ``callback()`` for the end of the request whose transactions ``manager`` runs; False (nothing left) outside a request.

    Callbacks left with ``first`` run before the others, each group in the order left.
    """
    if not publishing_with(manager):
        return False
    _publishing.callbacks.append((first, callback))
    return True
