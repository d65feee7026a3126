"""Applying for someone else: who may, with which consent, and whose account is offered it."""

from dataclasses import dataclass
from datetime import date
from herne.portal import _
from herne.portal.assist.capacity import HELPER
from herne.portal.assist.capacity import Capacity
from herne.portal.assist.capacity import capacity_for
from herne.portal.assist.consent import BEHALF_FIELD
from herne.portal.assist.consent import Consent
from herne.portal.assist.consent import check_consent
from herne.portal.assist.helpers import ENTERED_ROLE
from herne.portal.assist.owner import account_for_email
from herne.portal.assist.owner import account_for_identity
from herne.portal.assist.provenance import entry_record


#: The form fields the owner and the claim are read from (the demo forms' person block).
EMAIL_FIELD = "email"
FIRST_NAME_FIELD = "first_name"
LAST_NAME_FIELD = "last_name"
BIRTH_DATE_FIELD = "birth_date"

NO_DRAFTS = _(
    "Ein Antrag für eine andere Person kann nicht zwischengespeichert werden. Bitte senden "
    "Sie ihn vollständig ab."
)
BIRTH_DATE_NEEDED = _(
    "Bitte geben Sie das Geburtsdatum der antragstellenden Person an: Mit ihm ordnet sie "
    "den Antrag später ihrem Konto zu."
)
NO_BIRTH_DATE_FIELD = _(
    "Dieses Formular fragt kein Geburtsdatum ab. Für eine andere Person kann es deshalb "
    "nicht gestellt werden."
)


def wants_behalf(fields):
    """Whether the submitted ``fields`` say "für eine andere Person" (page or REST)."""
    return bool(fields.get(BEHALF_FIELD))


@dataclass(frozen=True)
class Entry:
    """A checked "für eine andere Person": who enters it, the consent, and whom to offer it to.

    ``offer_to`` is the account that seems to be the applicant's: it is offered the
    application in its Postkorb, never given it. Nothing of it may reach the one
    who enters the application.
    """

    capacity: Capacity
    consent: Consent
    birth_date: date
    offer_to: str = None

    def record(self):
        return entry_record(self.capacity, self.consent)

    def entered_role(self):
        """The local role that lets a helper follow the application; clerks see it as clerks."""
        return ENTERED_ROLE if self.capacity.kind == HELPER else None


def check_entry(service, fields, form_field_names):
    """``(Entry, {})`` for a submission for someone else, or ``(None, German errors by field)``.

    ``form_field_names`` are the fields of the service's form: the applicant's e-mail,
    name and birth date are the form's own fields, never taken from the caller's account.
    Every such application is claimed with a code, the birth date and the reference
    number, so the birth date is needed whether or not an account matches: the answers
    must not tell the caller. The matching account (the one with that e-mail, or else the
    eID member whose verified name and birth date they are) is only offered it.
    """
    capacity, refused = capacity_for(service)
    if capacity is None:
        return None, {BEHALF_FIELD: refused}
    consent, errors = check_consent(capacity, service, fields)
    if errors:
        return None, errors
    birth_date = fields.get(BIRTH_DATE_FIELD)
    if not isinstance(birth_date, date):
        if BIRTH_DATE_FIELD in form_field_names:
            return None, {BIRTH_DATE_FIELD: BIRTH_DATE_NEEDED}
        return None, {BEHALF_FIELD: NO_BIRTH_DATE_FIELD}
    offer_to = account_for_email(fields.get(EMAIL_FIELD), not_userid=capacity.userid)
    if offer_to is None:
        offer_to = account_for_identity(
            fields.get(FIRST_NAME_FIELD),
            fields.get(LAST_NAME_FIELD),
            birth_date,
            not_userid=capacity.userid,
        )
    return Entry(capacity, consent, birth_date, offer_to), {}
