"""Evidence files are only ever served as downloads, never rendered by the browser."""

from plone.namedfile.browser import Download
from plone.namedfile.utils import stream_data


class EvidenceDownload(Download):
    """``@@download``, ``@@display-file`` and the default view of an uploaded file."""

    def __call__(self):
        # Whatever field name the URL names, there is only the one file to serve.
        self.fieldname = "file"
        file = self._getFile()
        self.set_headers(file)  # Content-Disposition: attachment, with the file name
        self.request.response.setHeader("X-Content-Type-Options", "nosniff")
        return stream_data(file)
