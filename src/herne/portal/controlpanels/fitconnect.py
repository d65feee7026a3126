"""Control panel "FIT-Connect": API addresses, the sender's client credentials, destinations per service."""

from herne.portal import _
from herne.portal.controlpanels.write_only_secret import WriteOnlySecretForm
from herne.portal.fitconnect.credentials import CLIENT_SECRET
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.autoform import directives
import re
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant


SETTINGS_PREFIX = "herne.portal.fitconnect"
#: A destination id as FIT-Connect hands them out (a UUID).
DESTINATION_ID = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)

SECRET_SET = _("Secret: gesetzt. Ein neues eintragen ersetzt es; ein leeres Feld behält es.")
SECRET_NOT_SET = _("Secret: nicht gesetzt.")


class BadDestinationLine(schema.ValidationError):
    __doc__ = _(
        "Jede Zeile hat die Form Kurzname=Zustellpunkt-ID; die Zustellpunkt-ID ist eine UUID "
        "wie 11111111-2222-4333-8444-555555555555."
    )


def parse_destinations(lines):
    """``short name=destination id`` lines as a dict; malformed lines are left out."""
    destinations = {}
    for line in lines or ():
        key, sep, destination = (line or "").partition("=")
        if sep and key.strip() and DESTINATION_ID.match(destination.strip()):
            destinations[key.strip()] = destination.strip().lower()
    return destinations


class BadRootCertificates(schema.ValidationError):
    __doc__ = _(
        "Die vertrauenswürdigen Wurzelzertifikate sind nicht lesbar: erwartet werden ein oder "
        "mehrere Zertifikate im PEM-Format (-----BEGIN CERTIFICATE----- … -----END "
        "CERTIFICATE-----) von Zertifizierungsstellen (CA)."
    )


def valid_root_certificates(text):
    """Constraint: PEM certificates of certificate authorities, or nothing."""
    from cryptography import x509
    from herne.portal.fitconnect.certificates import load_roots

    try:
        roots = load_roots(text)
    except ValueError as error:
        raise BadRootCertificates() from error
    for root in roots:
        try:
            constraints = root.extensions.get_extension_for_class(x509.BasicConstraints).value
        except x509.ExtensionNotFound as error:
            raise BadRootCertificates() from error
        if not constraints.ca:
            raise BadRootCertificates()
    return True


def valid_destination_lines(lines):
    for line in lines or ():
        if line.strip() and not parse_destinations([line]):
            raise BadDestinationLine(line)
    return True


class IFitConnectSettings(Interface):
    """Where FIT-Connect is, who the portal is there, and which destination takes which service."""

    enabled = schema.Bool(
        title=_("Anträge über FIT-Connect zustellen"),
        description=_(
            "Anträge zu Leistungen mit Zustellpunkt werden nach dem Absenden verschlüsselt an "
            "das Fachverfahren übermittelt."
        ),
        default=False,
        required=False,
    )
    token_url = schema.URI(
        title=_("Adresse des Token-Dienstes"),
        description=_(
            "OAuth-Token-Endpunkt, z. B. https://auth-testing.fit-connect.fitko.dev/token."
        ),
        required=False,
    )
    api_url = schema.URI(
        title=_("Adresse der Submission API"),
        description=_("Basisadresse, z. B. https://submission-api-testing.fit-connect.fitko.dev."),
        required=False,
    )
    client_id = schema.TextLine(title=_("Client-ID des Onlinedienstes"), required=False)
    destinations = schema.List(
        title=_("Zustellpunkt je Leistung oder Organisationseinheit"),
        description=_(
            "Eine Zeile je Leistung oder Organisationseinheit: Kurzname=Zustellpunkt-ID, z. B. "
            "hundesteuer=11111111-2222-4333-8444-555555555555. Die Zeile der Leistung gilt vor "
            "der ihrer Organisationseinheit."
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
        constraint=valid_destination_lines,
    )
    directives.widget("destinations", rows=5)
    trusted_roots = schema.Text(
        title=_("Vertrauenswürdige Wurzelzertifikate"),
        description=_(
            "Die Zertifikatskette (x5c) des Verschlüsselungsschlüssels eines Zustellpunkts muss "
            "zu einem dieser Zertifikate führen, sonst wird nichts zugestellt. Ein oder mehrere "
            "Zertifikate im PEM-Format: im Echtbetrieb das Wurzelzertifikat der Verwaltungs-PKI "
            "(DOI), in der FIT-Connect-Testumgebung deren Test-Wurzel."
        ),
        required=False,
        constraint=valid_root_certificates,
    )
    directives.widget("trusted_roots", rows=8)

    @invariant
    def complete_when_enabled(data):
        if getattr(data, "enabled", False) and not (
            getattr(data, "token_url", None)
            and getattr(data, "api_url", None)
            and getattr(data, "client_id", None)
        ):
            raise Invalid(
                _("Für FIT-Connect sind Token-Dienst, Submission API und Client-ID nötig.")
            )

    @invariant
    def trusted_root_when_enabled(data):
        if (
            getattr(data, "enabled", False)
            and not (getattr(data, "trusted_roots", None) or "").strip()
        ):
            raise Invalid(
                _(
                    "Ohne vertrauenswürdiges Wurzelzertifikat wird kein Schlüssel eines "
                    "Zustellpunkts angenommen und nichts zugestellt: bitte das Wurzelzertifikat "
                    "der Verwaltungs-PKI (PEM) eintragen."
                )
            )


class IFitConnectSettingsForm(IFitConnectSettings):
    """The registry settings and the client secret, which is kept outside the registry."""

    client_secret = schema.Password(title=_("Client-Secret des Onlinedienstes"), required=False)
    directives.order_after(client_secret="client_id")


class FitConnectSettingsForm(WriteOnlySecretForm):
    schema = IFitConnectSettingsForm
    schema_prefix = SETTINGS_PREFIX
    settings_interface = IFitConnectSettings
    secret_field = "client_secret"
    secret = CLIENT_SECRET
    secret_set_text = SECRET_SET
    secret_not_set_text = SECRET_NOT_SET
    label = _("FIT-Connect")
    description = _(
        "Zustellung der Anträge an die Fachverfahren über FIT-Connect, Ende-zu-Ende verschlüsselt. "
        "Das Client-Secret wird nicht angezeigt; ein leeres Feld behält das gespeicherte."
    )


class FitConnectSettingsView(ControlPanelFormWrapper):
    form = FitConnectSettingsForm
