"""The city's name and placeholder logo in the portal's header instead of Plone's."""

from base64 import b64encode
from pathlib import Path
from plone import api


LOGO = Path(__file__).parent / "browser" / "static" / "stadt-herne-logo.svg"
LOGO_FILENAME = "stadt-herne-logo.svg"


def logo_record_value():
    """The placeholder logo as Plone's ``plone.site_logo`` stores an uploaded image."""
    filename = b64encode(LOGO_FILENAME.encode()).decode()
    data = b64encode(LOGO.read_bytes()).decode()
    return f"filenameb64:{filename};datab64:{data}".encode()


def ensure_city_logo():
    """Show the placeholder logo unless the site administration has uploaded one."""
    if not api.portal.get_registry_record("plone.site_logo", default=None):
        api.portal.set_registry_record("plone.site_logo", logo_record_value())


def remove_city_logo():
    """Plone's logo again, unless the site administration has uploaded a logo of its own."""
    registry = api.portal.get_tool("portal_registry")
    if registry.get("plone.site_logo") == logo_record_value():
        registry["plone.site_logo"] = None
