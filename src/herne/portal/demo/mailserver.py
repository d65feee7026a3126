"""The demo's own SMTP server: every mail the portal sends is kept as one .eml file under var/mail/."""

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP
import argparse
from datetime import UTC
from datetime import datetime
import os
from pathlib import Path
import signal
import threading
import uuid


#: where ``make start`` keeps the mails and on which port it listens
DEFAULT_DIRECTORY = Path("var") / "mail"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8025


class MailFolderHandler:
    """Writes every message it receives into ``directory``, one .eml file each."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        name = f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        partial = self.directory / f".{name}.part"
        # Written under a hidden name, then renamed: a reader never sees half a mail.
        partial.write_bytes(envelope.original_content or envelope.content)
        os.replace(partial, self.directory / name)
        return "250 Message accepted for delivery"


class RoomySMTP(SMTP):
    """aiosmtpd's SMTP with a read buffer large enough for mails with attachments.

    aiosmtpd sizes its stream buffer by the line length limit (1001 bytes); with the
    asyncio of Python 3.11 it then refuses whole messages above about 1 KB as
    "Line too long" although no line is.
    """

    line_length_limit = 1024 * 1024


class MailFolderServer(Controller):
    """An SMTP server in a thread of its own (``start()``, ``stop()``)."""

    def __init__(self, directory=DEFAULT_DIRECTORY, host=DEFAULT_HOST, port=DEFAULT_PORT):
        super().__init__(MailFolderHandler(directory), hostname=host, port=port)

    def factory(self):
        return RoomySMTP(self.handler, **self.SMTP_kwargs)


def serve(directory=DEFAULT_DIRECTORY, host=DEFAULT_HOST, port=DEFAULT_PORT):
    """Serve until SIGTERM or SIGINT."""
    server = MailFolderServer(directory, host, port)
    server.start()
    print(f"Demo mail: SMTP on {host}:{port}, every mail kept in {Path(directory).resolve()}/")
    stopped = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *args: stopped.set())
    stopped.wait()
    server.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--directory", default=str(DEFAULT_DIRECTORY))
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    serve(args.directory, args.host, args.port)


if __name__ == "__main__":
    main()
