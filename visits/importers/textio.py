"""Decoding bytes of unknown encoding, shared by the tabular and article readers."""

from __future__ import annotations

import codecs

UTF8_BOM = b"\xef\xbb\xbf"
_BELOW_C0 = bytes(range(0xC0))
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode bytes: BOM, declared charset, UTF-8, then a legacy guess; return text, codec, guessed.

    The legacy guess is cp1251 when most letters are non-ASCII (a Cyrillic text: every letter is a high
    byte), else cp1252 (Western text with a few accents), else latin-1, which never fails.
    """
    if data.startswith(UTF8_BOM):
        return data[len(UTF8_BOM) :].decode("utf-8", errors="replace"), "utf-8-sig", False
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return data.decode(codec), codec, False
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    # bytes.translate counts in C; a Python loop over a 20 MB upload would take seconds.
    high = len(data.translate(None, _BELOW_C0))
    letters = high + len(data.translate(None, _NOT_ASCII_LETTER))
    candidates = ("cp1251", "cp1252") if letters and high / letters > 0.5 else ("cp1252",)
    for codec in candidates:
        try:
            return data.decode(codec), codec, True
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1", True
