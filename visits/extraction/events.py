"""Multilateral events: who a sentence names as present at a summit, session or conference.

"Every leader named as attending a summit abroad has a visit": the attendance stage turns lists of those
present ("Among the Heads of State in the hall are ...", "The summit was attended by ...", "Leaders
attending include ...") into one session whose participants are everyone named, so that the visit stage
gives each foreign participant a trip to the venue.
"""

from __future__ import annotations

import re

from .mentions import Doc
from .refs import Ref
from .text import Sentence

# Cues that a sentence lists people present at the session being told.
ATTENDANCE = re.compile(
    r"\b(?:attended by|also present|also attended|present at|joined by|in attendance|also attending|"
    r"attending (?:were|was|are|is|included?|includes)|present (?:were|was|are|included?)|"
    r"(?:were|was|are) among (?:those|the (?:leaders|dignitaries|guests)) (?:attending|present|taking part)|"
    r"(?:were|was|are|is) (?:also )?present|(?:has|have|had) (?:also )?drawn|participants included?|"
    r"also taking part|taking part (?:were|was|are)|"
    r"(?:were|was|are) among (?:the )?(?:participants|attendees|leaders|guests|delegates)|"
    r"(?:leaders|heads of state|heads of government|presidents|dignitaries|delegates|participants|guests)"
    r"(?: and [\w -]{0,30}?)?(?: who (?:are|were))? "
    r"(?:attending(?: the [\w -]{0,40}?)?|present|at the [\w -]{0,40}?) "
    r"(?:include[sd]?|were|are)|"
    r"among (?:the )?(?:other )?[\w -]{0,40}?(?:in the hall|present|attending|in attendance|participants|"
    r"attendees) (?:are|were|was|is)?)",
    re.I,
)
# Sentences that tell of a multilateral event (without them an attendance list joins nothing new).
MULTILATERAL = re.compile(
    r"\b(?:summit|session|general assembly|forum|conference|congress|heads of state|council of|ministerial|"
    r"informal meeting|meeting of|gathering|jubilee|inauguration|swearing-in|ceremony)\b",
    re.I,
)
_PROTOCOL = re.compile(
    r"\bairport\b|\bsaw (?:him|her|them) off\b|\bsend-off\b|\bsee-off\b|\bfarewell\b", re.I
)
# "Before the minister arrived, ...", "when the president landed": a time clause names nobody present
_TIME_CLAUSE = re.compile(r"\b(?:before|after|when|until|as soon as|once)\b[^,;]{0,60}$", re.I)


def attendance_in(sent: Sentence, refs: list[Ref]) -> list[int]:
    """People a sentence names as present at a session ("also present were ...", "attended by ...")."""
    m = ATTENDANCE.search(sent.text)
    if not m or _PROTOCOL.search(sent.text):
        return []
    out: list[int] = []
    for r in refs:
        if r.kind != "name" or r.person in out:
            continue
        if _TIME_CLAUSE.search(sent.text[: r.start - sent.start]) and r.start - sent.start < m.start():
            continue
        out.append(r.person)
    return out


# Who or what hosts the event a sentence tells of: "hosted by Rwanda", "Namibia hosted the summit",
# "President X hosted the summit", "the summit in Windhoek".
_HOSTED_BY = re.compile(r"\b(?:hosted|organi[sz]ed|convened) by\s+(?:the\s+)?", re.I)
_HOSTS = re.compile(
    r"\s*(?:,[^,;]{0,60},\s*)?(?:(?:on|this|last) \w+ )?"
    r"(?:hosted|hosts|is hosting|was hosting|played host to|plays host to|opened)\b",
    re.I,
)
_SUMMIT = re.compile(r"\b(?:summit|conference|forum|session|congress|general assembly|ministerial)\b", re.I)
_SUMMIT_IN = re.compile(
    r"\b(?:summit|conference|forum|congress|ministerial|general assembly)\b[^,.;]{0,60}?"
    r"\b(?:in|at)\s+(?:the\s+)?$",
    re.I,
)


def event_venue(doc: Doc, sent: Sentence, refs: list[Ref]) -> tuple[str | None, str | None, int] | None:
    """Where the multilateral event a sentence tells of takes place, and who hosts it (-1 when nobody named):
    (city, country, host) from "hosted by Rwanda", "Namibia hosted the summit", "President X hosted the
    summit" or "the summit in Windhoek"; None when the sentence does not say."""
    text = sent.text
    if not _SUMMIT.search(text):
        return None
    places = [p for p in doc.places if sent.start <= doc.tokens[p.i].start < sent.end and p.code]
    for p in places:
        rel = doc.tokens[p.i].start - sent.start
        end = doc.tokens[p.j - 1].end - sent.start
        city = p.name if p.kind == "city" else None
        if p.kind in ("city", "country") and _SUMMIT_IN.search(text[:rel]):
            return city, p.code, -1
        hosted_by = _HOSTED_BY.search(text[max(0, rel - 30) : rel])
        if p.kind in ("city", "country") and hosted_by and hosted_by.end() + max(0, rel - 30) == rel:
            return city, p.code, -1
        if p.kind == "country" and _HOSTS.match(text[end:]):
            return None, p.code, -1
    for r in refs:
        if r.kind != "name":
            continue
        person = doc.persons[r.person]
        if not person.country:
            continue
        rel = r.start - sent.start
        end = doc.tokens[r.j - 1].end - sent.start
        hb = _HOSTED_BY.search(text[max(0, rel - 60) : rel])
        if (hb and hb.end() + max(0, rel - 60) >= rel - 40) or _HOSTS.match(text[end:]):
            return None, person.country, r.person
    return None
