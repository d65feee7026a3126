"""``make start`` starts the test payment service when asked (HERNE_PAYMENT=1); it runs on its own too."""

from herne.portal.demo.background import plan
import requests
import subprocess
import sys


def test_make_start_adds_the_payment_service_only_when_asked(tmp_path):
    asked = plan(tmp_path, 8080, 8025, 8090, environ={"HERNE_PAYMENT": "1", "PAYMENT_PORT": "8199"})
    (command,) = [command for command in asked.commands if command["name"] == "payment"]
    assert command["args"][1:] == [
        "-m",
        "herne.portal.payment.sandbox",
        "--port",
        "8199",
        "--hooks",
    ]
    assert any("http://127.0.0.1:8199" in notice for notice in asked.notices)
    plain = plan(tmp_path, 8080, 8025, 8090, environ={})
    assert "payment" not in [command["name"] for command in plain.commands]


def test_the_payment_service_runs_as_a_program_and_says_where():
    process = subprocess.Popen(
        [sys.executable, "-m", "herne.portal.payment.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready = process.stdout.readline().split()
        assert ready[0] == "READY"
        answer = requests.get(f"{ready[1]}/paymenttransaction/herne/amt/TX1", timeout=5)
        assert answer.status_code == 401  # user and password are required
    finally:
        process.terminate()
        process.wait(10)
