"""What the load test left in the database (run with zconsole), written as JSON.

Walks the application areas themselves (not only the catalog) and reports every
application of a load-test citizen with its reference number, state, files (each
blob read to the end, with its SHA-512), submission token and dog's name (which tells the load
test's ticket and attempt), plus how many of them the catalog knows and every
outbox entry with its state.
Environment: HERNE_SITE_ID and HERNE_LOADTEST_RESULT (the JSON file to write).
"""

import hashlib
import json
import os
from pathlib import Path
from plone import api
import sys
from zope.component.hooks import setSite


sys.path.insert(0, str(Path.cwd()))

from herne.portal.outbox.storage import get_outbox  # noqa: E402
from loadtest.accounts import is_loadtest_user  # noqa: E402


def applications(portal):
    root = portal.get("antraege")
    if root is None:
        return
    for area in root.objectValues():
        for application in area.objectValues():
            if application.portal_type == "Application" and is_loadtest_user(
                getattr(application, "applicant", None)
            ):
                yield application


def read_blob(item):
    """Size and SHA-512 of the file's blob as read from the blob directory (not the recorded size)."""
    with item.file.open() as blob:
        content = blob.read()
    return {"size": len(content), "sha512": hashlib.sha512(content).hexdigest()}


def describe(application):
    files = [item for item in application.objectValues() if item.portal_type == "ApplicationFile"]
    rows = {row["name"]: row["value"] for row in (application.submitted_data or [])}
    return {
        "path": "/".join(application.getPhysicalPath()),
        "applicant": application.applicant,
        "reference": getattr(application, "reference_number", None),
        "state": api.content.get_state(application),
        "files": [{"name": item.getId(), **read_blob(item)} for item in files],
        "token": getattr(application, "submission_token", None),
        "dog_name": rows.get("dog_name", ""),
        "created": application.created().timeTime(),
    }


def outbox_entries(portal):
    """Every outbox entry: kind, state, tries and the states it went through (no personal data)."""
    outbox = get_outbox(portal, create=False)
    if outbox is None:
        return []
    return [
        {
            "id": entry.id,
            "kind": entry.kind,
            "event": entry.event,
            "reference": entry.reference,
            "key": entry.idempotency_key,
            "state": entry.state,
            "tries": entry.tries,
            "history": [[state, text] for _at, state, text in entry.history],
        }
        for entry in outbox.entries.values()
    ]


def main(app):
    portal = app[os.environ.get("HERNE_SITE_ID", "herne")]
    setSite(portal)
    found = [describe(application) for application in applications(portal)]
    catalogued = [
        brain
        for brain in portal.portal_catalog.unrestrictedSearchResults(portal_type="Application")
        if is_loadtest_user(brain.applicant)
    ]
    result = {
        "applications": found,
        "outbox": outbox_entries(portal),
        "catalogued": len(catalogued),
        "catalogued_references": sorted(brain.reference_number or "" for brain in catalogued),
    }
    Path(os.environ["HERNE_LOADTEST_RESULT"]).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
    sys.exit(0)
