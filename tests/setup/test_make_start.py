"""What `make start` runs: loopback by default, the demo mail server, the demo eID provider when Node.js is there."""

from herne.portal.demo import background
import os
from pathlib import Path
import shutil
import socket
import subprocess
import sys
import textwrap
import time


ROOT = Path(__file__).resolve().parents[2]


def instance_config_commands(folder, *assignments):
    """The commands `make start` would run in ``folder`` to write the instance's server configuration."""
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "instance/etc/zope.ini", *assignments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def checkout(tmp_path, with_instance=False):
    """The Makefile and the configuration templates, as a fresh clone or after a first start."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copytree(ROOT / "etc", tmp_path / "etc")
    if with_instance:
        (tmp_path / "instance" / "etc").mkdir(parents=True)
        (tmp_path / "instance" / "etc" / "zope.ini").write_text("listen = 127.0.0.1:8080\n")
    return tmp_path


def test_the_demo_site_listens_on_loopback_only_by_default(tmp_path):
    # The demo accounts have published passwords: nobody else on the network may reach them.
    commands = instance_config_commands(checkout(tmp_path))
    assert "s#@HOST@#127.0.0.1#g" in commands
    assert "0.0.0.0" not in commands


def test_host_opens_it_to_the_network_on_purpose_also_after_a_first_start(tmp_path):
    folder = checkout(tmp_path, with_instance=True)
    assert "s#@HOST@#0.0.0.0#g" in instance_config_commands(folder, "HOST=0.0.0.0")
    # and the next plain start closes it again
    assert "s#@HOST@#127.0.0.1#g" in instance_config_commands(folder)


# The demo's helpers next to the instance: mail server and eID provider.


def fake_node(folder, version):
    node = folder / "bin" / "node"
    node.parent.mkdir(parents=True, exist_ok=True)
    node.write_text(f"#!/bin/sh\necho {version}\n")
    node.chmod(0o755)
    return str(node)


def with_provider(folder):
    """A checkout with the demo provider's script (node_modules not installed)."""
    (folder / "eid-provider").mkdir()
    (folder / "eid-provider" / "provider.mjs").write_text("// the demo OpenID provider\n")
    return folder


def which_with(**programs):
    return lambda name: programs.get(name)


def test_make_start_runs_the_instance_with_the_demo_helpers(tmp_path):
    commands = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "-o", "site", "start", "PORT=8081"],
        cwd=checkout(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "-m herne.portal.demo.background 8081 8025 8090 -- .venv/bin/runwsgi" in commands


def test_the_created_site_is_told_the_ports_of_mail_and_eid(tmp_path):
    commands = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", "-o", "instance", "site", "MAIL_PORT=2525"],
        cwd=checkout(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "HERNE_DEMO_MAIL_PORT=2525 HERNE_DEMO_EID_PORT=8090" in commands


def test_without_node_the_mail_server_starts_and_start_says_why_eid_is_off(tmp_path):
    with_provider(tmp_path)
    plan = background.plan(tmp_path, 8080, 8025, 8090, which=which_with())
    assert [command["name"] for command in plan.commands] == ["mail"]
    assert any(
        notice.startswith("eID log-in is off: Node.js is not installed") for notice in plan.notices
    )
    assert any(str(tmp_path / "var" / "mail") in notice for notice in plan.notices)


def test_an_old_node_keeps_eid_off_and_says_so(tmp_path):
    with_provider(tmp_path)
    node = fake_node(tmp_path, "v16.20.0")
    plan = background.plan(tmp_path, 8080, 8025, 8090, which=which_with(node=node, npm=node))
    assert [command["name"] for command in plan.commands] == ["mail"]
    assert "eID log-in is off: Node.js 20 or newer is needed, found 16" in " ".join(plan.notices)


def test_with_node_the_demo_provider_starts_for_the_demo_site(tmp_path):
    with_provider(tmp_path)
    node = fake_node(tmp_path, "v22.11.0")
    (tmp_path / "eid-provider" / "node_modules" / "oidc-provider").mkdir(parents=True)
    plan = background.plan(tmp_path, 8080, 8025, 8090, which=which_with(node=node))
    (mail, eid) = plan.commands
    assert eid["args"] == [node, "provider.mjs"]
    assert eid["cwd"] == str(tmp_path / "eid-provider")
    assert eid["env"]["OP_PORT"] == "8090"
    assert eid["env"]["OP_CLIENT_ID"] == "herne-portal"
    assert "http://localhost:8080/herne/acl_users/oidc/callback" in eid["env"]["OP_REDIRECT_URIS"]
    assert "http://127.0.0.1:8080/herne/acl_users/oidc/callback" in eid["env"]["OP_REDIRECT_URIS"]
    assert "eID: demo OpenID provider at http://127.0.0.1:8090" in plan.notices[-1]


def test_with_node_but_no_modules_npm_ci_runs_first(tmp_path):
    with_provider(tmp_path)
    node = fake_node(tmp_path, "v20.1.0")
    plan = background.plan(
        tmp_path, 8080, 8025, 8090, which=which_with(node=node, npm="/usr/bin/npm")
    )
    assert [command["name"] for command in plan.commands] == ["mail", "npm ci", "eid"]
    assert plan.commands[1]["wait"] is True


def test_start_serves_with_the_mail_server_and_stops_it_with_the_instance(tmp_path, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        mail_port = sock.getsockname()[1]
    monkeypatch.setattr(
        background, "eid_off_reason", lambda *args, **kwargs: "no Node.js in this test"
    )
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))
    # Stands in for runwsgi: the portal sends one mail while it runs.
    instance = textwrap.dedent(
        f"""
        import smtplib, time
        for attempt in range(100):
            try:
                smtp = smtplib.SMTP("127.0.0.1", {mail_port})
                break
            except OSError:
                time.sleep(0.1)
        smtp.sendmail("serviceportal@herne.example", ["buerger@example.org"], "Subject: Eingegangen\\n\\nDanke.")
        smtp.quit()
        """
    )
    returncode = background.run(tmp_path, 8080, mail_port, 8090, [sys.executable, "-c", instance])
    assert returncode == 0
    (mail,) = (tmp_path / "var" / "mail").glob("*.eml")
    assert b"Subject: Eingegangen" in mail.read_bytes()
    with socket.socket() as sock:  # the mail server ended with the instance
        assert sock.connect_ex(("127.0.0.1", mail_port)) != 0


def test_stopping_make_start_stops_the_instance_and_the_mail_server(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        mail_port = sock.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "herne.portal.demo.background",
            "8080",
            str(mail_port),
            "8090",
            "--",
            sys.executable,
            "-c",
            "import time; time.sleep(60)",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        output = process.stdout.readline() + process.stdout.readline()
        assert "eID log-in is off" in output  # no eid-provider/ in this folder
        deadline = time.time() + 20
        while time.time() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", mail_port)) == 0:
                    break
            time.sleep(0.1)
        else:
            raise AssertionError("the mail server did not start")
        process.terminate()  # `kill` on make start, as a service manager stops it
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", mail_port)) != 0


# The write queue of the instance: off by default, HERNE_WRITE_QUEUE=on puts it in.


def rendered_write_slots(folder, *assignments, env=None):
    """``make instance/etc/zope.ini`` in ``folder``; the ``slots`` of the write queue it wrote."""
    environment = {key: value for key, value in os.environ.items() if key != "HERNE_WRITE_QUEUE"}
    subprocess.run(
        ["make", "--no-print-directory", "instance/etc/zope.ini", *assignments],
        cwd=folder,
        env={**environment, **(env or {})},
        capture_output=True,
        check=True,
    )
    ini = (folder / "instance" / "etc" / "zope.ini").read_text()
    section = ini.split("[filter:write_queue]", 1)[1].split("\n[", 1)[0]
    (slots,) = [
        line.split("=", 1)[1].strip() for line in section.splitlines() if line.startswith("slots")
    ]
    return slots


def test_make_start_queues_the_writes_only_when_asked(tmp_path):
    from herne.portal.write_queue import WriteQueue
    from herne.portal.write_queue import filter_factory

    folder = checkout(tmp_path)
    assert rendered_write_slots(folder) == "0"
    application = object()
    assert filter_factory({}, slots="0")(application) is application
    # on from the command line or the environment; the next plain start leaves it out again
    assert rendered_write_slots(folder, "HERNE_WRITE_QUEUE=on") == "1"
    assert isinstance(filter_factory({}, slots="1")(lambda *args: None), WriteQueue)
    assert rendered_write_slots(folder, env={"HERNE_WRITE_QUEUE": "ON"}) == "1"
    assert rendered_write_slots(folder, "HERNE_WRITE_QUEUE=off") == "0"
    assert rendered_write_slots(folder) == "0"
