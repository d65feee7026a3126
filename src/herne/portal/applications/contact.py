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
