"""Retention on a real FileStorage as cron runs it: after the job and a pack nothing is left.

The job (``scripts/apply_retention.py --pack`` through zconsole) must leave no trace
of a deleted or anonymised application or an expired draft in the database file, the
catalog or the blob directory: the markers of their personal data are looked for in
the bytes of every file.
"""

import json
from pathlib import Path
import pytest
import subprocess
from tests.fixtures.storage import BIN
from tests.fixtures.storage import ROOT
from tests.fixtures.storage import filestorage_zconfig
from tests.fixtures.storage import instance_layout
from tests.fixtures.storage import opened


pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
MARKERS = ("Quirrenbachdel", "Quirrenbachano", "Quirrenbachdraft")


def zconsole(zope_conf, script, *arguments):
    process = subprocess.run(
        [str(BIN / "zconsole"), "run", str(zope_conf), str(script), *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert process.returncode == 0, process.stdout + process.stderr[-3000:]
    return process.stdout


def files_containing(directory, marker):
    """Files with the marker as written or as the search index keeps it (lower case)."""
    needles = (marker.encode(), marker.lower().encode())
    return [
        path
        for path in Path(directory).rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("retention-site")
    zope_conf = instance_layout(base)
    result = base / "written.json"
    zconsole(zope_conf, HERE / "write_closed.py", result)
    return {"conf": zope_conf, "var": base / "var", "written": json.loads(result.read_text())}


def test_job_and_pack_leave_nothing_of_removed_applications(site):
    var = site["var"]
    written = site["written"]
    # positive control: before the job every marker is in the files
    for marker in MARKERS:
        assert files_containing(var / "filestorage", marker), marker
        assert Path(written[marker]["blob"]).exists()

    preview = zconsole(site["conf"], ROOT / "scripts" / "apply_retention.py", "--dry-run")
    assert "1 closed applications would be anonymised" in preview
    assert "1 closed applications would be deleted" in preview
    assert "1 stale drafts would be removed" in preview

    output = zconsole(site["conf"], ROOT / "scripts" / "apply_retention.py", "--pack")

    assert written["Quirrenbachdel"]["reference"] in output
    assert written["Quirrenbachano"]["reference"] in output
    assert "1 closed applications were anonymised" in output
    assert "1 closed applications were deleted" in output
    assert "1 stale drafts were removed" in output
    assert "Database packed" in output
    for marker in MARKERS:
        assert files_containing(var / "filestorage", marker) == [], marker
        assert files_containing(var / "blobstorage", marker) == [], marker
        assert not Path(written[marker]["blob"]).exists()
    assert not (var / "filestorage" / "Data.fs.old").exists()

    with opened(filestorage_zconfig(var)) as app:
        site_root = app["herne"]
        catalog = site_root.portal_catalog
        anonymised = written["Quirrenbachano"]
        brains = catalog.unrestrictedSearchResults(reference_number=anonymised["reference"])
        assert [b.review_state for b in brains] == ["rejected"]
        assert not catalog.unrestrictedSearchResults(
            reference_number=written["Quirrenbachdel"]["reference"]
        )
        for marker in MARKERS:
            assert not catalog.unrestrictedSearchResults(SearchableText=marker)
            assert marker.lower() not in set(catalog.plone_lexicon.words())

    # a second run has nothing more to do
    again = zconsole(site["conf"], ROOT / "scripts" / "apply_retention.py")
    assert "0 closed applications were anonymised" in again
    assert "0 closed applications were deleted" in again
