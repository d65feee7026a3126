"""Where a citizen goes in person: a department's name, address and opening hours as text."""

from dataclasses import dataclass
from herne.portal import _
from herne.portal.catalogued import catalogued_object
from herne.portal.i18n import in_german


def department_of(application):
    """The department responsible for ``application``, whoever asks (citizens may not view it)."""
    return catalogued_object(getattr(application, "department_uid", None))


def _lines(text):
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


@dataclass(frozen=True)
class Office:
    """A department as the citizen finds it: its name, address lines and opening-hours lines."""

    title: str
    address: tuple
    hours: tuple
    phone: str = ""
    email: str = ""

    def text(self):
        """One item a line, for mails: name, address, opening hours."""
        return "\n".join((self.title, *self.address, *self.hours))

    def contact(self):
        """Name, telephone and e-mail in one line: whom to ask, for a page or a message."""
        parts = [self.title]
        if self.phone:
            parts.append(in_german(_("Telefon ${phone}", mapping={"phone": self.phone})))
        if self.email:
            parts.append(in_german(_("E-Mail ${email}", mapping={"email": self.email})))
        if len(parts) == 1:
            parts.extend(self.address)
        return ", ".join(part for part in parts if part)

    def line(self):
        """One German sentence part, for a sentence on a page or in the receipt."""
        place = ", ".join((self.title, *self.address))
        if not self.hours:
            return place
        return in_german(
            _(
                "${place}. Öffnungszeiten: ${hours}",
                mapping={"place": place, "hours": "; ".join(self.hours)},
            )
        )


def office(department):
    """The :class:`Office` of ``department``, or None without a department."""
    if department is None:
        return None
    return Office(
        title=(department.title or "").strip(),
        address=_lines(department.address),
        hours=_lines(department.opening_hours),
        phone=(getattr(department, "phone", None) or "").strip(),
        email=(getattr(department, "email", None) or "").strip(),
    )


def office_text(department):
    """Name, address and opening hours a line each; empty without a department."""
    found = office(department)
    return found.text() if found is not None else ""


def office_line(department):
    """Name, address and opening hours in one line; empty without a department."""
    found = office(department)
    return found.line() if found is not None else ""
