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


def test_the_demo_site_pays_online_with_the_test_payment_service(demo):
    from herne.portal.demo.payment import configure_demo_payment
    from herne.portal.payment.settings import fees_paid_online
    from herne.portal.payment.settings import provider_for
    from herne.portal.security_headers import payment_service_origin

    services = demo["portal"]["leistungen"]
    assert not fees_paid_online(services["bewohnerparkausweis"])
    assert configure_demo_payment(port=8199) == ["bewohnerparkausweis", "fuehrungszeugnis"]
    assert fees_paid_online(services["bewohnerparkausweis"])
    assert fees_paid_online(services["fuehrungszeugnis"])
    assert not fees_paid_online(services["wohngeld"])  # free: never paid
    client = provider_for(services["bewohnerparkausweis"])
    assert (client.base_url, client.auth) == (
        "http://127.0.0.1:8199",
        ("herne", "herne-pay-secret"),
    )
    # the pay page's origin is where forms may go (Erneut bezahlen redirects there)
    assert payment_service_origin() == "http://127.0.0.1:8199"


def test_make_start_points_the_site_at_the_payment_service_when_asked():
    from pathlib import Path

    makefile = (Path(__file__).parents[2] / "Makefile").read_text()
    start = makefile.split("\nstart: site\n", 1)[1].split("\n\n", 1)[0]
    assert '[ "$(HERNE_PAYMENT)" = 1 ]' in start
    assert "HERNE_DEMO_PAYMENT_PORT=$(PAYMENT_PORT)" in start
    assert "scripts/configure_demo_payment.py" in start
