"""Run a transaction again when the database chose it as the loser of a deadlock or a serialization conflict.

Two API writes that lock the same rows in opposite orders (one locks a meeting, then moves its visit's
`updated_at`; another locks that visit, then touches the meeting) can deadlock on PostgreSQL. The database
then aborts one of them: nothing of it was written, and running it again is safe and nearly always
succeeds. Any other operational error (the database down, a timeout) is not retried: the caller answers 503.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.db import OperationalError, transaction

T = TypeVar("T")

# SQLSTATE of a deadlock victim and of a serialization failure: the transaction was rolled back as a whole.
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
ATTEMPTS = 3
BACKOFF_SECONDS = 0.05


def transient(exc: BaseException) -> bool:
    """Whether the database rolled the transaction back only to let another one through."""
    cause = exc.__cause__
    return getattr(cause, "sqlstate", None) in RETRYABLE_SQLSTATES


def retrying(work: Callable[[], T], *, attempts: int = ATTEMPTS) -> T:
    """`work()` (which opens its own transaction), run again up to `attempts` times after a deadlock.

    Never retried inside an enclosing transaction: the whole outer transaction is already lost there.
    """
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except OperationalError as exc:
            if attempt == attempts or not transient(exc) or transaction.get_connection().in_atomic_block:
                raise
            time.sleep(BACKOFF_SECONDS * attempt)
    raise AssertionError("unreachable")  # pragma: no cover
