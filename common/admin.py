"""Admin pieces shared by the apps: editor-owned fields and a year filter."""

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from common.editing import mark_edited
from common.models import Curated


class CuratedAdmin(SimpleHistoryAdmin):
    """Edit history for every change, and a record of the fields an editor changed by hand."""

    readonly_fields = ("created_at", "updated_at", "edited_fields")

    def save_model(self, request: HttpRequest, obj: models.Model, form, change: bool) -> None:
        if change:
            mark_edited(obj, form.changed_data)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        # Meetings edited inline on a visit's page are editor-owned too.
        for inline_form in formset.forms:
            instance = inline_form.instance
            if instance.pk and inline_form.has_changed() and isinstance(instance, Curated):
                mark_edited(instance, inline_form.changed_data)
        super().save_formset(request, form, formset, change)


class YearFilter(admin.SimpleListFilter):
    """Filter on the year of a date field (set `date_field` in a subclass)."""

    title = "year"
    parameter_name = "year"
    date_field = "start_date"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        years = model_admin.model._default_manager.dates(self.date_field, "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.date_field}__year": int(value)})
        return queryset
