"""What one cold request costs in one process: CPU, time in queries, queries, for each list scenario.

    DATABASE_URL=postgres://root@127.0.0.1:5432/bench_1000000 \
        .venv/bin/python bench/cold_cost.py [--requests 30] [--scenario timeline] [--profile]

Requests go through Django's test client (the whole middleware stack, no network), each to a distinct
URL built from the database's own rows (other cursors, years, countries, words), so no cache answers
them: the response cache is off here. A busy machine stretches wall time, not CPU time, so the
CPU column is the one to compare between commits. `--profile` prints a cProfile of the scenario.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("energy", "trade", "security", "climate", "health", "investment")


def cold_urls(n: int, seed: int) -> dict[str, list[str]]:
    """Distinct URLs per scenario, from the rows of the database under test."""
    from visits.models import Visit

    rng = random.Random(seed)
    total = Visit.objects.count()
    ids = rng.sample(range(1, total + 1), min(total, n * 4))
    rows = list(
        Visit.objects.filter(pk__in=ids, start_date__isnull=False)
        .values_list("start_date", "pk", "destination_country")
        .order_by("?")[:n]
    )
    years = [d.year for d, _, _ in rows]
    countries = [c for _, _, c in rows]
    shuffled = rng.sample(years, len(years))
    pairs = [(a, b) for a, b in zip(countries, rng.sample(countries, len(countries)), strict=True) if a != b]
    filters = [f"destination={c}&year={y}" for c, y in zip(countries, shuffled, strict=True)]
    return {
        "timeline": [f"/visits/?before={d}_{pk}" for d, pk, _ in rows],
        "timeline_filtered": [f"/visits/?{f}" for f in filters],
        "search": [f"/visits/?q={rng.choice(WORDS)}&destination={c}" for c in countries],
        "api_list": [f"/api/v1/visits/?cursor=n.-start_date.{pk}.{d}" for d, pk, _ in rows],
        "api_list_filtered": [f"/api/v1/visits/?{f}" for f in filters],
        # The aggregate pages read the summary tables (summaries/); the stats page has one URL.
        "stats": ["/stats/"] * len(rows),
        "country": [f"/countries/{c}/" for c in countries],
        "pair": [f"/countries/{a}/{b}/" for a, b in pairs],
    }


class QueryTimer:
    """Sums the time spent in the database driver (an execute_wrapper)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - t0
            self.count += 1


def measure(client, urls: list[str], timer: QueryTimer) -> dict[str, float]:
    walls, cpus, dbs, queries = [], [], [], []
    for url in urls:
        timer.seconds, timer.count = 0.0, 0
        w0, c0 = time.perf_counter(), time.process_time()
        response = client.get(url, HTTP_ACCEPT="text/html,application/json")
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
        dbs.append(timer.seconds)
        queries.append(timer.count)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return {
        "wall_ms": 1000 * statistics.median(walls),
        "cpu_ms": 1000 * statistics.median(cpus),
        "db_ms": 1000 * statistics.median(dbs),
        "p95_wall_ms": 1000 * sorted(walls)[int(0.95 * (len(walls) - 1))],
        "queries": statistics.median(queries),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=30, help="distinct URLs per scenario (default 30)")
    ap.add_argument("--scenario", action="append", help="only these scenarios (repeatable)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each scenario")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(32))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ["RESPONSE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("API_THROTTLE_ANON", "1000000/hour")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off serves the manifest
    from visits.models import Visit

    client = Client()
    timer = QueryTimer()
    urls = cold_urls(args.requests + 1, args.seed)
    print(f"{connection.vendor}, {Visit.objects.count():,} visits, {args.requests} cold URLs per scenario")
    print(f"{'scenario':<20}{'cpu ms':>8}{'db ms':>8}{'wall ms':>9}{'p95 wall':>10}{'queries':>9}")
    with connection.execute_wrapper(timer):
        for name, plist in urls.items():
            if args.scenario and name not in args.scenario:
                continue
            client.get(plist[0])  # warm the process (imports, templates), not the data
            profiler = cProfile.Profile() if args.profile else None
            if profiler:
                profiler.enable()
            row = measure(client, plist[1:], timer)
            if profiler:
                profiler.disable()
            print(
                f"{name:<20}{row['cpu_ms']:>8.1f}{row['db_ms']:>8.1f}{row['wall_ms']:>9.1f}"
                f"{row['p95_wall_ms']:>10.1f}{row['queries']:>9.0f}"
            )
            if profiler:
                stats = pstats.Stats(profiler)
                stats.sort_stats("cumulative").print_stats(40)
                stats.sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
