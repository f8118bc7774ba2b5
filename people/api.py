"""API viewsets for officials, with their posts, aliases and external ids."""

from django.db import models

from common.api import RecordViewSet
from common.text import name_key, unique_slug
from people.filters import OfficialFilter
from people.models import Official, OfficialAlias
from people.serializers import OfficialInputSerializer, OfficialSerializer


class OfficialViewSet(RecordViewSet):
    """Officials, with the posts they held and other spellings of their names."""

    queryset = Official.objects.detailed()
    serializer_class = OfficialSerializer
    input_serializer_class = OfficialInputSerializer
    filterset_class = OfficialFilter
    lookup_field = "slug"
    related_fields = ("aliases",)
    keyset_orderings = {"name": ("name", False), "-updated_at": ("updated_at", True)}

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

    def save_related(self, instance: Official, related: dict) -> None:
        if "aliases" not in related:
            return
        wanted = {name_key(a): a for a in related["aliases"]}
        instance.aliases.exclude(name_key__in=wanted).delete()
        kept = set(instance.aliases.values_list("name_key", flat=True))
        for key, name in wanted.items():
            if key not in kept:  # save() derives the match keys, so no bulk_create
                OfficialAlias.objects.create(official=instance, name=name)
