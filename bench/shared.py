"""What every bench module shares: where things are, the PostgreSQL server, the log line, size labels."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VENV_BIN = Path(sys.executable).parent
DATASETTE_VENV = BENCH / ".venv-datasette"
PG_URL = os.environ.get("BENCH_PG", "postgres://root@127.0.0.1:5432")
DS_DB = "archive"  # Datasette names the database after the file


def label_of(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def log(message: str, who: str = "web") -> None:
    print(f"[{who} {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_admin(*args: str) -> subprocess.CompletedProcess:
    """Run a PostgreSQL client program (createdb, dropdb, psql) against BENCH_PG's server."""
    host = PG_URL.split("@")[-1].split(":")[0]
    port = PG_URL.rsplit(":", 1)[-1]
    return subprocess.run([*args, "-h", host, "-p", port, "-U", "root"], capture_output=True, text=True)
