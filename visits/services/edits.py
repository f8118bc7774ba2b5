"""Editors' changes to a visit's or meeting's related rows, made through the API."""

from collections.abc import Iterable
from typing import Any

from orgs.models import Organisation
from visits.models import Meeting, Participant, Visit


def visit_organisations_set(*, visit: Visit, organisations: Iterable[Organisation]) -> None:
    """The bodies a visit involves, exactly as the editor listed them."""
    visit.organisations.set(organisations)


def meeting_participants_set(*, meeting: Meeting, participants: list[dict[str, Any]]) -> list[Participant]:
    """Replace a meeting's participants with the editor's list, each validated as admin validates it."""
    meeting.participants.all().delete()
    saved = []
    for values in participants:
        participant = Participant(meeting=meeting, **values)
        participant.full_clean()
        participant.save()
        saved.append(participant)
    return saved
