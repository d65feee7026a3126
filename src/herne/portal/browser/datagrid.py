"""Data grid of the service form (documents, fees): every cell named by its column, spare rows never checked."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldObjectWidget
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema.interfaces import IField


#: The grid's extra rows: the empty row its script turns into a new row once typed into ("AA")
#: and the hidden template it copies ("TT"). Neither is ever saved.
SPARE_ROWS = ("AA", "TT")


class LabelledRowWidget(DataGridFieldObjectWidget):
    """One row: each cell's input or select is named by its column's title (aria-label)."""

    def is_spare(self):
        return self.name.endswith(SPARE_ROWS)

    def applyValue(self, widget, value):
        # Spare rows are submitted empty and never saved: showing their required cells as
        # "Erforderliche Eingabe fehlt" when another field has an error would be wrong.
        if self.is_spare():
            if value is not NO_VALUE:
                widget.value = value
            return
        super().applyValue(widget, value)

    def render(self):
        for column in self.__parent__.columns:
            cell = self.widgets.get(column["name"]) if self.widgets else None
            if cell is None:
                continue
            # z3c.form caches a widget's HTML attributes in ``_attributes`` on first use
            # (Plone's widgets add "required" and pattern options to that same dict):
            # collect them once more with the final classes, then add the name.
            cell._attributes = None
            cell.attributes  # noqa: B018
            if isinstance(cell._attributes, dict):
                cell._attributes["aria-label"] = translate(column["label"], context=self.request)
        return super().render()


class LabelledDataGridFieldWidget(DataGridFieldWidget):
    def createObjectWidget(self, idx):
        widget = FieldWidget(self.field.value_type, LabelledRowWidget(self.request))
        widget.setErrors = idx not in SPARE_ROWS
        return widget


@adapter(IField, IFormLayer)
@implementer(IFieldWidget)
def LabelledDataGridFieldWidgetFactory(field, request):
    """The grid widget for a list of rows, with named cells."""
    return FieldWidget(field, LabelledDataGridFieldWidget(request))
