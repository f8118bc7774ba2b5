"""A real Celery worker killed mid-parse: the source ends parsed, once, with no duplicate records.

Runs where PostgreSQL and Redis are configured (CI; locally DATABASE_URL and CELERY_BROKER_URL), like
tests/visits/test_worker.py, but the worker is a separate process so that it can be killed outright.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

from tests.conftest import in_ci
from visits.models import Source, Visit
from visits.services import source_create
from visits.services.sources import source_enqueue, sources_sweep

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, for a working visit. "
    "In a meeting with Yusuf Rahmon, Prosecutor General of Tajikistan, the sides discussed legal assistance."
)


def _needs_services() -> str:
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
    return broker


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(broker: str) -> subprocess.Popen:
    """A worker process of our own on the tests' database and broker; one task at a time."""
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": broker}
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=WARNING"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def status(source: Source) -> str:
    return Source.objects.values_list("status", flat=True).get(pk=source.pk)


@pytest.fixture
def sent_tasks():
    """Tasks go to the broker (the suite runs them in process otherwise); the queue starts empty."""
    from config.celery import app

    broker = _needs_services()
    app.conf.task_always_eager = False
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")
    yield broker
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")
    app.conf.task_always_eager = True


def test_a_worker_killed_mid_parse_leaves_the_source_to_the_sweep_and_it_ends_parsed_once(sent_tasks):
    broker = sent_tasks
    source, _ = source_create(text=ARTICLE)
    # Hold the officials table: the worker claims the source, extracts, then waits to write.
    side = connections.create_connection(DEFAULT_DB_ALIAS)
    side.set_autocommit(False)
    with side.cursor() as cursor:
        cursor.execute("LOCK TABLE people_official IN ACCESS EXCLUSIVE MODE")
    worker = start_worker(broker)
    try:
        assert source_enqueue(source_id=source.pk)
        assert wait_for(lambda: status(source) == Source.Status.PARSING, 60), "the worker never started"
        time.sleep(1)  # well inside the parse, blocked on the lock
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
    finally:
        side.rollback()
        side.close()
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)
    assert status(source) == Source.Status.PARSING  # stuck: its task died with the worker
    assert not Visit.objects.exists()

    assert sources_sweep(older_than=datetime.timedelta(0)) == 1
    worker = start_worker(broker)
    try:
        assert wait_for(lambda: status(source) == Source.Status.PARSED, 90), Source.objects.get(
            pk=source.pk
        ).error
        # A second sweep and a repeated delivery change nothing: the source is parsed once.
        source_enqueue(source_id=source.pk)
        time.sleep(2)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(10)
    assert status(source) == Source.Status.PARSED
    assert Visit.objects.filter(visitor__name="Kamran Aliyev").count() == 1
