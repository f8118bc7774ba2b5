"""Public pages for officials (first cut)."""

from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView

from people.models import Official, OfficialRedirect


class OfficialDetailView(DetailView):
    template_name = "people/official_detail.html"
    model = Official

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        if not Official.objects.filter(slug=slug).exists():
            moved = get_object_or_404(OfficialRedirect.objects.select_related("official"), old_slug=slug)
            return redirect(moved.official, permanent=True)
        return super().get(request, *args, **kwargs)
