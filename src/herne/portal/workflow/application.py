"""Guards of the application workflow (originals, delivery by post), each with its German reason."""

from DateTime import DateTime
from herne.portal import _
from herne.portal.catalogued import catalogued_object
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
    return catalogued_object(application.service_uid)


# Each guard answers None when the step may happen, otherwise why not (in German).


def originals_needed_refusal(application):
    if not open_originals(application):
        return _("Für diesen Antrag sind keine Originale mehr vorzulegen.")
    return None


def originals_complete_refusal(application):
    missing = open_originals(application)
    if missing:
        return _(
            "Es sind noch nicht alle Originale vorgelegt. Es fehlen: ${names}.",
            mapping={"names": ", ".join(missing)},
        )
    return None


def send_by_post_refusal(application):
    """Never for results that must be picked up in person; only with an address."""
    service = service_of(application)
    if service is not None and service.result_delivery == "pickup":
        return _(
            "Das Ergebnis dieser Leistung muss persönlich abgeholt werden "
            "und kann nicht per Post versandt werden."
        )
    if not (application.delivery_address or "").strip():
        return _("Der Antrag enthält keine Zustelladresse für den Versand per Post.")
    return None


#: Guard view name (as the workflow table names it) -> the check giving the reason.
GUARDS = {
    "herne-guard-originals-needed": originals_needed_refusal,
    "herne-guard-originals-complete": originals_complete_refusal,
    "herne-guard-send-by-post": send_by_post_refusal,
}


def guard_refusal(guard, application):
    """Why the guard ``guard`` (a view name, or None) stops a step now, or None."""
    return GUARDS[guard](application) if guard else None


class _Guard(BrowserView):
    """The guard expression of the workflow definition: True when the step may happen."""

    guard = None

    def __call__(self):
        return guard_refusal(self.guard, self.context) is None


class OriginalsNeededGuard(_Guard):
    guard = "herne-guard-originals-needed"


class OriginalsCompleteGuard(_Guard):
    guard = "herne-guard-originals-complete"


class SendByPostGuard(_Guard):
    guard = "herne-guard-send-by-post"
