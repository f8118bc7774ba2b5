import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: ingests the whole HSG data set once (well under a minute)")
