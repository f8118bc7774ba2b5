"""A small archive for the page tests: two officials who met, visits both ways, a source with evidence."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from orgs.models import Organisation
from people.models import Official, Position
from tests.factories import (
    EvidenceFactory,
    MeetingFactory,
    OfficialFactory,
    OrganisationFactory,
    ParticipantFactory,
    PositionFactory,
    SourceFactory,
    VisitFactory,
)
from visits.models import Evidence, Meeting, Source, Visit

ARTICLE = (
    "DUSHANBE, 18 May 2024. Prosecutor General Kamran Aliyev arrived in Dushanbe on a working visit. "
    "He met Prosecutor General Habibullo Vohidzoda to discuss legal assistance. "
    "The sides signed a cooperation programme."
)


@dataclass
class Scenario:
    guest: Official
    host: Official
    ministry: Organisation
    visit: Visit
    meeting: Meeting
    source: Source
    older: Visit
    planned: Visit


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scenario(db) -> Scenario:
    ministry = OrganisationFactory(name="Prosecutor General's Office", slug="pgo-az", country="AZ")
    guest = OfficialFactory(name="Kamran Aliyev", slug="kamran-aliyev", country="AZ")
    host = OfficialFactory(name="Habibullo Vohidzoda", slug="habibullo-vohidzoda", country="TJ")
    post = PositionFactory(
        official=guest,
        title="Prosecutor General",
        organisation=ministry,
        start_date=datetime.date(2020, 1, 1),
    )
    visit = VisitFactory(
        visitor=guest,
        visitor_position=post,
        visitor_title="Prosecutor General",
        origin_country="AZ",
        destination_country="TJ",
        destination_city="Dushanbe",
        start_date=datetime.date(2024, 5, 18),
        end_date=datetime.date(2024, 5, 20),
        kind="working",
        purpose="Cooperation between prosecution services",
        delegation="Deputy Prosecutor General\nHead of international department",
    )
    visit.organisations.add(ministry)
    meeting = MeetingFactory(visit=visit, date=datetime.date(2024, 5, 18), topics=["legal assistance"])
    ParticipantFactory(meeting=meeting, official=guest, role="guest", title_as_written="Prosecutor General")
    ParticipantFactory(meeting=meeting, official=host, role="host", title_as_written="Prosecutor General")
    source = SourceFactory(
        title="Azerbaijani prosecutor in Dushanbe", text=ARTICLE, url="https://example.org/a"
    )
    start = ARTICLE.index("Prosecutor General Kamran")
    end = ARTICLE.index("visit.") + len("visit.")
    EvidenceFactory(source=source, visit=visit, spans=[[start, end]])
    m_start = ARTICLE.index("He met")
    Evidence.objects.create(
        source=source, meeting=meeting, spans=[[m_start, ARTICLE.index("assistance.") + 11]]
    )
    older = VisitFactory(
        visitor=host,
        origin_country="TJ",
        destination_country="AZ",
        destination_city="Baku",
        start_date=datetime.date(2019, 3, 4),
        kind="state",
        visitor_title="President",
    )
    planned = VisitFactory(
        visitor=guest,
        origin_country="AZ",
        destination_country="KZ",
        destination_city="Astana",
        start_date=datetime.date(2031, 9, 1),
        status="planned",
        kind="official",
    )
    return Scenario(guest, host, ministry, visit, meeting, source, older, planned)


def many_visits(n: int) -> list[Visit]:
    """n visits, each with a visitor, a post, an organisation and a meeting of two participants."""
    visits = []
    for i in range(n):
        position = PositionFactory()
        visit = VisitFactory(visitor=position.official, visitor_position=position)
        visit.organisations.add(OrganisationFactory())
        meeting = MeetingFactory(visit=visit)
        ParticipantFactory(meeting=meeting, official=position.official)
        ParticipantFactory(meeting=meeting)
        EvidenceFactory(visit=visit, source=SourceFactory(), spans=[[0, 10 + i % 5]])
        visits.append(visit)
    return visits


__all__ = ["Position", "Scenario", "many_visits"]
