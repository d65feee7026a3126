"""Data grid of the service form (documents, fees): every cell named by its column, blank rows ignored."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldObjectWidget
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from z3c.form.interfaces import INPUT_MODE
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.i18n import translate
from zope.interface import implementer
from zope.schema import getFieldsInOrder
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


def is_blank(row, schema):
    """Nothing typed into the row: every cell empty or still at its column's default choice."""
    for name, field in getFieldsInOrder(schema):
        raw = row.get(name)
        if raw in (None, []) or (isinstance(raw, str) and not raw.strip()):
            continue
        if isinstance(raw, list) and field.default is not None and raw == [str(field.default)]:
            continue
        return False
    return True


class LabelledDataGridFieldWidget(DataGridFieldWidget):
    def update(self):
        if self.mode == INPUT_MODE:
            self.drop_blank_rows()
        super().update()

    def drop_blank_rows(self):
        """A row added and left empty is no row: it is neither saved nor answered with
        "Erforderliche Eingabe fehlt". The submitted rows are renumbered without it, so
        that what is checked, shown again and saved are the same rows."""
        form = self.request.form
        try:
            count = int(form.get(self.counterName))
        except (TypeError, ValueError):
            return
        schema = self.field.value_type.schema
        rows = []
        for index in range(count):
            prefix = f"{self.name}.{index}"
            keys = {
                key: value
                for key, value in form.items()
                if key.startswith(f"{prefix}.") or key.startswith(f"{prefix}-")
            }
            cells = {
                name: form.get(f"{prefix}.widgets.{name}")
                for name, _field in getFieldsInOrder(schema)
            }
            rows.append((prefix, keys, is_blank(cells, schema)))
        kept = [(prefix, keys) for prefix, keys, blank in rows if not blank]
        if len(kept) == count:
            return
        for _prefix, keys, _blank in rows:
            for key in keys:
                del form[key]
        for index, (prefix, keys) in enumerate(kept):
            for key, value in keys.items():
                form[f"{self.name}.{index}{key[len(prefix) :]}"] = value
        form[self.counterName] = str(len(kept))

    def createObjectWidget(self, idx):
        widget = FieldWidget(self.field.value_type, LabelledRowWidget(self.request))
        widget.setErrors = idx not in SPARE_ROWS
        return widget


@adapter(IField, IFormLayer)
@implementer(IFieldWidget)
def LabelledDataGridFieldWidgetFactory(field, request):
    """The grid widget for a list of rows, with named cells."""
    return FieldWidget(field, LabelledDataGridFieldWidget(request))
