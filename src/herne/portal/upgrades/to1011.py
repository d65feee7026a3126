"""-> 1011: log-out, a password change and switching eID off end the user's sessions on the server."""

from herne.portal.sessions import ensure_session_plugin


def upgrade(setup_tool):
    ensure_session_plugin()
