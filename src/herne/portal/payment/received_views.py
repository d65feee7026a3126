"""Zahlungseingänge as a CSV download (``@@zahlungseingaenge``) and as JSON (``@zahlungseingaenge``)."""

from herne.portal.browser.csv_export import csv_download
from herne.portal.i18n import in_german
from herne.portal.payment.received import COLUMNS
from herne.portal.payment.received import check_request
from herne.portal.payment.received import payments_received
from herne.portal.restapi.services.base import JSONService
from Products.Five.browser import BrowserView


class PaymentsReceivedCSV(BrowserView):
    """``?tag=YYYY-MM-DD&abteilung=<department id>``; bad values answer 400 in German."""

    def __call__(self):
        day, department, errors = check_request(
            self.request.form.get("tag"), self.request.form.get("abteilung")
        )
        if errors:
            self.request.response.setStatus(400)
            self.request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return " ".join(in_german(message) for message in errors.values())
        rows = payments_received(day, department)
        return csv_download(
            self.request.response,
            f"zahlungseingaenge-{department.getId()}-{day.isoformat()}.csv",
            [in_german(title) for _name, title in COLUMNS],
            [
                [
                    row[name].replace(".", ",") if name == "amount" else row[name]
                    for name, _t in COLUMNS
                ]
                for row in rows
            ],
        )


class PaymentsReceivedGet(JSONService):
    def reply(self):
        day, department, errors = check_request(
            self.request.form.get("tag"), self.request.form.get("abteilung")
        )
        if errors:
            return self.error(400, errors)
        return {
            "@id": f"{self.context.absolute_url()}/@zahlungseingaenge",
            "tag": day.isoformat(),
            "abteilung": department.getId(),
            "items": payments_received(day, department),
        }
