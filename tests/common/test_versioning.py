"""The data version: every write moves it on (signals, and the writes that send none), never backwards."""

import datetime
import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from common.apps import ARCHIVE_APPS, NOT_SHOWN
from common.versioning import _incr, bumps_at_request_end, data_version, data_version_bump
from people.services import official_merge
from tests.common.test_admin import change_url, form_data
from tests.factories import OfficialFactory, OrganisationFactory, SourceFactory, VisitFactory
from tests.visits.services.test_imports import example, write_csv
from visits.models import Source, Suggestion
from visits.nesting import nesting_touch
from visits.services.imports import files_import
from visits.services.merges import visit_merge
from visits.services.sources import source_parse, sources_reparse, sources_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_signals() -> Iterator[None]:
    """The receiver off: what still moves the version is the write's own bump."""
    models = [
        model
        for app in ARCHIVE_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
        if not hasattr(model, "instance_type") and model._meta.label not in NOT_SHOWN
    ]
    for model in models:
        label = model._meta.label
        post_save.disconnect(sender=model, dispatch_uid=f"data-version-save-{label}")
        post_delete.disconnect(sender=model, dispatch_uid=f"data-version-del-{label}")
        m2m_changed.disconnect(sender=model, dispatch_uid=f"data-version-m2m-{label}")
    yield
    apps.get_app_config("common").ready()


def test_version_is_created_when_missing_and_a_cleared_cache_never_goes_back():
    first = data_version()
    assert data_version() == first
    data_version_bump()
    assert data_version() == first + 1
    cache.clear()  # entries stored under older versions are gone or can no longer match
    assert data_version() > first + 1


def test_bump_on_a_missing_version_starts_fresh():
    before = data_version()
    cache.clear()
    data_version_bump()
    assert data_version() > before


def test_a_save_bumps_now_and_once_more_at_commit(django_capture_on_commit_callbacks):
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        VisitFactory()
        VisitFactory()
        assert data_version() > before
    assert [c for c in callbacks if c is _incr] == [_incr]


def test_in_a_request_the_second_bump_comes_as_the_view_returns(django_capture_on_commit_callbacks):
    before = data_version()
    with django_capture_on_commit_callbacks() as callbacks, bumps_at_request_end():
        VisitFactory()
        VisitFactory()
        during = data_version()
    assert during > before
    assert data_version() == during + 1
    assert _incr not in callbacks


def test_admin_save_bumps(client, editor):
    client.force_login(editor)
    org = OrganisationFactory(name="Ministry of Justice")
    page = client.get(change_url(org)).content.decode()
    version = re.search(r'name="record_version" value="([^"]+)"', page).group(1)
    before = data_version()
    response = client.post(change_url(org), form_data(org, name="Ministry of Law", record_version=version))
    assert response.status_code == 302
    assert data_version() > before


def test_api_write_bumps(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    org = OrganisationFactory()
    before = data_version()
    response = client.patch(f"/api/v1/organisations/{org.slug}/", {"acronym": "XYZ"}, format="json")
    assert response.status_code == 200, response.content
    assert data_version() > before


def test_deletion_bumps():
    visit = VisitFactory()
    before = data_version()
    visit.delete()
    assert data_version() > before


def test_many_to_many_change_bumps():
    visit, org = VisitFactory(), OrganisationFactory()
    before = data_version()
    visit.organisations.add(org)
    assert data_version() > before


def test_import_bumps_once_at_commit_without_signals(
    tmp_path, no_signals, django_capture_on_commit_callbacks
):
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = files_import(paths=[write_csv(tmp_path / "v.csv", [example()])])
    assert report.committed
    assert [c for c in callbacks if c is _incr] == [_incr]
    assert data_version() == before + 2  # at the start of the import, and at its commit


def test_parse_bumps_without_signals(no_signals):
    source = SourceFactory(status=Source.Status.PENDING)
    before = data_version()
    source_parse(source_id=source.pk)
    assert data_version() > before


def test_reparse_and_sweep_bump_without_signals(no_signals):
    source = SourceFactory(status=Source.Status.PARSED)
    before = data_version()
    sources_reparse(source_ids=[source.pk])
    assert data_version() > before
    before = data_version()
    sources_sweep(older_than=datetime.timedelta(0))
    assert data_version() > before


def test_official_merge_bumps_without_signals(no_signals):
    survivor, merged = OfficialFactory(), OfficialFactory()
    VisitFactory(visitor=merged)
    before = data_version()
    official_merge(survivor=survivor, merged=merged)
    assert data_version() > before


def test_visit_merge_bumps_without_signals(no_signals):
    survivor, merged = VisitFactory(), VisitFactory()
    before = data_version()
    visit_merge(survivor=survivor, merged=merged)
    assert data_version() > before


def test_without_signals_a_save_does_not_bump(no_signals):
    before = data_version()
    VisitFactory()
    assert data_version() == before


def test_nesting_touch_bumps_without_signals(no_signals):
    visit = VisitFactory()
    before = data_version()
    nesting_touch(record=visit.visitor)
    assert data_version() > before


def test_a_readers_suggestion_leaves_cached_answers_alone(client):
    visit = VisitFactory()
    before = data_version()
    response = client.post(
        f"/visits/{visit.pk}/", {"message": "The date is wrong: it was the 19th.", "name": "A reader"}
    )
    assert response.status_code in (200, 302)
    assert Suggestion.objects.exists()
    assert data_version() == before
