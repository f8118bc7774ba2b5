"""The article writer, onward: outcomes become rows; one official's consecutive visits become a trip."""

import copy
import datetime
import json
from pathlib import Path

import pytest

from visits.models import Outcome, Trip, Visit
from visits.services import extraction_apply, source_create
from visits.services.sources import source_parse

SEED = Path(__file__).resolve().parents[4] / "shared" / "eval" / "dev" / "s00.json"

pytestmark = pytest.mark.django_db

FIRST = (
    "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, on a working visit. "
    "The sides signed a memorandum of understanding on cooperation in the field of justice."
)
SECOND = "From Dushanbe, Kamran Aliyev travelled on to Tashkent, Uzbekistan, where he met prosecutors."


def _extraction(city: str, country: str, day: str, outcomes: list[dict]) -> dict:
    return {
        "officials": [{"name": "Kamran Aliyev", "title": "Prosecutor General", "country": "AZ"}],
        "organisations": [],
        "visits": [
            {
                "visitor": "Kamran Aliyev",
                "visitor_country": "AZ",
                "destination_country": country,
                "destination_city": city,
                "start_date": day,
                "end_date": None,
                "kind": "working",
                "evidence": [[0, 98]],
            }
        ],
        "meetings": [],
        "outcomes": outcomes,
    }


MEMORANDUM = {
    "kind": "memorandum",
    "title": "memorandum of understanding on cooperation in the field of justice",
    "parties": [],
    "date": None,
    "evidence": [FIRST.index("The sides"), len(FIRST)],
}


def _source(text: str):
    source, _ = source_create(text=text, outlet="Azernews", published=datetime.date(2024, 5, 20))
    return source


def test_an_articles_outcomes_are_written_once_on_its_visit():
    source = _source(FIRST)
    extraction = _extraction("Dushanbe", "TJ", "2024-05-18", [MEMORANDUM])
    result = extraction_apply(source=source, extraction=extraction)
    extraction_apply(source=source, extraction=copy.deepcopy(extraction))
    outcome = Outcome.objects.get()
    assert outcome.visit == result.visits[0] and outcome.kind == "memorandum"
    assert outcome.excerpts() == [
        "The sides signed a memorandum of understanding on cooperation in the field of justice."
    ]


def test_two_articles_about_one_officials_consecutive_visits_make_a_trip():
    extraction_apply(source=_source(FIRST), extraction=_extraction("Dushanbe", "TJ", "2024-05-18", []))
    extraction_apply(source=_source(SECOND), extraction=_extraction("Tashkent", "UZ", "2024-05-20", []))
    trip = Trip.objects.get()
    assert [v.destination_city for v in trip.legs.order_by("leg")] == ["Dushanbe", "Tashkent"]


def test_a_parsed_article_gets_its_outcome_and_the_seed_article_none():
    source = _source(
        "DUSHANBE, 18 May 2024. Prosecutor General Kamran Aliyev arrived in Dushanbe on a working visit. "
        "He met Prosecutor General Habibullo Vohidzoda. The sides signed a memorandum of understanding on "
        "cooperation in the field of justice."
    )
    source_parse(source_id=source.pk)
    source.refresh_from_db()
    assert source.extraction["outcomes"][0]["kind"] == "memorandum"
    outcome = Outcome.objects.get()
    assert outcome.visit.destination_city == "Dushanbe"
    assert outcome.title == "memorandum of understanding on cooperation in the field of justice"


@pytest.mark.skipif(not SEED.exists(), reason="shared/eval is not checked out next to the repo")
def test_the_seed_articles_visit_shows_no_invented_outcome():
    article = json.loads(SEED.read_text())
    source, _ = source_create(
        text=article["text"], published=datetime.date.fromisoformat(article["published"])
    )
    source_parse(source_id=source.pk)
    assert Visit.objects.filter(evidence__source=source).exists()
    assert not Outcome.objects.exists()
