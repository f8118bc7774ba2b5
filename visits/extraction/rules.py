"""Sentence rules that turn references, places and dates into visits and meetings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import find_dates
from .names import Doc, Place
from .refs import Ref
from .text import Sentence

_CALL = re.compile(
    r"\b(?:tele)?phone\b|\bvideo\b|\bvideoconference\b|\bvirtual(?:ly)?\b|\bonline\b|\b(?:a|the) call\b|"
    r"\bcalls? (?:from|with)\b|\bconversation\b",
    re.I,
)
_COURTESY = re.compile(r"\bcourtesy calls?\b|\bpaid (?:separate )?calls? on\b|\bcalled on\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|to be held|scheduled|is set to|are set to|set for|due to|is due|are due|"
    r"expected|expects|plans? to|planned|planning|upcoming|forthcoming|next week|intends?|to pay|hoped|hopes|"
    r"is to pay|postponed|put off|pushed back|invited .{0,40}? to (?:visit|come)|later today|later on|to follow)\b",
    re.I,
)
_MEET = re.compile(
    r"\b(?:met|meets|meet|meeting|meetings)\b(?: \w+){0,4}? with\b|\bmet\b|\bmeets\b|"
    r"\b(?:held|hold|holds|had|has held|conducted)\b(?: [\w-]+){0,4}? (?:talks|meetings?|discussions|consultations|negotiations)\b|"
    r"\b(?:talks|discussions|negotiations|consultations)\b(?: [\w-]+){0,4}? (?:with|between)\b|"
    r"\bsat down\b|\breceived\b|\breceives\b|\bhosted\b|\bhosts\b|\bwelcomed\b|\bgreeted\b|\bco-chaired\b|"
    r"\bpaid (?:a |separate )?(?:courtesy )?calls? on\b|\bcalled on\b|\bcourtesy call\b|\bconferred with\b|"
    r"\bwas (?:received|welcomed|hosted|greeted|given)\b",
    re.I,
)
_PROTOCOL = re.compile(r"\bairport\b|\bsaw (?:him|her|them) off\b|\bsend-off\b|\bsee-off\b|\bfarewell\b", re.I)
_ACTIVE_MET = re.compile(r"\b(?:met|held|sat down|talks)\b", re.I)
_TRAVEL = re.compile(
    r"\b(?:arrived|arrives|arriving|landed|lands|touched down|flew|flown|fly|flies|travel(?:l?ed|s)?|"
    r"came to|come to|comes to|has come|visited|visiting|visits|visit to|trip to|tour of|tour to|"
    r"reached|reach|heads? to|heading to|departed|left for|bound for|stopover|on (?:a|an|his|her)\b(?: [\w-]+){0,3}? "
    r"(?:visit|trip|tour)|(?:state|official|working|private) visit|is in|are in|is currently in|to visit|"
    r"will visit|pay a visit|paid a visit|planned \w+ visit|\w+ visit)\b",
    re.I,
)
_KIND = re.compile(r"\b(state|official|working|private)\b(?: [\w-]+){0,2}? (?:visit|trip)", re.I)
_MULTI = re.compile(r"\b(?:summit|session|general assembly|forum|conference|congress|heads of state|council of|"
                    r"ministerial|informal meeting|meeting of)\b", re.I)
_EVENT = re.compile(
    r"\b(?:to attend|to take part in|to participate in|attend(?:ed|ing)?|took part in|participat(?:ed|ing) in|"
    r"on the (?:sidelines|margins) of)\s+(?:the\s+)?(?P<ev>[^,.;]{6,140}?)(?=,| which| where| in [A-Z]| on [A-Z]|\.|;|$)",
)
_HERE = re.compile(r"\bhere\b", re.I)
_JOINERS = re.compile(r"\b(?:attended by|also present|also attended|present at|accompanied by|joined by)\b", re.I)


@dataclass(slots=True)
class RawVisit:
    """A visit before de-duplication, pointing at a person index."""

    person: int
    country: str | None
    city: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str = "unknown"
    status: str = "completed"
    purpose: str | None = None
    explicit: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class RawMeeting:
    """A meeting before output, with participants as person indexes."""

    people: list[int]
    name: str | None
    date: dt.date | None
    city: str | None
    country: str | None
    topics: list[str]
    evidence: list[tuple[int, int]]


@dataclass(slots=True)
class Context:
    """Article-wide facts the sentence rules lean on."""

    dateline_city: str | None = None
    dateline_country: str | None = None
    trip_city: str | None = None
    trip_country: str | None = None
    focus: int = -1  # the protagonist: the person the article is mostly about


def sentence_places(doc: Doc, sent: Sentence) -> list[Place]:
    """Places named in a sentence, in order."""
    return [p for p in doc.places if sent.start <= doc.tokens[p.i].start < sent.end]


def _city_country(places: list[Place], after: int = -1) -> tuple[str | None, str | None]:
    city = country = None
    for p in places:
        if p.kind == "city" and city is None:
            city, country = p.name, p.code
        elif p.kind == "country" and country is None:
            country = p.code
    return city, country


def _place_after(doc: Doc, places: list[Place], offset: int) -> tuple[str | None, str | None]:
    """The first city/country named after a character offset (a travel verb's destination)."""
    later = [p for p in places if doc.tokens[p.i].start >= offset and p.kind in ("city", "country")]
    if not later:
        return None, None
    first = later[0]
    if first.kind == "city":
        return first.name, first.code
    # "Dushanbe, Tajikistan" and "Tajikistan's capital Dushanbe": prefer a city of that country nearby
    for p in later[1:3]:
        if p.kind == "city" and p.code == first.code:
            return p.name, p.code
    return None, first.code


def _topics(text: str) -> list[str]:
    m = re.search(r"\b(?:discussed|explored|reviewed|talked (?:about|over)|traded views on|focus(?:ed)? on|"
                  r"exchanged views on|went over|covered)\s+(?P<t>[^.;]{3,160})", text)
    if not m:
        return []
    parts = re.split(r",\s*|\s+and\s+|\s+as well as\s+", m["t"])
    return [p.strip(" .") for p in parts if 2 < len(p.strip()) < 80][:6]


def meetings_in(doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context, published: dt.date | None,
                last_subject: int) -> list[RawMeeting]:
    """Face-to-face meetings reported in one sentence (none for calls, welcomes at airports, plans)."""
    text = sent.text
    m = _MEET.search(text)
    if not m:
        return []
    if _CALL.search(text) and not _COURTESY.search(text):
        return []
    trig = m.group().lower()
    if _PROTOCOL.search(text) and not _ACTIVE_MET.match(trig):
        return []
    head = text[max(0, m.start() - 45) : m.start()]
    if _FUTURE.search(head) or re.search(r"\b(?:will|to|would)\s+$", head):
        return []
    t0 = sent.start + m.start()
    t1 = sent.start + m.end()
    before = [r for r in refs if r.start < t0]
    after = [r for r in refs if r.start >= t1]
    # a relative clause or a purpose clause after the objects ends the object list
    cut = re.search(r"\b(?:who|which|where|to discuss|to attend|as part of|during which)\b", text[m.end() :])
    if cut:
        after = [r for r in after if r.start < t1 + cut.start()]
    passive = trig.startswith("was ") or " from" in text[m.end() : m.end() + 25]
    symmetric = "between" in trig or bool(re.match(r"\s*(?:held|met|hold|had)", text[m.start() :])) and len(
        {r.person for r in before}) >= 2
    subj: list[int] = []
    if before:
        # "In talks with X", "During a separate meeting with X": the subject is the one the article follows
        if re.match(r"\s*(?:in|during|at)\b", text[: m.start()], re.I) and not any(
            r.start < t0 and r.kind == "name" for r in before[:1]):
            subj = [last_subject] if last_subject >= 0 else []
        else:
            subj = [before[0].person]
    elif last_subject >= 0:
        subj = [last_subject]
    elif ctx.focus >= 0:
        subj = [ctx.focus]
    objects: list[int] = []
    for r in after:
        if r.person not in objects and r.person not in subj:
            objects.append(r.person)
    if symmetric:
        people = []
        for r in before + after:
            if r.person not in people:
                people.append(r.person)
        groups = [people] if len(people) >= 2 else []
    elif passive and before:
        groups = [[before[0].person, o] for o in objects[:1]] if objects else []
    else:
        groups = [[s, o] for s in subj for o in objects if s != o]
    if not groups:
        return []
    places = sentence_places(doc, sent)
    city, country = _city_country([p for p in places if p.kind != "demonym"])
    if city is None and country is None and _HERE.search(text):
        city, country = ctx.dateline_city or ctx.trip_city, ctx.dateline_country or ctx.trip_country
    if city is None and country is None:
        city, country = ctx.trip_city, ctx.trip_country
    if country is None and ("receiv" in trig or "host" in trig or "welcom" in trig or "courtesy" in trig):
        host = doc.persons[subj[0]] if subj else None
        country = host.country if host else None
    if country is None:
        city, country = ctx.dateline_city, ctx.dateline_country
    dates = [d for d in find_dates(text, sent.start, published) if not _FUTURE.search(text[: d.start - sent.start][-30:])]
    date = dates[0].date if dates else None
    topics = _topics(text)
    return [RawMeeting(g, None, date, city, country, topics, [(sent.start, sent.end)]) for g in groups]


def visits_in(doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context, published: dt.date | None,
              last_subject: int) -> list[RawVisit]:
    """Trips told in one sentence with a travel verb ("arrived in", "on a state visit to", "will visit")."""
    text = sent.text
    out: list[RawVisit] = []
    if _CALL.search(text) and not _COURTESY.search(text) and not re.search(r"\bvisit", text, re.I):
        return out
    places = [p for p in sentence_places(doc, sent) if p.kind in ("city", "country")]
    for m in _TRAVEL.finditer(text):
        t0 = sent.start + m.start()
        before = [r for r in refs if r.start < t0]
        who_m = re.search(r",\s*who\b[^,]*$", text[: m.start()])
        if who_m and before:
            person = before[-1].person  # "..., who arrived here this morning"
        elif before:
            person = before[0].person
        elif last_subject >= 0:
            person = last_subject
        else:
            continue
        city, country = _place_after(doc, places, t0)
        if country is None and _HERE.search(text[m.start() :]):
            city, country = ctx.dateline_city or ctx.trip_city, ctx.dateline_country or ctx.trip_country
        if country is None:
            # "a planned Uzbekistan visit": the place before the noun
            pre = [p for p in places if doc.tokens[p.j - 1].end <= t0 and doc.tokens[p.j - 1].end >= t0 - 2]
            if pre:
                city, country = (pre[-1].name, pre[-1].code) if pre[-1].kind == "city" else (None, pre[-1].code)
        if country is None:
            continue
        window = text[max(0, m.start() - 60) : m.end() + 10]
        status = "planned" if _FUTURE.search(window) else "completed"
        kind_m = _KIND.search(text)
        kind = kind_m.group(1).lower() if kind_m else "multilateral" if _MULTI.search(text) else "unknown"
        dates = find_dates(text, sent.start, published, future=status == "planned")
        start = end = None
        if dates:
            start, end = dates[0].date, dates[0].end_date
        elif status == "completed" and re.search(r"\b(?:arrived|landed|has come|have come|touched down|departed)\b",
                                                 m.group(), re.I):
            start = published
        ev = _EVENT.search(text)
        out.append(RawVisit(person, country, city, start, end, kind, status, ev["ev"].strip() if ev else None,
                            True, [(sent.start, sent.end)]))
        break  # one trip per sentence: later verbs in it usually restate it
    return out
