"""The application page: reference number, state, submitted data and documents."""

from herne.portal.browser.text import MultilineText
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView


class ApplicationView(MultilineText, BrowserView):
    """What the citizen and the responsible clerks see of one application."""

    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        state = api.content.get_state(self.context)
        return workflow.getTitleForStateOnType(state, self.context.portal_type)

    def is_draft(self):
        return api.content.get_state(self.context) == "draft"

    @memoize
    def resume_url(self):
        """The service's form, filled from this draft."""
        service = api.content.get(UID=self.context.service_uid)
        if service is None:
            return None
        forms = api.content.find(context=service, portal_type="EasyForm", depth=1)
        return f"{forms[0].getURL()}?entwurf={self.context.UID()}" if forms else None

    def submitted(self):
        submitted = self.context.submitted
        return submitted.strftime("%d.%m.%Y, %H:%M Uhr") if submitted else None

    def rows(self):
        return [row for row in self.context.submitted_data or [] if row.get("value")]

    def files(self):
        # An application has a handful of files: reading them directly is cheap.
        return [
            {
                "title": item.field_title,
                "filename": item.file.filename,
                "url": f"{item.absolute_url()}/@@download/file/{item.file.filename}",
                "size_kb": max(1, item.file.getSize() // 1024),
            }
            for item in self.context.contentValues()
            if item.portal_type == "ApplicationFile"
        ]
