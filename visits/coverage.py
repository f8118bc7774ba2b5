"""How far to trust an absence: per country and decade, how many visits the archive holds and how well
sourced they are (a source article behind them, an editor's review, or a curated publisher's file), and
the decades with nothing at all.

Counted from the summary tables (summaries/; "reviewed" and "with an article" are defined there).
"""

from dataclasses import dataclass
from typing import Any

from django.views.generic import TemplateView

from common.countries import country_name
from summaries.figures import SummaryPage
from summaries.models import CountrySummary
from summaries.services import Summaries, current
from visits.countries import _country_or_404


@dataclass
class DecadeRow:
    """One decade of one country's visits, both ways."""

    decade: int
    made: int = 0
    received: int = 0
    with_article: int = 0
    reviewed: int = 0  # accepted by an editor
    curated_import: int = 0  # from a curated publisher's file (the Office of the Historian's), not reviewed

    @property
    def total(self) -> int:
        return self.made + self.received

    @property
    def label(self) -> str:
        return f"{self.decade}s"


def coverage(code: str, summaries: Summaries | None = None) -> tuple[list[DecadeRow], int]:
    """Per decade of the country's dated visits (both ways): counts, and the undated total.

    Two queries: the summaries' age (unless `summaries` says it), the counts.
    """
    if summaries is None:
        current()
    per_year = CountrySummary.objects.filter(country=code).values_list(
        "year", "made", "received", "with_article", "reviewed", "imported", "visits"
    )
    decades: dict[int, DecadeRow] = {}
    undated = 0
    for year, made, received, with_article, reviewed, curated_import, visits in per_year:
        if year is None:
            undated = visits
            continue
        into = decades.setdefault(year // 10 * 10, DecadeRow(year // 10 * 10))
        into.made += made
        into.received += received
        into.with_article += with_article
        into.reviewed += reviewed
        into.curated_import += curated_import
    if decades:
        for decade in range(min(decades), max(decades) + 10, 10):
            decades.setdefault(decade, DecadeRow(decade))  # a decade with nothing recorded says so
    return [decades[d] for d in sorted(decades)], undated


class CountryCoverageView(SummaryPage, TemplateView):
    """A country's coverage by decade: how many visits, how many with a source article, how many reviewed."""

    template_name = "visits/country_coverage.html"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        code = _country_or_404(kwargs["code"])
        rows, undated = coverage(code, self.summaries)
        context.update(
            code=code,
            name=country_name(code),
            rows=rows,
            undated=undated,
            empty=[r.label for r in rows if not r.total],
        )
        return context
