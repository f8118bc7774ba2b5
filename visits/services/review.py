"""Editors' review of machine-made records."""

from django.db import transaction

from common.models import ReviewState
from visits.models import Meeting, Visit


def records_review(*, records: list[Visit | Meeting], state: str) -> int:
    """Accept or reject records (each save lands in the edit history with the editor's name)."""
    if state not in ReviewState.values:
        raise ValueError(f"Unknown review state: {state!r}")
    changed = 0
    with transaction.atomic():
        for record in records:
            if record.review_state != state:
                record.review_state = state
                record.save(update_fields=["review_state", "updated_at"])
                changed += 1
    return changed
