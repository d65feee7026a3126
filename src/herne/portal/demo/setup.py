"""Create the demo catalogue and demo log-ins; running it again changes nothing."""

from decimal import Decimal
from herne.portal.setuphandlers import CATALOGUE_FOLDER_ID
from herne.portal.setuphandlers import DEPARTMENTS_FOLDER_ID
import logging
from plone import api
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


logger = logging.getLogger(__name__)

DEPARTMENT_FIELDS = ("address", "opening_hours", "phone", "email")
SERVICE_FIELDS = (
    "service_key",
    "life_situations",
    "processing_time",
    "legal_basis",
    "result_delivery",
    "trust_level",
    "online_availability",
    "contact",
    "plain_language_summary",
)


def _publish(obj):
    if api.content.get_state(obj) != "published":
        api.content.transition(obj=obj, to_state="published")


def _create_department(folder, data):
    department = api.content.create(
        container=folder,
        type="Department",
        id=data["id"],
        title=data["title"],
        description=data.get("description", ""),
        **{name: data.get(name) for name in DEPARTMENT_FIELDS},
    )
    _publish(department)
    return department


def _create_service(folder, data, departments):
    intids = getUtility(IIntIds)
    department = departments[data["department"]]
    service = api.content.create(
        container=folder,
        type="Service",
        id=data["id"],
        title=data["title"],
        description=data.get("description", ""),
        subject=tuple(data.get("subjects", ())),
        department=RelationValue(intids.getId(department)),
        prerequisites=RichTextValue(data["prerequisites"], "text/html", "text/x-html-safe"),
        required_documents=[dict(row) for row in data["required_documents"]],
        fees=[
            {"amount": Decimal(row["amount"]), "purpose": row["purpose"]} for row in data["fees"]
        ],
        **{name: data.get(name) for name in SERVICE_FIELDS},
    )
    _publish(service)
    return service


def _create_user(data):
    if api.user.get(username=data["username"]) is None:
        api.user.create(
            username=data["username"],
            email=data["email"],
            password=data["password"],
            properties={"fullname": data["fullname"]},
        )
    if data.get("roles"):
        api.user.grant_roles(username=data["username"], roles=list(data["roles"]))
    for group_id in data.get("groups", ()):
        if data["username"] not in [
            user.getId() for user in api.user.get_users(groupname=group_id)
        ]:
            api.group.add_user(groupname=group_id, username=data["username"])


def _create_form(service):
    from herne.portal.demo.forms import ACTIONS_MODEL
    from herne.portal.demo.forms import fields_model

    form = api.content.create(
        container=service,
        type="EasyForm",
        id="antrag",
        title=f"Online-Antrag: {service.title}",
        description=(
            "Bitte füllen Sie alle Pflichtfelder aus. Ihre Angaben werden verschlüsselt übertragen."
        ),
    )
    form.fields_model = fields_model(service.getId())
    form.actions_model = ACTIONS_MODEL
    form.submitLabel = "Antrag absenden"
    form.thankstitle = "Vielen Dank"
    _publish(form)
    return form


def create_demo_content(context=None):
    """Departments, services and demo users of Herne; existing items are left alone."""
    # The data is only imported when the demo profile runs, never on a production site.
    from herne.portal.demo.catalogue_data import DEMO_USERS
    from herne.portal.demo.catalogue_data import DEPARTMENTS
    from herne.portal.demo.catalogue_data import SERVICES
    from herne.portal.demo.forms import FORMS

    portal = api.portal.get()
    department_folder = portal[DEPARTMENTS_FOLDER_ID]
    service_folder = portal[CATALOGUE_FOLDER_ID]
    created = 0
    with api.env.adopt_roles(["Manager"]):
        departments = {}
        for data in DEPARTMENTS:
            department = department_folder.get(data["id"])
            if department is None:
                department = _create_department(department_folder, data)
                created += 1
            departments[data["id"]] = department
        for data in SERVICES:
            if data["id"] not in service_folder:
                _create_service(service_folder, data, departments)
                created += 1
        for service_id in FORMS:
            service = service_folder.get(service_id)
            if service is not None and "antrag" not in service:
                _create_form(service)
                created += 1
        for data in DEMO_USERS:
            _create_user(data)
    logger.info("Herne demo content: %s items created", created)
