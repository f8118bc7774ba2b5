"""schemathesis in process, on a few list operations and few examples: the same checks as the run from
outside (README, API section), small enough for every test run. Derandomized, so it is the same cases
each time."""

import datetime

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from tests.factories import MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory

LISTS = r"^/api/v1/(officials|deletions)/$"


schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application()).include(
    method="GET", path_regex=LISTS
)


@pytest.fixture
def records(wsgi_in_test_transaction):
    official = OfficialFactory(name="Ahmad Osman")
    for day in range(3):
        visit = VisitFactory(visitor=official, start_date=datetime.date(2020, 2, 27 + day))
        ParticipantFactory(meeting=MeetingFactory(visit=visit), official=official)
    VisitFactory(start_date=None)


@schema.parametrize()
@settings(max_examples=5, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_list_operations_answer_as_their_schema_says(records, case):
    # The WSGI client does not undo gzip, so the answer is asked for uncompressed.
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
