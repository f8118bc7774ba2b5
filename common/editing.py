"""What editors own: fields they changed by hand are never overwritten by a parse or an import."""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction

from common.models import Curated
from visits.nesting import nesting_touch

# Changing these is curation, not a correction of the record's content.
NOT_CONTENT = frozenset({"review_state", "edited_fields", "created_at", "updated_at"})


def mark_edited(obj: Curated, fields: Iterable[str]) -> None:
    """Add `fields` to the record's editor-owned fields (the caller saves)."""
    obj.edited_fields = sorted(set(obj.edited_fields) | (set(fields) - NOT_CONTENT))


def assign_unless_edited(obj: Curated, values: dict[str, Any]) -> list[str]:
    """Set each field an editor does not own; return the names of fields whose value changed."""
    changed = []
    for field, value in values.items():
        if field in obj.edited_fields:
            continue
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed.append(field)
    return changed


def record_edit(
    *,
    instance: Curated,
    values: dict[str, Any],
    changed: list[str],
    user: Any,
    reason: str,
    prepare: Callable[[], None] | None = None,
    save_related: Callable[[], None] | None = None,
) -> Curated:
    """An editor's change to one record, in one transaction: validated as admin does, owned, in the history.

    `changed` names the fields (and related values) the editor changed: they become editor-owned, so no
    later parse or import overwrites them. `save_related` stores child rows once the record is saved.
    """
    with transaction.atomic():
        for name, value in values.items():
            setattr(instance, name, value)
        if prepare:
            prepare()
        mark_edited(instance, changed)
        instance.full_clean()
        instance._history_user = user
        instance._change_reason = reason
        instance.save()
        if save_related:
            save_related()
        nesting_touch(record=instance)
    return instance
