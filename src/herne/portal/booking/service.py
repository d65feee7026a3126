"""Booking settings of a service (behavior of the service page): visit length and the offices doing it."""

from herne.portal import _
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import provider
from zope.schema import ValidationError


#: Bookings are kept on a grid of this many minutes; visit lengths are multiples of it.
GRID_MINUTES = 5


class VisitNotOnGrid(ValidationError):
    __doc__ = _("Die Termindauer ist ein Vielfaches von 5 Minuten, zum Beispiel 10 oder 15.")


def on_grid(value):
    if value and value % GRID_MINUTES:
        raise VisitNotOnGrid(value)
    return True


@provider(IFormFieldProvider)
class IServiceBooking(model.Schema):
    """How long a visit for this service takes and which offices do it."""

    model.fieldset(
        "booking",
        label=_("Terminvergabe"),
        fields=[
            "visit_minutes",
            "originals_visit_minutes",
            "pickup_visit_minutes",
            "booking_offices",
        ],
    )

    visit_minutes = schema.Int(
        title=_("Termindauer"),
        description=_("Minuten je Termin, zum Beispiel 15 für den Personalausweis."),
        required=False,
        min=GRID_MINUTES,
        max=240,
        constraint=on_grid,
    )
    originals_visit_minutes = schema.Int(
        title=_("Termindauer für das Vorzeigen von Originalen"),
        description=_(
            "Minuten je Termin für einen Antrag im Stand „Originale vorlegen“; ohne Angabe 10."
        ),
        required=False,
        min=GRID_MINUTES,
        max=240,
        constraint=on_grid,
    )
    pickup_visit_minutes = schema.Int(
        title=_("Termindauer für die Abholung"),
        description=_(
            "Minuten je Termin für einen Antrag im Stand „Zur Abholung bereit“; ohne Angabe 5."
        ),
        required=False,
        min=GRID_MINUTES,
        max=240,
        constraint=on_grid,
    )
    booking_offices = schema.List(
        title=_("Ämter mit Terminvergabe"),
        description=_(
            "Die Organisationseinheiten, bei denen man für diese Leistung einen Termin buchen kann."
        ),
        value_type=schema.Choice(vocabulary="herne.portal.Departments"),
        required=False,
        default=[],
        missing_value=[],
    )
