"""The benchmark scripts keep working: each runs on a tiny data set. No timing is asserted here."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TABLES = [
    "orgs_organisation",
    "people_official",
    "people_position",
    "visits_visit",
    "visits_visit_organisations",
    "visits_meeting",
    "visits_participant",
    "visits_source",
    "visits_evidence",
]


def run(args: list[str], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG")
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def rows(path: Path, table: str) -> list[tuple]:
    """A table's rows without the write timestamps (they differ between two runs)."""
    with sqlite3.connect(path) as conn:
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608 (constant names)
        names = [d[0] for d in cursor.description]
        keep = [i for i, name in enumerate(names) if name not in ("created_at", "updated_at")]
        return [tuple(row[i] for i in keep) for row in cursor]


def test_generate_fast_path_writes_what_bulk_create_writes(tmp_path: Path) -> None:
    written = {}
    for method in ("fast", "orm"):
        path = tmp_path / f"{method}.sqlite3"
        done = run(
            ["bench/generate.py", "--visits", "60", "--method", method, "--quiet"],
            {"DATABASE_URL": f"sqlite:///{path}"},
        )
        assert done.returncode == 0, done.stderr
        assert "generated on sqlite" in done.stdout
        assert "visits=60" in done.stdout
        written[method] = {table: rows(path, table) for table in TABLES}
    for table in TABLES:
        assert written["fast"][table], table
        assert written["fast"][table] == written["orm"][table], table


def test_generate_refuses_a_database_that_holds_visits(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    assert run(["bench/generate.py", "--visits", "20", "--quiet"], env).returncode == 0
    again = run(["bench/generate.py", "--visits", "20", "--quiet"], env)
    assert again.returncode == 2
    assert "already holds visits" in again.stderr


@pytest.mark.parametrize("driver", ["python"])
def test_web_bench_runs_every_scenario_and_prints_the_table(tmp_path: Path, driver: str) -> None:
    args = [
        "bench/web.py",
        "--visits",
        "50",
        "--backend",
        "sqlite",
        "--duration",
        "1",
        "--warmup",
        "0",
        "--connections",
        "2",
        "--no-restart",
        "--driver",
        driver,
        "--data-dir",
        str(tmp_path / "data"),
        "--out",
        str(tmp_path / "out"),
        "--markdown",
        str(tmp_path / "RESULTS.md"),
    ]
    if not (ROOT / "bench" / ".venv-datasette" / "bin" / "datasette").exists():
        args.append("--no-datasette")
    done = run(args, {}, timeout=240)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "| scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors |" in done.stdout
    for scenario in ("timeline", "timeline_filtered", "search", "visit_page", "api_list", "api_detail"):
        assert f"| {scenario} | sqlite |" in done.stdout
    assert "| ceiling (bare Django view) | gunicorn |" in done.stdout
    assert (tmp_path / "out" / "web-50.json").exists()
    assert "### 50 visits" in (tmp_path / "RESULTS.md").read_text()
