"""Control panel "E-Payment": the XBezahldienste payment service, endpoints per department, booking text."""

from herne.portal import _
from herne.portal.controlpanels.write_only_secret import WriteOnlySecretForm
from herne.portal.payment.credentials import PAYMENT_PASSWORD
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.autoform import directives
from string import Formatter
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant


SETTINGS_PREFIX = "herne.portal.payment"
DEFAULT_BOOKING_TEXT = "Stadt Herne {reference} {service}"
#: The only placeholders of the booking text (no attribute or index access).
PLACEHOLDERS = {"reference", "service"}

PASSWORD_SET = _("Passwort: gesetzt. Ein neues eintragen ersetzt es; ein leeres Feld behält es.")
PASSWORD_NOT_SET = _("Passwort: nicht gesetzt.")


class BadEndpointLine(schema.ValidationError):
    __doc__ = _("Jede Zeile hat die Form Kurzname-der-Organisationseinheit=Endpoint-ID.")


class BadBookingText(schema.ValidationError):
    __doc__ = _(
        "Der Buchungstext darf nur die Platzhalter {reference} und {service} enthalten "
        "und höchstens 140 Zeichen lang sein."
    )


def parse_endpoints(lines):
    """``department=endpoint`` lines as a dict; malformed lines are left out."""
    endpoints = {}
    for line in lines or ():
        department, sep, endpoint = (line or "").partition("=")
        if sep and department.strip() and endpoint.strip():
            endpoints[department.strip()] = endpoint.strip()
    return endpoints


def valid_endpoint_lines(lines):
    for line in lines or ():
        if line.strip() and line.strip() not in {
            f"{key}={value}" for key, value in parse_endpoints([line]).items()
        }:
            raise BadEndpointLine(line)
    return True


def booking_text(pattern, reference, service_title):
    """The booking text on the citizen's statement; None when ``pattern`` is unusable."""
    pattern = pattern or DEFAULT_BOOKING_TEXT
    try:
        names = {
            name for _text, name, _spec, _conv in Formatter().parse(pattern) if name is not None
        }
    except ValueError:
        return None
    if not names <= PLACEHOLDERS:
        return None
    return pattern.format(reference=reference, service=service_title)


def valid_booking_text(pattern):
    if booking_text(pattern, "HER-2026-000001", "") is None or len(pattern) > 140:
        raise BadBookingText(pattern)
    return True


class IPaymentSettings(Interface):
    """Where the payment service is and which of its endpoints takes a department's fees."""

    enabled = schema.Bool(
        title=_("Online-Bezahlung anbieten"),
        description=_(
            "Leistungen mit Gebühren, bei denen „Gebühren online bezahlen“ eingeschaltet ist, "
            "werden vor dem Absenden des Antrags bezahlt."
        ),
        default=False,
        required=False,
    )
    base_url = schema.URI(
        title=_("Adresse des Bezahldienstes"),
        description=_(
            "Basisadresse der XBezahldienste-Schnittstelle, z. B. https://epay.example/api/v1."
        ),
        required=False,
    )
    originator_id = schema.TextLine(
        title=_("Originator-ID"),
        description=_("Kennung des Portals beim Bezahldienst (originatorId)."),
        required=False,
    )
    default_endpoint_id = schema.TextLine(
        title=_("Endpoint-ID der Stadt"),
        description=_(
            "Endpoint (z. B. mit dem Gemeindeschlüssel), der für alle Organisationseinheiten "
            "ohne eigenen Endpoint gilt."
        ),
        required=False,
    )
    department_endpoints = schema.List(
        title=_("Endpoint-ID je Organisationseinheit"),
        description=_(
            "Eine Zeile je Organisationseinheit: Kurzname=Endpoint-ID, "
            "z. B. buergeramt=herne-buergeramt."
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
        constraint=valid_endpoint_lines,
    )
    directives.widget("department_endpoints", rows=5)
    username = schema.TextLine(
        title=_("Benutzername beim Bezahldienst"),
        required=False,
    )
    booking_text_pattern = schema.TextLine(
        title=_("Buchungstext"),
        description=_(
            "Verwendungszweck auf dem Kontoauszug; {reference} wird durch das Aktenzeichen, "
            "{service} durch den Namen der Leistung ersetzt."
        ),
        default=DEFAULT_BOOKING_TEXT,
        required=True,
        constraint=valid_booking_text,
    )

    @invariant
    def complete_when_enabled(data):
        if getattr(data, "enabled", False) and not (
            getattr(data, "base_url", None) and getattr(data, "originator_id", None)
        ):
            raise Invalid(
                _(
                    "Für die Online-Bezahlung sind Adresse des Bezahldienstes und Originator-ID nötig."
                )
            )


class IPaymentSettingsForm(IPaymentSettings):
    """The registry settings and the password, which is kept outside the registry."""

    password = schema.Password(title=_("Passwort beim Bezahldienst"), required=False)
    directives.order_after(password="username")


class PaymentSettingsForm(WriteOnlySecretForm):
    schema = IPaymentSettingsForm
    schema_prefix = SETTINGS_PREFIX
    settings_interface = IPaymentSettings
    secret_field = "password"
    secret = PAYMENT_PASSWORD
    secret_set_text = PASSWORD_SET
    secret_not_set_text = PASSWORD_NOT_SET
    label = _("E-Payment")
    description = _(
        "Online-Bezahlung von Gebühren über einen Bezahldienst nach dem Standard XBezahldienste "
        "(z. B. ePayBL, pmPayment). Das Passwort wird nicht angezeigt; ein leeres Feld behält "
        "das gespeicherte."
    )

    def applyChanges(self, data):
        changes = super().applyChanges(data)
        if changes:
            reindex_services()
        return changes


def reindex_services():
    """Services keep whether they are paid online in their catalog data (listings, dashboard)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Service"):
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


class PaymentSettingsView(ControlPanelFormWrapper):
    form = PaymentSettingsForm
