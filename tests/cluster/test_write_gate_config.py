"""The cluster's write gate in HAProxy: one write at a time by default, none with HERNE_WRITE_QUEUE=off or --write-slots 0."""

from pathlib import Path
import pytest
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import parse  # noqa: E402
from scripts.cluster import write_configs  # noqa: E402


@pytest.fixture
def environment(monkeypatch):
    monkeypatch.delenv("HERNE_WRITE_QUEUE", raising=False)
    monkeypatch.delenv("HERNE_CLUSTER_WRITE_SLOTS", raising=False)
    return monkeypatch


def haproxy_config(directory, write_slots):
    settings = Settings(
        dsn="host=127.0.0.1 dbname=unused",
        instances=2,
        port=18080,
        first_port=18081,
        directory=directory,
        cache=False,
        write_slots=write_slots,
    )
    write_configs(settings)
    return directory / "etc" / "haproxy.cfg"


def gate_line(config):
    (line,) = [line for line in config.read_text().splitlines() if "server gate" in line]
    return line.split()


def test_by_default_the_cluster_works_on_one_write_at_a_time(environment):
    assert Settings().write_slots == 1
    assert parse(["start"])[1].write_slots == 1


def test_herne_write_queue_off_opens_the_gate(environment):
    environment.setenv("HERNE_WRITE_QUEUE", "off")
    assert Settings().write_slots == 0
    assert parse(["start"])[1].write_slots == 0
    # an explicit number still wins
    assert parse(["start", "--write-slots", "2"])[1].write_slots == 2
    environment.setenv("HERNE_CLUSTER_WRITE_SLOTS", "3")
    assert Settings().write_slots == 3


def test_write_slots_zero_renders_no_limit_on_the_gate(environment, tmp_path):
    assert gate_line(haproxy_config(tmp_path / "gate", 1))[-2:] == ["maxconn", "1"]
    # maxconn 0 is HAProxy's "no limit": the writes pass on to the instances as they come
    config = haproxy_config(
        tmp_path / "open", parse(["start", "--write-slots", "0"])[1].write_slots
    )
    assert gate_line(config)[-2:] == ["maxconn", "0"]
    haproxy = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")
    if haproxy:
        check = subprocess.run([haproxy, "-c", "-f", str(config)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_a_negative_number_of_write_slots_is_refused(environment, tmp_path):
    with pytest.raises(SystemExit):
        haproxy_config(tmp_path, -1)
