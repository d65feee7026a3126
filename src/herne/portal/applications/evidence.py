"""Evidence uploads: PDF, JPEG or PNG recognised by their content, within the size limits."""

from herne.portal import _
from herne.portal.controlpanels.applications import application_setting
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.interfaces import INamedFile


#: Leading bytes of the file types citizens may upload, and the type each one proves.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
MEGABYTE = 1024 * 1024


def is_upload(value):
    return INamedFile.providedBy(value) and value.getSize() > 0


def sniff_content_type(value):
    """The content type proved by the file's first bytes, or None."""
    with value.open() as stream:
        head = stream.read(16)
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def limits():
    max_file = application_setting("max_file_size_mb")
    max_total = application_setting("max_total_size_mb")
    return max_file * MEGABYTE, max_total * MEGABYTE


def upload_error(value):
    """A German message when the upload ``value`` is too big or not a PDF, JPEG or PNG, else None."""
    max_file, _max_total = limits()
    if value.getSize() > max_file:
        return _(
            "Die Datei ist zu groß. Erlaubt sind höchstens ${max} MB je Datei.",
            mapping={"max": max_file // MEGABYTE},
        )
    if sniff_content_type(value) is None:
        return _(
            "Diese Datei ist kein PDF-Dokument und kein Foto im Format JPEG oder PNG. "
            "Bitte laden Sie nur solche Dateien hoch."
        )
    return None


def check_uploads(uploads):
    """Errors per field name for uploads that are disguised, too big or too many in sum."""
    _max_file, max_total = limits()
    errors = {}
    total = 0
    for name, value in uploads.items():
        total += value.getSize()
        message = upload_error(value)
        if message is not None:
            errors[name] = message
    if total > max_total and uploads and not errors:
        last = list(uploads)[-1]
        errors[last] = _(
            "Alle Dateien zusammen sind zu groß. Erlaubt sind höchstens ${max} MB je Antrag.",
            mapping={"max": max_total // MEGABYTE},
        )
    return errors


def file_from_request(request, name):
    """The file posted in form field ``name`` as a blob, or None when none was chosen."""
    upload = request.form.get(name)
    if not getattr(upload, "filename", None):
        return None
    value = NamedBlobFile(data=upload, filename=upload.filename)
    return value if value.getSize() > 0 else None


def check_decision_letter(value):
    """A German message when ``value`` is not a PDF within the size limit, else None."""
    max_file, _max_total = limits()
    if value.getSize() > max_file:
        return _(
            "Die Datei ist zu groß. Erlaubt sind höchstens ${max} MB je Datei.",
            mapping={"max": max_file // MEGABYTE},
        )
    if sniff_content_type(value) != "application/pdf":
        return _("Der Bescheid muss ein PDF-Dokument sein.")
    return None
