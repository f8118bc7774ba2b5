"""Decoding bytes of unknown encoding, shared by the tabular and article readers."""

from __future__ import annotations

import codecs

UTF8_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes: BOM, then a declared charset, then UTF-8, then a legacy guess; return text and codec.

    The legacy guess is cp1251 when most letters are non-ASCII (a Cyrillic text: every letter is a high
    byte), else cp1252 (Western text with a few accents), else latin-1, which never fails.
    """
    if data.startswith(UTF8_BOM):
        return data[len(UTF8_BOM) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data if b >= 0xC0)
    letters = high + sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    candidates = ("cp1251", "cp1252") if letters and high / letters > 0.5 else ("cp1252",)
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def is_fallback(codec: str) -> bool:
    """Tell whether a codec came from guessing rather than UTF-8 or a declaration."""
    return codec not in ("utf-8", "utf-8-sig")
