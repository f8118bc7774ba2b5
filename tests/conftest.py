"""The shared scenario: an editor, a reader and an outsider; and service checks for CI."""

import os

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from common.accounts import editors_group
from tests.scenario import Scenario, build_scenario


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture
def editor(db) -> User:
    """A staff user in the Editors group (every permission on the archive's own models)."""
    user = User.objects.create_user("editor", "editor@example.org", "editor-pass-123", is_staff=True)
    user.groups.add(editors_group())
    return user


@pytest.fixture
def reader(db) -> User:
    """A signed-in user with no permissions."""
    return User.objects.create_user("reader", "reader@example.org", "reader-pass-123")


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser("admin", "admin@example.org", "admin-pass-123")


@pytest.fixture(autouse=True)
def eager_celery(settings):
    """Tasks run in process unless a test starts a real worker (tests/visits/test_worker.py)."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The shared users are created with passwords; hashing them properly costs a second per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Throttle counts (API, suggestions) live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scenario(db) -> Scenario:
    """The shared scenario (tests/scenario.py): two prosecutors general who met, a source, more visits."""
    return build_scenario()
