from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("officials/", views.OfficialListView.as_view(), name="official-list"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official-detail"),
]
