"""Guards of the application workflow: originals, delivery by post."""

from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView


def open_originals(application):
    """Names of the originals still to be shown at the counter."""
    return [item["name"] for item in application.originals or () if not item.get("shown_at")]


def tick_original(application, name, userid):
    """Record that the original ``name`` was shown at the counter: who and when."""
    originals = [dict(item) for item in application.originals or ()]
    for item in originals:
        if item["name"] == name and not item.get("shown_at"):
            item["shown_at"] = DateTime()
            item["checked_by"] = userid
    application.originals = originals  # a new list, so that the change is stored


def service_of(application):
    with api.env.adopt_roles(["Manager"]):
        return api.content.get(UID=application.service_uid)


def originals_needed(application):
    return bool(open_originals(application))


def originals_complete(application):
    return not open_originals(application)


def can_send_by_post(application):
    """Never for results that must be picked up in person; only with an address."""
    service = service_of(application)
    if service is not None and service.result_delivery == "pickup":
        return False
    return bool((application.delivery_address or "").strip())


class _Guard(BrowserView):
    check = None

    def __call__(self):
        return self.check(self.context)


class OriginalsNeededGuard(_Guard):
    check = staticmethod(originals_needed)


class OriginalsCompleteGuard(_Guard):
    check = staticmethod(originals_complete)


class SendByPostGuard(_Guard):
    check = staticmethod(can_send_by_post)
