"""The demo's front page: the featured services and the pages the footer links (Impressum, Datenschutz, Kontakt)."""

from herne.portal.front_page import FEATURED_RECORD
from herne.portal.setuphandlers import CATALOGUE_FOLDER_ID
import json
from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue


FRONT_PAGE_FILE = Path(__file__).resolve().parent / "data" / "front_page.json"


def create_front_page_content(portal=None):
    """Pages that are missing are created and published; the featured services are set once."""
    portal = portal or api.portal.get()
    data = json.loads(FRONT_PAGE_FILE.read_text(encoding="utf-8"))
    with api.env.adopt_roles(["Manager"]):
        for page in data["pages"]:
            if page["id"] in portal.objectIds():
                continue
            document = api.content.create(
                container=portal,
                type="Document",
                id=page["id"],
                title=page["title"],
                description=page["description"],
                text=RichTextValue(page["text"], "text/html", "text/x-html-safe"),
                # Linked from the footer, not from the main navigation.
                exclude_from_nav=True,
            )
            api.content.transition(obj=document, transition="publish")
    if not api.portal.get_registry_record(FEATURED_RECORD, default=None):
        services = portal[CATALOGUE_FOLDER_ID]
        uids = [services[sid].UID() for sid in data["featured_services"] if sid in services]
        api.portal.set_registry_record(FEATURED_RECORD, uids)
