"""One Zope instance of the ``make start`` layout (FileStorage) in a folder of its own."""

import base64
from herne.portal.write_queue import default_slots
import json
import os
from pathlib import Path
from scripts.cluster import BIN
from scripts.cluster import answers
import shutil
import signal
import subprocess
import time
import urllib.request


ROOT = Path(__file__).resolve().parents[1]
SITE_ID = os.environ.get("HERNE_SITE_ID", "herne")


def render_layout(directory, port, write_slots=None):
    """``make instance`` in ``directory``: the same templates, PROJECT set to the folder.

    ``write_slots``: the instance's write queue (0: none); default as ``make``, from
    ``HERNE_WRITE_QUEUE`` (0 unless it is on: 1).
    """
    if write_slots is None:
        write_slots = default_slots()
    etc = directory / "instance" / "etc"
    etc.mkdir(parents=True, exist_ok=True)
    for sub in ("filestorage", "blobstorage", "log", "cache"):
        (directory / "var" / sub).mkdir(parents=True, exist_ok=True)
    values = {
        "@PROJECT@": str(directory),
        "@HOST@": "127.0.0.1",
        "@PORT@": str(port),
        "@WRITE_SLOTS@": str(write_slots),
    }
    for name in ("zope.conf", "zope.ini"):
        text = (ROOT / "etc" / f"{name}.in").read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace(key, value)
        (etc / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "etc" / "site.zcml", etc / "site.zcml")
    return etc / "zope.conf", etc / "zope.ini"


def zconsole(zope_conf, script, **env):
    return subprocess.run(
        [str(BIN / "zconsole"), "run", str(zope_conf), str(ROOT / script)],
        cwd=ROOT,
        env={**os.environ, "HERNE_SITE_ID": SITE_ID, **env},
        check=True,
        capture_output=True,
        text=True,
    )


class Instance:
    """``runwsgi`` on the rendered ``zope.ini``, in its own session."""

    def __init__(self, ini, port, log, env=None):
        self.ini, self.port, self.log = ini, port, log
        self.env = env
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/{SITE_ID}"

    def start(self, timeout=300):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(BIN / "runwsgi"), str(self.ini)],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, **(self.env or {})},
            )
        started = time.monotonic()
        while not answers(f"{self.url}/@@ok"):
            if self.process.poll() is not None:
                raise RuntimeError(f"the instance ended while starting, see {self.log}")
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"the instance did not answer within {timeout} s")
            time.sleep(0.5)
        return time.monotonic() - started

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        return {"instance": "filestorage", "pid": self.process.pid}

    def stop(self, timeout=60):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def admin_json(url):
    """GET ``url`` as the Zope administrator, answered as JSON."""
    user = os.environ.get("HERNE_ADMIN_USER", "admin")
    password = os.environ.get("HERNE_ADMIN_PASSWORD", "admin")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    request = urllib.request.Request(
        url, headers={"Authorization": f"Basic {token}", "Accept": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def catalogued_references(instance):
    """The reference numbers the restarted instance's catalog lists (REST ``@search``)."""
    url = (
        f"{instance.url}/@search?portal_type=Application&b_size=100000"
        "&metadata_fields=reference_number&metadata_fields=applicant"
    )
    items = admin_json(url)["items"]
    return {
        item["@id"].split("://", 1)[-1].split("/", 1)[-1]: item["reference_number"]
        for item in items
        if (item.get("applicant") or "").startswith("lasttest-")
    }
