"""The web benchmark's report: the table per size (warm and cold), the machine, and RESULTS.md."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import sqlite3
from pathlib import Path

from bench.runner import Result
from bench.scenarios import SCENARIOS
from bench.shared import log, pg_admin

TARGETS = ("postgresql", "sqlite", "datasette_best", "datasette")
MODE_TITLES = {
    "warm": "warm: every request of a scenario is the same URL",
    "cold": "cold: every request is a distinct URL (no response cache can serve it)",
}
HEADER = (
    "| scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS/worker MB "
    "| ×Datasette best (req/s) | ×Datasette defaults (req/s) | ×ceiling (req/s) |"
)


def ratio(a: float, b: float | None) -> str:
    if b is None:
        return "-"
    if b == 0:
        return "∞ (theirs: none finished)" if a else "-"
    return f"{a / b:.2f}"


def _rows(by: dict, mode: str, ceiling: Result | None) -> list[str]:
    lines = []
    repeated = False
    for target in TARGETS:
        for scenario in SCENARIOS:
            r = by.get((target, scenario, mode))
            if r is None:
                continue
            best = by.get(("datasette_best", scenario, mode))
            ds = by.get(("datasette", scenario, mode))
            if r.requests == 0:
                # wrk counts only finished requests: none finished within the run.
                none = "0 | none finished in the run | | | |"
                lines.append(f"| {scenario} | {target} | {none} {r.rss_mb:.0f} | 0 | 0 | 0 |")
                continue
            mark = ""
            if mode == "cold" and r.distinct and r.requests > r.distinct:
                mark, repeated = " †", True
            ratios = [ratio(r.rps, other.rps if other else None) for other in (best, ds, ceiling)]
            lines.append(
                f"| {scenario} | {target} | {r.rps:.1f}{mark} | {r.p50_ms:.1f} | {r.p95_ms:.1f} "
                f"| {r.p99_ms:.1f} | {r.errors} | {r.rss_mb:.0f} | " + " | ".join(ratios) + " |"
            )
    if ceiling:
        c = ceiling
        lines.append(
            f"| ceiling (bare Django view) | gunicorn | {c.rps:.1f} | {c.p50_ms:.1f} | {c.p95_ms:.1f} "
            f"| {c.p99_ms:.1f} | {c.errors} | {c.rss_mb:.0f} | - | - | 1.00 |"
        )
    if repeated:
        lines += ["", "† more requests than distinct URLs: the driver went round the list again."]
    return lines


def table(label: str, results: list[Result]) -> str:
    by = {(r.target, r.scenario, r.mode): r for r in results}
    ceiling = next((r for r in results if r.target == "ceiling"), None)
    modes = [m for m in ("warm", "cold", "") if any(r.mode == m and r.target != "ceiling" for r in results)]
    lines = [f"### {label} visits"]
    for mode in modes:
        lines += [""]
        if mode:
            lines += [f"#### {MODE_TITLES[mode]}", ""]
        lines += [HEADER, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", *_rows(by, mode, ceiling)]
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, IndexError, ValueError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    pg = pg_admin("psql", "-tAc", "SHOW server_version", "postgres").stdout.strip() or "?"
    return (
        f"{os.cpu_count()} cores ({cpu}){mem}; {platform.platform()}; Python {platform.python_version()}; "
        f"PostgreSQL {pg}; SQLite {sqlite3.sqlite_version}"
    )


def load_result(raw: dict) -> Result:
    """A Result from a JSON record, older ones (before the warm/cold modes) included."""
    return Result(**{k: v for k, v in raw.items() if k in Result.__dataclass_fields__})


def write_markdown(path: Path, out_dir: Path) -> None:
    runs = []
    for f in sorted(out_dir.glob("web-*.json")):
        runs.append(json.loads(f.read_text()))
    runs.sort(key=lambda r: r["visits"])
    parts = [
        "# Web benchmark: latest results",
        "",
        "Written by `bench/web.py --markdown bench/RESULTS.md` (see bench/README.md for what each scenario "
        "requests and how). Notes on targets and profiles are kept below the tables by hand.",
        "",
    ]
    for run in runs:
        results = [load_result(r) for r in run["results"]]
        parts += [
            f"Run {run['date']} of {run.get('code', '?')} on {run['machine']}; "
            f"{run['duration']} s per scenario after "
            f"{run['warmup']} s warm-up, {run['connections']} connections, driver {run['driver']}; "
            f"gunicorn {run['workers']} sync workers; parameters {run['params']}.",
            "",
            table(run["label"], results),
            "",
        ]
    scaling = scaling_lines(runs)
    if scaling:
        parts += ["### Scaling (p95 at each size / p95 at the smallest)", "", *scaling, ""]
    notes_marker = "<!-- notes -->"
    old = path.read_text() if path.exists() else ""
    notes = old[old.index(notes_marker) :] if notes_marker in old else f"{notes_marker}\n"
    path.write_text("\n".join(parts) + "\n" + notes)
    log(f"wrote {path}")


def scaling_lines(runs: list[dict]) -> list[str]:
    if len(runs) < 2:
        return []

    def key(x: dict) -> tuple:
        return x["target"], x["scenario"], x.get("mode", "")

    base = {key(r): r for r in runs[0]["results"]}
    lines = ["| scenario | server | mode | " + " | ".join(r["label"] for r in runs[1:]) + " |"]
    lines.append("|---|---|---|" + "---:|" * (len(runs) - 1))
    for mode in ("warm", "cold", ""):
        for target in TARGETS:
            for scenario in SCENARIOS:
                b = base.get((target, scenario, mode))
                if not b:
                    continue
                cells = []
                for run in runs[1:]:
                    r = {key(x): x for x in run["results"]}.get((target, scenario, mode))
                    cells.append(f"{r['p95_ms'] / b['p95_ms']:.2f}" if r and b["p95_ms"] else "-")
                lines.append(f"| {scenario} | {target} | {mode or '-'} | " + " | ".join(cells) + " |")
    return lines
