"""Filing an application reads as much of its department's folder with 3,000 applications as with 100."""

from herne.portal.applications.areas import area_for_department
from OFS.SimpleItem import SimpleItem
import transaction


def loads_of_one_filing(portal, build_application, area, size):
    """Objects the database loads while one application is filed and committed into ``area``."""
    for number in range(len(area), size):
        item = SimpleItem()
        item.id = f"antrag-fill-{number:05d}"
        area._setOb(item.id, item)  # stands in for an application: only its id is read
    transaction.commit()
    connection = portal._p_jar
    connection.cacheMinimize()
    connection.getTransferCounts(True)
    build_application(portal, service="fuehrungszeugnis")
    transaction.commit()
    return connection.getTransferCounts(True)[0]


def test_filing_does_not_read_every_application_of_the_department(demo_functional):
    from tests.fixtures.applications import build_application

    portal = demo_functional["portal"]
    area = area_for_department(portal["leistungen"]["fuehrungszeugnis"].department_object())
    # The first filing also draws the process's block of reference numbers, sets up the
    # outbox and the like: compare the second and the third.
    loads_of_one_filing(portal, build_application, area, 100)
    few = loads_of_one_filing(portal, build_application, area, 100)
    many = loads_of_one_filing(portal, build_application, area, 3000)
    # The folder's tree is a few levels deeper, not thirty times as wide.
    assert many <= few + 10, (few, many)
