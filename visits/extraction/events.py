"""Multilateral events: who a sentence names as present at a summit, session or conference.

"Every leader named as attending a summit abroad has a visit": the attendance stage turns lists of those
present ("Among the Heads of State in the hall are ...", "The summit was attended by ...", "Leaders
attending include ...") into one session whose participants are everyone named, so that the visit stage
gives each foreign participant a trip to the venue.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates
from .mentions import Doc
from .raw import Context, RawMeeting
from .refs import Ref
from .rules import _FUTURE, _location
from .text import Gated, Sentence, cue

# Cues that a sentence lists people present at the session being told.
ATTENDANCE = Gated(
    re.compile(
        r"\b(?:attended by|also present|also attended|present at|joined by|in attendance|also attending|"
        r"attending (?:were|was|are|is|included?|includes)|present (?:were|was|are|included?)|"
        r"(?:were|was|are) among (?:those|the (?:leaders|dignitaries|guests)) "
        r"(?:attending|present|taking part)|"
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
    ),
    "attend|present|joined by|drawn|participants|taking part|among|at the ",
)
# Sentences that tell of a multilateral event (without them an attendance list joins nothing new).
_EVENT_WORDS = (
    "summit|session|general assembly|forum|conference|congress|heads of state|council of|ministerial|"
    "informal meeting|meeting of|gathering|jubilee|inauguration|swearing-in|ceremony"
)
MULTILATERAL = Gated(cue(rf"\b(?:{_EVENT_WORDS})\b"), _EVENT_WORDS)
_PROTOCOL = Gated(
    re.compile(r"\bairport\b|\bsaw (?:him|her|them) off\b|\bsend-off\b|\bsee-off\b|\bfarewell\b", re.I),
    "airport|saw |send-off|see-off|farewell",
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


_ATTEND = re.compile(
    r"\b(?:attended|took part in|participated in|was present at)\s+(?:an?\s+|the\s+)?"
    r"(?P<ev>[^,.;]*?\b(?:meeting|summit|"
    r"session|gathering|forum|conference|assembly|group|dialogue|round ?table)\b[^,.;]*?)"
    r"(?=,|\.|;| which| where| in [A-Z]| on [A-Z]|$)",
    re.I,
)


_TOOK_PLACE = re.compile(
    r"\b(?:an?|the)\s+(?P<ev>(?:[\w-]+\s+){0,3}?(?:meeting|session|summit|forum|conference)\s+of\s+[^,.;]+?)"
    r"(?:,[^.;]*?)?\s+(?:took place|was held|convened)\b",
    re.I,
)


def events_in(
    doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context, published: dt.date | None, agent: int
) -> list[RawMeeting]:
    """A multilateral session a named official attended ("attended an informal meeting of ...")."""
    low = sent.text.lower()
    if not any(
        k in low
        for k in ("attended", "took part", "participated", "present at", "took place", "was held", "convened")
    ):
        return []
    m = _ATTEND.search(sent.text) or _TOOK_PLACE.search(sent.text)
    if not m or _FUTURE.search(sent.text[max(0, m.start() - 40) : m.start()]):
        return []
    before = [r for r in refs if r.start < sent.start + m.start()]
    who = re.search(r",\s*who\s+(?:also\s+)?$", sent.text[: m.start()])
    if who:  # "X was accompanied by Y, who took part in ...": Y took part, not X
        before = [r for r in before if r.start < sent.start + who.start()][-1:]
    # "Scholz and Macron attended the summit": everyone named before the verb took part
    people = list(dict.fromkeys(r.person for r in before)) or ([agent] if agent >= 0 else [])
    also = re.search(r",?\s*(?:as did|as well as|alongside|along with|together with)\b", sent.text[m.end() :])
    if also:  # "..., as did US Treasury Secretary X, World Bank President Y and Z"
        at = sent.start + m.end() + also.end()
        people += [r.person for r in refs if r.start >= at and r.kind == "name" and r.person not in people]
    if not people:
        return []
    if m.re is _TOOK_PLACE and ctx.trip_country:
        city, country = ctx.trip_city, ctx.trip_country  # "As part of the visit, a meeting of ... took place"
    else:
        city, country = _location(doc, sent, ctx, None)
    dates = find_dates(sent.text, sent.start, published)
    ev = m["ev"].strip()
    if re.search(r"\b(?:press|news) conference\b|\bceremony\b|\bbanquet\b|\breception\b", ev, re.I):
        return []  # ceremonies, banquets and press conferences are not meetings
    return [
        RawMeeting(
            people,
            ev[:1].upper() + ev[1:],
            dates[0].date if dates else None,
            city,
            country,
            [],
            [(sent.start, sent.end)],
        )
    ]
