"""How far to trust an absence: per country and decade, how many visits the archive holds and how well
sourced they are (a source article behind them, an editor's review), and the decades with nothing at all.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.views.generic import TemplateView

from common.countries import country_name
from common.models import ReviewState
from visits.countries import _country_or_404
from visits.models import Evidence, Source, Visit


@dataclass
class DecadeRow:
    """One decade of one country's visits, both ways."""

    decade: int
    made: int = 0
    received: int = 0
    with_article: int = 0
    reviewed: int = 0

    @property
    def total(self) -> int:
        return self.made + self.received

    @property
    def label(self) -> str:
        return f"{self.decade}s"


def coverage(code: str) -> tuple[list[DecadeRow], int]:
    """Per decade of the country's dated visits (both ways): counts, and the undated total. Two queries."""
    article = Evidence.objects.filter(visit=OuterRef("pk"), source__kind=Source.Kind.ARTICLE)
    either = Q(origin_country=code) | Q(destination_country=code)
    visits: QuerySet = Visit.objects.filter(either).annotate(has_article=Exists(article))
    per_year = (
        visits.filter(start_date__isnull=False)
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(
            made=Count("pk", filter=Q(origin_country=code)),
            received=Count("pk", filter=Q(destination_country=code)),
            with_article=Count("pk", filter=Q(has_article=True)),
            reviewed=Count("pk", filter=Q(review_state=ReviewState.ACCEPTED)),
        )
    )
    decades: dict[int, DecadeRow] = {}
    for row in per_year:
        decade = row["year"] // 10 * 10
        into = decades.setdefault(decade, DecadeRow(decade))
        into.made += row["made"]
        into.received += row["received"]
        into.with_article += row["with_article"]
        into.reviewed += row["reviewed"]
    if decades:
        for decade in range(min(decades), max(decades) + 10, 10):
            decades.setdefault(decade, DecadeRow(decade))  # a decade with nothing recorded says so
    undated = visits.filter(start_date__isnull=True).count()
    return [decades[d] for d in sorted(decades)], undated


class CountryCoverageView(TemplateView):
    """A country's coverage by decade: how many visits, how many with a source article, how many reviewed."""

    template_name = "visits/country_coverage.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        code = _country_or_404(kwargs["code"])
        rows, undated = coverage(code)
        context.update(
            code=code,
            name=country_name(code),
            rows=rows,
            undated=undated,
            empty=[r.label for r in rows if not r.total],
        )
        return context
