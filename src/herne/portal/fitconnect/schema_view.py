"""``<service>/@@fit-connect-schema``: the JSON Schema of the service's data set, to give to the destination."""

from herne.portal.fitconnect.dataset import form_json_schema
from herne.portal.fitconnect.errors import Refused
import json
from Products.Five.browser import BrowserView


class ServiceSchema(BrowserView):
    """Served as a file (``<service id>.schema.json``) to administrators, who set up the destinations."""

    def __call__(self):
        response = self.request.response
        try:
            schema = form_json_schema(self.context)
        except Refused as error:
            response.setStatus(404)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return str(error)
        response.setHeader("Content-Type", "application/schema+json; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.context.getId()}.schema.json"'
        )
        return json.dumps(schema, ensure_ascii=False, indent=2)
