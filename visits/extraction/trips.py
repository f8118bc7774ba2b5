"""Trip rules: travel verbs, destinations, onward legs and tours, turned into raw visits."""

from __future__ import annotations

import datetime as dt
import re

from .bodies import _BODY_AFTER, _body_countries
from .dates import MONTHS, WEEKDAYS, DateMention, find_dates
from .gazetteer import fold, gazetteer
from .lexicon import INSTITUTION
from .names import Doc, Place
from .raw import Context, RawVisit
from .refs import Ref
from .rules import (
    _CALL,
    _CAPITAL,
    _COURTESY,
    _EVENT,
    _FUTURE,
    _HERE,
    _MULTI,
    _SAID,
    sentence_places,
)
from .text import Gated, Sentence, holds_any
from .travel_verbs import _TRAVEL, _TRAVEL_HINTS
from .tripdates import _BRIEF, _DAYS, _ENDING, _NUMBER, _UNTIL, recalled

_KIND = Gated(
    re.compile(
        r"\b(state|official|working|private)\b(?: [\w-]+){0,2}? (?:visit|trip|tour)|"
        r"\b(?:visit|trip) (?:is|was|will be) (?:an? |the )?(state|official|working|private)\b",
        re.I,
    ),
    "visit|trip|tour",
)


def kind_of(m: re.Match) -> str:
    """The kind a _KIND match names ("official visit", "the visit is a working one")."""
    return (m.group(1) or m.group(2)).lower()


_ONWARD = re.compile(
    r"(?:(?:will|would|shall) (?:also|then|later|next) visit|left for|leav(?:e|es|ing) for|bound for|"
    r"heads? to|heading to|flew|travel|continu|proceed|head(?:s|ed|ing)? on|"
    r"mov(?:e|es|ed|ing) on|onward|go(?:es)? to|due in)",
    re.I,
)

# "departed Guyana bound for Washington": the country a traveller sets out from
_ORIGIN = re.compile(r"\b(?:departed|departs|left|leaves|leaving|departing)\s+(?:from\s+)?$", re.I)


_DEMONYM_CAPITAL = re.compile(r"\W*(?:\w+\W+){0,3}?the (?P<dem>[A-Z][\w-]+(?: [A-Z][\w-]+)?) capital\b")


def _place_after(
    doc: Doc, places: list[Place], offset: int, allow_from: bool = False
) -> tuple[str | None, str | None]:
    """The first city/country named after a character offset (a travel verb's destination)."""
    skip = ("departed", "left") if allow_from else ("from", "departed", "left")
    n = len(doc.tokens)
    later = [
        p
        for p in places
        if doc.tokens[p.i].start >= offset
        and p.kind in ("city", "country")
        and p.i > 0
        and doc.folded[p.i - 1] not in skip
        # "the new US Embassy building": a place naming an institution is no destination
        and not (p.j < n and doc.tokens[p.j].cap and doc.folded[p.j] in INSTITUTION)
    ]
    if not later or doc.tokens[later[0].i].start - offset > 60:
        return None, None
    first = later[0]
    if first.kind == "city":
        return first.name, first.code
    # "Dushanbe, Tajikistan" and "Tajikistan's capital Dushanbe": prefer a city of that country nearby
    for p in later[1:3]:
        if p.kind == "city" and p.code == first.code:
            return p.name, p.code
    return None, first.code


# Words that may stand between the places of a list of destinations.
_LIST_GAP = frozenset(
    {
        ",",
        "and",
        "-",
        "--",
        ":",
        "in",
        "to",
        "then",
        "as",
        "well",
        "finally",
        "also",
        "on",
        "the",
        "a",
        "day",
        "later",
        "next",
        "week",
        "before",
        "after",
        "(",
        ")",
        "of",
        "via",
        "through",
    }
)


def destination_list(doc: Doc, places: list[Place], offset: int, first_code: str | None) -> list[Place]:
    """The places that follow a travel verb's first destination in one list ("Pakistan, Nepal, Maldives,
    Sri Lanka and Thailand"); the first destination itself is left out."""
    later = [p for p in places if doc.tokens[p.i].start >= offset and p.kind in ("city", "country")]
    if not later or doc.tokens[later[0].i].start - offset > 60:
        return []
    out: list[Place] = []
    prev = later[0]
    for p in later[1:]:
        gap = doc.folded[prev.j : p.i]
        if len(gap) > 7 or not all(
            f in _LIST_GAP or f in WEEKDAYS or f in MONTHS or f.isdigit() for f in gap
        ):
            break
        if p.kind == "city" and (p.code == prev.code or p.code == first_code) and "," in gap[:1]:
            prev = p  # "Dushanbe, Tajikistan" / "Tajikistan, Dushanbe": one place, not two legs
            continue
        if p.code != first_code and all(o.code != p.code for o in out):
            out.append(p)
        prev = p
    return out


# "after"/"since" open a clause unless a noun phrase follows ("returned after an official tour of ...")
# Verbs whose destination must follow at once ("is in Tanzania", "went to Seoul", "continue to Seoul").
_TIGHT = re.compile(
    r"(?: in|reach|reached|go(?:es|ing)? on to|went on to|continu\w* (?:on )?to|go(?:es)? to|went to|"
    r"gone to|proceed\w* to|on to|"
    r"t(?:ook|akes|aking) (?:him|her|them) to)$",
    re.I,
)

_CALLED_OFF = re.compile(
    r"\b(?:postponed|put off|pushed back|called off|cancell?ed|(?:is|was|had been) planned|scheduled)\b", re.I
)

_CLAUSE_BREAK = re.compile(
    r"\b(?:that|which|when|while|because|where|(?:after|since)(?! (?:a|an|the|his|her|their|its|a)\b))\b"
)

_ATTENDS = re.compile(r"attend", re.I)
_ARRIVES = re.compile(r"(?:arriv|landed|touched down)", re.I)

_PRESENT = re.compile(r"(?:travels|visits|heads|leaves|flies|arrives|goes)\b", re.I)
_SOON = re.compile(
    r"\b(?:this (?:week|weekend|month)|later this (?:week|month)|tomorrow|next (?:week|month))\b", re.I
)

_RETURN = re.compile(r"\s*(?:back|home)\b", re.I)

_LEG = re.compile(r"\b(?:stop|stopover|leg|onward|then|next)\b[^.;]{0,20}?\b(?:in|to)\s*$", re.I)


def _co_travellers(text: str, sent: Sentence, refs: list[Ref], verb_start: int, person: int) -> list[int]:
    """The other named subjects of a plural travel clause ("A and B are due in X", "A and B arrived in X")."""
    head = text[:verb_start]
    if not re.search(r"\band\b", head):
        return []
    # the clause starts after a semicolon or a full stop, not after an initial ("S. Jaishankar")
    stops = [m.end() for m in re.finditer(r";|(?<![A-Z])\.\s", head)]
    clause_start = stops[-1] if stops else 0
    names = [
        r for r in refs if sent.start + clause_start <= r.start < sent.start + verb_start and r.kind == "name"
    ]
    if len(names) < 2 or names[-1].person != person:
        return []
    # only names joined by "and"/commas (with their posts and countries), no verb between them
    first = names[0].start - sent.start
    between = head[first:]
    if re.search(r"\b(?:met|said|held|received|told|with|by|to|who|which|that)\b", between):
        return []
    if not re.search(r"\b(?:are|were|have|had|both)\b[^,;]{0,25}$", head) and not re.search(
        r"\band\b[^,;]{0,60}$", head
    ):
        return []
    return [r.person for r in names[:-1] if r.person != person]


# "X, together with Y, arrived" / "X, accompanied by Y and Z, flew": an aside naming the party
_ASIDE = re.compile(
    r",\s*(?:together with|along with|accompanied by|joined by|flanked by|alongside)\b[^,;]*(?:,|$)", re.I
)


def _traveller(text: str, sent: Sentence, refs: list[Ref], verb_start: int, agent: int) -> int:
    """Who makes the trip: the name nearest before the verb in the same clause, else the one followed."""
    before = [r for r in refs if r.start < sent.start + verb_start]
    for rel in re.finditer(r",\s*(?:who|which|whose)\b[^,]*,", text[:verb_start]):
        # "X, who held a phone call with Y last week, arrived": Y sits in a closed relative clause
        before = [r for r in before if not (rel.start() < r.start - sent.start < rel.end())]
    for aside in _ASIDE.finditer(text[:verb_start]):
        # "X, together with Y, arrived": the party named in the aside follows X, who heads the trip
        before = [r for r in before if not (aside.start() < r.start - sent.start < aside.end())]
    who = re.search(r",\s*who\b[^,]*$", text[:verb_start])
    if who and before:
        return before[-1].person  # "..., who arrived here this morning"
    if (
        before
        and before[0].kind == "name"
        and re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[:verb_start])
    ):
        # "X spoke with his counterpart Y to explain why his official visit to Japan was postponed": the
        # possessive points back to the sentence's subject, not to the nearest name
        return before[0].person
    if before and re.match(r"t(?:ook|akes|aking) (?:him|her|them) to", text[verb_start:]):
        return before[0].person  # "X's first trip since taking office took him to Germany"
    if before and re.search(r"\b(?:before|after|then|prior to|ahead of)\s+$", text[:verb_start], re.I):
        return before[0].person  # "X is due to meet Y and Z before heading on to Japan": X travels on
    if before:
        r = before[-1]
        gap = text[r.start - sent.start : verb_start]
        if not _CLAUSE_BREAK.search(gap) or r.kind == "pronoun":
            return r.person
        return -1
    if re.search(
        r"\b(?:before|after|when|as soon as|once|until|as)\s+(?:the|his|her|their)\b[^,]*$",
        text[:verb_start],
        re.I,
    ):
        return -1  # "Before the minister arrived, ...": someone the clause names only by post
    if not before and verb_start < 40 and re.match(r"\W*(?:On|During|In|At|While|After)\b", text):
        # "On his first official visit to Indonesia, Josep Borrell ... held talks": the fronted phrase's
        # traveller is the subject after the comma
        first = next((r for r in refs if r.start > sent.start + verb_start and r.kind == "name"), None)
        if first is not None:
            head = text[verb_start : first.start - sent.start]
            comma = head.rfind(",")
            # the name opens the main clause, after the phrase's last comma and perhaps its post
            if comma >= 0 and re.fullmatch(
                r",\s*(?:(?:the|of|and|for)\s+|[A-Z][\w'().-]*\s+){0,10}", head[comma:]
            ):
                return first.person
    if re.match(r"\W*(?:an?|another)\s+(?-i:[A-Z])[^,;]*$", text[:verb_start], re.I):
        return -1  # "A Portuguese President last came to India in 2007": nobody in particular
    if re.search(r"\bdelegations? (?:from|of) (?:the )?[A-Z][^,]*$", text[:verb_start]):
        return -1  # "a senior delegation from the UAE flew in": nobody named travels
    implicit = verb_start < 50 or re.search(r"\bdelegation\b", text[:verb_start], re.I)
    return agent if implicit else -1


def visits_in(
    doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context, published: dt.date | None, agent: int
) -> list[RawVisit]:
    """Trips told in one sentence with a travel verb ("arrived in", "on a state visit to", "will visit")."""
    text = sent.text
    out: list[RawVisit] = []
    if not refs and agent < 0:
        return out  # nobody to travel
    low = text.lower()
    if not holds_any(low, _TRAVEL_HINTS):
        return out
    floor = 0
    call = _CALL.search(text)
    if call and not _COURTESY.search(text) and not re.search(r"\bvisit", text, re.I):
        # "After a phone call with X last week, Y travelled to Paris": the trip is in another clause
        comma = text.find(",", call.end())
        if comma < 0 or not _TRAVEL.search(text, comma):
            return out
        floor = comma
    places = sentence_places(doc, sent)
    kind_m = _KIND.search(text)
    for m in _TRAVEL.finditer(text, floor):
        if _RETURN.match(text[m.end() :]):
            continue  # "flew back to New York": going home is not a visit
        t0 = sent.start + m.start()
        person = _traveller(text, sent, refs, m.start(), agent)
        by = re.match(r"\s*(?:(?-i:[A-Z])[\w-]*\s+){0,3}by\b", text[m.end() :])
        if by:  # "a two-day official visit by the army chief to Uzbekistan"
            at = sent.start + m.end() + by.end()
            agent_ref = next((r for r in refs if at <= r.start <= at + 40), None)
            if agent_ref is not None:
                person = agent_ref.person
        elif re.search(r"(?:visit|trip) (?:by|of)$", m.group(), re.I):
            # "The visit of Chilean President X to Argentina": the one named after the noun travels
            agent_ref = next((r for r in refs if t0 < r.start <= sent.start + m.end() + 60), None)
            if agent_ref is not None:
                person = agent_ref.person
        escort = -1
        at_venue = False
        if m.group().lower().startswith("accompan"):
            # "Foreign Minister A accompanied Prime Minister B to Canberra": B heads the trip, A goes along
            inner = [r for r in refs if t0 < r.start < sent.start + m.end() and r.kind == "name"]
            if inner and inner[0].person != person:
                escort, person = person, inner[0].person
        onward = _ONWARD.match(m.group())
        where_clause = re.search(r",\s+where\b[^,;]*$", text[: m.start()])  # "from Japan, where he had ..."
        if person < 0 or (not onward and not where_clause and any(v.person == person for v in out)):
            continue
        back_from = m.group().lower().endswith(" from")  # "on his way back from Switzerland": he was there
        city, country = _place_after(doc, places, t0, allow_from=back_from)
        if country is None and "capital" in low and (dem := _DEMONYM_CAPITAL.match(text[m.end() :])):
            hit = gazetteer().match([fold(w) for w in dem["dem"].split()], 0)
            if hit and hit[1].kind in ("demonym", "country") and hit[1].code:
                country = hit[1].code  # "are due in the Honduran capital"
                city = gazetteer().capital.get(country)
                back_from = True  # the destination is right there: no place token to check below
        if any(v.person == person and v.country == country for v in out):
            continue
        if _TIGHT.search(m.group()) and country is not None and not back_from:
            # "was in Tanzania", not "was in charge of relations with Tanzania"; "reached Kabul", not "a deal
            # to be reached at the Paris conference"; "continue to Seoul", not "continue to lead ... Russia"
            if re.match(r"\s+the (?:\w+ )?capital\b", text[m.end() :]):
                nxt = []  # "went to the Armenian capital": the capital is the place
            else:
                nxt = [p for p in places if doc.tokens[p.i].start >= sent.start + m.end()]
                if not nxt or doc.tokens[nxt[0].i].start - (sent.start + m.end()) > 5:
                    continue
        if country is None and re.search(r"(?:visit|trip|tour)$", m.group(), re.I):
            # "came to Korea from Japan, where he had just completed a six-day official visit"
            where = re.search(r",\s+where\b[^,;]*$", text[: m.start()])
            prior = [p for p in places if where and doc.tokens[p.j - 1].end == sent.start + where.start()]
            if prior:
                city, country = (
                    (prior[-1].name, prior[-1].code) if prior[-1].kind == "city" else (None, prior[-1].code)
                )
        if country is None and m.group().lower().endswith(" there") and ctx.trip_country:
            city, country = ctx.trip_city, ctx.trip_country  # "Foreign Minister X then went there in January"
        if country is None and _HERE.search(text[m.start() :]):
            city, country = ctx.dateline_city or ctx.main_city, ctx.dateline_country or ctx.main_country
        if (
            country is None
            and ctx.at_event
            and ctx.event_country
            and (_ATTENDS.match(m.group()) or _ARRIVES.match(m.group()))
            and not re.match(r"\s+(?:in|at|to)\s+(?!the country\b)", text[m.end() :])
        ):
            city, country = ctx.event_city, ctx.event_country  # "will attend the summit" hosted elsewhere
            at_venue = True
        if country is None and (body := _BODY_AFTER.match(text[m.end() :])):
            country = _body_countries(doc).get(body["acr"])  # "its working visit to the SBV" (of Vietnam)
        if country is None:
            # "a planned Uzbekistan visit": the place right before the noun
            noun = m.group().lower().endswith(("visit", "trip", "tour"))
            pre = [p for p in places if t0 - 2 <= doc.tokens[p.j - 1].end <= t0] if noun else []
            if pre and any(v.country == pre[-1].code for v in out):
                continue  # "leaving for Tokyo on a working visit": the leg told already, not another's trip
            if pre:
                city, country = (
                    (pre[-1].name, pre[-1].code) if pre[-1].kind == "city" else (None, pre[-1].code)
                )
        if country is None:
            continue
        if city is None and _CAPITAL.search(text):
            city = gazetteer().capital.get(country)  # "arrived in the Armenian capital"
        window = text[max(0, m.start() - 60) : m.end() + 10]
        if re.search(r"\b(?:before|after|then)\s+$", text[: m.start()], re.I):
            window = text[: m.end() + 10]  # "is due to meet X before heading on to Japan": the clause's tense
        status = "planned" if _FUTURE.search(window) else "completed"
        if status == "completed" and _PRESENT.match(m.group()) and _SOON.search(text):
            status = "planned"  # "X travels to Colombia this week": the present of a timetable
        if re.search(r"(?:visit|trip|tour)\b", m.group(), re.I) and _CALLED_OFF.search(
            text[m.end() : m.end() + 140]
        ):
            status = "planned"  # "A visit to Moscow by X, planned for March 5, has been put off"
        invite = re.search(r"\binvit(?:ed|es|ation)\b[^.;]{0,60}$", text[: m.start()], re.I)
        if invite:
            # an invitation is a planned visit of the invited person once it is accepted, else only a wish
            if not re.search(r"\baccept", text, re.I):
                continue
            inv = [r for r in refs if sent.start + invite.end() > r.start >= sent.start + invite.start()]
            invited = [r for r in refs if r.start >= sent.start + invite.start() and r.start < t0]
            person = invited[-1].person if invited else person
            del inv
            status = "planned"
        kind = (
            kind_of(kind_m)
            if kind_m
            else "multilateral"
            if _MULTI.search(text) or at_venue
            else ctx.trip_kind
            or "unknown"  # "made her first official visit to Asia. Her itinerary took her to"
        )
        leg = any(v.person == person for v in out)  # an onward leg dates from its own verb on
        dates = [
            d
            for d in find_dates(text, sent.start, published, future=status == "planned")
            if not leg or d.start >= t0
        ]
        dates = [
            d
            for d in dates
            if d.start >= t0 - 40
            and not _SAID.search(text[max(0, d.start - sent.start - 30) : d.start - sent.start])
        ]
        start = end = None
        if dates:
            start, end = dates[0].date, dates[0].end_date
            lead = text[: dates[0].start - sent.start]
            if end is None and status == "completed" and _ENDING.search(lead[max(0, m.start() - 60) :]):
                start, end = None, start  # "wrapped up his visit to Japan on Friday"
            elif (
                end is None
                and len(dates) > 1
                and (later := _later_day(text, sent.start, start, dates[1])) is not None
                and (later - start).days <= 31
                and _UNTIL.search(text[dates[0].end - sent.start : dates[1].start - sent.start])
            ):
                end = later  # "arrived on May 6 for a visit that ends on May 8"
            elif end is None and _BRIEF.search(text):
                end = start  # "stopped briefly yesterday in Accra": a stop of one day
            elif end is None and (n_days := _DAYS.search(text)):
                word = (n_days["n"] or "one").lower()
                n = _NUMBER.get(word) or int(word)
                end = start + dt.timedelta(days=n - 1)  # "arrived on Monday on a two-day visit"
        elif status == "completed" and re.search(
            r"\b(?:arrived|landed|has come|have come|touched down|departed)\b", m.group(), re.I
        ):
            start = published
        ev = _EVENT.search(text)
        purpose = ev["ev"].strip() if ev else None
        ev_idx = [(sent.start, sent.end)]
        origin = next(
            (
                p.code
                for p in places
                if p.kind in ("country", "city")  # "departed Guyana", "left Abuja on Sunday for"
                and p.code != country
                and _ORIGIN.search(text[: doc.tokens[p.i].start - sent.start][-30:])
            ),
            None,
        )
        later = bool(re.search(r"\b(?:before|then|afterwards|later|and)\s+$", text[: m.start()], re.I))
        out.append(
            RawVisit(person, country, city, start, end, kind, status, purpose, True, ev_idx, origin, later)
        )
        out[-1].past = status == "completed" and recalled(text[: m.end() + 40], published, start)
        party = _co_travellers(text, sent, refs, m.start(), person)
        if m.group().lower().startswith("accompan"):
            by = re.search(
                r"\bby\b", text[m.end() :]
            )  # "X was accompanied to the summit by Y": Y travels too
            if by:
                party += [
                    r.person for r in refs if r.start >= sent.start + m.end() + by.end() and r.kind == "name"
                ]
            party += [r.person for r in refs if r.start < t0 and r.person != person and r.kind != "name"][:1]
            party += [escort] if escort >= 0 else []
        for other in party:
            # "A of Colombia and B of Venezuela are due in the Honduran capital": both travel
            if not any(v.person == other and v.country == country for v in out):
                out.append(RawVisit(other, country, city, start, end, kind, status, purpose, True, ev_idx))
        # "visits to Germany, Denmark, Sweden and Norway", "due in Chad on Monday and in Nigeria a day later"
        for p in destination_list(doc, places, t0, country):
            if not any(v.person == person and v.country == p.code for v in out):
                pcity = p.name if p.kind == "city" else None
                out.append(RawVisit(person, p.code, pcity, None, None, kind, status, purpose, True, ev_idx))
        # other legs of a tour in the same sentence: "flew into Riyadh from Bahrain ..., with a stop in Qatar"
        if re.search(r"\btour\b", text, re.I):
            for p in places:
                pos = doc.tokens[p.i].start - sent.start
                if p.code == country or p.code == doc.persons[person].country:
                    continue
                lead = text[max(0, pos - 30) : pos]
                if re.search(r"\bfrom\s*$", lead):
                    out.append(
                        RawVisit(person, p.code, None, None, None, kind, "completed", purpose, True, ev_idx)
                    )
                elif _LEG.search(lead):
                    fut = (
                        "planned"
                        if _FUTURE.search(text[pos : pos + 40]) or _FUTURE.search(lead)
                        else "completed"
                    )
                    out.append(RawVisit(person, p.code, None, None, None, kind, fut, purpose, True, ev_idx))
    return out


def _later_day(text: str, offset: int, start: dt.date, second: DateMention) -> dt.date | None:
    """The day a trip that began on start ends on, as a second date of the sentence tells it; a bare weekday
    read as past ("arrived on Monday for a visit that lasts until Wednesday") is the one after the start."""
    day = second.end_date or second.date
    if day > start:
        return day
    weekday = text[second.start - offset : second.end - offset].lower() in WEEKDAYS
    if weekday and 0 < (start - day).days < 7:
        return day + dt.timedelta(days=7)
    return None
