"""Editors' review of machine-made records: accept or reject one record or a whole filtered queue."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from common.models import ReviewState
from common.versioning import data_version_bump
from visits.models import Meeting, Visit

REASON = "Reviewed in the review queue"
BATCH = 500


def records_review(
    *, records: Iterable[Visit | Meeting], state: str, user: Any = None, reason: str = REASON
) -> int:
    """Set `state` on every record not in it yet, all or none; returns how many changed.

    Each change lands in the edit history with the editor's name and `reason`, as a single save does, but
    in bulk: accepting a filtered queue of thousands costs a few queries per 500 records. A meeting's
    visit shows the meeting (and its state) in the API, so the visit's `updated_at` moves with it.
    """
    if state not in ReviewState.values:
        raise ValueError(f"Unknown review state: {state!r}")
    now = timezone.now()
    changing: dict[type, list[Visit | Meeting]] = {}
    for record in records:
        if record.review_state != state:
            record.review_state, record.updated_at = state, now
            changing.setdefault(type(record), []).append(record)
    if not changing:
        return 0
    with transaction.atomic():
        for model, group in changing.items():
            bulk_update_with_history(
                group,
                model,
                ["review_state", "updated_at"],
                batch_size=BATCH,
                default_user=user if getattr(user, "pk", None) else None,
                default_change_reason=reason,
                default_date=now,
            )
        visits = {m.visit_id for m in changing.get(Meeting, []) if m.visit_id}
        for at in range(0, len(ids := sorted(visits)), BATCH):
            Visit.objects.filter(pk__in=ids[at : at + BATCH]).update(updated_at=now)
        data_version_bump()  # bulk updates send no signal
    return sum(len(group) for group in changing.values())
