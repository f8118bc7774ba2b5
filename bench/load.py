"""A small load driver (threads, keep-alive http.client), used by bench/web.py when wrk is absent.

    python bench/load.py --port 8000 --paths paths.txt --duration 10 --connections 8

Each thread keeps one connection and cycles through its share of the paths until the time is up
(connection k of c requests paths k, k + c, k + 2c, ...: no two connections repeat a path before the
list runs out, which a cold run of bench/web.py relies on); prints one line
`WRK_JSON {...}` with the same keys as bench/wrk_report.lua (latencies in microseconds).
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from collections import Counter


def worker(
    port: int, paths: list[str], offset: int, step: int, deadline: float, timeout: float, out: dict
) -> None:
    latencies: list[int] = []
    statuses: Counter = Counter()
    errors = Counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    i = offset
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += step
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except TimeoutError:
            errors["timeouts"] += 1
            conn.close()
            continue
        except (OSError, http.client.HTTPException):
            errors["read_errors"] += 1
            conn.close()
            continue
        latencies.append(int((time.perf_counter() - start) * 1_000_000))
        statuses[response.status] += 1
    conn.close()
    out[offset] = (latencies, statuses, errors)


def percentile(sorted_values: list[int], q: float) -> int:
    if not sorted_values:
        return 0
    return sorted_values[min(len(sorted_values) - 1, int(q / 100 * len(sorted_values)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--paths", required=True, help="File with one path per line.")
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=10)
    args = parser.parse_args(argv)
    with open(args.paths, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    started = time.monotonic()
    deadline = started + args.duration
    out: dict = {}
    threads = [
        threading.Thread(
            target=worker, args=(args.port, paths, n, args.connections, deadline, args.timeout, out)
        )
        for n in range(args.connections)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies = sorted(x for lat, _, _ in out.values() for x in lat)
    statuses: Counter = Counter()
    errors: Counter = Counter()
    for _, s, e in out.values():
        statuses.update(s)
        errors.update(e)
    result = {
        "requests": len(latencies),
        "duration_us": int(elapsed * 1_000_000),
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "max": latencies[-1] if latencies else 0,
        "connect_errors": 0,
        "read_errors": errors["read_errors"],
        "write_errors": 0,
        "timeouts": errors["timeouts"],
        "status": {str(k): v for k, v in statuses.items()},
    }
    print("WRK_JSON " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
