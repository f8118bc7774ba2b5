"""Celery tasks: thin adapters over the services, which they import inside the task body.

A service may enqueue a task (sources.source_submit queues parse_source), so tasks import their service
when they run, never at module level: the import graph stays free of circles.
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=120,
    time_limit=180,
)
def parse_source(self, source_id: int) -> str:
    """Parse one kept source into records; returns the source's resulting status."""
    from visits.services.sources import source_parse

    source = source_parse(source_id=source_id)
    return source.status if source is not None else "missing"


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def sweep_sources() -> int:
    """Queue again the sources left pending or parsing past the deadline (beat runs this every minute)."""
    from visits.services.sources import sources_sweep

    return sources_sweep()


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=3,
    soft_time_limit=1800,
    time_limit=1900,
)
def run_import_job(self, job_id: int, dry_run: bool = False, skip_rejected: bool = False) -> str:
    """Preview (dry run) or run one uploaded import; idempotent, so a retry is safe. Returns its status."""
    from visits.services.jobs import import_job_run

    return import_job_run(job_id=job_id, dry_run=dry_run, skip_rejected=skip_rejected).status


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360)
def expire_import_previews() -> int:
    """Delete the uploads of previews nobody confirmed within a week (beat runs this daily)."""
    from visits.services.jobs import import_jobs_expire

    return import_jobs_expire()
