"""Sentence rules that turn references, places and dates into visits and meetings."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from .dates import find_dates
from .gazetteer import gazetteer
from .names import Doc, Place
from .raw import Context, RawMeeting
from .refs import Ref
from .text import Gated, Sentence, cue, holds_any

_CALL = Gated(
    re.compile(
        r"\b(?:tele)?phone\b|\bvideo\b|\bvideoconference\b|\bvirtual(?:ly)?\b|\bonline\b|\b(?:a|the) call\b|"
        r"\bcalls? (?:from|with)\b|\bconversation\b",
        re.I,
    ),
    "phone|video|virtual|online|call|conversation",
)
_COURTESY = re.compile(
    r"\bcourtesy calls?\b|\bpaid (?:a |separate )?calls? on\b|\bcall(?:ed|ing) on\b(?![^.;]{0,50}\bto\b)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|to be held|scheduled|is set to|are set to|set for|due to|"
    r"is due|are due|"
    r"expected|expects|plans? to|planned|planning|upcoming|forthcoming|next week|intends?|to pay|hoped|hopes|"
    r"is to pay|postponed|put off|pushed back|invited .{0,40}? to (?:visit|come)|later today|later on|"
    r"to follow|preparations for|preparing for|getting ready for|intended|had planned|was to|were to|"
    r"had been due|was due)\b",
    re.I,
)
_MEET = cue(
    r"\b(?:met|meets|meet|meeting|meetings)\b(?: \w+){0,6}? with\b|\bmet\b|\bmeets\b|"
    r"\b(?:held|hold|holds|holding|had|has held|conducted)\b(?: [\w-]+){0,4}? "
    r"(?:talks|meetings?|discussions|consultations|negotiations)\b|"
    r"\b(?:talks|discussions?|negotiations|consultations)\b(?: [\w-]+){0,4}? (?:with|between)\b|"
    r"^\W*hosting\b|"  # "Hosting X at State House, Y said": Y hosts X
    r"\bsat down\b|\breceived\b|\breceives\b|\bhosted\b|\bhosts\b|\bwelcomed\b|\bgreeted\b|\bco-chaired\b|"
    r"\bpaid (?:a |separate )?(?:courtesy )?calls? on\b|"
    r"\bcall(?:ed|ing) on\b(?![^.;]{0,50}\bto\b)|\bcourtesy call\b|\bconferred with\b|"
    r"\bwas (?:received|welcomed|hosted|greeted|given)\b|"
    r"\bgranted\b(?: \w+){0,3}? audience\b|\breceived (?:\w+ )?in (?:an )?audience\b|"
    r"\b(?:also )?saw\b(?=(?:,[^,.;]{0,40},)? (?:the |his |her )?(?-i:[A-Z]))|"
    r"\b(?:talked|spoke|conversed) (?:\w+ )?with\b|"
    r"\btalked (?:over|about)\b|"
    r"\bmeeting between\b|(?<!the )(?<!a )(?<!this )(?<!their )\bmeeting (?=(?:the |his |her )?(?-i:[A-Z]))|"
    r"\bwent into\b(?: [\w-]+){0,3}? (?:talks|meeting|discussions)\b|"
    r"\bafter meeting\b|\bat (?:a|the|their|his|her) (?:[\w-]+ )?meeting\b|"
    # "handed a special message from President X to President Y": a message delivered in person
    r"\b(?:handed(?: over)?|delivered|presented)\b(?: [\w-]+){0,3}? (?:message|letter)\b[^.;]{0,80}?\bto\b",
)
_NOT_A_GUEST = re.compile(
    r"\s+(?:the|a|an|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:fact|decision|news|progress|"
    r"agreement|move|results?|outcome|readiness|initiative|proposals?|steps?|efforts?|signing|idea|growth|"
    r"message|letter|invitation|award|report|support|commitment|statement)\b",
    re.I,
)
_SCHEDULED = re.compile(
    r"\bon (?:his|her|their|the) (?:[\w-]+(?:'s)? )?(?:schedule|agenda|programme|program|itinerary)\b", re.I
)
_BANQUET = re.compile(r"\b(?:dinner|banquet|luncheon|lunch|breakfast|gala)\b", re.I)
_PROTOCOL = Gated(
    re.compile(
        r"\bairport\b|\bsaw (?:him|her|them) off\b|\bsend-off\b|\bsee-off\b|\bfarewell\b|"
        r"\b(?:on|upon) (?:his |her |their )?(?:landing|arrival)\b",
        re.I,
    ),
    "airport|saw |send-off|see-off|farewell|landing|arrival",
)
_ACTIVE_MET = re.compile(r"\b(?:met|held|sat down|talks|went into)\b", re.I)
_MEET_HINTS = (
    "message",
    "letter",
    "met",
    "meet",
    "talks",
    "discussion",
    "negotiations",
    "consultations",
    "sat down",
    "receiv",
    "host",
    "welcom",
    "greet",
    "chaired",
    "call",
    "conferred",
    "was given",
    "audience",
    "saw",
    "talked",
    "spoke",
    "conversed",
)
_MULTI_WORDS = (
    "summit|session|general assembly|forum|conference|congress|heads of state|council of|sidelines|margins|"
    "ministerial|informal meeting|meeting of"
)
_MULTI = Gated(re.compile(rf"\b(?:{_MULTI_WORDS})\b", re.I), _MULTI_WORDS)
_EVENT = re.compile(
    r"\b(?:to attend|to take part in|to participate in|attend(?:ed|ing)?|took part in|"
    r"participat(?:ed|ing) in|on the (?:sidelines|margins) of)\s+(?:the\s+)?"
    r"(?P<ev>[^,.;]{6,140}?)(?=,| which| where| in [A-Z]| on [A-Z]|\.|;|$)",
)
_HERE = re.compile(r"\bhere\b", re.I)
_CAPITAL = re.compile(r"\b(?:in|to|at) the (?:\w+ )?capital\b(?! (?:of )?[A-Z])", re.I)
# "..., the ministry said on Tuesday": the date of the statement, not of the event
_SAID = re.compile(
    r"\b(?:said|says|announced|reported|stated|told (?:\w+ )?\w+|informed|added|noted)\s+(?:late\s+)?$", re.I
)
_COMPANIONS = re.compile(
    r"\b(?:accompanied by|accompanied (?:him|her)|accompanying (?:him|her|the \w+)|travell?ing with|"
    r"along with|together with|"
    r"delegation (?:also )?(?:includ\w+|compris\w+|consist\w+ of))\b",
    re.I,
)
_JOINERS = re.compile(
    r"^\W*with (?:the |his |her )?[^,;]{0,60}? (?:was|were)\b|"  # "With the Envoy was the High Commissioner"
    r"\b(?:attended by|also present|also attended|present at|accompanied by|joined by|in attendance|"
    r"joined (?:\w+ ){0,4}at the (?:meeting|talks)|joined the (?:meeting|talks|session|discussions?)\b|"
    r"delegation (?:also )?included\b|"
    r"(?:also )?at the table (?:were|was)|"
    r"also attending|attending (?:the (?:talks|meeting|session) )?(?:were|was)|present (?:were|was)|"
    r"(?:were|was) (?:also )?present|"
    r"(?:has|have|had) (?:also )?drawn|participants included|also taking part|taking part (?:were|was)|"
    r"among (?:the )?(?:other )?[\w -]{0,40}?(?:in the hall|present|attending|in attendance|participants|"
    r"attendees) (?:are|were|was|is)?)",
    re.I,
)


def sentence_places(doc: Doc, sent: Sentence) -> list[Place]:
    """Places named in a sentence as locations, in order: not a post's country, not a possessive qualifier."""
    lo, hi = bisect_left(doc.place_starts, sent.start), bisect_left(doc.place_starts, sent.end)
    fd, n = doc.folded, len(doc.folded)
    out = []
    for p in doc.places[lo:hi]:
        if p.kind == "demonym" or doc.in_title[p.i] or (p.i > 0 and doc.tag[p.i - 1] == "title"):
            continue
        if p.j < n and fd[p.j] in ("'s", "-"):
            continue  # "Iran's Prosecutor General", "Uzbek-US"
        k = p.j
        while k < n and k < p.j + 12 and (doc.tokens[k].cap or fd[k] in (",", "and")):
            k += 1
        if k < n and fd[k] in _REGION_WORDS:
            continue  # "East Kazakhstan region", "the Atyrau and Aktobe regions": regions at home
        if p.i > 0 and fd[p.i - 1] in (
            "east",
            "west",
            "north",
            "south",
            "central",
            "northern",
            "southern",
            "eastern",
            "western",
        ):
            continue
        out.append(p)
    return out


_REGION_WORDS = frozenset(
    {"region", "regions", "province", "provinces", "oblast", "oblasts", "state", "district"}
)


def _located(doc: Doc, places: list[Place]) -> list[Place]:
    """Places that a preposition marks as where something happens ("in Astana", "at Riyadh's palace")."""
    keep = []
    for p in places:
        k = p.i - 1
        while k >= 0 and doc.folded[k] in ("the", "city", "of", "capital", ","):
            k -= 1
        if k >= 0 and doc.folded[k] in ("in", "at", "here", "outside", "near"):
            keep.append(p)
        elif k >= 1 and doc.folded[k] in ("to", "into") and _MOTION.search(doc.folded[k - 1]):
            keep.append(p)  # "came to Moscow and met": a motion's goal, not "a concern to Moscow"
    return keep


_MOTION = re.compile(r"^(?:came|come|comes|went|go|goes|arrived|travell?ed|flew|visit|trip|tour|back|way)$")


def _city_country(places: list[Place], after: int = -1) -> tuple[str | None, str | None]:
    city = country = None
    for p in places:
        if p.kind == "city" and city is None:
            city, country = p.name, p.code
        elif p.kind == "country" and country is None:
            country = p.code
    return city, country


def _topics(text: str) -> list[str]:
    m = re.search(
        r"\b(?:discussed|explored|reviewed|talked (?:about|over)|traded views on|focus(?:ed)? on|"
        r"exchanged views on|went over|covered)\s+(?P<t>[^.;]{3,160})",
        text,
    )
    if not m:
        return []
    parts = re.split(r",\s*|\s+and\s+|\s+as well as\s+", m["t"])
    return [p.strip(" .") for p in parts if 2 < len(p.strip()) < 80][:6]


_GROUP = re.compile(
    r"\b(?:officials|diplomats|ministers|members|executives|representatives|ambassador|envoy|"
    r"delegation|counterparts|interlocutors|reporters)\b",
    re.I,
)
_ATTRIBUTION = re.compile(r"\b(?:tweeted|said|says|according to|told|wrote|reported)\s*$", re.I)
_DELEGATION_HOSTED = re.compile(r"(?:hosted|hosts|received|receives|welcomed|welcomes)\b")
_LEAD_CLAUSE = re.compile(
    r"\W*(?:before|after|when|as soon as|once|until|while|as)\s+"
    r"(?!(?:the|a|an|his|her|their)\s+(?:meeting|talks|visit)\b)[^,;]{0,120}?\b(?:arrived|arrives|landed|left|departed|came|reached|spoke|was|were|had)\b[^,;]*,",
    re.I,
)
_INITIAL_PP = re.compile(r"\s*(?:in|during|at|after|speaking after)\b", re.I)


def _venue_name(doc: Doc, p: Place, ctx: Context) -> bool:
    """ "Astana Negeri" in Kuching, "Paris Hall" in Dakar: a place's name that begins a longer proper name,
    away from where the trip is, names a building, not the place."""
    n = len(doc.tokens)
    return (
        ctx.trip_country is not None
        and p.code != ctx.trip_country
        and p.j < n
        and doc.tokens[p.j].cap
        and not doc.tag[p.j]
        and doc.tokens[p.j].start - doc.tokens[p.j - 1].end <= 1
    )


_ASIDE = re.compile(
    r",\s+(?:urging|saying|adding|noting|stressing|offering|expressing|praising|thanking|highlighting|"
    r"emphasi[sz]ing|underlining|inviting|recalling|calling for|pledging|promising)\b"
)


_ON_THE_WAY = re.compile(
    r"\b(?:on (?:his|her|their|the) way|en route|heading|bound) (?:to|for|from)\b[^,;]*", re.I
)


def _location(doc: Doc, sent: Sentence, ctx: Context, host: int | None) -> tuple[str | None, str | None]:
    aside = _ASIDE.search(sent.text)  # ", urging more investment in Egypt": not where they met
    cut = sent.start + aside.start() if aside else sent.end
    # "On his way to the General Assembly in New York, X stopped in Dakar, where he met Y": not New York
    way = _ON_THE_WAY.search(sent.text)
    skip = (sent.start + way.start(), sent.start + way.end()) if way else (0, 0)
    places = [
        p
        for p in _located(doc, sentence_places(doc, sent))
        if not _venue_name(doc, p, ctx)
        and doc.tokens[p.i].start < cut
        and not skip[0] <= doc.tokens[p.i].start < skip[1]
    ]
    lead = _LEAD_CLAUSE.match(sent.text)
    if lead and any(doc.tokens[p.i].start >= sent.start + lead.end() for p in places):
        # "Before X arrived in Kampala, Y held talks with Z in Entebbe": the time clause's place is not theirs
        places = [p for p in places if doc.tokens[p.i].start >= sent.start + lead.end()]
    city, country = _city_country(places)
    if country is None and _HERE.search(sent.text):
        city, country = ctx.dateline_city or ctx.main_city, ctx.dateline_country or ctx.main_country
    if country is None and ctx.at_event and ctx.event_country:
        city, country = ctx.event_city, ctx.event_country  # "On the sidelines of the summit, X met Y"
    if country is None:
        city, country = ctx.trip_city, ctx.trip_country
    if country is None and host is not None:
        country = doc.persons[host].country
    if country is None:
        city, country = ctx.dateline_city or ctx.main_city, ctx.dateline_country or ctx.main_country
    if country is None:
        city, country = ctx.dateline_city, ctx.dateline_country
    if city is None and country and country == ctx.dateline_country:
        city = ctx.dateline_city  # "ABUJA (NAN) - ... met President Tinubu at the State House"
    if city is None and country and _CAPITAL.search(sent.text):
        city = gazetteer().capital.get(country)  # "In the capital, X held talks with Y"
    return city, country


def meetings_in(
    doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context, published: dt.date | None, agent: int
) -> list[RawMeeting]:
    """Face-to-face meetings reported in one sentence (none for calls, welcomes at airports, plans)."""
    text = sent.text
    if not refs and agent < 0:
        return []  # nobody to meet
    low = text.lower()
    if not holds_any(low, _MEET_HINTS):
        return []
    m = _MEET.search(text)
    if not m:
        return []
    if _CALL.search(text) and not _COURTESY.search(text):
        return []
    trig = m.group().lower()
    passive_met = bool(re.search(r"\b(?:was|were|been)\s+$", text[: m.start()]))
    if _PROTOCOL.search(text) and (passive_met or not _ACTIVE_MET.match(trig)):
        # "greeted at the airport by X, and the two then went into talks": the talks after the welcome count
        later = next(
            (
                m2
                for m2 in _MEET.finditer(text, m.end())
                if _ACTIVE_MET.match(m2.group())
                and not re.search(r"\b(?:was|were|been)\s+$", text[: m2.start()])
            ),
            None,
        )
        if later is None:
            return []
        m, trig, passive_met = later, later.group().lower(), False
    if "host" in trig and _BANQUET.search(text):
        return []  # "A dinner was hosted by PM X in honour of the guest": a banquet is not a meeting
    noun = trig.startswith(("talks", "meeting", "discussions", "negotiations", "consultations", "courtesy"))
    tail = re.split(r"\b(?:and|but)\b", text[m.end() : m.end() + 25], maxsplit=1)[0]  # not the next clause
    window = text[m.start() : m.end()] + tail if noun else text[max(0, m.start() - 45) : m.end()] + tail
    if _FUTURE.search(window) or re.search(r"\b(?:will|to|would)\s+$", text[: m.start()]):
        return []
    if noun and re.search(
        r"\b(?:will|would|shall|is to|are to|due to|set to|plans? to)\s+(?:[\w-]+\s+){0,3}$",
        text[: m.start()],
    ):
        return []  # "he will first pay a courtesy call on X", "to hold talks with X": not yet held
    if re.search(r"\band\s+(?:then\s+|later\s+|also\s+)?$", text[: m.start()]) and _FUTURE.search(
        text[: m.start()]
    ):
        return []  # "he will first call on the Sultan and then hold talks with X": the same future
    if noun and re.search(r"\b(?:for|to hold|to have|to attend)\s+(?:a |an |the )?$", text[: m.start()]):
        return []  # "flew to Tegucigalpa for a meeting with the President": a purpose, not yet a meeting
    if (noun and m.start() < 6 and (_FUTURE.search(text) or _SCHEDULED.search(text))) or _SCHEDULED.search(
        text[: m.start()]
    ):
        return []  # "A meeting with President X is also expected / on his schedule"
    if re.search(
        r"\b(?:after|following|before|since)\s+(?:the|their|this|that)\s+$", text[: m.start()], re.I
    ):
        return []  # "after the meeting with X": a meeting already told, or one not told here
    if re.match(r"(?:welcom|receiv|greet|host)", trig) and _NOT_A_GUEST.match(text[m.end() :]):
        return []  # "welcomed the fact that ...", "received a message from ...": no guest
    if re.search(r",\s*which\s+(?:[\w-]+\s+){0,2}$", text[: m.start()]):
        return []  # "a delegation from his ministry, which had held meetings": no person's meeting
    if trig.startswith("at ") and (_JOINERS.search(text) or re.search(r"\bjoined\b", text[: m.start()])):
        return []  # "Present at the meeting were X and Y": people joining the meeting told before
    if trig.startswith(("talked over", "talked about")) and not re.search(r"\band\b", text[: m.start()]):
        return []  # "A and his guest talked over ...": two subjects; a lone one talked to nobody named
    t0, t1 = sent.start + m.start(), sent.start + m.end()
    before = [r for r in refs if r.start < t0]
    lead_clause = _LEAD_CLAUSE.match(text)
    if lead_clause and lead_clause.end() <= m.start():
        # "Before Foreign Minister X arrived in Delhi, Y held talks with Z": X is in a time clause
        before = [r for r in before if r.start >= sent.start + lead_clause.end()]
    after = [
        r
        for r in refs
        if (
            r.start >= t1 or (t0 < r.start < t1 and re.match(r"me|granted", trig))
        )  # "met X with Y", "granted him an audience"
        and not _ATTRIBUTION.search(text[max(0, r.start - sent.start - 25) : r.start - sent.start])
    ]
    # a relative or purpose clause after the objects ends the object list
    cut = re.search(
        r"\b(?:who|which|where|to discuss|to attend|as part of|during which|said|says|announced|adding|"
        r"following the|since)\b",
        text[m.end() :],
    )
    if cut:
        after = [r for r in after if r.start < t1 + cut.start()]
    passive = trig.startswith("was ") or passive_met or " from" in text[m.end() : m.end() + 25]
    if _INITIAL_PP.match(text) and not any(r.start < t0 for r in before if r.kind == "name"):
        before = []  # "In a meeting with X, the sides ...": the subject is the person the article follows
    if "between" in trig:
        before, after = after, []  # "talks between A and B": both named after the trigger
    symmetric = (
        "between" in trig or bool(re.match(r"(?:held|met|hold|had|at |sat|talked|went into)", trig))
    ) and len({r.person for r in before}) >= 2
    subj = [before[-1].person if passive else before[0].person] if before else [agent] if agent >= 0 else []
    summary = False
    objects: list[int] = []
    for r in after:
        if r.person not in objects and r.person not in subj:
            objects.append(r.person)
    if trig.lstrip(" \"'(").startswith("hosting"):
        # "Hosting X at State House, Y said ...": Y hosts X; the opening participle clause ends at a comma
        comma = text.find(",", m.end())
        guests = [r.person for r in after if comma >= 0 and r.start < sent.start + comma]
        hosts = [r.person for r in after if comma >= 0 and r.start > sent.start + comma and r.kind == "name"]
        if not guests or not hosts:
            return []
        subj, objects = hosts[:1], [g for g in dict.fromkeys(guests) if g != hosts[0]]
    if symmetric:
        people: list[int] = []
        # "A and B met at the White House during C's visit, D said": the subjects met; others only when
        # the trigger takes them ("A and B held talks with C", "talks between A and B")
        takes_more = (
            "between" in trig
            or trig.endswith("with")
            or bool(
                re.match(r"(?:\s+[\w-]+){0,5}\s+with\b", text[m.end() :])
            )  # "sat down together today with"
        )
        for r in before + (after if takes_more else []):
            if r.person not in people:
                people.append(r.person)
        groups = [people]
    elif objects and not subj and _JOINERS.search(text):
        groups = [objects]  # "Leaders are holding talks in Abuja, with President X ... in attendance"
    elif trig.startswith("at their") and len(objects) >= 2 and not any(r.kind == "name" for r in before):
        groups = [objects]  # "At their meeting in Beijing, A and B signed ...": the two named after
    elif (
        objects
        and not subj
        and re.match(r"(?:received|welcomed|hosted|receives|welcomes|hosts|granted)", trig)
    ):
        groups = [objects[:1]]  # "The President welcomed the visiting Foreign Minister X": a host unnamed
    elif objects and subj and re.search(r"\baccompan(?:ied|ies|ying) (?:him|her)\b", text[: m.start()]):
        # "Minister Y accompanied him to the talks with Z": the one accompanied sits at the talks too
        groups = [list(dict.fromkeys([r.person for r in before] + objects))]
    elif objects and subj and re.search(r"\b(?:together|along) with\b", text[m.start() :]):
        groups = [list(dict.fromkeys(subj + objects))]  # "met X together with Y": one session of all
    elif (
        len(objects) >= 2
        and subj
        and _DELEGATION_HOSTED.match(trig)
        and not re.search(r"\bseparately\b|\bseparate\b|\bthen\b|\blater\b", text, re.I)
        and len(known := {doc.persons[o].country for o in objects} - {None}) == 1
        and known != {doc.persons[subj[0]].country}
    ):
        groups = [list(dict.fromkeys(subj + objects))]  # "X hosted Colombia's ministers A and B": one session
    elif objects:
        groups = [[s_, o] for s_ in subj for o in objects if s_ != o]
    elif subj and _GROUP.search(text[m.start() : m.end() + 80]):
        groups = [subj[:]]  # a named official meeting unnamed ones ("met a number of US diplomats")
    elif subj and re.match(r"\s+in\s+[A-Z]", text[m.end() :]):
        groups, summary = [subj[:]], True
    else:
        groups = []
    if not groups:
        return []
    host: int | None = None
    if re.match(r"(?:call(?:ed|ing) on|paid (?:a |separate )?(?:courtesy )?calls? on)", trig) and objects:
        host = objects[0]  # "X called on President Y": Y receives the call
    if re.match(r"(?:handed|delivered|presented)", trig) and objects:
        host = objects[0]  # "X handed a message to President Y": Y receives the messenger
    host_verb = "receiv" in trig or "host" in trig or "welcom" in trig or "grant" in trig
    true_passive = trig.startswith("was ") or passive_met  # not "received a call from X"
    if host_verb:
        host = subj[0] if subj and not true_passive else None
    if host_verb and true_passive and objects:
        host = objects[0]  # "He was received by Foreign Minister X": the host is the agent
    city, country = _location(doc, sent, ctx, host)
    if (
        ctx.returning
        and true_passive
        and subj
        and country
        and doc.persons[subj[0]].country == country
        and all(doc.persons[o].country in (None, country) for o in objects)
    ):
        return []  # "back in Beijing, the premier was received by X": a welcome home, not a meeting
    dates = [
        d
        for d in find_dates(text, sent.start, published)
        if not _FUTURE.search(text[: d.start - sent.start][-30:])
        and not _SAID.search(text[: d.start - sent.start][-30:])
    ]
    date = dates[0].date if dates else None
    topics = _topics(text)
    located = bool(_located(doc, sentence_places(doc, sent)))
    span = [(sent.start, sent.end)]
    out = [RawMeeting(g, None, date, city, country, topics, list(span), located, summary) for g in groups]
    for rm in out:
        rm.host = host if host is not None and host in rm.people else -1
    return out


_JOINER_HINTS = (
    "attend",
    "delegation",
    "present",
    "joined",
    "accompanied",
    "drawn",
    "table",
    "particip",
    "part",
    "among",
    "with",
)


def joiners_in(sent: Sentence, refs: list[Ref]) -> list[int]:
    """People a sentence adds to the meeting just reported ("also present were ...", "attended by ...")."""
    low = sent.text.lower()
    if not holds_any(low, _JOINER_HINTS):
        return []
    m = _JOINERS.search(sent.text)
    if not m or _PROTOCOL.search(sent.text):
        return []
    return [r.person for r in refs if r.kind == "name"]


def companions_in(sent: Sentence, refs: list[Ref]) -> tuple[int, list[int]] | None:
    """People a sentence names as travelling with someone: (the one they accompany or -1, themselves)."""
    low = sent.text.lower()
    if not any(k in low for k in ("accompan", "travel", "along with", "together with", "delegation")):
        return None
    m = _COMPANIONS.search(sent.text)
    if not m:
        return None
    cue = sent.start + m.start()
    if re.match(r"accompanied (?:him|her)", m.group(), re.I):
        # "Minister Y accompanied him to ...": Y travels with the one the pronoun stands for
        lead_ref = next((r for r in refs if r.start >= cue), None)
        party = [r.person for r in refs if r.start < cue and r.kind == "name"]
        if lead_ref is None or not party:
            return None
        return lead_ref.person, [p for p in party if p != lead_ref.person]
    lead = [r.person for r in refs if r.start < cue]
    stop = re.search(r",\s*(?:who|which|where|as did)\b", sent.text[m.end() :])
    end = sent.start + m.end() + stop.start() if stop else sent.end  # "accompanied by Y, who ..., as did Z"
    rest = [r.person for r in refs if cue < r.start < end and r.kind == "name" and r.person not in lead]
    if not rest:
        return None
    if m.group().lower().startswith(("accompanied", "along", "together")):
        return (lead[-1] if lead else -1), rest
    return (lead[0] if lead else -1), rest  # "Travelling with the President are ..."
