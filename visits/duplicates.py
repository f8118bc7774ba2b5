"""Likely duplicates for editors: pairs of officials or visits that may be one, scored and explained.

A reader, not a writer: it proposes, an editor merges (people.services.official_merge,
visits.services.merges.visit_merge). The verdicts come from the same rules the writers use
(people/matching.py for names, visits/services/identity.py for visits), so what is proposed here is what
an import or a second article would have joined had it been sure.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min

from common.text import loose_token, translit_tokens
from people.models import Official, Position
from people.names import Agreement, compare
from visits.models import Visit
from visits.services.identity import UNDATED_DAYS, VISIT_DAYS, names_agree

_VISIT_COLUMNS = ("id", "visitor", "visitor_name", "destination_country", "start_date", "end_date")
_VISIT_COLUMNS += ("origin_country", "external_scheme", "external_id")
MAX_BUCKET = 200  # a surname shared by more officials than this is compared only within its country


@dataclass
class Candidate:
    """Two records that may be one, the stronger first, with a score (0-100) and the reasons."""

    first: Official | Visit
    second: Official | Visit
    score: int
    reasons: list[str] = field(default_factory=list)


def _surname_key(name: str) -> str:
    words = translit_tokens(name)
    return loose_token(words[-1]) if words else ""


def _official_pair(a: Official, b: Official, posts: dict[int, set[str]]) -> Candidate | None:
    verdict = compare(a.name, b.name)
    if verdict == Agreement.DIFFERENT:
        return None
    reasons, score = [], 0
    if verdict == Agreement.SAME:
        score += 60
        reasons.append("the same name" if a.name_key == b.name_key else "the same name, spelled otherwise")
    else:
        score += 30
        reasons.append("one name is part of the other")
    ca, cb = a.country.code or "", b.country.code or ""
    if ca and cb and ca != cb:
        score -= 25
        reasons.append(f"different countries ({ca}, {cb})")
    elif ca and cb:
        score += 20
        reasons.append(f"both of {ca}")
    else:
        reasons.append("a country is not known")
    common_posts = posts.get(a.pk, set()) & posts.get(b.pk, set())
    if common_posts:
        score += 20
        reasons.append("held the same post: " + ", ".join(sorted(common_posts)[:2]))
    if score < 40:
        return None
    first, second = sorted((a, b), key=lambda o: (-o.records, o.pk))
    return Candidate(first, second, min(score, 100), reasons)


def official_candidates(*, limit: int = 100) -> list[Candidate]:
    """Officials that may be one person: names matching rules call the same or compatible, scored."""
    officials = list(
        Official.objects.annotate(
            records=Count("visits", distinct=True) + Count("participations", distinct=True)
        )
    )
    posts: dict[int, set[str]] = defaultdict(set)
    for official_id, title in Position.objects.values_list("official_id", "title"):
        posts[official_id].add(title.lower())
    buckets: dict[str, list[Official]] = defaultdict(list)
    for official in officials:
        key = _surname_key(official.name)
        if key:
            buckets[key].append(official)
    found = []
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            by_country: dict[str, list[Official]] = defaultdict(list)
            for m in members:
                by_country[m.country.code or ""].append(m)
            groups = list(by_country.values())
        else:
            groups = [members]
        for group in groups:
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    pair = _official_pair(a, b, posts)
                    if pair:
                        found.append(pair)
    found.sort(key=lambda c: (-c.score, c.first.pk, c.second.pk))
    return found[:limit]


def _day(visit: Visit) -> datetime.date | None:
    return visit.start_date or getattr(visit, "first_published", None)


def visit_candidates(*, limit: int = 100) -> list[Candidate]:
    """Visits that may be one: same destination, visitors who agree, dates that meet (identity's rules)."""
    visits = list(
        Visit.objects.select_related("visitor")
        .annotate(first_published=Min("evidence__source__published"))
        .only(
            "id", "visitor", "visitor_name", "destination_country", "start_date", "end_date", "origin_country"
        )
    )
    by_destination: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        if _day(visit) is not None:
            by_destination[visit.destination_country.code or ""].append(visit)
    found = []
    for destination, members in by_destination.items():
        members.sort(key=lambda v: (_day(v), v.pk))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (_day(b) - _day(a)).days > UNDATED_DAYS:
                    break  # sorted by day: nothing later can meet `a`
                pair = _visit_pair(a, b, destination)
                if pair:
                    found.append(pair)
    found.sort(key=lambda c: (-c.score, c.first.pk, c.second.pk))
    return found[:limit]


def _visit_pair(a: Visit, b: Visit, destination: str) -> Candidate | None:
    if a.external_id and b.external_id and a.external_scheme == b.external_scheme:
        return None  # two records of one register are two visits by its own account
    same_official = a.visitor_id and a.visitor_id == b.visitor_id
    name_a = a.visitor.name if a.visitor_id else a.visitor_name
    name_b = b.visitor.name if b.visitor_id else b.visitor_name
    if not same_official and not names_agree(name_a, name_b):
        return None
    day_a, day_b = _day(a), _day(b)
    if day_a is None or day_b is None:
        return None
    gap = abs((day_a - day_b).days)
    dated = a.start_date and b.start_date
    if gap > (VISIT_DAYS if dated else UNDATED_DAYS):
        return None
    reasons = ["the same visitor" if same_official else f"visitors {name_a!r} and {name_b!r} agree"]
    reasons.append(f"both to {destination}")
    reasons.append("the same day" if gap == 0 else f"{gap} days apart" + ("" if dated else " (one undated)"))
    score = (50 if same_official else 35) + (30 if gap == 0 else 20 - gap) + (10 if dated else 0)
    first, second = sorted((a, b), key=lambda v: v.pk)
    return Candidate(first, second, max(0, min(score, 100)), reasons)
