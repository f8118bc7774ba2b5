"""Decoding bytes of unknown encoding, shared by the tabular and article readers."""

from __future__ import annotations

import codecs
import re

UTF8_BOM = b"\xef\xbb\xbf"
_ASCII = bytes(range(0x80))
# cp1251's letters: А-я (0xC0-0xFF), Ё and ё. A Cyrillic word is a run of them; Western text has its
# accents one or two at a time among ASCII letters ("café", "Müller", "São").
_CYRILLIC_WORD = re.compile(rb"[\xa8\xb8\xc0-\xff]{3,}")
# Codecs a file may not name: not charsets of documents (punycode and idna are for host names and
# punycode decodes in quadratic time; utf-7 smuggles markup; the escapes run code-like transforms).
_REFUSED_CODECS = frozenset({"punycode", "idna", "utf-7", "unicode-escape", "raw-unicode-escape"})


def _declared_codec(declared: str) -> str | None:
    """The codec a declared charset names, if it is a document charset we accept."""
    try:
        info = codecs.lookup(declared)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return None
    return info.name


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode bytes: BOM, declared charset, UTF-8, then a legacy guess; return text, codec, guessed.

    The legacy guess is cp1251 when most high bytes stand in runs of three or more letters (Cyrillic
    words, however much ASCII surrounds them: a CSV's dates, codes and headers), else cp1252 (Western
    text with a few accents), else latin-1, which never fails.
    """
    if data.startswith(UTF8_BOM):
        return data[len(UTF8_BOM) :].decode("utf-8", errors="replace"), "utf-8-sig", False
    codec = _declared_codec(declared) if declared else None
    if codec:
        try:
            return data.decode(codec), codec, False
        except UnicodeError:  # UnicodeDecodeError, and the plain UnicodeError some codecs raise
            pass
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    # bytes.translate and the regex count in C; a Python loop over a 20 MB upload would take seconds.
    high = len(data.translate(None, _ASCII))
    in_words = sum(len(word) for word in _CYRILLIC_WORD.findall(data))
    candidates = ("cp1251", "cp1252") if high and in_words / high > 0.5 else ("cp1252",)
    for codec in candidates:
        try:
            return data.decode(codec), codec, True
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1", True
