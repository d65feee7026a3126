"""1015 -> 1016: REST log-in tokens end with the user's sessions (log-out, password change, eID switch-off)."""

from herne.portal.rest_tokens import ensure_jwt_plugin


def upgrade(setup_tool):
    ensure_jwt_plugin()
