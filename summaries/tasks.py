"""Celery tasks of the summaries: thin adapters that import their service when they run."""

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=3,
    soft_time_limit=600,
    time_limit=660,
)
def refresh_summaries(older_than: float | None = None) -> str:
    """Rebuild the summary tables unless current (queued after writes; beat runs it as a safety net).

    Returns when the summaries it leaves were built.
    """
    from summaries.services import refresh

    return refresh(older_than=older_than).built_at.isoformat()
