"""The rules both writers obey: the article writer (records.py) and the bulk import writer (imports.py).

Editors own what they touched: a field they changed, a record they reviewed, a participant they removed or
added. Writers only fill in and add; they drop a record only when nobody vouches for it any more.
"""

from collections.abc import Callable, Iterable
from typing import Any

from common.editing import assign_unless_edited
from common.models import Curated, ReviewState
from common.text import name_key
from visits.models import Meeting, Participant, Visit

__all__ = ["Roster", "assign_unless_edited", "droppable", "fill_blanks", "untouched"]


def untouched(record: Curated) -> bool:
    """Nobody reviewed or edited the record: a writer may change or drop it as its sources say.

    A record imported from a curated source (IMPORTED) is untouched too: no editor decided on it.
    """
    return record.review_state not in ReviewState.editor_decided() and not record.edited_fields


def droppable(record: Visit | Meeting) -> bool:
    """No source supports it any more and no editor touched it (a visit stands while it has meetings)."""
    if not untouched(record) or record.evidence.exists():
        return False
    return not (isinstance(record, Visit) and record.meetings.exists())


def meetings_deleted_by_editors(visit_id: int) -> set[tuple]:
    """(date, name key) of the meetings of a visit an editor deleted: a writer never brings them back.

    The edit history is the tombstone: a deletion with a user behind it was an editor's.
    """
    deleted = Meeting.history.filter(visit_id=visit_id, history_type="-", history_user__isnull=False)
    return {(date, name_key(name)) for date, name in deleted.values_list("date", "name")}


def participants_owned(meeting: Meeting) -> bool:
    """An editor touched the meeting: its participants are theirs, and writers add none."""
    return not untouched(meeting)


def fill_blanks(record: Curated, values: dict[str, Any]) -> dict[str, Any]:
    """What a second source may say about a record another source made: only what it does not say yet."""
    return {k: v for k, v in values.items() if v and not getattr(record, k)}


class Roster:
    """Who a meeting already lists: participants are only ever added (an editor's removal or addition stands).

    A person is present when the official or the name as written (or the title, for a nameless
    participant) is already there: the same person is never listed twice, whichever way they are named.
    """

    def __init__(
        self,
        participants: Iterable[Participant] = (),
        *,
        same_name: Callable[[str, str], bool] | None = None,
    ) -> None:
        self.officials: set[int] = set()
        self.names: set[str] = set()
        # Beyond equal name keys: when two written names are one participant (the article writer's reports
        # of one meeting by two outlets spell people differently).
        self.same_name = same_name
        self.written: list[str] = []
        for participant in participants:
            self._add(participant.official_id, participant.name_as_written or participant.title_as_written)

    def _add(self, official_id: int | None, written: str) -> None:
        if official_id:
            self.officials.add(official_id)
        key = name_key(written or "")
        if key:
            self.names.add(key)
            self.written.append(written)

    def admit(self, official_id: int | None, written: str) -> bool:
        """True (and remembered) when the person is not listed yet; False when listed or nameless."""
        key = name_key(written or "")
        if (official_id and official_id in self.officials) or (key and key in self.names):
            return False
        if key and self.same_name and any(self.same_name(written, other) for other in self.written):
            return False
        if not (official_id or key):
            return False
        self._add(official_id, written)
        return True
