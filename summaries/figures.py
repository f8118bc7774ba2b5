"""Reading the summary tables: what the statistics, country, pair and coverage pages count, per query."""

from collections import Counter
from typing import Any

from django.db.models import Q, QuerySet, Sum

from summaries.models import TravellerSummary, VisitSummary
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
    return VisitSummary.objects.order_by()


def either(code: str) -> Q:
    return Q(origin_country=code) | Q(destination_country=code)


def per_year(qs: QuerySet) -> Counter:
    """Dated visits per start year over the summary rows `qs` (one query)."""
    found = qs.filter(year__isnull=False).values_list("year").annotate(n=Sum("visits"))
    return Counter(dict(found))


def per_pair(qs: QuerySet | None = None) -> Counter:
    """Visits per (origin, destination), unknown countries ("") included (one query)."""
    qs = rows() if qs is None else qs
    found = qs.values_list("origin_country", "destination_country").annotate(n=Sum("visits"))
    return Counter({(o, d): n for o, d, n in found})


def sides(pairs: Counter) -> tuple[Counter, Counter]:
    """Visits made per origin country and received per destination country ("" left out)."""
    made, received = Counter(), Counter()
    for (o, d), n in pairs.items():
        if o:
            made[o] += n
        if d:
            received[d] += n
    return made, received


def country_years(code: str) -> tuple[Counter, Counter]:
    """A country's dated visits made and received, per year (one query)."""
    found = (
        rows()
        .filter(either(code), year__isnull=False)
        .values_list("year")
        .annotate(
            made=Sum("visits", filter=Q(origin_country=code)),
            received=Sum("visits", filter=Q(destination_country=code)),
        )
    )
    made, received = Counter(), Counter()
    for year, out, into in found:
        made[year], received[year] = out or 0, into or 0
    return +made, +received


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
