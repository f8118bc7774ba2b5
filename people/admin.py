from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from common.admin import CuratedAdmin
from people.models import Identifier, Official, OfficialAlias, OfficialRedirect, Position
from people.services import official_delete_prepare, official_merge


class AliasInline(admin.TabularInline):
    model = OfficialAlias
    extra = 0


class IdentifierInline(admin.TabularInline):
    model = Identifier
    extra = 0


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ("organisation",)
    fields = (
        "title",
        "organisation",
        "country",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
    )


@admin.register(Official)
class OfficialAdmin(CuratedAdmin):
    list_display = ("name", "country", "review_state", "updated_at")
    list_filter = ("review_state", "country")
    search_fields = ("name", "slug", "aliases__name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (PositionInline, AliasInline, IdentifierInline)

    def delete_model(self, request, obj: Official) -> None:
        official_delete_prepare(obj)  # the records that showed them keep their name
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for official in queryset:
            official_delete_prepare(official)
        super().delete_queryset(request, queryset)

    actions = ("merge_officials",)

    @admin.action(description="Merge the selected officials into one", permissions=["change"])
    def merge_officials(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        officials = list(queryset.order_by("id"))
        if len(officials) != 2:
            self.message_user(request, "Select exactly two officials to merge.", messages.ERROR)
            return None
        survivor_id = request.POST.get("survivor")
        if survivor_id:
            survivor = next((o for o in officials if str(o.pk) == survivor_id), None)
            if survivor is None:
                self.message_user(request, "Choose which official survives.", messages.ERROR)
                return None
            merged = next(o for o in officials if o.pk != survivor.pk)
            merged_name = merged.name
            official_merge(survivor=survivor, merged=merged)
            self.message_user(request, f"Merged {merged_name} into {survivor.name}.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge officials",
            "officials": officials,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/people/official/merge.html", context)


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ("official", "title", "organisation", "country", "start_date", "end_date")
    list_filter = ("country",)
    search_fields = ("official__name", "title", "organisation__name")
    autocomplete_fields = ("official", "organisation")
    date_hierarchy = "start_date"


@admin.register(OfficialRedirect)
class OfficialRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "official", "created_at")
    search_fields = ("old_slug", "official__name")
    autocomplete_fields = ("official",)
