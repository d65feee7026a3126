"""The collective.easyform models of an application form described in a catalogue's forms.json."""

from herne.portal.catalogue_import.loader import FIELD_TYPES
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr


def _field(data):
    field_type = FIELD_TYPES.get(data["type"], data["type"])
    attributes = f"name={quoteattr(data['name'])} type={quoteattr(field_type)}"
    if data.get("validators"):
        attributes = f"easyform:validators={quoteattr(data['validators'])} " + attributes
    parts = [f"    <field {attributes}>", f"      <title>{escape(data['title'])}</title>"]
    if data.get("description"):
        parts.append(f"      <description>{escape(data['description'])}</description>")
    if not data.get("required", True):
        parts.append("      <required>False</required>")
    if data.get("default"):
        parts.append(f"      <default>{escape(data['default'])}</default>")
    if data.get("values"):
        parts.append("      <values>")
        parts.extend(f"        <element>{escape(value)}</element>" for value in data["values"])
        parts.append("      </values>")
    parts.append("    </field>")
    return "\n".join(parts)


def fields_model(fields):
    """The supermodel XML of the form's fields (a list of field entries of forms.json)."""
    body = "\n".join(_field(data) for data in fields)
    return (
        '<model xmlns="http://namespaces.plone.org/supermodel/schema"\n'
        '       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">\n'
        f"  <schema>\n{body}\n  </schema>\n</model>\n"
    )


ACTIONS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="save_application" type="herne.portal.easyform.save_application.SaveApplication">
      <title>Als Antrag speichern</title>
      <consent_field>privacy_consent</consent_field>
      <name_fields>first_name last_name</name_fields>
    </field>
  </schema>
</model>
"""
