"""Create the demo catalogue and demo log-ins; running it again changes nothing."""

from herne.portal.catalogue_import.create import import_catalogue
from herne.portal.catalogue_import.loader import load_catalogue
from herne.portal.demo.front_page import create_front_page_content
from herne.portal.demo.helpers import create_demo_helpers
from herne.portal.demo.translations import create_demo_translations
from herne.portal.languages import mark_german_content
import logging
from pathlib import Path
from plone import api


logger = logging.getLogger(__name__)

#: the demo catalogue of Herne, in the format a city uses for its own (see README.rst)
DEMO_DATA = Path(__file__).resolve().parent / "data"


def demo_catalogue():
    """The demo catalogue as loaded from ``DEMO_DATA`` (departments, services, forms, users)."""
    return load_catalogue(DEMO_DATA)


def create_demo_content(context=None):
    """Departments, services, demo users and Digitallotsen of Herne; existing items are left alone."""
    created = import_catalogue(demo_catalogue())
    mark_german_content(api.portal.get())
    create_demo_translations()
    create_front_page_content()
    create_demo_helpers()
    logger.info("Herne demo content: %s items created", created)
