"""Name normalisation shared by resolution, imports and search.

Keys keep the letters of every script: "Сергей Лавров", "Γιώργος Παπανδρέου" and "日本 太郎" all get
usable keys. Latin-script words are folded to ASCII ("Władysław Sikorski" -> "wladyslaw sikorski"), the
way they always were; other scripts are kept as written (NFKC, casefolded). A transliteration into
Latin letters is only ever an extra key (`translit_tokens`), never the stored name key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.utils.text import slugify

try:  # ISC-licensed, no dependencies: one table for every script (pinned in requirements.txt)
    from anyascii import anyascii as _to_ascii
except ImportError:  # pragma: no cover - a fallback that still folds Latin diacritics

    def _to_ascii(text: str) -> str:
        text = unicodedata.normalize("NFKD", text)
        return "".join(c for c in text if not unicodedata.combining(c) and c.isascii())


HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "his", "her", "excellency", "hon", "sir"})
_ASCII_WORD = re.compile(r"[^a-z0-9]+")


def _is_word_char(char: str) -> bool:
    # Letters, digits and combining marks (Devanagari vowel signs, Japanese voicing marks) of any script.
    return unicodedata.category(char)[0] in "LNM"


def _is_latin(char: str) -> bool:
    if char.isascii():
        return True
    if unicodedata.category(char)[0] == "M":
        return True  # a combining mark goes with its base letter
    return unicodedata.name(char, "").startswith("LATIN")


@lru_cache(maxsize=65536)
def _raw_words(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", name or "").casefold()
    words, word = [], []
    for char in text:
        if _is_word_char(char):
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return tuple(words)


def _fold_word(word: str) -> list[str]:
    """A Latin word as ASCII ("łódź" -> "lodz", "o'neill" stays split by the caller); others as written."""
    if all(_is_latin(c) for c in word):
        return [w for w in _ASCII_WORD.split(_to_ascii(word).lower()) if w]
    return [word]


def _drop_honorifics(tokens: list[str]) -> tuple[str, ...]:
    """Drop "Mr", "Dr", "His Excellency" and "H.E." (but not the initial H. of "George H. W. Bush")."""
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "h" and i + 1 < len(tokens) and tokens[i + 1] == "e":
            i += 2
            continue
        if tokens[i] in HONORIFICS:  # not "he" alone: He Yafei
            i += 1
            continue
        kept.append(tokens[i])
        i += 1
    return tuple(kept)


@lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for word in _raw_words(name):
        tokens.extend(_fold_word(word))
    return _drop_honorifics(tokens)


def name_tokens(name: str) -> list[str]:
    """Casefolded tokens of a name in any script, honorifics dropped ("Movahedi-Azad": "movahedi", "azad").

    Latin words are folded to ASCII; Cyrillic, Greek, Arabic, CJK ... words are kept (NFKC, casefold).
    """
    return list(_tokens(name or ""))


# Greek "ου" is "ou" in every romanisation of names (Papandreou), not the "oy" a letter-by-letter table gives.
_GREEK_OU = re.compile(r"ο[υύ]|Ο[υύΥ]")


@lru_cache(maxsize=65536)
def _translit(name: str) -> tuple[str, ...]:
    text = _GREEK_OU.sub("ou", unicodedata.normalize("NFKC", name or ""))
    text = _to_ascii(text).lower()
    return _drop_honorifics([t for t in _ASCII_WORD.split(text) if t])


def translit_tokens(name: str) -> list[str]:
    """The name in ASCII tokens ("Сергей Лавров" -> ["sergey", "lavrov"]): an extra key, never the key."""
    return list(_translit(name or ""))


def name_key(name: str) -> str:
    """A spelling-insensitive key: tokens joined by one space, order kept (letters of any script)."""
    return " ".join(_tokens(name or ""))


def translit_key(name: str) -> str:
    """The name key of the name's transliteration into Latin letters (equal to name_key for Latin names)."""
    return " ".join(_translit(name or ""))


def unique_slug(model: type, text: str, *, field: str = "slug", max_length: int = 80) -> str:
    """A slug for `text` not yet used in `model` (suffixes -2, -3, ... on clashes)."""
    base = slugify(text)[:max_length].strip("-") or slugify(translit_key(text))[:max_length].strip("-")
    base = base or "item"
    slug, n = base, 1
    taken = set(model._default_manager.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


# Spellings that differ only by how a script was romanised: Russian "zh"/"dzh", French "dj", German "w",
# "-off"/"-ow" for "-ov", "y" for "i", doubled letters. Vowels are kept: they tell Kimura from Koumura,
# Pardo from Prado, Hua from Hu and Rhee from Roh.
_LOOSE_SUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"dzh|dj|zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(?<=o)ff$|(?<=e)ff$"), "v"),
    (re.compile(r"y"), "i"),
    # Russian "-ayev"/"-aev", "Aliyev"/"Aliev": the "y" before "e" after a vowel is optional.
    (re.compile(r"(?<=[aeiou])i(?=e)"), ""),
    # "j" after a consonant is the semivowel of another romanisation: Benjamin / Binyamin.
    (re.compile(r"(?<=[bcdfghklmnprstvz])j"), "i"),
)


@lru_cache(maxsize=65536)
def loose_token(token: str) -> str:
    """A transliteration-tolerant form of one ASCII token (see _LOOSE_SUBS); vowels are kept."""
    for pattern, replacement in _LOOSE_SUBS:
        token = pattern.sub(replacement, token)
    collapsed: list[str] = []
    for char in token:
        if not collapsed or char != collapsed[-1]:
            collapsed.append(char)
    return "".join(collapsed)


# The vowel swaps people.matching.words_agree allows (e/i, a/e, o/u), folded to one letter each.
_VOWEL_CLASSES = str.maketrans({"a": "i", "e": "i", "o": "u"})


def match_key(name: str) -> str:
    """A transliteration-tolerant key of a name in any script: an index to find candidates by, not a verdict.

    "Sergei Lavrov", "Sergey Lavrov" and "Сергей Лавров" share one, so do "Mohammad" and "Muhammed"; vowels
    are never dropped, so "Kimura" / "Koumura", "Hua" / "Hu" and "Rhee" / "Roh" do not. Whether two names
    with one key are one person is for people.matching to decide.
    """
    return " ".join(loose_token(t).translate(_VOWEL_CLASSES) for t in _translit(name or ""))
