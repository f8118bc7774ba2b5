"""Resolving the people an import names: one official per person, never two people joined on a surname.

A cache for one import: officials keyed by identifier, name and country, the titles they held and when,
so 7,535 records cost a handful of queries per new name rather than several per mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from common.text import match_key, name_key
from people.models import Identifier, Official, OfficialAlias, Position
from people.services import official_resolve, officials_create, position_record, positions_create
from visits.importers.rows import PersonRef
from visits.models import Visit

# A surname alone ("President Bush") joins an official only if they held that title within this many years.
YEARS_SLACK = 5
# Titles under which a surname alone names the first name ("King Salman", "Emperor Hirohito").
FIRST_NAME_TITLES = frozenset(
    {"king", "queen", "emperor", "empress", "shah", "amir", "emir", "sultan", "prince", "princess", "pope"}
)


def _title_key(title: str | None) -> str:
    text = (title or "").lower().replace("-elect", "").replace("-designate", "")
    for word in ("acting ", "interim ", "provisional ", "transitional "):
        text = text.replace(word, "")
    return " ".join(text.split())


def _titles_agree(a: str, b: str) -> bool:
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


@dataclass(frozen=True)
class PersonMention:
    """A person named by a row, with what the row tells about them."""

    person: PersonRef
    country: str
    year: int | None
    # The country was inferred (a meeting at a summit): never create an official from a guess.
    guessed: bool = False
    # The country was inferred from the place: the visitor's own country, tried when nobody there fits.
    also: str = ""


class ImportPeople:
    """Resolves people for one import, caching lookups in memory (officials keyed by id, name and country)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], int] = {
            (s, v): o for s, v, o in Identifier.objects.values_list("scheme", "value", "official_id")
        }
        self.names: dict[tuple[str, str], int] = {}
        self.by_token: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        self.keys: dict[int, str] = {}
        for pk, key, country in Official.objects.values_list("id", "name_key", "country"):
            self._index(pk, key, country)
        self.aliases = set(OfficialAlias.objects.values_list("official_id", "name_key"))
        self.positions: dict[tuple[int, str], int] = {
            (o, t.lower()): pk for pk, o, t in Position.objects.values_list("id", "official_id", "title")
        }
        # Years in which an official is known under a title: what lets "President Bush" pick the right Bush.
        self.years: dict[int, dict[str, list[int]]] = defaultdict(dict)
        for official, written, title, start in Visit.objects.filter(visitor__isnull=False).values_list(
            "visitor_id", "visitor_name", "visitor_title", "start_date"
        ):
            # Only links made on a full name: links made on a surname must not widen the evidence they used.
            if start and len(name_key(written).split()) > 1:
                self._observe(official, title, start.year)
        self.surnames: dict[tuple, int | None] = {}
        self.loose: set[str] = set()
        for pairs in (
            Official.objects.values_list("name_key", "match_key"),
            OfficialAlias.objects.values_list("name_key", "match_key"),
        ):
            for pair in pairs:
                self.loose.update(pair)
        self.pending: dict[tuple[str, str], tuple[str, list[PersonMention]]] = {}
        self.pending_tokens: set[tuple[str, str, str]] = set()

    def _index(self, pk: int, key: str, country: str) -> None:
        self.keys[pk] = key
        tokens = key.split()
        if not tokens:
            return
        self.names.setdefault((key, country), pk)
        if len(tokens) == 1:
            self.by_token[(country, "bare", tokens[0])].add(pk)
        else:
            self.by_token[(country, "last", tokens[-1])].add(pk)
            self.by_token[(country, "first", tokens[0])].add(pk)

    def _observe(self, official: int, title: str | None, year: int | None) -> None:
        key = _title_key(title)
        if year is None or not key or key.startswith("former"):
            return
        span = self.years[official].setdefault(key, [year, year])
        span[0], span[1] = min(span[0], year), max(span[1], year)

    def resolve_named(self, ref: PersonMention) -> int | tuple | None:
        """An official for a ref with an id or a full name (creating one if needed); None otherwise.

        A name nobody could match is only noted (a tuple); flush() creates all of them in bulk.
        """
        person = ref.person
        if person.key:
            scheme, _, value = person.key.partition(":")
            ident = (scheme, value) if scheme in Identifier.Scheme.values else ("other", person.key)
            if ident not in self.ids:
                self.flush()
                official = official_resolve(name=person.name or value, country=ref.country, identifier=ident)
                self._learn(official, person.name)
                self.ids[ident] = official.pk
            pk = self.ids[ident]
        else:
            key = name_key(person.name or "")
            if len(key.split()) < 2:
                return None
            pk = self.names.get((key, ref.country))
            if pk is None:
                pk = self._ambiguous_full_name(key, ref)
                if pk == 0:
                    return None  # several people fit and the dates do not tell them apart
            if pk is None and (key, ref.country) in self.pending:
                self.pending[(key, ref.country)][1].append(ref)
                return (key, ref.country)
            if pk is None and not self._could_match(key, ref.country, person.name or ""):
                self.pending[(key, ref.country)] = (person.name or "", [ref])
                self.loose.update((key, match_key(person.name or "")))
                tokens = key.split()
                self.pending_tokens.update(
                    {(ref.country, tokens[0], "first"), (ref.country, tokens[-1], "last")}
                )
                return (key, ref.country)
            if pk is None:
                self.flush()
                official = official_resolve(name=person.name or "", country=ref.country)
                if official is None:
                    return None
                self._learn(official, person.name)
                pk = official.pk
                self.names[(key, ref.country)] = pk
        self._observe(pk, person.title, ref.year)
        return pk

    def _could_match(self, key: str, country: str, name: str) -> bool:
        """Whether official_resolve might find someone (else the name is certainly new)."""
        tokens = key.split()
        if key in self.loose or match_key(name) in self.loose:
            return True
        if self.by_token.get((country, "first", tokens[0])) and self.by_token.get(
            (country, "last", tokens[-1])
        ):
            return True
        return {(country, tokens[0], "first"), (country, tokens[-1], "last")} <= self.pending_tokens

    def flush(self) -> None:
        """Create the officials noted as new, in bulk, and index them."""
        if not self.pending:
            return
        pending = list(self.pending.items())
        created = officials_create(people=[(name, country) for (_, country), (name, _) in pending])
        for ((key, country), (_, refs)), official in zip(pending, created, strict=True):
            self._index(official.pk, official.name_key, country)
            self.names[(key, country)] = official.pk
            for ref in refs:
                self._observe(official.pk, ref.person.title, ref.year)
        self.pending.clear()
        self.pending_tokens.clear()

    def prepare_positions(self, posts: Iterable[tuple[int, str | None, str]]) -> None:
        """Create, in bulk, the posts this import will link to that are not on record yet."""
        missing: dict[tuple[int, str], tuple[int, str, str]] = {}
        for official, title, country in posts:
            title = (title or "").strip()[:200]
            if (
                title
                and not title.lower().startswith("former")
                and (official, title.lower()) not in self.positions
            ):
                missing.setdefault((official, title.lower()), (official, title, country))
        for position in positions_create(posts=list(missing.values())):
            self.positions[(position.official_id, position.title.lower())] = position.pk

    def _ambiguous_full_name(self, key: str, ref: PersonMention) -> int | None:
        """ "George Bush" when both George H.W. and George W. are known: the one holding the title then."""
        tokens = key.split()
        firsts = self.by_token.get((ref.country, "first", tokens[0]), set())
        lasts = self.by_token.get((ref.country, "last", tokens[-1]), set())
        both = [pk for pk in firsts & lasts if _loose_match(tokens, self.keys[pk].split())]
        if len(both) < 2:
            return None
        held = [pk for pk in both if self._held(pk, ref)]
        return held[0] if len(held) == 1 else 0  # 0: ambiguous, leave unresolved

    def _learn(self, official: Official, written: str | None) -> None:
        if official.pk not in self.keys:
            self._index(official.pk, official.name_key, official.country.code or "")
        key = name_key(written or "")
        if key and key != official.name_key and (official.pk, key) not in self.aliases:
            # Another spelling of a known official: keep it, so editors and later lookups see it.
            OfficialAlias.objects.create(official=official, name=written[:200])
            self.aliases.add((official.pk, key))

    def _held(self, pk: int, ref: PersonMention) -> bool:
        title = _title_key(ref.person.title)
        if ref.year is None or not title:
            return False
        return any(
            _titles_agree(title, known) and lo - YEARS_SLACK <= ref.year <= hi + YEARS_SLACK
            for known, (lo, hi) in self.years.get(pk, {}).items()
        )

    def _conflicts(self, pk: int, ref: PersonMention) -> bool:
        """Known under this title, but only in other decades."""
        title = _title_key(ref.person.title)
        agreeing = [span for known, span in self.years.get(pk, {}).items() if _titles_agree(title, known)]
        return bool(agreeing) and not self._held(pk, ref)

    def resolve_surname(self, ref: PersonMention) -> int | None:
        """An official for "Prime Minister Churchill": the one of that country who fits, never a guess."""
        token = name_key(ref.person.name or "")
        if not token or not ref.country:
            return None
        ident = (token, ref.country, _title_key(ref.person.title), ref.year, ref.guessed, ref.also)
        if ident not in self.surnames:
            self.surnames[ident] = self._surname(token, ref)
        pk = self.surnames[ident]
        return pk

    def _surname(self, token: str, ref: PersonMention) -> int | None:
        candidates = set(self.by_token.get((ref.country, "last", token), set()))
        if _title_key(ref.person.title) in FIRST_NAME_TITLES:
            candidates |= self.by_token.get((ref.country, "first", token), set())
        held = [pk for pk in candidates if self._held(pk, ref)]
        if len(held) == 1:
            return held[0]
        if len(candidates) == 1 and not held and not self._conflicts(next(iter(candidates)), ref):
            return next(iter(candidates))
        if candidates:
            return None  # several people of that name: kept as written, unresolved
        if ref.also and ref.also != ref.country:
            # "Met with President Roosevelt" in Cairo: the visitor's compatriot, if one held that title then.
            home = self.by_token.get((ref.also, "last", token), set())
            held = [pk for pk in home if self._held(pk, PersonMention(ref.person, ref.also, ref.year))]
            if len(held) == 1:
                return held[0]
        bare = self.by_token.get((ref.country, "bare", token), set())
        fitting = [pk for pk in bare if not self._conflicts(pk, ref)]
        if len(fitting) == 1:
            self._observe(fitting[0], ref.person.title, ref.year)
            return fitting[0]
        if bare or ref.guessed:
            return None
        official = official_resolve(name=ref.person.name or "", country=ref.country)
        if official is None:
            return None
        self._learn(official, None)
        self._observe(official.pk, ref.person.title, ref.year)
        return official.pk

    def position(self, official_id: int, title: str | None, country: str) -> int | None:
        """The post `title` of the official (recorded once per title)."""
        title = (title or "").strip()[:200]
        if not title or title.lower().startswith("former"):
            return None
        key = (official_id, title.lower())
        if key not in self.positions:
            official = Official.objects.get(pk=official_id)
            position = position_record(official=official, title=title, country=country)
            self.positions[key] = position.pk
        return self.positions[key]


def _loose_match(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    rest = iter(long)
    return all(token in rest for token in short)


def same_person(a: PersonRef, b: PersonRef) -> bool:
    return (a.key is not None and a.key == b.key) or (
        a.name is not None and name_key(a.name) == name_key(b.name or "")
    )
