"""Office of the Historian XML: visits of foreign leaders (<visits>) and U.S. officials' trips (<trips>)."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from .countries import UnknownCountry, country_from_slug
from .people import clean, parse_people
from .remarks import kind_from_text, meetings_from_text, organisations_from_text, purpose_from_text
from .rows import FileError, PersonRef, ReadItem, ReadWarning, RowError, VisitRow

VISIT_SCHEME = "hsg-visit"
TRAVEL_SCHEME = "hsg-travel"
ROLE_TITLES = {"president": "President", "secretary": "Secretary of State"}
# Real files are under 1 MB; anything far larger is not an HSG file and should not be held in memory.
MAX_FILE_BYTES = 50 * 1024 * 1024


class _RecordLines(ET.TreeBuilder):
    """A tree builder that notes the line where each record (a child of the root) starts."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: Any = None
        self.depth = 0
        self.lines: list[int] = []

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        if self.depth == 1:
            self.lines.append(self.parser.parser.CurrentLineNumber)
        self.depth += 1
        return super().start(tag, attrs)

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag)


def _parse(path: Path) -> tuple[ET.Element, list[int]]:
    builder = _RecordLines()
    # Entities and external references are refused: an HSG file never needs them, a bomb does.
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    with path.open("rb") as handle:
        parser.feed(handle.read(MAX_FILE_BYTES + 1))
    return parser.close(), builder.lines


def _text(record: ET.Element, tag: str) -> str:
    return clean(record.findtext(tag) or "")


def _date(value: str, field: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{field} {value!r} is not a valid date") from None


def read_hsg(path: str | Path) -> Iterator[ReadItem]:
    """Yield a VisitRow per record of an HSG visits or travels file, and a problem per bad record."""
    path = Path(path)
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield FileError(name, None, "too-large", f"{name}: larger than {MAX_FILE_BYTES} bytes")
            return
        root, lines = _parse(path)
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        yield FileError(name, line, "bad-xml", f"{name}, line {line}: not well-formed XML ({exc})")
        return
    except DefusedXmlException as exc:
        yield FileError(name, None, "unsafe-xml", f"{name}: refused unsafe XML ({exc!r})")
        return
    except OSError as exc:
        yield FileError(name, None, "unreadable", f"{name}: {exc}")
        return
    if root.tag not in ("visits", "trips"):
        yield FileError(
            name, 1, "not-hsg", f"{name}: root element <{root.tag}>, expected <visits> or <trips>"
        )
        return
    for index, record in enumerate(root):
        line = lines[index] if index < len(lines) else None
        yield from _read_record(record, name, line, path.stem)


def _read_record(record: ET.Element, file: str, line: int | None, stem: str) -> Iterator[ReadItem]:
    record_id = _text(record, "id") or None
    if record_id is None:
        yield RowError(file, line, None, "missing-id", f"{file}, line {line}: record without <id>")
        return
    where = f"{file}, line {line}, id {record_id}"
    problems: list[ReadItem] = []
    try:
        start = _date(_text(record, "start-date"), "start-date")
        end_text = _text(record, "end-date")
        end = _date(end_text, "end-date") if end_text else None
        if end and end < start:
            raise ValueError(f"end-date {end} is before start-date {start}")
    except ValueError as exc:
        yield RowError(file, line, record_id, "bad-date", f"{where}: {exc}")
        return
    country_tag = "from" if record.tag == "visit" else "country"
    country_el = record.find(country_tag)
    slug = (country_el.get("id") or "") if country_el is not None else ""
    label = clean(country_el.text or "") if country_el is not None else ""
    try:
        country = country_from_slug(slug, label)
    except UnknownCountry as exc:
        yield RowError(file, line, record_id, "unknown-country", f"{where}: {exc}", column=country_tag)
        return
    if country is None:
        problems.append(
            ReadWarning(file, line, record_id, "no-iso-code", f"{where}: no ISO code for {slug!r} ({label})")
        )
    if record.tag == "visit":
        row = _visit_row(record, record_id, country, start, end)
    elif record.tag == "trip":
        row = _trip_row(record, record_id, country, start, end, stem)
    else:
        yield RowError(file, line, record_id, "unknown-record", f"{where}: unexpected <{record.tag}>")
        return
    if not row.visitors:
        problems.append(
            ReadWarning(file, line, record_id, "no-visitor", f"{where}: no visitor could be read")
        )
    row.source_file, row.source_line = file, line
    yield from problems
    yield row


def _visit_row(
    record: ET.Element, record_id: str, origin: str | None, start: datetime.date, end: datetime.date | None
) -> VisitRow:
    visitor_text = _text(record, "visitor")
    visitors = parse_people(visitor_text, origin)
    if not visitors and visitor_text:
        # Keep what was written rather than lose the visitor.
        visitors = [PersonRef(name=visitor_text, country=origin)]
    summary = _text(record, "description")
    return VisitRow(
        external_scheme=VISIT_SCHEME,
        external_id=record_id,
        visitors=visitors,
        origin_country=origin,
        destination_country="US",
        destination_city=None,
        start_date=start,
        end_date=end,
        kind=kind_from_text(summary),
        purpose=purpose_from_text(summary),
        summary=summary,
        meetings=meetings_from_text(
            summary, subjects=visitors, country="US", city=None, start=start, end=end
        ),
        organisations=organisations_from_text(summary),
    )


def _trip_row(
    record: ET.Element,
    record_id: str,
    destination: str | None,
    start: datetime.date,
    end: datetime.date | None,
    stem: str,
) -> VisitRow:
    # One traveller per file: the key comes from @who (which always equals the file name in the data).
    who = record.get("who") or stem
    role = record.get("role") or _text(record, "role")
    traveller = PersonRef(
        name=_text(record, "name") or None,
        title=ROLE_TITLES.get(role, role.title() or None),
        country="US",
        key=f"hsg:{who}",
    )
    city = _text(record, "locale") or None
    summary = _text(record, "remarks")
    return VisitRow(
        external_scheme=TRAVEL_SCHEME,
        external_id=record_id,
        visitors=[traveller],
        origin_country="US",
        destination_country=destination,
        destination_city=city,
        start_date=start,
        end_date=end,
        kind=kind_from_text(summary),
        purpose=purpose_from_text(summary),
        summary=summary,
        meetings=meetings_from_text(
            summary, subjects=[traveller], country=destination, city=city, start=start, end=end
        ),
        organisations=organisations_from_text(summary),
    )
