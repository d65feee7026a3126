"""Digitallotsen: their role, their organisations (Plone groups) and the organisation of an account."""

from plone import api
import re
import unicodedata


#: The global role of a helper's account ("Digitallotse"): it grants nothing by itself.
HELPER_ROLE = "AssistingHelper"
#: The local role a helper holds on each application they entered, and only there.
ENTERED_ROLE = "EnteringHelper"
#: Groups whose id starts with this are helper organisations ("Seniorentreff Wanne-Süd").
ORGANISATION_PREFIX = "lotsen-"


def organisation_group_id(title):
    """The group id for an organisation titled ``title``: ``lotsen-seniorentreff-wanne-sued``."""
    text = title.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ORGANISATION_PREFIX + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def create_organisation(title):
    """The helper organisation ``title`` as a group whose members hold the helper role."""
    group_id = organisation_group_id(title)
    group = api.group.get(groupname=group_id)
    if group is None:
        group = api.group.create(groupname=group_id, title=title, roles=[HELPER_ROLE])
    return group


def is_helper(user=None):
    """Whether ``user`` (default: the current user) holds the helper role, by account or group."""
    if api.user.is_anonymous():
        return False
    user = user or api.user.get_current()
    return HELPER_ROLE in (user.getRoles() or ())


def organisation_of(user=None):
    """The title of the helper organisation of ``user``, or None outside any.

    An account in several organisations acts for the first by group id; the
    administrator keeps helpers in one.
    """
    user = user or api.user.get_current()
    group_ids = sorted(
        group_id
        for group_id in (user.getGroups() or ())
        if group_id.startswith(ORGANISATION_PREFIX)
    )
    for group_id in group_ids:
        group = api.group.get(groupname=group_id)
        if group is not None:
            return group.getProperty("title") or group_id
    return None
