"""`python -m visits.extraction FILE...`: one JSON object per file, in input order (JSON Lines)."""

from __future__ import annotations

import json
import sys

from .pipeline import extract_file


def main(argv: list[str] | None = None) -> int:
    """Print the extraction of each file named on the command line as one JSON line."""
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: python -m visits.extraction FILE [FILE ...]", file=sys.stderr)
        return 2
    for path in paths:
        sys.stdout.write(json.dumps(extract_file(path), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
