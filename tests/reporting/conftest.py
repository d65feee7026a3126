"""A small catalogue whose OZG figures are known in advance."""

from decimal import Decimal
from herne.portal.catalogue_import.create import create_department
from herne.portal.catalogue_import.create import create_form
from herne.portal.catalogue_import.create import publish
from herne.portal.demo.setup import demo_catalogue
from plone import api
from plone.app.textfield.value import RichTextValue
import pytest
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


#: id, title, facts, whether it gets the demo form of that id, expected (category, level)
SERVICES = [
    (
        "hundesteuer",
        "Hundesteuer",
        {"online_availability": "online_form", "result_delivery": "download"},
        True,
        ("fully_online", 4),
    ),
    (
        "lebensbescheinigung",
        "Lebensbescheinigung",
        {
            "online_availability": "online_form_originals",
            "required_documents": [
                {"name": "Formular des Rententrägers", "provision": "original", "note": ""}
            ],
        },
        True,
        ("online_with_originals", 2),
    ),
    (
        "fuehrungszeugnis",
        "Führungszeugnis",
        {
            "online_availability": "online_form",
            "trust_level": "substantial",
            "fees": [{"amount": Decimal("13.00"), "purpose": "Gebühr"}],
        },
        True,
        ("info_only", 1),
    ),
    (
        "personalausweis",
        "Personalausweis",
        {"online_availability": "on_site_only", "result_delivery": "pickup"},
        False,
        ("on_site_only", 1),
    ),
    (
        "angekuendigt",
        "Angekündigt, ohne Formular",
        {"online_availability": "online_form"},
        False,
        ("info_only", 1),
    ),
    (
        "leer",
        "Ohne Beschreibung",
        {"online_availability": "info_only", "description": "", "prerequisites": None},
        False,
        ("info_only", 0),
    ),
]


def create_service(folder, department, service_id, title, facts, with_form):
    data = {
        "description": f"Beschreibung von {title}",
        "prerequisites": RichTextValue("<p>Voraussetzungen</p>", "text/html", "text/x-html-safe"),
        **facts,
    }
    service = api.content.create(
        container=folder,
        type="Service",
        id=service_id,
        title=title,
        department=RelationValue(getUtility(IIntIds).getId(department)),
        **data,
    )
    publish(service)
    if with_form:
        create_form(service, demo_catalogue().forms[service_id])
    return service


@pytest.fixture()
def known_catalogue(integration):
    portal = integration["portal"]
    with api.env.adopt_roles(["Manager"]):
        steuern = create_department(
            portal["organisation"], {"id": "steuern", "title": "Steuern und Abgaben"}
        )
        buergerdienste = create_department(
            portal["organisation"], {"id": "buergerdienste", "title": "Bürgerdienste"}
        )
        services = {}
        for service_id, title, facts, with_form, _expected in SERVICES:
            department = steuern if service_id == "hundesteuer" else buergerdienste
            services[service_id] = create_service(
                portal["leistungen"], department, service_id, title, facts, with_form
            )
        # Not published: not part of the catalogue citizens see, not counted.
        api.content.create(
            container=portal["leistungen"],
            type="Service",
            id="entwurf",
            title="Noch nicht veröffentlicht",
            online_availability="online_form",
        )
    return services
