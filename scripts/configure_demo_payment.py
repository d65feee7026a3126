"""Point the demo site at the test payment service of ``HERNE_PAYMENT=1 make start`` (run with zconsole).

HERNE_DEMO_PAYMENT_PORT=8091 .venv/bin/zconsole run instance/etc/zope.conf scripts/configure_demo_payment.py
"""

from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
from herne.portal.demo.payment import configure_demo_payment
import os
import transaction


def main(app):
    open_site(app, SITE_ID)
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
