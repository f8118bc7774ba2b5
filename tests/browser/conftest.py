"""Playwright against Debian's chromium and pytest-django's live server (STACK.md, trap 6)."""

import datetime
import os

import pytest

from tests.conftest import in_ci
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

# Sync Playwright runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Debian's chromium these tests skip, except in CI, which installs it (.ci/run) and fails."""
    if os.path.exists(CHROMIUM) or in_ci():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server.url


ARTICLE = (
    "DUSHANBE, May 18 (Azertac). Prosecutor General of Azerbaijan Kamran Aliyev arrived in Dushanbe on a "
    "working visit to attend the meeting of the Coordination Council of Prosecutors General of the CIS.\n\n"
    "During the visit, Kamran Aliyev met Prosecutor General of Tajikistan Habibullo Vohidzoda. The sides "
    "discussed mutual legal assistance, extradition and the fight against cybercrime.\n\n"
    "Kamran Aliyev also met Prosecutor General of Kazakhstan Berik Asylov on the sidelines of the meeting."
)


def _span(text: str, start: str, end: str) -> list[int]:
    a = text.index(start)
    return [a, text.index(end, a) + len(end)]


@pytest.fixture
def archive(transactional_db):
    """A small, realistic archive: the visit the test opens, and enough around it to look lived in."""
    pgo = OrganisationFactory(name="Prosecutor General's Office of Azerbaijan", slug="pgo-az", country="AZ")
    cis = OrganisationFactory(
        name="Commonwealth of Independent States",
        acronym="CIS",
        slug="cis",
        country="",
        kind="intergovernmental",
    )
    aliyev = OfficialFactory(name="Kamran Aliyev", slug="kamran-aliyev", country="AZ")
    vohidzoda = OfficialFactory(name="Habibullo Vohidzoda", slug="habibullo-vohidzoda", country="TJ")
    asylov = OfficialFactory(name="Berik Asylov", slug="berik-asylov", country="KZ")
    post = PositionFactory(
        official=aliyev, title="Prosecutor General", organisation=pgo, start_date=datetime.date(2020, 1, 1)
    )
    visit = VisitFactory(
        visitor=aliyev,
        visitor_position=post,
        visitor_title="Prosecutor General",
        origin_country="AZ",
        destination_country="TJ",
        destination_city="Dushanbe",
        start_date=datetime.date(2024, 5, 18),
        end_date=datetime.date(2024, 5, 19),
        kind="working",
        purpose="Meeting of the Coordination Council of Prosecutors General of the CIS",
        delegation="Deputy Prosecutor General Fuad Musayev\nHead of the International Relations Department",
        review_state="accepted",
    )
    visit.organisations.add(pgo, cis)
    source = SourceFactory(
        title="Azerbaijan's Prosecutor General on working visit to Tajikistan",
        text=ARTICLE,
        outlet="Azertac",
        url="https://example.org/azertac/2024/05/18",
    )
    EvidenceFactory(
        source=source, visit=visit, spans=[_span(ARTICLE, "Prosecutor General of Azerbaijan", "CIS.")]
    )
    talks = MeetingFactory(
        visit=visit, date=datetime.date(2024, 5, 18), topics=["legal assistance", "extradition"]
    )
    ParticipantFactory(meeting=talks, official=aliyev, role="guest", title_as_written="Prosecutor General")
    ParticipantFactory(meeting=talks, official=vohidzoda, role="host", title_as_written="Prosecutor General")
    EvidenceFactory(
        source=source, visit=None, meeting=talks, spans=[_span(ARTICLE, "During the visit", "cybercrime.")]
    )
    side = MeetingFactory(visit=visit, date=datetime.date(2024, 5, 19), topics=["cybercrime"])
    ParticipantFactory(meeting=side, official=aliyev, role="guest")
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
    return visit
