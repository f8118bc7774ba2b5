"""The article writer: an extraction's records, idempotent, evidence attached, editors' changes kept."""

import datetime

import pytest

from common.editing import mark_edited
from people.models import Official
from tests.visits.services.sample import ARTICLE, EXTRACTION, counts, kept_source
from visits.models import Evidence, Meeting, Visit
from visits.services import extraction_apply


@pytest.mark.django_db
def test_extraction_becomes_linked_unreviewed_records_with_evidence():
    source = kept_source()
    result = extraction_apply(source=source, extraction=EXTRACTION)
    visit = Visit.objects.get()
    assert visit.visitor.name == "Kamran Aliyev"
    assert (visit.origin_country, visit.destination_country, visit.destination_city) == (
        "AZ",
        "TJ",
        "Dushanbe",
    )
    assert visit.start_date == datetime.date(2024, 5, 18)
    assert visit.review_state == "unreviewed"
    assert visit.visitor_position.title == "Prosecutor General"
    assert [o.acronym for o in visit.organisations.all()] == ["ECO"]
    meeting = Meeting.objects.get()
    assert meeting.visit == visit
    assert sorted(p.official.name for p in meeting.participants.all()) == ["Kamran Aliyev", "Yusuf Rahmon"]
    assert Evidence.objects.get(visit=visit).spans == [[0, 98]]
    assert result.counts["visits created"] == 1


@pytest.mark.django_db
def test_applying_the_same_extraction_twice_changes_nothing():
    source = kept_source()
    extraction_apply(source=source, extraction=EXTRACTION)
    before = counts()
    result = extraction_apply(source=source, extraction=EXTRACTION)
    assert counts() == before
    assert not result.counts


@pytest.mark.django_db
def test_reparse_keeps_editor_changes():
    source = kept_source()
    extraction_apply(source=source, extraction=EXTRACTION)
    visit = Visit.objects.get()
    visit.destination_city = "Khujand"
    visit.kind = "official"
    mark_edited(visit, ["destination_city", "kind"])
    visit.save()
    changed = {**EXTRACTION, "visits": [{**EXTRACTION["visits"][0], "purpose": "A corrected purpose"}]}

    extraction_apply(source=source, extraction=changed)

    visit.refresh_from_db()
    assert (visit.destination_city, visit.kind) == ("Khujand", "official")
    assert visit.purpose == "A corrected purpose"


@pytest.mark.django_db
def test_records_a_reparse_no_longer_finds_are_removed():
    source = kept_source()
    extraction_apply(source=source, extraction=EXTRACTION)
    extraction_apply(source=source, extraction={**EXTRACTION, "visits": [], "meetings": []})
    assert not Visit.objects.exists()
    assert not Meeting.objects.exists()
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_records_an_editor_accepted_survive_a_reparse_that_no_longer_finds_them():
    source = kept_source()
    extraction_apply(source=source, extraction=EXTRACTION)
    meeting = Meeting.objects.get()
    meeting.review_state = "accepted"
    meeting.save()

    extraction_apply(source=source, extraction={**EXTRACTION, "visits": [], "meetings": []})

    assert Meeting.objects.get() == meeting
    assert Visit.objects.get() == meeting.visit  # the accepted meeting still belongs to it
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_a_second_source_on_the_same_visit_adds_evidence_not_a_twin():
    extraction_apply(source=kept_source(), extraction=EXTRACTION)
    other = kept_source(ARTICLE + " A second outlet's report.")
    later = {
        **EXTRACTION,
        "visits": [{**EXTRACTION["visits"][0], "start_date": "2024-05-19"}],
        "meetings": [],
    }
    extraction_apply(source=other, extraction=later)
    visit = Visit.objects.get()
    assert visit.sources.count() == 2
    assert visit.start_date == datetime.date(2024, 5, 18)


@pytest.mark.django_db
def test_a_record_that_cannot_be_written_is_skipped_and_the_rest_stands():
    source = kept_source()
    broken = {**EXTRACTION, "visits": [{**EXTRACTION["visits"][0], "destination_country": "ZZ"}]}
    result = extraction_apply(source=source, extraction=broken)
    assert result.counts["visits skipped"] == 1
    assert result.skipped == ["A visit (Kamran Aliyev) could not be recorded: ValidationError."]
    assert not Visit.objects.exists()  # nothing half-written of the skipped visit
    assert Meeting.objects.count() == 1 and Official.objects.count() == 2


@pytest.mark.django_db
def test_a_name_in_any_script_or_with_no_name_in_it_fails_nothing():
    source = kept_source()
    extraction = {
        **EXTRACTION,
        "officials": [
            {"name": "Сергей Лавров", "title": "Foreign Minister", "country": "RU"},
            {"name": "H. E.", "title": "Ambassador", "country": "TJ"},
        ],
        "visits": [{**EXTRACTION["visits"][0], "visitor": "Сергей Лавров", "visitor_country": "RU"}],
        "meetings": [{**EXTRACTION["meetings"][0], "participants": ["Сергей Лавров", "H. E.", "日本 太郎"]}],
    }
    result = extraction_apply(source=source, extraction=extraction)
    assert result.skipped == []
    visit = Visit.objects.get()
    assert visit.visitor.name == "Сергей Лавров"
    # "H. E." names nobody: it is not listed, and it fails nothing.
    assert sorted(Meeting.objects.get().participants.values_list("name_as_written", flat=True)) == [
        "Сергей Лавров",
        "日本 太郎",
    ]
