from django.contrib import admin

from common.admin import CuratedAdmin
from orgs.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(CuratedAdmin):
    list_display = ("name", "acronym", "kind", "country", "review_state", "updated_at")
    list_filter = ("kind", "review_state", "country")
    search_fields = ("name", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
