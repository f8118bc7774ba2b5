"""A real Celery worker over Redis writes into PostgreSQL (CI runs it; elsewhere it needs both services)."""

import os
import time

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import in_ci
from visits.models import Source, Visit
from visits.services import source_submit

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_worker():
    """A Celery worker thread on the configured broker, tasks no longer eager."""
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    broker = os.environ.get("CELERY_BROKER_URL", "")
    missing = []
    if not broker.startswith("redis://"):
        missing.append("CELERY_BROKER_URL (redis://...)")
    if connection.vendor != "postgresql":
        missing.append("DATABASE_URL (PostgreSQL)")
    if missing:
        if in_ci():
            pytest.fail(f"CI must provide {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}; .ci/run sets them")
    assert broker == settings.CELERY_BROKER_URL
    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield app
    app.conf.task_always_eager = True


def test_worker_parses_a_submitted_article_into_the_database(real_worker):
    text = (
        "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, for a working "
        "visit. In a meeting with Yusuf Rahmon, Prosecutor General of Tajikistan, the sides discussed "
        "legal assistance."
    )
    source, created = source_submit(text=text)
    assert created
    # The task was sent on commit; the worker thread writes through its own connection.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        source.refresh_from_db()
        if source.status in (Source.Status.PARSED, Source.Status.FAILED):
            break
        time.sleep(0.2)
    assert source.status == Source.Status.PARSED, source.error
    assert Visit.objects.filter(visitor__name="Kamran Aliyev", destination_country="TJ").exists()
