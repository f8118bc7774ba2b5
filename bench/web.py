"""Load-test the archive's pages and API under gunicorn, against Datasette and a bare Django view.

    .venv/bin/python bench/web.py --visits 10000 --visits 100000 --visits 1000000

For each size: fills a PostgreSQL database and a SQLite file with the same rows (bench/generate.py,
same seed), serves each with gunicorn (production settings, 2 sync workers), and drives every
scenario from a second process on loopback (wrk when installed, else bench/load.py) for a fixed time
with a fixed number of connections: requests/s, p50/p95/p99 latency, errors (non-2xx and socket
errors) and the peak RSS of each worker. The SQLite file is copied (with its indexes, plus an FTS5
index for the search) and served by Datasette (`datasette serve -i`, from bench/.venv-datasette), which
gets the equivalent table HTML and JSON queries; a bare Django view under the same gunicorn setup gives
the ceiling. Every scenario is printed with its throughput as a ratio to Datasette's equivalent and to
the ceiling. Results go to bench/out/web-<size>.json; --markdown writes the combined table.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VENV_BIN = Path(sys.executable).parent
DATASETTE_VENV = BENCH / ".venv-datasette"
PG_URL = os.environ.get("BENCH_PG", "postgres://root@127.0.0.1:5432")
SEARCH_WORD = "energy"
YEAR = 2015
DS_DB = "archive"  # Datasette names the database after the file

# Our scenarios, in print order; each has a Datasette equivalent (None: not comparable).
SCENARIOS = [
    "timeline",
    "timeline_filtered",
    "search",
    "visit_page",
    "api_list",
    "api_list_filtered",
    "api_detail",
]
# Datasette's equivalents: a table page or its JSON, 50 rows, newest first.
DS_TABLE = f"/{DS_DB}/visits_visit"


def label_of(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def log(message: str) -> None:
    print(f"[web {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- data ----------------------------------------------------------------------------------------------


def run_generate(n: int, database_url: str, seed: int) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(32)}
    subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "--visits", str(n), "--seed", str(seed)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def migrate(database_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(32)}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)


def code_version() -> str:
    """The commit under test, marked when the work tree differs from it (the servers run the tree)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return head.stdout.strip() + (" + uncommitted changes" if dirty.stdout.strip() else "")


def pg_admin(*args: str) -> subprocess.CompletedProcess:
    host = PG_URL.split("@")[-1].split(":")[0]
    port = PG_URL.rsplit(":", 1)[-1]
    return subprocess.run([*args, "-h", host, "-p", port, "-U", "root"], capture_output=True, text=True)


def pg_visits(dbname: str) -> int | None:
    """Visits in the database, or None when it does not exist or is not filled."""
    import psycopg

    try:
        with psycopg.connect(f"{PG_URL}/{dbname}", connect_timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM visits_visit").fetchone()[0]
    except psycopg.Error:
        return None


def sqlite_visits(path: Path) -> int | None:
    if not path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return conn.execute("SELECT count(*) FROM visits_visit").fetchone()[0]
    except sqlite3.Error:
        return None


def ensure_pg(n: int, seed: int, reuse: bool) -> str:
    dbname = f"bench_{label_of(n).lower()}"
    if reuse and pg_visits(dbname) == n:
        log(f"postgresql: reusing {dbname} (migrating it to the code under test)")
        migrate(f"{PG_URL}/{dbname}")
    else:
        pg_admin("dropdb", "--if-exists", dbname)
        created = pg_admin("createdb", dbname)
        if created.returncode:
            raise SystemExit(f"createdb {dbname} failed: {created.stderr}")
        log(f"postgresql: generating {n} visits into {dbname}")
        run_generate(n, f"{PG_URL}/{dbname}", seed)
    return f"{PG_URL}/{dbname}"


def ensure_sqlite(n: int, seed: int, reuse: bool, data_dir: Path) -> Path:
    path = data_dir / f"bench_{label_of(n)}.sqlite3"
    if reuse and sqlite_visits(path) == n:
        log(f"sqlite: reusing {path} (migrating it to the code under test)")
        migrate(f"sqlite:///{path}")
        return path
    for p in data_dir.glob(f"{path.name}*"):
        p.unlink()
    log(f"sqlite: generating {n} visits into {path}")
    run_generate(n, f"sqlite:///{path}", seed)
    return path


def export_for_datasette(source: Path, data_dir: Path, n: int) -> Path:
    """A standalone copy of the project's SQLite database (same tables and indexes) plus an FTS5 index."""
    folder = data_dir / f"datasette_{label_of(n)}"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{DS_DB}.db"
    if target.exists() and sqlite_visits(target) == n:
        return target
    target.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(source)) as conn:
        conn.execute("VACUUM INTO ?", (str(target),))
    with contextlib.closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        # What `sqlite-utils enable-fts` sets up, and Datasette's ?_search= uses.
        conn.executescript(
            """
            CREATE VIRTUAL TABLE visits_visit_fts USING fts5(
                visitor_name, destination_city, purpose, summary, content='visits_visit', content_rowid='id'
            );
            INSERT INTO visits_visit_fts(visits_visit_fts) VALUES ('rebuild');
            ANALYZE;
            """
        )
        conn.commit()
    return target


@dataclass
class Params:
    destination: str
    year: int
    word: str
    ids: list[int]


def choose_params(sqlite_path: Path, n: int, seed: int) -> Params:
    """The most visited destination, a recent year, a common word, and a sample of visit ids."""
    with contextlib.closing(sqlite3.connect(sqlite_path)) as conn:
        destination = conn.execute(
            "SELECT destination_country FROM visits_visit GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    rng = random.Random(seed)
    ids = [rng.randint(1, n) for _ in range(min(500, n))]
    return Params(destination=destination, year=YEAR, word=SEARCH_WORD, ids=ids)


def our_paths(p: Params) -> dict[str, list[str]]:
    filt = f"destination={p.destination}&year={p.year}"
    return {
        "timeline": ["/visits/"],
        "timeline_filtered": [f"/visits/?{filt}"],
        "search": [f"/visits/?q={p.word}"],
        "visit_page": [f"/visits/{i}/" for i in p.ids],
        "api_list": ["/api/v1/visits/"],
        "api_list_filtered": [f"/api/v1/visits/?{filt}"],
        "api_detail": [f"/api/v1/visits/{i}/" for i in p.ids],
    }


def datasette_paths(p: Params) -> dict[str, list[str]]:
    page = "_sort_desc=start_date&_size=50"
    filt = (
        f"destination_country={p.destination}&start_date__gte={p.year}-01-01"
        f"&start_date__lt={p.year + 1}-01-01&{page}"
    )
    return {
        "timeline": [f"{DS_TABLE}?{page}"],
        "timeline_filtered": [f"{DS_TABLE}?{filt}"],
        "search": [f"{DS_TABLE}?_search={p.word}&{page}"],
        "visit_page": [f"{DS_TABLE}/{i}" for i in p.ids],
        "api_list": [f"{DS_TABLE}.json?{page}"],
        "api_list_filtered": [f"{DS_TABLE}.json?{filt}"],
        "api_detail": [f"{DS_TABLE}/{i}.json" for i in p.ids],
    }


# --- servers -------------------------------------------------------------------------------------------


def server_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        # The load comes from one address: the anonymous API throttle (600/hour) would answer 429s.
        "API_THROTTLE_ANON": "1000000/second",
    }


def collectstatic(database_url: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=server_env(database_url),
        check=True,
    )


class Server:
    """A server process (gunicorn or Datasette) with an RSS sampler over its request-serving processes."""

    def __init__(self, name: str, argv: list[str], env: dict[str, str], port: int, probe: str) -> None:
        self.name, self.port, self.probe = name, port, probe
        self.log_path = BENCH / "out" / f"server-{name}.log"
        self.log_path.parent.mkdir(exist_ok=True)
        self._log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self.peak_rss: dict[int, int] = {}
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{self.port}{self.probe}"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        else:
            raise RuntimeError(f"{self.name} not ready after {timeout} s; see {self.log_path}")
        time.sleep(0.5)  # let every worker finish booting
        self._sampler.start()

    def workers(self) -> list[int]:
        """gunicorn's workers (the master's children), or the process itself (Datasette)."""
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        except OSError:
            return []
        return [int(c) for c in children] or [self.proc.pid]

    def _sample(self) -> None:
        while not self._stop.is_set():
            for pid in self.workers():
                with contextlib.suppress(OSError, ValueError):
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith(("VmRSS:", "VmHWM:")):
                            kb = int(line.split()[1])
                            self.peak_rss[pid] = max(self.peak_rss.get(pid, 0), kb)
            self._stop.wait(0.2)

    def peak_mb(self) -> float:
        return max(self.peak_rss.values(), default=0) / 1024

    def stop(self) -> None:
        self._stop.set()
        self.proc.send_signal(signal.SIGINT)  # gunicorn: quick shutdown, no waiting on slow requests
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()


def gunicorn(name: str, app: str, database_url: str, workers: int) -> Server:
    port = free_port()
    argv = [
        str(VENV_BIN / "gunicorn"),
        app,
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--timeout",
        "30",
        "--log-level",
        "warning",
    ]
    probe = "/__ceiling__" if "ceiling" in app else "/api/v1/"
    return Server(name, argv, server_env(database_url), port, probe)


def ensure_datasette_venv() -> Path | None:
    exe = DATASETTE_VENV / "bin" / "datasette"
    if exe.exists():
        return exe
    log(f"creating {DATASETTE_VENV} from bench/requirements-datasette.txt")
    python = shutil.which("python3") or sys.executable
    try:
        subprocess.run([python, "-m", "venv", str(DATASETTE_VENV)], check=True)
        pip = DATASETTE_VENV / "bin" / "pip"
        subprocess.run(
            [str(pip), "install", "-q", "-r", str(BENCH / "requirements-datasette.txt")], check=True
        )
    except subprocess.CalledProcessError as exc:
        log(f"could not install Datasette ({exc}); skipping it")
        return None
    return exe


def datasette(exe: Path, db: Path) -> Server:
    port = free_port()
    argv = [str(exe), "serve", "-i", str(db), "-h", "127.0.0.1", "-p", str(port)]
    return Server("datasette", argv, dict(os.environ), port, f"/{DS_DB}.json")


# --- load ----------------------------------------------------------------------------------------------


@dataclass
class Result:
    target: str  # postgresql, sqlite, datasette, ceiling
    scenario: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    requests: int
    rss_mb: float = 0.0
    status: dict = field(default_factory=dict)


def drive(port: int, paths: list[str], duration: float, connections: int, driver: str) -> dict:
    """Run the load driver in its own process and return its summary."""
    path_file = BENCH / "out" / f"paths-{port}.txt"
    path_file.write_text("\n".join(paths) + "\n")
    if driver == "wrk":
        threads = max(1, min(2, connections))
        argv = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(duration))}s",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "wrk_report.lua"),
            f"http://127.0.0.1:{port}",
        ]
    else:
        argv = [
            sys.executable,
            str(BENCH / "load.py"),
            "--port",
            str(port),
            "--paths",
            str(path_file),
            "--duration",
            str(duration),
            "--connections",
            str(connections),
        ]
    done = subprocess.run(
        argv, capture_output=True, text=True, env={**os.environ, "BENCH_PATHS": str(path_file)}, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return json.loads(line[len("WRK_JSON ") :])
    raise RuntimeError(f"load driver gave no summary: {done.stdout[-2000:]} {done.stderr[-2000:]}")


def summarise(target: str, scenario: str, raw: dict, rss_mb: float) -> Result:
    ok = sum(v for k, v in raw["status"].items() if 200 <= int(k) < 400)
    errors = raw["requests"] - ok + raw["connect_errors"] + raw["read_errors"]
    errors += raw["write_errors"] + raw["timeouts"]
    seconds = raw["duration_us"] / 1e6
    return Result(
        target=target,
        scenario=scenario,
        rps=raw["requests"] / seconds if seconds else 0.0,
        p50_ms=raw["p50"] / 1000,
        p95_ms=raw["p95"] / 1000,
        p99_ms=raw["p99"] / 1000,
        errors=errors,
        requests=raw["requests"],
        rss_mb=rss_mb,
        status=raw["status"],
    )


def run_scenarios(
    start: Callable[[], Server],
    target: str,
    paths: dict[str, list[str]],
    args: argparse.Namespace,
    pg_url: str | None = None,
) -> list[Result]:
    """Each scenario on a fresh server (unless --no-restart): a slow scenario's queued requests and
    running queries cannot spill into the next one."""
    results = []
    server = None
    for scenario, plist in paths.items():
        if server is None:
            server = start()
            server.wait_ready()
        try:
            # Warm-up: connections, caches, the first request's imports; not measured.
            if args.warmup > 0:
                drive(server.port, plist, args.warmup, args.connections, args.driver)
            profile = None
            if args.profile and scenario in args.profile and target != "datasette":
                profile = start_profile(server, target, scenario, args)
            raw = drive(server.port, plist, args.duration, args.connections, args.driver)
            if profile is not None:
                finish_profile(profile)
        finally:
            if args.restart or scenario == list(paths)[-1]:
                server.stop()
                if pg_url:
                    cancel_queries(pg_url)
        result = summarise(target, scenario, raw, server.peak_mb())
        results.append(result)
        if args.restart:
            server = None
        log(
            f"{target:10} {scenario:18} {result.rps:8.1f} req/s  p50 {result.p50_ms:7.1f}  "
            f"p95 {result.p95_ms:7.1f}  p99 {result.p99_ms:7.1f} ms  errors {result.errors:5}  "
            f"RSS {result.rss_mb:4.0f} MB"
        )
    return results


def cancel_queries(pg_url: str) -> None:
    """End the queries a stopped server left running (PostgreSQL finishes them otherwise)."""
    import psycopg

    dbname = pg_url.rsplit("/", 1)[-1]
    with contextlib.suppress(psycopg.Error), psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        )


def start_profile(server: Server, target: str, scenario: str, args: argparse.Namespace):
    spy = DATASETTE_VENV / "bin" / "py-spy"
    if not spy.exists():
        log("py-spy not installed (bench/.venv-datasette); no profile")
        return None
    pid = server.workers()[0]
    out = BENCH / "out" / f"profile-{args.current_label}-{target}-{scenario}.txt"
    argv = [str(spy), "record", "-p", str(pid), "-d", str(int(args.duration)), "-f", "raw", "-o", str(out)]
    return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out


def finish_profile(profile) -> None:
    proc, out = profile
    proc.wait(timeout=60)
    log(f"profile written to {out.relative_to(ROOT)} (collapsed stacks; summary: bench/profile_top.py)")


# --- report --------------------------------------------------------------------------------------------


def ratio(a: float, b: float | None) -> str:
    if b is None:
        return "-"
    if b == 0:
        return "∞ (theirs: none finished)" if a else "-"
    return f"{a / b:.2f}"


def table(label: str, results: list[Result]) -> str:
    by = {(r.target, r.scenario): r for r in results}
    ceiling = by.get(("ceiling", "ceiling"))
    lines = [
        f"### {label} visits",
        "",
        "| scenario | server | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS/worker MB "
        "| ×Datasette (req/s) | ×ceiling (req/s) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for target in ("postgresql", "sqlite", "datasette"):
        for scenario in SCENARIOS:
            r = by.get((target, scenario))
            if r is None:
                continue
            ds = by.get(("datasette", scenario))
            if r.requests == 0:
                # wrk counts only finished requests: none finished within the run.
                lines.append(
                    f"| {scenario} | {target} | 0 | none finished in the run | | | | {r.rss_mb:.0f} | 0 | 0 |"
                )
                continue
            lines.append(
                f"| {scenario} | {target} | {r.rps:.1f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} "
                f"| {r.errors} | {r.rss_mb:.0f} | {ratio(r.rps, ds.rps if ds else None)} "
                f"| {ratio(r.rps, ceiling.rps if ceiling else None)} |"
            )
    if ceiling:
        c = ceiling
        lines.append(
            f"| ceiling (bare Django view) | gunicorn | {c.rps:.1f} | {c.p50_ms:.1f} | {c.p95_ms:.1f} "
            f"| {c.p99_ms:.1f} | {c.errors} | {c.rss_mb:.0f} | - | 1.00 |"
        )
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
        results = [Result(**r) for r in run["results"]]
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
    base = {(r["target"], r["scenario"]): r for r in runs[0]["results"]}
    lines = ["| scenario | server | " + " | ".join(r["label"] for r in runs[1:]) + " |"]
    lines.append("|---|---|" + "---:|" * (len(runs) - 1))
    for target in ("postgresql", "sqlite", "datasette"):
        for scenario in SCENARIOS:
            b = base.get((target, scenario))
            if not b:
                continue
            cells = []
            for run in runs[1:]:
                r = {(x["target"], x["scenario"]): x for x in run["results"]}.get((target, scenario))
                cells.append(f"{r['p95_ms'] / b['p95_ms']:.2f}" if r and b["p95_ms"] else "-")
            lines.append(f"| {scenario} | {target} | " + " | ".join(cells) + " |")
    return lines


# --- main ----------------------------------------------------------------------------------------------


def run_size(n: int, args: argparse.Namespace, ds_exe: Path | None) -> list[Result]:
    label = label_of(n)
    args.current_label = label
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    need_sqlite = "sqlite" in args.backend or ds_exe is not None
    sqlite_path = ensure_sqlite(n, args.seed, args.reuse_data, data_dir) if need_sqlite else None
    pg_url = ensure_pg(n, args.seed, args.reuse_data) if "postgresql" in args.backend else None
    if sqlite_path is None:
        raise SystemExit("choosing parameters needs the SQLite copy: add --backend sqlite or Datasette")
    if ds_exe is not None:
        export_for_datasette(sqlite_path, data_dir, n)
    if args.data_only:
        return []
    params = choose_params(sqlite_path, n, args.seed)
    log(f"{label}: destination={params.destination} year={params.year} q={params.word}")
    results: list[Result] = []
    urls = {"postgresql": pg_url, "sqlite": f"sqlite:///{sqlite_path}"}
    collectstatic(urls["sqlite"])
    for backend in args.backend:
        url = urls[backend]
        results += run_scenarios(
            lambda url=url, backend=backend: gunicorn(backend, "config.wsgi", url, args.workers),
            backend,
            our_paths(params),
            args,
            pg_url if backend == "postgresql" else None,
        )
    if ds_exe is not None:
        db = export_for_datasette(sqlite_path, data_dir, n)
        results += run_scenarios(lambda: datasette(ds_exe, db), "datasette", datasette_paths(params), args)
    results += run_scenarios(
        lambda: gunicorn("ceiling", "bench.ceiling_wsgi", urls["sqlite"], args.workers),
        "ceiling",
        {"ceiling": ["/__ceiling__"]},
        args,
    )
    record = {
        "visits": n,
        "label": label,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "code": code_version(),
        "duration": args.duration,
        "warmup": args.warmup,
        "connections": args.connections,
        "driver": args.driver,
        "workers": args.workers,
        "params": f"destination={params.destination}, year={params.year}, q={params.word}",
        "results": [asdict(r) for r in results],
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"web-{label}.json").write_text(json.dumps(record, indent=1))
    print()
    print(table(label, results))
    print(flush=True)
    if args.drop_data:
        if pg_url:
            pg_admin("dropdb", "--if-exists", pg_url.rsplit("/", 1)[-1])
        for p in data_dir.glob(f"bench_{label}.sqlite3*"):
            p.unlink()
        shutil.rmtree(data_dir / f"datasette_{label}", ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, action="append", help="Size to run (repeat); default 10000.")
    parser.add_argument(
        "--backend", action="append", choices=("postgresql", "sqlite"), help="Default: both (repeat)."
    )
    parser.add_argument("--duration", type=float, default=10, help="Seconds measured per scenario.")
    parser.add_argument("--warmup", type=float, default=2, help="Seconds of unmeasured load first.")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-restart", dest="restart", action="store_false", help="One server for all scenarios of a target."
    )
    parser.add_argument("--driver", choices=("wrk", "python"), help="Default: wrk when installed.")
    parser.add_argument("--no-datasette", action="store_true", help="Skip the Datasette comparison.")
    parser.add_argument("--reuse-data", action="store_true", help="Keep databases already filled.")
    parser.add_argument("--data-only", action="store_true", help="Only fill the databases; no load.")
    parser.add_argument("--drop-data", action="store_true", help="Drop each size's databases after it.")
    parser.add_argument(
        "--data-dir", default="/tmp/archive-bench", help="SQLite files (default %(default)s)."
    )
    parser.add_argument("--out", default=str(BENCH / "out"), help="JSON results (default bench/out).")
    parser.add_argument("--profile", action="append", help="py-spy a worker during this scenario (repeat).")
    parser.add_argument("--markdown", help="Write the combined table of every JSON result to this file.")
    parser.add_argument("--markdown-only", action="store_true", help="Only rewrite --markdown; no runs.")
    args = parser.parse_args(argv)
    args.visits = args.visits or [10_000]
    args.backend = args.backend or ["postgresql", "sqlite"]
    args.driver = args.driver or ("wrk" if shutil.which("wrk") else "python")
    if args.markdown_only:
        write_markdown(Path(args.markdown), Path(args.out))
        return 0
    (BENCH / "out").mkdir(exist_ok=True)
    ds_exe = None if args.no_datasette else ensure_datasette_venv()
    log(f"driver: {args.driver}; {args.connections} connections; {args.duration} s per scenario")
    for n in args.visits:
        run_size(n, args, ds_exe)
    if args.markdown:
        write_markdown(Path(args.markdown), Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
