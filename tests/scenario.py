"""The one test scenario: an editor's small archive, built by plain functions the fixtures call.

`build_scenario` is what the page, API and browser tests share; `add_lived_in` adds the neighbours a
browser journey filters through; `full_visit`/`many_visits` are what query budgets are measured over.
"""

import datetime
from dataclasses import dataclass

from orgs.models import Organisation
from people.models import Official, OfficialAlias
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
from visits.models import Evidence, Meeting, Outcome, Source, Trip, Visit
from visits.services.trips import trips_rebuild

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


def build_scenario() -> Scenario:
    """Two prosecutors general who met in Dushanbe, the source reporting it, an older and a planned visit."""
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


def full_visit(**kwargs) -> Visit:
    """A visit with an organisation, a post, an alias, a meeting of a resolved and an unresolved participant,
    and sources for the visit and the meeting."""
    visit = VisitFactory(**kwargs)
    visit.organisations.add(OrganisationFactory())
    visit.visitor_position = PositionFactory(official=visit.visitor, organisation=OrganisationFactory())
    visit.save(update_fields=["visitor_position"])
    OfficialAlias.objects.create(official=visit.visitor, name=f"{visit.visitor.name} Jr")
    meeting = MeetingFactory(visit=visit)
    ParticipantFactory(meeting=meeting, official=visit.visitor, role="guest")
    ParticipantFactory(meeting=meeting)
    ParticipantFactory(meeting=meeting, official=None, name_as_written="Someone Unresolved")
    EvidenceFactory(visit=visit)
    EvidenceFactory(visit=None, meeting=meeting)
    return visit


def many_visits(n: int) -> list[Visit]:
    """n fully linked visits (see full_visit): what query budgets are measured over."""
    return [full_visit() for _ in range(n)]


def add_lived_in(scenario: Scenario) -> None:
    """Around the scenario, enough of an archive to look lived in: a summit body, a side meeting with a third
    prosecutor, and heads of state and ministers travelling in the region (one planned visit to Dushanbe)."""
    cis = OrganisationFactory(
        name="Commonwealth of Independent States",
        acronym="CIS",
        slug="cis",
        country="",
        kind="intergovernmental",
    )
    scenario.visit.organisations.add(cis)
    asylov = OfficialFactory(name="Berik Asylov", slug="berik-asylov", country="KZ")
    side = MeetingFactory(visit=scenario.visit, date=datetime.date(2024, 5, 19), topics=["cybercrime"])
    ParticipantFactory(meeting=side, official=scenario.guest, role="guest")
    ParticipantFactory(meeting=side, official=asylov, title_as_written="Prosecutor General")
    others = [
        ("Ilham Aliyev", "President", "AZ", "KZ", "Astana", datetime.date(2024, 5, 2), "state", "completed"),
        (
            "Emomali Rahmon",
            "President",
            "TJ",
            "AZ",
            "Baku",
            datetime.date(2024, 4, 20),
            "official",
            "completed",
        ),
        (
            "Jeyhun Bayramov",
            "Minister of Foreign Affairs",
            "AZ",
            "TR",
            "Ankara",
            datetime.date(2024, 4, 9),
            "working",
            "completed",
        ),
        (
            "Sirojiddin Muhriddin",
            "Minister of Foreign Affairs",
            "TJ",
            "UZ",
            "Tashkent",
            datetime.date(2024, 3, 14),
            "official",
            "completed",
        ),
        (
            "Kassym-Jomart Tokayev",
            "President",
            "KZ",
            "TJ",
            "Dushanbe",
            datetime.date(2024, 8, 22),
            "state",
            "planned",
        ),
        (
            "Mukhtar Tileuberdi",
            "Minister of Foreign Affairs",
            "KZ",
            "AZ",
            "Baku",
            datetime.date(2023, 11, 2),
            "working",
            "completed",
        ),
        (
            "Shavkat Mirziyoyev",
            "President",
            "UZ",
            "TJ",
            "Dushanbe",
            datetime.date(2023, 6, 1),
            "state",
            "completed",
        ),
    ]
    for name, title, origin, dest, city, day, kind, status in others:
        official = OfficialFactory(name=name, country=origin)
        v = VisitFactory(
            visitor=official,
            visitor_title=title,
            origin_country=origin,
            destination_country=dest,
            destination_city=city,
            start_date=day,
            kind=kind,
            status=status,
            purpose="",
        )
        ParticipantFactory(
            meeting=MeetingFactory(visit=v, date=day, city=city, country=dest), official=official
        )


def add_trip_and_outcome(scenario: Scenario) -> Trip:
    """Kamran Aliyev's tour: Dushanbe, then Tashkent and Astana, grouped by trips_rebuild; and the
    cooperation programme the article says was signed in Dushanbe, as an outcome of that visit."""
    legs = [
        ("UZ", "Tashkent", datetime.date(2024, 5, 21), datetime.date(2024, 5, 22)),
        ("KZ", "Astana", datetime.date(2024, 5, 23), datetime.date(2024, 5, 24)),
    ]
    for country, city, start, end in legs:
        leg = VisitFactory(
            visitor=scenario.guest,
            visitor_title="Prosecutor General",
            origin_country="AZ",
            destination_country=country,
            destination_city=city,
            start_date=start,
            end_date=end,
            purpose="Cooperation between prosecution services",
        )
        ParticipantFactory(
            meeting=MeetingFactory(visit=leg, date=start, city=city, country=country),
            official=scenario.guest,
            role="guest",
        )
    trips_rebuild()
    start = ARTICLE.index("The sides signed")
    Outcome.objects.create(
        visit=scenario.visit,
        kind=Outcome.Kind.OTHER,
        title="cooperation programme",
        parties=["AZ", "TJ"],
        source=scenario.source,
        spans=[[start, len(ARTICLE)]],
    )
    scenario.visit.refresh_from_db()
    return scenario.visit.trip
