"""What the OpenAPI document says as a whole: the error format, the token scheme, enum member names.

ArchiveSchema (common/api.py) describes each operation; this module adds what every operation shares,
in the form typed-client generators (openapi-python-client) read: one `Error` component, the `Token `
prefix of DRF's TokenAuthentication, `x-enum-varnames` so no member is called VALUE_2, query
parameters that reuse the named enums, and OAS 3.1 null types where a hand-written piece says
`nullable`.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import serializers

ERROR_REF = {"$ref": "#/components/schemas/Error"}
# Text in a query or a body: anything but a NUL (Django's and DRF's fields refuse it, PostgreSQL cannot
# store it).
NO_NUL = "^[^\\u0000]*$"
# What Python's str.strip() removes, which DRF trims before deciding a value is blank (ECMA's \\s differs).
_SPACE = (
    "\\t\\n\\u000b\\f\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f"
    "\\u205f\\u3000"
)
# Text that may not be blank: no NUL, and one character at least that is not a space.
NOT_BLANK = f"^[^\\u0000]*[^{_SPACE}\\u0000][^\\u0000]*$"
# A name: no NUL, and a letter or digit of some script (Unicode categories L and N, as NameField checks).
# ECMA-262 with Unicode property escapes, the dialect JSON Schema names; \\w would mean ASCII only there.
NAME = "^[^\\u0000]*[\\p{L}\\p{N}][^\\u0000]*$"

# The bodies of api_exception_handler (common/errors.py): DRF's, so {"detail": "..."} for an error about
# the request as a whole, and for invalid input one entry per field; a nested input (a meeting's
# participants, a list's items) answers with the same shape inside the field's entry.
ERROR_SCHEMA = {
    "type": "object",
    "description": (
        'Every 4xx and 5xx answer. An error about the request as a whole has `detail`: {"detail": '
        '"Not found."}. Invalid input names each field instead: {"name": ["This field is '
        'required."]}, with `non_field_errors` for the body as a whole; a nested input (a list of '
        "participants, a list's items) answers with the same shape inside its field. The status says "
        "which kind: 400 the input does not fit this schema; 409 it fits but conflicts with other records "
        "(a taken slug, a reference to nothing); 422 it fits but breaks a rule of the record no schema "
        "can state (an end before the start)."
    ),
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, for the request as a whole."},
        "non_field_errors": {
            "type": "array",
            "items": {"type": "string"},
            "description": "What is wrong with the input as a whole (e.g. a date range), not one field.",
        },
    },
    "additionalProperties": {
        "description": "A field's messages; for a nested input, its errors by item or by key.",
        "anyOf": [
            # Nested errors first: generated clients try the alternatives in order.
            {"type": "array", "items": ERROR_REF},
            {"type": "array", "items": {"type": "string"}},
            ERROR_REF,
        ],
    },
}

AUTH_HELP = (
    "DRF's TokenAuthentication: send `Authorization: Token <key>` (the word `Token`, a space, then the "
    "key; not `Bearer`). Reads need no token (with one, they count against the higher signed-in rate "
    "limit); writes need a token of a user with the model's permission. With openapi-python-client: "
    '`AuthenticatedClient(base_url=..., token=key, prefix="Token")`.'
)


def input_constraints(serializer: Any, schema: dict) -> None:
    """What an input serializer refuses beyond types: a NUL in text, blank text where blank is not allowed
    (DRF trims it first), a name without a letter or digit (NameField), and none of the fields a serializer
    needs one of (`needs_one_of`: a participant)."""
    for name, field in serializer.fields.items():
        prop = schema.get("properties", {}).get(name)
        if isinstance(field, serializers.ListField):
            field, prop = field.child, (prop or {}).get("items")
        elif isinstance(field, serializers.ManyRelatedField):  # a list of slugs (a visit's organisations)
            field, prop = field.child_relation, (prop or {}).get("items")
        if isinstance(field, serializers.SlugRelatedField) and prop and "pattern" not in prop:
            prop["pattern"] = NO_NUL  # a slug naming no record is a 409; one with a NUL cannot be looked up
            continue
        if not isinstance(field, serializers.CharField) or not prop or "pattern" in prop:
            continue
        if getattr(field, "schema_pattern", None):
            prop["pattern"] = field.schema_pattern  # e.g. NameField: a letter or digit
            continue
        if prop.get("type") == "string" or "string" in prop.get("type", []):
            prop["pattern"] = NO_NUL if field.allow_blank else NOT_BLANK
    needs = getattr(serializer, "needs_one_of", ())
    if needs:
        schema["anyOf"] = [
            {"required": [name], "properties": {name: {"type": "string", "pattern": NOT_BLANK}}}
            for name in needs
        ]


class TokenScheme(OpenApiAuthenticationExtension):
    """DRF's token, with its `Token ` prefix spelled out (generated clients default to `Bearer`)."""

    target_class = "rest_framework.authentication.TokenAuthentication"
    name = "tokenAuth"
    priority = 1  # over drf-spectacular's own, which only says "required prefix".

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {"type": "apiKey", "in": "header", "name": "Authorization", "description": AUTH_HELP}


def enum_member_names(values: list[str]) -> list[str]:
    """Python-style names for enum values: "-start_date" is START_DATE_DESC, "" is BLANK."""
    names: list[str] = []
    for value in values:
        name = re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_").upper() or "BLANK"
        if value.startswith("-"):
            name += "_DESC"
        if name[0].isdigit():
            name = f"N{name}"
        while name in names:
            name += "_"
        names.append(name)
    return names


def _walk(node: Any):
    """Every dict inside `node`, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _null_as_type(schema: dict) -> None:
    """OAS 3.1 has no `nullable`: a null is a type, or one more alternative beside a reference."""
    if not schema.pop("nullable", False):
        return
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        schema["type"] = [*types, "null"] if "null" not in types else types
    elif "$ref" in schema:
        schema["oneOf"] = [{"$ref": schema.pop("$ref")}, {"type": "null"}]
    elif "allOf" in schema:
        schema["oneOf"] = [{"allOf": schema.pop("allOf")}, {"type": "null"}]
    else:
        schema.setdefault("oneOf", schema.pop("anyOf", [])).append({"type": "null"})


# A line of drf-spectacular's choice list whose label only repeats the value ("* `TJ` - TJ").
_BARE_CHOICE = re.compile(r"^\* `([^`]*)` - \1\n?", re.MULTILINE)


def _without_bare_choices(description: str) -> str:
    """The description without a choice list that says nothing (250 country codes, each as its label)."""
    return _BARE_CHOICE.sub("", description).rstrip()


def _named_enum_parameters(result: dict) -> None:
    """A query or path parameter whose choices are a named enum's refers to that enum."""
    named = {
        frozenset(component["enum"]): name
        for name, component in result["components"]["schemas"].items()
        if "enum" in component and None not in component["enum"]
    }
    for path in result["paths"].values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                name = named.get(frozenset(schema.get("enum", ())))
                if name:
                    parameter["schema"] = {"$ref": f"#/components/schemas/{name}"}


def _empty_query_values_allowed(result: dict) -> None:
    """Every query parameter reads an empty value as not given (`?year=&q=`, as an HTML form sends it)."""
    for path in result["paths"].values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True


def postprocess(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular postprocessing hook (after its enum hook): the document-wide parts."""
    schemas = result["components"]["schemas"]
    _empty_query_values_allowed(result)
    schemas["Error"] = copy.deepcopy(ERROR_SCHEMA)
    if "CountryEnum" in schemas:
        schemas["CountryEnum"]["description"] = "An ISO 3166-1 alpha-2 code (historic states included)."
    _named_enum_parameters(result)
    jsonschema_nulls = result.get("openapi", "").startswith("3.1")
    for schema in _walk(result):
        if jsonschema_nulls and "nullable" in schema:
            _null_as_type(schema)
        if isinstance(schema.get("description"), str) and "* `" in schema["description"]:
            schema["description"] = _without_bare_choices(schema["description"])
            if not schema["description"]:
                del schema["description"]
        values = schema.get("enum")
        if isinstance(values, list) and "x-enum-varnames" not in schema:
            strings = [v for v in values if isinstance(v, str)]
            if strings and len(strings) == len([v for v in values if v is not None]):
                schema["x-enum-varnames"] = enum_member_names(strings)
    return result
