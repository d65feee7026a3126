"""``make fit-connect-test-server`` runs the test server as a program with a demo destination and says where."""

from herne.portal.fitconnect.client import FitConnectClient
from herne.portal.fitconnect.errors import Refused
from herne.portal.fitconnect.keys import encryption_key
from herne.portal.fitconnect.test_server import CLIENT_ID
from herne.portal.fitconnect.test_server import CLIENT_SECRET
from herne.portal.fitconnect.test_server import DEMO_DESTINATION
from pathlib import Path
import pytest
import subprocess
import sys


def test_the_make_target_starts_the_test_server():
    makefile = (Path(__file__).parents[2] / "Makefile").read_text()
    assert (
        "fit-connect-test-server:\n\t$(BIN)/python -m herne.portal.fitconnect.test_server"
        in makefile
    )


def test_the_test_server_runs_as_a_program_with_its_demo_destination():
    process = subprocess.Popen(
        [sys.executable, "-m", "herne.portal.fitconnect.test_server", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready = process.stdout.readline().split()
        assert ready[0] == "READY"
        url = ready[1]
        client = FitConnectClient(f"{url}/token", url, CLIENT_ID, CLIENT_SECRET)
        destination = client.destination(DEMO_DESTINATION)
        assert destination["status"] == "active"
        key = encryption_key(client.destination_key(DEMO_DESTINATION, destination["encryptionKid"]))
        assert key.key_id == destination["encryptionKid"]
        wrong = FitConnectClient(f"{url}/token", url, CLIENT_ID, "falsch")
        with pytest.raises(Refused, match="Client-ID und -Secret prüfen"):
            wrong.destination(DEMO_DESTINATION)
    finally:
        process.terminate()
        process.wait(10)
