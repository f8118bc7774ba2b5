from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from common.admin import CuratedAdmin, YearFilter
from visits.admin_import import import_urls  # upload, preview and confirm pages
from visits.models import Evidence, ImportJob, Meeting, Participant, Source, Suggestion, Visit
from visits.services import source_submit, sources_reparse, text_checksum
from visits.services.reparse import sources_reparse_now

# Selections up to this size are re-parsed in the request, with counts; larger ones go to the workers.
REPARSE_NOW = 25


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
        *((title, {"fields": fields}) for title, fields in Visit.FIELD_GROUPS),
        ("Changes", {"fields": ("edited_fields", ("created_at", "updated_at"))}),
    )

    def save_model(self, request: HttpRequest, obj: Visit, form, change: bool) -> None:
        obj.name_visitor()
        super().save_model(request, obj, form, change)


@admin.register(Meeting)
class MeetingAdmin(CuratedAdmin):
    list_display = ("__str__", "visit", "date", "city", "country", "review_state")
    list_filter = ("review_state", MeetingYearFilter, "country")
    search_fields = ("name", "city", "participants__name_as_written", "participants__official__name")
    date_hierarchy = "date"
    autocomplete_fields = ("visit",)
    inlines = (ParticipantInline, EvidenceInline)


class SourceForm(forms.ModelForm):
    """Paste an article: the checksum is derived, a duplicate is refused, naming the one kept."""

    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = Source
        fields = ("title", "url", "outlet", "published", "text")

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not self.instance.pk:
            twin = Source.objects.filter(checksum=text_checksum(text)).first()
            if twin:
                raise forms.ValidationError(f"This article is already in the archive as source {twin.pk}.")
        return text


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceForm
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
    actions = ("reparse",)

    def get_fields(self, request: HttpRequest, obj: Source | None = None) -> tuple:
        base = ("title", "url", "outlet", "published", "text")
        return base if obj is None else (*base, *self.readonly_fields)

    def save_model(self, request: HttpRequest, obj: Source, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        source, _ = source_submit(
            text=obj.text, url=obj.url, outlet=obj.outlet, published=obj.published, title=obj.title
        )
        obj.pk = source.pk  # the admin redirects to the kept source

    @admin.action(description="Re-parse the selected sources", permissions=["change"])
    def reparse(self, request: HttpRequest, queryset: QuerySet) -> None:
        """A few sources are parsed now and the changes counted; more are queued for the workers."""
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) <= REPARSE_NOW:
            tally = sources_reparse_now(source_ids=ids)
            summary = ", ".join(f"{count} {name}" for name, count in sorted(tally.items()))
            self.message_user(request, f"Re-parsed {len(ids)} source(s): {summary}.", messages.SUCCESS)
            return
        count = sources_reparse(source_ids=ids)
        self.message_user(
            request,
            f"{count} source(s) queued for parsing; `manage.py reparse --all` re-parses with a tally.",
            messages.SUCCESS,
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
    change_list_template = "admin/visits/import_changelist.html"

    def get_urls(self):
        return import_urls(self) + super().get_urls()
