"""The REST API under /api/ (v1 resources, the OpenAPI schema and its docs)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from common.sync import DeletionViewSet
from config.dumps import dump, dumps_index
from orgs.api import OrganisationViewSet
from people.api import OfficialViewSet
from people.popolo import popolo
from visits.api import MeetingViewSet, OutcomeViewSet, SourceViewSet, TripViewSet, VisitViewSet
from visits.api_countries import CountryViewSet

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False
router.register("visits", VisitViewSet, basename="visit")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("officials", OfficialViewSet, basename="official")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("sources", SourceViewSet, basename="source")
router.register("countries", CountryViewSet, basename="country")
router.register("deletions", DeletionViewSet, basename="deletion")
router.register("trips", TripViewSet, basename="trip")
router.register("outcomes", OutcomeViewSet, basename="outcome")

urlpatterns = [
    path("v1/popolo.json", popolo, name="popolo"),
    path("v1/dumps/", dumps_index, name="dumps"),
    path("v1/dumps/<str:resource>.<str:fmt>", dump, name="dump"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
]
