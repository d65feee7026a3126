"""What can go wrong on the way to FIT-Connect, split by whether trying again can help."""


class FitConnectError(Exception):
    """A delivery step failed; the text is for administrators and holds no personal data."""


class Unreachable(FitConnectError):
    """The API was down, slow or answered 5xx: try again later."""


class Refused(FitConnectError):
    """The API refused the request (4xx) or the setup is incomplete: trying again cannot help."""


class KeyRejected(Refused):
    """The destination's encryption key failed validation: nothing is sent."""
