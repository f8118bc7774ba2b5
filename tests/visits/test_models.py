import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from common.text import match_key
from tests.factories import OfficialFactory, SourceFactory, VisitFactory
from visits.models import Evidence, Visit


@pytest.mark.django_db
def test_visit_cannot_end_before_it_starts_in_the_database():
    visit = VisitFactory.build(visitor=OfficialFactory(), start_date=datetime.date(2024, 5, 18))
    visit.end_date = datetime.date(2024, 5, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()
    assert Visit.objects.count() == 0


@pytest.mark.django_db
def test_visit_end_before_start_is_a_clear_validation_error():
    visit = VisitFactory.build(visitor=OfficialFactory(), start_date=datetime.date(2024, 5, 18))
    visit.end_date = datetime.date(2024, 5, 1)
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        visit.full_clean()


@pytest.mark.django_db
def test_external_id_is_unique_per_scheme_but_reusable_across_schemes():
    VisitFactory(external_scheme="hsg-visit", external_id="1999-1")
    VisitFactory(external_scheme="hsg-travel", external_id="1999-1")
    VisitFactory(external_scheme="", external_id="")
    VisitFactory(external_scheme="", external_id="")
    with pytest.raises(IntegrityError), transaction.atomic():
        VisitFactory(external_scheme="hsg-visit", external_id="1999-1")


@pytest.mark.django_db
def test_source_checksum_is_unique():
    SourceFactory(checksum="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(checksum="a" * 64)


@pytest.mark.django_db
def test_unknown_country_code_is_rejected_by_validation():
    visit = VisitFactory.build(visitor=OfficialFactory(), destination_country="XX")
    with pytest.raises(ValidationError) as caught:
        visit.full_clean()
    assert "destination_country" in caught.value.message_dict


@pytest.mark.django_db
def test_evidence_points_at_exactly_one_record():
    source, visit = SourceFactory(), VisitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(source=source)
    evidence = Evidence.objects.create(source=source, visit=visit, spans=[[0, 7]])
    assert evidence.excerpts() == [source.text[:7]]


@pytest.mark.django_db
def test_official_name_keys_follow_the_name():
    official = OfficialFactory(name="Mohammad Movahedi-Azad")
    assert official.name_key == "mohammad movahedi azad"
    official.name = "Muhammad Movahedi Azad"
    official.save()
    assert official.name_key == "muhammad movahedi azad"
    assert official.match_key == match_key("Mohammad Movahedi-Azad") == match_key("Mohammed Movahedi Azad")


@pytest.mark.django_db
def test_search_finds_words_in_the_visits_own_text_on_every_backend():
    from visits.filters import VisitFilter

    hit = VisitFactory(purpose="Talks on energy security", destination_city="Baku")
    VisitFactory(purpose="Talks on trade")
    found = VisitFilter({"q": "energy"}, queryset=Visit.objects.timeline()).qs
    assert list(found) == [hit]
    by_name = VisitFilter({"q": hit.visitor.name.split()[-1]}, queryset=Visit.objects.timeline()).qs
    assert hit in by_name


@pytest.mark.django_db
def test_a_visit_named_only_by_its_official_takes_the_officials_name_as_written():
    visit = VisitFactory.build(visitor=OfficialFactory(name="Yusuf Rahmon"), visitor_name="")
    visit.name_visitor()
    assert visit.visitor_name == "Yusuf Rahmon"
