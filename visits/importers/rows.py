"""Plain records yielded by every reader, shared across input formats."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["state", "official", "working", "private", "multilateral", "unknown"]
Status = Literal["completed", "planned", "cancelled"]
Precision = Literal["day", "month", "year"]

KINDS: tuple[str, ...] = ("state", "official", "working", "private", "multilateral", "unknown")
STATUSES: tuple[str, ...] = ("completed", "planned", "cancelled")
PRECISIONS: tuple[str, ...] = ("day", "month", "year")


@dataclass(frozen=True)
class PersonRef:
    """A person as written in the source: either part may be missing ("the President" has no name)."""

    name: str | None
    title: str | None = None
    country: str | None = None
    # A stable identity when the source provides one (HSG traveller files), e.g. "hsg:bush-george-w".
    key: str | None = None


@dataclass
class MeetingRow:
    """A face-to-face meeting named by the source."""

    participants: list[PersonRef]
    date: datetime.date | None = None
    city: str | None = None
    country: str | None = None
    name: str | None = None


@dataclass
class VisitRow:
    """One visit, whatever the input format."""

    external_scheme: str
    external_id: str
    visitors: list[PersonRef]
    origin_country: str | None
    destination_country: str | None
    destination_city: str | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    date_precision: Precision = "day"
    kind: Kind = "unknown"
    status: Status = "completed"
    purpose: str | None = None
    summary: str = ""
    meetings: list[MeetingRow] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    # Where the row came from, so an editor can find the record again; not part of the visit itself.
    source_file: str = ""
    source_line: int | None = None


@dataclass(frozen=True)
class RowError:
    """One record could not be read; the rest of the file still is."""

    file: str
    line: int | None
    record_id: str | None
    code: str
    message: str
    column: str | None = None


@dataclass(frozen=True)
class FileError:
    """The whole file could not be read (truncated XML, wrong header, unreadable zip)."""

    file: str
    line: int | None
    code: str
    message: str


@dataclass(frozen=True)
class ReadWarning:
    """Something worth telling the user that did not stop a record from being read."""

    file: str
    line: int | None
    record_id: str | None
    code: str
    message: str


Problem = RowError | FileError | ReadWarning
ReadItem = VisitRow | RowError | FileError | ReadWarning
