"""Which deletions incremental sync must learn about, and how each record is named in the API."""

from typing import Any

from django.db import models

from common.models import Deletion

# Model label -> (API resource, the field it is served under).
TRACKED: dict[str, tuple[str, str]] = {
    "visits.Visit": ("visits", "pk"),
    "visits.Meeting": ("meetings", "pk"),
    "visits.Source": ("sources", "pk"),
    "people.Official": ("officials", "slug"),
    "orgs.Organisation": ("organisations", "slug"),
}


def record_deletion(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """post_delete: keep a tombstone; a merge sets `instance._replaced_by` to the survivor's key first."""
    resource, field = TRACKED[sender._meta.label]
    Deletion.objects.create(
        resource=resource,
        key=str(getattr(instance, field)),
        replaced_by=str(getattr(instance, "_replaced_by", "") or ""),
    )
