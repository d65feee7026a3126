"""File inputs of application forms: a refused file is never offered as kept, a draft's files are."""

from plone.formwidget.namedfile.interfaces import INamedFileWidget


def file_widgets(form):
    return [widget for widget in form.widgets.values() if INamedFileWidget.providedBy(widget)]


def _offer(widget, kept):
    """Show ``kept`` (an ApplicationFile or None) as the field's file, to keep or replace."""
    widget.value = kept.file if kept is not None else None
    # Read by the file input template: the kept file's own address (the form has none).
    widget.kept_file_url = (
        f"{kept.absolute_url()}/@@download/file/{kept.file.filename}" if kept is not None else None
    )


def offer_kept_files(form, kept):
    """Before the post is read: each field without a new file shows the draft's file, if any."""
    for widget in file_widgets(form):
        widget.kept_file_url = None
        choice = form.request.get(f"{widget.name}.action")
        found = kept.get(widget.field.__name__)
        if found is None or choice == "remove":
            continue
        if widget.value is None or widget.value is found.file:
            _offer(widget, found)


def forget_refused_files(form, kept):
    """After a refused post: a file with an error is dropped; the draft's file, if any, is offered."""
    for widget in file_widgets(form):
        if getattr(widget, "error", None) is not None:
            _offer(widget, kept.get(widget.field.__name__))
            widget._file_upload_id = None
