"""Likely duplicates for editors: scored and explained pairs, and the admin page that merges them."""

import datetime

import pytest

from people.models import Official, OfficialRedirect
from tests.factories import EvidenceFactory, MeetingFactory, OfficialFactory, PositionFactory, VisitFactory
from visits.duplicates import official_candidates, visit_candidates
from visits.models import Evidence, Meeting, Visit
from visits.services.merges import visit_merge

pytestmark = pytest.mark.django_db
d = datetime.date


def _pairs(candidates) -> set[frozenset[str]]:
    return {frozenset((str(c.first), str(c.second))) for c in candidates}


def test_transliterations_of_one_person_are_proposed_with_reasons():
    heydar = OfficialFactory(name="Heydar Aliyev", country="AZ")
    geidar = OfficialFactory(name="Geidar Aliyev", country="AZ")
    OfficialFactory(name="Ilham Aliyev", country="AZ")
    PositionFactory(official=heydar, title="President")
    PositionFactory(official=geidar, title="President")
    [candidate] = official_candidates()
    assert {candidate.first, candidate.second} == {heydar, geidar}
    assert candidate.score >= 80
    assert "held the same post: president" in candidate.reasons


def test_distinct_people_with_one_surname_are_not_proposed():
    OfficialFactory(name="Mohammed V", country="MA")
    OfficialFactory(name="Mohammed VI", country="MA")
    OfficialFactory(name="Fidel Castro", country="CU")
    OfficialFactory(name="Raúl Castro", country="CU")
    assert official_candidates() == []


def test_two_reports_of_one_visit_are_proposed_but_two_register_entries_are_not():
    kishida = OfficialFactory(name="Fumio Kishida", country="JP")
    a = VisitFactory(visitor=kishida, destination_country="GB", start_date=d(2022, 5, 5))
    b = VisitFactory(
        visitor=None, visitor_name="KISHIDA Fumio", destination_country="GB", start_date=d(2022, 5, 6)
    )
    VisitFactory(visitor=kishida, destination_country="GB", start_date=d(2023, 1, 12))
    register = OfficialFactory(name="George W. Bush", country="US")
    VisitFactory(
        visitor=register,
        destination_country="GB",
        start_date=d(2008, 6, 15),
        external_scheme="hsg",
        external_id="1",
    )
    VisitFactory(
        visitor=register,
        destination_country="GB",
        start_date=d(2008, 6, 16),
        external_scheme="hsg",
        external_id="2",
    )
    [candidate] = visit_candidates()
    assert {candidate.first, candidate.second} == {a, b}
    assert "1 days apart" in candidate.reasons


def test_merging_visits_keeps_every_source_and_meeting_and_is_in_the_history():
    survivor = VisitFactory(destination_city="", purpose="")
    merged = VisitFactory(destination_city="London", purpose="Summit talks")
    EvidenceFactory(visit=survivor)
    moved = EvidenceFactory(visit=merged)
    meeting = MeetingFactory(visit=merged)
    before, merged_id = survivor.updated_at, merged.pk
    visit_merge(survivor=survivor, merged=merged)
    survivor.refresh_from_db()
    assert not Visit.objects.filter(pk=merged.pk).exists()
    assert set(survivor.evidence.values_list("source_id", flat=True)) >= {moved.source_id}
    assert Evidence.objects.filter(visit=survivor).count() == 2
    assert Meeting.objects.get(pk=meeting.pk).visit_id == survivor.pk
    assert (survivor.destination_city, survivor.purpose) == ("London", "Summit talks")
    assert survivor.updated_at > before
    assert survivor.history.first().history_change_reason == f"Merged visit {merged_id} into this one"


def test_merging_a_visit_into_itself_is_refused():
    visit = VisitFactory()
    with pytest.raises(ValueError):
        visit_merge(survivor=visit, merged=visit)


def test_editors_merge_officials_from_the_duplicates_page(client, editor):
    keep = OfficialFactory(name="Heydar Aliyev", slug="heydar-aliyev", country="AZ")
    drop = OfficialFactory(name="Geidar Aliyev", slug="geidar-aliyev", country="AZ")
    VisitFactory(visitor=drop)
    client.force_login(editor)
    page = client.get("/admin/duplicates/?kind=officials").content.decode()
    assert "Geidar Aliyev" in page and "the same name, spelled otherwise" in page
    response = client.post("/admin/duplicates/?kind=officials", {"keep": keep.pk, "merge": drop.pk})
    assert response.status_code == 302
    assert not Official.objects.filter(pk=drop.pk).exists()
    assert Visit.objects.get().visitor_id == keep.pk
    assert OfficialRedirect.objects.get(old_slug="geidar-aliyev").official_id == keep.pk


def test_editors_merge_visits_from_the_duplicates_page(client, editor):
    official = OfficialFactory()
    keep = VisitFactory(visitor=official, start_date=d(2024, 5, 18))
    drop = VisitFactory(visitor=official, start_date=d(2024, 5, 19))
    client.force_login(editor)
    assert str(drop) in client.get("/admin/duplicates/?kind=visits").content.decode()
    client.post("/admin/duplicates/?kind=visits", {"keep": keep.pk, "merge": drop.pk})
    assert list(Visit.objects.values_list("pk", flat=True)) == [keep.pk]


def test_the_duplicates_page_needs_an_editor(client, reader):
    reader.is_staff = True
    reader.save()
    client.force_login(reader)
    assert client.get("/admin/duplicates/").status_code == 403
    assert client.post("/admin/duplicates/?kind=visits", {"keep": "1", "merge": "2"}).status_code == 403
