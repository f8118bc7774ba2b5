"""Outcomes: documents a visit or meeting produced ("the sides signed a memorandum of understanding on ...").

`outcomes_in(text, published=None)` returns one dict per document signed, adopted or issued in the text:
kind (agreement, memorandum, joint_statement, declaration, other), title (a quoted or capitalised title
when the text gives one, else the noun phrase as written), parties (ISO codes, when the text names them:
"between Azerbaijan and Tajikistan", "the Australia-Japan ..."), date (ISO, when the sentence dates it)
and evidence ([start, end] of the sentence). Only what was done: plans ("are to sign", "set to sign"),
documents recalled from earlier ("had been signed", "agreements reached earlier") and failures
("did not sign") are not outcomes. Pure Python: no Django.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pycountry

from .dates import find_dates
from .text import Gated, Sentence, sentences

# The document nouns, longest first; each with its kind.
_DOCUMENTS: tuple[tuple[str, str], ...] = (
    (r"memorand(?:um|a) of understanding|memorand(?:um|a)|MoUs?|MOUs?", "memorandum"),
    (r"joint (?:statement|communiqu[eé]|press statement)s?|communiqu[eé]s?", "joint_statement"),
    (r"(?:joint |political )?declarations?", "declaration"),
    (r"agreements?|accords?|treat(?:y|ies)|conventions?|protocols?|framework|deals?", "agreement"),
    (
        r"(?:cooperation |co-operation )?(?:programmes?|programs?|road ?maps?|action plans?|plans? of action|"
        r"documents?|contracts?|charters?)",
        "other",
    ),
)
_NOUN = "|".join(f"(?:{pattern})" for pattern, _ in _DOCUMENTS)
_KINDS = [(re.compile(rf"\b(?:{pattern})\b", re.I), kind) for pattern, kind in _DOCUMENTS]

# A document as its own phrase: an optional quoted or capitalised title, determiners, the noun, and what
# it is "on"/"in the field of"/"between" (up to the clause's end).
# A clause's characters: a full stop only inside an abbreviation ("U.S. forces").
_IN = r"(?:[^.;:!?]|\.(?=[A-Za-z-]))"
_TAIL = (
    rf"(?:\s+between\s{_IN}*?\sand\s{_IN}*?"
    rf"|\s+(?:on|of|in the (?:field|area|sphere)s? of|for|in|concerning|regarding|establishing)\s{_IN}*?)?"
)
# The lookahead holds the characters a quote, number, title, determiner or noun starts with: a noun added
# to _DOCUMENTS that starts with another letter goes there too, and into _NOUNS below (see test_cues.py).
_PHRASE = re.compile(
    r"(?=[\"“‘'\dabcdefijmnprst]|(?-i:[A-Z]))(?P<phrase>"
    r"(?:[\"“‘'](?P<quoted>[^\"”’']{4,160})[\"”’'])"
    r"|(?:(?:an?|the|two|three|four|five|six|seven|eight|nine|ten|several|\d+|a number of|a package of|"
    r"a series of|a set of|some|new|bilateral|intergovernmental|inter-governmental)\s+)*"
    r"(?P<title>(?-i:(?:(?!(?:Signed|Adopted|Issued|Inked|Concluded|Initialled|Attended)\b)[A-Z][\w'’.-]*\s+"
    r"(?:(?:and|of|on|for|in|the|to)\s+)*){0,10}))"
    rf"(?P<noun>{_NOUN})\b"
    rf"(?P<tail>{_TAIL})"
    r")(?=\s*(?:[,;:!?)\"”’]|\.(?![A-Za-z-])|\s(?:and|which|that|who|as|during|at|after|following|with|to|"
    r"in order|was|were|has|have|had|is|are|signed|adopted|issued|by)\b|$))",
    re.I,
)
# What was done to it. Active ("signed X", "put their names to X"), passive ("X was signed") and nominal
# ("the signing of X", "ended with the signing of X").
_DONE_VERB = (
    r"(?:signed|inked|initialled|initialed|adopted|issued|concluded|exchanged|endorsed|approved|"
    r"put (?:their|his|her) (?:names|signatures?) to|affixed (?:their|his|her) signatures? to)"
)
_ACTIVE = re.compile(rf"\b{_DONE_VERB}\s+(?:on\s+)?", re.I)
_PASSIVE = re.compile(rf"\b(?:was|were|have been|has been|being|got)\s+(?:also\s+)?{_DONE_VERB}\b", re.I)
_NOMINAL = re.compile(
    r"\b(?:the\s+)?(?:signing|adoption|signature|conclusion|(?:instruments of )?ratifications?) of\s+", re.I
)
_SOON = re.compile(
    r"\b(?:to (?:be )?(?:sign|ink|adopt|issu|conclud|put)\w*|will|would|shall|set to|expected|plan(?:s|ned)?|"
    r"intend(?:s|ed)?|due to|hope[sd]? to|aim(?:s|ed)? to|going to|prepar(?:e|ed|ing)|draft(?:ed|ing)?|"
    r"ready to|getting ready|could|might|recalled|had been|had signed|earlier|previously|"
    r"did not|didn't|failed to|refused to|no agreement|without)\b",
    re.I,
)
# A signing ceremony reports the signing ("attended a ceremony to sign the ... Framework").
_CEREMONY = re.compile(r"\bceremony (?:to sign|for the signing of|of signing|at which|where)\b", re.I)
# "the joint communique signed following your visit": a participle right after the document.
_PARTICIPLE = re.compile(rf"^\s*,?\s*(?:also\s+)?{_DONE_VERB}\b(?!\s+(?:to|with)\b)", re.I)
# "agreements that the heads of state reached" (earlier): not a document produced now.
_REACHED = re.compile(r"\b(?:reached|concluded) (?:earlier|before|previously|in \d{4})\b", re.I)
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z][\w.' ]+?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w.' ]+?)\b"
    r"(?=[,.;:]|\s[a-z]|$)"
)
_HYPHEN_PAIR = re.compile(r"\b(?P<a>[A-Z][a-z]+)-(?P<b>[A-Z][a-z]+)\b")
_ALIASES = {
    "us": "US",
    "usa": "US",
    "america": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "russia": "RU",
    "korea": "KR",
    "south korea": "KR",
    "north korea": "KP",
    "iran": "IR",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "tanzania": "TZ",
    "bolivia": "BO",
    "venezuela": "VE",
    "czech republic": "CZ",
    "turkey": "TR",
    "ivory coast": "CI",
    "the netherlands": "NL",
}


def _country(name: str) -> str | None:
    name = name.strip().removeprefix("the ").strip()
    if not name or (len(name) < 3 and name.upper() not in ("US", "UK")):
        return None
    folded = name.casefold()
    if folded in _ALIASES:
        return _ALIASES[folded]
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _parties(sentence: str) -> list[str]:
    found: list[str] = []
    for m in _BETWEEN.finditer(sentence):
        pair = [_country(m.group("a")), _country(m.group("b"))]
        if all(pair):
            found += [c for c in pair if c]
    for m in _HYPHEN_PAIR.finditer(sentence):
        pair = [_country(m.group("a")), _country(m.group("b"))]
        if all(pair):
            found += [c for c in pair if c]
    return list(dict.fromkeys(found))


def _kind(phrase: str) -> str:
    # The first document noun in the phrase decides ("Joint Statement on ... Measures" is a statement).
    hits = [(m.start(), kind) for pattern, kind in _KINDS for m in [pattern.search(phrase)] if m]
    return min(hits)[1] if hits else "other"


# Where a title's lowercase modifiers stop, reading leftwards ("signed | nuclear cooperation agreement").
_TITLE_STOP = re.compile(
    rf"^(?:{_DONE_VERB}|signing|sign|an?|the|of|to|and|or|with|by|on|at|in|for|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|some|\d+)$",
    re.I,
)


def _title(m: re.Match[str], sentence: str) -> str:
    if m.group("quoted"):
        return m.group("quoted").strip()
    phrase = m.group("phrase").strip()
    phrase = re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.I)
    if not m.group("title"):
        # Lowercase modifiers the phrase left out: "nuclear cooperation agreement", "peace agreement".
        words = sentence[: m.start("noun")].split()
        modifiers: list[str] = []
        while words and len(modifiers) < 5 and not _TITLE_STOP.match(words[-1].strip(",;:")):
            if re.search(r"[,;:.]$", words[-1]):
                break
            modifiers.insert(0, words.pop())
        if modifiers and not phrase.lower().startswith(" ".join(modifiers).lower()):
            phrase = (
                " ".join(modifiers)
                + " "
                + re.sub(rf"^(?:{'|'.join(re.escape(w) for w in modifiers)})\s+", "", phrase)
            )
    return re.sub(r"\s+", " ", phrase)[:300]


def _done(sentence: str, start: int) -> bool:
    """Is the document at `start` in the sentence something signed/adopted here (not planned, not past)?"""
    before = sentence[:start]
    clause = re.split(r"[;:]|,\s(?:and|but|while|which|as)\s|\bthat\b", before)[-1]
    if _CEREMONY.search(clause) and not re.search(r"\b(?:will|would|set to|due to|planned)\b", clause):
        return True
    if not (_ACTIVE.search(clause[-80:]) or _NOMINAL.search(clause[-60:])):
        return False
    return not _SOON.search(clause)


def _done_passive(sentence: str, end: int) -> bool:
    """Is the document ending at `end` followed by "was signed" or a participle ("X signed during ...")?"""
    after = sentence[end : end + 60]
    m = _PASSIVE.match(after.lstrip(" ,")) or _PASSIVE.search(after[:40]) or _PARTICIPLE.match(after)
    if not m:
        return False
    before = re.split(r"[;:]|\bthat\b", sentence[:end])[-1]
    return not _SOON.search(before + after[: m.end()])


# Some document noun, even inside a longer word as the phrase allows ("disagreement"); the words cover
# every noun of _DOCUMENTS.
_NOUNS = Gated(
    re.compile(_NOUN, re.I),
    "memorand|mou|communiqu|statement|declaration|agreement|accord|treat|convention|protocol|framework|deal|"
    "program|road|plan|document|contract|charter",
)
# Words a sentence telling of a signing holds somewhere.
_CUES = Gated(
    re.compile(r"sign|ink|adopt|issu|conclu|initial|ratif|put (?:their|his|her)|endors|approv", re.I),
    "sign|ink|adopt|issu|conclu|initial|ratif|put their|put his|put her|endors|approv",
)


def outcomes_in(
    text: str, published: dt.date | None = None, sents: list[Sentence] | None = None
) -> list[dict[str, Any]]:
    """Documents signed, adopted or issued in `text`, once each, in order (see the module docstring);
    `sents` are the text's sentences when the caller has split it already."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for s in sentences(text) if sents is None else sents:
        sentence = s.text
        if not _CUES.search(sentence) or not _NOUNS.search(sentence):
            continue  # nothing signed, or no document: every phrase below would be passed over
        if _REACHED.search(sentence):
            continue
        for m in _PHRASE.finditer(sentence):
            noun = m.group("noun") or ""
            if m.group("quoted") and not re.search(rf"\b(?:{_NOUN})\b", m.group("quoted"), re.I):
                continue
            if not (_done(sentence, m.start()) or _done_passive(sentence, m.end())):
                continue
            title = _title(m, sentence)
            kind = _kind(title if m.group("quoted") else noun)
            key = (kind, re.sub(r"[^a-z]", "", title.casefold()))
            if key in seen:
                continue
            seen.add(key)
            dates = find_dates(sentence, s.start, published)
            out.append(
                {
                    "kind": kind,
                    "title": title,
                    "parties": _parties(sentence),
                    "date": dates[0].date.isoformat() if dates else None,
                    "evidence": [s.start, s.end],
                }
            )
    return out
