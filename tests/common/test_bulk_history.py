"""common.bulk.insert: every "+" record holds exactly what its row holds, JSON of any shape included."""

import datetime

import pytest

from common import bulk
from tests.factories import OfficialFactory
from visits.models import Meeting, Visit

pytestmark = pytest.mark.django_db

TOPICS = [
    [],
    {},
    ["trade", "security"],
    {"note": 'a "quoted"\ttab\nline \\ back', "n": 1.5, "ok": True, "none": None},
    "just a string",
    ["Ünïcode — ✓", {"nested": [1, [2, {}]]}],
]


def test_history_records_hold_the_rows_values():
    official = OfficialFactory()
    visit = Visit(
        visitor=official,
        visitor_name=official.name,
        destination_country="FR",
        start_date=datetime.date(2020, 1, 2),
        kind="working",
        status="completed",
        edited_fields=["kind"],
    )
    bulk.insert(Visit, [visit], history=True)
    meetings = [
        Meeting(visit=visit, date=datetime.date(2020, 1, 3), country="fr", topics=topics, edited_fields=[])
        for topics in TOPICS
    ]
    bulk.insert(Meeting, meetings, history=True)
    tracked = [f.attname for f in Meeting.history.model.tracked_fields]
    for meeting, topics in zip(meetings, TOPICS, strict=True):
        stored = Meeting.objects.get(pk=meeting.pk)
        record = Meeting.history.get(id=meeting.pk)
        assert stored.topics == topics and stored.edited_fields == []
        assert {a: getattr(record, a) for a in tracked} == {a: getattr(stored, a) for a in tracked}
        assert record.history_type == "+"
    record = Visit.history.get(id=visit.pk)
    assert record.edited_fields == ["kind"] and record.visitor_id == official.pk
    assert record.updated_at == Visit.objects.get(pk=visit.pk).updated_at
