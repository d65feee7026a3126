"""Mail that survives a mail server that is down: handed over at commit when the server answers, otherwise kept on disk and sent when it is back."""

from App.config import getConfiguration
from copy import deepcopy
import logging
import os
from pathlib import Path
from plone import api
from Products.MailHost.MailHost import _mungeHeaders
import smtplib
import tempfile
import threading
import time
from zope.globalrequest import getRequest
from zope.sendmail.delivery import QueuedMailDelivery
from zope.sendmail.queue import QueueProcessorThread


logger = logging.getLogger("herne.portal.mail")

#: how long a request waits for the mail server's greeting
PROBE_SECONDS = 3
#: how long the greeting (or its absence) counts for the notice that a mail follows later
REMEMBER_SECONDS = 10
#: how often the thread tries again to send kept mails while the server stays down
RETRY_SECONDS = 30
#: set on the request when a mail of it was kept for later
KEPT = "herne.portal.mail_kept"
_ANSWERS = "herne.portal.mail_server_answers"

_threads = {}
_threads_lock = threading.Lock()
#: (host, port) -> (time.monotonic() of the last ask, whether the server answered)
_lately = {}
_lately_lock = threading.Lock()


def queue_directory():
    """Where kept mails wait: ``HERNE_MAIL_QUEUE``, else ``mailqueue`` in Zope's var folder."""
    configured = os.environ.get("HERNE_MAIL_QUEUE")
    if configured:
        return Path(configured)
    clienthome = getattr(getConfiguration(), "clienthome", None)
    return Path(clienthome or tempfile.gettempdir()) / "mailqueue"


def _server():
    host = api.portal.get_registry_record("plone.smtp_host", default="") or "localhost"
    port = api.portal.get_registry_record("plone.smtp_port", default=25) or 25
    return host, int(port)


def _probe(host, port):
    try:
        with smtplib.SMTP(host, port, timeout=PROBE_SECONDS) as connection:
            connection.noop()
        answers = True
    except (OSError, smtplib.SMTPException):
        answers = False
    with _lately_lock:
        _lately[(host, port)] = (time.monotonic(), answers)
    return answers


def mail_server_answers():
    """Does the mail server of Plone's mail settings greet us? Asked once a request.

    For a mail handed to the MailHost at the commit (``deliver``): a mail server that
    stopped answering a moment ago would lose it, so this asks afresh in every request.
    """
    request = getRequest()
    if request is not None and _ANSWERS in request.other:
        return request.other[_ANSWERS]
    answers = _probe(*_server())
    if request is not None:
        request.other[_ANSWERS] = answers
    return answers


def mail_server_answered_lately():
    """Whether the mail server greeted this process's last ask, at most ``REMEMBER_SECONDS`` ago; else asked now.

    For mails the outbox sends (it tries again until the server takes them): only the
    citizen's notice that the receipt follows later depends on the answer. Every
    submission asked the server anew before, one connection each, and waited
    ``PROBE_SECONDS`` for each while an unreachable server did not refuse.
    """
    request = getRequest()
    if request is not None and _ANSWERS in request.other:
        return request.other[_ANSWERS]
    host, port = _server()
    with _lately_lock:
        asked, answers = _lately.get((host, port), (None, None))
    if asked is None or time.monotonic() - asked > REMEMBER_SECONDS:
        return mail_server_answers()
    return answers


class RetryingQueueThread(QueueProcessorThread):
    """zope.sendmail's queue thread, trying a mail again at its next round after a failure.

    Upstream leaves its ``.sending-`` mark behind when the mail server refuses the
    connection and then skips the mail for three hours.
    """

    def _process_one_file(self, filename):
        super()._process_one_file(filename)
        if os.path.exists(filename):  # still waiting: this attempt failed
            head, tail = os.path.split(filename)
            self._unlink_if_exists(os.path.join(head, ".sending-" + tail))


def _start_sending_kept_mail(mailhost, directory):
    """One thread a queue folder and process: it retries every few seconds until the server answers."""
    with _threads_lock:
        thread = _threads.get(str(directory))
        if thread is not None and thread.is_alive():
            return
        thread = RetryingQueueThread(interval=RETRY_SECONDS)
        thread.setMailer(mailhost._makeMailer())
        thread.setQueuePath(str(directory))
        thread.start()
        _threads[str(directory)] = thread


def stop_sending_kept_mail():
    """Stop the threads; the mails stay in their folders (daemon threads end with the process anyway)."""
    with _threads_lock:
        for thread in _threads.values():
            thread.stop()
        _threads.clear()


def note_mail_kept(about):
    """A mail waits for the server (in the outbox): the administrator reads why, the request tells the citizen."""
    host, port = _server()
    logger.error(
        "Mail server %s:%s does not answer: %s waits in the outbox, "
        "sent as soon as the server answers",
        host,
        port,
        about,
    )
    request = getRequest()
    if request is not None:
        request.other[KEPT] = True


def mail_was_kept(request):
    """Did this request keep a mail for later (the citizen is told the confirmation follows)?"""
    return bool(request.other.get(KEPT)) if request is not None else False


def with_crlf(message):
    """A copy of ``message`` that serializes with CRLF line ends, as SMTP requires (RFC 5321 2.3.8).

    ``EmailMessage`` writes bare LF, and the MailHost and smtplib pass bytes on as they
    are: a server that reads lines by CRLF then takes the whole mail for one line, does not
    remove the dot it stuffed before a line starting with a dot ("herne..de"), or refuses
    the mail for the bare LF.
    """
    copy = deepcopy(message)
    copy.policy = copy.policy.clone(linesep="\r\n")
    return copy


def deliver(message, about=""):
    """Send ``message`` (an email.message) when the transaction commits, once.

    When the mail server does not answer, the mail is kept in the queue folder
    (written at commit, so nothing is kept for a request that fails), the
    administrator finds the reason and the reference in the log, and a thread sends
    it as soon as the server answers again. The request goes on either way: the
    application is stored. Returns False when the mail was kept.
    """
    mailhost = api.portal.get_tool("MailHost")
    directory = queue_directory()
    message = with_crlf(message)
    if mail_server_answers():
        if any((directory / "new").glob("*")):
            # kept before a restart: they leave now that the server answers
            _start_sending_kept_mail(mailhost, directory)
        # immediate=False: the MailHost hands the mail over when the transaction
        # commits, so a request that Zope retries after a ConflictError sends it once.
        mailhost.send(message, immediate=False)
        return True
    host, port = _server()
    logger.error(
        "Mail server %s:%s does not answer: mail %r (%s) kept in %s, "
        "sent as soon as the server answers",
        host,
        port,
        str(message["Subject"]),
        about or "-",
        directory,
    )
    text, recipients, sender = _mungeHeaders(message)
    if isinstance(recipients, str):
        recipients = [recipients]
    QueuedMailDelivery(str(directory)).send(sender, recipients, text)
    _start_sending_kept_mail(mailhost, directory)
    request = getRequest()
    if request is not None:
        request.other[KEPT] = True
    return False
