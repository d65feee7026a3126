"""Prepare the cluster's site for a load test (run with zconsole): citizens, clean slate, SMTP.

Environment: HERNE_SITE_ID, HERNE_LOADTEST_USERS (how many citizens ``lasttest-<n>``),
HERNE_LOADTEST_SMTP_HOST and HERNE_LOADTEST_SMTP_PORT (where Plone delivers mail).
Applications of earlier load tests are removed, so that the run's counts start at zero.
"""

from Acquisition import aq_parent
import os
from pathlib import Path
from plone import api
import sys
import transaction
from zope.component.hooks import setSite


sys.path.insert(0, str(Path.cwd()))

from loadtest.accounts import PASSWORD  # noqa: E402
from loadtest.accounts import email  # noqa: E402
from loadtest.accounts import is_loadtest_user  # noqa: E402
from loadtest.accounts import username  # noqa: E402


def remove_earlier_applications(portal):
    catalog = portal.portal_catalog
    removed = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        application = brain._unrestrictedGetObject()
        if is_loadtest_user(getattr(application, "applicant", None)):
            aq_parent(application).manage_delObjects([application.getId()])
            removed += 1
    return removed


def ensure_citizens(count):
    created = 0
    for number in range(1, count + 1):
        if api.user.get(username=username(number)) is None:
            api.user.create(
                username=username(number),
                email=email(number),
                password=PASSWORD,
                properties={"fullname": f"Lasttest Bürger {number}"},
            )
            created += 1
    return created


def main(app):
    portal = app[os.environ.get("HERNE_SITE_ID", "herne")]
    setSite(portal)
    with api.env.adopt_roles(["Manager"]):
        removed = remove_earlier_applications(portal)
        created = ensure_citizens(int(os.environ.get("HERNE_LOADTEST_USERS", "50")))
        api.portal.set_registry_record("plone.smtp_host", os.environ["HERNE_LOADTEST_SMTP_HOST"])
        api.portal.set_registry_record(
            "plone.smtp_port", int(os.environ["HERNE_LOADTEST_SMTP_PORT"])
        )
        if not api.portal.get_registry_record("plone.email_from_address"):
            api.portal.set_registry_record(
                "plone.email_from_address", "serviceportal@herne.example"
            )
            api.portal.set_registry_record("plone.email_from_name", "Stadt Herne")
    transaction.commit()
    print(f"load test set-up: {created} citizens created, {removed} earlier applications removed")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
    sys.exit(0)
