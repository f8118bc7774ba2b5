from django.urls import path

from visits import views

app_name = "visits"
urlpatterns = [
    path("visits/", views.VisitListView.as_view(), name="visit-list"),
    path("visits/<int:pk>/", views.VisitDetailView.as_view(), name="visit-detail"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source-detail"),
]
