"""How the applicant hears from the city: by e-mail or by letter ("Brief") to a checked postal address."""

from herne.portal import _
from herne.portal.easyform.submission import ADDRESS_FIELDS
from herne.portal.easyform.submission import CONTACT_FIELD
from herne.portal.easyform.submission import display_value
from herne.portal.i18n import in_german
import re


EMAIL = "email"
LETTER = "letter"
CONTACT_TITLES = {EMAIL: _("E-Mail"), LETTER: _("Brief (Post)")}
CONTACT_LABEL = _("Wie möchten Sie Nachrichten der Stadt zu diesem Antrag erhalten?")
CONTACT_HELP = _(
    "Bei „Brief“ schicken wir Ihnen jede Nachricht zu diesem Antrag per Post an die "
    "angegebene Anschrift, auch die Eingangsbestätigung."
)
NOT_OFFERED = _("Bitte wählen Sie „E-Mail“ oder „Brief (Post)“.")
NO_ADDRESS_FIELDS = _(
    "Dieses Formular fragt keine Postanschrift ab. Bitte wählen Sie „E-Mail“ oder "
    "wenden Sie sich an die zuständige Stelle."
)
NO_EMAIL_ADDRESS = _(
    "Für „E-Mail“ fehlt uns eine Adresse: Weder das Konto noch das Formular nennt eine "
    "E-Mail-Adresse. Bitte wählen Sie „Brief (Post)“ oder geben Sie im Formular eine "
    "E-Mail-Adresse an."
)
#: The form field with the applicant's e-mail address (the demo forms' person block).
FORM_EMAIL_FIELD = "email"
#: Longest line of the address window (85 mm at 10 pt holds about this many characters).
MAX_LINE = 60
POSTCODE = re.compile(r"^\d{5}$")
HOUSE_NUMBER = re.compile(r"\d")


def contact_method(application):
    """``"letter"`` or ``"email"`` (applications from before the choice: e-mail)."""
    return getattr(application, "contact_method", None) or EMAIL


def by_letter(application):
    return contact_method(application) == LETTER


def contact_title(application):
    return in_german(CONTACT_TITLES[contact_method(application)])


def chosen_method(value):
    """The method for a submitted choice; None when the value is not one offered."""
    if value in (None, ""):
        return EMAIL
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]  # a radio button as z3c.form extracts it
    return value if value in CONTACT_TITLES else None


def form_email(application):
    """The e-mail address the applicant gave in the form, or ""."""
    for row in getattr(application, "submitted_data", None) or ():
        if row.get("name") == FORM_EMAIL_FIELD:
            return display_value(row.get("value")).strip()
    return ""


def email_address(application, member):
    """Where mails about ``application`` go: the account's address, else the one in the form."""
    email = member.getProperty("email") if member is not None else None
    return email or form_email(application) or None


def email_errors(member, fields):
    """German error by the choice when "E-Mail" was chosen but no address is known; else {}.

    ``member`` is the applicant's account (None: no account yet), ``fields`` the form's values.
    """
    if member is not None and member.getProperty("email"):
        return {}
    if display_value(fields.get(FORM_EMAIL_FIELD)).strip():
        return {}
    return {CONTACT_FIELD: NO_EMAIL_ADDRESS}


def _address_parts(fields):
    return [display_value(fields.get(name)).strip() for name in ADDRESS_FIELDS]


def address_errors(fields, form_fields):
    """German errors by field for a letter address; {} when it can take letters.

    ``form_fields`` are the names the form offers: without street, postcode and
    city the choice itself is refused.
    """
    if not set(ADDRESS_FIELDS) <= set(form_fields):
        return {CONTACT_FIELD: NO_ADDRESS_FIELDS}
    street, postcode, city = _address_parts(fields)
    errors = {}
    if not street:
        errors["street"] = _(
            "Für Briefe brauchen wir Ihre Anschrift: Bitte geben Sie Straße und Hausnummer an."
        )
    elif not HOUSE_NUMBER.search(street):
        errors["street"] = _("Bitte geben Sie auch die Hausnummer an.")
    if not POSTCODE.match(postcode):
        errors["postcode"] = _(
            "Für Briefe brauchen wir eine fünfstellige Postleitzahl, zum Beispiel 44623."
        )
    if not city:
        errors["city"] = _("Für Briefe brauchen wir den Ort Ihrer Anschrift.")
    for name, value in zip(ADDRESS_FIELDS, (street, postcode, city), strict=True):
        if name not in errors and len(value) > MAX_LINE:
            errors[name] = _(
                "Das passt nicht in das Adressfeld eines Briefes: höchstens ${max} Zeichen.",
                mapping={"max": MAX_LINE},
            )
    return errors


def postal_address(name, fields):
    """The lines of the address window: name, street, postcode and city."""
    street, postcode, city = _address_parts(fields)
    return "\n".join(line for line in (name[:MAX_LINE], street, f"{postcode} {city}") if line)
