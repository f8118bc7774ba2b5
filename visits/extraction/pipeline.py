"""The extraction pipeline: `extract` (text in, records out), `extract_file` (a file in, the contract out).

Stages, each with typed results and its own tests (tests/extraction/test_stages.py):

1. text (text.py): same-length normalisation, tokens with offsets, sentences.
2. mentions (names.py, posts.py, mentions.py): places, organisations, posts and name runs -> `Doc`.
3. people (people.py, merge.py): mentions merged into `Person`s with their posts and countries; names
   confirmed later, plural posts handing out their countries, places inside names dropped.
4. coreference (refs.py): per sentence, `Ref`s to people by name, by post or abbreviation ("the FM",
   "the Chinese president") and by pronoun.
5. events per sentence (trips.py, travel_verbs.py, travellers.py, rules.py, events.py): `RawVisit`s and
   `RawMeeting`s (raw.py, with hosts), officials named only by post, attendance lists, companions.
6. nationality and implied trips (nationality.py): countries of officials the article did not give, and
   the visits that meetings abroad imply.
7. records (`_build` here): de-duplicated `Official`, `Visit`, `Meeting` and `Organisation`, each with its
   evidence spans.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from .dates import find_dates, parse_published
from .events import MULTILATERAL, attendance_in, event_venue, events_in
from .gazetteer import fold, gazetteer
from .mentions import Doc
from .model import Extraction, Meeting, Official, Organisation, Visit
from .nationality import _home_countries, _pair_hosts, _visits_from_meetings
from .outcomes import outcomes_in
from .people import analyse
from .raw import Context, RawMeeting, RawVisit
from .refs import collect
from .rules import (
    _location,
    companions_in,
    joiners_in,
    meetings_in,
)
from .text import Gated, Sentence, html_to_text, normalise, sentences
from .travellers import (
    arrivals_listed,
    delegation_with,
    place_hosted,
    place_subject,
    unnamed_travellers,
    welcomed_on_arrival,
)
from .trips import _KIND, kind_of, visits_in

# News reports are a few thousand characters; past this the rest is cut so that one huge input cannot
# stall a worker. The cut is reported in `warnings`.
MAX_CHARS = 100_000

_VAGUE = (("counterpart",), ("colleague",), ("counterparts",))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_VISIT_NOUN = re.compile(
    r"\b(?:the|this|his|her|their)(?: [\w-]+){0,2}? (?:visit|trip)\b", re.I
)  # "the two-day visit"
_TRIP_TALK = Gated(
    re.compile(r"\b(?:tour|stop|stopover|leg|trip|onward)\b", re.I), "tour|stop|leg|trip|onward"
)
_LEG_HEADING = re.compile(r"(?<=\S) (?:leg|stage|stop)\b", re.I)
_HOME = re.compile(
    r"\b(?:back (?:in|home|to)|returned (?:home|to)|return(?:ed|ing|s)? (?:home|from)|"
    r"(?:arrived|flew) (?:back|home)|homecoming)\b",
    re.I,
)
_SIDELINES = re.compile(r"\b(?:sidelines|margins)\b", re.I)
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z'. -]{1,30}?)\s*(?=[,.:/(]|\s[-(])")


def _dateline(
    doc: Doc, text: str, published: dt.date | None
) -> tuple[str | None, str | None, dt.date | None]:
    m = _DATELINE.match(text[:120])
    if not m:
        return None, None, None
    g = gazetteer()
    place = m["place"].strip()
    code = g.city_country.get(fold(place))
    if code is None:
        return None, None, None
    city = place.title() if place.isupper() else place
    head = re.split(r"\s(?:--|-)\s|:\s|\)\s", text[:120], maxsplit=1)[0]
    dates = find_dates(head, 0, published)
    return city, code, dates[0].date if dates else None


def _clean(text: object) -> tuple[str, list[str]]:
    warnings: list[str] = []
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
        warnings.append("input was bytes; decoded as UTF-8 with replacement")
    if not isinstance(text, str):
        return "", [f"input was {type(text).__name__}, not text; nothing extracted"]
    if len(text) > MAX_CHARS:
        warnings.append(f"text of {len(text)} characters cut to the first {MAX_CHARS}")
        text = text[:MAX_CHARS]
    text, bad = _CONTROL.subn(" ", text)
    if bad:
        warnings.append(f"{bad} control characters replaced")
    return text, warnings


def extract(text: str, published: dt.date | None = None) -> Extraction:
    """Extract officials, organisations, visits and meetings from one article's text; never raises."""
    clean, warnings = _clean(text)
    try:
        when = parse_published(published)
        normal = normalise(clean)
        sents = sentences(normal)
        result = _extract(normal, sents, when)
        # the outcomes quote the text as written; its sentences are these when normalising changed nothing
        result.outcomes = outcomes_in(clean, when, sents if normal == clean else None)
    except Exception as exc:  # a parser bug must not lose the article: report it and return nothing
        result = Extraction()
        warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
    result.warnings = warnings + result.warnings
    return result


def _extract(text: str, sents: list[Sentence], published: dt.date | None) -> Extraction:
    if not text.strip():
        return Extraction()
    doc = analyse(text)
    per_sent, _subjects, delegation_head = collect(doc, sents)
    ctx = Context()
    ctx.dateline_city, ctx.dateline_country, _ = _dateline(doc, text, published)
    cities = Counter((p.name, p.code) for p in doc.places if p.kind == "city" and doc.tag[p.i] == "city")
    if cities:
        (ctx.main_city, ctx.main_country), _n = cities.most_common(1)[0]
    counts = Counter(r.person for refs in per_sent for r in refs if r.person >= 0)
    ctx.focus = counts.most_common(1)[0][0] if counts else -1
    agent = delegation_head if delegation_head is not None else -1
    event_s = -10  # the last sentence that told of a multilateral event
    home_s = -10  # the last sentence that told of a return home
    # a summit's venue told late ("Leaders flew in for the summit ... the host, President X of Namibia")
    # holds from the start of the report
    for s, sent in enumerate(sents):
        low = sent.text.lower()
        if "host" in low or "summit" in low or "conference" in low:
            venue = event_venue(doc, sent, [r for r in per_sent[s] if r.person >= 0])
            if venue is not None:
                ctx.event_city, ctx.event_country, ctx.event_host = venue
                break
    raw_visits: list[RawVisit] = []
    raw_meetings: list[RawMeeting] = []
    companions: list[tuple[int, int]] = []  # (the official accompanied, a member of their party)
    counterparts: list[tuple[int, int]] = []  # (an official named as "counterpart", the one whose post it is)
    for s, sent in enumerate(sents):
        refs = per_sent[s]
        # a pronoun in a sentence about the trip ("the stop is part of a tour on which he ...") is the
        # traveller's, not the last speaker's or host's
        trip_talk = raw_visits and doc.persons[raw_visits[-1].person].name and _TRIP_TALK.search(sent.text)
        for r in refs:
            if r.kind == "pronoun" and r.person < 0:
                r.person = raw_visits[-1].person if trip_talk else agent
        refs = [r for r in refs if r.person >= 0]
        if delegation_head is not None and re.search(r"\bdelegation\b", sent.text, re.I) and not refs:
            agent = delegation_head
        for r in refs:  # "Lavrov ... with his Omani counterpart Badr Albusaidi": the same post
            p = doc.persons[r.person]
            if p.head in _VAGUE and not any(c == r.person for c, _ in counterparts):
                other = next((x.person for x in refs if x.person != r.person), -1)
                if other >= 0:
                    counterparts.append((r.person, other))
        low = sent.text.lower()
        leg = _LEG_HEADING.search(sent.text) if ("leg" in low or "stage" in low or "stop" in low) else None
        if leg:  # "Republic of Korea leg (4 May)", "During the Korean leg": the trip is now there
            place = next((p for p in doc.places if doc.tokens[p.j - 1].end == sent.start + leg.start()), None)
            if place is not None:
                ctx.trip_city, ctx.trip_country = (place.name if place.kind == "city" else None), place.code
        venue = (
            event_venue(doc, sent, refs) if "host" in low or "summit" in low or "conference" in low else None
        )
        if venue is not None:
            ctx.event_city, ctx.event_country, ctx.event_host = venue
        multi = MULTILATERAL.search(sent.text)
        ctx.near_event = bool(
            multi or event_s >= s - 2 or (("sidelines" in low or "margins" in low) and _SIDELINES.search(low))
        )
        ctx.at_event = bool(ctx.event_country and ctx.near_event)
        if "back" in low or "return" in low or "home" in low:
            if _HOME.search(sent.text):
                home_s = s
            _ends_trip(sent, refs, raw_visits, published)
        ctx.returning = home_s >= s - 2
        if "represented" in low:
            _represented(doc, sent, refs)
        visits = place_hosted(doc, sent, refs) or visits_in(doc, sent, refs, ctx, published, agent)
        visits += unnamed_travellers(doc, sent, refs)
        visits += arrivals_listed(doc, sent, refs, ctx)
        if not visits:
            visits = welcomed_on_arrival(doc, sent, refs, agent)
        kind_m = _KIND.search(sent.text) if ("visit" in low or "trip" in low or "tour" in low) else None
        ctx.trip_kind = kind_of(kind_m) if kind_m and not visits else None
        if (
            ctx.trip_kind
            and raw_visits
            and raw_visits[-1].kind == "unknown"
            and _VISIT_NOUN.search(sent.text)
        ):
            raw_visits[-1].kind = ctx.trip_kind  # "... arrived in Baku. The visit is an official one."
        for v in visits:
            if v.status == "completed" and v.country != doc.persons[v.person].country and not v.later:
                ctx.trip_city, ctx.trip_country = v.city or ctx.trip_city, v.country
        hosted_by_place = place_subject(doc, sent) is not None
        meetings = (
            []
            if hosted_by_place
            else _clause_meetings(doc, sent, refs, ctx, published, agent)
            or events_in(doc, sent, refs, ctx, published, agent)
        )
        for v in visits:  # "met X at the palace before leaving for Tokyo": the trip follows the meeting
            if v.later and v.status == "completed" and v.country != doc.persons[v.person].country:
                ctx.trip_city, ctx.trip_country = v.city or ctx.trip_city, v.country
        joiners = joiners_in(sent, refs) if not meetings else []
        if multi:
            event_s = s
        if joiners and raw_meetings:
            last = raw_meetings[-1]
            if last.summary:  # "my brother and I met in Riyadh" restates the talks told before: join those
                last = next(
                    (
                        m
                        for m in reversed(raw_meetings)
                        if not m.summary and m.country == last.country and set(m.people) & set(last.people)
                    ),
                    last,
                )
            last.joined += [p for p in joiners if p not in last.people]
            last.people += [p for p in joiners if p not in last.people]
            last.evidence.append((sent.start, sent.end))
        elif not meetings and event_s >= s - 2 and (present := attendance_in(sent, refs)):
            # "The summit was attended by A, B and C": one session of everyone named as present
            city, country = _location(doc, sent, ctx, None)
            dates = find_dates(sent.text, sent.start, published)
            if ctx.event_host >= 0 and ctx.event_host not in present and country == ctx.event_country:
                present = [ctx.event_host, *present]  # the host of the summit sits in its session
            told = [(sent.start, sent.end)]
            if event_s != s:  # the sentence that told of the event is evidence too
                told.append((sents[event_s].start, sents[event_s].end))
            meetings = [
                RawMeeting(
                    present,
                    None,
                    dates[0].date if dates else None,
                    city,
                    country,
                    [],
                    told,
                    host=ctx.event_host if ctx.event_host in present else -1,
                )
            ]
        raw_visits += visits
        raw_visits += delegation_with(doc, sent, refs, raw_visits)
        raw_meetings += meetings
        comp = companions_in(sent, refs)
        if comp is not None:
            lead, people = comp
            if lead < 0 or lead in people:
                guest = re.search(r"\b(?:guest|visitor|visiting)\b", sent.text[:80], re.I)
                if guest and raw_meetings and len(raw_meetings[-1].people) > 1:
                    lead = raw_meetings[-1].people[1]  # "The distinguished guest was accompanied by ..."
                else:
                    lead = raw_visits[-1].person if raw_visits else agent
            if lead >= 0:
                companions.extend((lead, p) for p in people if p != lead)
        named = [v.person for v in visits if doc.persons[v.person].name]  # not officials named only by post
        if meetings:
            agent = meetings[0].people[0]
        elif named:
            agent = named[0]
        elif refs and refs[0].kind == "name" and _is_subject(doc, refs[0].i):
            agent = refs[0].person
    for idx, other in counterparts:
        p, q = doc.persons[idx], doc.persons[other]
        if p.head in _VAGUE and q.title and q.head not in _VAGUE:
            p.title, p.head = q.title, q.head
    raw_meetings = _drop_restated(raw_meetings)
    _pair_hosts(doc, raw_meetings)
    _home_countries(doc, raw_visits, raw_meetings, ctx, companions)
    party: dict[int, set[int]] = {}
    for lead, idx in companions:
        party.setdefault(idx, set()).add(lead)
    raw_visits += _visits_from_meetings(doc, raw_meetings, raw_visits, ctx, party)
    return _build(doc, raw_visits, raw_meetings, (ctx.dateline_city, ctx.dateline_country))


_REPRESENTED = re.compile(r"\s+(?:is|was|will be|are|were|has been|had been) represented\b[^.;]{0,40}?\bby\b")


def _represented(doc: Doc, sent, refs) -> None:
    """ "South Africa was represented by Deputy President X": X is of that country."""
    for p in doc.places:
        if p.kind != "country" or not (sent.start <= doc.tokens[p.i].start < sent.end):
            continue
        end = doc.tokens[p.j - 1].end
        m = _REPRESENTED.match(doc.text, end)
        if not m:
            continue
        who = next((r for r in refs if m.end() <= r.start <= m.end() + 60 and r.kind == "name"), None)
        if (
            who is not None
            and doc.persons[who.person].country is None
            and not doc.persons[who.person].org_head
        ):
            doc.persons[who.person].country = p.code


_GOING_HOME = re.compile(
    r"\b(?:fl(?:ew|ying|ies|y) (?:back|home)|return(?:ed|ing|s)? (?:home|to)|left for home|"
    r"head(?:ed|ing|s)? home)\b",
    re.I,
)


def _ends_trip(sent, refs, raw_visits: list[RawVisit], published: dt.date | None) -> None:
    """ "Before flying home to Kyiv on July 4, X ...": the date the traveller went home ends the trip."""
    going = _GOING_HOME.search(sent.text)
    if not going:
        return
    dates = [d for d in find_dates(sent.text, sent.start, published) if d.start >= sent.start + going.end()]
    if not dates or dates[0].start - (sent.start + going.end()) > 40:
        return
    who = {r.person for r in refs if r.person >= 0}
    trip = next(
        (v for v in reversed(raw_visits) if v.status == "completed" and (not who or v.person in who)), None
    )
    when = dates[0].date
    if trip is not None and trip.end is None and (trip.start is None or 0 <= (when - trip.start).days <= 31):
        trip.end = when


# "The PM met X, while the EAM held talks with Y": two clauses, two meetings
_WHILE = re.compile(r",\s*(?:while|whereas)\s+(?=(?:the\s+)?(?-i:[A-Z]))|;\s+(?=(?:the\s+)?(?-i:[A-Z]))")


def _clause_meetings(doc: Doc, sent: Sentence, refs, ctx: Context, published, agent: int) -> list[RawMeeting]:
    """Meetings of a sentence, clause by clause where "while"/";" joins clauses with subjects of their own."""
    cut = _WHILE.search(sent.text) if ("while" in sent.text or ";" in sent.text) else None
    if cut is None:
        return meetings_in(doc, sent, refs, ctx, published, agent)
    first = Sentence(sent.start, sent.start + cut.start(), sent.text[: cut.start()], sent.paragraph)
    second = Sentence(sent.start + cut.end(), sent.end, sent.text[cut.end() :], sent.paragraph)
    a = meetings_in(doc, first, [r for r in refs if r.start < first.end], ctx, published, agent)
    b = meetings_in(doc, second, [r for r in refs if r.start >= second.start], ctx, published, -1)
    if not a or not b:
        return meetings_in(doc, sent, refs, ctx, published, agent)
    for m in a + b:
        m.evidence = [(sent.start, sent.end)]
    return a + b


def _is_subject(doc: Doc, i: int) -> bool:
    """Whether a name at token i can be a clause subject: not the object of a preposition or inside a post."""
    k = i - 1
    while k >= 0 and doc.tag[k] in ("title", "country", "demonym", "org"):
        k -= 1
    return k < 0 or doc.folded[k] not in ("of", "with", "by", "under", "to", "from", "for", "on", "at", "in")


def _same_meeting(a: RawMeeting, b: RawMeeting) -> bool:
    """A pair told twice at one place (once dated, once not) is one meeting; lone participants' sessions
    are told apart by their sentence."""
    if set(a.people) != set(b.people) or a.country != b.country:
        return False
    if len(a.people) == 1 and a.evidence[0] != b.evidence[0]:
        return False
    if a.city and b.city and a.city != b.city:
        return False  # "told him at a meeting" in Sochi, "held talks in Moscow in April": two meetings
    return a.date is None or b.date is None or a.date == b.date


def _same_but_unnamed(doc: Doc, a: RawMeeting, b: RawMeeting) -> bool:
    """Two sessions told in one sentence that differ only by officials named by post alone are one."""
    if a.evidence[:1] != b.evidence[:1] or a.country != b.country:
        return False
    named_a = {i for i in a.people if doc.persons[i].name}
    named_b = {i for i in b.people if doc.persons[i].name}
    return (
        bool(named_a) and named_a == named_b and len(a.people) > len(named_a) and len(b.people) > len(named_b)
    )


def _drop_restated(meetings: list[RawMeeting]) -> list[RawMeeting]:
    """A lone-participant "held talks in X" that the article then tells meeting by meeting is a summary."""
    out = []
    for m in meetings:
        if m.summary and any(
            o is not m and len(o.people) > 1 and m.people[0] in o.people and o.country == m.country
            for o in meetings
        ):
            continue
        out.append(m)
    return out


def _build(
    doc: Doc,
    raw_visits: list[RawVisit],
    raw_meetings: list[RawMeeting],
    dateline: tuple[str | None, str | None],
) -> Extraction:
    result = Extraction()
    for p in doc.persons:
        result.officials.append(Official(p.name, p.title, p.country, p.organisation, list(p.spans[:5])))
    seen_orgs: dict[str, Organisation] = {}
    for s, e, entry in doc.orgs:
        span = (doc.tokens[s].start, doc.tokens[e - 1].end)
        org = seen_orgs.get(entry.name)
        if org is None:
            seen_orgs[entry.name] = org = Organisation(entry.name, entry.code, entry.org_kind)
            result.organisations.append(org)
        if len(org.evidence) < 5:
            org.evidence.append(span)
    merged: dict[tuple[int, str | None, str, bool], RawVisit] = {}
    done = [v for v in raw_visits if v.status == "completed"]
    for v in raw_visits:
        if v.status == "planned" and any(
            d.person == v.person and d.country == v.country and (d.city is None or v.city in (None, d.city))
            for d in done
        ):
            continue  # "is visiting Brunei and Indonesia" ... "after Indonesia, X is due in Brunei": one trip
        p = doc.persons[v.person]
        if p.country and v.country == p.country:
            continue  # a trip at home is not a visit
        key = (v.person, v.country, v.status, v.past)  # a trip recalled from months before is another
        old = merged.get(key)
        if old is None:
            merged[key] = v
            continue
        old.city = old.city or v.city
        old.start = min(filter(None, (old.start, v.start)), default=None)
        old.end = old.end or v.end
        old.kind = old.kind if old.kind != "unknown" else v.kind
        old.purpose = old.purpose or v.purpose
        old.evidence += v.evidence
    for v in merged.values():
        p = doc.persons[v.person]
        if v.city is None:
            # the city of a meeting the visitor held there, else the dateline's for a trip told as done
            v.city = next(
                (m.city for m in raw_meetings if m.city and m.country == v.country and v.person in m.people),
                dateline[0] if dateline[1] == v.country and v.status == "completed" else None,
            )
        result.visits.append(
            Visit(
                p.name,
                p.country,
                v.country,
                v.city,
                p.country,
                v.start,
                v.end,
                v.kind,
                v.status,
                v.purpose,
                v.evidence[:5],
            )
        )
    kept: list[RawMeeting] = []
    for m in raw_meetings:
        twin = next((k for k in kept if _same_meeting(k, m)), None)
        if twin is not None:
            twin.date = twin.date or m.date
            continue
        unnamed = next((k for k in kept if _same_but_unnamed(doc, k, m)), None)
        if unnamed is not None:  # "met Uzbekistan's Defence Minister and the Chief of Staff": one session
            unnamed.people += [p for p in m.people if p not in unnamed.people]
            continue
        session = next(
            (
                k
                for k in kept
                if m.name and k.name and k.name.lower() == m.name.lower() and k.country == m.country
            ),
            None,
        )
        if session is not None:  # the same named session told twice: one meeting of everyone named
            session.people += [p for p in m.people if p not in session.people]
            session.evidence += m.evidence
            session.date = session.date or m.date
            continue
        kept.append(m)
    for m in kept:
        names: list[str | None] = [doc.persons[i].name for i in m.people]
        result.meetings.append(Meeting(names, m.name, m.date, m.city, m.country, m.topics, m.evidence))
    return result


def extract_file(path: str | Path) -> dict[str, Any]:
    """Read an article .json (its text and published), a .txt or a .html file; return the contract dict."""
    p = Path(path)
    published: dt.date | None = None
    warnings: list[str] = []
    try:
        data = p.read_bytes()
    except OSError as exc:
        return {"file": str(path), **Extraction(warnings=[f"cannot read file: {exc}"]).to_dict()}
    raw = data.decode("utf-8", errors="replace")
    suffix = p.suffix.lower()
    if suffix == ".json":
        try:
            article = json.loads(raw)
            text = str(article.get("text") or "") if isinstance(article, dict) else ""
            published = parse_published(article.get("published")) if isinstance(article, dict) else None
        except json.JSONDecodeError as exc:
            text, warnings = "", [f"not valid JSON: {exc}"]
    elif suffix in (".html", ".htm"):
        text = html_to_text(raw)
    else:
        text = raw
    result = extract(text, published)
    result.warnings = warnings + result.warnings
    return {"file": str(path), **result.to_dict()}
