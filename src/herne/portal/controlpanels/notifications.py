"""Control panel "Benachrichtigungen": the e-mail texts sent on each step of an application."""

from herne.portal import _
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from zope import schema
from zope.interface import Interface


PLACEHOLDERS = _(
    "Platzhalter: ${name} (Name), ${reference} (Aktenzeichen), ${service} (Leistung), "
    "${state} (Stand), ${comment} (Bemerkung der Sachbearbeitung), ${originals} "
    "(vorzulegende Originale), ${office} (Anschrift und Öffnungszeiten), ${url} (Link zum Antrag). "
    "Ein leeres Feld schaltet die E-Mail ab."
)

GREETING = "Guten Tag ${name},\n\n"
SIGNATURE = (
    "\n\nDen Stand Ihres Antrags finden Sie in Ihrem Postkorb:\n${url}\n\n"
    "Mit freundlichen Grüßen\nIhre Stadt Herne"
)


#: Where a standard text names the result's office.
WHERE = [_("Wo:"), "${office}"]
#: The standard texts of the citizen's mails between greeting and signature: paragraphs of
#: lines, messages or placeholders, so that a citizen who applied in another language gets
#: them in it (applications.mail_texts); the registry's defaults are their German text.
BODIES = {
    "in_progress": [
        [_("Ihr Antrag „${service}“ (Aktenzeichen ${reference}) wird jetzt bearbeitet.")],
        ["${comment}"],
    ],
    "info_requested": [
        [
            _(
                "für Ihren Antrag „${service}“ (Aktenzeichen ${reference}) benötigen wir noch "
                "Angaben oder Unterlagen:"
            )
        ],
        ["${comment}"],
        [_("Bitte antworten Sie in Ihrem Postkorb.")],
    ],
    "originals_pending": [
        [
            _(
                "für Ihren Antrag „${service}“ (Aktenzeichen ${reference}) zeigen Sie bitte "
                "folgende Originale persönlich vor:"
            )
        ],
        ["${originals}"],
        WHERE,
        ["${comment}"],
    ],
    "approved": [
        [_("Ihr Antrag „${service}“ (Aktenzeichen ${reference}) ist genehmigt.")],
        ["${comment}"],
    ],
    "sent": [
        [
            _(
                "das Ergebnis Ihres Antrags „${service}“ (Aktenzeichen ${reference}) ist per Post "
                "an Sie unterwegs."
            )
        ],
        ["${comment}"],
    ],
    "ready_for_pickup": [
        [
            _(
                "das Ergebnis Ihres Antrags „${service}“ (Aktenzeichen ${reference}) liegt zur "
                "Abholung bereit. Bitte bringen Sie Ihren Ausweis mit."
            )
        ],
        WHERE,
        ["${comment}"],
    ],
    "picked_up": [
        [
            _(
                "Sie haben das Ergebnis Ihres Antrags „${service}“ (Aktenzeichen ${reference}) "
                "abgeholt. Der Antrag ist abgeschlossen."
            )
        ]
    ],
    "rejected": [
        [_("Ihr Antrag „${service}“ (Aktenzeichen ${reference}) wurde abgelehnt.")],
        [_("Begründung:"), "${comment}"],
    ],
    "withdrawn": [
        [
            _(
                "Sie haben Ihren Antrag „${service}“ (Aktenzeichen ${reference}) zurückgezogen. "
                "Er wird nicht weiter bearbeitet."
            )
        ]
    ],
    "message": [
        [
            _(
                "zu Ihrem Antrag „${service}“ (Aktenzeichen ${reference}) hat Ihnen die Stadt "
                "eine Nachricht geschrieben. Sie finden sie in Ihrem Postkorb."
            )
        ]
    ],
}


def body_text(key, text=str):
    """The standard body of ``key``, each message passed through ``text`` (German: as it is)."""
    return "\n\n".join("\n".join(text(line) for line in paragraph) for paragraph in BODIES[key])


def citizen_text(body):
    return GREETING + body + SIGNATURE


class INotificationSettings(Interface):
    """One e-mail text per step; the subject names the reference number and the new state."""

    in_progress = schema.Text(
        title=_("In Bearbeitung"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("in_progress")),
    )
    info_requested = schema.Text(
        title=_("Unterlagen nachgefordert"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("info_requested")),
    )
    originals_pending = schema.Text(
        title=_("Originale vorlegen"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("originals_pending")),
    )
    approved = schema.Text(
        title=_("Genehmigt"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("approved")),
    )
    sent = schema.Text(
        title=_("Per Post versandt"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("sent")),
    )
    ready_for_pickup = schema.Text(
        title=_("Zur Abholung bereit"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("ready_for_pickup")),
    )
    picked_up = schema.Text(
        title=_("Abgeholt"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("picked_up")),
    )
    rejected = schema.Text(
        title=_("Abgelehnt"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("rejected")),
    )
    withdrawn = schema.Text(
        title=_("Zurückgezogen"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("withdrawn")),
    )
    message = schema.Text(
        title=_("Neue Nachricht der Stadt"),
        description=PLACEHOLDERS,
        required=False,
        default=citizen_text(body_text("message")),
    )
    department_new = schema.Text(
        title=_("An die Organisationseinheit: neuer Antrag"),
        description=PLACEHOLDERS,
        required=False,
        default=("Neuer Antrag „${service}“ von ${name}, Aktenzeichen ${reference}.\n\n${url}"),
    )
    department_answer = schema.Text(
        title=_("An die Organisationseinheit: Antwort auf Nachforderung"),
        description=PLACEHOLDERS,
        required=False,
        default=(
            "${name} hat auf die Nachforderung zum Antrag ${reference} („${service}“) "
            "geantwortet.\n\n${comment}\n\n${url}"
        ),
    )
    department_withdrawn = schema.Text(
        title=_("An die Organisationseinheit: Antrag zurückgezogen"),
        description=PLACEHOLDERS,
        required=False,
        default=(
            "${name} hat den Antrag ${reference} („${service}“) zurückgezogen.\n\n"
            "${comment}\n\n${url}"
        ),
    )

    department_message = schema.Text(
        title=_("An die Organisationseinheit: neue Nachricht"),
        description=PLACEHOLDERS,
        required=False,
        default=(
            "${name} hat zum Antrag ${reference} („${service}“) eine Nachricht "
            "geschrieben:\n\n${comment}\n\n${url}"
        ),
    )


class NotificationSettingsForm(RegistryEditForm):
    schema = INotificationSettings
    schema_prefix = "herne.portal.mail"
    label = _("Benachrichtigungen")
    description = _(
        "Die E-Mails an Antragstellende bei jedem Bearbeitungsschritt und an die "
        "Postfächer der Organisationseinheiten."
    )


class NotificationSettingsView(ControlPanelFormWrapper):
    form = NotificationSettingsForm
