"""Playwright against Debian's chromium and pytest-django's live server (STACK.md, trap 6)."""

import os

import pytest

from tests.conftest import in_ci
from tests.scenario import add_lived_in, build_scenario
from visits.models import Visit

# Sync Playwright runs an event loop in this thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Debian's chromium these tests skip, except in CI, which installs it (.ci/run) and fails."""
    if os.path.exists(CHROMIUM) or in_ci():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server.url


@pytest.fixture
def archive(transactional_db) -> Visit:
    """The shared scenario and its neighbours, committed so the live server sees them; the visit opened."""
    scenario = build_scenario()
    add_lived_in(scenario)
    return scenario.visit
