"""The servers under load: gunicorn serving the project (or the bare ceiling view) and Datasette, each a
process with an RSS sampler over its request-serving processes."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.shared import BENCH, DATASETTE_VENV, DS_DB, ROOT, VENV_BIN, free_port, log

# What a Datasette publisher of a large table turns off (see `datasette --help-settings`); the same
# request flags (_nocount, _nofacet, _nosuggest) go into every table URL of the "best" run.
DATASETTE_BEST_SETTINGS = ("suggest_facets", "off")


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


def datasette(exe: Path, db: Path, best: bool = False) -> Server:
    """`datasette serve -i` (immutable, as `datasette publish` does); best: suggested facets off."""
    port = free_port()
    argv = [str(exe), "serve", "-i", str(db), "-h", "127.0.0.1", "-p", str(port)]
    if best:
        argv += ["--setting", *DATASETTE_BEST_SETTINGS]
    name = "datasette_best" if best else "datasette"
    return Server(name, argv, dict(os.environ), port, f"/{DS_DB}.json")
