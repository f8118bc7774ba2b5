"""API test scenario: token clients for the shared editor, reader and admin; a clean throttle cache."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The shared users are created with passwords; hashing them properly costs a second per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # Throttle counts live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


def token_client(user) -> APIClient:
    client = APIClient()
    if user is not None:
        token = Token.objects.create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anon_client(db) -> APIClient:
    return APIClient()


@pytest.fixture
def editor_client(editor) -> APIClient:
    return token_client(editor)


@pytest.fixture
def reader_client(reader) -> APIClient:
    return token_client(reader)


@pytest.fixture
def admin_client_token(admin_user) -> APIClient:
    return token_client(admin_user)
