from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from common.admin import CuratedAdmin, YearFilter
from common.editing import mark_edited
from visits.admin_import import import_urls  # upload, preview and confirm pages
from visits.models import Evidence, ImportJob, Meeting, Outcome, Participant, Source, Suggestion, Trip, Visit
from visits.services import source_submit, sources_reparse, text_checksum
from visits.services.reparse import sources_reparse_now
from visits.services.trips import trip_dates_refresh, trip_from_visits, trip_split, trips_join

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


@admin.action(description="Make the selected visits one trip (in date order)", permissions=["change"])
def group_into_trip(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    trip = trip_from_visits(visits=list(queryset))
    modeladmin.message_user(request, f"Made {trip}.", messages.SUCCESS)


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
    actions = (group_into_trip,)
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


@admin.register(Outcome)
class OutcomeAdmin(CuratedAdmin):
    list_display = ("__str__", "kind", "visit", "date", "review_state")
    list_filter = ("kind", "review_state")
    search_fields = ("title", "visit__visitor_name", "visit__visitor__name")
    autocomplete_fields = ("visit", "meeting", "source")
    list_select_related = ("visit", "visit__visitor")
    fields = (
        "visit",
        "meeting",
        "kind",
        "title",
        "parties",
        ("date", "date_precision"),
        "source",
        "spans",
        "review_state",
        "edited_fields",
        ("created_at", "updated_at"),
    )


class LegForm(forms.ModelForm):
    """A leg on its trip's page: its place in the order, and the two ways to take it out."""

    split_here = forms.BooleanField(required=False, label="New trip from here")
    remove = forms.BooleanField(required=False, label="Take out of the trip")

    class Meta:
        model = Visit
        fields = ("leg",)


class LegInline(admin.TabularInline):
    model = Visit
    fk_name = "trip"
    form = LegForm
    extra = 0
    can_delete = False  # deleting here would delete the visit; "Take out of the trip" detaches it
    show_change_link = True
    ordering = ("leg", "start_date", "id")
    fields = (
        "leg",
        "destination_country",
        "destination_city",
        "start_date",
        "end_date",
        "split_here",
        "remove",
    )
    readonly_fields = ("destination_country", "destination_city", "start_date", "end_date")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # legs are added by joining trips, or by grouping visits from the visit list


@admin.register(Trip)
class TripAdmin(CuratedAdmin):
    list_display = ("__str__", "visitor", "start_date", "end_date", "review_state")
    list_filter = ("review_state",)
    search_fields = ("name", "visitor__name")
    autocomplete_fields = ("visitor",)
    list_select_related = ("visitor",)
    date_hierarchy = "start_date"
    inlines = (LegInline,)
    fields = ("visitor", "name", ("start_date", "end_date"), "review_state", "edited_fields")
    readonly_fields = ("start_date", "end_date", "edited_fields", "created_at", "updated_at")
    actions = ("join",)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        """Reorder, split and take out legs; any change makes the trip editor-owned (regrouping keeps it)."""
        trip = form.instance
        touched = [f for f in formset.forms if f.instance.pk and f.has_changed()]
        split = next((f.instance for f in touched if f.cleaned_data.get("split_here")), None)
        removed = [f.instance for f in touched if f.cleaned_data.get("remove")]
        for f in touched:
            if "leg" in f.changed_data:
                mark_edited(f.instance, ["leg"])
        formset.save()
        if removed:
            for visit in removed:
                mark_edited(visit, ["trip"])
            Visit.objects.filter(pk__in=[v.pk for v in removed]).update(trip=None, leg=None)
            for visit in removed:
                Visit.objects.filter(pk=visit.pk).update(edited_fields=visit.edited_fields)
        if touched:
            mark_edited(trip, ["legs"])
            trip.save(update_fields=["edited_fields", "updated_at"])
            trip_dates_refresh(trip=trip)
        if split is not None and split.trip_id == trip.pk and split.leg:
            try:
                new = trip_split(trip=trip, leg=split.leg)
            except ValueError as exc:
                self.message_user(request, str(exc), messages.WARNING)
            else:
                self.message_user(request, f"Split: the later legs are now {new}.", messages.SUCCESS)

    @admin.action(description="Join the selected trips into one", permissions=["change"])
    def join(self, request: HttpRequest, queryset: QuerySet) -> None:
        trips = list(queryset)
        if len(trips) < 2:
            self.message_user(request, "Select two trips or more to join.", messages.WARNING)
            return
        kept = trips_join(trips=trips)
        self.message_user(request, f"Joined into {kept}.", messages.SUCCESS)
