"""What `make start` opens to the network: loopback by default, the network only when asked."""

from pathlib import Path
import shutil
import subprocess


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
