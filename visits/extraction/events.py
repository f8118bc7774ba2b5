"""Multilateral events: who a sentence names as present at a summit, session or conference.

"Every leader named as attending a summit abroad has a visit": the attendance stage turns lists of those
present ("Among the Heads of State in the hall are ...", "The summit was attended by ...", "Leaders
attending include ...") into one session whose participants are everyone named, so that the visit stage
gives each foreign participant a trip to the venue.
"""

from __future__ import annotations

import re

from .refs import Ref
from .text import Sentence

# Cues that a sentence lists people present at the session being told.
ATTENDANCE = re.compile(
    r"\b(?:attended by|also present|also attended|present at|joined by|in attendance|also attending|"
    r"attending (?:were|was|are|is|included?|includes)|present (?:were|was|are|included?)|"
    r"(?:were|was|are|is) (?:also )?present|(?:has|have|had) (?:also )?drawn|participants included?|"
    r"also taking part|taking part (?:were|was|are)|"
    r"(?:were|was|are) among (?:the )?(?:participants|attendees|leaders|guests|delegates)|"
    r"(?:leaders|heads of state|heads of government|presidents|dignitaries|delegates|participants|guests)"
    r"(?: and [\w -]{0,30}?)?(?: who (?:are|were))? (?:attending|present|at the [\w -]{0,40}?) "
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
