"""Admin pieces shared by the apps: editor-owned fields, a concurrent-change check and a year filter."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from common.api import record_version
from common.editing import mark_edited
from common.models import Curated
from visits.nesting import nesting_touch

# The hidden field carrying the version of the record the editor opened (templates/admin/change_form.html).
VERSION_FIELD = "record_version"
CONCURRENT_CHANGE = (
    "Someone else saved this record after you opened it. Your changes were not saved: open the record "
    "again to see theirs, then make yours."
)


def versioned_form(form_class: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """The admin form with the version of the record as opened, compared with the newest one on save."""

    class VersionedForm(form_class):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields[VERSION_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
            if self.instance.pk is not None:
                self.fields[VERSION_FIELD].initial = record_version(self.instance)

        def clean(self) -> dict:
            cleaned = super().clean()
            opened = cleaned.get(VERSION_FIELD)
            if opened and self.instance.pk is not None:
                # Admin saves in a transaction: the lock holds until this save is written.
                model = type(self.instance)
                current = model._base_manager.select_for_update().filter(pk=self.instance.pk).first()
                if current is not None and record_version(current) != opened:
                    raise forms.ValidationError(CONCURRENT_CHANGE, code="concurrent_change")
            return cleaned

    VersionedForm.__name__ = form_class.__name__
    return VersionedForm


class CuratedAdmin(SimpleHistoryAdmin):
    """Edit history for every change, and a record of the fields an editor changed by hand."""

    readonly_fields = ("created_at", "updated_at", "edited_fields")

    def get_form(self, request: HttpRequest, obj: models.Model | None = None, change: bool = False, **kwargs):
        return versioned_form(super().get_form(request, obj, change=change, **kwargs))

    def save_model(self, request: HttpRequest, obj: models.Model, form, change: bool) -> None:
        if change:
            mark_edited(obj, [name for name in form.changed_data if name != VERSION_FIELD])
        super().save_model(request, obj, form, change)
        if change:
            nesting_touch(record=obj)  # the visits and meetings showing it changed too

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        # Meetings edited inline on a visit's page are editor-owned too.
        for inline_form in formset.forms:
            instance = inline_form.instance
            if instance.pk and inline_form.has_changed() and isinstance(instance, Curated):
                mark_edited(instance, inline_form.changed_data)
        super().save_formset(request, form, formset, change)
        # Child rows that are no records of their own (a meeting's participants): an editor who adds, changes
        # or removes one owns the list, so a re-parse or re-import never brings a removed one back.
        child = formset.model
        parent = form.instance
        touched = formset.new_objects or formset.changed_objects or formset.deleted_objects
        if touched and not issubclass(child, Curated) and isinstance(parent, Curated):
            name = formset.fk.remote_field.related_name or formset.prefix
            mark_edited(parent, [name])
            type(parent).objects.filter(pk=parent.pk).update(edited_fields=parent.edited_fields)
            nesting_touch(record=parent)


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
