"""Applications entered for someone whose account matched: offered in that Postkorb until accepted or declined."""

from BTrees.OOBTree import OOTreeSet
from herne.portal import _
from herne.portal.applications.contact import by_letter
from herne.portal.assist.claim import attach
from herne.portal.assist.provenance import provenance_text
from herne.portal.formats import datetime_message
from herne.portal.formats import german_datetime
from herne.portal.i18n import answer_language
from herne.portal.i18n import application_language
from herne.portal.i18n import in_language
from herne.portal.outbox.storage import enqueue
from herne.portal.portal_storage import portal_btree
from herne.portal.translated_titles import service_title_in
from plone import api
from zope.globalrequest import getRequest


#: userid -> the UIDs of the applications offered to that account.
BY_USER_KEY = "herne.portal.assist.offers"
#: application UID -> the userid it is offered to (one account per application).
BY_APPLICATION_KEY = "herne.portal.assist.offered_to"

ACCEPT = "annehmen"
DECLINE = "ablehnen"

#: One answer for every offer the caller cannot act on: someone else's, accepted, declined,
#: claimed with the code, or an id that never was one.
NO_OFFER = _(
    "Diesen für Sie erfassten Antrag gibt es in Ihrem Postkorb nicht (mehr). Bitte laden Sie "
    "Ihren Postkorb neu."
)
NO_DECISION = _("Bitte wählen Sie „Annehmen“ oder „Ablehnen“.")
ACCEPTED = _("Sie haben den Antrag angenommen: Er ist jetzt in Ihrem Postkorb.")
DECLINED = _(
    "Sie haben den Antrag abgelehnt. Er ist nicht Ihrem Konto zugeordnet; wer ihn gestellt "
    "hat, kann ihn weiterhin mit dem Zuordnungscode zuordnen."
)


def offer(application, userid):
    """Offer ``application`` to the account ``userid``; tell its holder by e-mail unless "Brief" was chosen.

    Nothing the person who entered it can see changes: the application stays without
    owner and keeps its claim code. The mail goes to the account's own address, never
    noted as delayed on the entering person's page.
    """
    uid = api.content.get_uuid(application)
    by_user = portal_btree(BY_USER_KEY, create=True)
    if userid not in by_user:
        by_user[userid] = OOTreeSet()
    by_user[userid].insert(uid)
    portal_btree(BY_APPLICATION_KEY, create=True)[uid] = userid
    user = api.user.get(userid=userid)
    # "Brief" chosen: the receipt letter with the code, the same for everyone, tells them.
    if not by_letter(application) and user is not None and user.getProperty("email"):
        enqueue(
            application,
            "mail",
            "mail:offer",
            "offer",
            key=f"mail:{uid}:mail:offer:{userid}",
            details={"userid": userid},
        )


def withdraw_offer(application):
    """The application is nobody's offer any more (accepted, declined, claimed, deleted)."""
    uid = api.content.get_uuid(application)
    by_application = portal_btree(BY_APPLICATION_KEY)
    userid = by_application.get(uid) if by_application is not None else None
    if userid is None:
        return
    del by_application[uid]
    offered = portal_btree(BY_USER_KEY).get(userid)
    if offered is not None and uid in offered:
        offered.remove(uid)


def _open_offer(uid, userid):
    """The application behind ``uid`` if it is open and offered to ``userid``, else None."""
    by_application = portal_btree(BY_APPLICATION_KEY)
    if not isinstance(uid, str) or by_application is None or by_application.get(uid) != userid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="Application")
    if len(brains) != 1:
        return None
    application = brains[0]._unrestrictedGetObject()
    # Claimed with the code in the meantime: no longer anybody's offer.
    return application if application.claim and not application.applicant else None


def offers_for(userid=None):
    """The applications offered to ``userid`` (default: the current user), oldest first."""
    userid = userid or api.user.get_current().getId()
    by_user = portal_btree(BY_USER_KEY)
    offered = by_user.get(userid) if by_user is not None and userid else None
    found = [_open_offer(uid, userid) for uid in offered or ()]
    return sorted(
        (application for application in found if application is not None),
        key=lambda application: application.submitted,
    )


def offer_json(application):
    """What the account holder sees before accepting: enough to recognise it, no form data."""
    language = answer_language(getRequest())
    entry = application.entry or {}
    return {
        "id": api.content.get_uuid(application),
        "service_title": service_title_in(application, language),
        "erfasst": provenance_text(entry, language),
        "capacity": entry.get("capacity"),
        "organisation": entry.get("organisation"),
        "date": german_datetime(application.submitted) if application.submitted else "",
        "applicant_name": application.applicant_name or "",
    }


def decide(uid, decision):
    """Accept or decline the current user's offer ``uid``: ``(application or None, {})`` or ``(None, errors)``.

    Accepting makes the caller the owner exactly as a claim with the code does;
    declining only takes the offer away, the code keeps working.
    """
    if decision not in (ACCEPT, DECLINE):
        return None, {"entscheidung": NO_DECISION}
    userid = api.user.get_current().getId()
    application = _open_offer(uid, userid) if userid else None
    if application is None:
        return None, {"id": NO_OFFER}
    withdraw_offer(application)
    if decision == DECLINE:
        return None, {}
    attach(application, userid)
    return application, {}


def render_offer_mail(entry, application, compose, header_id):
    """The mail telling the account holder of the offer; None when there is nothing to send."""
    userid = (entry.details or {}).get("userid")
    if _open_offer(api.content.get_uuid(application), userid) is None:
        return None  # accepted, declined or claimed before the worker came to it
    user = api.user.get(userid=userid)
    email = user.getProperty("email") if user is not None else None
    if not email:
        return None
    language = application_language(application)
    mapping = {
        "name": user.getProperty("fullname") or userid,
        "service": service_title_in(application, language),
        "provenance": provenance_text(application.entry, language),
        "date": in_language(datetime_message(application.submitted), language),
        "url": f"{api.portal.get().absolute_url()}/@@postkorb",
    }
    subject = in_language(
        _("Für Sie erfasster Antrag: ${service}", mapping={"service": mapping["service"]}),
        language,
    )
    paragraphs = [
        _("Guten Tag ${name},", mapping=mapping),
        _(
            "am ${date} wurde für Sie der Antrag „${service}“ erfasst: ${provenance}.",
            mapping=mapping,
        ),
        _(
            "Sie finden ihn in Ihrem Postkorb unter „Für Sie erfasste Anträge“ und können ihn "
            "dort annehmen oder ablehnen: ${url}",
            mapping=mapping,
        ),
        _(
            "Wenn Sie diesen Antrag nicht gestellt haben oder nicht gemeint sind, lehnen Sie ihn "
            "bitte ab."
        ),
        _("Mit freundlichen Grüßen"),
        _("Ihre Stadt Herne"),
    ]
    body = "\n\n".join(in_language(paragraph, language) for paragraph in paragraphs) + "\n"
    return compose(email, subject, body, header_id)


def application_removed(application, event):
    """An application deleted (retention, the administrator) is nobody's offer any more."""
    if getattr(application, "entered_by", None):
        withdraw_offer(application)


def account_deleted(event):
    """A deleted account's offers go with it: a new account of the same name inherits none."""
    userid = event.principal if isinstance(event.principal, str) else event.principal.getId()
    by_user = portal_btree(BY_USER_KEY)
    offered = by_user.get(userid) if by_user is not None and userid else None
    if offered is None:
        return
    by_application = portal_btree(BY_APPLICATION_KEY)
    for uid in list(offered):
        if by_application.get(uid) == userid:
            del by_application[uid]
    del by_user[userid]
