"""Officials, organisations and posts as Popolo JSON (persons, organizations, memberships, areas).

What tools built for Open Civic Data and EveryPolitician read: https://www.popoloproject.com/specs/. Ids
are the archive's own slugs (`person/<slug>`, `organization/<slug>`), countries are areas
(`country/<ISO code>`); a post with dates is a membership with `start_date`/`end_date` (ISO, as precise as
known). Streamed, a chunk of rows at a time, so it costs the same memory at any size.
"""

import json
from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse

from common.countries import COUNTRY_CODES, country_name
from orgs.models import Organisation
from people.models import Official, Position

CHUNK = 1000


def _day(value: Any, precision: str) -> str | None:
    if value is None:
        return None
    text = value.isoformat()
    return {"year": text[:4], "month": text[:7]}.get(precision, text)


def _persons(request: HttpRequest) -> Iterator[dict[str, Any]]:
    people = Official.objects.prefetch_related("aliases", "identifiers").order_by("pk")
    last = 0
    while chunk := list(people.filter(pk__gt=last)[:CHUNK]):
        for person in chunk:
            page = request.build_absolute_uri(person.get_absolute_url())
            ids = [{"scheme": i.scheme, "identifier": i.value} for i in person.identifiers.all()]
            yield {
                "id": f"person/{person.slug}",
                "name": person.name,
                "other_names": [{"name": alias.name} for alias in person.aliases.all()],
                "identifiers": ids,
                "links": [{"url": page, "note": "archive page"}],
                **({"national_identity": person.country.code} if person.country else {}),
            }
        last = chunk[-1].pk


def _organizations() -> Iterator[dict[str, Any]]:
    bodies = Organisation.objects.select_related("parent").order_by("pk")
    last = 0
    while chunk := list(bodies.filter(pk__gt=last)[:CHUNK]):
        for org in chunk:
            item: dict[str, Any] = {
                "id": f"organization/{org.slug}",
                "name": org.name,
                "classification": org.kind,
                "other_names": [{"name": n} for n in [org.acronym, *org.aliases] if n],
            }
            if org.parent_id:
                item["parent_id"] = f"organization/{org.parent.slug}"
            if org.country:
                item["area_id"] = f"country/{org.country.code}"
            if org.wikidata_id:
                item["identifiers"] = [{"scheme": "wikidata", "identifier": org.wikidata_id}]
            yield item
        last = chunk[-1].pk


def _memberships() -> Iterator[dict[str, Any]]:
    posts = Position.objects.select_related("official", "organisation").order_by("pk")
    last = 0
    while chunk := list(posts.filter(pk__gt=last)[:CHUNK]):
        for post in chunk:
            item: dict[str, Any] = {
                "id": f"membership/{post.pk}",
                "person_id": f"person/{post.official.slug}",
                "role": post.title,
            }
            if post.organisation_id:
                item["organization_id"] = f"organization/{post.organisation.slug}"
            if post.country:
                item["area_id"] = f"country/{post.country.code}"
            for key, value in (
                ("start_date", _day(post.start_date, post.start_precision)),
                ("end_date", _day(post.end_date, post.end_precision)),
            ):
                if value:
                    item[key] = value
            yield item
        last = chunk[-1].pk


def _areas() -> Iterator[dict[str, Any]]:
    for code in COUNTRY_CODES:
        yield {"id": f"country/{code}", "name": country_name(code), "classification": "country"}


def popolo(request: HttpRequest) -> StreamingHttpResponse:
    """The archive's people, bodies and posts as one Popolo JSON document."""

    def pieces() -> Iterator[str]:
        yield "{"
        for n, (key, rows) in enumerate(
            (
                ("persons", _persons(request)),
                ("organizations", _organizations()),
                ("memberships", _memberships()),
                ("areas", _areas()),
            )
        ):
            yield ("," if n else "") + f'\n"{key}": ['
            for i, row in enumerate(rows):
                yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
            yield "]"
        yield "\n}\n"

    response = StreamingHttpResponse(pieces(), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="popolo.json"'
    return response
