"""The archive's data version: one integer in the shared cache that every write moves on.

Cached answers (common/response_cache.py) are keyed on it, so a write makes every earlier answer
unreachable at once: nothing is looked up, listed or deleted, and there is no stale answer to forget.

Correctness rests on two rules:
- A write bumps now *and* again once its transaction commits. The bump at commit is the one that
  matters: a request that read the version before the commit and the data before the commit stored its
  answer under a version nobody asks for once the commit's bump lands. (The bump now lets a test, whose
  transaction never commits, see its own writes.)
- A missing version (cache cleared, key evicted, Redis restarted) starts again from the current time in
  microseconds, far above any counter used before it, so no entry made under an old version can match.
"""

from __future__ import annotations

import logging
import time

from django.core.cache import cache
from django.db import transaction

log = logging.getLogger(__name__)

KEY = "data-version"


def _fresh_start() -> int:
    return time.time_ns() // 1000


def data_version() -> int:
    """The current data version (created if missing)."""
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, _fresh_start(), timeout=None)
        version = cache.get(KEY)
    return int(version) if version is not None else _fresh_start()


def _incr() -> None:
    try:
        try:
            cache.incr(KEY)
        except ValueError:  # missing: a fresh start is already newer than any version used before
            if not cache.add(KEY, _fresh_start(), timeout=None):
                cache.incr(KEY)
    except Exception:  # a cache outage must not fail the write; the answers' TTL bounds what is missed
        log.warning("Data version: the cache did not take the bump", exc_info=True)


def data_version_bump(using: str | None = None) -> None:
    """Move the data version on now, and again when the current transaction commits (once per commit)."""
    _incr()
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and not any(entry[1] is _incr for entry in connection.run_on_commit):
        transaction.on_commit(_incr, using=using)
