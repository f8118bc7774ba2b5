"""API viewsets for organisations."""

from __future__ import annotations

from django.db import models

from common.api import RecordViewSet
from common.text import unique_slug
from orgs.filters import OrganisationFilter
from orgs.models import Organisation
from orgs.serializers import OrganisationInputSerializer, OrganisationSerializer


class OrganisationViewSet(RecordViewSet):
    """Organisations: governments, ministries, prosecution services, international bodies."""

    queryset = Organisation.objects.select_related("parent")
    serializer_class = OrganisationSerializer
    input_serializer_class = OrganisationInputSerializer
    filterset_class = OrganisationFilter
    lookup_field = "slug"
    keyset_orderings = {"name": ("name", False), "-updated_at": ("updated_at", True)}

    def prepare(self, instance: models.Model, created: bool) -> None:
        if not instance.slug:
            instance.slug = unique_slug(Organisation, instance.acronym or instance.name)
