"""Nationality and implied trips: whose country each official is, and the trips that meetings abroad imply.

Runs after the sentence rules: it reads the raw visits and meetings and fills in the countries of officials
the article did not give one (the country they set out from, the country of the person they travel with,
the country they receive guests in, the dateline's), then adds the visits that meetings abroad imply.
"""

from __future__ import annotations

import re
from collections import Counter

from .gazetteer import fold, gazetteer
from .mentions import Doc
from .raw import Context, RawMeeting, RawVisit
from .rules import _MULTI


def _home_countries(
    doc: Doc,
    visits: list[RawVisit],
    meetings: list[RawMeeting],
    ctx: Context,
    companions: list[tuple[int, int]],
) -> None:
    """Give officials of unknown nationality the country they set out from, the country of the official
    they travel with, the country they receive guests in, or the dateline's."""
    for v in visits:  # "departed Guyana bound for Washington"
        p = doc.persons[v.person]
        if p.country is None and not p.org_head and v.origin:
            p.country = v.origin
    # "Indian Prime Minister X and External Affairs Minister Y arrived in Colombo": one party, one country
    together: dict[tuple, list[int]] = {}
    for v in visits:
        if v.explicit and v.evidence and v.status == "completed":
            together.setdefault((v.evidence[0], v.country), []).append(v.person)
    for people in together.values():
        known = {doc.persons[i].country for i in people if doc.persons[i].country}
        if len(people) >= 2 and len(known) == 1:
            for i in people:
                p = doc.persons[i]
                if p.country is None and not p.org_head and p.name:
                    p.country = next(iter(known))
    party = set()
    for lead, idx in companions:  # "The guest was accompanied by Ministers A, B and C"
        p, head = doc.persons[idx], doc.persons[lead]
        party.add(idx)
        if p.country is None and not p.org_head and head.country:
            p.country = head.country
    hosted = {
        i
        for m in meetings
        if m.host >= 0 and len(m.people) - len(m.joined) >= 2 and m.status == "completed"
        for i in m.people
        if i not in m.joined
    } - {m.host for m in meetings}
    # "X handed a message to President Y", then others joined: X, the first guest, came
    hosted |= {m.people[0] for m in meetings if m.host >= 0 and m.status == "completed"} - {
        m.host for m in meetings
    }
    travellers = {v.person for v in visits} | party | hosted
    for m in meetings:  # hosts take the meeting's country: "X received Y in Pretoria"
        if m.host >= 0 and m.country and m.status == "completed" and m.host not in travellers:
            h = doc.persons[m.host]
            if h.country is None and not h.org_head:
                h.country = m.country
    # at a summit or on its sidelines, someone of unknown country is not the venue's by default
    summit = {i for m in meetings if _multilateral(doc, m) for i in m.people}
    for m in meetings:
        if m.country and len(m.people) >= 2 and m.people[0] not in travellers:
            host = doc.persons[m.people[0]]
            guests = [doc.persons[i] for i in m.people[1:]]
            if (
                host.country is None
                and not host.org_head
                and any(g.country and g.country != m.country for g in guests)
            ):
                host.country = m.country
    # a host-side report: whoever a foreign visitor meets in the country, not travelling, is of that country
    going = {(v.person, v.country) for v in visits if v.status == "completed"}
    for m in meetings:
        if not m.country or m.status != "completed" or len(m.people) < 2:
            continue
        foreign = [
            i
            for i in m.people
            if (i, m.country) in going
            or doc.persons[i].org_head
            or (doc.persons[i].country not in (None, m.country))
        ]
        if not foreign:
            continue
        for i in m.people:
            p = doc.persons[i]
            if p.country is None and not p.org_head and i not in travellers:
                p.country = m.country
    if ctx.dateline_country:
        for idx, p in enumerate(doc.persons):
            if p.country is None and not p.org_head and idx not in travellers and idx not in summit:
                p.country = ctx.dateline_country
        # "KUALA LUMPUR (Bernama) -- Prime Minister Anwar ... wrapped up his visit to Japan": filed at home
        for idx in travellers:
            p = doc.persons[idx]
            if (
                p.country is None
                and not p.org_head
                and idx not in summit
                and all(v.country != ctx.dateline_country for v in visits if v.person == idx)
            ):
                p.country = ctx.dateline_country
    # the host country of a report about visits to one country: officials of unknown nationality who are
    # not travelling, at home where every visit told goes
    destinations = {v.country for v in visits if v.status == "completed" and v.country}
    if len(destinations) == 1 and not summit:
        home = destinations.pop()
        for idx, p in enumerate(doc.persons):
            if p.country is None and p.name and not p.org_head and idx not in travellers:
                p.country = home
    # a traveller of unknown nationality: the one other country the report keeps naming
    named = Counter(pl.code for pl in doc.places if pl.kind in ("country", "demonym") and pl.code)
    for idx in travellers:
        p = doc.persons[idx]
        if p.country is not None or p.org_head or not p.name:
            continue
        gone = {v.country for v in visits if v.person == idx}
        ranked = [(code, n) for code, n in named.most_common() if code not in gone]
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            p.country = ranked[0][0]


# Envoys posted in the country: they meet there without travelling
_RESIDENT = re.compile(r"\bambassador|\bhigh commissioner\b|\bcharg[eé] d'affaires\b", re.I)

_PAIR = re.compile(r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)[-–]([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b")


def _pair_hosts(doc: Doc, meetings: list[RawMeeting]) -> None:
    """A meeting told without a place, of someone of a known country with someone of none, in a report
    that names the two countries as a pair ("Australia-Japan Trade Framework", "Russian-Angolan ties"):
    the one of no stated country is at home in the other country of the pair, where they met."""
    if not any(
        m.country is None
        and len(m.people) == 2
        and m.status == "completed"
        and sum(doc.persons[i].country is None for i in m.people) == 1
        for m in meetings
    ):
        return
    pairs: Counter[tuple[str, str]] = Counter()
    g = gazetteer()
    for pm in _PAIR.finditer(doc.text):
        codes = []
        left, right = [fold(w) for w in pm[1].split()], [fold(w) for w in pm[2].split()]
        # the longest country ending at the hyphen, the longest one starting after it
        hit_l = next(
            (h for k in range(len(left)) if (h := g.match(left[k:], 0)) and h[0] == len(left) - k), None
        )
        hit_r = g.match(right, 0)
        for hit in (hit_l, hit_r):
            codes.append(hit[1].code if hit and hit[1].kind in ("country", "demonym") else None)
        if codes[0] and codes[1] and codes[0] != codes[1]:
            pairs[(codes[0], codes[1])] += 1
    if not pairs:
        return
    for m in meetings:
        if m.country or len(m.people) != 2 or m.status != "completed":
            continue
        known = [i for i in m.people if doc.persons[i].country]
        unknown = [i for i in m.people if doc.persons[i].country is None and not doc.persons[i].org_head]
        if len(known) != 1 or len(unknown) != 1:
            continue
        visitor = doc.persons[known[0]].country
        others = {b if a == visitor else a for a, b in pairs if visitor in (a, b)}
        if len(others) == 1:
            home = others.pop()
            doc.persons[unknown[0]].country = home
            m.country = home


_COUNTERPART = re.compile(r"\b(?:his|her|their) (?P<dem>[A-Z][\w-]+) counterparts?\b")


def _counterpart_of(doc: Doc, m: RawMeeting) -> str | None:
    """The country of "his <Demonym> counterpart" in a meeting's sentence, if it says so."""
    for s, e in m.evidence:
        c = _COUNTERPART.search(doc.text[s:e])
        if c:
            hit = gazetteer().match([fold(c["dem"])], 0)
            if hit and hit[1].kind in ("demonym", "country"):
                return hit[1].code
    return None


def _multilateral(doc: Doc, m: RawMeeting) -> bool:
    """Whether a meeting is a summit or takes place on its sidelines."""
    return bool(m.name) or any(_MULTI.search(doc.text[s:e]) for s, e in m.evidence)


def _visits_from_meetings(
    doc: Doc, meetings: list[RawMeeting], visits: list[RawVisit], ctx: Context, party: dict[int, set[int]]
) -> list[RawVisit]:
    """A meeting abroad implies the trip of each participant from another country (not of the members of
    a visitor's party at a meeting their head attends: the delegation's head has the visit)."""
    out: list[RawVisit] = []
    foreign = {(v.person, v.country) for v in visits}
    for m in meetings:
        if not m.country:
            continue
        kind = "multilateral" if _multilateral(doc, m) else "unknown"
        for rank, p_idx in enumerate(m.people):
            p = doc.persons[p_idx]
            if (party.get(p_idx, set()) & set(m.people)) or _RESIDENT.search(p.title or ""):
                continue
            if p_idx in m.joined and (
                (p.country is None and not p.org_head)
                or any(doc.persons[o].country == p.country for o in m.people if o not in m.joined)
            ):
                continue  # "Attending the talks were ...": a member of the guest's own party, not its head
            if p.org_head:
                # the head of an international body travels when the meeting is away from its seat
                seat = gazetteer().seat.get(p.organisation or "")
                if seat is None or seat == m.country:
                    continue
                if not any(
                    v.person == p_idx and v.country == m.country and v.status == "completed"
                    for v in visits + out
                ):
                    out.append(
                        RawVisit(
                            p_idx,
                            m.country,
                            m.city,
                            None,
                            None,
                            kind,
                            "completed",
                            m.name,
                            False,
                            list(m.evidence),
                        )
                    )
                continue
            # the subject of "met in Luanda with ..." whose nationality nobody gave is the one who travelled
            guests = any(doc.persons[o].country not in (None, m.country) for o in m.people if o != p_idx)
            known_foreign = (
                (p_idx, m.country) in foreign
                or (rank == 0 and m.located and len(m.people) > 1 and not guests and m.host != p_idx)
                # "X hosted Y in Pretoria": the one hosted came, whatever his country
                or (
                    m.host >= 0
                    and m.host != p_idx
                    and p_idx not in m.joined  # "X joined the meeting": not one of those hosted
                    and doc.persons[m.host].country in (None, m.country)
                )
                # every leader named at a summit abroad travelled there
                or (kind == "multilateral" and m.host != p_idx)
                # "X met his Australian counterpart Y" in Australia: X is not Australian, so X came
                or (rank == 0 and _counterpart_of(doc, m) == m.country)
            )
            if p_idx == m.host:
                continue
            if p.country == m.country or (p.country is None and not known_foreign):
                continue
            told = [
                v
                for v in visits + out
                if v.person == p_idx
                and v.country == m.country
                and v.status == "completed"
                # a trip recalled from months before is not the one of a meeting in another city
                and not (v.past and m.city and v.city and m.city != v.city)
            ]
            if told:
                if m.date and all(v.start is None and v.end is None for v in told):
                    told[0].start = m.date  # the trip is dated by the meeting it was for
                continue
            out.append(
                RawVisit(
                    p_idx, m.country, m.city, m.date, None, kind, "completed", m.name, False, list(m.evidence)
                )
            )
    return out
