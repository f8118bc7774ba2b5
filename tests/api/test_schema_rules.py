"""The schema's structural rules, checked without downloading a linter (Redocly's recommended set, and ours).

The document is the one `manage.py spectacular --fail-on-warn --validate --file` writes, which is what a
client generator reads.
"""

import keyword
import re

import pytest
import yaml
from django.core.management import call_command

ERROR_REF = "#/components/schemas/Error"
METHODS = ("get", "put", "post", "patch", "delete")
# Fields an answer may leave out: the total only with ?count=true, a visit's meetings only with ?expand=.
OPTIONAL = {("VisitList", "meetings"), ("Error", "detail"), ("Error", "non_field_errors")}


@pytest.fixture(scope="module")
def schema(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(path))
    return yaml.safe_load(path.read_text())


def operations(schema: dict):
    for path, item in schema["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from nodes(value)


def test_schema_is_openapi_3_1_without_nullable(schema):
    assert schema["openapi"].startswith("3.1")
    assert [n for n in nodes(schema) if "nullable" in n] == []


def test_every_operation_has_a_summary_and_a_readable_unique_id(schema):
    ids = []
    for method, path, operation in operations(schema):
        assert operation.get("summary"), f"{method} {path}"
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", operation["operationId"]), operation["operationId"]
        assert not operation["operationId"].startswith("v1_")
        ids.append(operation["operationId"])
    assert len(ids) == len(set(ids))


def test_public_reads_allow_anonymous_access_and_writes_need_a_token(schema):
    token = schema["components"]["securitySchemes"]["tokenAuth"]
    assert (token["type"], token["in"], token["name"]) == ("apiKey", "header", "Authorization")
    assert "Authorization: Token <key>" in token["description"]
    for method, path, operation in operations(schema):
        security = operation["security"]
        assert {"tokenAuth": []} in security, f"{method} {path}"
        if method == "get":
            assert security[0] == {}, f"{method} {path}"
        else:
            assert {} not in security, f"{method} {path}"


def test_every_error_answer_is_the_error_component(schema):
    assert schema["components"]["schemas"]["Error"]["properties"]["detail"]["type"] == "string"
    for method, path, operation in operations(schema):
        codes = [code for code in operation["responses"] if code[0] in "45"]
        assert {"400", "401", "403", "429", "500", "503"} <= set(codes), f"{method} {path}"
        for code in codes:
            content = operation["responses"][code]["content"]
            assert content == {"application/json": {"schema": {"$ref": ERROR_REF}}}, f"{method} {path} {code}"


def test_every_parameter_is_typed_and_described(schema):
    for method, path, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            spec = parameter["schema"]
            assert "type" in spec or "$ref" in spec, f"{method} {path} {parameter['name']}: {spec}"
            assert "anyOf" not in spec and "oneOf" not in spec, f"{method} {path} {parameter['name']}"
            assert parameter.get("description"), f"{method} {path} {parameter['name']}"


def test_filters_have_their_types(schema):
    visits = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/visits/"]["get"]["parameters"]}
    assert visits["year"] == {"type": "integer", "minimum": 1000, "maximum": 2999}
    for name in ("reviewed", "has_outcome", "count"):
        assert visits[name] == {"type": "boolean"}, name
    for name in ("origin", "destination", "country"):
        assert visits[name] == {"$ref": "#/components/schemas/CountryEnum"}, name
    assert visits["kind"] == {"$ref": "#/components/schemas/VisitKindEnum"}
    country = schema["paths"]["/api/v1/countries/{code}/"]["get"]["parameters"]
    assert {"$ref": "#/components/schemas/CountryEnum"} in [
        p["schema"] for p in country if p["name"] == "code"
    ]


def test_enum_members_have_names(schema):
    enums = [n for n in nodes(schema) if isinstance(n.get("enum"), list) and None not in n["enum"]]
    assert enums
    for enum in enums:
        names = enum["x-enum-varnames"]
        assert len(names) == len(enum["enum"]) == len(set(names))
        for name in names:
            assert name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("VALUE_")
    ordering = schema["paths"]["/api/v1/visits/"]["get"]["parameters"]
    ordering = next(p["schema"] for p in ordering if p["name"] == "ordering")
    assert dict(zip(ordering["enum"], ordering["x-enum-varnames"], strict=True))["-start_date"] == (
        "START_DATE_DESC"
    )


def test_answers_require_the_fields_they_always_have(schema):
    for name, component in schema["components"]["schemas"].items():
        if name.endswith("Request") or "properties" not in component:
            continue
        for field in component["properties"]:
            optional = (name, field) in OPTIONAL or (name.startswith("Paginated") and field == "count")
            assert (field in component.get("required", [])) is not optional, f"{name}.{field}"


def test_inputs_refuse_unknown_fields(schema):
    inputs = [n for n in schema["components"]["schemas"] if n.endswith("Request")]
    assert "VisitInputRequest" in inputs and "PatchedMeetingInputRequest" in inputs
    for name in inputs:
        assert schema["components"]["schemas"][name]["additionalProperties"] is False, name


def test_answers_describe_their_headers(schema):
    def headers(path: str, method: str, code: str) -> dict:
        return schema["paths"][path][method]["responses"][code].get("headers", {})

    listed = headers("/api/v1/visits/", "get", "200")
    assert {
        "ETag",
        "Link",
        "X-Total-Count",
        "X-RateLimit-Limit",
        "X-RateLimit-Remaining",
        "X-RateLimit-Reset",
    } <= (set(listed))
    assert {"ETag", "Last-Modified"} <= set(headers("/api/v1/visits/{id}/", "get", "200"))
    assert headers("/api/v1/visits/", "post", "201")["Location"]["required"] is True
    assert headers("/api/v1/visits/{id}/", "patch", "200")["ETag"]["required"] is True
    assert headers("/api/v1/sources/", "post", "202")["Location"]["required"] is True
    assert headers("/api/v1/officials/{slug}/", "get", "301")["Location"]["required"] is True
    for code in ("429", "503"):
        assert headers("/api/v1/visits/", "get", code)["Retry-After"]["schema"] == {"type": "integer"}
