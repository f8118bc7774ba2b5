"""Name normalisation shared by resolution, imports and search."""

import re
import unicodedata

from django.utils.text import slugify

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "h", "e", "he", "his", "her", "excellency", "hon", "sir"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def name_tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, honorifics dropped ("Movahedi-Azad" -> ["movahedi", "azad"])."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return [w for w in _NON_WORD.split(text) if w and w not in HONORIFICS]


def name_key(name: str) -> str:
    """A spelling-insensitive key: tokens joined by one space, order kept."""
    return " ".join(name_tokens(name))


def unique_slug(model: type, text: str, *, field: str = "slug", max_length: int = 80) -> str:
    """A slug for `text` not yet used in `model` (suffixes -2, -3, ... on clashes)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    taken = set(model._default_manager.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


_VOWELS = str.maketrans("", "", "aeiouy")
_DIGRAPHS = (
    ("kh", "h"),
    ("ph", "f"),
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("ou", "u"),
    ("w", "v"),
    ("q", "k"),
)


def _loose_token(token: str) -> str:
    for a, b in _DIGRAPHS:
        token = token.replace(a, b)
    head, tail = token[:1], token[1:].translate(_VOWELS)
    collapsed = [head]
    for ch in tail:
        if ch != collapsed[-1]:
            collapsed.append(ch)
    return "".join(collapsed)


def match_key(name: str) -> str:
    """A transliteration-tolerant key: vowels after the first letter and doubled letters dropped.

    "Mohammad Movahedi-Azad", "Mohammed Movahedi Azad" and "Muhammad Movahedi Azad" share one key; it is
    only ever used together with the country, so the looseness does not join strangers.
    """
    return " ".join(_loose_token(t) for t in name_tokens(name))
