"""API test scenario: token clients for the shared editor, reader and admin."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


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


@pytest.fixture
def wsgi_in_test_transaction(db):
    """The WSGI app called directly (schemathesis in process) inside the test transaction.

    Django's request_started/finished handlers would close the test transaction's connection on
    PostgreSQL (STACK.md trap 7); django.test.Client disconnects them the same way.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
