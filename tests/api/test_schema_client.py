"""A typed client generated from the schema works against the running app, as another organisation's would.

openapi-python-client (pinned in requirements-dev.txt, no network needed) reads the file
`manage.py spectacular --file` writes; the generated package is imported from a temporary directory and
talks HTTP to pytest-django's live server.
"""

import datetime
import importlib
import pkgutil
import subprocess
import sys

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from tests.factories import VisitFactory

PACKAGE = "archive_client"
# No post hooks: the generated code is imported, not read, so it needs no ruff run (or ruff on PATH).
GENERATOR_CONFIG = "post_hooks: []\n"


@pytest.fixture(scope="module")
def archive_client(tmp_path_factory):
    """The generated package, imported; removed from sys.modules afterwards."""
    root = tmp_path_factory.mktemp("client")
    schema_file, config_file = root / "schema.yml", root / "config.yml"
    call_command("spectacular", "--fail-on-warn", "--file", str(schema_file))
    config_file.write_text(GENERATOR_CONFIG)
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--meta", "none"]
    command += [
        "--path",
        str(schema_file),
        "--config",
        str(config_file),
        "--output-path",
        str(root / PACKAGE),
    ]
    generated = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    output = generated.stdout + generated.stderr
    assert generated.returncode == 0, output
    # The one thing the generator skips is the text/plain body of POST /sources/ (JSON works too).
    assert output.count("WARNING") == 1 and "Unsupported content type text/plain" in output, output
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module(PACKAGE)
        for module in pkgutil.walk_packages(package.__path__, f"{PACKAGE}."):
            importlib.import_module(module.name)
        yield package
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def test_generated_client_reads_anonymously_writes_with_a_token_and_gets_typed_errors(
    archive_client, live_server, transactional_db, editor
):
    from archive_client import AuthenticatedClient, Client
    from archive_client.api.visits import visits_create, visits_list, visits_retrieve
    from archive_client.models import (
        CountryEnum,
        Error,
        PaginatedVisitListList,
        Visit,
        VisitInputRequest,
        VisitKindEnum,
    )

    visit = VisitFactory(start_date=datetime.date(2024, 5, 18))
    token = Token.objects.create(user=editor)
    body = VisitInputRequest(destination_country=CountryEnum.KZ, start_date=datetime.date(2025, 3, 4))
    # The generator types every operation that lists a security scheme as needing AuthenticatedClient,
    # even with {} (anonymous) among them (openapi-python-client issue #1372); a plain Client works.
    with Client(base_url=live_server.url, raise_on_unexpected_status=True) as anonymous:
        page = visits_list.sync(
            client=anonymous, year=2024, destination=CountryEnum.TJ, reviewed=False, count=True
        )
        assert isinstance(page, PaginatedVisitListList)
        assert page.count == 1 and [v.id for v in page.results] == [visit.id]
        assert page.results[0].destination_country.code is CountryEnum.TJ

        read = visits_retrieve.sync_detailed(client=anonymous, id=visit.id)
        assert read.status_code == 200 and read.headers["ETag"]
        assert isinstance(read.parsed, Visit) and read.parsed.kind is VisitKindEnum.WORKING

        refused = visits_create.sync(client=anonymous, body=body)
        assert isinstance(refused, Error) and refused.detail

    with AuthenticatedClient(base_url=live_server.url, token=token.key, prefix="Token") as editor_client:
        created = visits_create.sync_detailed(client=editor_client, body=body)
        assert created.status_code == 201, created.content
        assert isinstance(created.parsed, Visit)
        assert created.parsed.destination_country.code is CountryEnum.KZ
        assert created.headers["Location"] == created.parsed.api_url

        # A visitor nobody is: well-formed input that conflicts with the archive, a typed 409.
        invalid = VisitInputRequest(destination_country=CountryEnum.KZ, visitor="no-such-official")
        answer = visits_create.sync_detailed(client=editor_client, body=invalid)
        assert answer.status_code == 409 and isinstance(answer.parsed, Error)
        assert answer.parsed["visitor"] and all(isinstance(m, str) for m in answer.parsed["visitor"])
