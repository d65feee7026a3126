"""Read a catalogue folder (departments, services, forms, users as JSON) and check its format."""

from collective.easyform.interfaces import IFieldValidator
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal
from decimal import InvalidOperation
from herne.portal.applications.clerks import clerks_group_id
from herne.portal.catalogue_import.booking import check_office_booking
from herne.portal.catalogue_import.booking import check_service_booking
from herne.portal.content.validators import valid_service_key
from herne.portal.setuphandlers import DEPARTMENTS_FOLDER_ID
from herne.portal.setuphandlers import EDITORIAL_GROUPS
from herne.portal.vocabularies.catalogue import DOCUMENT_PROVISION
from herne.portal.vocabularies.catalogue import LIFE_SITUATIONS
from herne.portal.vocabularies.catalogue import ONLINE_AVAILABILITY
from herne.portal.vocabularies.catalogue import RESULT_DELIVERY
from herne.portal.vocabularies.catalogue import TRUST_LEVELS
import json
from pathlib import Path
from Products.CMFCore.utils import getToolByName
import re
from zope.component import getUtilitiesFor
from zope.component.hooks import getSite
from zope.dottedname.resolve import resolve
from zope.schema import ValidationError
from zope.schema.interfaces import IField


DEPARTMENTS_FILE = "departments.json"
SERVICES_FILE = "services.json"
FORMS_FILE = "forms.json"
USERS_FILE = "users.json"

#: key -> required? for one entry of each file; values are strings unless ``LIST_KEYS`` says so.
DEPARTMENT_KEYS = {
    "id": True,
    "title": True,
    "description": False,
    "address": False,
    "opening_hours": False,
    "phone": False,
    "email": False,
    "booking": False,
}
SERVICE_KEYS = {
    "id": True,
    "title": True,
    "department": True,
    "description": False,
    "service_key": False,
    "life_situations": False,
    "prerequisites": False,
    "required_documents": False,
    "fees": False,
    "processing_time": False,
    "legal_basis": False,
    "result_delivery": False,
    "trust_level": False,
    "online_availability": False,
    "contact": False,
    "plain_language_summary": False,
    "subjects": False,
    "booking": False,
}
DOCUMENT_KEYS = {"name": True, "note": False, "provision": False}
FEE_KEYS = {"amount": True, "purpose": True}
USER_KEYS = {
    "username": True,
    "fullname": True,
    "email": True,
    "password": True,
    "groups": False,
    "roles": False,
    "description": False,
}
FIELD_KEYS = {
    "name": True,
    "type": True,
    "title": True,
    "required": False,
    "description": False,
    "default": False,
    "validators": False,
    "values": False,
}
LIST_KEYS = {"life_situations", "subjects", "groups", "roles", "values"}

#: short names of the form field types; any other dotted schema field class may be given too.
#: Validators are the names of easyform's ``IFieldValidator`` utilities, several joined by ``|``.
FIELD_TYPES = {
    "text": "zope.schema.TextLine",
    "longtext": "zope.schema.Text",
    "date": "zope.schema.Date",
    "choice": "zope.schema.Choice",
    "bool": "zope.schema.Bool",
    "int": "zope.schema.Int",
    "file": "plone.namedfile.field.NamedBlobFile",
}
#: the fields the application form's save action reads (``catalogue_import.forms.ACTIONS_MODEL``)
FORM_NEEDS = ("first_name", "last_name", "privacy_consent")

CHOICES = {
    "life_situations": LIFE_SITUATIONS,
    "result_delivery": RESULT_DELIVERY,
    "trust_level": TRUST_LEVELS,
    "online_availability": ONLINE_AVAILABILITY,
    "provision": DOCUMENT_PROVISION,
}
IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class CatalogueError(ValueError):
    """The catalogue folder does not have the documented format; the message lists every problem."""

    def __init__(self, folder, problems):
        self.folder = folder
        self.problems = problems
        lines = "\n".join(f"- {problem}" for problem in problems)
        super().__init__(f"The catalogue in {folder} cannot be loaded:\n{lines}")


@dataclass
class Catalogue:
    """What a catalogue folder holds, checked; forms have their blocks expanded."""

    departments: list = field(default_factory=list)
    services: list = field(default_factory=list)
    forms: dict = field(default_factory=dict)
    users: list = field(default_factory=list)


class _Checker:
    def __init__(self):
        self.problems = []

    def problem(self, where, text):
        self.problems.append(f"{where}: {text}")

    def entry(self, where, data, keys):
        """Check keys and value types of one JSON object; False when it is not one."""
        if not isinstance(data, dict):
            self.problem(where, f"must be an object ({{...}}), not {type(data).__name__}")
            return False
        for key, required in keys.items():
            if required and key not in data:
                self.problem(where, f"the required key {key!r} is missing")
        for key, value in data.items():
            if key not in keys:
                allowed = ", ".join(keys)
                self.problem(where, f"unknown key {key!r} (allowed: {allowed})")
            elif key in LIST_KEYS:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    self.problem(where, f"{key!r} must be a list of texts")
            elif key == "required":
                if not isinstance(value, bool):
                    self.problem(where, "'required' must be true or false")
            elif key not in ("required_documents", "fees", "booking") and not isinstance(
                value, str
            ):
                self.problem(where, f"{key!r} must be a text, not {type(value).__name__}")
        for key, vocabulary in CHOICES.items():
            if key in data and key in keys:
                allowed = [value for value, _title in vocabulary]
                values = data[key] if isinstance(data[key], list) else [data[key]]
                for value in values:
                    if value not in allowed:
                        self.problem(
                            where, f"{key!r}: {value!r} is not one of {', '.join(allowed)}"
                        )
        return True

    def unique(self, where, entries, key):
        seen = set()
        for index, data in enumerate(entries):
            value = data.get(key) if isinstance(data, dict) else None
            if not isinstance(value, str):
                continue
            if not IDENTIFIER.match(value):
                self.problem(
                    f"{where}, entry {index + 1}",
                    f"{key} {value!r} may only hold lower-case letters, digits, '-' and '_'",
                )
            if value in seen:
                self.problem(f"{where}, entry {index + 1}", f"{key} {value!r} appears twice")
            seen.add(value)
        return seen


def _where(file_name, index, data, key):
    name = data.get(key) if isinstance(data, dict) else None
    return f"{file_name}, entry {index + 1}" + (f" ({key} {name!r})" if name else "")


def _read(folder, file_name, checker, required, kind):
    path = folder / file_name
    if not path.exists():
        if required:
            checker.problem(file_name, "the file is missing")
        return [] if kind is list else {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        checker.problem(file_name, f"is not valid UTF-8 JSON: {error}")
        return [] if kind is list else {}
    if not isinstance(data, kind):
        expected = "a list ([...])" if kind is list else "an object ({...})"
        checker.problem(file_name, f"must hold {expected}")
        return [] if kind is list else {}
    return data


def _check_service(checker, where, data, department_ids):
    if data.get("department") not in department_ids and isinstance(data.get("department"), str):
        checker.problem(where, f"department {data['department']!r} is not in {DEPARTMENTS_FILE}")
    if isinstance(data.get("service_key"), str):
        try:
            valid_service_key(data["service_key"])
        except ValidationError:
            checker.problem(
                where,
                f"service_key {data['service_key']!r} is not a FIM/LeiKa key of 14 digits "
                "like '99018005000000'",
            )
    documents = data.get("required_documents", [])
    if not isinstance(documents, list):
        checker.problem(where, "'required_documents' must be a list")
        documents = []
    for number, row in enumerate(documents, 1):
        checker.entry(f"{where}, required_documents row {number}", row, DOCUMENT_KEYS)
    fees = data.get("fees", [])
    if not isinstance(fees, list):
        checker.problem(where, "'fees' must be a list")
        fees = []
    for number, row in enumerate(fees, 1):
        row_where = f"{where}, fees row {number}"
        if checker.entry(row_where, row, FEE_KEYS) and isinstance(row.get("amount"), str):
            try:
                Decimal(row["amount"])
            except InvalidOperation:
                checker.problem(row_where, f"amount {row['amount']!r} is not a number like '5.00'")


def _is_field_class(dotted_name):
    try:
        found = resolve(dotted_name)
    except (ImportError, AttributeError, ValueError):
        return False
    return isinstance(found, type) and IField.implementedBy(found)


def _check_field(checker, where, data, validators):
    if not checker.entry(where, data, FIELD_KEYS):
        return
    field_type = data.get("type")
    if (
        isinstance(field_type, str)
        and field_type not in FIELD_TYPES
        and not ("." in field_type and _is_field_class(field_type))
    ):
        checker.problem(
            where,
            f"type {field_type!r} is neither one of {', '.join(FIELD_TYPES)} "
            "nor a dotted field class",
        )
    if isinstance(data.get("name"), str) and not data["name"].isidentifier():
        checker.problem(where, f"name {data['name']!r} must be a Python identifier")
    if isinstance(data.get("validators"), str):
        for name in data["validators"].split("|"):
            if name not in validators:
                checker.problem(
                    where,
                    f"validator {name!r} is not one of the form validators "
                    f"({', '.join(sorted(validators))})",
                )


def _expand_forms(checker, forms_data, service_ids):
    # Registered in ZCML by collective.easyform and herne.portal.easyform: the loader runs in Zope.
    validators = {name for name, _validator in getUtilitiesFor(IFieldValidator)}
    blocks = forms_data.get("blocks", {})
    forms = forms_data.get("forms", {})
    for key in forms_data:
        if key not in ("blocks", "forms"):
            checker.problem(FORMS_FILE, f"unknown key {key!r} (allowed: blocks, forms)")
    if not isinstance(blocks, dict) or not isinstance(forms, dict):
        checker.problem(FORMS_FILE, "'blocks' and 'forms' must be objects ({...})")
        return {}
    for block_name, fields in blocks.items():
        if not isinstance(fields, list):
            checker.problem(f"{FORMS_FILE}, block {block_name!r}", "must be a list of fields")
            continue
        for number, data in enumerate(fields, 1):
            _check_field(
                checker, f"{FORMS_FILE}, block {block_name!r}, field {number}", data, validators
            )
    expanded = {}
    for service_id, entries in forms.items():
        where = f"{FORMS_FILE}, form {service_id!r}"
        if service_id not in service_ids:
            checker.problem(where, f"there is no service {service_id!r} in {SERVICES_FILE}")
        if not isinstance(entries, list):
            checker.problem(where, "must be a list of fields and blocks")
            continue
        fields = []
        for number, data in enumerate(entries, 1):
            if isinstance(data, dict) and set(data) == {"block"}:
                if data["block"] not in blocks:
                    checker.problem(f"{where}, entry {number}", f"no block {data['block']!r}")
                else:
                    fields.extend(blocks[data["block"]])
            else:
                _check_field(checker, f"{where}, entry {number}", data, validators)
                fields.append(data)
        names = [data.get("name") for data in fields if isinstance(data, dict)]
        for name in sorted({name for name in names if names.count(name) > 1}, key=str):
            checker.problem(where, f"the field {name!r} appears twice")
        for name in FORM_NEEDS:
            if name not in names:
                checker.problem(where, f"needs a field {name!r} (the save action reads it)")
        expanded[service_id] = fields
    return expanded


def _known_groups(site, department_ids):
    """The groups users.json may name: the site's, the editorial ones and the new clerks' groups."""
    known = {group_id for group_id, *_rest in EDITORIAL_GROUPS}
    groups_tool = getToolByName(site, "portal_groups", None) if site is not None else None
    if groups_tool is not None:
        known.update(groups_tool.getGroupIds())
    departments = site.get(DEPARTMENTS_FOLDER_ID) if groups_tool is not None else None
    # A new department gets its group ``clerks-<id>`` when it is created, before the users are.
    known.update(
        clerks_group_id(department_id)
        for department_id in department_ids
        if departments is None or department_id not in departments
    )
    return known


def _check_groups(checker, users, known):
    made = [group_id for group_id, *_rest in EDITORIAL_GROUPS] + [
        clerks_group_id("<department id>")
    ]
    for index, data in enumerate(users):
        groups = data.get("groups") if isinstance(data, dict) else None
        if not isinstance(groups, list):
            continue
        for group_id in groups:
            if isinstance(group_id, str) and group_id not in known:
                checker.problem(
                    _where(USERS_FILE, index, data, "username"),
                    f"group {group_id!r} is neither on the site nor one that installing or importing creates "
                    f"({', '.join(made)})",
                )


def load_catalogue(folder, site=None):
    """The catalogue in ``folder``; raises ``CatalogueError`` naming every problem found.

    Groups of users.json are checked against ``site`` (default: the current Plone site,
    if any) and the groups the import creates; form validators against those registered.
    """
    folder = Path(folder)
    checker = _Checker()
    if not folder.is_dir():
        raise CatalogueError(folder, ["the folder does not exist"])
    departments = _read(folder, DEPARTMENTS_FILE, checker, True, list)
    services = _read(folder, SERVICES_FILE, checker, True, list)
    forms_data = _read(folder, FORMS_FILE, checker, False, dict)
    users = _read(folder, USERS_FILE, checker, False, list)

    for index, data in enumerate(departments):
        where = _where(DEPARTMENTS_FILE, index, data, "id")
        if checker.entry(where, data, DEPARTMENT_KEYS):
            check_office_booking(checker, where, data.get("booking"))
    department_ids = checker.unique(DEPARTMENTS_FILE, departments, "id")
    for index, data in enumerate(services):
        where = _where(SERVICES_FILE, index, data, "id")
        if checker.entry(where, data, SERVICE_KEYS):
            _check_service(checker, where, data, department_ids)
            check_service_booking(checker, where, data.get("booking"), department_ids)
    service_ids = checker.unique(SERVICES_FILE, services, "id")
    forms = _expand_forms(checker, forms_data, service_ids)
    for index, data in enumerate(users):
        checker.entry(_where(USERS_FILE, index, data, "username"), data, USER_KEYS)
    checker.unique(USERS_FILE, users, "username")
    _check_groups(checker, users, _known_groups(site or getSite(), department_ids))

    if checker.problems:
        raise CatalogueError(folder, checker.problems)
    return Catalogue(departments=departments, services=services, forms=forms, users=users)
