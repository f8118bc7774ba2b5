from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from visits.admin_duplicates import duplicates
from visits.admin_review import review_queue

admin.site.site_header = "Archive of official visits — editors"
admin.site.site_title = "Archive editors"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="visits:visit-list", permanent=False), name="home"),
    path("admin/visits/review/", admin.site.admin_view(review_queue), name="review-queue"),
    path("admin/duplicates/", admin.site.admin_view(duplicates), name="duplicates"),
    path("admin/", admin.site.urls),
    path("api/", include("config.api_urls")),
    path("", include("visits.urls")),
    path("", include("people.urls")),
    path("", include("orgs.urls")),
]
