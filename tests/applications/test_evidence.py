"""Evidence checks: file type by content, size per file and per application."""

from herne.portal.applications.evidence import MEGABYTE
from herne.portal.applications.evidence import check_uploads
from herne.portal.applications.evidence import sniff_content_type
from plone.namedfile.file import NamedBlobFile
import pytest
from zope.i18n import translate


def upload(data, filename="nachweis.pdf"):
    return NamedBlobFile(data=data, filename=filename)


@pytest.mark.parametrize(
    "data, content_type",
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"<html><script>", None),
        (b"GIF89a", None),
        (b"MZ\x90\x00", None),
    ],
)
def test_content_type_from_first_bytes(portal, data, content_type):
    assert sniff_content_type(upload(data)) == content_type


def test_too_many_files_together(portal):
    files = {f"file{index}": upload(b"%PDF-" + b"0" * (9 * MEGABYTE)) for index in range(3)}
    errors = check_uploads(files)
    assert list(errors) == ["file2"]
    assert "höchstens 25 MB je Antrag" in translate(errors["file2"], target_language="de")


def test_files_within_limits_pass(portal):
    assert check_uploads({"a": upload(b"%PDF-1.4"), "b": upload(b"\x89PNG\r\n\x1a\n")}) == {}
