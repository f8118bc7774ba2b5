"""Keeping incoming articles and parsing them: the first stage of the way in for an article."""

import datetime
import hashlib
import logging
import re

from django.db import transaction
from django.utils import timezone

from visits.extraction import PARSER_VERSION, extract
from visits.models import Source
from visits.services.records import extraction_apply
from visits.tasks import parse_source

log = logging.getLogger(__name__)

# A source longer than this is kept whole but parsed only up to here (the extractor says so in a warning).
MAX_SOURCE_CHARS = 10_000_000
_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


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
    return Source.objects.get_or_create(
        checksum=checksum,
        defaults={
            "text": text,
            "url": url[:1000],
            "outlet": outlet[:200],
            "published": published,
            "title": title[:500],
            "filename": filename[:300],
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
) -> tuple[Source, bool]:
    """Keep an article and queue its parse once the transaction commits; True when the source is new."""
    source, created = source_create(
        text=text, url=url, outlet=outlet, published=published, title=title, filename=filename
    )
    if created:
        transaction.on_commit(lambda: parse_source.delay(source.pk))
    return source, created


def source_parse(*, source_id: int) -> Source:
    """Parse a kept source and write its records; a failure is kept on the source, nothing half-written."""
    Source.objects.filter(pk=source_id).update(status=Source.Status.PARSING, error="")
    source = Source.objects.get(pk=source_id)
    problem = unreadable_reason(source.text)
    if problem:
        return _finish(source, Source.Status.FAILED, problem, PARSER_VERSION)
    try:
        extraction = extract(source.text[:MAX_SOURCE_CHARS], source.published).to_dict()
        with transaction.atomic():
            result = extraction_apply(source=source, extraction=extraction)
    except Exception as exc:  # any parser or write failure is recorded on the source, never lost
        log.exception("Parsing source %s failed", source_id)
        return _finish(source, Source.Status.FAILED, f"{type(exc).__name__}: {exc}", PARSER_VERSION)
    notes = list(extraction.get("warnings") or [])
    if not result.visits and not result.meetings:
        notes.append("No visit or meeting was found in this text.")
    source.extraction = extraction
    return _finish(source, Source.Status.PARSED, " ".join(notes), PARSER_VERSION)


def _finish(source: Source, status: str, error: str, version: str) -> Source:
    source.status, source.error, source.parser_version = status, error, version
    source.parsed_at = timezone.now()
    source.save(update_fields=["status", "error", "parser_version", "parsed_at", "extraction", "updated_at"])
    return source


def sources_reparse(*, source_ids: list[int]) -> int:
    """Queue a fresh parse of each source (after the transaction commits); returns how many were queued."""
    ids = list(Source.objects.filter(pk__in=source_ids).values_list("pk", flat=True))
    Source.objects.filter(pk__in=ids).update(status=Source.Status.PENDING, error="")
    for pk in ids:
        transaction.on_commit(lambda pk=pk: parse_source.delay(pk))
    return len(ids)
