"""Keeping incoming articles and parsing them: the first stage of the way in for an article."""

import datetime
import hashlib
import logging
import re

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import KombuError

from common.versioning import data_version_bump
from visits.extraction import PARSER_VERSION, extract
from visits.models import Source
from visits.services.records import extraction_apply
from visits.tasks import parse_source

log = logging.getLogger(__name__)

# A source longer than this is kept whole but parsed only up to here (the extractor says so in a warning).
MAX_SOURCE_CHARS = 10_000_000
_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A parse that names a person another parse is creating at the same moment loses the race for the slug;
# run again, it finds that person. Three tries cover eight parses at once.
PARSE_ATTEMPTS = 3


class QueueUnavailable(Exception):
    """The broker refused the task: the source is kept `pending` and the sweep queues it later."""


def parse_deadline() -> datetime.timedelta:
    """How long a source may stay pending or parsing before the sweep queues it again.

    Longer than the parse task's hard time limit, so a parse still running is never taken for dead.
    """
    return datetime.timedelta(seconds=settings.SOURCE_SWEEP_AFTER_SECONDS)


def text_checksum(text: str) -> str:
    """SHA-256 of the text with white space folded: the same article pasted twice has one checksum."""
    return hashlib.sha256(_WS.sub(" ", text).strip().encode("utf-8", "surrogatepass")).hexdigest()


def unreadable_reason(text: str) -> str:
    """Why a text cannot be parsed ("" when it can)."""
    if not text.strip():
        return "The source has no text to parse."
    sample = text[:20_000]
    if sample.count("\x00") or len(_CONTROL.findall(sample)) > len(sample) // 100:
        return "The source does not look like text (control characters or binary data); it is kept unparsed."
    return ""


def public_filename(filename: str) -> str:
    """The name of an uploaded file without the server's folders ("a.zip!b/c.html" keeps its member)."""
    container, bang, member = filename.replace("\\", "/").partition("!")
    return container.rsplit("/", 1)[-1] + bang + member


@transaction.atomic
def source_create(
    *,
    text: str,
    url: str = "",
    outlet: str = "",
    published: datetime.date | None = None,
    title: str = "",
    filename: str = "",
    kind: str = Source.Kind.ARTICLE,
) -> tuple[Source, bool]:
    """Keep an incoming article (or find the one already kept with the same text); True when new."""
    text = text.replace("\x00", "")  # PostgreSQL text cannot hold NUL; the rest is kept as sent
    checksum = text_checksum(text)
    url, outlet, title = (_CONTROL.sub("", value) for value in (url, outlet, title))
    return Source.objects.get_or_create(
        checksum=checksum,
        defaults={
            "text": text,
            "url": url[:1000],
            "outlet": outlet[:200],
            "published": published,
            "title": title[:500],
            "filename": public_filename(filename)[:300],
            "kind": kind,
        },
    )


def source_submit(
    *,
    text: str,
    url: str = "",
    outlet: str = "",
    published: datetime.date | None = None,
    title: str = "",
    filename: str = "",
    strict_queue: bool = False,
) -> tuple[Source, bool]:
    """Keep an article and queue its parse once the transaction commits; True when the source is new.

    A source kept earlier but still pending (its first queueing failed) is queued again. With
    `strict_queue`, a broker failure raises QueueUnavailable when the transaction commits (the source is
    kept, pending); otherwise it is logged and the sweep queues the source later.
    """
    source, created = source_create(
        text=text, url=url, outlet=outlet, published=published, title=title, filename=filename
    )
    if created or source.status == Source.Status.PENDING:
        transaction.on_commit(lambda: _enqueue(source.pk, strict=strict_queue), robust=False)
    return source, created


def source_enqueue(*, source_id: int) -> bool:
    """Send one source's parse to the queue now; False (logged) when the broker cannot take it."""
    try:
        _enqueue(source_id, strict=True)
    except QueueUnavailable:
        return False
    return True


def _enqueue(source_id: int, *, strict: bool) -> None:
    try:
        parse_source.delay(source_id)
    except (KombuError, OSError, ConnectionError) as exc:
        log.warning("Could not queue the parse of source %s: %s", source_id, exc)
        if strict:
            raise QueueUnavailable(str(exc)) from exc


def source_parse(*, source_id: int) -> Source | None:
    """Parse a kept source and write its records; a failure is kept on the source, nothing half-written.

    The parse first claims the source (pending, or parsing past the deadline: its worker died), so a
    task delivered twice parses once; None when the source is gone.
    """
    now = timezone.now()
    claimable = Q(status=Source.Status.PENDING) | Q(
        status=Source.Status.PARSING, updated_at__lt=now - parse_deadline()
    )
    claimed = Source.objects.filter(claimable, pk=source_id).update(
        status=Source.Status.PARSING, error="", updated_at=now
    )
    data_version_bump()  # update() sends no signal
    source = Source.objects.filter(pk=source_id).first()
    if source is None or not claimed:
        return source  # gone, or parsed, failed or being parsed by another worker
    problem = unreadable_reason(source.text)
    if problem:
        return _finish(source, Source.Status.FAILED, problem, PARSER_VERSION)
    try:
        extraction = extract(source.text[:MAX_SOURCE_CHARS], source.published).to_dict()
        result = _apply(source, extraction)
    except Exception as exc:  # any parser or write failure is recorded on the source, never lost
        log.exception("Parsing source %s failed", source_id)
        return _finish(source, Source.Status.FAILED, _public_error(exc), PARSER_VERSION)
    notes = list(extraction.get("warnings") or []) + result.skipped
    if not result.visits and not result.meetings:
        notes.append("No visit or meeting was found in this text.")
    source.extraction = extraction
    return _finish(source, Source.Status.PARSED, " ".join(notes), PARSER_VERSION)


def _apply(source: Source, extraction: dict):
    for attempt in range(1, PARSE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return extraction_apply(source=source, extraction=extraction)
        except IntegrityError:
            # Another parse committed the same new person (or organisation) first: now it is found.
            if attempt == PARSE_ATTEMPTS:
                raise
            log.info("Source %s lost a race for a unique value; parsing again", source.pk)
    raise AssertionError("unreachable")


def _public_error(exc: Exception) -> str:
    """What a reader may see of a failure: never a constraint, table or file name (the log has them)."""
    if isinstance(exc, DatabaseError):
        return "The records could not be written (a database error); an editor can re-parse the source."
    if isinstance(exc, OSError):
        return f"{type(exc).__name__}: the parse could not read a file it needs."
    return f"{type(exc).__name__}: {exc}"[:1000]


def _finish(source: Source, status: str, error: str, version: str) -> Source:
    source.status, source.error, source.parser_version = status, error, version
    source.parsed_at = timezone.now()
    source.save(update_fields=["status", "error", "parser_version", "parsed_at", "extraction", "updated_at"])
    return source


def sources_reparse(*, source_ids: list[int]) -> int:
    """Queue a fresh parse of each source (after the transaction commits); returns how many were marked.

    A source being parsed right now is left to that parse (two at once would write its records twice).
    A broker failure is logged, not raised: the sources stay pending and the sweep queues them later.
    """
    ids = list(
        Source.objects.filter(pk__in=source_ids)
        .exclude(status=Source.Status.PARSING)
        .values_list("pk", flat=True)
    )
    marked = {"status": Source.Status.PENDING, "error": "", "updated_at": timezone.now()}
    Source.objects.filter(pk__in=ids).update(**marked)
    data_version_bump()  # update() sends no signal
    for pk in ids:
        transaction.on_commit(lambda pk=pk: _enqueue(pk, strict=False))
    return len(ids)


def sources_sweep(*, older_than: datetime.timedelta | None = None) -> int:
    """Queue again every source left pending or parsing past the deadline (a lost task, a killed worker)."""
    cutoff = timezone.now() - (parse_deadline() if older_than is None else older_than)
    stale = Source.objects.filter(
        status__in=(Source.Status.PENDING, Source.Status.PARSING), updated_at__lt=cutoff
    )
    ids = list(stale.values_list("pk", flat=True))
    # Back to pending, so the parse can claim it; a parse that is somehow still running loses nothing
    # (its records are written in one transaction, and the next claim parses the source again).
    Source.objects.filter(pk__in=ids, updated_at__lt=cutoff).update(
        status=Source.Status.PENDING, updated_at=timezone.now()
    )
    data_version_bump()  # update() sends no signal
    queued = 0
    for pk in ids:
        queued += source_enqueue(source_id=pk)
    return queued
