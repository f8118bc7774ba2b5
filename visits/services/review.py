"""Editors' review of machine-made records: accept or reject one record or a whole filtered queue."""

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from common.models import ReviewState
from common.versioning import data_version_bump
from visits.models import Meeting, Visit

REASON = "Reviewed in the review queue"
BATCH = 500


def records_review(
    *,
    records: QuerySet | Iterable[Visit | Meeting],
    state: str,
    user: Any = None,
    reason: str = REASON,
) -> int:
    """Set `state` on every record (a queryset, or records) not in it yet, all or none; how many changed.

    Each change lands in the edit history with the editor's name and `reason`, as a single save does
    (with a visit's bodies as they are), but in bulk: per 500 records one UPDATE and the new versions
    copied from the rows by the database, so accepting a filtered queue of thousands takes seconds. A
    meeting's visit shows the meeting (and its state) in the API, so the visit's `updated_at` moves too.
    """
    if state not in ReviewState.values:
        raise ValueError(f"Unknown review state: {state!r}")
    candidates: dict[type[Model], list[int]] = {}
    if not isinstance(records, QuerySet):
        records = list(records)  # read twice: to choose, then to mark
    if isinstance(records, QuerySet):
        candidates[records.model] = list(records.exclude(review_state=state).values_list("pk", flat=True))
    else:
        for record in records:
            if record.review_state != state:
                candidates.setdefault(type(record), []).append(record.pk)
    now = timezone.now()
    editor = user.pk if getattr(user, "pk", None) else None
    changed = 0
    with transaction.atomic():
        for model, ids in candidates.items():
            for at in range(0, len(ids), BATCH):
                # Locked and read afresh: a record another editor decided meanwhile counts once, correctly.
                rows = model.objects.select_for_update().filter(pk__in=ids[at : at + BATCH])
                batch = list(rows.exclude(review_state=state).values_list("pk", flat=True))
                if not batch:
                    continue
                model.objects.filter(pk__in=batch).update(review_state=state, updated_at=now)
                _versions(model, batch, when=now, user_id=editor, reason=reason)
                if model is Meeting:
                    shown_in = Meeting.objects.filter(pk__in=batch).values("visit_id")
                    Visit.objects.filter(pk__in=shown_in).update(updated_at=now)
                changed += len(batch)
        if changed:
            data_version_bump()  # update() sends no signal
    if not isinstance(records, QuerySet):
        for record in records:
            record.review_state = state
    return changed


def _versions(model: type[Model], ids: list[int], *, when, user_id: int | None, reason: str) -> None:
    """The records' new versions in the edit history ("~", as a save writes), copied by the database."""
    historical = model.history.model
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in historical.tracked_fields)
    marks = ", ".join(["%s"] * len(ids))
    stamp = connection.ops.adapt_datetimefield_value(when)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(historical._meta.db_table)} ({columns}, {quote('history_date')}, "  # noqa: S608
            f"{quote('history_change_reason')}, {quote('history_type')}, {quote('history_user_id')}) "
            f"SELECT {columns}, %s, %s, '~', %s FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} IN ({marks})",
            [stamp, reason[:100], user_id, *ids],
        )
        for field in getattr(historical, "_history_m2m_fields", ()):
            _m2m_versions(cursor, model, field, ids, stamp)


def _m2m_versions(cursor, model: type[Model], field, ids: list[int], stamp) -> None:
    """Each new version's many-to-many rows (a visit's bodies) as they are, as a save records them."""
    historical = model.history.model
    snapshot = next(
        rel.related_model
        for rel in historical._meta.related_objects
        if rel.related_model._meta.model_name == f"{historical._meta.model_name}_{field.name}"
    )
    through = getattr(model, field.name).through
    quote = connection.ops.quote_name
    own = through._meta.get_field(field.m2m_field_name()).column  # the link to `model` ("visit_id")
    other = through._meta.get_field(field.m2m_reverse_field_name()).column
    marks = ", ".join(["%s"] * len(ids))
    cursor.execute(
        f"INSERT INTO {quote(snapshot._meta.db_table)} "  # noqa: S608
        f"({quote('id')}, {quote(own)}, {quote(other)}, {quote('history_id')}) "
        f"SELECT t.{quote('id')}, t.{quote(own)}, t.{quote(other)}, h.{quote('history_id')} "
        f"FROM {quote(through._meta.db_table)} t JOIN {quote(historical._meta.db_table)} h "
        f"ON h.{quote('id')} = t.{quote(own)} "
        f"WHERE h.{quote('history_date')} = %s AND h.{quote('history_type')} = '~' "
        f"AND t.{quote(own)} IN ({marks})",
        [stamp, *ids],
    )
