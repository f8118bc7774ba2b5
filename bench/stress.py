"""Nothing lost, nothing stuck, under load: concurrent API edits and article submissions while the Celery
worker is killed and restarted.

Starts, on 127.0.0.1 only: a fresh PostgreSQL database (`stress_bench` on BENCH_PG's server), gunicorn with
two workers (DEBUG off), a Celery worker over Redis (database 13 by default) and, for `--seconds`:

- 8 writers, each owning one field, PATCH that field of a few visits with a token, one request at a time;
- 8 submitters POST new articles (some name the same new person, the duplicate-slug race);
- the worker is killed (SIGKILL, its whole process group) at one and two thirds of the run and restarted.

Then it drains: the sweep (`manage.py sweep_sources`, what beat runs every minute) queues again what the
killed workers held, until every source is parsed or failed or `--drain` seconds pass. It prints requests,
5xx answers (goal 0), lost writes (goal 0: a field's final value is not the last one answered 200), sources
neither parsed nor failed at the end (goal 0) and duplicate officials. Exit status 1 when a goal is missed.

    .venv/bin/python bench/stress.py --seconds 60

It takes about two minutes (migrations, the run, the drain); no smoke test runs it in CI for that reason.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.servers import Server, server_env
from bench.shared import PG_URL, ROOT, VENV_BIN, free_port, log, pg_admin

DB_NAME = "stress_bench"
VISITS = 3
WRITERS = 8
SUBMITTERS = 8
# Each writer owns one field and cycles through values of its own: its last 200 is what must remain.
FIELDS = {
    "visitor_title": lambda n: f"Title {n}",
    "delegation": lambda n: f"Delegation {n}",
    "destination_city": lambda n: f"City {n}",
    "purpose": lambda n: f"Purpose {n}",
    "summary": lambda n: f"Summary {n}",
    "external_id": lambda n: f"ext-{n}",
    "kind": lambda n: ("official", "working", "state", "private")[n % 4],
    "origin_country": lambda n: ("KZ", "UZ", "KG", "AZ")[n % 4],
}
PEOPLE = ["Farrukh Nazarov", "Dilnoza Karimova", "Bakhtiyor Tursunov", "Zarina Alimova"]


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    codes: Counter = field(default_factory=Counter)
    acknowledged: dict = field(default_factory=dict)  # (visit id, field) -> last value answered 200

    def count(self, code: int) -> None:
        with self.lock:
            self.codes[code] += 1


def request(port: int, method: str, path: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = conn.getresponse()
        raw = response.read()
        try:
            return response.status, json.loads(raw or b"{}")
        except ValueError:
            return response.status, {}
    except (OSError, http.client.HTTPException):
        return 599, {}  # no answer at all counts as a server error
    finally:
        conn.close()


def writer(port: int, token: str, name: str, visits: list[int], until: float, tally: Tally) -> None:
    values = FIELDS[name]
    for n in itertools.count():
        if time.monotonic() >= until:
            return
        visit = visits[n % len(visits)]
        value = values(n) if name != "external_id" else f"{visit}-{values(n)}"
        code, _ = request(port, "PATCH", f"/api/v1/visits/{visit}/", token, {name: value})
        tally.count(code)
        if code == 200:
            with tally.lock:
                tally.acknowledged[(visit, name)] = value


def submitter(port: int, token: str, number: int, until: float, tally: Tally) -> None:
    for n in itertools.count():
        if time.monotonic() >= until:
            return
        person = PEOPLE[n % len(PEOPLE)]
        text = (
            f"{person}, Tajikistan's Minister of Justice, arrived in Tashkent, Uzbekistan, on a working "
            f"visit on {n % 27 + 1} May 2024. In a meeting with Akmal Saidov, Minister of Justice of "
            f"Uzbekistan, the sides discussed legal assistance. (Report {number}-{n}-{time.time_ns()}.)"
        )
        code, _ = request(port, "POST", "/api/v1/sources/", token, {"text": text})
        tally.count(code)


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout if capture else ""


def start_worker(env: dict[str, str], log_file) -> subprocess.Popen:
    argv = [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency=2", "--loglevel=WARNING"]
    argv += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    # A session of its own: the kill takes the pool's children with their parent.
    return subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
    )


def kill_worker(worker: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(10)


def stop_worker(worker: subprocess.Popen) -> None:
    try:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        kill_worker(worker)


def source_statuses(database_url: str) -> Counter:
    import psycopg

    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT status, count(*) FROM visits_source GROUP BY status").fetchall()
    return Counter(dict(rows))


def duplicate_officials(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url) as conn:
        sql = "SELECT count(*) FROM (SELECT name FROM people_official GROUP BY name HAVING count(*) > 1) d"
        return conn.execute(sql).fetchone()[0]


SETUP = """
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from common.accounts import editors_group
from visits.models import Visit
import datetime
user = User.objects.create_user("stress-editor", is_staff=True)
user.groups.add(editors_group())
ids = [Visit.objects.create(destination_country="TJ", start_date=datetime.date(2024, 5, d + 1)).pk
       for d in range({visits})]
print(Token.objects.create(user=user).key, *ids)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="How long the load runs (default 60).")
    parser.add_argument(
        "--drain", type=float, default=120, help="Most seconds to wait for the queue to empty."
    )
    parser.add_argument(
        "--redis-db", type=int, default=13, help="Redis database for the broker (not 15: CI's)."
    )
    args = parser.parse_args()

    database_url = f"{PG_URL}/{DB_NAME}"
    broker = f"redis://127.0.0.1:6379/{args.redis_db}"
    pg_admin("dropdb", "--if-exists", DB_NAME)
    created = pg_admin("createdb", DB_NAME)
    if created.returncode:
        sys.exit(f"createdb failed: {created.stderr}")
    subprocess.run(["redis-cli", "-n", str(args.redis_db), "FLUSHDB"], check=True, capture_output=True)
    env = {
        **server_env(database_url),
        "CELERY_BROKER_URL": broker,
        "API_THROTTLE_USER": "100000000/hour",
        # A parse takes well under a second: the sweep may take back what a killed worker held after 10 s.
        "SOURCE_SWEEP_AFTER_SECONDS": "10",
    }
    log("migrating", "stress")
    manage(env, "migrate", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    token, *visit_ids = manage(
        env, "shell", "--no-imports", "-c", SETUP.format(visits=VISITS), capture=True
    ).split()
    visits = [int(v) for v in visit_ids]

    port = free_port()
    argv = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi",
        "-w",
        "2",
        "-b",
        f"127.0.0.1:{port}",
        "--timeout",
        "30",
    ]
    server = Server("stress", [*argv, "--log-level", "warning"], env, port, "/api/v1/")
    server.wait_ready()
    worker_log = open(ROOT / "bench" / "out" / "stress-worker.log", "w")  # noqa: SIM115 (closed below)
    worker = start_worker(env, worker_log)
    tally = Tally()
    try:
        start = time.monotonic()
        until = start + args.seconds
        threads = [
            threading.Thread(target=writer, args=(server.port, token, name, visits, until, tally))
            for name in list(FIELDS)[:WRITERS]
        ] + [
            threading.Thread(target=submitter, args=(server.port, token, n, until, tally))
            for n in range(SUBMITTERS)
        ]
        log(f"load for {args.seconds:.0f} s: {WRITERS} writers, {SUBMITTERS} submitters", "stress")
        for thread in threads:
            thread.start()
        for fraction in (1 / 3, 2 / 3):
            time.sleep(max(0.0, start + args.seconds * fraction - time.monotonic()))
            log("killing the worker (SIGKILL) and starting another", "stress")
            kill_worker(worker)
            worker = start_worker(env, worker_log)
        for thread in threads:
            thread.join(args.seconds + 60)

        log("draining: the sweep queues again what the killed workers held", "stress")
        drain_start = time.monotonic()
        deadline = drain_start + args.drain
        statuses = source_statuses(database_url)
        swept = 0
        while time.monotonic() < deadline and (statuses["pending"] or statuses["parsing"]):
            time.sleep(5)
            said = manage(env, "sweep_sources", "--older-than", "10", capture=True)
            swept += int(said.split()[0])
            statuses = source_statuses(database_url)
        drained = time.monotonic() - drain_start

        lost = 0
        for visit in visits:
            _, body = request(server.port, "GET", f"/api/v1/visits/{visit}/", token)
            for name in FIELDS:
                expected = tally.acknowledged.get((visit, name))
                final = body.get(name)
                final = final.get("code") if isinstance(final, dict) else final
                if expected is not None and final != expected:
                    lost += 1
    finally:
        stop_worker(worker)
        server.stop()
        worker_log.close()

    requests = sum(tally.codes.values())
    errors = sum(n for code, n in tally.codes.items() if code >= 500)
    stuck = statuses["pending"] + statuses["parsing"]
    duplicates = duplicate_officials(database_url)
    print(f"requests: {requests}  ({', '.join(f'{c}: {n}' for c, n in sorted(tally.codes.items()))})")
    print(f"5xx: {errors}")
    print(f"lost writes: {lost}")
    print(f"sources not parsed/failed at the end: {stuck}  ({dict(statuses)})")
    print(f"drain: {drained:.0f} s, sources the sweep queued again: {swept}")
    print(f"duplicate officials: {duplicates}")
    return 1 if errors or lost or stuck or duplicates else 0


if __name__ == "__main__":
    sys.exit(main())
