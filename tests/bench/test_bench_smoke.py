"""The benchmark scripts keep working: each runs on a tiny data set. No timing is asserted here."""

import importlib
import json
import os
import shutil
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
def test_web_bench_runs_every_scenario_warm_and_cold_and_prints_the_table(
    tmp_path: Path, driver: str
) -> None:
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
    datasette = (ROOT / "bench" / ".venv-datasette" / "bin" / "datasette").exists()
    if not datasette:
        args.append("--no-datasette")
    done = run(args, {}, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "| scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors |" in done.stdout
    assert "| ×Datasette best (req/s) | ×Datasette defaults (req/s) | ×ceiling (req/s) |" in done.stdout
    warm, cold = done.stdout.split("#### warm")[1].split("#### cold")
    for section in (warm, cold):
        for scenario in ("timeline", "timeline_filtered", "search", "visit_page", "api_list", "api_detail"):
            assert f"| {scenario} | sqlite |" in section
            if datasette:
                assert f"| {scenario} | datasette_best |" in section
                assert f"| {scenario} | datasette |" in section
        assert "| ceiling (bare Django view) | gunicorn |" in section
    assert (tmp_path / "out" / "web-50.json").exists()
    record = json.loads((tmp_path / "out" / "web-50.json").read_text())
    ours = [r for r in record["results"] if r["target"] == "sqlite"]
    assert {r["mode"] for r in ours} == {"warm", "cold"}
    assert all(r["errors"] == 0 for r in ours), [r for r in ours if r["errors"]]
    assert "### 50 visits" in (tmp_path / "RESULTS.md").read_text()


def test_import_bench_measures_a_generated_csv_and_hsg_records(tmp_path: Path) -> None:
    hsg = tmp_path / "hsg"
    hsg.mkdir()
    shared = ROOT.parent / "shared" / "data" / "hsg" / "president-travels" / "coolidge-calvin.xml"
    sources = ["--source", "csv"]
    if shared.exists():
        shutil.copy(shared, hsg)
        sources += ["--source", "hsg", "--hsg", str(hsg)]
    args = ["bench/import.py", "--rows", "200", "--backend", "sqlite", *sources, "--data-dir", str(tmp_path)]
    done = run([*args, "--json", str(tmp_path / "import.json")], {}, timeout=240)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "| source | database | files | records | rejected | rows/s |" in done.stdout
    assert "| CSV (200 rows) | sqlite | 1 | 200 | 0 |" in done.stdout
    outcomes = json.loads((tmp_path / "import.json").read_text())["outcomes"]
    assert all(o["rows_per_s"] > 0 and o["peak_rss_mb"] > 0 for o in outcomes)
    if shared.exists():
        assert "| HSG XML | sqlite | 1 |" in done.stdout
    assert not list(tmp_path.glob("bench_import.sqlite3*"))  # dropped without --keep


def test_import_csv_is_the_archive_format_and_deterministic(tmp_path: Path) -> None:
    from visits.importers.rows import VisitRow
    from visits.importers.tabular import read_csv

    bench_import = importlib.import_module("bench.import")
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    bench_import.write_csv(a, 120, seed=3)
    bench_import.write_csv(b, 120, seed=3)
    assert a.read_bytes() == b.read_bytes()
    items = list(read_csv(a))
    assert len(items) == 120
    assert all(isinstance(item, VisitRow) for item in items), [
        i for i in items if not isinstance(i, VisitRow)
    ]
    assert any(row.meetings for row in items)
    assert any(row.organisations for row in items)
