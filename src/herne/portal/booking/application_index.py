"""The per-application index: the bookings of a visit for an application, by the application's UID."""

from herne.portal.booking.index_holders import filed


APPLICATIONS = "herne.portal.booking.applications"


def application_keys(application_uid):
    return [application_uid] if application_uid else []


def application_entries(application_uid):
    """The filed bookings of the application, earliest first."""
    entries = [
        entry for key in application_keys(application_uid) for entry in filed(APPLICATIONS, key)
    ]
    return sorted(entries, key=lambda entry: (entry["start"], entry["code"]))
