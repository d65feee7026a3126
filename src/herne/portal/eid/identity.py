"""The verified identity of an eID log-in: claims mapped to a member, kept where only the portal writes."""

from datetime import date
from datetime import datetime
import hashlib
from herne.portal.controlpanels.eid import parse_trust_mapping
from herne.portal.eid.errors import ACCOUNT_CONFLICT
from herne.portal.eid.errors import TRUST_UNKNOWN
from herne.portal.eid.errors import USERINFO_INVALID
from herne.portal.eid.errors import EidRefused
from herne.portal.portal_storage import as_record
from herne.portal.portal_storage import portal_btree
from plone import api
from Products.PlonePAS.events import UserLoggedInEvent
from zope.event import notify


ANNOTATION_KEY = "herne.portal.eid.identities"
PLUGIN_ID = "oidc"

#: What the identity provider can verify, and the setting naming its claim.
VERIFIED_ITEMS = (
    ("given_name", "claim_given_name"),
    ("family_name", "claim_family_name"),
    ("street", "claim_street"),
    ("postcode", "claim_postcode"),
    ("city", "claim_city"),
    ("birthdate", "claim_birthdate"),
    ("email", "claim_email"),
)


def claim_value(claims, path):
    """The claim at ``path``; a dot reaches into a structured claim such as ``address``."""
    value = claims
    for part in (path or "").split("."):
        if not part or not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def eid_userid(issuer, subject):
    """A stable member id per provider and person, never one a local account could have."""
    digest = hashlib.sha256(f"{issuer.rstrip('/')}|{subject}".encode()).hexdigest()
    return f"eid-{digest[:32]}"


def trust_level_of(settings, claims):
    """The portal's trust level for the provider's value; an unknown value refuses the log-in."""
    value = claim_value(claims, settings.trust_claim or "acr")
    level = parse_trust_mapping(settings.trust_mapping).get(str(value)) if value else None
    if level is None:
        raise EidRefused(TRUST_UNKNOWN, f"unknown trust level value {value!r}")
    return level


def _as_date(value):
    if isinstance(value, str):
        try:
            return datetime.strptime(value.strip()[:10], "%Y-%m-%d").date()
        except ValueError:
            return None
    return value if isinstance(value, date) else None


def identity_from_claims(settings, id_claims, userinfo):
    """The verified items of one log-in. The userinfo must be about the ID token's subject."""
    if userinfo and userinfo.get("sub") != id_claims["sub"]:
        raise EidRefused(USERINFO_INVALID, "userinfo is about another subject")
    claims = {**(userinfo or {}), **id_claims}
    identity = {}
    for item, setting in VERIFIED_ITEMS:
        value = claim_value(claims, getattr(settings, setting, None))
        if item == "birthdate":
            value = _as_date(value)
        elif value is not None:
            value = str(value).strip()
        if value:
            identity[item] = value
    return identity


def _identities(create=False):
    return portal_btree(ANNOTATION_KEY, create=create)


def verified_identity(userid):
    """What the identity provider confirmed about ``userid`` at the last eID log-in, or {}."""
    store = _identities()
    return dict(store.get(userid, {})) if store is not None and userid else {}


def oidc_plugin():
    return getattr(api.portal.get_tool("acl_users"), PLUGIN_ID, None)


def remember_member(userid, identity, trust_level):
    """Create the member at the first eID log-in, update the verified data at every later one."""
    plugin = oidc_plugin()
    pas = api.portal.get_tool("acl_users")
    user = pas.getUserById(userid)
    first_login = user is None
    if user is not None and not verified_identity(userid):
        # Not created by an eID log-in (e.g. a local account registered under this id).
        raise EidRefused(ACCOUNT_CONFLICT, f"{userid} exists but is no eID member")
    if first_login:
        user = plugin._create_user(userid)
    profile = {
        "email": identity.get("email", ""),
        "given_name": identity.get("given_name", ""),
        "family_name": identity.get("family_name", ""),
    }
    if first_login or _profile_changed(user, profile):
        plugin._update_user(user, userinfo=profile, first_login=first_login)
    else:
        # What _update_user announces at a later log-in; unchanged properties are not
        # written again (concurrent log-ins would conflict in the property storage).
        notify(UserLoggedInEvent(user))
    # Merged with other members' log-ins by the ZODB: see as_record.
    _identities(create=True)[userid] = as_record(
        {
            **identity,
            "trust_level": trust_level,
            "verified_at": datetime.now().isoformat(timespec="seconds"),
        }
    )
    return user


def _profile_changed(user, profile):
    """Whether the member properties pas.plugins.oidc sets from ``profile`` differ from the stored ones."""
    wanted = {}
    if profile["email"]:
        wanted["email"] = profile["email"]
    if profile["given_name"] and profile["family_name"]:
        wanted["fullname"] = f"{profile['given_name']} {profile['family_name']}"
    return any(user.getProperty(name, "") != value for name, value in wanted.items())


def forget_identity(event):
    """A deleted member's verified data goes with the member."""
    principal = event.principal
    userid = principal if isinstance(principal, str) else principal.getId()
    store = _identities()
    if store is not None and userid in store:
        del store[userid]
