"""Celery tasks: thin adapters over the services."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from visits.services import source_parse


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
    return source_parse(source_id=source_id).status
