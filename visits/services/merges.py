"""Editors' merges of records that are one: two visits reported apart become one with all their evidence."""

from django.db import transaction
from django.utils import timezone

from common.editing import assign_unless_edited
from common.versioning import data_version_bump
from visits.models import Evidence, Meeting, Visit
from visits.services.writer_rules import fill_blanks


@transaction.atomic
def visit_merge(*, survivor: Visit, merged: Visit, user=None) -> Visit:
    """Move `merged`'s evidence, meetings and bodies to `survivor`, fill its blanks, delete `merged`.

    Nothing is lost: every source that reported either visit reports the survivor; meetings move whole.
    Both changes land in the edit history; the survivor's `updated_at` moves, so incremental sync sees it.
    """
    if survivor.pk == merged.pk:
        raise ValueError("A visit cannot be merged into itself.")
    data_version_bump()  # update() sends no signal
    have = set(survivor.evidence.values_list("source_id", flat=True))
    for evidence in merged.evidence.all():
        if evidence.source_id in have:
            kept = survivor.evidence.get(source_id=evidence.source_id)
            kept.spans = sorted({tuple(s) for s in [*kept.spans, *evidence.spans]})
            kept.save(update_fields=["spans"])
            evidence.delete()
        else:
            Evidence.objects.filter(pk=evidence.pk).update(visit=survivor)
    Meeting.objects.filter(visit=merged).update(visit=survivor, updated_at=timezone.now())
    survivor.organisations.add(*merged.organisations.all())
    fields = [
        f for f in Visit.content_fields() if f not in ("organisations", "external_scheme", "external_id")
    ]
    values = fill_blanks(survivor, {f: getattr(merged, f) for f in fields})
    assign_unless_edited(survivor, values)
    survivor._history_user = user
    survivor._change_reason = f"Merged visit {merged.pk} into this one"
    survivor.save()
    merged._history_user = user
    merged._change_reason = f"Merged into visit {survivor.pk}"
    merged._replaced_by = survivor.pk  # the deletions feed says where it went
    merged.delete()
    return survivor
