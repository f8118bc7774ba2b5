"""The archive's data version: one integer in the shared cache that every write moves on.

Cached answers (common/response_cache.py) are keyed on it, so a write makes every earlier answer
unreachable at once: nothing is looked up, listed or deleted, and there is no stale answer to forget.

Correctness rests on two rules:
- A write bumps now *and* again once its transaction commits. The bump at commit is the one that
  matters: a request that read the version before the commit and the data before the commit stored its
  answer under a version nobody asks for once the commit's bump lands. (The bump now lets a test, whose
  transaction never commits, see its own writes.) In a web request the second bump comes as the answer
  leaves the view (`bumps_at_request_end`, from the response cache middleware): every transaction a view
  opens has ended by then, and a request's writes cost one bump, not one callback per transaction.
- A missing version (cache cleared, key evicted, Redis restarted) starts again from the current time in
  microseconds, far above any counter used before it, so no entry made under an old version can match.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

log = logging.getLogger(__name__)

KEY = "data-version"
# The value the current run of versions started from (set when the cache had lost KEY and a new run began):
# something built from a version below it was built before the cache lost its keys.
EPOCH_KEY = "data-version-epoch"
# Set while a web request runs: its writes inside transactions bump once more as it ends.
_request_writes: ContextVar[list[bool] | None] = ContextVar("data_version_request_writes", default=None)
# Called after every bump (now and at commit), e.g. to queue a rebuild of the summary tables (summaries/).
_listeners: list[Callable[[], None]] = []


def on_bump(listener: Callable[[], None]) -> None:
    """Call `listener` after every move of the data version (once per listener; it must not raise)."""
    if listener not in _listeners:
        _listeners.append(listener)


def _fresh_start() -> int:
    return time.time_ns() // 1000


def _start() -> bool:
    """Begin a new run of versions (the cache holds none); False if another process just did."""
    start = _fresh_start()
    if not cache.add(KEY, start, timeout=None):
        return False
    cache.set(EPOCH_KEY, start, timeout=None)
    return True


def data_version() -> int:
    """The current data version (created if missing)."""
    version = cache.get(KEY)
    if version is None:
        _start()
        version = cache.get(KEY)
    return int(version) if version is not None else _fresh_start()


def _incr() -> None:
    try:
        try:
            cache.incr(KEY)
        except ValueError:  # missing: a fresh start is already newer than any version used before
            if not _start():
                cache.incr(KEY)
    except Exception:  # a cache outage must not fail the write; the answers' TTL bounds what is missed
        log.warning("Data version: the cache did not take the bump", exc_info=True)
    for listener in _listeners:
        listener()


def data_version_bump(using: str | None = None) -> None:
    """Move the data version on now, and again when the current transaction commits (once per commit)."""
    _incr()
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return  # autocommit: the write is already committed
    request_writes = _request_writes.get()
    if request_writes is not None:
        request_writes[0] = True
    elif not any(entry[1] is _incr for entry in connection.run_on_commit):
        transaction.on_commit(_incr, using=using)


@contextmanager
def bumps_at_request_end() -> Iterator[None]:
    """Around a view: writes made in its transactions bump once more when it returns (they have committed)."""
    token = _request_writes.set([False])
    try:
        yield
    finally:
        wrote = _request_writes.get()
        _request_writes.reset(token)
        if wrote and wrote[0]:
            _incr()
