"""Public pages for visits: the timeline, a visit, a source."""

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.generic import DetailView, ListView

from common import counting
from common.evidence import highlight
from common.filters import MAX_QUERY_LENGTH
from common.models import ReviewState
from visits import keyset
from visits.lean import as_rows
from visits.listing import COUNTRY_FILTERS, LABELS, Listing, read_filters
from visits.models import Evidence, Outcome, Source, Visit, VisitKind, VisitStatus
from visits.suggestions import SuggestionForm, client_key, take_slot

PAGE_SIZE = 50
# The match count is capped: counting a million filtered rows on every page view is the cost keyset
# pagination exists to avoid. Above the cap the page says "more than 10,000".
COUNT_CAP = 10_000
# A search expected to match more than this many is counted by the planner, as "about" (common/counting.py).
ESTIMATE_ABOVE = 1_000


@dataclass
class MonthGroup:
    label: str
    visits: list = field(default_factory=list)


@dataclass
class YearGroup:
    label: str
    months: list[MonthGroup] = field(default_factory=list)


def group_by_month(visits: list[Visit]) -> list[YearGroup]:
    """Years, then months, in the order given (the timeline's); undated visits form their own group."""
    years: list[YearGroup] = []
    for visit in visits:
        day = visit.start_date
        year = str(day.year) if day else "Undated"
        month = day.strftime("%B %Y") if day else "Date not known"
        if not years or years[-1].label != year:
            years.append(YearGroup(year))
        months = years[-1].months
        if not months or months[-1].label != month:
            months.append(MonthGroup(month))
        months[-1].visits.append(visit)
    return years


def filter_panel_context() -> dict[str, Any]:
    """The choices the side panel offers (no queries: countries and kinds are constants)."""
    return {
        "kind_choices": VisitKind.choices,
        "status_choices": VisitStatus.choices,
        "outcome_kind_choices": Outcome.Kind.choices,
        "max_query_length": MAX_QUERY_LENGTH,
        "labels": LABELS,
    }


class VisitListView(ListView):
    """The timeline: filtered by VisitFilter, grouped by year and month, keyset-paginated (visits.keyset)."""

    template_name = "visits/visit_list.html"
    context_object_name = "visits"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.listing: Listing = read_filters(request.GET)
        self.before = self.after = None
        try:
            if request.GET.get("before"):
                self.before = keyset.Cursor.parse(request.GET["before"])
            elif request.GET.get("after"):
                self.after = keyset.Cursor.parse(request.GET["after"])
        except ValueError:
            self.listing.errors.append("Page: this page link is damaged; start again from the newest visits.")
        response = super().get(request, *args, **kwargs)
        if not self.listing.valid:
            response.status_code = 400
        return response

    def get_queryset(self):
        return as_rows(self.listing.queryset)

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        page = keyset.Page([], None, None)
        total = None
        if self.listing.valid:
            qs = self.object_list
            page = keyset.paginate(qs, size=PAGE_SIZE, before=self.before, after=self.after)
            # Counted without the timeline's annotations: the filters alone, stopping at the cap. Only the
            # id is selected: the search's annotation would compute each row's text vector (0.3 s at 1M).
            matching = self.listing.filterset.filter_queryset(Visit.objects.all())
            estimate = ESTIMATE_ABOVE if self.listing.params.get("q") else None
            total = counting.count(matching, cap=COUNT_CAP, estimate_above=estimate)
        context = super().get_context_data(object_list=page.rows, **kwargs)
        context.update(
            filter_panel_context(),
            listing=self.listing,
            page=page,
            years=group_by_month(page.rows),
            total=total,
            permalink=self.listing.permalink(self.request),
            form_values={k: v.upper() if k in COUNTRY_FILTERS else v for k, v in self.listing.params.items()},
        )
        return context


@dataclass
class SourceView:
    source: Source
    spans: list = field(default_factory=list)
    supports: list[str] = field(default_factory=list)

    @property
    def pieces(self) -> list[tuple[str, bool]]:
        return highlight(self.source.text, self.spans)


def sources_with_evidence(visit: Visit) -> list[SourceView]:
    """Each source of the visit or its meetings, with every supporting span (one query for meetings')."""
    by_source: dict[int, SourceView] = {}
    for ev in visit.evidence.all():
        view = by_source.setdefault(ev.source_id, SourceView(ev.source))
        view.spans += ev.spans or []
        view.supports.append("the visit")
    meeting_evidence = Evidence.objects.filter(meeting__visit=visit).select_related("source").order_by("id")
    for ev in meeting_evidence:
        view = by_source.setdefault(ev.source_id, SourceView(ev.source))
        view.spans += ev.spans or []
        view.supports.append("a meeting")
    for view in by_source.values():
        view.supports = sorted(set(view.supports))
    return sorted(
        by_source.values(), key=lambda v: (v.source.published is None, v.source.published), reverse=False
    )


class VisitDetailView(DetailView):
    """A visit with its meetings, participants, sources (evidence highlighted) and a correction form."""

    template_name = "visits/visit_detail.html"
    queryset = Visit.objects.detailed()
    context_object_name = "visit"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        visit = self.object
        context.update(
            meetings=list(visit.meetings.all()),
            organisations=list(visit.organisations.all()),
            sources=sources_with_evidence(visit),
            outcomes=list(Outcome.objects.of_visit(visit)),
            reviewed=visit.review_state == ReviewState.ACCEPTED,
            form=kwargs.get("form") or SuggestionForm(),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.object = visit = self.get_object()
        form = SuggestionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        client = client_key(request)
        if not take_slot(client):
            form.add_error(
                None, "You have sent several suggestions in the last hour; please try again later."
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not form.is_bot:
            suggestion = form.save(commit=False)
            suggestion.visit = visit
            suggestion.client = client
            suggestion.save()
        messages.success(request, "Thank you. An editor will review your suggestion.")
        return redirect(visit.get_absolute_url() + "#suggest")


class SourceDetailView(DetailView):
    """A source's text with every sentence that supports a record highlighted, and those records."""

    template_name = "visits/source_detail.html"
    model = Source
    context_object_name = "source"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        evidence = list(
            Evidence.objects.filter(source=self.object)
            .select_related("visit__visitor", "meeting__visit__visitor")
            .order_by("id")
        )
        visits: dict[int, Visit] = {}
        spans: list = []
        for ev in evidence:
            spans += ev.spans or []
            visit = ev.visit or (ev.meeting.visit if ev.meeting else None)
            if visit is not None:
                visits.setdefault(visit.pk, visit)
        context.update(pieces=highlight(self.object.text, spans), visits=list(visits.values()))
        return context
