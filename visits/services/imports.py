"""Writing imported files into the archive: one transaction, previewable (dry run), idempotent.

The readers in visits/importers/ turn files into plain rows; this module turns rows into Visits,
Meetings, Participants, Officials (with their posts) and Organisations, and articles into Sources.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.db.models import Q

from common import bulk
from common.countries import KNOWN_CODES
from common.models import DatePrecision, ReviewState
from common.text import name_key
from common.versioning import data_version_bump
from orgs.models import Organisation
from orgs.services import organisation_resolve
from people.models import Identifier, Official, OfficialAlias, Position
from visits.archive import ARCHIVE_SCHEME
from visits.importers import READERS
from visits.importers.articles import ArticleRow
from visits.importers.detect import detect_format, iter_paths
from visits.importers.rows import FileError, MeetingRow, PersonRef, ReadWarning, RowError, VisitRow
from visits.models import Meeting, Participant, Source, Visit, VisitKind, VisitStatus
from visits.nesting import nesting_touch
from visits.services.officials_index import ImportPeople, PersonMention, same_person
from visits.services.provenance import is_curated, record_sources
from visits.services.sources import source_submit
from visits.services.writer_rules import (
    Roster,
    assign_unless_edited,
    droppable,
    meetings_deleted_by_editors,
    participants_owned,
    untouched,
)

Progress = Callable[[int, int], None]
COUNTED_MODELS = (Official, OfficialAlias, Identifier, Position, Organisation, Participant, Source)


@dataclass(frozen=True)
class Problem:
    """A record (or a whole file) that was rejected, or a warning about one."""

    file: str
    line: int | None
    record_id: str | None
    code: str
    message: str


@dataclass
class ReadBatch:
    """Everything read from the files of one import, before anything is written."""

    rows: list[VisitRow] = field(default_factory=list)
    articles: list[ArticleRow] = field(default_factory=list)
    rejections: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do), per model, and what it rejected."""

    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    rejections: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    rows: int = 0
    dry_run: bool = False
    committed: bool = False

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] + c["deleted"] for c in self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": {model: dict(counter) for model, counter in sorted(self.counts.items())},
            "rejections": [asdict(p) for p in self.rejections],
            "warnings": [asdict(p) for p in self.warnings],
            "files": self.files,
            "rows": self.rows,
            "dry_run": self.dry_run,
            "committed": self.committed,
        }


def _problem(item: RowError | FileError | ReadWarning) -> Problem:
    return Problem(item.file, item.line, getattr(item, "record_id", None), item.code, item.message)


@bulk.few_collections()
def files_read(paths: Iterable[str | Path], *, format: str | None = None) -> ReadBatch:
    """Read every file under `paths` (files, directories, zips) into rows, articles and problems."""
    batch = ReadBatch()
    for path in iter_paths(paths):
        batch.files.append(str(path))
        try:
            fmt = format or detect_format(path)
        except (ValueError, OSError) as exc:
            batch.rejections.append(Problem(str(path), None, None, "unknown-format", str(exc)))
            continue
        for item in READERS[fmt](path):
            if isinstance(item, VisitRow):
                batch.rows.append(item)
            elif isinstance(item, ArticleRow):
                batch.articles.append(item)
            elif isinstance(item, ReadWarning):
                batch.warnings.append(_problem(item))
            else:
                batch.rejections.append(_problem(item))
    return batch


class _Rollback(Exception):
    """Raised inside the import's transaction to undo it (dry run, or a rejection without skip)."""


def files_import(
    *,
    paths: Iterable[str | Path],
    format: str | None = None,
    dry_run: bool = False,
    skip_rejected: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read and write the files under `paths` in one transaction; see batch_import."""
    return batch_import(
        batch=files_read(paths, format=format),
        dry_run=dry_run,
        skip_rejected=skip_rejected,
        progress=progress,
    )


@bulk.few_collections()
def batch_import(
    *,
    batch: ReadBatch,
    dry_run: bool = False,
    skip_rejected: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Write rows and articles in one transaction; any rejection undoes all unless `skip_rejected`.

    A dry run does the whole work and rolls it back, so its counts are exactly what a real run would do.
    """
    report = ImportReport(files=batch.files, dry_run=dry_run, warnings=list(batch.warnings))
    report.rejections = list(batch.rejections)
    rows = _unique_rows(batch.rows, report)
    report.rows = len(rows) + len(batch.articles)
    if report.rejections and not (skip_rejected or dry_run):
        _count_rejected(report)
        return report  # nothing written: the database stays exactly as it was
    try:
        with transaction.atomic():
            data_version_bump()  # bulk_create sends no signal: once per import, now and at its commit
            before = {model: model.objects.count() for model in COUNTED_MODELS}
            writer = _Writer(report, progress)
            writer.write(rows, batch.articles)
            for model in COUNTED_MODELS:
                report.counts[model.__name__]["created"] += model.objects.count() - before[model]
            if dry_run or (report.rejections and not skip_rejected):
                raise _Rollback
    except _Rollback:
        pass
    else:
        report.committed = True
    _count_rejected(report)
    return report


def _count_rejected(report: ImportReport) -> None:
    report.counts["Visit"]["rejected"] = sum(1 for p in report.rejections if p.record_id is not None)


def _unique_rows(rows: list[VisitRow], report: ImportReport) -> list[VisitRow]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        ident = (row.external_scheme, row.external_id)
        if ident in seen:
            message = f"{row.source_file}, line {row.source_line}: external id {ident[1]!r} appears twice"
            report.rejections.append(
                Problem(row.source_file, row.source_line, row.external_id, "dup", message)
            )
            continue
        seen.add(ident)
        unique.append(row)
    return unique


class _Writer:
    """Writes the rows of one import; lives only for the import's transaction."""

    def __init__(self, report: ImportReport, progress: Progress | None) -> None:
        self.report = report
        self.progress = progress
        self.people = ImportPeople()
        self.orgs: dict[str, int] = {}
        self.resolved: dict[tuple, int | None] = {}

    def write(self, rows: list[VisitRow], articles: list[ArticleRow]) -> None:
        total = len(rows) + len(articles)
        refs = self._refs(rows)
        # Ids and full names first, so that a surname alone can be matched against everyone named in full.
        named = {ident: self.people.resolve_named(ref) for ident, ref in refs.items()}
        self.people.flush()
        for ident, pk in named.items():
            self.resolved[ident] = self.people.names[pk] if isinstance(pk, tuple) else pk
        # Surnames stated with a country before guessed ones, so a guess never decides who gets created.
        for ident, ref in sorted(refs.items(), key=lambda item: item[1].guessed):
            if self.resolved[ident] is None and ref.person.name:
                self.resolved[ident] = self.people.resolve_surname(ref)
        self.people.prepare_positions(
            (self.resolved[ident], ref.person.title, "" if ref.guessed else ref.country)
            for ident, ref in refs.items()
            if self.resolved[ident]
        )
        existing = self._existing(rows)
        new: list[tuple[Visit, VisitRow, int]] = []
        for r, row in enumerate(rows):
            try:
                values = self._values(row, r)
                visit = existing.get((row.external_scheme, row.external_id))
                if visit is None:
                    visit = Visit(external_scheme=row.external_scheme, external_id=row.external_id, **values)
                    visit.review_state = _entry_state(row)
                    new.append((visit, row, r))
                else:
                    with transaction.atomic():
                        self._update(visit, values, row, r)
            except (ValidationError, IntegrityError, DataError, ValueError) as exc:
                self._reject(row, exc)
            if self.progress and (r + 1) % 200 == 0:
                self.progress(r + 1, total)
        self._create(new)
        # Every record keeps its source (publisher, file, licence, remark as evidence), as an article does.
        kept = [
            (existing[(row.external_scheme, row.external_id)], row)
            for row in rows
            if (row.external_scheme, row.external_id) in existing
        ]
        record_sources(kept + [(visit, row) for visit, row, _ in new if visit.pk])
        self._curated_visitors(rows)
        if self.progress and rows:
            self.progress(len(rows), total)
        for done, article in enumerate(articles, start=len(rows) + 1):
            self._article(article)
            if self.progress and (done % 50 == 0 or done == total):
                self.progress(done, total)

    def _refs(self, rows: list[VisitRow]) -> dict[tuple, PersonMention]:
        refs: dict[tuple, PersonMention] = {}
        for r, row in enumerate(rows):
            year = row.start_date.year if row.start_date else None
            for v, person in enumerate(row.visitors):
                country = person.country or row.origin_country or ""
                refs[(r, "v", v)] = PersonMention(person, country, year)
            for m, meeting in enumerate(row.meetings):
                for p, person in enumerate(meeting.participants):
                    if any(same_person(person, v) for v in row.visitors):
                        continue
                    guessed = person.country is None and row.kind == "multilateral"
                    country = person.country or meeting.country or row.destination_country or ""
                    when = meeting.date.year if meeting.date else year
                    also = "" if person.country else (row.origin_country or "")
                    refs[(r, m, p)] = PersonMention(person, country, when, guessed, also)
        return refs

    def _existing(self, rows: list[VisitRow]) -> dict[tuple[str, str], Visit]:
        schemes = {row.external_scheme for row in rows}
        # The archive's own export names a visit that had no id of its own by its primary key.
        own = [
            int(r.external_id)
            for r in rows
            if r.external_scheme == ARCHIVE_SCHEME and r.external_id.isdigit()
        ]
        found = Visit.objects.filter(Q(external_scheme__in=schemes) | Q(pk__in=own, external_scheme=""))
        visits = {(v.external_scheme or ARCHIVE_SCHEME, v.external_id or str(v.pk)): v for v in found}
        ids = found.values("pk")
        meetings: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in Meeting.objects.filter(visit_id__in=ids).order_by("id"):
            meeting.people = []
            meetings[meeting.visit_id].append(meeting)
        by_id = {m.pk: m for ms in meetings.values() for m in ms}
        for participant in Participant.objects.filter(meeting__visit_id__in=ids):
            by_id[participant.meeting_id].people.append(participant)
        orgs = defaultdict(set)
        through = Visit.organisations.through
        for visit_id, org_id in through.objects.filter(visit_id__in=ids).values_list(
            "visit_id", "organisation_id"
        ):
            orgs[visit_id].add(org_id)
        for visit in visits.values():
            visit.import_meetings = meetings.get(visit.pk, [])
            visit.import_orgs = orgs.get(visit.pk, set())
        return visits

    def _reject(self, row: VisitRow, exc: Exception) -> None:
        detail = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        where = f"{row.source_file}, line {row.source_line}, id {row.external_id}"
        self.report.rejections.append(
            Problem(row.source_file, row.source_line, row.external_id, "invalid", f"{where}: {detail}")
        )

    def _values(self, row: VisitRow, r: int) -> dict[str, Any]:
        visitor = row.visitors[0] if row.visitors else PersonRef(name=None)
        official = self.resolved.get((r, "v", 0))
        country = visitor.country or row.origin_country or ""
        for other in range(1, len(row.visitors)):
            extra = self.resolved.get((r, "v", other))
            if extra:
                self.people.position(extra, row.visitors[other].title, row.visitors[other].country or country)
        values: dict[str, Any] = {
            "visitor_id": official,
            "visitor_name": (visitor.name or "")[:200],
            "visitor_title": (visitor.title or "")[:200],
            "visitor_position_id": self.people.position(official, visitor.title, country)
            if official
            else None,
            "delegation": "; ".join(" ".join(filter(None, (p.title, p.name))) for p in row.visitors[1:]),
            "origin_country": row.origin_country or "",
            "destination_country": row.destination_country or "",
            "destination_city": (row.destination_city or "")[:120],
            "start_date": row.start_date,
            "start_precision": row.date_precision,
            "end_date": row.end_date,
            "end_precision": row.date_precision,
            "kind": row.kind,
            "status": row.status,
            "purpose": (row.purpose or "")[:500],
            "summary": row.summary,
        }
        _validate(values)
        return values

    def _curated_visitors(self, rows: list[VisitRow]) -> None:
        """The officials this import created as the visitors of a curated publisher's records enter as
        IMPORTED; people named only in a remark's prose ("Met with ...") stay unreviewed (our reading)."""
        visitors = {
            self.resolved.get((r, "v", v))
            for r, row in enumerate(rows)
            if is_curated(row.external_scheme)
            for v in range(len(row.visitors))
        }
        created = self.people.created(visitors - {None})
        if created:
            fresh = Official.objects.filter(
                pk__in=created, review_state=ReviewState.UNREVIEWED, edited_fields=[]
            )
            ids = list(fresh.values_list("pk", flat=True))
            fresh.update(review_state=ReviewState.IMPORTED)
            # Their first history record says what they entered as.
            Official.history.filter(id__in=ids, history_type="+").update(review_state=ReviewState.IMPORTED)

    def _update(self, visit: Visit, values: dict[str, Any], row: VisitRow, r: int) -> None:
        counts = self.report.counts["Visit"]
        if _entry_state(row) == ReviewState.IMPORTED and untouched(visit):
            # A curated record imported before the state existed; an editor's accept or reject stays.
            values["review_state"] = ReviewState.IMPORTED
        if visit.visitor_name == values["visitor_name"] and visit.visitor_id:
            # The same name as before keeps the official it was linked to (maybe by an editor).
            del values["visitor_id"], values["visitor_position_id"]
        for owned in ("visitor", "visitor_position"):
            if owned in visit.edited_fields:
                values.pop(f"{owned}_id", None)
        if assign_unless_edited(visit, values):
            visit.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        self._organisations(visit, row.organisations)
        self._meetings(visit, row, r)

    def _create(self, new: list[tuple[Visit, VisitRow, int]]) -> None:
        """New visits, their meetings and participants, in bulk (with their first history records)."""
        if not new:
            return
        bulk.insert(Visit, [visit for visit, _, _ in new], history=True)
        self.report.counts["Visit"]["created"] += len(new)
        through = Visit.organisations.through
        links = []
        meetings: list[tuple[Meeting, MeetingRow, VisitRow, int, int]] = []
        for visit, row, r in new:
            for pk in dict.fromkeys(self._org(name) for name in row.organisations):
                links.append(through(visit_id=visit.pk, organisation_id=pk))
            for m, item in enumerate(row.meetings):
                meeting = Meeting(visit=visit, **_meeting_values(item))
                meetings.append((meeting, item, row, r, m))
        bulk.insert(through, links)
        self.report.counts["Visit organisations"]["created"] += len(links)
        bulk.insert(Meeting, [m for m, *_ in meetings], history=True)
        self.report.counts["Meeting"]["created"] += len(meetings)
        participants = []
        for meeting, item, row, r, m in meetings:
            meeting.people = []
            participants += self._participants(meeting.visit, meeting, item, row, r, m)
        bulk.insert_values(Participant, participants)

    def _org(self, name: str) -> int:
        if name not in self.orgs:
            acronym = name if " " not in name else ""
            org = organisation_resolve(name=name, acronym=acronym, kind="intergovernmental")
            self.orgs[name] = org.pk
        return self.orgs[name]

    def _organisations(self, visit: Visit, names: list[str]) -> None:
        wanted = [self._org(name) for name in names]
        missing = [pk for pk in dict.fromkeys(wanted) if pk not in visit.import_orgs]
        if missing:
            # Only ever added: a body an editor removed or added by hand stays as they left it.
            visit.organisations.add(*missing)
            self.report.counts["Visit organisations"]["created"] += len(missing)

    def _meetings(self, visit: Visit, row: VisitRow, r: int) -> None:
        counts = self.report.counts["Meeting"]
        known = {
            _meeting_key(m.date, m.name, [(p.name_as_written, p.title_as_written) for p in m.people]): m
            for m in visit.import_meetings
        }
        seen = set()
        deleted = meetings_deleted_by_editors(visit.pk) if visit.pk else set()
        for m, item in enumerate(row.meetings):
            people = [(p.name or "", p.title or "") for p in item.participants]
            key = _meeting_key(item.date, item.name, people)
            key = key if key in known else _nearest_key(key, known, seen)
            seen.add(key)
            values = _meeting_values(item)
            meeting = known.get(key)
            if meeting is None and (key[0], key[1]) in deleted:
                counts["kept deleted by an editor"] += 1
                continue
            if meeting is None:
                # A meeting an editor renamed or whose people they replaced: still the row's meeting that day.
                owned = [
                    k for k, mt in known.items() if k not in seen and k[0] == key[0] and not untouched(mt)
                ]
                if owned:
                    meeting = known[owned[0]]
                    seen.add(owned[0])
            if meeting is None:
                meeting = Meeting.objects.create(visit=visit, **values)
                meeting.people = []
                counts["created"] += 1
            elif assign_unless_edited(meeting, values):
                meeting.save()
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
            if not participants_owned(meeting):
                rows = self._participants(visit, meeting, item, row, r, m)
                added = Participant.objects.bulk_create([Participant(**values) for values in rows])
                if added and meeting.pk in {mt.pk for mt in visit.import_meetings}:
                    nesting_touch(record=added[0])  # an existing meeting and its visit changed
        for key, meeting in known.items():
            if key not in seen and droppable(meeting):
                meeting.delete()  # the corrected file no longer names this meeting
                counts["deleted"] += 1

    def _participants(
        self, visit: Visit, meeting: Meeting, item: MeetingRow, row: VisitRow, r: int, m: int
    ) -> list[dict[str, Any]]:
        """The participants the meeting lacks, as the values of unsaved rows."""
        roster = Roster(meeting.people)
        new = []
        for p, person in enumerate(item.participants):
            visitor_index = next((i for i, v in enumerate(row.visitors) if same_person(person, v)), None)
            if visitor_index is not None:
                official = self.resolved.get((r, "v", visitor_index))
                country, role = row.visitors[visitor_index].country or row.origin_country, "guest"
            else:
                official = self.resolved.get((r, m, p))
                guessed = person.country is None and row.kind == "multilateral"
                place = "" if guessed else item.country or row.destination_country
                # The place a person was met says only who hosted: their country is the one stated.
                role = "host" if (person.country or place) == row.destination_country else "participant"
                country = person.country or ""
            if not roster.admit(official, person.name or person.title or ""):
                continue
            if official and visitor_index is None:
                self.people.position(official, person.title, country)
            new.append(
                {
                    "meeting_id": meeting.pk,
                    "official_id": official,
                    "name_as_written": (person.name or "")[:200],
                    "title_as_written": (person.title or "")[:200],
                    "country": country or "",
                    "role": role,
                }
            )
        return new

    def _article(self, article: ArticleRow) -> None:
        _, created = source_submit(
            text=article.text,
            url=article.url or "",
            outlet=article.outlet or "",
            published=article.published,
            title=article.title or "",
            filename=article.filename,
        )
        if not created:
            self.report.counts["Source"]["unchanged"] += 1


def _entry_state(row: VisitRow) -> str:
    """A curated publisher's record enters as imported (not awaiting review); any other as unreviewed.

    Only the visit: its meetings are read from the remark's prose by our parser and wait for review.
    """
    return ReviewState.IMPORTED if is_curated(row.external_scheme) else ReviewState.UNREVIEWED


def _meeting_values(item: MeetingRow) -> dict[str, Any]:
    return {
        "name": (item.name or "")[:300],
        "date": item.date,
        "city": (item.city or "")[:120],
        "country": item.country or "",
    }


_CHOICES = {
    "kind": frozenset(VisitKind.values),
    "status": frozenset(VisitStatus.values),
    "start_precision": frozenset(DatePrecision.values),
}


def _validate(values: dict[str, Any]) -> None:
    """What full_clean would refuse, checked cheaply (full_clean's country choices cost 8 ms a row)."""
    for name in ("origin_country", "destination_country"):
        if values[name] and values[name] not in KNOWN_CODES:
            raise ValueError(f"{name} {values[name]!r} is not a known country code")
    if not values["destination_country"]:
        raise ValueError("no destination country")
    for name, allowed in _CHOICES.items():
        if values[name] not in allowed:
            raise ValueError(f"{name} {values[name]!r} is not one of {', '.join(sorted(allowed))}")
    if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
        raise ValueError(f"end date {values['end_date']} is before start date {values['start_date']}")


def _meeting_key(
    date: datetime.date | None, name: str | None, people: list[tuple[str, str]]
) -> tuple[Any, ...]:
    return (date, name_key(name or ""), frozenset(name_key(n or t) for n, t in people))


def _nearest_key(key: tuple[Any, ...], known: dict[tuple, Meeting], taken: set) -> tuple[Any, ...]:
    """The stored meeting a row's meeting is, when the people differ only by names the roster merged.

    Two names of one person in a row ("Aboul Gheit", "Gheit") are stored once; the row's meeting is then
    the stored one of the same day and session whose people it includes.
    """
    date, name, people = key
    for other in known:
        if other not in taken and other[:2] == (date, name) and other[2] and other[2] < people:
            return other
    return key
