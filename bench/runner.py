"""Drive a server's scenarios with the load driver (wrk or bench/load.py) and collect the results."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.servers import Server
from bench.shared import BENCH, DATASETTE_VENV, PG_URL, ROOT, log


@dataclass
class Result:
    target: str  # postgresql, sqlite, datasette (defaults), datasette_best, ceiling
    scenario: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    requests: int
    rss_mb: float = 0.0
    status: dict = field(default_factory=dict)
    mode: str = ""  # warm, cold; "" for the ceiling and for runs recorded before the modes
    distinct: int = 0  # distinct URLs the scenario cycled through


def drive(port: int, paths: list[str], duration: float, connections: int, driver: str) -> dict:
    """Run the load driver in its own process and return its summary.

    Both drivers deal the paths out so that no two connections (wrk: threads) request the same one
    before the list runs out: connection k requests paths k, k + c, k + 2c, ..."""
    path_file = BENCH / "out" / f"paths-{port}.txt"
    path_file.write_text("\n".join(paths) + "\n")
    threads = max(1, min(2, connections))
    if driver == "wrk":
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
    env = {**os.environ, "BENCH_PATHS": str(path_file), "BENCH_THREADS": str(threads)}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    path_file.unlink(missing_ok=True)
    for line in done.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return json.loads(line[len("WRK_JSON ") :])
    raise RuntimeError(f"load driver gave no summary: {done.stdout[-2000:]} {done.stderr[-2000:]}")


def summarise(
    target: str, scenario: str, raw: dict, rss_mb: float, mode: str = "", distinct: int = 0
) -> Result:
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
        mode=mode,
        distinct=distinct,
    )


def run_scenarios(
    start: Callable[[], Server],
    target: str,
    paths: dict[str, list[str]],
    args: argparse.Namespace,
    pg_url: str | None = None,
    mode: str = "",
    warmup_paths: dict[str, list[str]] | None = None,
) -> list[Result]:
    """Each scenario on a fresh server (unless --no-restart): a slow scenario's queued requests and
    running queries cannot spill into the next one. The warm-up requests warmup_paths (default: the
    measured paths), so a cold run's distinct URLs are first requested while measured."""
    results = []
    server = None
    for scenario, plist in paths.items():
        if server is None:
            server = start()
            server.wait_ready()
        try:
            # Warm-up: connections, caches, the first request's imports; not measured.
            if args.warmup > 0:
                warm = (warmup_paths or paths)[scenario]
                drive(server.port, warm, args.warmup, args.connections, args.driver)
            profile = None
            if args.profile and scenario in args.profile and not target.startswith("datasette"):
                profile = start_profile(server, target, f"{scenario}{'-' + mode if mode else ''}", args)
            raw = drive(server.port, plist, args.duration, args.connections, args.driver)
            if profile is not None:
                finish_profile(profile)
        finally:
            if args.restart or scenario == list(paths)[-1]:
                server.stop()
                if pg_url:
                    cancel_queries(pg_url)
        result = summarise(target, scenario, raw, server.peak_mb(), mode, len(set(plist)))
        results.append(result)
        if args.restart:
            server = None
        log(
            f"{target:14} {mode:4} {scenario:18} {result.rps:8.1f} req/s  p50 {result.p50_ms:7.1f}  "
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
