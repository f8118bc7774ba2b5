"""The bench databases: fill PostgreSQL and SQLite with bench/generate.py, reuse or drop them, and copy
the SQLite file for Datasette."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench.shared import BENCH, DS_DB, PG_URL, ROOT, label_of, log, pg_admin

# The indexes Datasette's sorted and filtered table queries need; the project's own migrations create
# them (Visit.Meta.indexes), and VACUUM INTO copies them. Checked on the copy, so both Datasette runs
# (defaults and best flags) read the same indexed file.
DATASETTE_INDEXES = ("visit_timeline_idx", "visit_destination_idx")


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


def fresh_pg(dbname: str) -> str:
    """Drop and create a PostgreSQL database; its URL."""
    pg_admin("dropdb", "--if-exists", dbname)
    created = pg_admin("createdb", dbname)
    if created.returncode:
        raise SystemExit(f"createdb {dbname} failed: {created.stderr}")
    return f"{PG_URL}/{dbname}"


def ensure_pg(n: int, seed: int, reuse: bool, prefix: str = "bench", dbname: str | None = None) -> str:
    dbname = dbname or f"{prefix}_{label_of(n).lower()}"
    if reuse and pg_visits(dbname) == n:
        log(f"postgresql: reusing {dbname} (migrating it to the code under test)")
        migrate(f"{PG_URL}/{dbname}")
    else:
        url = fresh_pg(dbname)
        log(f"postgresql: generating {n} visits into {dbname}")
        run_generate(n, url, seed)
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
        have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [i for i in DATASETTE_INDEXES if i not in have]
    if missing:
        raise SystemExit(f"the Datasette copy lacks the indexes {missing}: was the SQLite file migrated?")
    return target


def drop_size(label: str, pg_url: str | None, data_dir: Path) -> None:
    """Remove one size's databases (--drop-data)."""
    if pg_url:
        pg_admin("dropdb", "--if-exists", pg_url.rsplit("/", 1)[-1])
    for p in data_dir.glob(f"bench_{label}.sqlite3*"):
        p.unlink()
    shutil.rmtree(data_dir / f"datasette_{label}", ignore_errors=True)
