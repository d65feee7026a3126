"""Create a loaded catalogue in the site: departments, services, their forms and log-ins."""

from decimal import Decimal
from herne.portal.catalogue_import.booking import set_office_booking
from herne.portal.catalogue_import.booking import set_service_booking
from herne.portal.catalogue_import.forms import ACTIONS_MODEL
from herne.portal.catalogue_import.forms import fields_model
from herne.portal.setuphandlers import CATALOGUE_FOLDER_ID
from herne.portal.setuphandlers import DEPARTMENTS_FOLDER_ID
from plone import api
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


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
FORM_ID = "antrag"


def publish(obj):
    """Publish ``obj`` unless it is published already."""
    if api.content.get_state(obj) != "published":
        api.content.transition(obj=obj, to_state="published")


def create_department(folder, data):
    """A published department from one entry of departments.json."""
    department = api.content.create(
        container=folder,
        type="Department",
        id=data["id"],
        title=data["title"],
        description=data.get("description", ""),
        **{name: data.get(name) for name in DEPARTMENT_FIELDS},
    )
    set_office_booking(department, data.get("booking"))
    publish(department)
    return department


def create_service(folder, data, departments):
    """A published service from one entry of services.json; ``departments`` maps ids to objects."""
    intids = getUtility(IIntIds)
    department = departments[data["department"]]
    prerequisites = data.get("prerequisites")
    service = api.content.create(
        container=folder,
        type="Service",
        id=data["id"],
        title=data["title"],
        description=data.get("description", ""),
        subject=tuple(data.get("subjects", ())),
        department=RelationValue(intids.getId(department)),
        prerequisites=(
            RichTextValue(prerequisites, "text/html", "text/x-html-safe")
            if prerequisites is not None
            else None
        ),
        required_documents=[
            {
                "name": row["name"],
                "note": row.get("note", ""),
                "provision": row.get("provision", "upload"),
            }
            for row in data.get("required_documents", ())
        ],
        fees=[
            {"amount": Decimal(row["amount"]), "purpose": row["purpose"]}
            for row in data.get("fees", ())
        ],
        **{name: data.get(name) for name in SERVICE_FIELDS},
    )
    set_service_booking(service, data.get("booking"), departments)
    publish(service)
    return service


def create_form(service, fields):
    """The service's published application form (``antrag``) with ``fields`` from forms.json."""
    form = api.content.create(
        container=service,
        type="EasyForm",
        id=FORM_ID,
        title=f"Online-Antrag: {service.title}",
        description=(
            "Bitte füllen Sie alle Pflichtfelder aus. Ihre Angaben werden verschlüsselt übertragen."
        ),
    )
    form.fields_model = fields_model(fields)
    form.actions_model = ACTIONS_MODEL
    form.submitLabel = "Antrag absenden"
    form.thankstitle = "Vielen Dank"
    publish(form)
    return form


def create_user(data):
    """The log-in of one entry of users.json, with its roles and groups; an existing one is kept."""
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


def import_catalogue(catalogue, portal=None):
    """Create what is missing of ``catalogue`` (from ``load_catalogue``); returns how many items.

    Existing departments, services and forms are left alone, so editors' changes survive
    and running it again changes nothing.
    """
    portal = portal or api.portal.get()
    department_folder = portal[DEPARTMENTS_FOLDER_ID]
    service_folder = portal[CATALOGUE_FOLDER_ID]
    created = 0
    with api.env.adopt_roles(["Manager"]):
        departments = {}
        for data in catalogue.departments:
            department = department_folder.get(data["id"])
            if department is None:
                department = create_department(department_folder, data)
                created += 1
            departments[data["id"]] = department
        for data in catalogue.services:
            if data["id"] not in service_folder:
                create_service(service_folder, data, departments)
                created += 1
        for service_id, fields in catalogue.forms.items():
            service = service_folder.get(service_id)
            if service is not None and FORM_ID not in service:
                create_form(service, fields)
                created += 1
        for data in catalogue.users:
            create_user(data)
    return created
