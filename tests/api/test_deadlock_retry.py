"""A write the database aborted to break a deadlock runs again; other database errors do not."""

import pytest
from django.db import OperationalError, transaction

from common import retry
from common.api import RecordViewSet
from tests.factories import VisitFactory
from visits.models import Visit


class _Cause(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _error(sqlstate: str) -> OperationalError:
    error = OperationalError(f"sqlstate {sqlstate}")
    error.__cause__ = _Cause(sqlstate)
    return error


class _Flaky:
    """Fails with the given errors in turn, then answers."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "done"


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch):
    monkeypatch.setattr(retry, "BACKOFF_SECONDS", 0)


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
def test_a_deadlock_victim_or_serialization_failure_runs_again(sqlstate):
    work = _Flaky(_error(sqlstate), _error(sqlstate))
    assert retry.retrying(work) == "done"
    assert work.calls == 3


def test_other_operational_errors_are_not_retried():
    work = _Flaky(_error("57P01"))  # the server shutting down
    with pytest.raises(OperationalError):
        retry.retrying(work)
    assert work.calls == 1


def test_retries_stop_after_the_last_attempt():
    work = _Flaky(*[_error("40P01")] * 5)
    with pytest.raises(OperationalError):
        retry.retrying(work, attempts=3)
    assert work.calls == 3


@pytest.mark.django_db(transaction=True)
def test_never_retried_inside_an_enclosing_transaction():
    work = _Flaky(_error("40P01"))
    with pytest.raises(OperationalError), transaction.atomic():
        retry.retrying(work)
    assert work.calls == 1


@pytest.mark.django_db(transaction=True)
def test_an_api_update_that_lost_a_deadlock_is_written_once_on_the_retry(editor_client, monkeypatch):
    visit = VisitFactory(purpose="Old")
    original = RecordViewSet.write
    lost = []

    def write_losing_once(self, instance, request, *, partial):
        written = original(self, instance, request, partial=partial)
        if not lost:  # the database aborts the first attempt after its rows were written: all rolled back
            lost.append(True)
            raise _error("40P01")
        return written

    monkeypatch.setattr(RecordViewSet, "write", write_losing_once)
    response = editor_client.patch(f"/api/v1/visits/{visit.pk}/", {"purpose": "Talks"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["purpose"] == "Talks"
    assert Visit.objects.get(pk=visit.pk).purpose == "Talks"
    assert Visit.history.filter(id=visit.pk, purpose="Talks").count() == 1  # the lost attempt left no trace


@pytest.mark.django_db(transaction=True)
def test_an_api_update_that_keeps_losing_answers_503_and_changes_nothing(editor_client, monkeypatch):
    visit = VisitFactory(purpose="Old")
    original = RecordViewSet.write

    def write_always_losing(self, instance, request, *, partial):
        original(self, instance, request, partial=partial)
        raise _error("40P01")

    monkeypatch.setattr(RecordViewSet, "write", write_always_losing)
    response = editor_client.patch(f"/api/v1/visits/{visit.pk}/", {"purpose": "Talks"}, format="json")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert Visit.objects.get(pk=visit.pk).purpose == "Old"
