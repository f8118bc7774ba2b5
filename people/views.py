"""Public pages for officials: the index with search, and one official's record."""

from typing import Any

from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from common.filters import search_words
from common.text import name_key
from people.models import Official, OfficialRedirect, Position
from visits.maps import choropleth
from visits.models import Meeting, Participant, Trip, Visit, VisitStatus

SECTION_SIZE = 50
INDEX_PAGE = 100


class OfficialListView(ListView):
    """Officials A–Z with their visit and meeting counts; ?q= searches names and aliases."""

    template_name = "people/official_list.html"
    context_object_name = "officials"
    paginate_by = INDEX_PAGE

    def get_queryset(self):
        self.q = search_words(self.request.GET)
        qs = Official.objects.with_counts().order_by("name", "id")
        if self.q:
            key = name_key(self.q)
            match = Q(name__icontains=self.q) | Q(aliases__name__icontains=self.q)
            if key:
                match |= Q(name_key__contains=key) | Q(aliases__name_key__contains=key)
            qs = qs.filter(pk__in=Official.objects.filter(match).values("pk"))
        return qs

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        return super().get_context_data(q=self.q, **kwargs)


def counterparts(official: Official, limit: int = 10) -> list[dict[str, Any]]:
    """The officials met most often: in meetings the official attended or during the official's visits."""
    met = Q(meeting__participants__official=official) | Q(meeting__visit__visitor=official)
    return list(
        Participant.objects.filter(met)
        .exclude(official=official)
        .exclude(official=None)
        .values("official__name", "official__slug", "official__country")
        .annotate(n=Count("meeting", distinct=True))
        .order_by("-n", "official__name")[:limit]
    )


class OfficialDetailView(DetailView):
    """An official: posts held over time, visits made and hosted, meetings, counterparts met most."""

    template_name = "people/official_detail.html"
    context_object_name = "official"
    queryset = Official.objects.prefetch_related(
        Prefetch(
            "positions", queryset=Position.objects.select_related("organisation").order_by("-start_date")
        ),
        "aliases",
    )

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().get(request, *args, **kwargs)
        except Official.DoesNotExist:
            moved = get_object_or_404(
                OfficialRedirect.objects.select_related("official"), old_slug=kwargs["slug"]
            )
            return redirect(moved.official, permanent=True)

    def get_object(self, queryset=None) -> Official:
        # Raise DoesNotExist (not 404) so a merged official's old slug can redirect.
        return (queryset or self.get_queryset()).get(slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        official = self.object
        timeline = Visit.objects.timeline().prefetch_related(None)
        made = timeline.filter(visitor=official)
        hosted = (
            timeline.filter(meetings__participants__official=official).exclude(visitor=official).distinct()
        )
        meetings = (
            Meeting.objects.filter(participants__official=official)
            .select_related("visit", "visit__visitor")
            .prefetch_related(
                Prefetch("participants", queryset=Participant.objects.select_related("official"))
            )
            .order_by("-date", "-id")
            .distinct()
        )
        context.update(
            positions=list(official.positions.all()),
            aliases=list(official.aliases.all()),
            visits_made=list(made[: SECTION_SIZE + 1]),
            visits_hosted=list(hosted[: SECTION_SIZE + 1]),
            meetings=list(meetings[: SECTION_SIZE + 1]),
            counterparts=counterparts(official),
            section_size=SECTION_SIZE,
            trips=list(Trip.objects.filter(visitor=official).with_route()),
            map=choropleth(
                # Visited: completed visits only (not those planned or called off).
                Visit.objects.filter(visitor=official, status=VisitStatus.COMPLETED).country_counts(
                    "destination_country"
                ),
                title=f"Countries {official.name} visited",
                slug="official-map",
            ),
        )
        return context
