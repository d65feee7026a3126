"""Create the site (as ``make start`` does), prepare it for load and switch FIT-Connect delivery on, in one zconsole run.

Used by ``crash_outbox.py``; the environment is that of ``crash_site.py`` plus
``HERNE_FIT_CONNECT_URL`` (the drill's test server) and ``HERNE_FIT_CONNECT_DESTINATION``.
The dog-tax service (``accounts.SERVICE_PATH``) delivers to that destination, which
is registered at the test server with the service's generated JSON Schema, so the
test server checks every data set it decrypts against it.
"""

import json
import os
from pathlib import Path
from plone import api
import sys
import transaction
import urllib.request
from zope.component.hooks import setSite


sys.path.insert(0, str(Path.cwd()))

from herne.portal.fitconnect.credentials import set_client_secret  # noqa: E402
from herne.portal.fitconnect.dataset import form_json_schema  # noqa: E402
from herne.portal.fitconnect.dataset import service_identifier  # noqa: E402
from herne.portal.fitconnect.test_pki import ROOT_PATH  # noqa: E402
from herne.portal.fitconnect.test_server import CLIENT_ID  # noqa: E402
from herne.portal.fitconnect.test_server import CLIENT_SECRET  # noqa: E402
from loadtest.accounts import SERVICE_PATH  # noqa: E402
from loadtest.prepare_site import main as prepare_site  # noqa: E402
from scripts.create_site import main as create_site  # noqa: E402


PREFIX = "herne.portal.fitconnect"


def switch_fit_connect_on(portal, base_url, destination):
    setSite(portal)
    service = portal.unrestrictedTraverse(SERVICE_PATH.rsplit("/", 1)[0])
    schema = form_json_schema(service)
    body = {
        "destinationId": destination,
        "services": [
            {"identifier": service_identifier(service), "schemas": {schema["$id"]: schema}}
        ],
    }
    request = urllib.request.Request(
        f"{base_url}/_destinations",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(f"{PREFIX}.enabled", True)
        api.portal.set_registry_record(f"{PREFIX}.token_url", f"{base_url}/token")
        api.portal.set_registry_record(f"{PREFIX}.api_url", base_url)
        api.portal.set_registry_record(f"{PREFIX}.client_id", CLIENT_ID)
        api.portal.set_registry_record(
            f"{PREFIX}.destinations", [f"{service.getId()}={destination}"]
        )
        set_client_secret(CLIENT_SECRET)
        with urllib.request.urlopen(f"{base_url}{ROOT_PATH}", timeout=30) as response:
            # the test server's CA: the destinations' certificate chains lead to it
            api.portal.set_registry_record(f"{PREFIX}.trusted_roots", response.read().decode())
    transaction.commit()
    print(f"FIT-Connect: {service.getId()} delivers to {destination} at {base_url}")


if __name__ == "__main__":
    create_site(app)  # noqa: F821 - zconsole provides ``app``
    prepare_site(app)  # noqa: F821
    switch_fit_connect_on(
        app[os.environ.get("HERNE_SITE_ID", "herne")],  # noqa: F821
        os.environ["HERNE_FIT_CONNECT_URL"],
        os.environ["HERNE_FIT_CONNECT_DESTINATION"],
    )
    sys.exit(0)
