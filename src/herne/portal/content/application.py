"""The application ("Antrag"): one citizen's submission of one service's form."""

from herne.portal import _
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IApplication(model.Schema):
    """What the portal records of an application; written by the portal, never by hand."""

    reference_number = schema.TextLine(
        title=_("Aktenzeichen"),
        required=False,
        readonly=True,
    )
    service_uid = schema.ASCIILine(title=_("Leistung"), required=True, readonly=True)
    service_title = schema.TextLine(title=_("Leistung"), required=True, readonly=True)
    department_uid = schema.ASCIILine(
        title=_("Organisationseinheit"), required=False, readonly=True
    )
    applicant = schema.TextLine(title=_("Antragsteller/in"), required=True, readonly=True)
    applicant_name = schema.TextLine(title=_("Name"), required=False, readonly=True)
    submitted_data = schema.List(
        title=_("Angaben"),
        description=_("Jedes Feld mit Titel und Wert, wie es beim Absenden lautete."),
        value_type=schema.Dict(key_type=schema.TextLine(), value_type=schema.TextLine()),
        required=False,
        readonly=True,
    )
    privacy_consent = schema.Datetime(
        title=_("Einwilligung zum Datenschutz erteilt am"),
        required=False,
        readonly=True,
    )
    delivery_method = schema.Choice(
        title=_("Zustellung des Ergebnisses"),
        vocabulary="herne.portal.ResultDelivery",
        required=False,
        readonly=True,
    )
    delivery_address = schema.Text(title=_("Zustelladresse"), required=False, readonly=True)
    submitted = schema.Datetime(title=_("Eingegangen am"), required=False, readonly=True)
    contact_method = schema.ASCIILine(
        title=_("Benachrichtigung"),
        description=_("„email“ oder „letter“: wie die Stadt dem Antragsteller schreibt."),
        required=False,
        readonly=True,
    )
    postal_address = schema.Text(title=_("Postanschrift für Briefe"), required=False, readonly=True)
    citizen_language = schema.ASCIILine(
        title=_("Sprache der Antragstellung"),
        description=_(
            "Die Sprache, in der die antragstellende Person den Antrag gestellt hat; in ihr "
            "erhält sie Mails, Briefe und die Eingangsbestätigung."
        ),
        required=False,
        readonly=True,
    )


@implementer(IApplication)
class Application(Container):
    """An application; its evidence files are its children."""

    reference_number = None
    privacy_consent = None
    delivery_method = None
    delivery_address = None
    submitted = None
    applicant_name = None
    department_uid = None
    submission_token = None
    #: The helper or clerk who applied for the applicant (their user id), and how
    #: (assist.provenance); None when the applicant applied themselves.
    entered_by = None
    entry = None
    #: The claim code of an application entered for someone without an account (assist.claim).
    claim = None
    #: "email" or "letter" (applications.contact), the letters' address window, and the
    #: letters written instead of mails (applications.letters).
    contact_method = None
    postal_address = None
    letters = None
    #: The interface language the citizen used (i18n.INTERFACE_LANGUAGES); None: German.
    citizen_language = None
    #: Originals to show at the counter: dicts with name, shown_at and checked_by.
    originals = ()
    #: What a draft's form fields held, to fill the form again when the citizen resumes.
    draft_values = None
    #: Status notices and messages between citizen and city (see applications.messages).
    messages = None
    #: When the city last did or wrote something the citizen should see, and when the
    #: citizen last opened the application: together they make the unread marker.
    last_city_activity = None
    citizen_seen = None
    #: When the application was decided (approved or rejected; a withdrawn one: withdrawn),
    #: and how many days that took from submission; set when it reaches its final state.
    decided = None
    processing_days = None

    def Title(self):
        return self.reference_number or self.title or ""

    def reindexObjectSecurity(self, skip_self=False):
        """The application's own security indexes again, without searching the catalog for what lies inside.

        CMFCore searches the catalog for everything under the object. Inside an
        application there are only its files, which are never catalogued
        (``ApplicationFile``), so the search could only find the application itself; a
        new one it finds not at all (the commit catalogues it whole). The workflow asks
        for this at every role change, the creation and the submission included.
        """
        catalog = self._getCatalogTool()
        if skip_self or catalog is None:
            return
        if catalog.getrid("/".join(self.getPhysicalPath())) is None:
            return  # not catalogued yet: its entry is made whole at the commit
        self.reindexObject(idxs=self._cmf_security_indexes, update_metadata=0)
