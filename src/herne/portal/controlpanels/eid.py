"""Control panel "eID-Anmeldung": the OpenID Connect provider, claim mapping and trust levels."""

from herne.portal import _
from herne.portal.controlpanels.write_only_secret import WriteOnlySecretForm
from herne.portal.eid.secret import CLIENT_SECRET
from herne.portal.eid.trust import LOGIN_LEVELS
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.autoform import directives
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant


#: Sensible defaults: the plain level names and the eIDAS level-of-assurance URIs.
DEFAULT_TRUST_MAPPING = [
    "basic=basic",
    "substantial=substantial",
    "high=high",
    "http://eidas.europa.eu/LoA/low=basic",
    "http://eidas.europa.eu/LoA/substantial=substantial",
    "http://eidas.europa.eu/LoA/high=high",
]

SECRET_SET = _("Client-Secret: gesetzt. Ein neues eintragen ersetzt es; ein leeres Feld behält es.")
SECRET_NOT_SET = _("Client-Secret: nicht gesetzt.")

CLAIM_PATH_HELP = _(
    "Name des Claims; Teile eines strukturierten Claims mit Punkt, z. B. address.locality."
)


def parse_trust_mapping(lines):
    """``value=level`` lines as a dict; lines that do not name a known level are ignored."""
    mapping = {}
    for line in lines or ():
        value, sep, level = (line or "").rpartition("=")
        if sep and value.strip() and level.strip() in LOGIN_LEVELS:
            mapping[value.strip()] = level.strip()
    return mapping


class IEidSettings(Interface):
    """Where the eID provider is and how its answer becomes a Plone member with a trust level."""

    enabled = schema.Bool(
        title=_("eID-Anmeldung anbieten"),
        description=_(
            "Zeigt „Mit Online-Ausweis anmelden“ auf der Anmeldeseite und bei Leistungen, "
            "die einen sicheren Identitätsnachweis verlangen."
        ),
        default=False,
        required=False,
    )
    issuer = schema.URI(
        title=_("Aussteller (Issuer)"),
        description=_(
            "Adresse des OpenID-Connect-Anbieters, z. B. der BundID. "
            "Die Konfiguration wird von /.well-known/openid-configuration gelesen."
        ),
        required=False,
    )
    client_id = schema.TextLine(title=_("Client-ID"), required=False)
    scopes = schema.List(
        title=_("Scopes"),
        value_type=schema.ASCIILine(),
        default=["openid", "profile", "email", "address"],
        required=False,
    )
    requested_acr = schema.ASCIILine(
        title=_("Angefordertes Vertrauensniveau (acr_values)"),
        description=_("Wird beim Anbieter angefragt; leer: keine Anforderung."),
        default="substantial",
        required=False,
    )
    trust_claim = schema.ASCIILine(
        title=_("Claim mit dem Vertrauensniveau"),
        default="acr",
        required=True,
    )
    trust_mapping = schema.List(
        title=_("Werte des Vertrauensniveaus"),
        description=_(
            "Eine Zeile je Wert: Wert=Niveau, Niveau ist basic, substantial oder high. "
            "Ein Wert, der hier nicht steht, wird abgelehnt."
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_TRUST_MAPPING),
        required=False,
    )
    directives.widget("trust_mapping", rows=6)

    claim_given_name = schema.ASCIILine(
        title=_("Claim: Vorname"), description=CLAIM_PATH_HELP, default="given_name"
    )
    claim_family_name = schema.ASCIILine(
        title=_("Claim: Nachname"), description=CLAIM_PATH_HELP, default="family_name"
    )
    claim_street = schema.ASCIILine(
        title=_("Claim: Straße und Hausnummer"),
        description=CLAIM_PATH_HELP,
        default="address.street_address",
    )
    claim_postcode = schema.ASCIILine(
        title=_("Claim: Postleitzahl"), description=CLAIM_PATH_HELP, default="address.postal_code"
    )
    claim_city = schema.ASCIILine(
        title=_("Claim: Ort"), description=CLAIM_PATH_HELP, default="address.locality"
    )
    claim_birthdate = schema.ASCIILine(
        title=_("Claim: Geburtsdatum"), description=CLAIM_PATH_HELP, default="birthdate"
    )
    claim_email = schema.ASCIILine(
        title=_("Claim: E-Mail-Adresse"), description=CLAIM_PATH_HELP, default="email"
    )

    @invariant
    def complete_when_enabled(data):
        if getattr(data, "enabled", False) and not (
            getattr(data, "issuer", None) and getattr(data, "client_id", None)
        ):
            raise Invalid(_("Für die eID-Anmeldung sind Aussteller und Client-ID nötig."))


class IEidSettingsForm(IEidSettings):
    """The registry settings and the client secret, which is kept outside the registry."""

    client_secret = schema.Password(title=_("Client-Secret"), required=False)
    directives.order_after(client_secret="client_id")


class EidSettingsForm(WriteOnlySecretForm):
    schema = IEidSettingsForm
    schema_prefix = "herne.portal.eid"
    settings_interface = IEidSettings
    secret_field = "client_secret"
    secret = CLIENT_SECRET
    secret_set_text = SECRET_SET
    secret_not_set_text = SECRET_NOT_SET
    label = _("eID-Anmeldung")
    description = _(
        "Anmeldung mit dem Online-Ausweis über OpenID Connect (BundID oder ein anderer Anbieter). "
        "Lokale Benutzerkonten gelten als Vertrauensniveau „basic“. Das Client-Secret wird "
        "nicht angezeigt; ein leeres Feld behält das gespeicherte."
    )


class EidSettingsView(ControlPanelFormWrapper):
    form = EidSettingsForm
