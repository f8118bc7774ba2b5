"""bench/web.py's parts without servers: what each scenario requests warm and cold, the drivers'
dealing of paths, and the report's ratios."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench import report, scenarios
from bench.runner import Result

ROOT = Path(__file__).resolve().parents[2]


def clean_env() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG")
    }


@pytest.fixture(scope="module")
def params(tmp_path_factory: pytest.TempPathFactory) -> scenarios.Params:
    path = tmp_path_factory.mktemp("scenarios") / "db.sqlite3"
    done = subprocess.run(
        [sys.executable, "bench/generate.py", "--visits", "80", "--quiet"],
        cwd=ROOT,
        env={**clean_env(), "DATABASE_URL": f"sqlite:///{path}"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return scenarios.choose_params(path, 80, seed=7)


def test_warm_repeats_one_url_and_cold_never_repeats_nor_meets_the_warm_one(params) -> None:
    for paths in (
        (scenarios.our_paths(params, "warm"), scenarios.our_paths(params, "cold")),
        (scenarios.datasette_paths(params, "warm"), scenarios.datasette_paths(params, "cold")),
        (scenarios.datasette_paths(params, "warm", True), scenarios.datasette_paths(params, "cold", True)),
    ):
        warm, cold = paths
        assert list(warm) == list(cold)
        expected = [s for s in scenarios.SCENARIOS if s in warm]
        assert list(warm) == expected and set(scenarios.SCENARIOS) - set(warm) <= set(scenarios.AGGREGATES)
        for scenario in warm:
            assert len(warm[scenario]) == 1
            assert len(cold[scenario]) > 20, scenario
            assert len(set(cold[scenario])) == len(cold[scenario]), scenario
            assert warm[scenario][0] not in cold[scenario], scenario


def test_datasette_best_adds_the_flags_to_table_queries_only(params) -> None:
    for mode in scenarios.MODES:
        best = scenarios.datasette_paths(params, mode, best=True)
        defaults = scenarios.datasette_paths(params, mode)
        for scenario in ("timeline", "timeline_filtered", "search", "api_list", "api_list_filtered"):
            assert all(scenarios.DS_BEST_FLAGS in p for p in best[scenario])
            assert not any("_nocount" in p for p in defaults[scenario])
            assert [p.replace(f"&{scenarios.DS_BEST_FLAGS}", "") for p in best[scenario]] == defaults[
                scenario
            ]
        assert best["api_detail"] == defaults["api_detail"]


def test_cold_pages_go_on_from_a_visit_as_each_server_reads_cursors(params) -> None:
    date, pk = params.cursors[0]
    cold = scenarios.our_paths(params, "cold")
    assert cold["timeline"][0] == f"/visits/?before={date}_{pk}"
    assert cold["api_list"][0] == f"/api/v1/visits/?cursor={scenarios.api_cursor(date, pk)}"
    ds = scenarios.datasette_paths(params, "cold")
    assert ds["timeline"][0].startswith(f"{scenarios.DS_TABLE}?_next={date},{pk}&_sort_desc=start_date")


def test_load_driver_deals_distinct_paths_to_its_connections(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    seen: list[str] = []

    class Recorder:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def request(self, method: str, path: str, headers: dict) -> None:
            seen.append(path)
            raise TimeoutError  # counted as a timeout; the worker goes on with its next path

        def close(self) -> None:
            pass

    paths = [f"/p{i}" for i in range(100)]
    out: dict = {}
    original = load.http.client.HTTPConnection
    load.http.client.HTTPConnection = Recorder
    try:
        for k in range(4):
            seen.clear()
            load.worker(0, paths, k, 4, deadline=time.monotonic() + 0.02, timeout=1, out=out)
            assert seen[:3] == [f"/p{k}", f"/p{k + 4}", f"/p{k + 8}"]
    finally:
        load.http.client.HTTPConnection = original


def result(target: str, scenario: str, rps: float, mode: str = "warm", **kw) -> Result:
    return Result(target, scenario, rps, 10, 20, 30, 0, int(rps * 10), mode=mode, **kw)


def test_report_gives_each_scenario_its_ratio_to_datasette_best_and_defaults_per_mode() -> None:
    results = [
        result("sqlite", "timeline", 40),
        result("datasette_best", "timeline", 20),
        result("datasette", "timeline", 10),
        result("sqlite", "timeline", 30, "cold", distinct=1000),
        result("datasette_best", "timeline", 60, "cold", distinct=100),
        result("datasette", "timeline", 0, "cold", distinct=100),
        result("ceiling", "ceiling", 400, ""),
    ]
    text = report.table("1k", results)
    warm, cold = text.split("#### warm")[1].split("#### cold")
    assert "| timeline | sqlite | 40.0 | 10.0 | 20.0 | 30.0 | 0 | 0 | 2.00 | 4.00 | 0.10 |" in warm
    assert (
        "| timeline | sqlite | 30.0 | 10.0 | 20.0 | 30.0 | 0 | 0 | 0.50 | ∞ (theirs: none finished) | 0.07 |"
        in cold
    )
    assert "| timeline | datasette_best | 60.0 † |" in cold
    assert "† more requests than distinct URLs" in cold
    assert "none finished in the run" in cold


def test_report_reads_results_recorded_before_the_modes() -> None:
    old = {"target": "datasette", "scenario": "timeline", "rps": 5.0, "p50_ms": 1, "p95_ms": 2, "p99_ms": 3}
    old |= {"errors": 0, "requests": 50, "rss_mb": 60, "status": {"200": 50}}
    loaded = report.load_result(old)
    assert loaded.mode == ""
    assert "| timeline | datasette | 5.0 |" in report.table("10k", [loaded])


def test_the_aggregate_pages_are_ours_alone_and_name_real_countries(params) -> None:
    assert set(scenarios.AGGREGATES) <= set(scenarios.our_paths(params, "cold"))
    assert not set(scenarios.AGGREGATES) & set(scenarios.datasette_paths(params, "cold", True))
    cold = scenarios.our_paths(params, "cold")
    assert all(path.count("/") == 4 for path in cold["pair"])  # /countries/A/B/
    assert all(a != b for a, b in params.pairs)
    assert params.destination not in params.countries
