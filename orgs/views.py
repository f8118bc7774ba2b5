"""Public pages for organisations (first cut)."""

from django.views.generic import DetailView

from orgs.models import Organisation


class OrganisationDetailView(DetailView):
    template_name = "orgs/organisation_detail.html"
    model = Organisation
