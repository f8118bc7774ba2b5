"""Load-test the archive's pages and API under gunicorn, against Datasette and a bare Django view.

    .venv/bin/python bench/web.py --visits 10000 --visits 100000 --visits 1000000

For each size: fills a PostgreSQL database and a SQLite file with the same rows (bench/generate.py,
same seed), serves each with gunicorn (production settings, 2 sync workers), and drives every
scenario from a second process on loopback (wrk when installed, else bench/load.py) for a fixed time
with a fixed number of connections: requests/s, p50/p95/p99 latency, errors (non-2xx and socket
errors) and the peak RSS of each worker. Each scenario runs warm (one URL repeated) and cold (every
request a distinct URL). The SQLite file is copied (with its indexes, plus an FTS5 index for the
search) and served by Datasette twice, with its defaults and with what a publisher of a large table
turns off (row count, facets, facet suggestions); a bare Django view under the same gunicorn setup
gives the ceiling. Every scenario is printed with its throughput as a ratio to Datasette's best and
defaults on the same query and mode, and to the ceiling. Results go to bench/out/web-<size>.json;
--markdown writes the combined table.

Modules: scenarios.py (what is requested), servers.py (gunicorn, Datasette), runner.py (the load
drivers, results), report.py (tables, RESULTS.md), databases.py (filling the databases).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import databases, report, scenarios, servers
from bench.runner import Result, run_scenarios
from bench.shared import BENCH, label_of, log


def run_size(n: int, args: argparse.Namespace, ds_exe: Path | None) -> list[Result]:
    label = label_of(n)
    args.current_label = label
    data_dir = Path(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    # The parameters (busiest destination, cursors, filters) are drawn from the SQLite copy, which is
    # therefore filled even for a PostgreSQL-only run without Datasette.
    sqlite_path = databases.ensure_sqlite(n, args.seed, args.reuse_data, data_dir)
    pg_url = (
        databases.ensure_pg(n, args.seed, args.reuse_data, args.pg_prefix, args.pg_db)
        if "postgresql" in args.backend
        else None
    )
    ds_db = databases.export_for_datasette(sqlite_path, data_dir, n) if ds_exe is not None else None
    if args.data_only:
        return []
    params = scenarios.choose_params(sqlite_path, n, args.seed)
    log(f"{label}: {scenarios.describe(params)}; modes {', '.join(args.mode)}")
    results: list[Result] = []
    urls = {"postgresql": pg_url, "sqlite": f"sqlite:///{sqlite_path}"}
    servers.collectstatic(urls["sqlite"])
    warm_ours = scenarios.our_paths(params, "warm")
    for backend in args.backend:
        url = urls[backend]
        for mode in args.mode:
            results += run_scenarios(
                lambda url=url, backend=backend: servers.gunicorn(backend, "config.wsgi", url, args.workers),
                backend,
                scenarios.our_paths(params, mode),
                args,
                pg_url if backend == "postgresql" else None,
                mode=mode,
                warmup_paths=warm_ours,
            )
    if ds_exe is not None and ds_db is not None:
        for best in (True, False):
            target = "datasette_best" if best else "datasette"
            warm_ds = scenarios.datasette_paths(params, "warm", best)
            for mode in args.mode:
                results += run_scenarios(
                    lambda best=best: servers.datasette(ds_exe, ds_db, best),
                    target,
                    scenarios.datasette_paths(params, mode, best),
                    args,
                    mode=mode,
                    warmup_paths=warm_ds,
                )
    results += run_scenarios(
        lambda: servers.gunicorn("ceiling", "bench.ceiling_wsgi", urls["sqlite"], args.workers),
        "ceiling",
        {"ceiling": ["/__ceiling__"]},
        args,
    )
    record = {
        "visits": n,
        "label": label,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": report.machine(),
        "code": databases.code_version(),
        "duration": args.duration,
        "warmup": args.warmup,
        "connections": args.connections,
        "driver": args.driver,
        "workers": args.workers,
        "modes": args.mode,
        "params": scenarios.describe(params),
        "results": [asdict(r) for r in results],
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"web-{label}.json").write_text(json.dumps(record, indent=1))
    print()
    print(report.table(label, results))
    print(flush=True)
    if args.drop_data:
        databases.drop_size(label, pg_url, data_dir)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, action="append", help="Size to run (repeat); default 10000.")
    parser.add_argument(
        "--backend", action="append", choices=("postgresql", "sqlite"), help="Default: both (repeat)."
    )
    parser.add_argument(
        "--mode",
        action="append",
        choices=scenarios.MODES,
        help="warm (one URL repeated) or cold (a distinct URL per request); repeat; default both.",
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
    parser.add_argument(
        "--pg-prefix", default="bench", help="PostgreSQL databases are <prefix>_<size> (default %(default)s)."
    )
    parser.add_argument(
        "--pg-db", help="This PostgreSQL database instead of <prefix>_<size> (one --visits size only)."
    )
    parser.add_argument("--out", default=str(BENCH / "out"), help="JSON results (default bench/out).")
    parser.add_argument("--profile", action="append", help="py-spy a worker during this scenario (repeat).")
    parser.add_argument("--markdown", help="Write the combined table of every JSON result to this file.")
    parser.add_argument("--markdown-only", action="store_true", help="Only rewrite --markdown; no runs.")
    args = parser.parse_args(argv)
    args.visits = args.visits or [10_000]
    if args.pg_db and len(args.visits) > 1:
        parser.error("--pg-db names the database of one size: give one --visits")
    args.backend = args.backend or ["postgresql", "sqlite"]
    args.mode = args.mode or list(scenarios.MODES)
    args.driver = args.driver or ("wrk" if shutil.which("wrk") else "python")
    if args.markdown_only:
        report.write_markdown(Path(args.markdown), Path(args.out))
        return 0
    (BENCH / "out").mkdir(exist_ok=True)
    ds_exe = None if args.no_datasette else servers.ensure_datasette_venv()
    log(f"driver: {args.driver}; {args.connections} connections; {args.duration} s per scenario")
    for n in args.visits:
        run_size(n, args, ds_exe)
    if args.markdown:
        report.write_markdown(Path(args.markdown), Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
