"""Travellers the travel verbs alone miss: officials named only by post, a place that received people, a
delegation travelling with someone, a foreigner welcomed on arrival."""

from __future__ import annotations

import re

from .mentions import Doc, Person, Place
from .people import _head_text, _plural_countries, _singular
from .raw import Context, RawVisit
from .refs import Ref
from .rules import _FUTURE, sentence_places
from .text import Gated, Sentence, holds_any
from .travel_verbs import _TRAVEL, _TRAVEL_HINTS

_TITLE_ONLY_MEET = Gated(re.compile(r"\b(?:held talks|met|meet|hold talks|talks)\b", re.I), "met|meet|talks")


def unnamed_travellers(doc: Doc, sent: Sentence, refs: list[Ref]) -> list[RawVisit]:
    """Trips of officials the sentence names only by post: "the parliament speakers of Azerbaijan and
    Armenia held talks in Geneva" (two visits, visitors unnamed); "a visit by the Russian president to
    Turkmenistan". Each unnamed official becomes a person without a name."""

    text = sent.text
    candidates = [
        tp
        for tp in doc.titles
        if sent.start <= doc.tokens[tp.i].start < sent.end and (tp.plural or tp.country) and not tp.org
    ]
    if not candidates:
        return []
    low = text.lower()
    travel = _TRAVEL.search(text) if holds_any(low, _TRAVEL_HINTS) else None
    meet = _TITLE_ONLY_MEET.search(text)
    if not travel and not meet:
        return []
    covered = {k for r in refs for k in range(r.i, r.j)}
    places = sentence_places(doc, sent)
    out: list[RawVisit] = []
    for tp in candidates:
        if not (sent.start <= doc.tokens[tp.i].start < sent.end) or tp.i in covered or tp.org:
            continue
        k = tp.i - 1
        while k >= 0 and doc.tag[k] in ("demonym", "country"):
            k -= 1
        if k >= 0 and doc.folded[k] in ("a", "an", "another"):
            continue  # "A Portuguese President last came in 2007": nobody in particular
        codes = _plural_countries(doc, tp) if tp.plural else ([tp.country] if tp.country else [])
        if not codes:
            continue
        after = doc.tokens[tp.j - 1].end
        dest = [p for p in places if doc.tokens[p.i].start > after and p.code not in codes]
        if travel and travel.start() + sent.start < after:
            dest = [p for p in dest if doc.tokens[p.i].start > sent.start + travel.start()]
        if (
            not dest
            and travel
            and re.search(
                r"\b(?:following|after|like|as did)\b[^.;]{0,80}?(?:the\s+)?$",
                text[: doc.tokens[tp.i].start - sent.start],
            )
        ):
            # "the third Gulf leader to reach Riyadh in a week, following the Emir of Kuwait": the same trip
            dest = [
                p
                for p in places
                if sent.start + travel.end() <= doc.tokens[p.i].start < doc.tokens[tp.i].start
                and p.code not in codes
            ][:1]
        if not dest:
            continue
        place = dest[0]
        if any(r.start < doc.tokens[place.i].start for r in refs if r.kind == "name"):
            continue  # a name before the place is the one who travels ("X invited his colleague to visit Y")
        status = "planned" if _FUTURE.search(text) else "completed"
        city = place.name if place.kind == "city" else None
        for code in codes:
            title = _singular(_head_text(doc, tp)) if tp.plural else tp.title
            span = [(doc.tokens[tp.i].start, doc.tokens[tp.j - 1].end)]  # the post stands as its evidence
            doc.persons.append(Person(None, frozenset(), title, tp.head, code, first=tp.i, spans=span))  # type: ignore[arg-type]
            idx = len(doc.persons) - 1
            out.append(
                RawVisit(
                    idx, place.code, city, None, None, "unknown", status, None, True, [(sent.start, sent.end)]
                )
            )
    return out


_PLACE_HOSTS = Gated(
    re.compile(
        r"^\W*(?:the )?(?P<place>[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3})(?:,[^,]{0,40},)?\s+"
        r"(?:has |have |had )?(?:also |since |recently )?(?:received|welcomed|hosted|played host to)\b"
    ),
    "received|welcomed|hosted|played host to",
)


def place_subject(doc: Doc, sent: Sentence) -> Place | None:
    """The city or country a sentence opens with as the subject of "received"/"hosted" ("Colombo, for its
    part, has received X and Y"): the place stands for its government."""
    m = _PLACE_HOSTS.match(sent.text)
    if not m:
        return None
    at = sent.start + m.start("place")
    place = next((p for p in doc.places if doc.tokens[p.i].start == at), None)
    if place is None or place.kind not in ("city", "country"):
        return None
    if doc.tokens[place.j - 1].end != sent.start + m.end("place"):
        return None
    return place


def place_hosted(doc: Doc, sent: Sentence, refs: list[Ref]) -> list[RawVisit]:
    """Visits of the people a place is said to have received ("Colombo has received X and Y")."""
    place = place_subject(doc, sent)
    if place is None:
        return []
    status = "planned" if _FUTURE.search(sent.text) else "completed"
    city = place.name if place.kind == "city" else None
    out: list[RawVisit] = []
    for r in refs:
        if (
            r.kind == "name"
            and r.start > doc.tokens[place.j - 1].end
            and all(v.person != r.person for v in out)
        ):
            out.append(
                RawVisit(
                    r.person,
                    place.code,
                    city,
                    None,
                    None,
                    "unknown",
                    status,
                    None,
                    True,
                    [(sent.start, sent.end)],
                )
            )
    return out


_DELEGATION_WITH = re.compile(
    r"\b(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}delegation\s+(?:is|was|are|were)\s+"
    r"(?:travell?ing|accompanying)\b",
    re.I,
)


def delegation_with(doc: Doc, sent: Sentence, refs: list[Ref], visits: list[RawVisit]) -> list[RawVisit]:
    """ "A high-level delegation is travelling with X": the delegation, named only as such, makes X's trip too
    (a visitor without a name, of X's country)."""
    if "delegation" not in sent.text:
        return []
    m = _DELEGATION_WITH.search(sent.text)
    if not m:
        return []
    after = [r for r in refs if r.start >= sent.start + m.end()]
    if not after:
        return []
    lead = doc.persons[after[0].person]
    trip = next(
        (v for v in reversed(visits) if v.person == after[0].person and v.status == "completed"), None
    )
    if trip is None or not lead.country or trip.country == lead.country:
        return []
    doc.persons.append(
        Person(
            None,  # type: ignore[arg-type]
            frozenset(),
            "delegation",
            ("delegation",),
            lead.country,
            first=after[0].i,
            spans=[(sent.start + m.start(), sent.start + m.end())],
        )
    )  # type: ignore[arg-type]
    return [
        RawVisit(
            len(doc.persons) - 1,
            trip.country,
            trip.city,
            None,
            None,
            trip.kind,
            "completed",
            None,
            True,
            [(sent.start, sent.end)],
        )
    ]


_WELCOMED_BY = re.compile(
    r"\b(?:was|were) (?:warmly |officially )?(?:welcomed|received|greeted|met)\b[^.;]{0,40}?\bby\b", re.I
)
_ARRIVAL = re.compile(r"\b(?:on|upon) (?:his |her |their )?(?:landing|arrival)\b|\bairport\b", re.I)


def welcomed_on_arrival(doc: Doc, sent: Sentence, refs: list[Ref], agent: int) -> list[RawVisit]:
    """ "On arrival X was welcomed by Fiji's Minister Y": an airport welcome is no meeting, but a foreigner
    welcomed by an official of another country has come to that country."""
    low = sent.text.lower()
    if " by " not in low or not any(k in low for k in ("airport", "arrival", "landing")):
        return []
    m = _WELCOMED_BY.search(sent.text)
    if not m or not _ARRIVAL.search(sent.text):
        return []
    at = sent.start + m.start()
    guests = [r.person for r in refs if r.start < at] or ([agent] if agent >= 0 else [])
    hosts = [r.person for r in refs if r.start >= sent.start + m.end() and r.kind == "name"]
    if not guests or not hosts:
        return []
    guest, host = doc.persons[guests[-1]], doc.persons[hosts[0]]
    if not guest.country or not host.country or guest.country == host.country:
        return []  # a compatriot meeting a leader at a foreign airport tells nothing of where it is
    return [
        RawVisit(
            guests[-1],
            host.country,
            None,
            None,
            None,
            "unknown",
            "completed",
            None,
            True,
            [(sent.start, sent.end)],
        )
    ]


# "Heads of State who arrived in the country on Thursday include A, B and C": each one named travelled
_ARRIVALS = re.compile(
    r"\b(?:leaders|heads of (?:state|government)(?: and government)?|presidents|prime ministers|dignitaries|"
    r"delegates|ministers|those|guests|delegations)\b[^.;]{0,40}?\bwho (?:have |had |already )?"
    r"(?:arrived|came|flew in|landed|touched down)\b(?P<where>[^.;]{0,80}?)\b(?:include[sd]?|are|were)\b",
    re.I,
)


# "Among the first to land was X", "two hours after him came President Y": the arrival before its subject
_INVERTED = re.compile(
    r"\b(?:first|last|next|latest|earliest|among the \w+) (?:leaders? |guests? |heads? of state )?to "
    r"(?:arrive|land|touch down|fly in)\b(?P<where>[^.;]{0,80}?)\b(?:was|were|is|are)\b|"
    r"\b(?:after (?:him|her|them|\w+)|then|next|later|soon after|shortly after)\s+(?:came|arrived|landed)"
    r"(?P<where2>)\s+(?=(?:the\s+)?(?-i:[A-Z]))",
    re.I,
)


def arrivals_listed(doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context) -> list[RawVisit]:
    """Visits of everyone a sentence lists as having arrived ("Leaders who arrived include A, B and C",
    "Among the first to land was X"), to the place the clause names, else the venue of the event told of,
    else the dateline's."""
    low = sent.text.lower()
    if not any(k in low for k in ("arriv", "land", "came", "flew", "touch")):
        return []
    out: list[RawVisit] = []
    for m in list(_ARRIVALS.finditer(sent.text)) + list(_INVERTED.finditer(sent.text)):
        out += _arrived(doc, sent, refs, ctx, m, out)
    return out


def _arrived(
    doc: Doc, sent: Sentence, refs: list[Ref], ctx: Context, m: re.Match, told: list[RawVisit]
) -> list[RawVisit]:
    where = "where" if m["where"] is not None else "where2"
    lo, hi = sent.start + m.start(where), sent.start + m.end(where)
    there = [p for p in sentence_places(doc, sent) if lo <= doc.tokens[p.i].start < hi]
    if there:
        city, country = (there[0].name if there[0].kind == "city" else None), there[0].code
    elif ctx.event_country:
        city, country = ctx.event_city, ctx.event_country
    else:
        city, country = ctx.dateline_city, ctx.dateline_country
    if country is None:
        return []
    kind = "multilateral" if ctx.near_event else "unknown"
    status = "planned" if _FUTURE.search(sent.text[: m.end()]) else "completed"
    out: list[RawVisit] = []
    # the names the clause lists, up to the next clause ("; two hours after him came ...")
    stop = re.search(r";|\.\s", sent.text[m.end() :])
    end = sent.start + m.end() + (stop.start() if stop else len(sent.text))
    for r in refs:
        if r.kind != "name" or not sent.start + m.end() <= r.start < end:
            continue
        if any(v.person == r.person for v in out + told) or doc.persons[r.person].country == country:
            continue
        out.append(
            RawVisit(r.person, country, city, None, None, kind, status, None, True, [(sent.start, sent.end)])
        )
    return out
