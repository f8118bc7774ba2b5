"""The REST API under /api/ (v1 resources, the OpenAPI schema and its docs)."""


urlpatterns: list = []
