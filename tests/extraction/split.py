"""The frozen validation split of the dev set, fixed in advance: measure on it, never tune on it.

The frozen part is every *new* dev article (c*, d*, q*) whose number is odd: c01, c03, ..., d25, and both
reports of pairs q01, q03, q05. Everything else (the old a*, b*, s00 and the even c/d/q files) is the
development part that rules may be written from.
"""

from __future__ import annotations

import re
from pathlib import Path

_NEW = re.compile(r"^(?P<set>[cdq])(?P<num>\d+)[ab]?$")


def is_frozen(stem: str) -> bool:
    """Whether the article with this file stem belongs to the frozen validation part."""
    m = _NEW.match(stem)
    return bool(m) and int(m["num"]) % 2 == 1


def split(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(development, frozen) paths, each in input order."""
    dev = [p for p in paths if not is_frozen(p.stem)]
    frozen = [p for p in paths if is_frozen(p.stem)]
    return dev, frozen
