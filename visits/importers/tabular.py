"""CSV and JSON visit files: one row per visit, plus the archive's own lossless JSON export.

CSV columns (all required in the header, in any order; cells may be blank unless marked *):
  external_scheme*, external_id*  where the record comes from and its id there ("my-office", "2024-17")
  visitor_name, visitor_title, visitor_country   the visitor (a name or a title is required*)
  origin_country, destination_country*, destination_city   countries as ISO 3166-1 alpha-2 (names accepted)
  start_date*, end_date   ISO dates; "2024-05" or "2024" for month or year precision
  date_precision          day | month | year (inferred from start_date when blank)
  kind                    state | official | working | private | multilateral | unknown (default)
  status                  completed (default) | planned | cancelled
  purpose, summary        free text
  meetings                a JSON list of {date, city, country, name, participants: [{name, title, country}]}
Optional column: organisations (names separated by ";").
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .countries import UnknownCountry, normalise_country
from .rows import (
    KINDS,
    PRECISIONS,
    STATUSES,
    FileError,
    MeetingRow,
    PersonRef,
    ReadItem,
    ReadWarning,
    RowError,
    VisitRow,
)
from .textio import decode

# The file's columns are VisitRow's fields, in order, with the visitor spelled out in three columns and the
# reader's bookkeeping left out: a field added to VisitRow is a column of the CSV and the JSON at once.
_SPELLED_OUT = {"visitors": ("visitor_name", "visitor_title", "visitor_country")}
_NOT_COLUMNS = frozenset({"organisations", "source_file", "source_line"})
COLUMNS: tuple[str, ...] = tuple(
    column
    for f in dataclasses.fields(VisitRow)
    if f.name not in _NOT_COLUMNS
    for column in _SPELLED_OUT.get(f.name, (f.name,))
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("organisations",)
ARCHIVE_FORMAT = "visits-archive/1"
MAX_FILE_BYTES = 200 * 1024 * 1024

EXAMPLE_ROW: dict[str, str] = {
    "external_scheme": "my-office",
    "external_id": "2024-001",
    "visitor_name": "Kamran Aliyev",
    "visitor_title": "Prosecutor General",
    "visitor_country": "AZ",
    "origin_country": "AZ",
    "destination_country": "TJ",
    "destination_city": "Dushanbe",
    "start_date": "2024-05-18",
    "end_date": "2024-05-19",
    "date_precision": "day",
    "kind": "working",
    "status": "completed",
    "purpose": "5th Meeting of the Attorneys/Prosecutors General of the ECO Member States",
    "summary": "Met with Prosecutor General Yusuf Rahmon.",
    "meetings": json.dumps(
        [
            {
                "date": "2024-05-18",
                "city": "Dushanbe",
                "country": "TJ",
                "name": None,
                "participants": [
                    {"name": "Kamran Aliyev", "title": "Prosecutor General", "country": "AZ"},
                    {"name": "Yusuf Rahmon", "title": "Prosecutor General", "country": "TJ"},
                ],
            }
        ]
    ),
}


class CellError(ValueError):
    """A cell that cannot be read; carries the column name."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def csv_template() -> str:
    """Return the CSV header and one example row, for a downloadable template."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(EXAMPLE_ROW)
    return out.getvalue()


def _read_text(path: Path) -> tuple[str | None, list[ReadItem]]:
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [FileError(name, None, "too-large", f"{name}: larger than {MAX_FILE_BYTES} bytes")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [FileError(name, None, "unreadable", f"{name}: {exc}")]
    text, encoding, guessed = decode(data)
    if guessed:
        message = f"{name}: not valid UTF-8, read as {encoding}; check accented names"
        return text, [ReadWarning(name, None, None, "encoding-fallback", message)]
    return text, []


def _opt(value: Any) -> str | None:
    text = "" if value is None else " ".join(str(value).split())
    return text or None


def _country(value: Any, column: str) -> str | None:
    text = _opt(value)
    if text is None:
        return None
    try:
        return normalise_country(text)
    except UnknownCountry as exc:
        raise CellError(column, str(exc)) from None


def _date(value: Any, column: str) -> tuple[datetime.date | None, str | None]:
    text = _opt(value)
    if text is None:
        return None, None
    try:
        if len(text) == 4 and text.isdigit():
            return datetime.date(int(text), 1, 1), "year"
        if len(text) == 7 and text[4] == "-":
            return datetime.date(int(text[:4]), int(text[5:]), 1), "month"
        return datetime.date.fromisoformat(text), "day"
    except ValueError:
        raise CellError(column, f"{text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


def _choice(value: Any, column: str, choices: tuple[str, ...], default: str) -> str:
    text = (_opt(value) or default).lower()
    if text not in choices:
        raise CellError(column, f"{text!r} is not one of {', '.join(choices)}")
    return text


def _person(data: Any, column: str) -> PersonRef:
    if not isinstance(data, dict):
        raise CellError(column, f"a person must be an object, got {data!r}")
    person = PersonRef(
        name=_opt(data.get("name")),
        title=_opt(data.get("title")),
        country=_country(data.get("country"), column),
        key=_opt(data.get("key")),
    )
    if not (person.name or person.title):
        raise CellError(column, "a person needs a name or a title")
    return person


def _meetings(value: Any, column: str = "meetings") -> list[MeetingRow]:
    if isinstance(value, str):
        if not value.strip():
            return []
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise CellError(column, f"not valid JSON ({exc.msg} at char {exc.pos})") from None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(m, dict) for m in value):
        raise CellError(column, "must be a list of meeting objects")
    meetings = []
    for item in value:
        participants = item.get("participants") or []
        if not isinstance(participants, list):
            raise CellError(column, "participants must be a list")
        meetings.append(
            MeetingRow(
                participants=[_person(p, column) for p in participants],
                date=_date(item.get("date"), column)[0],
                city=_opt(item.get("city")),
                country=_country(item.get("country"), column),
                name=_opt(item.get("name")),
            )
        )
    return meetings


def _organisations(value: Any) -> list[str]:
    if isinstance(value, list):
        return [o for o in (_opt(v) for v in value) if o]
    return [o for o in (_opt(v) for v in str(value or "").split(";")) if o]


def _check(condition: bool, column: str, message: str) -> None:
    if not condition:
        raise CellError(column, message)


def _row_common(data: dict[str, Any], visitors: list[PersonRef], source: str, line: int | None) -> VisitRow:
    start, inferred = _date(data.get("start_date"), "start_date")
    end, _ = _date(data.get("end_date"), "end_date")
    _check(start is not None, "start_date", "start_date is required")
    _check(end is None or start is None or end >= start, "end_date", f"end_date {end} is before {start}")
    destination = _country(data.get("destination_country"), "destination_country")
    _check(destination is not None, "destination_country", "destination_country is required")
    return VisitRow(
        external_scheme=_opt(data.get("external_scheme")) or "",
        external_id=_opt(data.get("external_id")) or "",
        visitors=visitors,
        origin_country=_country(data.get("origin_country"), "origin_country"),
        destination_country=destination,
        destination_city=_opt(data.get("destination_city")),
        start_date=start,
        end_date=end,
        date_precision=_choice(data.get("date_precision"), "date_precision", PRECISIONS, inferred or "day"),  # type: ignore[arg-type]
        kind=_choice(data.get("kind"), "kind", KINDS, "unknown"),  # type: ignore[arg-type]
        status=_choice(data.get("status"), "status", STATUSES, "completed"),  # type: ignore[arg-type]
        purpose=_opt(data.get("purpose")),
        # Summaries keep their line breaks: they are the evidence an editor reads.
        summary=str(data.get("summary") or "").strip(),
        meetings=_meetings(data.get("meetings")),
        organisations=_organisations(data.get("organisations")),
        source_file=source,
        source_line=line,
    )


def row_from_flat(data: dict[str, Any], source: str = "", line: int | None = None) -> VisitRow:
    """Build a VisitRow from the documented flat columns; raise CellError naming the column."""
    for column in ("external_scheme", "external_id"):
        _check(_opt(data.get(column)) is not None, column, f"{column} is required")
    visitor = PersonRef(
        name=_opt(data.get("visitor_name")),
        title=_opt(data.get("visitor_title")),
        country=_country(data.get("visitor_country"), "visitor_country"),
    )
    _check(bool(visitor.name or visitor.title), "visitor_name", "visitor_name or visitor_title is required")
    return _row_common(data, [visitor], source, line)


def row_from_json(data: dict[str, Any], source: str = "", line: int | None = None) -> VisitRow:
    """Build a VisitRow from the archive's export shape (the inverse of row_to_json)."""
    for column in ("external_scheme", "external_id"):
        _check(_opt(data.get(column)) is not None, column, f"{column} is required")
    visitors = data.get("visitors")
    _check(isinstance(visitors, list) and bool(visitors), "visitors", "visitors must be a non-empty list")
    row = _row_common(data, [_person(v, "visitors") for v in visitors], source, line)
    # The export records where each row first came from; keep that rather than this file's name.
    if "source_file" in data:
        row.source_file, row.source_line = str(data["source_file"] or ""), data.get("source_line")
    return row


def row_to_json(row: VisitRow) -> dict[str, Any]:
    """Return the archive's JSON shape for a row; row_from_json(row_to_json(r)) == r."""

    def convert(value: Any) -> Any:
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return convert(dataclasses.asdict(row))


def export_json(rows: list[VisitRow]) -> dict[str, Any]:
    """Return the archive export document for rows."""
    return {"format": ARCHIVE_FORMAT, "visits": [row_to_json(r) for r in rows]}


def read_csv(path: str | Path) -> Iterator[ReadItem]:
    """Yield a VisitRow per CSV row, a RowError per bad cell, or one FileError for a wrong header."""
    path = Path(path)
    name = str(path)
    text, problems = _read_text(path)
    yield from problems
    if text is None:
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield FileError(name, 1, "empty", f"{name}: empty file, expected a header: {', '.join(COLUMNS)}")
        return
    except csv.Error as exc:
        yield FileError(name, 1, "bad-csv", f"{name}, line 1: {exc}")
        return
    missing = [c for c in COLUMNS if c not in header]
    if missing or len(set(header)) != len(header):
        message = (
            f"{name}, line 1: wrong header; missing {', '.join(missing) or 'nothing'};"
            f" expected columns: {', '.join(COLUMNS)}; found: {', '.join(header)}"
        )
        yield FileError(name, 1, "bad-header", message)
        return
    extra = [h for h in header if h not in COLUMNS and h not in OPTIONAL_COLUMNS]
    if extra:
        yield ReadWarning(
            name, 1, None, "extra-columns", f"{name}, line 1: ignored columns {', '.join(extra)}"
        )
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield FileError(name, line, "bad-csv", f"{name}, line {line}: {exc}")
            return
        if not any(c.strip() for c in cells):
            continue
        data = dict(zip(header, cells, strict=False))
        record_id = _opt(data.get("external_id"))
        if len(cells) != len(header):
            message = f"{name}, line {line}: {len(cells)} cells, the header has {len(header)}"
            yield RowError(name, line, record_id, "bad-row", message)
            continue
        try:
            yield row_from_flat(data, name, line)
        except CellError as exc:
            message = f"{name}, line {line}, column {exc.column}: {exc}"
            yield RowError(name, line, record_id, "bad-cell", message, column=exc.column)


def read_json(path: str | Path) -> Iterator[ReadItem]:
    """Yield VisitRows from a JSON list of flat rows, or from the archive export ({"format", "visits"})."""
    path = Path(path)
    name = str(path)
    text, problems = _read_text(path)
    yield from problems
    if text is None:
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        yield FileError(
            name, exc.lineno, "bad-json", f"{name}, line {exc.lineno}: not valid JSON ({exc.msg})"
        )
        return
    if isinstance(document, dict):
        fmt = document.get("format")
        if fmt is not None and fmt != ARCHIVE_FORMAT:
            message = f"{name}: unknown format {fmt!r}, expected {ARCHIVE_FORMAT!r}"
            yield FileError(name, None, "bad-format", message)
            return
        items = document.get("visits")
    else:
        items = document
    if not isinstance(items, list):
        message = f"{name}: expected a list of visits or {{'format': '{ARCHIVE_FORMAT}', 'visits': [...]}}"
        yield FileError(name, None, "bad-format", message)
        return
    for index, item in enumerate(items, start=1):
        where = f"{name}, visit #{index}"
        if not isinstance(item, dict):
            yield RowError(name, None, None, "bad-row", f"{where}: expected an object")
            continue
        record_id = _opt(item.get("external_id"))
        try:
            # The export shape has a visitors list; the flat shape has the CSV's columns.
            if "visitors" in item:
                yield row_from_json(item, name, None)
            else:
                yield row_from_flat(item, name, None)
        except CellError as exc:
            message = f"{where} (id {record_id}), field {exc.column}: {exc}"
            yield RowError(name, None, record_id, "bad-cell", message, column=exc.column)
