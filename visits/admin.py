from django.contrib import admin

from common.admin import CuratedAdmin, YearFilter
from visits.models import Evidence, ImportJob, Meeting, Participant, Source, Suggestion, Visit


class MeetingInline(admin.StackedInline):
    model = Meeting
    extra = 0
    show_change_link = True  # participants are edited on the meeting's own page
    fields = ("name", "date", "date_precision", "city", "country", "topics", "summary", "review_state")


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ("official",)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    autocomplete_fields = ("source",)
    fields = ("source", "spans")


class VisitYearFilter(YearFilter):
    date_field = "start_date"


class MeetingYearFilter(YearFilter):
    date_field = "date"


@admin.register(Visit)
class VisitAdmin(CuratedAdmin):
    list_display = (
        "__str__",
        "visitor_title",
        "origin_country",
        "destination_country",
        "destination_city",
        "start_date",
        "kind",
        "status",
        "review_state",
    )
    list_filter = (
        "review_state",
        "kind",
        "status",
        VisitYearFilter,
        "destination_country",
        "origin_country",
    )
    search_fields = ("visitor__name", "visitor_name", "destination_city", "purpose", "external_id")
    date_hierarchy = "start_date"
    autocomplete_fields = ("visitor", "visitor_position", "organisations")
    list_select_related = ("visitor",)
    inlines = (MeetingInline, EvidenceInline)
    fieldsets = (
        (None, {"fields": ("visitor", "visitor_name", "visitor_title", "visitor_position", "delegation")}),
        (
            "Where and when",
            {
                "fields": (
                    "origin_country",
                    "destination_country",
                    "destination_city",
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                )
            },
        ),
        ("What", {"fields": ("kind", "status", "purpose", "summary", "organisations")}),
        (
            "Record",
            {
                "fields": (
                    "review_state",
                    ("external_scheme", "external_id"),
                    "edited_fields",
                    ("created_at", "updated_at"),
                )
            },
        ),
    )


@admin.register(Meeting)
class MeetingAdmin(CuratedAdmin):
    list_display = ("__str__", "visit", "date", "city", "country", "review_state")
    list_filter = ("review_state", MeetingYearFilter, "country")
    search_fields = ("name", "city", "participants__name_as_written", "participants__official__name")
    date_hierarchy = "date"
    autocomplete_fields = ("visit",)
    inlines = (ParticipantInline, EvidenceInline)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "outlet", "published", "status", "parser_version", "parsed_at")
    list_filter = ("status", "kind", "outlet")
    search_fields = ("title", "url", "outlet", "filename", "checksum")
    date_hierarchy = "published"
    readonly_fields = (
        "checksum",
        "status",
        "error",
        "parser_version",
        "parsed_at",
        "created_at",
        "updated_at",
    )


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ("visit", "name", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("message", "name", "email")
    autocomplete_fields = ("visit",)
    readonly_fields = ("client", "created_at")


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("filename", "format", "status", "progress_done", "progress_total", "created_at")
    list_filter = ("status", "format")
    readonly_fields = ("summary", "errors", "created_at", "finished_at")
