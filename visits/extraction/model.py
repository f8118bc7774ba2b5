"""The plain records the extractor returns; `to_dict` gives the keys of the gold annotation contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(slots=True)
class Official:
    """A person holding a post, as the article names them."""

    name: str | None
    title: str | None = None
    country: str | None = None
    organisation: str | None = None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's official object plus evidence spans."""
        return {
            "name": self.name,
            "title": self.title,
            "country": self.country,
            "organisation": self.organisation,
            "evidence": [list(s) for s in self.evidence],
        }


@dataclass(slots=True)
class Organisation:
    """A body named in the article (intergovernmental, government, legislature, ...)."""

    name: str
    acronym: str | None = None
    kind: str | None = None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's organisation object plus evidence spans."""
        return {
            "name": self.name,
            "acronym": self.acronym,
            "kind": self.kind,
            "evidence": [list(s) for s in self.evidence],
        }


@dataclass(slots=True)
class Visit:
    """A physical trip of an official to another country."""

    visitor: str | None
    visitor_country: str | None
    destination_country: str | None
    destination_city: str | None = None
    origin_country: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    kind: str = "unknown"
    status: str = "completed"
    purpose: str | None = None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's visit object plus evidence spans."""
        return {
            "visitor": self.visitor,
            "visitor_country": self.visitor_country,
            "origin_country": self.origin_country or self.visitor_country,
            "destination_country": self.destination_country,
            "destination_city": self.destination_city,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "kind": self.kind,
            "status": self.status,
            "purpose": self.purpose,
            "evidence": [list(s) for s in self.evidence],
        }


@dataclass(slots=True)
class Meeting:
    """A face-to-face meeting the article reports, with the people it names."""

    participants: list[str | None]
    name: str | None = None
    date: dt.date | None = None
    city: str | None = None
    country: str | None = None
    topics: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's meeting object plus evidence spans."""
        return {
            "name": self.name,
            "participants": list(self.participants),
            "date": _iso(self.date),
            "city": self.city,
            "country": self.country,
            "topics": list(self.topics),
            "evidence": [list(s) for s in self.evidence],
        }


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article, plus warnings about input that was cut or unreadable."""

    officials: list[Official] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)  # outcomes.py: documents signed

    def to_dict(self) -> dict[str, Any]:
        """The four lists of the gold contract (SCHEMA.md); warnings go under an extra key when present."""
        out: dict[str, Any] = {
            "officials": [o.to_dict() for o in self.officials],
            "organisations": [o.to_dict() for o in self.organisations],
            "visits": [v.to_dict() for v in self.visits],
            "meetings": [m.to_dict() for m in self.meetings],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.outcomes:
            out["outcomes"] = list(self.outcomes)
        return out
