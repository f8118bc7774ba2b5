from django.urls import path

from visits import countries, coverage, exports, stats, trips_views, views

app_name = "visits"
urlpatterns = [
    path("visits/", views.VisitListView.as_view(), name="visit-list"),
    path("visits/export.csv", exports.export_csv, name="export-csv"),
    path("visits/export.json", exports.export_json, name="export-json"),
    path("visits/export.ics", exports.export_ics, name="export-ics"),
    path("visits/<int:pk>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("feeds/visits/", exports.VisitFeed(), name="visit-feed"),
    path("countries/", countries.CountryListView.as_view(), name="country-list"),
    path("countries/<str:code>/", countries.CountryDetailView.as_view(), name="country-detail"),
    path("countries/<str:code>/coverage/", coverage.CountryCoverageView.as_view(), name="country-coverage"),
    path("countries/<str:a>/<str:b>/", countries.CountryPairView.as_view(), name="country-pair"),
    path("stats/", stats.StatsView.as_view(), name="stats"),
    path("trips/<int:pk>/", trips_views.TripDetailView.as_view(), name="trip-detail"),
]
