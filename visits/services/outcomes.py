"""Outcomes an article reports (agreements, memoranda, joint statements ...), written to its visits."""

import datetime
import hashlib

from django.db import transaction

from common.editing import assign_unless_edited
from common.models import ReviewState
from visits.models import Evidence, Outcome, Source


def _key(item: dict) -> str:
    words = "".join(ch for ch in (item.get("title") or "").casefold() if ch.isalnum())
    return hashlib.sha1(f"{item.get('kind')}|{words}".encode()).hexdigest()  # noqa: S324 (an id)


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _overlaps(a: list, b: list) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _holder(evidence: list[Evidence], span: list) -> tuple[int | None, int | None]:
    """The meeting whose sentences hold the outcome, else the visit reported last before it."""
    for ev in evidence:
        if ev.meeting_id and any(_overlaps(s, span) for s in ev.spans or []):
            return None, ev.meeting_id
    visits = [ev for ev in evidence if ev.visit_id]
    if not visits:
        meetings = [ev for ev in evidence if ev.meeting_id]
        return (None, meetings[0].meeting_id) if meetings else (None, None)
    before = [ev for ev in visits if ev.spans and min(s[0] for s in ev.spans) <= span[0]]
    chosen = max(before, key=lambda ev: min(s[0] for s in ev.spans)) if before else visits[0]
    return chosen.visit_id, None


def outcomes_write(
    *, source: Source, outcomes: list[dict], review_state: str = ReviewState.UNREVIEWED
) -> int:
    """Write a parse's outcomes for `source`: idempotent per source; editor-owned outcomes are kept.

    Each outcome goes to the meeting whose evidence holds its sentence, else to the visit reported last
    before it. Outcomes this source no longer reports are deleted unless an editor changed them.
    Returns the number of outcomes the source now supports.
    """
    with transaction.atomic():
        evidence = list(Evidence.objects.filter(source=source).order_by("id"))
        existing = {o.key: o for o in Outcome.objects.filter(source=source)}
        kept: set[str] = set()
        for item in outcomes:
            span = item.get("evidence") or [0, 0]
            visit_id, meeting_id = _holder(evidence, span)
            if not (visit_id or meeting_id):
                continue
            key = _key(item)
            if key in kept:
                continue
            kept.add(key)
            values = {
                "kind": item.get("kind") if item.get("kind") in Outcome.Kind.values else Outcome.Kind.OTHER,
                "title": (item.get("title") or "")[:500],
                "parties": [p for p in item.get("parties") or [] if isinstance(p, str)],
                "date": _date(item.get("date")),
                "spans": [span],
                "visit_id": visit_id,
                "meeting_id": meeting_id,
            }
            outcome = existing.get(key)
            if outcome is None:
                Outcome.objects.create(source=source, key=key, review_state=review_state, **values)
                continue
            for name in ("visit", "meeting"):  # admin names the foreign keys without "_id"
                if name in outcome.edited_fields:
                    values.pop(f"{name}_id")
            if assign_unless_edited(outcome, values):
                outcome.save()
        stale = [o for k, o in existing.items() if k not in kept and not o.edited_fields]
        Outcome.objects.filter(pk__in=[o.pk for o in stale]).delete()
    return len(kept)
