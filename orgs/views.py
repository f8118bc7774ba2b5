"""Public pages for organisations: the index with search, and one organisation's record."""

from typing import Any

from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from common.filters import search_words
from common.text import name_key
from orgs.models import Organisation
from people.models import Position
from visits.models import Visit

SECTION_SIZE = 50
INDEX_PAGE = 100


class OrganisationListView(ListView):
    """Organisations A–Z with visit counts; ?q= searches names and acronyms."""

    template_name = "orgs/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = INDEX_PAGE

    def get_queryset(self):
        self.q = search_words(self.request.GET)
        qs = Organisation.objects.with_counts().annotate(people=Count("positions", distinct=True))
        if self.q:
            match = Q(name__icontains=self.q) | Q(acronym__iexact=self.q)
            if key := name_key(self.q):
                match |= Q(name_key__contains=key)
            qs = qs.filter(match)
        return qs.order_by("name", "id")

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        return super().get_context_data(q=self.q, **kwargs)


class OrganisationDetailView(DetailView):
    """An organisation: its parent and units, the posts held there and the visits that name it."""

    template_name = "orgs/organisation_detail.html"
    context_object_name = "organisation"
    queryset = Organisation.objects.select_related("parent")

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        org = self.object
        context.update(
            children=list(org.children.order_by("name")),
            positions=list(
                Position.objects.filter(organisation=org)
                .select_related("official")
                .order_by("-start_date", "official__name")[:SECTION_SIZE]
            ),
            visits=list(
                Visit.objects.timeline().prefetch_related(None).filter(organisations=org)[: SECTION_SIZE + 1]
            ),
            section_size=SECTION_SIZE,
        )
        return context
