"""The "Fachverfahren" block of the application page: how far the FIT-Connect delivery got."""

from herne.portal.fitconnect.summary import delivery_summary
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


STYLES = {
    "accepted": "alert-success",
    "rejected": "alert-danger",
    "failed": "alert-danger",
    "undecided": "alert-danger",
}


class DeliveryStateBlock(BrowserView):
    """Empty unless the current user processes the application and it has a delivery."""

    template = ViewPageTemplateFile("templates/delivery_state.pt")

    def __call__(self):
        self.summary = delivery_summary(self.context)
        if not self.summary:
            return ""
        return self.template()

    def css_class(self):
        return STYLES.get(self.summary["status"], "alert-info")
