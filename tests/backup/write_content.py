"""Create the Herne site once and submit one application with an uploaded PDF (run with zconsole).

    zconsole run <zope.conf> tests/backup/write_content.py <label> <result.json>

Writes what a check of a restored copy needs to ``result.json``: the application's path,
its reference number and the path and bytes of its uploaded file.
"""

from AccessControl.SecurityManagement import newSecurityManager
import base64
import json
from pathlib import Path
from plone.namedfile.file import NamedBlobFile
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


# zconsole passes its own arguments on: [..., <this script>, <label>, <result.json>].
SCRIPT, LABEL, RESULT = sys.argv[-3:]
ROOT = Path(SCRIPT).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.create_site import ADMIN_USER  # noqa: E402
from scripts.create_site import SITE_ID  # noqa: E402
from scripts.create_site import main as create_site  # noqa: E402


def main(app, label, result):
    from herne.portal.applications.factory import create_application

    create_site(app)
    app = makerequest(app)
    newSecurityManager(None, app.acl_users.getUserById(ADMIN_USER).__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    pdf = b"%PDF-1.4\n% " + label.encode() + b" " + bytes(range(256)) * 40 + b"\n%%EOF\n"
    application = create_application(
        site["leistungen"]["hundesteuer"],
        userid="buerger",
        applicant_name=f"Bernd Bergmann ({label})",
        rows=[{"name": "hund", "title": "Name des Hundes", "value": label}],
        uploads={
            "nachweis": (
                "Nachweis",
                NamedBlobFile(data=pdf, contentType="application/pdf", filename=f"{label}.pdf"),
            )
        },
        consent_time=None,
        delivery_method="post",
        delivery_address="Bahnhofstraße 12\n44623 Herne",
    )
    transaction.commit()
    (upload,) = application.objectValues()
    Path(result).write_text(
        json.dumps(
            {
                "label": label,
                "path": "/".join(application.getPhysicalPath()),
                "reference": application.reference_number,
                "file_path": "/".join(upload.getPhysicalPath()),
                "file_data": base64.b64encode(pdf).decode(),
            }
        )
    )
    print(f"Submitted {application.reference_number} ({label})")


if __name__ == "__main__":
    main(app, LABEL, RESULT)  # noqa: F821 - zconsole provides ``app``
