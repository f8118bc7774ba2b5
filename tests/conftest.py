"""The shared scenario: an editor, a reader and an outsider; and service checks for CI."""

import os

import pytest
from django.contrib.auth.models import Group, Permission, User

EDITOR_MODELS = (
    "visit",
    "meeting",
    "participant",
    "official",
    "position",
    "organisation",
    "source",
    "evidence",
)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture
def editor(db) -> User:
    """A staff user with add/change/delete/view on every record an editor curates."""
    group, _ = Group.objects.get_or_create(name="Editors")
    perms = Permission.objects.filter(content_type__model__in=EDITOR_MODELS)
    group.permissions.set(perms)
    user = User.objects.create_user("editor", "editor@example.org", "editor-pass-123", is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def reader(db) -> User:
    """A signed-in user with no permissions."""
    return User.objects.create_user("reader", "reader@example.org", "reader-pass-123")


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser("admin", "admin@example.org", "admin-pass-123")
