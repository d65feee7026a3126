"""Create the site (as ``make start`` does) and prepare it for a load test, in one zconsole run.

Used by ``crash_filestorage.py`` on its own copy of the ``make start`` layout;
the environment is that of ``scripts/create_site.py`` and ``prepare_site.py``.
"""

from pathlib import Path
import sys


sys.path.insert(0, str(Path.cwd()))

from loadtest.prepare_site import main as prepare_site  # noqa: E402
from scripts.create_site import main as create_site  # noqa: E402


if __name__ == "__main__":
    create_site(app)  # noqa: F821 - zconsole provides ``app``
    prepare_site(app)  # noqa: F821
    sys.exit(0)
