"""What can go wrong on the way to FIT-Connect, split by whether trying again can help."""


class FitConnectError(Exception):
    """A delivery step failed; the text is for administrators and holds no personal data."""

    def __init__(self, text="", detail=""):
        super().__init__(text)
        #: the technical cause alone ("HTTP 503"), for texts that say themselves what follows
        self.detail = detail or text


class Unreachable(FitConnectError):
    """The API was down, slow or answered 5xx: try again later."""


class Refused(FitConnectError):
    """The API refused the request (4xx) or the setup is incomplete: trying again cannot help."""


class KeyRejected(Refused):
    """The destination's encryption key failed validation: nothing is sent."""
