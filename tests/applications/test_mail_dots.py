"""The portal's mail goes over SMTP with CRLF line ends, so that a quoted-printable line starting with a
dot arrives with one dot ("herne.de", not "herne..de"): direct at commit, and kept while the server is down.

A plain ``EmailMessage`` serializes with bare LF, which smtplib sends on as it is: a server
that reads lines by CRLF (RFC 5321, and aiosmtpd) then saw the whole mail as one line and
left the dots smtplib had stuffed in; stricter servers refuse bare LF altogether.
"""

from email.message import EmailMessage
from herne.portal.booking.mail_html import add_code_html
from herne.portal.mail_delivery import deliver
import pytest
from tests.applications.test_mail_outage import mail_once_the_server_is_back
from tests.applications.test_mail_outage import mail_server_down  # noqa: F401 (fixture)
from tests.fixtures.mail import parsed
from tests.fixtures.mail import settle
import transaction


#: The quoted-printable encoder breaks this line after 75 characters, right before ".de":
#: the next encoded line starts with a dot, which SMTP must stuff and unstuff.
ADDRESS_LINE = "Weitere Informationen finden Sie im Serviceportal unter https://herne" + ".de/x"
BODY = (
    "Guten Tag,\n\n"
    f"{'x' * 75}.de/termin\n"
    f"{ADDRESS_LINE}\n"
    ".\n"
    "..zwei Punkte am Anfang\n"
    ". ein Punkt am Anfang\n\n"
    "Ihre Stadt Herne\n"
)


def message_with_dots(to, html=False):
    message = EmailMessage()
    message["Subject"] = "Punkte"
    message["From"] = "serviceportal@herne.example"
    message["To"] = to
    message.set_content(BODY, cte="quoted-printable")
    if html:  # the booking mails' HTML part, quoted-printable too
        add_code_html(message, BODY, "ABCD2345")
    return message


def dot_lines(envelope):
    """The encoded lines as they arrived that start with a dot (there must be some)."""
    return [line for line in envelope.content.split(b"\r\n") if line.startswith(b".")]


def bare_line_feeds(envelope):
    return envelope.original_content.replace(b"\r\n", b"").count(b"\n")


def text_of(envelope):
    return parsed(envelope).get_body(("plain",)).get_content()


@pytest.mark.parametrize("html", [False, True], ids=["plain", "with-html-part"])
def test_direct_delivery_keeps_one_dot(mailbox, html):
    deliver(message_with_dots("punkt@example.org", html))
    transaction.commit()
    (envelope,) = settle(mailbox, 1)
    assert bare_line_feeds(envelope) == 0
    assert dot_lines(envelope)  # the case that SMTP dot-stuffing is about
    assert text_of(envelope) == BODY
    assert b"herne..de" not in envelope.content


def test_kept_mail_keeps_one_dot(mail_server_down):  # noqa: F811
    deliver(message_with_dots("punkt@example.org", html=True))
    transaction.commit()
    (envelope,) = mail_once_the_server_is_back(mail_server_down, 1)
    assert bare_line_feeds(envelope) == 0
    assert dot_lines(envelope)
    assert text_of(envelope) == BODY
    assert b"herne..de" not in envelope.content
