"""Rendering help shared by the Classic UI views."""

from herne.portal.applications.office import office


class MultilineText:
    """Views that show addresses, opening hours and similar text one line at a time."""

    def lines(self, text):
        return [line for line in (text or "").splitlines() if line.strip()]

    def office(self, department):
        """The department's name, address lines and opening-hours lines, or None."""
        return office(department)
