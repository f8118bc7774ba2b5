"""Summary tables: the counts behind the statistics, country, pair and coverage pages, precomputed.

Why: those pages aggregated the whole visits table on every request (0.5–0.8 s each at a million visits on
PostgreSQL). They now read a few hundred rows of summaries instead.

What is kept (summaries/models.py), each table as small as its readers need:
- `VisitSummary`: one row per (origin country, destination country, start year) with visits, how many of
  them a source article reports (visit evidence from an article), an editor accepted, came from a curated
  import, and the meetings held during them. Undated visits have year None and unknown countries "", as on
  Visit. ~300,000 rows at a million visits: the pair page reads its few rows by index.
- `CountrySummary`: per (country, year), derived from it: visits made, received, and each visit from or to
  the country once with its article/review/import counts (coverage, a country's years, the country index,
  the years of the statistics page). ~20,000 rows.
- `PairSummary`: per unordered pair over all years, both ways and the total (top pairs by index, the
  matrix, a country's partners). ~40,000 rows.
- `TravellerSummary`: visits per official (a country page's "most travelled officials").
- `SummaryState`: one row: when the tables were rebuilt (the "counts as of" the pages show), from which
  data version, in how long.

How they stay current: rebuilt whole, never patched. `rebuild()` deletes the rows and recomputes them in
one transaction (readers keep seeing the previous rows until it commits): one INSERT … SELECT … GROUP BY
over the visits, hash-joined to the visits an article reports and to the meeting counts (each grouped once,
no subquery per visit), then the country and pair tables from it and the travellers; about a minute at a
million visits on PostgreSQL on a loaded 2-core machine. Patching rows from each write path would need every
path (bulk imports, update(), merges, cascades, the admin) to report what it moved; a rebuild needs only to
know *that* something moved, which the data version (common/versioning.py) already says: every write moves
it on, now and when its transaction commits. So:
- Fresh means: the data version the last rebuild read *before* reading the records (in SummaryState,
  and in the cache next to the data version) is the current one. A write that commits later moves the
  version on, so a rebuild can never look fresh while missing a committed write.
- Every data-version bump calls `schedule_refresh` (hooked with `versioning.on_bump`): with a Celery
  worker it queues `refresh_summaries` once per SUMMARY_DEBOUNCE_SECONDS (a burst of writes costs one
  rebuild); beat also runs it every few minutes as a safety net.
- A page calls `current()`: fresh summaries are read as they are; stale ones are still shown while they
  were built less than SUMMARY_STALE_SECONDS ago (saying so under "counts as of"), otherwise the request
  rebuilds them first (one rebuild at a time: a row lock; the others wait, then find them fresh).
- A rebuild moves the data version on once it commits, so no cached answer (response cache, page or API)
  made from the old rows is served after it; its own move does not make the new rows stale.

The bound (tested): a write committed at time t shows on every summary page served after
t + SUMMARY_STALE_SECONDS. The default is 0 when no worker runs (tasks eager: the first page after a
write rebuilds) and 30 s with a broker (the worker usually rebuilds within SUMMARY_DEBOUNCE_SECONDS, 5 s,
plus the rebuild's own time, and readers never wait for it). It relies on the data version being
shared: with a per-process cache (no CACHE_URL) only one process's writes are seen at once, as for the
response cache, and summaries older than SUMMARY_MAX_AGE_SECONDS (a day; beat renews them at half that)
are rebuilt anyway; that age also bounds a bump the cache lost in an outage. `manage.py summaries_refresh`
rebuilds them by hand (after a bulk load into the database outside the app).
"""
