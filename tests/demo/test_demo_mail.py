"""`make start`'s own mail server keeps every mail as a file, and the demo site created by `make start` sends to it."""

from email import message_from_bytes
from email import policy
from email.message import EmailMessage
from herne.portal.controlpanels.portal import portal_sender
from herne.portal.demo import background
from herne.portal.demo.mailserver import MailFolderServer
from herne.portal.eid.provider import eid_enabled
from herne.portal.eid.provider import eid_settings
from herne.portal.eid.secret import client_secret
from pathlib import Path
import pytest
import smtplib
from tests.fixtures.journeys import applications_of
from tests.fixtures.journeys import apply_for_dog_tax
from tests.fixtures.ports import free_port
import time
import transaction
from types import SimpleNamespace


ROOT = Path(__file__).resolve().parents[2]


def eml_files(folder, count=1, timeout=5):
    deadline = time.time() + timeout
    while len(list(folder.glob("*.eml"))) < count and time.time() < deadline:
        time.sleep(0.05)
    return sorted(folder.glob("*.eml"))


@pytest.fixture()
def mail_folder_server(tmp_path):
    folder = tmp_path / "var" / "mail"
    server = MailFolderServer(folder, port=free_port())
    server.start()
    yield server, folder
    server.stop()


def create_site_script():
    """The script's functions, loaded as zconsole runs it: no ``__file__``, not as ``__main__``."""
    path = ROOT / "scripts" / "create_site.py"
    namespace = {"__name__": "create_site"}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    return SimpleNamespace(**namespace)


def test_every_mail_is_kept_as_one_eml_file(mail_folder_server):
    server, folder = mail_folder_server
    for number in (1, 2):
        message = EmailMessage()
        message["From"] = "serviceportal@herne.example"
        message["To"] = "buerger@example.org"
        message["Subject"] = f"Ihr Antrag HER-{number}: Eingegangen"
        message.set_content("Guten Tag,\nIhr Antrag ist eingegangen.")
        with smtplib.SMTP(server.hostname, server.port) as smtp:
            smtp.send_message(message)
    files = eml_files(folder, 2)
    assert len(files) == 2
    subjects = {message_from_bytes(f.read_bytes(), policy=policy.default)["Subject"] for f in files}
    assert subjects == {"Ihr Antrag HER-1: Eingegangen", "Ihr Antrag HER-2: Eingegangen"}
    assert not list(folder.glob(".*"))  # no half-written file left behind


def test_the_created_demo_site_has_a_sender_and_sends_to_the_demo_mail_server(
    mail_folder_server, monkeypatch, demo_functional, citizen, outbox_worker
):
    # mail leaves through the outbox; its worker runs next to every instance
    server, folder = mail_folder_server
    monkeypatch.setenv("HERNE_DEMO_MAIL_PORT", str(server.port))
    monkeypatch.delenv("HERNE_DEMO_EID_PORT", raising=False)
    create_site_script().configure_demo_services()
    transaction.commit()
    assert portal_sender() == ("Stadt Herne – Serviceportal", "serviceportal@herne.example")

    apply_for_dog_tax(citizen(), demo_functional["portal"])
    (application,) = applications_of("buerger")
    mails = [
        message_from_bytes(f.read_bytes(), policy=policy.default) for f in eml_files(folder, 2)
    ]
    receipt = [mail for mail in mails if mail["To"] == "buerger@example.org"]
    assert len(receipt) == 1
    assert application.reference_number in receipt[0]["Subject"]
    assert receipt[0]["From"].addresses[0].addr_spec == "serviceportal@herne.example"
    assert receipt[0]["From"].addresses[0].display_name == "Stadt Herne – Serviceportal"


def test_the_created_demo_site_offers_eid_with_the_demo_provider_when_node_runs_it(
    monkeypatch, demo
):
    script = create_site_script()
    monkeypatch.delenv("HERNE_DEMO_MAIL_PORT", raising=False)
    monkeypatch.setenv("HERNE_DEMO_EID_PORT", "8091")
    monkeypatch.setattr(background, "eid_off_reason", lambda *args, **kwargs: None)
    script.configure_demo_services()
    settings = eid_settings()
    assert settings.enabled is True
    assert settings.issuer == "http://127.0.0.1:8091"
    assert settings.client_id == "herne-portal"
    assert client_secret() == "herne-secret"
    assert eid_enabled()


def test_without_node_the_created_demo_site_keeps_eid_off(monkeypatch, demo, capsys):
    script = create_site_script()
    monkeypatch.delenv("HERNE_DEMO_MAIL_PORT", raising=False)
    monkeypatch.setenv("HERNE_DEMO_EID_PORT", "8090")
    monkeypatch.setattr(
        background, "eid_off_reason", lambda *args, **kwargs: "Node.js is not installed"
    )
    script.configure_demo_services()
    assert not eid_enabled()
    assert "eID log-in is off: Node.js is not installed" in capsys.readouterr().out
