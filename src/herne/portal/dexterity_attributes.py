"""Dexterity's search for a field default skipped for names that no schema of the object's type has."""

from plone.dexterity import content
from plone.dexterity.schema import FTI_CACHE_KEY
from plone.dexterity.schema import SCHEMA_CACHE
from plone.dexterity.schema import lookup_fti
from zope.globalrequest import getRequest


#: a type's field names are kept under ``(NAMES_KEY, portal_type)`` in Dexterity's
#: per-request cache of types (``FTI_CACHE_KEY``), whose own keys are type names, never
#: tuples; dropped with that cache when a type changes
NAMES_KEY = "herne.portal field names"


def field_names(context):
    """Every name the main schema and the behaviours of ``context``'s type define; None if unknown.

    Kept in Dexterity's own per-request cache of types, which Dexterity drops when a
    type changes (``invalidate_cache``), so a behaviour added to a type counts at once.
    """
    request = getRequest()
    portal_type = getattr(context, "portal_type", None)
    if request is None or not portal_type or lookup_fti(portal_type) is None:
        return None
    types = getattr(request, FTI_CACHE_KEY, None)
    if not isinstance(types, dict):
        return None
    key = (NAMES_KEY, portal_type)
    names = types.get(key)
    if names is None:
        schemas = [SCHEMA_CACHE.get(portal_type)]
        schemas += [
            registration.interface
            for registration in SCHEMA_CACHE.behavior_registrations(portal_type)
            if registration.interface is not None
        ]
        names = types[key] = frozenset(
            name for schema in schemas if schema is not None for name in schema.names(all=True)
        )
    return names


def dexterity_getattr(self, name):
    """``DexterityContent.__getattr__``, answering at once for a name that is no field.

    Dexterity looks for a default value in the type's schema and in every behaviour's
    schema for each attribute an object lacks: the site root's ``acl_users`` on each
    security check (82 times per submission), ``role_map``, the tools, the ids of the
    site's folders, the catalog's metadata columns an application has no value for.
    Such a name is in no schema, so the answer (``AttributeError``) is the same; a
    field's name still gets its default from Dexterity's own code.
    """
    if not name.startswith(("__", "_v")):  # Dexterity's own code refuses those at once
        names = field_names(self)
        if names is not None and name not in names:
            raise AttributeError(name)
    return content.DexterityContent._old___getattr__(self, name)
