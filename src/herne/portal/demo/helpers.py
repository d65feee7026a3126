"""The demo's helper organisation and its Digitallotsin, from data/helpers.json; running it again changes nothing."""

from herne.portal.assist.helpers import create_organisation
import json
from pathlib import Path
from plone import api


HELPERS_FILE = Path(__file__).resolve().parent / "data" / "helpers.json"


def demo_helpers():
    """The organisations of ``helpers.json``, each with its helpers."""
    return json.loads(HELPERS_FILE.read_text(encoding="utf-8"))["organisations"]


def create_demo_helpers():
    """Each organisation as a group of Digitallotsen, with its helpers' log-ins."""
    with api.env.adopt_roles(["Manager"]):
        for organisation in demo_helpers():
            group = create_organisation(organisation["title"])
            for data in organisation["helpers"]:
                if api.user.get(username=data["username"]) is None:
                    api.user.create(
                        username=data["username"],
                        email=data["email"],
                        password=data["password"],
                        properties={"fullname": data["fullname"]},
                    )
                if data["username"] not in [
                    user.getId() for user in api.user.get_users(groupname=group.getId())
                ]:
                    api.group.add_user(group=group, username=data["username"])
