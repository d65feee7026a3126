"""Validation errors that screen readers announce and tie to their fields (WCAG 3.3.1, 1.3.1)."""

from herne.portal import _
import os
from plone.formwidget.namedfile.interfaces import INamedFileWidget
from z3c.form.error import ErrorViewTemplateFactory
from zope.i18n import translate


#: Error messages carry an id (``<widget id>-error``) that the field points to.
ErrorViewTemplate = ErrorViewTemplateFactory(
    os.path.join(os.path.dirname(__file__), "templates", "form_error.pt"), "text/html"
)


def widgets_in_error(form):
    """The form's widgets that failed validation, in the order they are shown."""
    return [widget for widget in form.widgets.values() if getattr(widget, "error", None)]


def tie_errors_to_fields(form):
    """Mark each invalid field ``aria-invalid`` and point it at its message; return their labels."""
    labels = []
    for widget in widgets_in_error(form):
        labels.append(translate(widget.label, context=form.request))
        if INamedFileWidget.providedBy(widget):
            continue  # its own template puts both on the file input
        attributes = getattr(widget, "attributes", None)
        if isinstance(attributes, dict):
            # z3c.form keeps the computed attributes and renders them as they are.
            attributes["aria-invalid"] = "true"
            attributes["aria-describedby"] = f"{widget.id}-error"
    return labels


def announce_errors(form):
    """After a refused submission: the status message names every field to correct."""
    labels = tie_errors_to_fields(form)
    if labels:
        form.status = _(
            "Bitte korrigieren Sie ${count} Angabe(n): ${fields}.",
            mapping={"count": len(labels), "fields": ", ".join(labels)},
        )
    return labels
