"""Rebuilding the summary tables and knowing when they are current (the design: summaries/__init__.py)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import Count, F, QuerySet
from django.utils import timezone

from common import versioning
from common.models import ReviewState
from summaries import tasks
from summaries.models import CountrySummary, PairSummary, SummaryState, TravellerSummary, VisitSummary
from visits.models import Evidence, Meeting, Source, Visit

log = logging.getLogger(__name__)

# The data version the summaries were built from, as this cache knows it (next to the data version).
BUILT_KEY = "summaries-built-version"
# Set while a rebuild is queued, so that a burst of writes queues one.
QUEUED_KEY = "summaries-refresh-queued"
STATE_ID = 1

# A visit counts as reviewed once an editor accepted it; as curated when imported from a curated
# publisher's file (the Office of the Historian's), not reviewed; as reported when a source article gives
# evidence for it.
REVIEWED = ReviewState.ACCEPTED
CURATED = ReviewState.IMPORTED


# How long stale counts may be shown when a worker rebuilds them (SUMMARY_STALE_SECONDS unset).
STALE_SECONDS_WITH_WORKER = 30


def worker_rebuilds() -> bool:
    """Whether tasks go to a worker (not eager): writes then queue rebuilds, readers need not wait."""
    return not tasks.refresh_summaries.app.conf.task_always_eager


def stale_seconds() -> float:
    """How long stale summaries may still be shown after a write."""
    configured = settings.SUMMARY_STALE_SECONDS
    if configured is not None:
        return configured
    return STALE_SECONDS_WITH_WORKER if worker_rebuilds() else 0


def debounce_seconds() -> float:
    return settings.SUMMARY_DEBOUNCE_SECONDS


def max_age_seconds() -> float:
    return settings.SUMMARY_MAX_AGE_SECONDS


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _year(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS integer)"
    return f"CAST(strftime('%%Y', {column}) AS integer)"  # SQLite


def _visit_summary_sql() -> tuple[str, list]:
    """Visits grouped by (origin, destination, start year) with every count VisitSummary keeps: one scan of
    the visits, joined to the visits an article reports and to the meeting counts, each grouped once
    (hash joins: no subquery per visit)."""
    year = _year("v.start_date")
    sql = f"""
        INSERT INTO {_table(VisitSummary)}
            (origin_country, destination_country, year, visits, with_article, reviewed, imported, meetings)
        SELECT v.origin_country, v.destination_country, {year}, COUNT(*), COUNT(a.visit_id),
            SUM(CASE WHEN v.review_state = %s THEN 1 ELSE 0 END),
            SUM(CASE WHEN v.review_state = %s THEN 1 ELSE 0 END),
            COALESCE(SUM(m.n), 0)
        FROM {_table(Visit)} v
        LEFT JOIN (
            SELECT DISTINCT e.visit_id FROM {_table(Evidence)} e JOIN {_table(Source)} s ON s.id = e.source_id
            WHERE s.kind = %s AND e.visit_id IS NOT NULL
        ) a ON a.visit_id = v.id
        LEFT JOIN (
            SELECT visit_id, COUNT(*) AS n FROM {_table(Meeting)} WHERE visit_id IS NOT NULL GROUP BY visit_id
        ) m ON m.visit_id = v.id
        GROUP BY v.origin_country, v.destination_country, {year}
    """  # noqa: S608 (our table names; values are parameters)
    return sql, [str(REVIEWED), str(CURATED), str(Source.Kind.ARTICLE)]


def _country_summary_sql() -> str:
    """Per country and year, from VisitSummary: made (as origin), received (as destination), and the counts
    of visits from or to it, a visit within the country counted once."""
    once = "CASE WHEN origin_country = destination_country THEN 0 ELSE {} END"
    return f"""
        INSERT INTO {_table(CountrySummary)}
            (country, year, made, received, visits, with_article, reviewed, imported)
        SELECT country, year, SUM(made), SUM(received), SUM(visits), SUM(with_article), SUM(reviewed),
            SUM(imported)
        FROM (
            SELECT origin_country AS country, year, visits AS made, 0 AS received, visits, with_article,
                reviewed, imported
            FROM {_table(VisitSummary)}
            UNION ALL
            SELECT destination_country, year, 0, visits, {once.format("visits")},
                {once.format("with_article")}, {once.format("reviewed")}, {once.format("imported")}
            FROM {_table(VisitSummary)}
        ) s
        GROUP BY country, year
    """  # noqa: S608 (our table names)


def _pair_summary_sql() -> str:
    """Per pair of countries over all years, from VisitSummary: the visitor's country known."""
    forward = "origin_country <= destination_country"
    return f"""
        INSERT INTO {_table(PairSummary)} (country_a, country_b, a_to_b, b_to_a, total)
        SELECT a, b, SUM(ab), SUM(ba), SUM(ab + ba)
        FROM (
            SELECT CASE WHEN {forward} THEN origin_country ELSE destination_country END AS a,
                CASE WHEN {forward} THEN destination_country ELSE origin_country END AS b,
                CASE WHEN {forward} THEN visits ELSE 0 END AS ab,
                CASE WHEN {forward} THEN 0 ELSE visits END AS ba
            FROM {_table(VisitSummary)}
            WHERE origin_country <> ''
        ) s
        GROUP BY a, b
    """  # noqa: S608 (our table names)


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
    for model in (VisitSummary, CountrySummary, PairSummary, TravellerSummary):
        model.objects.all().delete()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL work_mem = '64MB'")  # the groups hash in memory, not on disk
        cursor.execute(*_visit_summary_sql())
        cursor.execute(_country_summary_sql())
        cursor.execute(_pair_summary_sql())
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

    A cache that cannot say which writes came since the rows were built (a new process's own cache, or one
    that lost its keys, even if a page has begun a new run of versions since) leaves the rows trusted until
    their max age. (After a Redis restart, a timeline page began a new run before any summary page looked,
    and the first summary page rebuilt everything inline: a minute at a million visits.)
    """
    if state is None or state.built_at < timezone.now() - timedelta(seconds=max_age_seconds()):
        return False
    known = cache.get_many([versioning.KEY, BUILT_KEY, versioning.EPOCH_KEY])
    lost = versioning.KEY not in known or (
        BUILT_KEY not in known and state.version < known.get(versioning.EPOCH_KEY, 0)
    )
    if lost:
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
    if not worker_rebuilds():
        return
    try:
        if cache.add(QUEUED_KEY, 1, timeout=debounce_seconds()):
            tasks.refresh_summaries.apply_async(countdown=debounce_seconds())
    except Exception:
        log.warning("Summaries: could not queue a rebuild", exc_info=True)
