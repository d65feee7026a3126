"""The page Postausgang: a clerk's letters to print, a batch printed as one PDF and marked printed."""

from chameleon import PageTemplateFile
from herne.portal import _
from herne.portal.applications.postausgang import chosen_letters
from herne.portal.applications.postausgang import print_letters
from herne.portal.applications.postausgang import rows_of
from herne.portal.applications.postausgang import search
from herne.portal.applications.worklist import clerk_areas
from herne.portal.browser.letter_download import pdf_response
from herne.portal.german_pages import IGermanPage
from pathlib import Path
from plone import api
from plone.batching import Batch
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import implementer


#: Applications (with their letters) per page.
BATCH_SIZE = 50
PRINTED = "1"
#: The table's rows, a plain Chameleon template: its Python expressions are compiled, where
#: the page's own (Zope) expressions cost a traversal each; 50 rows of 10 cells are most of
#: the page (docs/benchmarks.md, Postausgang). Everything in it is escaped.
ROWS = PageTemplateFile(str(Path(__file__).parent / "templates" / "postausgang_rows.pt"))
LABELS = {
    "choose": _("Auswahl"),
    "reference": _("Aktenzeichen"),
    "recipient": _("Empfänger/in"),
    "letter": _("Brief"),
    "created": _("Erstellt"),
    "printed": _("Gedruckt"),
    "overdue": _("Seit mehr als zwei Arbeitstagen nicht gedruckt"),
}


@implementer(IGermanPage)
class PostausgangView(BrowserView):
    """Unprinted letters of the clerk's departments, newest last; ``?gedruckt=1`` the printed."""

    errors = {}

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see the Postausgang")
        if self.request.method == "POST" and self.areas():
            CheckAuthenticator(self.request)
            chosen, error = chosen_letters(self.request.form.get("letters") or [], self.areas())
            if error is None:
                data = print_letters(chosen, api.user.get_current().getId())
                return pdf_response(self.request.response, data, "Briefe.pdf", inline=True)
            self.errors = {"letters": translate(error, context=self.request)}
        return self.index()

    @memoize
    def areas(self):
        return clerk_areas()

    def show_printed(self):
        return self.request.form.get("gedruckt") == PRINTED

    def start(self):
        try:
            return max(0, int(self.request.form.get("b_start", 0)))
        except (TypeError, ValueError):
            return 0

    @memoize
    def batch(self):
        start = self.start()
        results = search(self.areas(), self.show_printed(), b_start=start, b_size=BATCH_SIZE)
        return Batch(results, BATCH_SIZE, start)

    @memoize
    def rows(self):
        # From the catalog's metadata of the restricted search in the clerk's own areas.
        return rows_of(self.batch(), self.show_printed())

    def rows_html(self):
        """The table's rows (see ROWS), with their labels translated once for the page."""
        labels = {name: translate(label, context=self.request) for name, label in LABELS.items()}
        rows = [
            {
                **row,
                "choose": translate(
                    _("Auswählen: ${subject}", mapping={"subject": row["subject"]}),
                    context=self.request,
                ),
            }
            for row in self.rows()
        ]
        return ROWS(rows=rows, labels=labels, printed=self.show_printed())

    def url(self, printed=False):
        base = f"{api.portal.get().absolute_url()}/@@postausgang"
        return f"{base}?gedruckt={PRINTED}" if printed else base
