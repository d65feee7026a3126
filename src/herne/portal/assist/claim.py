"""Claim codes: an application entered for someone is attached later to their own account."""

from DateTime import DateTime
from datetime import date
from herne.portal import _
from herne.portal.applications.factory import give_to
import hmac
from persistent.mapping import PersistentMapping
from plone import api
import secrets


#: No 0/O, 1/I: read aloud and typed from paper. 12 characters: 60 bits.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 12
VALID_DAYS = 90
MAX_TRIES = 5
LOCK_HOURS = 1

#: One answer for a wrong code, an unknown reference number and a locked claim: a lock only
#: an existing application can have must not tell that its reference number exists.
NO_MATCH = _(
    "Zuordnungscode, Aktenzeichen und Geburtsdatum passen nicht zusammen, oder die Zuordnung "
    "ist nach fünf falschen Versuchen für eine Stunde gesperrt. Bitte prüfen Sie Ihre Angaben "
    "auf der Eingangsbestätigung und versuchen Sie es sonst in einer Stunde erneut."
)
EXPIRED = _(
    "Dieser Zuordnungscode ist abgelaufen (er gilt 90 Tage). Bitte wenden Sie sich an die "
    "zuständige Stelle."
)
OWN_ENTRY = _(
    "Einen Antrag, den Sie selbst für eine andere Person erfasst haben, kann nur die "
    "antragstellende Person ihrem Konto zuordnen."
)
CODE_MISSING = _("Bitte geben Sie den Zuordnungscode von der Eingangsbestätigung ein.")
REFERENCE_MISSING = _("Bitte geben Sie das Aktenzeichen von der Eingangsbestätigung ein.")
BIRTH_DATE_INVALID = _(
    "Bitte geben Sie das Geburtsdatum der antragstellenden Person an, zum Beispiel 1950-03-12."
)


def claim_code_notice(code):
    """What the person who entered the application reads about the code."""
    # The same for everyone: whether the applicant has an account is not the helper's to know.
    return _(
        "Mit dem Zuordnungscode ${code}, dem Aktenzeichen und ihrem Geburtsdatum ordnet die "
        "antragstellende Person den Antrag ihrem Konto beim Portal zu (Seite „Antrag "
        "zuordnen“). Der Code steht auf der Eingangsbestätigung: Bitte drucken Sie sie aus und "
        "geben Sie sie ihr mit.",
        mapping={"code": code},
    )


def claim_letter_paragraphs(code, reference, portal_url):
    """The receipt letter's explanation how the applicant attaches the application to an own account."""
    mapping = {"code": code, "reference": reference, "url": f"{portal_url}/@@antrag-zuordnen"}
    return [
        _("So ordnen Sie den Antrag Ihrem eigenen Konto beim Serviceportal zu:"),
        _("1. Legen Sie ein Konto beim Serviceportal der Stadt Herne an und melden Sie sich an."),
        _("2. Öffnen Sie die Seite „Antrag zuordnen“: ${url}", mapping=mapping),
        _(
            "3. Geben Sie dort Ihren Zuordnungscode ${code}, das Aktenzeichen ${reference} und "
            "Ihr Geburtsdatum ein.",
            mapping=mapping,
        ),
        _(
            "Danach sehen Sie den Antrag in Ihrem Postkorb. Der Code gilt 90 Tage und nur "
            "einmal. Bitte geben Sie ihn nur an Menschen weiter, denen Sie vertrauen."
        ),
    ]


def new_code():
    return "".join(secrets.choice(ALPHABET) for _i in range(LENGTH))


def readable(code):
    """``ABCD-EFGH-JKLM``: how the receipt prints it."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalised(text):
    """What the applicant typed, without spaces and dashes, in capitals."""
    return "".join(ch for ch in str(text or "").upper() if ch.isalnum())


def open_claim(application, birth_date):
    """Give ``application`` a fresh claim code for the applicant born on ``birth_date``; returns it."""
    code = new_code()
    application.claim = PersistentMapping(
        code=code,
        birth_date=birth_date.isoformat(),
        expires=DateTime() + VALID_DAYS,
        failures=0,
        locked_until=None,
    )
    return code


def claim_code(application):
    """The open claim code in readable form, or None once it is used."""
    claim = application.claim
    return readable(claim["code"]) if claim else None


def parse_birth_date(value):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


def check_input(code, reference, birth_date):
    """German errors by field (code, reference_number, birth_date) for what is missing or unreadable."""
    errors = {}
    if not normalised(code):
        errors["code"] = CODE_MISSING
    if not str(reference or "").strip():
        errors["reference_number"] = REFERENCE_MISSING
    if parse_birth_date(birth_date) is None:
        errors["birth_date"] = BIRTH_DATE_INVALID
    return errors


def _application_by_reference(reference):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Application", reference_number=str(reference).strip()
    )
    return brains[0]._unrestrictedGetObject() if len(brains) == 1 else None


def claim_application(code, reference, birth_date):
    """Attach the application to the current user: ``(application, {})`` or ``(None, errors)``.

    A wrong code or birth date counts as a try; after MAX_TRIES the application is
    locked for LOCK_HOURS. The code is used up when the claim succeeds.
    """
    errors = check_input(code, reference, birth_date)
    if errors:
        return None, errors
    application = _application_by_reference(reference)
    claim = application.claim if application is not None else None
    if not claim:
        return None, {"code": NO_MATCH}
    now = DateTime()
    if claim["locked_until"] is not None and now < claim["locked_until"]:
        return None, {"code": NO_MATCH}
    userid = api.user.get_current().getId()
    if userid == application.entered_by:
        return None, {"code": OWN_ENTRY}
    right = hmac.compare_digest(normalised(code), claim["code"]) and (
        parse_birth_date(birth_date).isoformat() == claim["birth_date"]
    )
    if not right:
        claim["failures"] += 1
        if claim["failures"] >= MAX_TRIES:
            claim["failures"] = 0
            claim["locked_until"] = now + LOCK_HOURS / 24.0
            return None, {"code": NO_MATCH}
        return None, {"code": NO_MATCH}
    if now > claim["expires"]:
        return None, {"code": EXPIRED}
    from herne.portal.assist.offer import withdraw_offer  # the offer imports this module

    withdraw_offer(application)
    attach(application, userid)
    return application, {}


def attach(application, userid):
    """``userid`` owns ``application`` from now on: the code is spent, the helper's access ends."""
    with api.env.adopt_roles(["Manager"]):
        application.claim = None
        application.entry = {**application.entry, "claimed": DateTime()}
        # The applicant becomes the only one with local roles: the helper's access ends here.
        give_to(application, userid)
        application.applicant = userid
        application.reindexObject()
        application.reindexObjectSecurity()
