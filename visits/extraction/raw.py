"""The sentence rules' raw records (visits and meetings before de-duplication, pointing at person indexes)
and the article-wide context the rules read and update as they go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class RawVisit:
    """A visit before de-duplication, pointing at a person index."""

    person: int
    country: str | None
    city: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str = "unknown"
    status: str = "completed"
    purpose: str | None = None
    explicit: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    origin: str | None = None  # the country the sentence says the trip set out from
    later: bool = False  # a leg the sentence tells as following its other events ("before leaving for X")
    past: bool = False  # an earlier trip the article recalls ("In early April, X paid a visit to Moscow")


@dataclass(slots=True)
class RawMeeting:
    """A meeting before output, with participants as person indexes."""

    people: list[int]
    name: str | None
    date: dt.date | None
    city: str | None
    country: str | None
    topics: list[str]
    evidence: list[tuple[int, int]]
    located: bool = False  # the sentence itself names the place
    summary: bool = False  # "the delegation held talks in X": a lone participant, no counterpart named
    status: str = "completed"  # or "planned": "X will meet Y on Tuesday"
    host: int = -1  # the participant who received, hosted or welcomed the others, if the sentence says
    joined: list[int] = field(default_factory=list)  # people a later sentence adds ("also present were")


@dataclass(slots=True)
class Context:
    """Article-wide facts the sentence rules lean on."""

    dateline_city: str | None = None
    dateline_country: str | None = None
    trip_city: str | None = None
    trip_country: str | None = None
    focus: int = -1  # the protagonist: the person the article is mostly about
    main_city: str | None = None  # the city the article names most: what "here" means without a dateline
    main_country: str | None = None
    trip_kind: str | None = None  # a kind stated for a trip whose destinations the next sentences give
    # the venue of the multilateral event the article tells of ("the summit hosted by Rwanda") and its host
    event_city: str | None = None
    event_country: str | None = None
    event_host: int = -1
    near_event: bool = False  # whether the sentence being read, or one of the two before, tells of an event
    at_event: bool = False  # near_event, and the event's venue is known
    returning: bool = False  # the sentence being read, or one of the two before, tells of a return home
