"""Summarise a py-spy profile in collapsed-stack form (bench/web.py --profile writes them).

    .venv/bin/python bench/profile_top.py bench/out/profile-1M-postgresql-api_list.txt [--top 20]

Prints where the samples were taken: the innermost frame (self time) and every frame on the stack
(inclusive time), as a share of all samples; --match keeps frames whose text contains a string.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path


def read(path: Path) -> tuple[Counter, Counter, int]:
    own: Counter = Counter()
    inclusive: Counter = Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = stack.split(";")
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    return own, inclusive, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--match", default="", help="Only frames containing this text (e.g. /work/main/).")
    args = parser.parse_args(argv)
    own, inclusive, total = read(args.profile)
    if not total:
        print("no samples")
        return 1
    for title, counter in (("self", own), ("inclusive", inclusive)):
        print(f"== {title} ({total} samples)")
        shown = 0
        for frame, n in counter.most_common():
            if args.match and args.match not in frame:
                continue
            print(f"{100 * n / total:5.1f}%  {frame}")
            shown += 1
            if shown >= args.top:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
