"""Create the Herne site and closed applications and a draft that are past retention (run with zconsole).

    zconsole run <zope.conf> tests/retention/write_closed.py <result.json>

One application of a service that deletes (dog tax, set to "delete" here), one of a
service that anonymises (the default), one stale draft; every one full of personal
data with markers the test then looks for in the storage's files. Their history is
moved 30 months into the past, the draft's last change 100 days.
"""

from AccessControl.SecurityManagement import newSecurityManager
import json
from pathlib import Path
from plone.namedfile.file import NamedBlobFile
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


# zconsole passes its own arguments on: [..., <this script>, <result.json>].
SCRIPT, RESULT = sys.argv[-2:]
ROOT = Path(SCRIPT).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.create_site import ADMIN_USER  # noqa: E402
from scripts.create_site import SITE_ID  # noqa: E402
from scripts.create_site import main as create_site  # noqa: E402


MONTHS_30 = 30 * 31


def personal(application_factory, service, marker, submit=True):
    pdf = b"%PDF-1.4\n% " + marker.encode() + b" " + bytes(range(256)) * 20 + b"\n%%EOF\n"
    return application_factory(
        service,
        userid="buerger",
        applicant_name=f"Wendelin {marker}",
        rows=[{"name": "nachname", "title": "Nachname", "value": marker}],
        uploads={
            "nachweis": (
                "Nachweis",
                NamedBlobFile(data=pdf, contentType="application/pdf", filename="nachweis.pdf"),
            )
        },
        consent_time=None,
        delivery_method="post",
        delivery_address=f"{marker}weg 1\n44623 Herne",
        submit=submit,
    )


def main(app, result):
    from DateTime import DateTime
    from herne.portal.applications.factory import create_application
    from herne.portal.applications.messages import FROM_CITY
    from herne.portal.applications.messages import add_message
    from plone import api

    create_site(app)
    app = makerequest(app)
    newSecurityManager(None, app.acl_users.getUserById(ADMIN_USER).__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    services = site["leistungen"]
    services["hundesteuer"].retention_action = "delete"
    written = {}
    for label, service_id in (("Quirrenbachdel", "hundesteuer"), ("Quirrenbachano", "wohngeld")):
        application = personal(create_application, services[service_id], label)
        add_message(application, f"Sehr geehrter Herr {label}", FROM_CITY, "sachbearbeitung")
        api.content.transition(obj=application, transition="accept")
        api.content.transition(obj=application, transition="reject", comment=f"{label} abgelehnt")
        history = application.workflow_history["herne_application_workflow"]
        application.workflow_history["herne_application_workflow"] = tuple(
            {**entry, "time": entry["time"] - MONTHS_30} for entry in history
        )
        application.reindexObject()
        written[label] = application
    draft = personal(create_application, services["hundesteuer"], "Quirrenbachdraft", submit=False)
    draft.setModificationDate(DateTime() - 100)
    draft.reindexObject(idxs=["modified"])
    written["Quirrenbachdraft"] = draft
    transaction.commit()
    Path(result).write_text(
        json.dumps(
            {
                label: {
                    "path": "/".join(obj.getPhysicalPath()),
                    "reference": obj.reference_number,
                    "blob": obj.objectValues()[0].file._blob.committed(),
                }
                for label, obj in written.items()
            }
        )
    )
    print(f"Wrote {sorted(written)}")


if __name__ == "__main__":
    main(app, RESULT)  # noqa: F821 - zconsole provides ``app``
