"""Reading the summary tables: what the statistics, country, pair and coverage pages count, per query."""

from collections import Counter
from typing import Any

from django.db.models import Q, QuerySet, Sum

from summaries.models import CountrySummary, PairSummary, TravellerSummary, VisitSummary
from summaries.services import Summaries, current


class SummaryPage:
    """A page whose counts come from the summaries: it checks they are current first (one query) and
    shows their age ("counts as of …", templates/visits/_counts_as_of.html)."""

    summaries: Summaries

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.summaries = current()
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["summaries"] = self.summaries
        return context


def rows() -> QuerySet:
    """The finest summary: visits per (origin, destination, start year)."""
    return VisitSummary.objects.order_by()


def either(code: str) -> Q:
    return Q(origin_country=code) | Q(destination_country=code)


def pair(a: str, b: str) -> Q:
    return Q(origin_country=a, destination_country=b) | Q(origin_country=b, destination_country=a)


def years_total() -> Counter:
    """Dated visits per start year, the whole archive (one query over the per-country rows)."""
    found = (
        CountrySummary.objects.order_by()
        .filter(year__isnull=False)
        .values_list("year")
        .annotate(n=Sum("made"))  # every visit has one origin ("" when unknown): each counted once
    )
    return +Counter(dict(found))


def country_totals() -> dict[str, tuple[int, int]]:
    """Per known country: visits made and received, all years (one query)."""
    found = (
        CountrySummary.objects.order_by()
        .exclude(country="")
        .values_list("country")
        .annotate(made=Sum("made"), received=Sum("received"))
    )
    return {code: (made, received) for code, made, received in found if made or received}


def country_years(code: str) -> tuple[Counter, Counter]:
    """A country's dated visits made and received, per start year (one query)."""
    found = CountrySummary.objects.filter(country=code, year__isnull=False).values_list(
        "year", "made", "received"
    )
    made, received = Counter(), Counter()
    for year, out, into in found:
        made[year], received[year] = out, into
    return +made, +received


def partners(code: str) -> tuple[Counter, Counter]:
    """Where a country's visitors went and where its visitors came from, per country, all years; the
    country itself included when it has visits within it (one query)."""
    found = PairSummary.objects.filter(Q(country_a=code) | Q(country_b=code)).values_list(
        "country_a", "country_b", "a_to_b", "b_to_a"
    )
    destinations, origins = Counter(), Counter()
    for a, b, a_to_b, b_to_a in found:
        if a == b:
            destinations[a] = origins[a] = a_to_b
        elif a == code:
            destinations[b], origins[b] = a_to_b, b_to_a
        else:
            destinations[a], origins[a] = b_to_a, a_to_b
    destinations.pop("", None)  # an unknown destination is no partner
    return +destinations, +origins


def top_pairs(limit: int) -> list[PairSummary]:
    """The pairs of countries with the most visits between them, both ways (one query, by index)."""
    return list(PairSummary.objects.order_by("-total", "country_a", "country_b")[:limit])


def directed_among(codes: list[str]) -> Counter:
    """Visits from one to another of `codes`, per (origin, destination) (one query)."""
    found = PairSummary.objects.filter(country_a__in=codes, country_b__in=codes).values_list(
        "country_a", "country_b", "a_to_b", "b_to_a"
    )
    directed = Counter()
    for a, b, a_to_b, b_to_a in found:
        directed[(a, b)] += a_to_b
        if a != b:
            directed[(b, a)] += b_to_a
    return directed


def travellers(code: str, limit: int) -> list:
    """The officials of a country who made the most visits, each with `visit_count` (one query)."""
    found = (
        TravellerSummary.objects.filter(country=code)
        .select_related("official")
        .order_by("-visits", "official__name")[:limit]
    )
    officials = []
    for row in found:
        row.official.visit_count = row.visits
        officials.append(row.official)
    return officials
