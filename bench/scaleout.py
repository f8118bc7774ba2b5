"""Two separate gunicorn instances on one PostgreSQL and one Redis: do they share what they must?

    .venv/bin/python bench/scaleout.py [--limit 30] [--redis redis://127.0.0.1:6379/12]

What scale-out needs (README, Deploying) and this checks, each printed as met or not:
- one rate limit per client across instances: `--limit` anonymous requests alternating between the two
  instances get exactly `--limit` answers 200 and then only 429s (with a per-process cache it would be
  twice the limit, alternating 429 and 200);
- one cache: X-RateLimit-Remaining counts down across both instances;
- one database and no stale answer: a record written through instance A is read at once through B,
  and B's list changes after the write (whatever it cached before).
Loopback only; bounded; stops its servers itself.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import fresh_pg, migrate
from bench.servers import VENV_BIN, Server, collectstatic, free_port, server_env
from bench.shared import log

DB = "bench_scaleout"


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _instance(name: str, env: dict[str, str]) -> Server:
    port = free_port()
    bind = f"127.0.0.1:{port}"
    argv = [str(VENV_BIN / "gunicorn"), "config.wsgi", "-w", "2", "-b", bind, "--log-level", "warning"]
    return Server(name, argv, env, port, "/api/v1/")


def main() -> int:
    """Start two instances, run the checks, print the figures; exit 1 if a check is not met."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=30, help="anonymous requests per hour allowed (default 30)")
    ap.add_argument("--redis", default="redis://127.0.0.1:6379/12", help="the shared cache")
    args = ap.parse_args()
    database_url = fresh_pg(DB)
    migrate(database_url)
    collectstatic(database_url)
    env = {**server_env(database_url), "CACHE_URL": args.redis, "API_THROTTLE_ANON": f"{args.limit}/hour"}
    import redis

    redis.Redis.from_url(args.redis).flushdb()
    servers = [_instance("scale-a", env), _instance("scale-b", env)]
    results: dict[str, bool] = {}
    try:
        for server in servers:
            server.wait_ready()
        # wait_ready's probes count too: start the count from a clean cache.
        redis.Redis.from_url(args.redis).flushdb()
        codes, remaining = [], []
        for n in range(args.limit + 10):
            server = servers[n % 2]
            status, headers, _ = _get(f"http://127.0.0.1:{server.port}/api/v1/visits/")
            codes.append(status)
            remaining.append(headers.get("X-RateLimit-Remaining"))
        ok_count = codes.count(200)
        one_limit = ok_count == args.limit and set(codes[args.limit :]) == {429}
        results["one rate limit across instances"] = one_limit
        results["rate-limit headers count across instances"] = remaining[: args.limit] == [
            str(args.limit - i - 1) for i in range(args.limit)
        ]
        tail = codes[args.limit :]
        log(f"{len(codes)} requests alternating A/B: {ok_count} answered 200, then {tail}", "scale")
    finally:
        for server in servers:
            server.stop()
    # One database, no stale answer: a write through A is read through B at once (limits lifted).
    env = {**env, "API_THROTTLE_ANON": "1000000/second"}
    servers = [_instance("scale-a", env), _instance("scale-b", env)]
    try:
        for server in servers:
            server.wait_ready()
        a, b = (f"http://127.0.0.1:{s.port}" for s in servers)
        before = json.loads(_get(f"{b}/api/v1/officials/?count=true")[2])["count"]
        status, _, _ = _post_official(a, env)
        after = json.loads(_get(f"{b}/api/v1/officials/?count=true")[2])["count"]
        results["a write through A is read through B at once"] = status == 201 and after == before + 1
        log(
            f"officials through B: {before} before, {after} after a write through A (status {status})",
            "scale",
        )
    finally:
        for server in servers:
            server.stop()
    for check, met in results.items():
        print(f"{'met' if met else 'NOT MET'}: {check}")
    return 0 if all(results.values()) else 1


def _post_official(base: str, env: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """Create an editor token through manage.py (same database), then POST an official through the API."""
    import subprocess

    code = (
        "from django.contrib.auth.models import User;from rest_framework.authtoken.models import Token;"
        "from common.accounts import editors_group;"
        "u,_=User.objects.get_or_create(username='scale-editor', defaults={'is_staff': True});"
        "u.groups.add(editors_group());t,_=Token.objects.get_or_create(user=u);print(t.key)"
    )
    root = Path(__file__).resolve().parent.parent
    token = (
        subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    request = urllib.request.Request(
        f"{base}/api/v1/officials/",
        data=json.dumps({"name": "Scale Out Tester", "country": "AZ"}).encode(),
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


if __name__ == "__main__":
    raise SystemExit(main())
