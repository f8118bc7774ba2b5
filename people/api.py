"""API viewsets for officials, with their posts, aliases and external ids."""

from typing import Any

from django.db import models
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from common.api import RecordViewSet
from common.text import name_key, unique_slug
from people.filters import OfficialFilter
from people.models import Official, OfficialAlias, OfficialRedirect
from people.serializers import OfficialInputSerializer, OfficialSerializer
from people.services import official_delete_prepare


class OfficialViewSet(RecordViewSet):
    """Officials, with the posts they held and other spellings of their names."""

    queryset = Official.objects.detailed()
    serializer_class = OfficialSerializer
    input_serializer_class = OfficialInputSerializer
    filterset_class = OfficialFilter
    lookup_field = "slug"
    related_fields = ("aliases",)
    keyset_orderings = {"name": ("name", False), "-updated_at": ("updated_at", True)}

    @extend_schema(
        responses={
            200: OfficialSerializer,
            301: OpenApiResponse(description="A merged official's old slug: Location names the survivor."),
        }
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """An official; a merged official's old slug answers 301 to the official it was merged into."""
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            moved = OfficialRedirect.objects.filter(old_slug=kwargs.get("slug", "")).select_related(
                "official"
            )
            target = moved.select_related("official").first()
            if target is None:
                raise
            url = reverse("api:official-detail", kwargs={"slug": target.official.slug}, request=request)
            return Response(status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": url})

    def prepare(self, instance: models.Model, created: bool) -> None:
        if not instance.slug:
            instance.slug = unique_slug(Official, instance.name)

    def related_changes(self, instance: Official, related: dict, created: bool) -> list[str]:
        if "aliases" not in related:
            return []
        if created:
            return ["aliases"]
        before = {name_key(a.name) for a in instance.aliases.all()}
        return ["aliases"] if before != {name_key(a) for a in related["aliases"]} else []

    def before_delete(self, instance: Official) -> None:
        official_delete_prepare(instance)

    def save_related(self, instance: Official, related: dict) -> None:
        if "aliases" not in related:
            return
        wanted = {name_key(a): a for a in related["aliases"]}
        instance.aliases.exclude(name_key__in=wanted).delete()
        kept = set(instance.aliases.values_list("name_key", flat=True))
        for key, name in wanted.items():
            if key not in kept:  # save() derives the match keys, so no bulk_create
                OfficialAlias.objects.create(official=instance, name=name)
