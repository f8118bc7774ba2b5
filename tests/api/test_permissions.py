"""Who may do what: anonymous, a reader's token, an editor's token and an admin's, on every endpoint."""

import pytest

from tests.api.conftest import token_client
from tests.factories import MeetingFactory, OfficialFactory, OrganisationFactory, SourceFactory, VisitFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "reader", "editor", "admin")


def _records() -> dict[str, dict]:
    """For each resource: its list URL, a detail URL, a valid new record and a valid change."""
    visit = VisitFactory()
    meeting = MeetingFactory(visit=visit)
    official = OfficialFactory()
    org = OrganisationFactory()
    source = SourceFactory()
    return {
        "visits": {
            "list": "/api/v1/visits/",
            "detail": f"/api/v1/visits/{visit.pk}/",
            "new": {"destination_country": "UZ"},
            "change": {"destination_country": "KZ"},
        },
        "meetings": {
            "list": "/api/v1/meetings/",
            "detail": f"/api/v1/meetings/{meeting.pk}/",
            "new": {"visit": visit.pk, "city": "Dushanbe"},
            "change": {"city": "Khujand"},
        },
        "officials": {
            "list": "/api/v1/officials/",
            "detail": f"/api/v1/officials/{official.slug}/",
            "new": {"name": "Kamran Aliyev"},
            "change": {"name": official.name, "notes": "Checked."},
        },
        "organisations": {
            "list": "/api/v1/organisations/",
            "detail": f"/api/v1/organisations/{org.slug}/",
            "new": {"name": "Economic Cooperation Organization"},
            "change": {"name": org.name, "acronym": "MT"},
        },
        "sources": {
            "list": "/api/v1/sources/",
            "detail": f"/api/v1/sources/{source.pk}/",
            "new": {"text": "The minister arrived in Dushanbe on a working visit."},
            "change": {"text": "Changed."},
        },
        "countries": {
            "list": "/api/v1/countries/",
            "detail": "/api/v1/countries/TJ/",
            "new": {"code": "TJ"},
            "change": {"code": "TJ"},
        },
    }


WRITABLE = {"visits", "meetings", "officials", "organisations"}


def expected(resource: str, method: str, role: str) -> int:
    if method in ("list", "retrieve"):
        return 200
    if role == "anonymous":
        return 401  # TokenAuthentication asks for credentials
    if role == "reader":
        return 403
    # Editors and admins hold the model's permissions.
    if resource in WRITABLE:
        return {"create": 201, "update": 200, "partial_update": 200, "destroy": 204}[method]
    if resource == "sources" and method == "create":
        return 202
    return 405


def _client(role, request):
    if role == "anonymous":
        return token_client(None)
    user = request.getfixturevalue({"reader": "reader", "editor": "editor", "admin": "admin_user"}[role])
    return token_client(user)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["list", "retrieve", "create", "update", "partial_update", "destroy"])
@pytest.mark.parametrize(
    "resource", ["visits", "meetings", "officials", "organisations", "sources", "countries"]
)
def test_permission_matrix(request, resource, method, role):
    urls = _records()[resource]
    client = _client(role, request)
    if method == "list":
        response = client.get(urls["list"])
    elif method == "retrieve":
        response = client.get(urls["detail"])
    elif method == "create":
        response = client.post(urls["list"], urls["new"], format="json")
    elif method == "update":
        response = client.put(urls["detail"], urls["change"], format="json")
    elif method == "partial_update":
        response = client.patch(urls["detail"], urls["change"], format="json")
    else:
        response = client.delete(urls["detail"])
    assert response.status_code == expected(resource, method, role), response.content[:300]
    if response.status_code >= 400:
        assert response.json()["detail"]
