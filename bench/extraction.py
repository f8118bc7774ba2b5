"""Benchmark the article extractor alone on one core: articles per second and peak memory.

    .venv/bin/python bench/extraction.py [--docs N] [--dir ../shared/eval/dev]

The dev articles are repeated until N documents have been parsed (default 2,000). Gazetteer loading is
timed separately: it happens once per process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from visits.extraction import PARSER_VERSION, extract  # noqa: E402
from visits.extraction.gazetteer import gazetteer  # noqa: E402


def load_articles(folder: Path) -> list[tuple[str, dt.date | None]]:
    """Text and published date of each article JSON in a folder."""
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
        out.append((data.get("text") or "", published))
    return out


def main() -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="documents to parse (default 2000)")
    ap.add_argument(
        "--dir", type=Path, default=ROOT.parent / "shared" / "eval" / "dev", help="article folder"
    )
    ap.add_argument("--trace", action="store_true", help="measure peak Python allocations with tracemalloc")
    args = ap.parse_args()
    articles = load_articles(args.dir)
    if not articles:
        articles = [
            ("Foreign Minister Jane Doe arrived in Paris on Monday and met President John Roe.", None)
        ]
    t0 = time.perf_counter()
    gazetteer()
    load_s = time.perf_counter() - t0
    if args.trace:
        tracemalloc.start()
    chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for n in range(args.docs):
        text, published = articles[n % len(articles)]
        extract(text, published)
        chars += len(text)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    peak_py = tracemalloc.get_traced_memory()[1] if args.trace else None
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = args.docs / elapsed if elapsed else float("inf")
    print(
        f"parser {PARSER_VERSION}: {args.docs} documents "
        f"({len(articles)} distinct, {chars / 1e6:.1f} M chars)"
    )
    print(f"gazetteer load: {load_s:.2f} s (once per process)")
    print(f"elapsed: {elapsed:.2f} s  ->  {rate:.0f} articles/s, {chars / elapsed / 1e6:.2f} M chars/s")
    print(
        f"CPU time: {cpu:.2f} s  ->  {args.docs / cpu if cpu else 0:.0f} articles/s of CPU "
        "(less noisy on a busy machine)"
    )
    print(
        f"peak RSS: {maxrss_mb:.0f} MB"
        + (f"; peak traced allocations: {peak_py / 1e6:.1f} MB" if peak_py else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
