"""Written names, read and compared: rules 2-4 of people/matching.py (numbers, given names, spelling).

Pure: a name in, its parts out (`parse_name`), and how two names agree (`compare`: DIFFERENT, COMPATIBLE,
SAME). Who a name is (countries, posts, dates) is decided in people/matching.py, which asks this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property, lru_cache

from common.text import loose_token, name_tokens, translit_tokens

# "II", "VI", "XIV": a regnal number when it follows a name (written in capitals, never the first word).
_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$")
_NICKNAME = re.compile(r"\s*\(([^()]+)\)")
_GENERATIONAL = {"jr": "jr", "jnr": "jr", "junior": "jr", "sr": "sr", "snr": "sr", "senior": "sr"}
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)?$")
# Words that join a name without being one: "Saud al-Faisal", "Violeta Barrios de Chamorro".
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ul",
        "ad",
        "as",
        "an",
        "ar",
        "at",
        "az",
        "bin",
        "bint",
        "ibn",
        "ben",
        "bte",
        "binti",
        "abu",
        "abd",
        "de",
        "da",
        "das",
        "del",
        "della",
        "di",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "y",
        "e",
        "und",
        "of",
    ]
)
# A leading name often left out: "Mohammed Nawaz Sharif" is "Nawaz Sharif", "Sheikh Hasina" is "Hasina".
DROPPABLE_LEADS = frozenset(
    ["mohammed", "muhammad", "mohammad", "mohamed", "muhammed", "sheikh", "shaikh", "sheikha", "sayyid"]
)
# Romanisations no letter rule explains; each pair is one name (Russian "G" for Azeri "H").
_VARIANTS: dict[str, str] = {
    "geidar": "heidar",
    "gaidar": "heidar",
    "gusein": "husein",
    "guseinov": "huseinov",
}
# Styles a source may leave in front of a name; never a given name ("Prince Saud" is Saud).
STYLES = frozenset(
    [
        "prince",
        "princess",
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "crown",
        "dr",
        "dr.",
        "general",
        "gen.",
        "cardinal",
        "archbishop",
        "lady",
        "lord",
        "dame",
        "daw",
        "haji",
    ]
)
_STYLE_LOOSE = frozenset(loose_token(w) for w in ("sheikh", "shaikh", "sheikha", "sayyid", "haji"))
_PATRONYMICS = frozenset(["bin", "ibn", "bint", "binti", "bte", "ben", "ould"])
_DROPPABLE_LOOSE = frozenset(loose_token(w) for w in DROPPABLE_LEADS)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(text: str) -> int:
    total = 0
    for a, b in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[a]
        total += -value if b and _ROMAN_VALUES[b] > value else value
    return total


@dataclass(frozen=True)
class PersonName:
    """A written name, read for matching: key tokens, loose tokens and any regnal number."""

    written: str
    tokens: tuple[str, ...]  # name_tokens (any script), number dropped
    loose: tuple[str, ...]  # transliterated, loosened, particles dropped: what rules 3-4 compare
    number: str = ""  # "6" for "Mohammed VI", "jr" for "Jr."
    # "Muhammad bin Salman": a chain of fathers' names, so every word's place matters.
    patronymic: bool = False
    # The first word is the person's own name, not a droppable "Muhammad": "Muhammad bin Salman".
    lead_named: bool = False

    def __hash__(self) -> int:
        # parse_name is the only maker of names, so the written form decides every other field; the
        # generated hash of all six fields cost more than the cached comparisons it keyed.
        return hash(self.written)

    @cached_property
    def is_full(self) -> bool:
        """Two name words, or one with a regnal number ("Mohammed VI"): enough to name someone.
        A style is no name word: "Sheikh al-Sabah" names a family, not a person."""
        words = len(self.loose) - (1 if self.loose and self.loose[0] in _STYLE_LOOSE else 0)
        return words >= 2 or (words == 1 and bool(self.number))

    @property
    def surname(self) -> str:
        return self.loose[-1] if self.loose else ""


@lru_cache(maxsize=65536)
def parse_name(written: str) -> PersonName:
    """Read "King Mohammed VI" minus its title (the caller strips titles): tokens, loose tokens, number."""
    # A nickname in brackets is another spelling (People.add_name keeps it), not a word of this one.
    words = [w.strip(".,") for w in _NICKNAME.sub(" ", written or "").replace(",", " ").split()]
    number = ""
    while len(words) > 1:
        last = words[-1]
        if _ROMAN.match(last):
            number = str(_roman(last))
        elif last.lower().rstrip(".") in _GENERATIONAL:
            number = _GENERATIONAL[last.lower().rstrip(".")]
        elif _ORDINAL.match(last.lower()) and last[0].isdigit():
            number = _ORDINAL.match(last.lower()).group(1)
        else:
            break
        words.pop()
        break
    # A style left inside the name ("Foreign Minister Prince Saud al-Faisal") is not a given name.
    while len(words) > 1 and words[0].casefold() in STYLES:
        words.pop(0)
    rest = " ".join(words)
    tokens = tuple(name_tokens(rest))
    loose = []
    ascii_tokens = translit_tokens(rest)
    for token in ascii_tokens:
        if token in PARTICLES:
            continue
        token = loose_token(token)
        loose.append(_VARIANTS.get(token, token))
    if not loose and tokens:
        loose = list(tokens)  # a script no table romanises: its own letters still name the person
    patronymic = any(t in _PATRONYMICS for t in ascii_tokens)
    lead_named = len(ascii_tokens) > 1 and ascii_tokens[1] in _PATRONYMICS
    return PersonName(written, tokens, tuple(loose), number, patronymic, lead_named)


_VOWEL_PAIRS = frozenset({("e", "i"), ("i", "e"), ("o", "u"), ("u", "o"), ("a", "e"), ("e", "a")})


@lru_cache(maxsize=262144)
def words_agree(a: str, b: str) -> bool:
    """Two loose tokens are one name word (rule 4): equal, or swapped vowels in a long enough word."""
    if a == b:
        return True
    if len(a) != len(b) or len(a) < 5 or a[0] != b[0]:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    allowed = 2 if len(a) >= 6 else 1
    return len(diffs) <= allowed and all(pair in _VOWEL_PAIRS for pair in diffs)


def _initial_of(a: str, b: str) -> bool:
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _word_fits(a: str, b: str) -> bool:
    return words_agree(a, b) or _initial_of(a, b)


class Agreement(IntEnum):
    """How well two names agree: DIFFERENT never joins; COMPATIBLE needs more evidence; SAME joins."""

    DIFFERENT = 0
    COMPATIBLE = 1  # one is a part of the other: a surname, a missing middle name or number
    SAME = 2  # the same words, maybe transliterated differently


def compare(a: PersonName | str, b: PersonName | str) -> Agreement:
    """Rules 2-4 on two names (titles already stripped)."""
    a = parse_name(a) if isinstance(a, str) else a
    b = parse_name(b) if isinstance(b, str) else b
    return _compare(a, b)


@lru_cache(maxsize=262144)
def _compare(a: PersonName, b: PersonName) -> Agreement:
    if not a.loose or not b.loose:
        return Agreement.DIFFERENT
    if a.number and b.number and a.number != b.number:
        return Agreement.DIFFERENT  # rule 2
    numbers = Agreement.SAME if a.number == b.number else Agreement.COMPATIBLE
    short, long = (a.loose, b.loose) if len(a.loose) <= len(b.loose) else (b.loose, a.loose)
    if len(short) == len(long) and all(words_agree(x, y) for x, y in zip(short, long, strict=True)):
        return numbers
    shorter = a if len(a.loose) <= len(b.loose) else b
    if shorter.number and len(long) > len(short) and not (a.number and b.number):
        # A monarch ("George V", "Juan Carlos I") is not a person with a surname ("George C. Price",
        # "Juan Carlos Pinzon").
        return Agreement.DIFFERENT
    if len(short) == 1:
        # A single word: a surname ("Gorbachev"), a surname written first ("Hua"), a monarch ("Mohammed").
        word = short[0]
        return Agreement.COMPATIBLE if words_agree(word, long[-1]) or words_agree(word, long[0]) else 0
    # Rule 3: a word the longer name repeats is a second person's name ("Seretse Khama Ian Khama").
    if len(set(long)) < len(long) and len(set(short)) == len(short):
        return Agreement.DIFFERENT
    if len(short) == len(long):
        # Same length, a word differs: only an initial may stand for a name ("S." / "Sergeyevich").
        if all(_word_fits(x, y) for x, y in zip(short, long, strict=True)):
            return Agreement.COMPATIBLE
        return Agreement.DIFFERENT
    longer = a if len(a.loose) > len(b.loose) else b
    if _partial(short, long, patronymic=a.patronymic or b.patronymic, lead_named=longer.lead_named):
        return Agreement.COMPATIBLE
    return Agreement.DIFFERENT


def compound_surname(a: PersonName | str, b: PersonName | str) -> bool:
    """The shorter name is the longer one's last words: "Aboul Gheit" / "Ahmed Aboul Gheit", "Estrada
    Cabrera" / "Manuel Estrada Cabrera" - or "Ziaur Rahman" / "Khaleda Ziaur Rahman", his widow: so this
    joins only with the register's word that the one person held that post then."""
    a = parse_name(a) if isinstance(a, str) else a
    b = parse_name(b) if isinstance(b, str) else b
    short, long = (a, b) if len(a.loose) <= len(b.loose) else (b, a)
    if len(short.loose) < 2 or len(long.loose) <= len(short.loose) or short.number != long.number:
        return False
    if a.patronymic or b.patronymic:
        return False
    tail = long.loose[-len(short.loose) :]
    return all(words_agree(x, y) for x, y in zip(short.loose, tail, strict=True))


def _partial(
    short: tuple[str, ...], long: tuple[str, ...], *, patronymic: bool = False, lead_named: bool = False
) -> bool:
    """The shorter name is the longer one less a middle name, a leading "Mohammed" or a trailing name."""
    if words_agree(short[-1], long[-1]):
        firsts = [0]
        # Not in a chain of fathers' names: "Muhammad bin Salman" is not his father "Salman bin Abd al-Aziz".
        if long[0] in _DROPPABLE_LOOSE and not lead_named:
            firsts.append(1)
        for first in firsts:
            if not _word_fits(short[0], long[first]):
                continue
            middle_short, middle_long = short[1:-1], long[first + 1 : -1]
            if not middle_short:
                return True
            # Both give middle names or initials: they must be the same ones (George H. W. / George W.).
            if len(middle_short) == len(middle_long) and all(
                _word_fits(x, y) for x, y in zip(middle_short, middle_long, strict=True)
            ):
                return True
        return False
    # "Sheikh Hasina" / "Sheikh Hasina Wajed": the whole shorter name opens the longer one.
    return all(words_agree(x, y) for x, y in zip(short, long, strict=False))


def same_person(a: str, b: str) -> bool:
    """The two written names certainly name one person by name alone (rule 5's SAME)."""
    return compare(a, b) == Agreement.SAME
