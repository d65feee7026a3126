"""Point the demo site at the test payment service of ``HERNE_PAYMENT=1 make start`` (run with zconsole).

HERNE_DEMO_PAYMENT_PORT=8091 .venv/bin/zconsole run instance/etc/zope.conf scripts/configure_demo_payment.py
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SpecialUsers import system
from herne.portal.demo.payment import configure_demo_payment
import os
from Testing.makerequest import makerequest
import transaction
from zope.component.hooks import setSite


SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")


def main(app):
    app = makerequest(app)
    newSecurityManager(None, system)
    setSite(app[SITE_ID])
    port = int(os.environ.get("HERNE_DEMO_PAYMENT_PORT") or 8091)
    # HERNE_DEMO_PAYMENT_SERVICES=hundesteuer,... : other services than the demo's two (drills).
    services = [
        name for name in os.environ.get("HERNE_DEMO_PAYMENT_SERVICES", "").split(",") if name
    ]
    switched = configure_demo_payment(port=port, services=services or None)
    transaction.commit()
    print(f"E-payment with the test payment service on port {port}: {', '.join(switched)}")


if __name__ == "__main__":
    main(app)  # noqa: F821 - zconsole provides ``app``
