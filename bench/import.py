"""Import throughput: `manage.py ingest` of a generated CSV and of the HSG records, in rows per second.

    .venv/bin/python bench/import.py                      # 100,000 CSV rows and the HSG records, PostgreSQL
    .venv/bin/python bench/import.py --rows 10000 --backend sqlite --backend postgresql

The CSV is the archive's own import format (visits/importers/tabular.py: every column of `COLUMNS`
plus `organisations`), written to a temporary directory from a fixed seed: visitors drawn from a pool
of N/10 officials (Zipf-skewed, as bench/generate.py draws them), destinations from a Zipf-skewed
country list, dates 1946-2026 (2 % month precision), a purpose and a summary, 0-3 meetings with their
participants as JSON, and an organisation on one row in ten. The HSG records are the Office of the
Historian's XML (default: shared/data/hsg beside the repository; --hsg PATH).

Each import runs the `ingest` command (`manage.py ingest PATH --skip-rejected`, through call_command in
a child process) in a fresh database (PostgreSQL `bench_import` or a SQLite file; migrated first, not
timed) with production settings (DEBUG off). Printed per import: the records read and rejected, rows/s
over the command's run (reading, resolving people, writing; one transaction; Django's start excluded),
the command's CPU seconds (its process only: PostgreSQL's work is not in them) and the load average
when it began (rows/s is wall time: on a shared machine compare CPU seconds), the wall time of the
process (start included) and its peak RSS (the child's rusage).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import code_version, fresh_pg, migrate
from bench.generate import FIRST, KIND_WEIGHTS, KINDS, LAST, PURPOSES, TITLES, TOP_COUNTRIES, TOPICS
from bench.shared import PG_URL, ROOT, pg_admin

PG_DB = "bench_import"
HSG_DEFAULT = ROOT.parent / "shared" / "data" / "hsg"
SUMMARY = re.compile(r"^(\d+) files, (\d+) records, ([\d.]+) s \((.+)\)$", re.M)
ORGANISATIONS = ["United Nations", "European Union", "Shanghai Cooperation Organisation", "African Union"]


def log(message: str) -> None:
    print(f"[import {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _zipf(items: list, s: float, rng: random.Random):
    weights = [1.0 / (r**s) for r in range(1, len(items) + 1)]
    return lambda: rng.choices(items, weights=weights)[0]


def write_csv(path: Path, rows: int, seed: int) -> None:
    """rows visits in the archive's CSV import format, the same file for the same rows and seed."""
    import pycountry

    from visits.importers.tabular import COLUMNS, OPTIONAL_COLUMNS

    rng = random.Random(seed)
    others = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in TOP_COUNTRIES)
    rng.shuffle(others)
    country = _zipf(TOP_COUNTRIES + others, 1.1, rng)

    def person() -> dict:
        return {
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "title": rng.choice(TITLES),
            "country": country(),
        }

    officials = [person() for _ in range(max(10, rows // 10))]
    visitor = _zipf(officials, 0.9, rng)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, fieldnames=[*COLUMNS, *OPTIONAL_COLUMNS], lineterminator="\r\n")
        out.writeheader()
        for i in range(1, rows + 1):
            who = visitor()
            dest = country()
            while dest == who["country"]:
                dest = country()
            start = f"{rng.randint(1946, 2026)}-{rng.randint(1, 12):02d}"
            month_only = rng.random() < 0.02
            day = rng.randint(1, 28)
            t, u = rng.sample(TOPICS, 2)
            meetings = [
                {
                    "date": None if month_only else f"{start}-{min(28, day + m):02d}",
                    "city": f"{dest} capital",
                    "country": dest,
                    "name": None,
                    "participants": [who, {**person(), "country": dest}],
                }
                for m in range(rng.choice((0, 1, 1, 2, 3)))
            ]
            out.writerow(
                {
                    "external_scheme": "bench-import",
                    "external_id": str(i),
                    "visitor_name": who["name"],
                    "visitor_title": who["title"],
                    "visitor_country": who["country"],
                    "origin_country": who["country"],
                    "destination_country": dest,
                    "destination_city": f"{dest} capital",
                    "start_date": start if month_only else f"{start}-{day:02d}",
                    "end_date": "" if month_only else f"{start}-{min(28, day + rng.randint(0, 3)):02d}",
                    "date_precision": "",
                    "kind": rng.choices(KINDS, weights=KIND_WEIGHTS)[0],
                    "status": "completed",
                    "purpose": rng.choice(PURPOSES).format(t=t, u=u),
                    "summary": f"{who['title']} {who['name']} visited {dest} for talks on {t} and {u}.",
                    "meetings": json.dumps(meetings) if meetings else "",
                    "organisations": rng.choice(ORGANISATIONS) if rng.random() < 0.1 else "",
                }
            )


def env_for(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(32),
        "LOG_LEVEL": "WARNING",
    }


@dataclass
class Outcome:
    source: str
    backend: str
    files: int
    records: int
    ingest_s: float
    cpu_s: float
    load: float
    wall_s: float
    peak_rss_mb: float
    mode: str
    rejected: int = 0

    @property
    def rows_per_s(self) -> float:
        return self.records / self.ingest_s if self.ingest_s else 0.0


def fresh_database(backend: str, data_dir: Path, pg_db: str = PG_DB) -> str:
    if backend == "postgresql":
        return fresh_pg(pg_db)
    path = data_dir / "bench_import.sqlite3"
    for p in data_dir.glob(f"{path.name}*"):
        p.unlink()
    return f"sqlite:///{path}"


# Runs in the child: the command itself, timed without Django's start (the command prints 0.1 s steps).
RUNNER = """
import sys, time, django
django.setup()
from django.core.management import call_command
from django.core.management.base import CommandError
started, cpu = time.perf_counter(), time.process_time()
try:
    call_command("ingest", sys.argv[1], skip_rejected=True)
except CommandError as exc:
    print(f"CommandError: {exc}")
print(f"BENCH_SECONDS {time.perf_counter() - started:.6f}", flush=True)
print(f"BENCH_CPU {time.process_time() - cpu:.6f}", flush=True)
"""


def ingest(
    source: str, path: Path, backend: str, data_dir: Path, log_dir: Path, pg_db: str = PG_DB
) -> Outcome:
    """Time `manage.py ingest PATH --skip-rejected` in a fresh, migrated database; peak RSS from the
    process's rusage."""
    url = fresh_database(backend, data_dir, pg_db)
    migrate(url)
    out_path = log_dir / f"ingest-{source}-{backend}.log"
    started, load = time.monotonic(), os.getloadavg()[0]
    with out_path.open("w") as out:
        argv = [sys.executable, "-c", RUNNER, str(path)]
        proc = subprocess.Popen(argv, cwd=ROOT, env=env_for(url), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    text = out_path.read_text()
    found, timed = SUMMARY.search(text), re.search(r"^BENCH_SECONDS ([\d.]+)$", text, re.M)
    cpu = re.search(r"^BENCH_CPU ([\d.]+)$", text, re.M)
    if code or found is None or timed is None or cpu is None:
        raise SystemExit(f"ingest of {path} into {backend} failed (exit {code}):\n{text[-3000:]}")
    files, records, _, mode = found.groups()
    rejected = re.search(r"(\d+) rejected;", text)
    outcome = Outcome(
        source=source,
        backend=backend,
        files=int(files),
        records=int(records),
        ingest_s=float(timed.group(1)),
        cpu_s=float(cpu.group(1)),
        load=load,
        wall_s=wall,
        peak_rss_mb=usage.ru_maxrss / 1024,
        mode=mode,
        rejected=int(rejected.group(1)) if rejected else 0,
    )
    log(
        f"{source:4} {backend:10} {outcome.records:8} records  {outcome.rows_per_s:9.1f} rows/s  "
        f"ingest {outcome.ingest_s:7.2f} s  CPU {outcome.cpu_s:7.2f} s  load {load:4.1f}  "
        f"wall {wall:7.1f} s  peak RSS {outcome.peak_rss_mb:6.0f} MB"
        + (f"  ({outcome.rejected} rejected; see {out_path.name})" if rejected else "")
    )
    return outcome


def table(outcomes: list[Outcome], rows: int) -> str:
    lines = [
        "| source | database | files | records | rejected | rows/s | ingest s | CPU s | load | wall s "
        "| peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for o in outcomes:
        name = f"CSV ({rows} rows)" if o.source == "csv" else "HSG XML"
        lines.append(
            f"| {name} | {o.backend} | {o.files} | {o.records} | {o.rejected} | {o.rows_per_s:.1f} "
            f"| {o.ingest_s:.2f} | {o.cpu_s:.2f} | {o.load:.1f} | {o.wall_s:.1f} | {o.peak_rss_mb:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rows", type=int, default=100_000, help="CSV rows to generate (default %(default)s)."
    )
    parser.add_argument(
        "--backend", action="append", choices=("postgresql", "sqlite"), help="Default: postgresql (repeat)."
    )
    parser.add_argument("--source", action="append", choices=("csv", "hsg"), help="Default: both (repeat).")
    parser.add_argument("--hsg", default=str(HSG_DEFAULT), help="HSG records (default %(default)s).")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", default="/tmp/archive-bench", help="SQLite file (default %(default)s).")
    parser.add_argument("--pg-db", default=PG_DB, help="PostgreSQL database (default %(default)s).")
    parser.add_argument("--keep", action="store_true", help="Keep the last database (--pg-db or the file).")
    parser.add_argument("--json", help="Also write the outcomes to this JSON file.")
    args = parser.parse_args(argv)
    backends = args.backend or ["postgresql"]
    sources = args.source or ["csv", "hsg"]
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    hsg = Path(args.hsg)
    if "hsg" in sources and not hsg.exists():
        log(f"no HSG records at {hsg}; skipping them")
        sources.remove("hsg")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        tmp_dir = Path(tmp)
        paths = {"hsg": hsg}
        if "csv" in sources:
            paths["csv"] = tmp_dir / f"visits-{args.rows}.csv"
            started = time.monotonic()
            write_csv(paths["csv"], args.rows, args.seed)
            size = paths["csv"].stat().st_size / 1e6
            log(f"wrote {args.rows} rows ({size:.1f} MB) in {time.monotonic() - started:.1f} s")
        for backend in backends:
            for source in sources:
                outcomes.append(ingest(source, paths[source], backend, data_dir, tmp_dir, args.pg_db))
    if not args.keep:
        if "postgresql" in backends:
            pg_admin("dropdb", "--if-exists", args.pg_db)
        for p in data_dir.glob("bench_import.sqlite3*"):
            p.unlink()
    print()
    print(table(outcomes, args.rows))
    print(flush=True)
    if args.json:
        record = [{**o.__dict__, "rows_per_s": o.rows_per_s} for o in outcomes]
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        meta = {"rows": args.rows, "date": when, "code": code_version(), "pg": PG_URL}
        Path(args.json).write_text(json.dumps({**meta, "outcomes": record}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
