"""API viewsets for organisations."""

from __future__ import annotations

from django.db import models

from common.api import RecordViewSet
from common.text import unique_slug
from orgs.filters import OrganisationFilter
from orgs.models import MAX_DEPTH, Organisation
from orgs.serializers import OrganisationInputSerializer, OrganisationSerializer


class OrganisationViewSet(RecordViewSet):
    """Organisations: governments, ministries, prosecution services, international bodies."""

    queryset = Organisation.objects.select_related("parent")
    serializer_class = OrganisationSerializer
    input_serializer_class = OrganisationInputSerializer
    record_rules = (
        "an organisation cannot sit under itself (`parent` naming the organisation itself or one of its "
        f"units), nor under a chain of {MAX_DEPTH} parents or more."
    )
    filterset_class = OrganisationFilter
    lookup_field = "slug"
    keyset_orderings = {"name": ("name", False), "-updated_at": ("updated_at", True)}

    def prepare(self, instance: models.Model, created: bool) -> None:
        if not instance.slug:
            instance.slug = unique_slug(Organisation, instance.acronym or instance.name)
