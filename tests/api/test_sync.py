"""Incremental sync cannot miss a change: ?updated_after= on each resource plus the deletions feed."""

import datetime

import pytest
from django.utils import timezone

from people.services import official_merge
from tests.factories import MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory

pytestmark = pytest.mark.django_db


def _deletions(client, **params) -> list[tuple[str, str, str]]:
    body = client.get("/api/v1/deletions/", params).json()
    return [(d["resource"], d["key"], d["replaced_by"]) for d in body["results"]]


def test_a_deleted_visit_and_its_meetings_appear_in_the_feed(anon_client, editor_client):
    visit = VisitFactory()
    meeting = MeetingFactory(visit=visit)
    since = (timezone.now() - datetime.timedelta(seconds=1)).isoformat()
    assert editor_client.delete(f"/api/v1/visits/{visit.pk}/").status_code == 204
    gone = _deletions(anon_client, since=since)
    assert ("visits", str(visit.pk), "") in gone
    assert ("meetings", str(meeting.pk), "") in gone  # the cascade is in the feed too


def test_a_merge_appears_as_the_merged_record_replaced_by_the_survivor(anon_client):
    survivor = OfficialFactory(name="Heydar Aliyev", slug="heydar-aliyev")
    merged = OfficialFactory(name="Geidar Aliyev", slug="geidar-aliyev")
    visit = VisitFactory(visitor=merged)
    hosted = VisitFactory()
    ParticipantFactory(meeting=MeetingFactory(visit=hosted), official=merged)
    moment = timezone.now()
    official_merge(survivor=survivor, merged=merged)
    since = moment.isoformat()
    assert _deletions(anon_client, since=since) == [("officials", "geidar-aliyev", "heydar-aliyev")]
    changed = anon_client.get("/api/v1/visits/", {"updated_after": since}).json()["results"]
    assert {v["id"] for v in changed} >= {visit.pk}
    meetings = anon_client.get("/api/v1/meetings/", {"updated_after": since}).json()["results"]
    assert len(meetings) == 1


def test_the_feed_starts_where_it_is_asked_to_and_filters_by_resource(anon_client):
    old = VisitFactory()
    old_id = old.pk
    old.delete()
    later = timezone.now()
    official = OfficialFactory(slug="someone")
    official.delete()
    assert _deletions(anon_client, since=later.isoformat()) == [("officials", "someone", "")]
    assert _deletions(anon_client, resource="visits") == [("visits", str(old_id), "")]
    assert anon_client.get("/api/v1/deletions/", {"since": "yesterday"}).status_code == 400


def test_renaming_an_official_moves_every_visit_and_meeting_showing_them(anon_client, editor_client):
    official = OfficialFactory(name="Kamran Aliyev", slug="kamran-aliyev")
    made = VisitFactory(visitor=official)
    attended = MeetingFactory()
    ParticipantFactory(meeting=attended, official=official)
    since = timezone.now().isoformat()
    response = editor_client.patch(
        "/api/v1/officials/kamran-aliyev/", {"name": "Kamran Aliev"}, format="json"
    )
    assert response.status_code == 200
    visits = {v["id"] for v in anon_client.get("/api/v1/visits/", {"updated_after": since}).json()["results"]}
    meetings = anon_client.get("/api/v1/meetings/", {"updated_after": since}).json()["results"]
    assert visits == {made.pk, attended.visit_id}
    assert [m["id"] for m in meetings] == [attended.pk]
