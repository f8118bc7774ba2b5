"""Coverage says how many visits come from a curated import apart from those an editor reviewed."""

import datetime
import re

import pytest

from common.models import ReviewState
from summaries.services import rebuild
from tests.factories import VisitFactory
from visits.coverage import coverage

pytestmark = pytest.mark.django_db
d = datetime.date


def test_curated_imports_are_counted_apart_from_editors_reviews(client):
    for state in (ReviewState.IMPORTED, ReviewState.IMPORTED, ReviewState.ACCEPTED, ReviewState.UNREVIEWED):
        VisitFactory(
            origin_country="US", destination_country="TJ", start_date=d(1995, 1, 1), review_state=state
        )
    VisitFactory(
        origin_country="TJ", destination_country="US", start_date=d(2003, 1, 1), review_state="imported"
    )
    rebuild()
    rows, _ = coverage("TJ")
    assert [(r.label, r.received, r.made, r.reviewed, r.curated_import) for r in rows] == [
        ("1990s", 4, 0, 1, 2),
        ("2000s", 0, 1, 0, 1),
    ]
    page = client.get("/countries/TJ/coverage/").content.decode()
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', page)
    assert heads[-2:] == ["Reviewed by an editor", "Curated import"]
    cells = re.findall(r'<th scope="row">1990s</th>((?:<td class="num">[^<]*</td>)+)', page)[0]
    assert re.findall(r">([^<]*)</td>", cells) == ["0", "4", "0", "1", "2"]
    api = client.get("/api/v1/countries/TJ/coverage/").json()["decades"]
    assert [(r["decade"], r["reviewed"], r["curated_import"]) for r in api] == [(1990, 1, 2), (2000, 0, 1)]
