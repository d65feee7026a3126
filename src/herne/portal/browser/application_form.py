"""The application form of a service: only for citizens logged in at the service's trust level."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.easyform.browser.view import EasyFormForm
from collective.easyform.browser.view import EasyFormFormWrapper
from herne.portal.content.service import IService
from herne.portal.easyform.save_application import SUBMISSION_TOKEN
from herne.portal.trust import satisfies
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
import uuid
from z3c.form import field
from z3c.form.interfaces import HIDDEN_MODE
from zope import schema


class ApplicationForm(EasyFormForm):
    """The easyform form plus a one-time token that makes resubmission harmless."""

    def updateFields(self):
        super().updateFields()
        if IService.providedBy(aq_parent(aq_inner(self.context))) and not self.thanksPage:
            token = schema.ASCIILine(__name__=SUBMISSION_TOKEN, required=False)
            self.fields += field.Fields(token, mode=HIDDEN_MODE)

    def updateWidgets(self):
        super().updateWidgets()
        widget = self.widgets.get(SUBMISSION_TOKEN)
        if widget is not None and not widget.value:
            widget.value = uuid.uuid4().hex


class ApplicationFormView(EasyFormFormWrapper):
    """Explains what to do instead of showing a form the citizen may not use."""

    form = ApplicationForm
    login_required = ViewPageTemplateFile("templates/application_login_required.pt")
    trust_too_low = ViewPageTemplateFile("templates/application_trust_too_low.pt")

    def service(self):
        parent = aq_parent(aq_inner(self.context))
        return parent if IService.providedBy(parent) else None

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?came_from={self.context.absolute_url()}"

    def department(self):
        service = self.service()
        return service.department_object() if service is not None else None

    def lines(self, text):
        return [line for line in (text or "").splitlines() if line.strip()]

    def __call__(self):
        service = self.service()
        if service is not None:
            if api.user.is_anonymous():
                return self.login_required()
            if not satisfies(self.request, service.trust_level):
                return self.trust_too_low()
        return super().__call__()
