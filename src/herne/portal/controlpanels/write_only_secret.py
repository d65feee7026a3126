"""Registry control panels with one secret field that is written but never shown again."""

from functools import cache
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.interface import implementer


class RecordsWithSecret:
    """The registry's records proxy, with a secret that can be written but not read."""

    def __init__(self, records, field_name, secret):
        self.__dict__.update(_records=records, _field_name=field_name, _secret=secret)

    def __getattr__(self, name):
        if name == self._field_name:
            return ""
        return getattr(self._records, name)

    def __setattr__(self, name, value):
        if name == self._field_name:
            self._secret.store(value)
        else:
            setattr(self._records, name, value)


@cache
def records_with_secret_class(form_schema):
    """``RecordsWithSecret`` declared to provide ``form_schema``, so the form's fields adapt it."""
    return implementer(form_schema)(
        type(f"RecordsWithSecret_{form_schema.__name__}", (RecordsWithSecret,), {})
    )


class WriteOnlySecretForm(RegistryEditForm):
    """Edit form of ``settings_interface``'s records plus ``secret_field``, kept in ``secret``.

    The stored secret never goes back to the browser; the field only says whether one is set,
    and an empty field keeps the stored one.
    """

    settings_interface = None
    secret_field = None
    secret = None  # a herne.portal.site_secret.SiteSecret
    secret_set_text = None
    secret_not_set_text = None

    def getContent(self):
        records = getUtility(IRegistry).forInterface(
            self.settings_interface, prefix=self.schema_prefix
        )
        return records_with_secret_class(self.schema)(records, self.secret_field, self.secret)

    def updateWidgets(self):
        super().updateWidgets()
        widget = self.widgets[self.secret_field]
        widget.value = ""
        widget.description = (
            self.secret_set_text if self.secret.is_set() else self.secret_not_set_text
        )

    def applyChanges(self, data):
        if not data.get(self.secret_field):
            data = {name: value for name, value in data.items() if name != self.secret_field}
        return super().applyChanges(data)
