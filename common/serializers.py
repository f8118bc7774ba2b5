"""Serializer pieces every API resource shares: country objects, permalinks, typed lists, strict input."""

import unicodedata
from collections.abc import Mapping
from typing import Any

from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.countries import COUNTRY_CODES, country_name
from common.models import ReviewState
from common.schema import NAME
from common.urls import cached_reverse

# Help texts of the fields every curated record has.
RECORD_HELP = {
    "id": {"help_text": "Numeric id."},
    "review_state": {
        "help_text": "Where the record stands with editors: unreviewed (machine-made, awaiting review), "
        "imported (from a curated publisher's file, such as the Office of the Historian's), accepted or "
        "rejected by an editor."
    },
    "edited_fields": {"help_text": "Fields an editor changed by hand; parses leave them alone."},
    "created_at": {"help_text": "When the record was created."},
    "updated_at": {"help_text": "When the record last changed."},
}


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class StringListField(serializers.JSONField):
    """A JSON column holding a list of strings, served as stored; the schema says what is in it."""


def edited_fields_field() -> StringListField:
    """The names of the fields an editor changed, as a typed list."""
    return StringListField(read_only=True, **RECORD_HELP["edited_fields"])


def absolute_url(context: dict, path: str) -> str:
    """`path` as an absolute URL for this request; the scheme and host are worked out once per response."""
    request = context.get("request")
    if request is None:
        return path
    base = context.get("_absolute_base")
    if base is None:
        base = context["_absolute_base"] = request.build_absolute_uri("/")[:-1]
    return base + path


class CountrySerializer(serializers.Serializer):
    """A country as an ISO 3166-1 alpha-2 code and its English name; null when unknown."""

    code = serializers.ChoiceField(choices=COUNTRY_CODES, help_text="ISO 3166-1 alpha-2 code, e.g. TJ.")
    name = serializers.CharField(help_text="The country's English name.")

    def to_representation(self, instance: Any) -> dict[str, str] | None:
        code = getattr(instance, "code", instance) or ""
        if not code:
            return None
        return {"code": code, "name": country_name(code)}


def country_field(help_text: str) -> CountrySerializer:
    """A read-only, nullable country object."""
    return CountrySerializer(read_only=True, allow_null=True, help_text=help_text)


def review_state_choice() -> serializers.ChoiceField:
    """The editor's verdict a client may set on a record."""
    return serializers.ChoiceField(
        choices=ReviewState.choices,
        required=False,
        help_text="Editor's verdict on the record (imported: from a curated publisher's file, not reviewed).",
    )


def country_choice(help_text: str, *, required: bool = False) -> serializers.ChoiceField:
    """A writable ISO country code ("" for none unless required)."""
    return serializers.ChoiceField(
        choices=COUNTRY_CODES, required=required, allow_blank=not required, help_text=help_text
    )


@extend_schema_field(OpenApiTypes.URI)
class PermalinkField(serializers.Field):
    """The record's public page (its permalink), as an absolute URL."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "The record's public page (permalink).")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: models.Model) -> str:
        return absolute_url(self.context, value.get_absolute_url())


class ApiLinkField(serializers.HyperlinkedIdentityField):
    """The record's own API URL, reversed once per route rather than once per record.

    A plain string, not DRF's Hyperlink (a str subclass): the views put it in a Location header, and WSGI
    servers that check header types (runserver's, the live test server's) refuse a subclass with a 500.
    """

    def to_representation(self, value: models.Model) -> str | None:
        url = super().to_representation(value)
        return None if url is None else str(url)

    def get_url(self, obj: models.Model, view_name: str, request: Any, format: str | None) -> str | None:
        value = getattr(obj, self.lookup_field, None)
        if value in (None, "") or format:
            return super().get_url(obj, view_name, request, format)
        return absolute_url(self.context, cached_reverse(view_name, **{self.lookup_url_kwarg: value}))


def api_link(view_name: str, lookup_field: str = "pk") -> serializers.HyperlinkedIdentityField:
    """The record's own API URL."""
    return ApiLinkField(view_name=view_name, lookup_field=lookup_field, help_text="This record in the API.")


def has_letter_or_digit(text: str) -> bool:
    """Whether `text` holds a letter or digit of any script (Unicode categories L and N)."""
    return any(unicodedata.category(char)[0] in "LN" for char in text)


class NameField(serializers.CharField):
    """Text that names someone: a letter or digit of some script at least, as the schema's pattern says.

    Only that: a name whose match key comes out empty ("Mr", a letter name matching drops) is still a
    name an editor may keep, as admin lets them.
    """

    schema_pattern = NAME

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if not has_letter_or_digit(value):
            raise serializers.ValidationError("A name needs a letter or digit.", code="invalid")
        return value


def json_type_error(field: serializers.Field, value: Any) -> str | None:
    """What is wrong with a JSON value of the wrong type for `field` (DRF would read 0 as "0", "1" as 1)."""
    if value is None:
        return None  # null is the field's own business (allow_null)
    if isinstance(field, serializers.BooleanField):
        return None if isinstance(value, bool) else "Must be true or false."
    if isinstance(field, serializers.IntegerField | serializers.PrimaryKeyRelatedField):
        return None if isinstance(value, int) and not isinstance(value, bool) else "Must be a whole number."
    if isinstance(field, serializers.SlugRelatedField):
        # DRF reads "" as null for a relation; the schema says a slug, or null for none. A NUL is refused
        # here, as the schema's pattern says, before a lookup that PostgreSQL would refuse.
        if not (isinstance(value, str) and value):
            return "Must be a slug, or null for none."
        return "A slug cannot hold a NUL character." if "\x00" in value else None
    if isinstance(field, serializers.CharField):
        return None if isinstance(value, str) else "Must be a string."
    if isinstance(field, serializers.ListField | serializers.ManyRelatedField):
        if not isinstance(value, list):
            return "Must be a list."  # DRF would read {} as an empty list
        child = getattr(field, "child", None) or getattr(field, "child_relation", None)
        return next((e for e in (json_type_error(child, item) for item in value) if e), None)
    return None


class StrictInputMixin:
    """Input serializers answer 400 on keys they do not know instead of silently dropping them, and on
    values of another JSON type than the schema's (a number where a string is declared)."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                raise serializers.ValidationError({key: ["Unknown field."] for key in unknown})
            wrong = {
                name: [error]
                for name, field in self.fields.items()
                if name in data and not field.read_only and (error := json_type_error(field, data[name]))
            }
            if wrong:
                raise serializers.ValidationError(wrong)
        return super().to_internal_value(data)
