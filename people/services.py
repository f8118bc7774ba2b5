"""Writes on officials that span models: merging duplicates."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from common import bulk
from common.text import match_key, name_key, translit_key, unique_slug
from common.versioning import data_version_bump
from people.matching import Known, Mention, People, Register
from people.models import Identifier, Official, OfficialAlias, OfficialRedirect, Position
from people.names import parse_name

# The merge rewrites who made and attended visits: a people service that writes visits' rows. The
# models of visits name people's by string, so this import makes no circle.
from visits.models import Meeting, Participant, Visit
from visits.nesting import nesting_touch


@transaction.atomic
def official_merge(*, survivor: Official, merged: Official) -> Official:
    """Move everything of `merged` to `survivor`, keep its names as aliases and its slug as a redirect.

    Every visit and meeting that changes gets a new updated_at (API clients sync on it), and a meeting that
    listed both keeps one participant for the person: the survivor's (an editor's own row wins).
    """
    if survivor.pk == merged.pk:
        raise ValueError("An official cannot be merged into itself.")
    now = timezone.now()
    data_version_bump()  # update() sends no signal
    Visit.objects.filter(visitor=merged).update(visitor=survivor, updated_at=now)
    both = set(Participant.objects.filter(official=survivor).values_list("meeting_id", flat=True))
    moving = Participant.objects.filter(official=merged)
    touched = set(moving.values_list("meeting_id", flat=True))
    # One person is never listed twice in a meeting: the merged one's row goes where the survivor is listed.
    moving.filter(meeting_id__in=both).delete()
    moving.update(official=survivor)
    if touched:
        Meeting.objects.filter(pk__in=touched).update(updated_at=now)
        Visit.objects.filter(meetings__in=touched).distinct().update(updated_at=now)
    merged.positions.update(official=survivor)
    known = set(survivor.aliases.values_list("name_key", flat=True)) | {survivor.name_key}
    for alias in [merged.name, *merged.aliases.values_list("name", flat=True)]:
        key = name_key(alias)
        if key and key not in known:
            OfficialAlias.objects.create(official=survivor, name=alias)
            known.add(key)
    taken = set(survivor.identifiers.values_list("scheme", "value"))
    for ident in merged.identifiers.all():
        if (ident.scheme, ident.value) not in taken:
            Identifier.objects.filter(pk=ident.pk).update(official=survivor)
    merged.redirects.update(official=survivor)
    OfficialRedirect.objects.create(old_slug=merged.slug, official=survivor)
    if not survivor.country and merged.country:
        survivor.country = merged.country
        survivor.save(update_fields=["country", "name_key", "match_key", "updated_at"])
    merged._replaced_by = survivor.slug  # the deletions feed says where it went
    merged.delete()
    return survivor


def _known(officials) -> list[Known]:
    return [
        Known(o.pk, o.name, o.country.code or "", tuple(a.name for a in o.aliases.all())) for o in officials
    ]


def _register(ids: list[int]) -> Register:
    """Who of `ids` held which post when: posts with dates, and the visits they made under a title."""
    register = Register()
    for official, title, country, start, end in Position.objects.filter(official__in=ids).values_list(
        "official_id", "title", "country", "start_date", "end_date"
    ):
        for day in (start, end):
            register.observe(official, title, country, day)
    for official, written, title, start in Visit.objects.filter(visitor__in=ids).values_list(
        "visitor_id", "visitor_name", "visitor_title", "start_date"
    ):
        if parse_name(written).is_full:
            register.observe(official, title, "", start)
    return register


def official_resolve(
    *,
    name: str,
    country: str = "",
    identifier: tuple[str, str] | None = None,
    create: bool = True,
    title: str | None = None,
    day: datetime.date | None = None,
) -> Official | None:
    """Find the official a name refers to, or create one; the rules are people.matching's.

    An identifier wins; then a full name (or an alias an editor's merge left) joins the person it names,
    in any script or spelling, namesakes told apart by country and the post held on `day`; a surname alone
    joins only the one person of the country who held `title` then (undated: the only one of that surname).
    """
    country = (country or "").upper()
    if identifier:
        found = Identifier.objects.filter(scheme=identifier[0], value=identifier[1]).select_related(
            "official"
        )
        if found:
            return found[0].official
    parsed = parse_name(name)
    if not parsed.loose:
        return None
    people = Official.objects.all()
    if identifier:
        # Someone with another id in the same scheme is another person, whatever the name.
        people = people.exclude(identifiers__scheme=identifier[0])
    mention = Mention(name, title, day, country)
    key = match_key(name)
    # The same name first (an indexed lookup, in name or alias); then anyone sharing a name word.
    exact = Q(match_key=key) | Q(aliases__match_key=key)
    query = Q()
    for word in set(key.split()):
        query |= Q(match_key=word) | Q(match_key__startswith=f"{word} ") | Q(match_key__endswith=f" {word}")
        query |= Q(match_key__contains=f" {word} ")
        query |= Q(aliases__match_key=word) | Q(aliases__match_key__startswith=f"{word} ")
        query |= Q(aliases__match_key__endswith=f" {word}")
    for lookup in (exact, query):
        candidates = list(people.filter(lookup).distinct().prefetch_related("aliases")[:500])
        if not candidates:
            continue
        decision = People(_known(candidates), _register([o.pk for o in candidates])).resolve(mention)
        if decision.id is not None:
            return _with_identifier(next(o for o in candidates if o.pk == decision.id), identifier)
    if not create:
        return None
    official = Official(name=name.strip(), country=country, slug=unique_slug(Official, name))
    official.save()
    return _with_identifier(official, identifier)


def _with_identifier(official: Official, identifier: tuple[str, str] | None) -> Official:
    if identifier:
        Identifier.objects.get_or_create(
            scheme=identifier[0], value=identifier[1], defaults={"official": official}
        )
    return official


def position_record(
    *,
    official: Official,
    title: str,
    country: str = "",
    organisation=None,
    source=None,
) -> Position | None:
    """Record that `official` held the post `title` (once per title; an existing post is reused)."""
    title = (title or "").strip()[:200]
    if not title:
        return None
    for position in official.positions.all():
        if position.title.lower() == title.lower():
            return position
    return Position.objects.create(
        official=official,
        title=title,
        country=(country or official.country or ""),
        organisation=organisation,
        source=source,
    )


def officials_create(*, people: list[tuple[str, str]]) -> list[Official]:
    """Create officials from (name, country) pairs in bulk, with unique slugs and first history records.

    For imports that already know, from their in-memory index, that nobody of these names exists.
    """
    taken = set(Official.objects.values_list("slug", flat=True))
    # Per base, the number its last slug took: every smaller one was taken then and still is (slugs
    # are only added), so the search for the next namesake starts there, not at 1 again.
    last: dict[str, int] = {}
    officials = []
    for name, country in people:
        base = slugify(name)[:80].strip("-") or slugify(translit_key(name))[:80].strip("-") or "item"
        n = last.get(base, 1)
        slug = base if n == 1 else f"{base}-{n}"
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        last[base] = n
        official = Official(name=name.strip()[:200], country=(country or "").upper(), slug=slug)
        # bulk_create does not call save(), which derives the keys.
        official.name_key, official.match_key = name_key(official.name), match_key(official.name)
        officials.append(official)
    return bulk.insert(Official, officials, history=True)


def positions_create(*, posts: list[tuple[int, str, str]]) -> list[Position]:
    """Create posts from (official id, title, country) in bulk; the caller knows they are new."""
    positions = [
        Position(official_id=official, title=title.strip()[:200], country=(country or "").upper())
        for official, title, country in posts
    ]
    return bulk.insert(Position, positions, history=True)


def official_delete_prepare(official: Official) -> None:
    """Before an official is deleted (API or admin): the visits and meetings that showed them keep them by
    name, as written (a participant row needs a name, a title or an official), and move their updated_at so
    a sync sees the change."""
    name = official.name[:200]
    Participant.objects.filter(official=official, name_as_written="").update(name_as_written=name)
    Visit.objects.filter(visitor=official, visitor_name="").update(visitor_name=name)
    nesting_touch(record=official)
