"""The typed results of the mention stage: places, posts, people and the document that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Entry
from .text import Token


@dataclass(slots=True)
class Place:
    """A country, demonym or city mention (tokens i..j-1)."""

    i: int
    j: int
    kind: str
    code: str
    name: str


@dataclass(slots=True)
class TitlePhrase:
    """A post such as "Minister of Foreign Affairs of the Republic of Tajikistan" (tokens i..j-1)."""

    i: int
    j: int
    title: str
    head: tuple[str, ...]
    country: str | None = None
    org: str | None = None
    plural: bool = False


@dataclass(slots=True)
class Person:
    """One official, gathered over all the mentions of them."""

    name: str
    keys: frozenset[str]
    title: str | None = None
    head: tuple[str, ...] = ()
    country: str | None = None
    organisation: str | None = None
    org_head: bool = False
    first: int = 0  # token index of the first mention
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    """A mention of person `person` over tokens i..j-1 (a name, or a post standing for a name)."""

    i: int
    j: int
    person: int


@dataclass(slots=True)
class Doc:
    """A tokenised article with its mentions."""

    text: str
    tokens: list[Token]
    folded: list[str]
    places: list[Place] = field(default_factory=list)
    orgs: list[tuple[int, int, Entry]] = field(default_factory=list)
    titles: list[TitlePhrase] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # per token: "", "country", "demonym", "city", "org" or "title"
    tag: list[str] = field(default_factory=list)
    place_at: dict[int, Place] = field(default_factory=dict)  # token index -> the place covering it
    org_at: dict[int, Entry] = field(default_factory=dict)  # token index -> the organisation covering it
    in_title: list[bool] = field(default_factory=list)  # per token: inside a post
    title_starting: dict[int, TitlePhrase] = field(default_factory=dict)  # token index -> post starting there
    title_ending: dict[int, TitlePhrase] = field(default_factory=dict)  # token index -> post ending before it
    place_starts: list[int] = field(default_factory=list)
    runs: list[tuple[int, int]] = field(
        default_factory=list
    )  # capitalised runs that may be names  # character offsets of the places, in order
    bodies: dict[str, str] | None = None  # acronyms of bodies of one country ("SBV" -> "VN"), once read
