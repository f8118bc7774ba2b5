"""Which records show another one inside them: a change to one moves the `updated_at` of those nesting it.

The API nests summaries (a visit shows its visitor, bodies, post, meetings with participants and sources;
a meeting shows its participants; an official their posts' bodies). A client syncing with
`?updated_after=` or a conditional GET must see a visit change when its visitor is renamed, so every
write that changes a record calls `nesting_touch` (editors' saves in admin and the API, writers adding
participants, merges).
"""

from django.db.models import Model, Q
from django.utils import timezone

from common.versioning import data_version_bump
from orgs.models import Organisation
from people.models import Official, Position
from visits.models import Meeting, Participant, Source, Visit


def nesting_touch(*, record: Model) -> int:
    """Move `updated_at` of every record whose API representation shows `record`; returns how many."""
    now = timezone.now()
    visits, meetings, officials = Q(pk__in=[]), Q(pk__in=[]), Q(pk__in=[])
    if isinstance(record, Official):
        visits = Q(visitor=record) | Q(meetings__participants__official=record)
        meetings = Q(participants__official=record)
    elif isinstance(record, Organisation):
        visits = Q(organisations=record) | Q(visitor_position__organisation=record)
        officials = Q(positions__organisation=record)
    elif isinstance(record, Position):
        visits = Q(visitor_position=record)
        officials = Q(pk=record.official_id)
    elif isinstance(record, Meeting):
        visits = Q(pk=record.visit_id)
    elif isinstance(record, Participant):
        visits = Q(meetings=record.meeting_id)
        meetings = Q(pk=record.meeting_id)
    elif isinstance(record, Source):
        visits = Q(evidence__source=record)
        meetings = Q(evidence__source=record)
    else:
        return 0
    touched = 0
    for model, condition in ((Visit, visits), (Meeting, meetings), (Official, officials)):
        ids = model.objects.filter(condition).values("pk")
        touched += model.objects.filter(pk__in=ids).update(updated_at=now)
    data_version_bump()  # update() sends no signal
    return touched
