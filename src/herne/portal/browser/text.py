"""Rendering help shared by the Classic UI views."""


class MultilineText:
    """Views that show addresses, opening hours and similar text one line at a time."""

    def lines(self, text):
        return [line for line in (text or "").splitlines() if line.strip()]
