"""Public pages for visits (first cut; the timeline page grows filters and exports)."""

from django.views.generic import DetailView, ListView

from visits.models import Source, Visit


class VisitListView(ListView):
    template_name = "visits/visit_list.html"
    paginate_by = 50

    def get_queryset(self):
        return Visit.objects.timeline()


class VisitDetailView(DetailView):
    template_name = "visits/visit_detail.html"
    queryset = Visit.objects.detailed()


class SourceDetailView(DetailView):
    template_name = "visits/source_detail.html"
    model = Source
