"""A consumer's whole sync: a full copy; an editor merges and deletes; the incremental sync sees it all."""

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory

pytestmark = pytest.mark.django_db


def _walk(client, url: str, **params) -> list[dict]:
    rows, page = [], client.get(url, params).json()
    while True:
        rows += page["results"]
        if not page["next"]:
            return rows
        page = client.get(page["next"]).json()


def test_full_sync_then_a_merge_and_a_deletion_are_seen_by_the_incremental_sync(
    anon_client, editor_client, editor
):
    keep = OfficialFactory(name="Heydar Aliyev", slug="heydar-aliyev", country="AZ")
    drop = OfficialFactory(name="Geidar Aliyev", slug="geidar-aliyev", country="AZ")
    made = VisitFactory.create_batch(3, visitor=drop)
    attended = MeetingFactory()
    ParticipantFactory(meeting=attended, official=drop)
    doomed = VisitFactory()

    # 1. A full copy, page by page.
    copy = {v["id"]: v for v in _walk(anon_client, "/api/v1/visits/", page_size=2)}
    officials = {o["slug"] for o in _walk(anon_client, "/api/v1/officials/", page_size=2)}
    assert len(copy) == 5 and {"heydar-aliyev", "geidar-aliyev"} <= officials
    since = timezone.now().isoformat()

    # 2. An editor merges the two officials in admin and deletes a visit through the API.
    admin = Client()
    admin.force_login(editor)
    merged = admin.post("/admin/duplicates/?kind=officials", {"keep": keep.pk, "merge": drop.pk})
    assert merged.status_code == 302
    assert editor_client.delete(f"/api/v1/visits/{doomed.pk}/").status_code == 204

    # 3. The incremental sync sees every change.
    changed = {v["id"]: v for v in _walk(anon_client, "/api/v1/visits/", updated_after=since)}
    assert {v.pk for v in made} | {attended.visit_id} <= set(changed)
    assert all(changed[v.pk]["visitor"]["slug"] == "heydar-aliyev" for v in made)
    gone = _walk(anon_client, "/api/v1/deletions/", since=since)
    assert {"resource": "officials", "key": "geidar-aliyev", "replaced_by": "heydar-aliyev"} in [
        {k: g[k] for k in ("resource", "key", "replaced_by")} for g in gone
    ]
    assert ("visits", str(doomed.pk)) in [(g["resource"], g["key"]) for g in gone]
    moved = anon_client.get("/api/v1/officials/geidar-aliyev/")
    assert moved.status_code == 301 and moved["Location"].endswith("/api/v1/officials/heydar-aliyev/")
