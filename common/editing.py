"""What editors own: fields they changed by hand are never overwritten by a parse or an import."""

from collections.abc import Iterable
from typing import Any

from common.models import Curated

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
