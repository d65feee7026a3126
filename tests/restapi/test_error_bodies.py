"""REST errors of herne.portal: one shape, a type per status, German messages."""

from herne.portal import _
from herne.portal.restapi.services.base import JSONService as _JSONService
import pytest
import transaction


@pytest.mark.parametrize(
    "status,kwargs,expected",
    [
        (
            400,
            {"errors": {"text": _("Bitte schreiben Sie eine Nachricht.")}},
            {
                "type": "BadRequest",
                "message": "Bitte schreiben Sie eine Nachricht.",
                "errors": [{"field": "text", "message": "Bitte schreiben Sie eine Nachricht."}],
            },
        ),
        (
            401,
            {"message": _("Bitte melden Sie sich an.")},
            {"type": "Unauthorized", "message": "Bitte melden Sie sich an."},
        ),
        (
            403,
            {"message": "Nein.", "eid_login_url": "https://portal.example/login"},
            {
                "type": "Forbidden",
                "message": "Nein.",
                "eid_login_url": "https://portal.example/login",
            },
        ),
        (404, {"message": "Nicht da."}, {"type": "NotFound", "message": "Nicht da."}),
        (
            415,
            {"errors": {"body": "Nur JSON."}},
            {
                "type": "UnsupportedMediaType",
                "message": "Nur JSON.",
                "errors": [{"field": "body", "message": "Nur JSON."}],
            },
        ),
        (
            409,
            {"message": "Schon da.", "type": "Duplicate"},
            {"type": "Duplicate", "message": "Schon da."},
        ),
    ],
)
def test_error_body(integration, status, kwargs, expected):
    request = integration["request"]
    service = _JSONService()
    service.context, service.request = integration["portal"], request
    assert service.error(status, **kwargs) == {"error": expected}
    assert request.response.getStatus() == status
    assert transaction.get().isDoomed()  # nothing of a refused request is kept
