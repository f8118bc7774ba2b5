"""Nothing lost, nothing stuck: a broker that is down, a task delivered twice, a worker that died."""

import datetime
import json
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from people.models import Official
from tests.api.conftest import token_client
from visits.models import Source, Visit
from visits.services import source_create, source_parse, sources_reparse
from visits.services.sources import public_filename, sources_sweep

ARTICLE = (
    "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, on a working visit. "
    "In a meeting with Yusuf Rahmon, Prosecutor General of Tajikistan, the sides discussed legal assistance."
)
# Nothing listens here: every publish fails at once with "connection refused".
DEAD_BROKER = "redis://127.0.0.1:1/0"


def _reset_pool(app) -> None:
    # The connection pools remember the broker they were opened on: start new ones, as after a fork.
    app._after_fork()


@pytest.fixture
def broker_down(monkeypatch):
    """A real broker URL with nothing behind it; tasks are sent, not run in process."""
    from config.celery import app

    monkeypatch.setenv("CELERY_BROKER_URL", DEAD_BROKER)
    previous = app.conf.broker_url
    app.conf.broker_url = DEAD_BROKER
    app.conf.task_always_eager = False
    _reset_pool(app)
    yield
    app.conf.task_always_eager = True
    app.conf.broker_url = previous
    _reset_pool(app)


def post_article(client, text: str = ARTICLE):
    return client.post("/api/v1/sources/", json.dumps({"text": text}), content_type="application/json")


def age(source: Source, seconds: float) -> None:
    Source.objects.filter(pk=source.pk).update(
        updated_at=timezone.now() - datetime.timedelta(seconds=seconds)
    )


@pytest.mark.django_db(transaction=True)
def test_broker_down_answers_503_with_retry_after_and_keeps_the_source_pending(editor, broker_down):
    client = token_client(editor)
    response = post_article(client)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "post it again later" in response.json()["detail"]
    source = Source.objects.get()
    assert source.status == Source.Status.PENDING
    # Posting again while the broker is still down: the same answer, still one source.
    assert post_article(client).status_code == 503
    assert Source.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_pending_source_posted_again_is_queued_again(editor):
    source, _ = source_create(text=ARTICLE)  # kept earlier, never queued (the broker was down)
    response = post_article(token_client(editor))
    assert response.status_code == 200
    source.refresh_from_db()
    assert source.status == Source.Status.PARSED  # eager in tests: the parse ran on commit


@pytest.mark.django_db(transaction=True)
def test_reparse_with_the_broker_down_does_not_fail_and_the_sweep_finishes_the_work(broker_down, settings):
    source, _ = source_create(text=ARTICLE)
    source_parse(source_id=source.pk)
    assert sources_reparse(source_ids=[source.pk]) == 1
    source.refresh_from_db()
    assert source.status == Source.Status.PENDING


@pytest.mark.django_db(transaction=True)
def test_admin_reparse_action_with_the_broker_down_answers_a_page(client, editor, broker_down):
    source, _ = source_create(text=ARTICLE)
    client.force_login(editor)
    response = client.post(
        "/admin/visits/source/", {"action": "reparse", "_selected_action": [source.pk]}, follow=True
    )
    assert response.status_code == 200
    source.refresh_from_db()
    # Parsed here (small selections parse in the request) or pending for the sweep: never stuck.
    assert source.status in (Source.Status.PENDING, Source.Status.PARSED)


@pytest.mark.django_db(transaction=True)
def test_the_sweep_requeues_sources_stuck_pending_or_parsing_past_the_deadline():
    pending, _ = source_create(text=ARTICLE)
    parsing, _ = source_create(text=ARTICLE + " Second article.")
    fresh, _ = source_create(text=ARTICLE + " Third article.")
    Source.objects.filter(pk=parsing.pk).update(status=Source.Status.PARSING)
    age(pending, 600)
    age(parsing, 600)
    assert sources_sweep() == 2
    statuses = dict(Source.objects.values_list("pk", "status"))
    assert statuses[pending.pk] == statuses[parsing.pk] == Source.Status.PARSED
    assert statuses[fresh.pk] == Source.Status.PENDING  # not yet past the deadline


@pytest.mark.django_db(transaction=True)
def test_sweep_sources_command_takes_a_deadline(capsys):
    source, _ = source_create(text=ARTICLE)
    age(source, 5)
    call_command("sweep_sources", "--older-than", "1")
    assert "1 source(s) queued again." in capsys.readouterr().out
    source.refresh_from_db()
    assert source.status == Source.Status.PARSED


@pytest.mark.django_db
def test_a_task_delivered_twice_parses_once():
    source, _ = source_create(text=ARTICLE)
    source_parse(source_id=source.pk)
    visits = Visit.objects.count()
    parsed_at = Source.objects.get(pk=source.pk).parsed_at
    again = source_parse(source_id=source.pk)  # the second delivery finds the source parsed
    assert again.status == Source.Status.PARSED and again.parsed_at == parsed_at
    assert Visit.objects.count() == visits


@pytest.mark.django_db
def test_a_source_left_parsing_by_a_dead_worker_is_claimed_after_the_deadline():
    source, _ = source_create(text=ARTICLE)
    Source.objects.filter(pk=source.pk).update(status=Source.Status.PARSING)
    assert source_parse(source_id=source.pk).status == Source.Status.PARSING  # maybe still running
    age(source, 600)
    assert source_parse(source_id=source.pk).status == Source.Status.PARSED


@pytest.mark.django_db
def test_a_deleted_source_is_not_an_error():
    assert source_parse(source_id=987654) is None


def test_the_visibility_timeout_exceeds_every_task_time_limit(settings):
    from config.celery import app

    limits = [task.time_limit or 0 for name, task in app.tasks.items() if name.startswith("visits.")]
    assert max(limits) < settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert app.tasks["visits.tasks.parse_source"].time_limit < settings.SOURCE_SWEEP_AFTER_SECONDS
    assert settings.CELERY_BEAT_SCHEDULE["sweep-sources"]["task"] == "visits.tasks.sweep_sources"


@pytest.mark.django_db
def test_a_database_error_is_shown_without_constraint_names(monkeypatch):
    from django.db import IntegrityError

    def clash(**kwargs):
        raise IntegrityError('duplicate key value violates unique constraint "people_official_slug_key"')

    monkeypatch.setattr("visits.services.sources.extraction_apply", clash)
    source, _ = source_create(text=ARTICLE)
    source = source_parse(source_id=source.pk)
    assert source.status == Source.Status.FAILED
    assert "people_official" not in source.error and "constraint" not in source.error
    assert "database error" in source.error


@pytest.mark.django_db
def test_a_lost_race_for_a_unique_slug_is_parsed_again(monkeypatch):
    from django.db import IntegrityError

    from visits.services import sources

    calls = []
    real = sources.extraction_apply

    def first_loses(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(**kwargs)

    monkeypatch.setattr("visits.services.sources.extraction_apply", first_loses)
    source, _ = source_create(text=ARTICLE)
    assert source_parse(source_id=source.pk).status == Source.Status.PARSED
    assert len(calls) == 2


@pytest.mark.django_db(transaction=True)
def test_eight_parses_naming_the_same_new_person_at_once_all_succeed():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    sources = [source_create(text=f"{ARTICLE} Article {n}.")[0] for n in range(8)]
    start = threading.Barrier(len(sources))

    def parse(source_id: int) -> None:
        start.wait()
        try:
            source_parse(source_id=source_id)
        finally:
            connection.close()

    threads = [threading.Thread(target=parse, args=(s.pk,)) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    failed = {s.pk: s.error for s in Source.objects.exclude(status=Source.Status.PARSED)}
    assert failed == {}
    assert Official.objects.filter(name="Kamran Aliyev").count() == 1


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("/srv/app/media/imports/2026/11/articles.zip!2024/a.html", "articles.zip!2024/a.html"),
        ("C:\\uploads\\a.txt", "a.txt"),
        ("a.txt", "a.txt"),
        ("", ""),
    ],
)
def test_a_source_keeps_the_file_name_without_the_server_folders(given, shown):
    assert public_filename(given) == shown
