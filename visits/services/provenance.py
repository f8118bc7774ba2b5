"""Every imported record keeps its source, as an article does: the publisher, the file, the licence, the
record's id, a link to the publisher's page where one exists, and the remark as the highlighted evidence.

One kept `Source` (kind "import") per imported record, written in bulk by the import writer and idempotent:
a re-import finds the record's source by its evidence key and rewrites it only when the record changed.
"""

from dataclasses import dataclass

from common import bulk
from visits.importers.rows import VisitRow
from visits.models import Evidence, Source, Visit
from visits.services.sources import public_filename, text_checksum

BATCH = 1000


@dataclass(frozen=True)
class Publisher:
    """Who publishes a register of visits, under which licence, and where its pages are."""

    name: str
    licence: str
    pages: str = ""  # a record's page: "{role}", "{who}" and "{year}" come from the record
    # A curated publisher edits its register by hand: its records enter as ReviewState.IMPORTED, not
    # awaiting review. A file of unknown provenance (a CSV or JSON anyone uploads) is not curated.
    curated: bool = False


OFFICE_OF_THE_HISTORIAN = "Office of the Historian, U.S. Department of State"
PUBLISHERS: dict[str, Publisher] = {
    "hsg-visit": Publisher(
        OFFICE_OF_THE_HISTORIAN,
        "Public domain (CC0 1.0)",
        "https://history.state.gov/departmenthistory/visits/{year}",
        curated=True,
    ),
    "hsg-travel": Publisher(
        OFFICE_OF_THE_HISTORIAN,
        "Public domain (CC0 1.0)",
        "https://history.state.gov/departmenthistory/travels/{role}/{who}",
        curated=True,
    ),
}


def is_curated(scheme: str) -> bool:
    """Records of this scheme come from a curated publisher's structured file (see Publisher.curated)."""
    publisher = PUBLISHERS.get(scheme)
    return bool(publisher and publisher.curated)


def _publisher(row: VisitRow) -> Publisher:
    return PUBLISHERS.get(row.external_scheme) or Publisher(
        row.external_scheme or "Imported file", "As supplied"
    )


def _url(row: VisitRow, publisher: Publisher) -> str:
    if not publisher.pages:
        return ""
    traveller = row.visitors[0] if row.visitors else None
    who = (traveller.key or "").partition(":")[2] if traveller else ""
    role = "secretary" if traveller and "secretary" in (traveller.title or "").lower() else "president"
    if "{who}" in publisher.pages and not who:
        return ""
    if "{year}" in publisher.pages and not row.start_date:
        return ""
    year = row.start_date.year if row.start_date else ""
    return publisher.pages.format(role=role, who=who, year=year)


def record_text(row: VisitRow) -> tuple[str, list[list[int]]]:
    """The kept text of one record, and the span of its remark (the evidence) within it."""
    publisher = _publisher(row)
    head = f"{publisher.name}, record {row.external_id} ({public_filename(row.source_file) or 'no file'})."
    remark = (row.summary or "").strip()
    tail = f"Licence: {publisher.licence}."
    text = f"{head}\n\n{remark}\n\n{tail}" if remark else f"{head}\n\n{tail}"
    start = len(head) + 2
    return text, ([[start, start + len(remark)]] if remark else [])


def evidence_key(row: VisitRow) -> str:
    return f"import:{row.external_scheme}:{row.external_id}"


def record_sources(pairs: list[tuple[Visit, VisitRow]]) -> int:
    """Keep one source per imported record with its remark as the evidence; returns how many were written."""
    written = 0
    for at in range(0, len(pairs), BATCH):
        written += _batch(pairs[at : at + BATCH])
    return written


def _batch(pairs: list[tuple[Visit, VisitRow]]) -> int:
    keys = {evidence_key(row): (visit, row) for visit, row in pairs if visit.pk}
    known = {
        e.key: e for e in Evidence.objects.filter(key__in=keys, visit__isnull=False).select_related("source")
    }
    fresh_sources, changed = [], 0
    texts: dict[str, tuple[str, list[list[int]]]] = {}
    for key, (_visit, row) in keys.items():
        text, spans = texts[key] = record_text(row)
        evidence = known.get(key)
        if evidence is None:
            publisher = _publisher(row)
            fresh_sources.append(
                Source(
                    kind=Source.Kind.IMPORT,
                    title=f"{publisher.name}: record {row.external_id}"[:500],
                    text=text,
                    url=_url(row, publisher)[:1000],
                    outlet=publisher.name[:200],
                    filename=public_filename(row.source_file)[:300],
                    checksum=text_checksum(text),
                    status=Source.Status.PARSED,  # kept as published: nothing to parse, never queued
                )
            )
        elif evidence.source.text != text:
            Source.objects.filter(pk=evidence.source_id).update(text=text, checksum=text_checksum(text))
            Evidence.objects.filter(pk=evidence.pk).update(spans=spans)
            changed += 1
    # A source already kept with the same text is linked, not written again (checksums are unique).
    by_checksum = dict(
        Source.objects.filter(checksum__in=[s.checksum for s in fresh_sources]).values_list("checksum", "pk")
    )
    linked = set(
        Evidence.objects.filter(source_id__in=by_checksum.values(), visit__isnull=False).values_list(
            "source_id", "visit_id"
        )
    )
    unique = {s.checksum: s for s in fresh_sources if s.checksum not in by_checksum}
    bulk.insert(Source, list(unique.values()))
    by_checksum.update((checksum, source.pk) for checksum, source in unique.items())
    links = []
    for key, (visit, _row) in keys.items():
        if key in known:
            continue
        text, spans = texts[key]
        source_id = by_checksum.get(text_checksum(text))
        if source_id and (source_id, visit.pk) not in linked:
            linked.add((source_id, visit.pk))
            links.append(Evidence(source_id=source_id, visit_id=visit.pk, key=key, spans=spans))
    bulk.insert(Evidence, links)
    return len(links) + changed
