"""people.matching's index: looking a full name up per spelling finds exactly whom agreement() finds."""

import itertools

from people.matching import Known, Mention, People, _entries
from people.names import Agreement, compare, parse_name

NAMES = [
    "Mohammed bin Salman",
    "Muhammad bin Salman",
    "Salman bin Abd al-Aziz",
    "Mohammed VI",
    "Mohammed V",
    "Boris N. Yeltsin",
    "Boris Yeltsin",
    "Willem (Wim) Kok",
    "Heydar Aliyev",
    "Geidar Aliyev",
    "Ilham Aliyev",
    "George H. W. Bush",
    "George W. Bush",
    "Juan Carlos I",
    "Sheikh Hasina",
    "Sheikh Hasina Wajed",
    "Kimura Taro",
    "Koumura Taro",
]


def _people() -> People:
    """Namesakes in several countries, spellings as aliases, and a person forgotten and one renamed."""
    people = People()
    for pid, (name, country) in enumerate(itertools.product(NAMES, ["FR", "SA", ""])):
        aliases = (NAMES[(pid + 1) % len(NAMES)],) if pid % 5 == 0 else ()
        people.add(Known(pid, name, country, aliases))
    people.forget(3)
    people.rename(4, ("new", 4), "DE")
    return people


def test_same_name_lookup_agrees_with_agreement_for_everyone() -> None:
    people = _people()
    for written in [*NAMES, "Muhammed bin Salman", "Boris Jeltsin", "Wim Kok", "Hasina Wajed"]:
        name = parse_name(written)
        if not name.is_full:
            continue
        expected = sorted(
            (pid for pid in people.people if people.agreement(pid, name) == Agreement.SAME), key=str
        )
        found: set = set()
        for known, pids in people.by_key.get(_entries(name)[0], {}).items():
            if known.is_full and compare(name, known) == Agreement.SAME:
                found |= pids
        assert sorted(found, key=str) == expected, written
        decision = people.resolve(Mention(written, country="SA"))
        if expected:
            assert decision.id in expected, written


def test_a_parsed_name_hashes_by_its_written_form() -> None:
    assert parse_name("Boris Yeltsin") == parse_name("Boris Yeltsin")
    assert hash(parse_name("Boris Yeltsin")) == hash("Boris Yeltsin")
    assert parse_name("Boris Yeltsin") != parse_name("Boris  Yeltsin")
