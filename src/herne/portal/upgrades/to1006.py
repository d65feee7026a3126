"""1005 -> 1006: eID log-in (OIDC plugin) and self-registration with e-mail confirmation."""

from herne.portal.eid.setup import enable_self_registration
from herne.portal.eid.setup import ensure_eid_plugin


def upgrade(setup_tool):
    ensure_eid_plugin()
    enable_self_registration()
