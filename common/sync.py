"""Incremental sync's deletions feed: /api/v1/deletions/?since=… lists what is gone since a moment.

A client syncs by asking each resource for `?updated_after=T` and this feed for `?since=T`: together they
cannot miss a change. A merge appears here as the merged record, with `replaced_by` naming the survivor.
"""

import django_filters as df
from rest_framework import mixins, serializers, viewsets

from common.api import ArchiveReadMixin
from common.deletions import TRACKED
from common.filters import FilterSet, UpdatedAfterFilter
from common.models import Deletion

RESOURCES = sorted({resource for resource, _ in TRACKED.values()})


class DeletionSerializer(serializers.ModelSerializer):
    """A record that is gone: its resource, the key it was served under, where it went if merged."""

    class Meta:
        model = Deletion
        fields = ["resource", "key", "replaced_by", "deleted_at"]
        extra_kwargs = {
            "resource": {"help_text": "The API resource it belonged to."},
            "key": {"help_text": "Its id, or slug for officials and organisations."},
            "replaced_by": {"help_text": "The id or slug it was merged into; empty for a deletion."},
            "deleted_at": {"help_text": "When it went (ISO 8601)."},
        }


class DeletionFilter(FilterSet):
    since = UpdatedAfterFilter(
        field_name="deleted_at", lookup_expr="gte", help_text="Gone at or after this moment (ISO 8601)."
    )
    resource = df.ChoiceFilter(choices=[(r, r) for r in RESOURCES], help_text="Only this resource's records.")

    class Meta:
        model = Deletion
        fields = ["since", "resource"]


class DeletionViewSet(ArchiveReadMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """What was deleted or merged away, oldest first: with `?updated_after=` on each resource, a full sync."""

    queryset = Deletion.objects.all()
    serializer_class = DeletionSerializer
    filterset_class = DeletionFilter
    keyset_orderings = {"deleted_at": ("deleted_at", False)}
