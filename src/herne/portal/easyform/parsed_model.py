"""A form's fields and actions parsed once per request and per change of the form.

collective.easyform's ``get_schema`` and ``get_actions`` parse the form's XML
model (supermodel) on every call, and its form view asks for ``self.schema``
once per field and again per step, so one submission parsed the dog-tax model
about fifteen times. Here the parsed schema is kept on the request, keyed on
the form and on the model text itself: when an editor changes the fields (or
actions) the text differs and the next call parses the new model. Nothing is
kept beyond the request: the schema carries the form (acquisition-wrapped, as
easyform tags it) and z3c.form marks its fields while rendering.
The upstream proposal is ``docs/upstream/easyform-parse-model-once.diff``.
"""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest


REQUEST_KEY = "herne.portal.easyform.parsed_model"


def _parsed(form, attribute, parse):
    request = getRequest()
    try:
        cache = IAnnotations(request).setdefault(REQUEST_KEY, {})
    except TypeError:  # no request (a script, a job): parse as easyform does
        return parse(form)
    key = (attribute, form.getPhysicalPath(), getattr(form, attribute, None))
    schema = cache.get(key)
    if schema is None:
        schema = cache[key] = parse(form)
    return schema


def form_schema(form):
    """The form's fields as ``collective.easyform.api.get_schema`` returns them."""
    return _parsed(form, "fields_model", get_schema)


def form_actions(form):
    """The form's actions as ``collective.easyform.api.get_actions`` returns them."""
    return _parsed(form, "actions_model", get_actions)
