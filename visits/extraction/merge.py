"""People from mentions: merging a mention into the person it names, and attaching posts to people."""

from __future__ import annotations

from itertools import pairwise

from .gazetteer import fold
from .mentions import Doc, Person, TitlePhrase

# Offices a person holds one of at a time: a name shared by a "Sultan" and a "Prime Minister" is two people.
_TOP_OFFICES = frozenset(
    {
        ("president",),
        ("prime", "minister"),
        ("king",),
        ("queen",),
        ("sultan",),
        ("emir",),
        ("amir",),
        ("crown", "prince"),
        ("prince",),
        ("chancellor",),
        ("premier",),
        ("pope",),
        ("emperor",),
    }
)


# Two words for one office ("Premier Abiy" is "Prime Minister Abiy Ahmed").
_OFFICE_SAME = {("premier",): ("prime", "minister"), ("amir",): ("emir",)}


def _spelling_variant(a: list[str], b: list[str]) -> bool:
    """Two spellings of one name: same first and last word, the same number of words, and the words that
    differ alike ("Mehmood"/"Mahmood"), not "Hamad bin Khalifa Al Thani" / "Hamad bin Jassim ... Al Thani"."""
    from difflib import SequenceMatcher

    if len(a) < 2 or len(a) != len(b) or fold(a[0]) != fold(b[0]) or fold(a[-1]) != fold(b[-1]):
        return False
    differ = [(fold(x), fold(y)) for x, y in zip(a, b, strict=True) if fold(x) != fold(y)]
    return len(differ) <= 1 and all(SequenceMatcher(None, x, y).ratio() >= 0.7 for x, y in differ)


def _nickname(nick: str, words: list[str]) -> bool:
    """Whether a one-word name is a common short form of a full name: its initials ("AMLO", "MBS") or the
    starts of two of its words run together ("Jokowi" = Jo(ko) + Wi(dodo))."""
    if len(words) < 2 or len(nick) < 3:
        return False
    folded = [fold(w) for w in words if w[:1].isalpha()]
    if nick.isupper() and len(nick) <= 5:
        return fold(nick) == "".join(w[0] for w in folded)
    low = fold(nick)
    if not nick[:1].isupper() or nick[1:].lower() != nick[1:]:
        return False
    for a, b in pairwise(folded):
        for k in range(2, len(a) + 1):
            if low.startswith(a[:k]) and len(low) - k >= 2 and b.startswith(low[k:]):
                return True
    return False


def _merge(doc: Doc, name: str, i: int, j: int, tp: TitlePhrase | None = None) -> int:
    keys = frozenset(fold(w) for w in name.replace("-", " ").split() if len(w) > 1 or w.isalpha())
    keys = frozenset(k.rstrip(".") for k in keys if k not in ("mr", "ms", "mrs", "dr"))
    best = -1
    for idx in range(len(doc.persons) - 1, -1, -1):
        p = doc.persons[idx]
        if (
            tp is not None
            and tp.head in _TOP_OFFICES
            and p.head in _TOP_OFFICES
            and _OFFICE_SAME.get(tp.head, tp.head) != _OFFICE_SAME.get(p.head, p.head)
        ):
            continue  # "Sultan Ibrahim" after "Prime Minister Anwar Ibrahim": another person
        if keys <= p.keys or p.keys <= keys:
            best = idx
            break
        words = name.split()
        pw = p.name.split()
        if len(words) == 1 and _nickname(words[0], pw):
            best = idx  # "Jokowi" for Joko Widodo, "AMLO" for Andres Manuel Lopez Obrador
            break
        if _spelling_variant(words, pw):
            best = idx  # "Shah Mehmood Qureshi" / "Shah Mahmood Qureshi"
            break
    if best < 0:
        doc.persons.append(Person(name, keys, first=i))
        return len(doc.persons) - 1
    p = doc.persons[best]
    if len(keys) > len(p.keys):
        p.name, p.keys = name, keys
    return best


# Styles of address that the titles list carries as heads but that give way to a post ("Sheikh X, President")
_STYLES = frozenset(
    {
        ("sheikh",),
        ("shaikh",),
        ("prince",),
        ("princess",),
        ("sheikha",),
        # military ranks give way to a post too ("General X, the National Security Adviser")
        ("general",),
        ("lieutenant", "general"),
        ("major", "general"),
        ("brigadier",),
        ("brigadier", "general"),
        ("colonel",),
        ("lieutenant", "colonel"),
        ("admiral",),
        ("rear", "admiral"),
        ("vice", "admiral"),
        ("marshal",),
        ("field", "marshal"),
        ("air", "marshal"),
        ("air", "chief", "marshal"),
        ("captain",),
        ("commander",),
    }
)


def _singular_title(title: str) -> str:
    """ "Ministers" -> "Minister", "Foreign Ministers of X" -> "Foreign Minister of X" (the head's plural)."""
    words = title.split()
    for k, w in enumerate(words):
        low = w.lower()
        if low.endswith("s") and not low.endswith("ss") and low not in ("affairs", "relations", "us"):
            words[k] = w[:-2] if low.endswith(("ches", "shes")) else w[:-1]
            break
    return " ".join(words)


def _attach(p: Person, tp: TitlePhrase | None) -> None:
    if tp is None:
        return
    if (
        p.title is None
        or (len(tp.title) > len(p.title) and p.head == tp.head)
        or (p.head in _STYLES and tp.head not in _STYLES)
    ):
        p.title, p.head = tp.title, tp.head
    if tp.org and tp.country is None and p.country is None:
        p.org_head, p.organisation = True, tp.org
    if tp.country and p.country is None and not p.org_head:
        p.country = tp.country
    if tp.org and p.organisation is None:
        p.organisation = tp.org
