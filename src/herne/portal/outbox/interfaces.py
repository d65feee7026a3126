"""The outbox's contract with the senders: one named utility per kind of entry, and the errors they raise."""

from zope.interface import Attribute
from zope.interface import Interface


class DeliveryError(Exception):
    """A delivery did not succeed; the text is shown to administrators (no personal data)."""


class TemporaryDeliveryError(DeliveryError):
    """Try again later, with a growing pause (the receiver is down, timed out, answered 5xx)."""


class PermanentDeliveryError(DeliveryError):
    """Trying again cannot help (bad key, refused destination, 4xx): the entry goes dead at once."""


class IOutboxEntry(Interface):
    """One thing to deliver. Holds ids only, never the personal data it is about."""

    id = Attribute("Entry id, unique in the site")
    application_uid = Attribute("UID of the application the entry is about ('' for none)")
    kind = Attribute(
        "Name of the IOutboxSender utility that delivers it: mail, webhook, fit-connect"
    )
    event = Attribute("Event name, e.g. submitted, state:accepted, mail:receipt")
    destination = Attribute("Key of the destination (endpoint id, destination id, recipient role)")
    idempotency_key = Attribute(
        "Same key, same delivery: enqueue keeps one entry, receivers dedupe by it"
    )
    state = Attribute("pending, sending, delivered, failed (waits for a retry) or dead")
    tries = Attribute("Number of attempts started")
    next_try = Attribute("Time (epoch seconds) the entry is due next; None when done")
    last_error = Attribute("Text of the last error ('' after success)")
    created = Attribute("Time (epoch seconds) the entry was made")
    result = Attribute("dict the sender returned on success (ids, no personal data)")
    history = Attribute("List of (time, state, text) tuples")


class IOutboxSender(Interface):
    """Delivers entries of one kind; registered as a named utility, the name being the entry's kind."""

    def send(entry, application):
        """Deliver one entry; return a dict of result details stored on the entry.

        ``application`` is the object of ``entry.application_uid`` (None when it is
        gone). Read the data to send from it now; never keep it on the entry.
        Raise TemporaryDeliveryError (retried with back-off) or
        PermanentDeliveryError (dead letter at once). Called after the entry's
        claim was committed, outside any transaction that changes the site; it may be
        called again for the same entry after a crash, so send ``entry.idempotency_key``
        along for the receiver to dedupe.
        """
