"""Load a city's own service catalogue (a folder of JSON files, see README.rst) into the site (run with zconsole).

.venv/bin/zconsole run instance/etc/zope.conf scripts/load_catalogue.py path/to/catalogue

The folder is checked first; nothing is written when it has problems. Existing
departments, services and forms are left alone, so running it again changes nothing.
"""

from herne.portal.catalogue_import.create import import_catalogue
from herne.portal.catalogue_import.loader import CatalogueError
from herne.portal.catalogue_import.loader import load_catalogue
from herne.portal.console_jobs import SITE_ID
from herne.portal.console_jobs import open_site
import sys
import transaction


def main(app, folder):
    _app, site = open_site(app, SITE_ID)
    try:
        # Checked against the site: users.json may name the groups that exist there.
        catalogue = load_catalogue(folder, site)
    except CatalogueError as error:
        print(error, file=sys.stderr)
        return 1
    created = import_catalogue(catalogue, site)
    transaction.commit()
    print(
        f"{created} items created from {folder}: {len(catalogue.departments)} departments, "
        f"{len(catalogue.services)} services, {len(catalogue.forms)} forms in the folder"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(app, sys.argv[-1]))  # noqa: F821 - zconsole provides ``app``
