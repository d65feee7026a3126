"""Create the Herne site with demo content unless it exists (run with zconsole)."""

from AccessControl.SecurityManagement import newSecurityManager
from herne.portal.console_jobs import SITE_ID
import os
from Products.CMFPlone.factory import addPloneSite
import sys
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


ADMIN_USER = os.environ.get("HERNE_ADMIN_USER", "admin")
ADMIN_PASSWORD = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
PROFILES = [
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "herne.portal:default",
    "herne.portal:demo",
]


def configure_demo_services():
    """Mail to the demo mail server of `make start`; eID with its demo provider when Node.js runs it."""
    from herne.portal.demo.background import eid_off_reason
    from herne.portal.demo.site import configure_demo_eid
    from herne.portal.demo.site import configure_demo_mail
    from pathlib import Path

    mail_port = os.environ.get("HERNE_DEMO_MAIL_PORT")
    if mail_port:
        configure_demo_mail(port=int(mail_port))
        print(f"Mail goes to the demo mail server on port {mail_port} (kept in var/mail/)")
    eid_port = os.environ.get("HERNE_DEMO_EID_PORT")
    if eid_port:
        # zconsole runs this script without __file__; make runs it in the checkout.
        reason = eid_off_reason(Path.cwd() / "eid-provider")
        if reason:
            print(f"eID log-in is off: {reason}")
        else:
            configure_demo_eid(port=int(eid_port))
            print(f"eID log-in offered with the demo OpenID provider on port {eid_port}")


def create_demo_bookings():
    """Bookings in every state and a closure at both Bürgerdienste, on the next working days."""
    from herne.portal.demo.bookings import create_demo_bookings as create

    made = create()
    print(f"{made} demo bookings at the Bürgerdienste from the next working day on")


def create_demo_assisted_applications():
    """The Digitallotsin's application for Erna Engel, who has no account and hears by letter."""
    from herne.portal.demo.assisted import create_demo_assisted_applications as create

    made = create()
    print(f"{len(made)} demo application(s) entered by the Digitallotsin, receipt by letter")


def main(app):
    app = makerequest(app)
    acl_users = app.acl_users
    if acl_users.getUserById(ADMIN_USER) is None:
        acl_users._doAddUser(ADMIN_USER, ADMIN_PASSWORD, ["Manager"], [])
        print(f"Created Zope administrator {ADMIN_USER!r}")
    newSecurityManager(None, acl_users.getUserById(ADMIN_USER).__of__(acl_users))
    if SITE_ID in app.objectIds():
        print(f"Site {SITE_ID!r} exists, nothing to do")
        return
    site = addPloneSite(
        app,
        SITE_ID,
        title="Serviceportal Stadt Herne",
        description="Dienstleistungen der Stadt Herne online beantragen",
        extension_ids=PROFILES,
        setup_content=False,
        default_language="de",
        portal_timezone="Europe/Berlin",
    )
    # Commit with the site set: catalog queue processing at commit needs it.
    setSite(site)
    public_url = os.environ.get("HERNE_PUBLIC_URL")
    if public_url:
        # The address QR codes, flyers and the form notice name.
        site.portal_registry["herne.portal.site.public_url"] = public_url
    configure_demo_services()
    create_demo_bookings()
    create_demo_assisted_applications()
    transaction.commit()
    print(f"Created site {SITE_ID!r} with demo content")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
    sys.exit(0)
