"""API representations of organisations, and the serializer pieces every resource shares.

The shared pieces (country objects, permalinks, strict input) live here because orgs is the app the
others depend on; people and visits import them.
"""

from collections.abc import Mapping
from typing import Any

from django.db import models
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from common.models import ReviewState
from orgs.models import Organisation, OrganisationKind

COUNTRY_CODES = [code for code, _name in countries]


class CountrySerializer(serializers.Serializer):
    """A country as an ISO 3166-1 alpha-2 code and its English name; null when unknown."""

    code = serializers.CharField(help_text="ISO 3166-1 alpha-2 code, e.g. TJ.")
    name = serializers.CharField(help_text="The country's English name.")

    def to_representation(self, instance: Any) -> dict[str, str] | None:
        code = getattr(instance, "code", instance) or ""
        if not code:
            return None
        return {"code": code, "name": str(countries.name(code)) or code}


def country_field(help_text: str) -> CountrySerializer:
    """A read-only, nullable country object."""
    return CountrySerializer(read_only=True, allow_null=True, help_text=help_text)


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
        request = self.context.get("request")
        path = value.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


def api_link(view_name: str, lookup_field: str = "pk") -> serializers.HyperlinkedIdentityField:
    """The record's own API URL."""
    return serializers.HyperlinkedIdentityField(
        view_name=view_name, lookup_field=lookup_field, help_text="This record in the API."
    )


class StrictInputMixin:
    """Input serializers answer 400 on keys they do not know instead of silently dropping them."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                raise serializers.ValidationError({key: ["Unknown field."] for key in unknown})
        return super().to_internal_value(data)


class OrganisationSummarySerializer(serializers.ModelSerializer):
    """An organisation as nested in other records."""

    api_url = api_link("api:organisation-detail", "slug")
    permalink = PermalinkField()

    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "kind", "api_url", "permalink"]
        extra_kwargs = {
            "slug": {"help_text": "Stable identifier in URLs and filters."},
            "name": {"help_text": "Full name."},
            "acronym": {"help_text": "Short form, e.g. ECO."},
            "kind": {"help_text": "What sort of body it is."},
        }


class OrganisationSerializer(OrganisationSummarySerializer):
    """An organisation with its parent body, names and record state."""

    country = country_field("Country of the body; null for intergovernmental bodies.")
    parent = OrganisationSummarySerializer(read_only=True, allow_null=True, help_text="The parent body.")

    class Meta(OrganisationSummarySerializer.Meta):
        fields = [
            "id",
            *OrganisationSummarySerializer.Meta.fields,
            "country",
            "parent",
            "aliases",
            "wikidata_id",
            "review_state",
            "edited_fields",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            **OrganisationSummarySerializer.Meta.extra_kwargs,
            "id": {"help_text": "Numeric id."},
            "review_state": {"help_text": "Whether an editor accepted or rejected the record."},
            "edited_fields": {"help_text": "Fields an editor changed by hand; parses leave them alone."},
            "created_at": {"help_text": "When the record was created."},
            "updated_at": {"help_text": "When the record last changed."},
        }


class OrganisationInputSerializer(StrictInputMixin, serializers.ModelSerializer):
    """What a client sends to create or change an organisation."""

    slug = serializers.SlugField(
        max_length=100, required=False, help_text="Identifier in URLs; made from the name when omitted."
    )
    kind = serializers.ChoiceField(
        choices=OrganisationKind.choices, required=False, help_text="What sort of body it is."
    )
    country = country_choice("ISO code of the body's country; empty for intergovernmental bodies.")
    parent = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="Slug of the parent body.",
    )
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=300),
        required=False,
        max_length=100,
        help_text="Other names and spellings.",
    )
    review_state = serializers.ChoiceField(
        choices=ReviewState.choices, required=False, help_text="Editor's verdict on the record."
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "slug",
            "kind",
            "country",
            "parent",
            "aliases",
            "wikidata_id",
            "review_state",
        ]
        extra_kwargs = {
            "name": {"help_text": "Full name."},
            "acronym": {"help_text": "Short form, e.g. ECO."},
            "wikidata_id": {"help_text": "Wikidata item, e.g. Q458."},
        }
        # Uniqueness (slug, Wikidata id) is checked by the model's full_clean(), as in admin.
        validators: list = []

    def validate_parent(self, value: Organisation | None) -> Organisation | None:
        if value is not None and self.instance is not None and value.pk == self.instance.pk:
            raise serializers.ValidationError("An organisation cannot be its own parent.")
        return value
