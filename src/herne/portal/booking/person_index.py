"""The per-person index: a service's bookings by normalized e-mail address and by account, across offices."""

from herne.portal.booking.index_holders import filed


PERSONS = "herne.portal.booking.persons"


def normalized_address(email):
    return (email or "").strip().lower() if isinstance(email, str) else ""


def person_keys(service_uid, email, account):
    """The keys a person's booking of ``service_uid`` is filed under: their address, their account."""
    keys = []
    address = normalized_address(email)
    if address:
        keys.append((service_uid, "email", address))
    if account:
        keys.append((service_uid, "account", account))
    return keys


def person_entries(service_uid, email, account):
    """The filed bookings of the service under the address or the account, each once."""
    found = {}
    for key in person_keys(service_uid, email, account):
        for entry in filed(PERSONS, key):
            found.setdefault(entry["code"], entry)
    return sorted(found.values(), key=lambda entry: (entry["start"], entry["code"]))


def account_codes(service_uid, account):
    """The codes of the bookings of the service filed under ``account`` (none for anonymous)."""
    if not account:
        return set()
    return {entry["code"] for entry in filed(PERSONS, (service_uid, "account", account))}
