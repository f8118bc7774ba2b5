"""Re-parsing kept sources after the parser improved, counting what changed and what editors kept."""

from collections import Counter
from collections.abc import Callable, Iterable

from visits.models import Evidence, Source
from visits.services.sources import source_parse
from visits.services.writer_rules import untouched


def _records(source_id: int) -> dict[tuple[str, int], tuple]:
    """The visits and meetings a source supports: (kind, id) -> (updated_at, editor-owned)."""
    found = {}
    evidence = Evidence.objects.filter(source_id=source_id).select_related("visit", "meeting")
    for item in evidence:
        record = item.visit or item.meeting
        kind = "visit" if item.visit_id else "meeting"
        found[(kind, record.pk)] = (record.updated_at, not untouched(record))
    return found


def source_reparse_counted(*, source_id: int) -> Counter:
    """Parse one source again now; count records created, updated, unchanged, removed and editor-owned."""
    if Source.objects.filter(pk=source_id, kind=Source.Kind.IMPORT).exists():
        return Counter({"imported records kept as published": 1})  # a register's record is not parsed
    before = _records(source_id)
    # A parse claims only pending sources (a task delivered twice parses once): ask for this one again.
    Source.objects.filter(pk=source_id).exclude(status=Source.Status.PARSING).update(
        status=Source.Status.PENDING
    )
    source = source_parse(source_id=source_id)
    if source is None:
        return Counter({"sources gone": 1})
    after = _records(source_id)
    counts: Counter = Counter({f"sources {source.status}": 1})
    for key, (updated_at, owned) in after.items():
        if key not in before:
            counts[f"{key[0]}s created"] += 1
        elif updated_at != before[key][0]:
            counts[f"{key[0]}s updated"] += 1
        else:
            counts[f"{key[0]}s unchanged"] += 1
        if owned:
            counts[f"{key[0]}s an editor owns (their fields kept)"] += 1
    counts["records no longer supported"] += len(before.keys() - after.keys())
    return counts


def sources_reparse_now(
    *, source_ids: Iterable[int] | None = None, progress: Callable[[int, int], None] | None = None
) -> Counter:
    """Parse the given sources (all articles when None) again in this process, one at a time; the tally."""
    ids = list(source_ids) if source_ids is not None else None
    if ids is None:
        articles = Source.objects.exclude(text="").exclude(kind=Source.Kind.IMPORT)
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
    total: Counter = Counter()
    for done, pk in enumerate(ids, start=1):
        total += source_reparse_counted(source_id=pk)
        if progress:
            progress(done, len(ids))
    return total
