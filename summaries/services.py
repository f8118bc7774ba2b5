"""Rebuilding the summary tables and knowing when they are current (the design: summaries/__init__.py)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from common import versioning
from common.models import ReviewState
from summaries import tasks
from summaries.models import SummaryState, TravellerSummary, VisitSummary
from visits.models import Evidence, Meeting, Source, Visit

log = logging.getLogger(__name__)

# The data version the summaries were built from, as this cache knows it (next to the data version).
BUILT_KEY = "summaries-built-version"
# Set while a rebuild is queued, so that a burst of writes queues one.
QUEUED_KEY = "summaries-refresh-queued"
STATE_ID = 1

# A visit counts as reviewed once an editor accepted it; as reported when an article gives evidence for it.
REVIEWED = Q(review_state=ReviewState.ACCEPTED)
# Not reviewed, but from a curated publisher's file (the Office of the Historian's): counted on its own.
CURATED = Q(review_state=ReviewState.IMPORTED)


def stale_seconds() -> float:
    """How long stale summaries may still be shown after a write."""
    return settings.SUMMARY_STALE_SECONDS


def debounce_seconds() -> float:
    return settings.SUMMARY_DEBOUNCE_SECONDS


def max_age_seconds() -> float:
    return settings.SUMMARY_MAX_AGE_SECONDS


def visit_rows() -> QuerySet:
    """Visits grouped by (origin, destination, start year), with every count VisitSummary keeps."""
    article = Evidence.objects.filter(visit=OuterRef("pk"), source__kind=Source.Kind.ARTICLE)
    return (
        Visit.objects.order_by()
        .annotate(
            has_article=Exists(article),
            meeting_count=Meeting.objects.count_for_visit(),
        )
        .values(
            o=F("origin_country"),
            d=F("destination_country"),
            y=ExtractYear("start_date"),
        )
        .annotate(
            n=Count("pk"),
            articles=Count("pk", filter=Q(has_article=True)),
            accepted=Count("pk", filter=REVIEWED),
            curated=Count("pk", filter=CURATED),
            held=Coalesce(Sum("meeting_count"), 0),
        )
    )


def traveller_rows() -> QuerySet:
    """Visits per official who made any, with the official's country."""
    return (
        Visit.objects.order_by()
        .filter(visitor__isnull=False)
        .values(who=F("visitor_id"), home=F("visitor__country"))
        .annotate(n=Count("pk"))
    )


def _insert(model: type[models.Model], columns: dict[str, str], rows: QuerySet) -> None:
    """INSERT INTO model's table (columns) SELECT … from `rows`, named by alias: one statement."""
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    names = ", ".join(quote(model._meta.get_field(f).column) for f in columns)
    picks = ", ".join(f"s.{quote(alias)}" for alias in columns.values())
    table = quote(model._meta.db_table)
    # Only quoted names of ours and the ORM's own SQL are spliced in; the values stay parameters.
    statement = f"INSERT INTO {table} ({names}) SELECT {picks} FROM ({sql}) s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


VISIT_COLUMNS = {
    "origin_country": "o",
    "destination_country": "d",
    "year": "y",
    "visits": "n",
    "with_article": "articles",
    "reviewed": "accepted",
    "imported": "curated",
    "meetings": "held",
}
TRAVELLER_COLUMNS = {"official": "who", "country": "home", "visits": "n"}


def _locked_state() -> SummaryState:
    """The state row, locked until the transaction ends (one rebuild at a time); created if missing."""
    state = SummaryState.objects.select_for_update().filter(pk=STATE_ID).first()
    if state is None:
        state, _ = SummaryState.objects.get_or_create(
            pk=STATE_ID, defaults={"built_at": datetime(2000, 1, 1, tzinfo=UTC), "version": -1}
        )
    return state


def rebuild() -> SummaryState:
    """Recompute every summary row from the records, now, in one transaction; returns the new state."""
    with transaction.atomic():
        state = _locked_state()
        return _rebuild(state)


def _rebuild(state: SummaryState) -> SummaryState:
    began = time.monotonic()
    # The version first, the records after: a write this rebuild misses moves the version past it.
    version = versioning.data_version()
    state.built_at = timezone.now()
    VisitSummary.objects.all().delete()
    TravellerSummary.objects.all().delete()
    _insert(VisitSummary, VISIT_COLUMNS, visit_rows())
    _insert(TravellerSummary, TRAVELLER_COLUMNS, traveller_rows())
    state.version = version
    state.seconds = round(time.monotonic() - began, 3)
    state.save()
    transaction.on_commit(lambda: _built(version))
    log.info("Summaries rebuilt in %.2f s (data version %s)", state.seconds, version)
    return state


def _built(version: int) -> None:
    """After the rebuild commits: move the data version on, so that no cached answer (page or API) made
    from the old rows is served again, and remember the version the rows are current for."""
    try:
        try:
            moved = cache.incr(versioning.KEY)
        except ValueError:  # the version is gone (cache cleared): the rows' version is no longer known
            moved = None
        # Only when no write came between the version this rebuild read and now are the rows current.
        cache.set(BUILT_KEY, moved if moved == version + 1 else version, timeout=None)
    except Exception:
        log.warning("Summaries: the cache did not take the rebuild's version", exc_info=True)


def is_fresh(state: SummaryState | None) -> bool:
    """Built from the current data version, and younger than SUMMARY_MAX_AGE_SECONDS.

    A cache that holds no data version at all (a new process's own cache, or one that lost its keys)
    cannot say which writes came since: the rows are trusted until their max age.
    """
    if state is None or state.built_at < timezone.now() - timedelta(seconds=max_age_seconds()):
        return False
    known = cache.get_many([versioning.KEY, BUILT_KEY])
    if versioning.KEY not in known:
        cache.set(BUILT_KEY, versioning.data_version(), timeout=None)
        return True
    return known[versioning.KEY] in (state.version, known.get(BUILT_KEY))


def refresh(*, older_than: float | None = None) -> SummaryState:
    """Rebuild unless current (or rebuilt by someone else meanwhile); `older_than` seconds also forces it."""
    with transaction.atomic():
        state = _locked_state()
        young = older_than is None or state.built_at >= timezone.now() - timedelta(seconds=older_than)
        if young and is_fresh(state):
            return state
        return _rebuild(state)


@dataclass
class Summaries:
    """What a page reads its counts from: the state (its age) and whether it is the current data's."""

    state: SummaryState
    fresh: bool

    @property
    def built_at(self) -> datetime:
        return self.state.built_at


def current() -> Summaries:
    """The summaries for a page: current, or stale for less than SUMMARY_STALE_SECONDS, else rebuilt now.

    One query when current (the state row).
    """
    state = SummaryState.objects.filter(pk=STATE_ID).first()
    if is_fresh(state):
        return Summaries(state, fresh=True)
    if state is not None and state.built_at >= timezone.now() - timedelta(seconds=stale_seconds()):
        schedule_refresh()
        return Summaries(state, fresh=False)
    return Summaries(refresh(), fresh=True)


def schedule_refresh() -> None:
    """Hooked on every data-version bump: with a worker, queue one rebuild per debounce interval.

    Without one (tasks eager), nothing: the next page rebuilds. A broker that does not answer must not
    fail the write: the pages rebuild on their own past SUMMARY_STALE_SECONDS.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    try:
        if cache.add(QUEUED_KEY, 1, timeout=debounce_seconds()):
            tasks.refresh_summaries.apply_async(countdown=debounce_seconds())
    except Exception:
        log.warning("Summaries: could not queue a rebuild", exc_info=True)
