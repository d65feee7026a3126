"""The WSGI write queue of a single instance lets one write at a time into Zope, reads in parallel."""

from herne.portal.write_queue import WriteQueue
from herne.portal.write_queue import default_slots
from herne.portal.write_queue import filter_factory
import pytest
import threading
import time


class Recorder:
    """A WSGI application that notes how many requests of each method it serves at once."""

    def __init__(self):
        self.lock = threading.Lock()
        self.inside = {"GET": 0, "POST": 0}
        self.most = {"GET": 0, "POST": 0}

    def __call__(self, environ, start_response):
        method = "GET" if environ["REQUEST_METHOD"] in ("GET", "HEAD") else "POST"
        with self.lock:
            self.inside[method] += 1
            self.most[method] = max(self.most[method], self.inside[method])
        time.sleep(0.05)
        with self.lock:
            self.inside[method] -= 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]


def run_at_once(app, methods):
    def call(method):
        app({"REQUEST_METHOD": method}, lambda status, headers: None)

    threads = [threading.Thread(target=call, args=(method,)) for method in methods]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_writes_one_at_a_time_reads_side_by_side():
    recorder = Recorder()
    run_at_once(WriteQueue(recorder), ["POST", "PUT", "PATCH", "DELETE"] * 2 + ["GET"] * 6)
    assert recorder.most["POST"] == 1
    assert recorder.most["GET"] > 1


def test_without_the_queue_writes_overlap():
    """The control: the same load straight into the application overlaps."""
    recorder = Recorder()
    run_at_once(recorder, ["POST"] * 6)
    assert recorder.most["POST"] > 1


def test_filter_factory_from_the_ini_file():
    recorder = Recorder()
    app = filter_factory({}, slots="2")(recorder)
    run_at_once(app, ["POST"] * 8)
    assert recorder.most["POST"] == 2
    with pytest.raises(ValueError):
        filter_factory({}, slots="-1")


def test_zero_slots_leave_the_writes_unqueued():
    """``slots = 0`` (the default): the filter hands the application over as it is."""
    recorder = Recorder()
    app = filter_factory({}, slots="0")(recorder)
    assert app is recorder
    run_at_once(app, ["POST"] * 6)
    assert recorder.most["POST"] > 1


@pytest.mark.parametrize(
    ("value", "slots"),
    [
        (None, 0),
        ("", 0),
        ("off", 0),
        ("0", 0),
        ("no", 0),
        ("on", 1),
        ("ON", 1),
        (" on ", 1),
        ("1", 1),
        ("yes", 1),
        ("true", 1),
    ],
)
def test_herne_write_queue_switches_the_queue_on_only_when_asked(value, slots):
    environ = {} if value is None else {"HERNE_WRITE_QUEUE": value}
    assert default_slots(environ) == slots


def test_zope_ini_puts_the_queue_in_front_of_zope():
    from pathlib import Path

    ini = (Path(__file__).resolve().parents[2] / "etc" / "zope.ini.in").read_text()
    assert "use = call:herne.portal.write_queue:filter_factory" in ini
    pipeline = ini.split("[pipeline:main]", 1)[1].split("[", 1)[0].split()
    assert pipeline[-2:] == ["write_queue", "zope"]
