"""The committed lock is complete, holds only stable releases, and is what is installed."""

from importlib import metadata
from packaging.utils import canonicalize_name
from packaging.version import Version
from pathlib import Path
import pytest


ROOT = Path(__file__).parents[2]


def read_lock():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, _sep, version = line.partition("==")
        assert _sep, f"not an exact pin: {line!r}"
        pins[canonicalize_name(name)] = version.strip()
    return pins


def _vendored(dist):
    """Copies setuptools carries inside itself; importing pkg_resources puts them on sys.path."""
    return "_vendor" in Path(str(dist.locate_file(""))).parts


def installed():
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if canonicalize_name(dist.metadata["Name"]) != "herne-portal" and not _vendored(dist)
    }


def test_lock_has_no_prereleases():
    pre = {name: v for name, v in read_lock().items() if Version(v).is_prerelease}
    assert pre == {}


def test_every_installed_distribution_is_locked_at_its_version():
    lock = read_lock()
    mismatched = {
        name: (version, lock.get(name))
        for name, version in installed().items()
        if lock.get(name) != version
    }
    assert mismatched == {}


def test_lock_has_nothing_that_is_not_installed():
    missing = set(read_lock()) - set(installed())
    assert missing == set()


@pytest.mark.parametrize("name, version", [("plone", "6.2.2"), ("products-cmfplone", "6.2.2")])
def test_lock_pins_plone_62(name, version):
    assert read_lock()[name] == version


def test_buildout_versions_match_the_lock():
    versions = {}
    for line in (ROOT / "versions.cfg").read_text().splitlines():
        if " = " in line and not line.startswith("#"):
            name, version = line.split(" = ", 1)
            versions[canonicalize_name(name)] = version.strip()
    assert versions == read_lock()
