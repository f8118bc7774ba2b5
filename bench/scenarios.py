"""What each scenario requests: our pages and API, and Datasette's equivalent query, warm or cold.

warm: every request of a scenario is the same URL (whatever a server caches, it may serve again).
cold: every request is a distinct URL (other cursors, years, countries, search words, visits), so no
response can come from a cache keyed on the request; the list holds up to COLD_URLS of them, and the
report marks a run that made more requests than that (the drivers then go round the list again).
The warm-up before a measured run always requests the warm URL, which no cold list contains.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import TOPICS
from bench.shared import DS_DB

SEARCH_WORD = "energy"
YEAR = 2015
COLD_URLS = 20_000
MODES = ("warm", "cold")

# Our scenarios, in print order; each has a Datasette equivalent but the aggregate pages (AGGREGATES),
# which Datasette has no page for (its facets are the nearest, and they count the table per request).
AGGREGATES = ["stats", "country", "pair"]
SCENARIOS = [
    "timeline",
    "timeline_filtered",
    "search",
    "visit_page",
    "api_list",
    "api_list_filtered",
    "api_detail",
    *AGGREGATES,
]
DS_TABLE = f"/{DS_DB}/visits_visit"
DS_PAGE = "_sort_desc=start_date&_size=50"
# What a Datasette user publishing a large table adds to its table URLs: no row count, no facets,
# no facet suggestions (the server also runs with --setting suggest_facets off; see servers.py).
DS_BEST_FLAGS = "_nocount=1&_nofacet=1&_nosuggest=1"


@dataclass
class Params:
    destination: str
    year: int
    word: str
    ids: list[int]  # ids[0] is the warm visit; the rest, in a shuffled order, the cold ones
    cursors: list[tuple[str, int]] = field(default_factory=list)  # (start_date, id) of dated visits
    filters: list[tuple[str, int]] = field(default_factory=list)  # (destination, year), not the warm one
    searches: list[tuple[str, str, int | None]] = field(default_factory=list)  # (word, country, year)
    warm_pair: tuple[str, str] = ("", "")  # the destination and its busiest partner (the warm pair page)
    countries: list[str] = field(default_factory=list)  # every country with visits, shuffled
    pairs: list[tuple[str, str]] = field(default_factory=list)  # pairs with visits between them, shuffled


def choose_params(sqlite_path: Path, n: int, seed: int) -> Params:
    """The most visited destination, a recent year, a common word, and the cold runs' distinct values."""
    rng = random.Random(seed)
    with contextlib.closing(sqlite3.connect(sqlite_path)) as conn:
        by_country = [
            r[0]
            for r in conn.execute(
                "SELECT destination_country FROM visits_visit GROUP BY 1 ORDER BY count(*) DESC, 1"
            )
        ]
        destination = by_country[0]
        ids = rng.sample(range(1, n + 1), min(n, COLD_URLS + 1))
        cursors = []
        for start in range(1, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            cursors += conn.execute(
                f"SELECT start_date, id FROM visits_visit WHERE id IN ({marks}) AND start_date IS NOT NULL",  # noqa: S608
                chunk,
            ).fetchall()
        pair_rows = conn.execute(
            "SELECT origin_country, destination_country FROM visits_visit"
            " WHERE origin_country != '' AND destination_country != ''"
            " AND origin_country != destination_country"
            " GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2"
        ).fetchall()
        combos = conn.execute(
            "SELECT destination_country, CAST(strftime('%Y', start_date) AS INTEGER) FROM visits_visit"
            " WHERE start_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
    rng.shuffle(cursors)
    # Filters that find visits first (shuffled), then the busiest countries' empty years.
    seen = set(combos) | {(destination, YEAR)}
    rng.shuffle(combos)
    empty = [(c, y) for c in by_country[:30] for y in range(1946, 2027) if (c, y) not in seen]
    rng.shuffle(empty)
    filters = [f for f in combos if f != (destination, YEAR)] + empty
    searches = [(w, c, None) for w in TOPICS for c in by_country]
    searches += [(w, c, y) for w in TOPICS for c, y in combos[:1000]]
    rng.shuffle(searches)
    # The destination with its busiest partner either way (or the busiest pair, if it has none).
    warm_pair = next(
        ((a, b) if a == destination else (b, a) for a, b in pair_rows if destination in (a, b)),
        pair_rows[0] if pair_rows else (destination, destination),
    )
    pairs = [(a, b) for a, b in pair_rows if (a, b) != warm_pair]
    rng.shuffle(pairs)
    countries = [c for c in by_country if c and c != destination]
    rng.shuffle(countries)
    return Params(
        warm_pair=warm_pair,
        countries=countries,
        pairs=pairs[:COLD_URLS],
        destination=destination,
        year=YEAR,
        word=SEARCH_WORD,
        ids=ids,
        cursors=[(str(d), i) for d, i in cursors],
        filters=filters[:COLD_URLS],
        searches=searches[:COLD_URLS],
    )


def api_cursor(start_date: str, pk: int) -> str:
    """The API's keyset cursor for "the page after this visit" (common/pagination.py KeysetPagination):
    `n.<ordering>.<id>.<value>`."""
    return f"n.-start_date.{pk}.{start_date}"


def our_paths(p: Params, mode: str = "warm") -> dict[str, list[str]]:
    filt = f"destination={p.destination}&year={p.year}"
    if mode == "warm":
        return {
            "timeline": ["/visits/"],
            "timeline_filtered": [f"/visits/?{filt}"],
            "search": [f"/visits/?q={p.word}"],
            "visit_page": [f"/visits/{p.ids[0]}/"],
            "api_list": ["/api/v1/visits/"],
            "api_list_filtered": [f"/api/v1/visits/?{filt}"],
            "api_detail": [f"/api/v1/visits/{p.ids[0]}/"],
            "stats": ["/stats/"],
            "country": [f"/countries/{p.destination}/"],
            "pair": ["/countries/{}/{}/".format(*p.warm_pair)],
        }
    filters = [f"destination={c}&year={y}" for c, y in p.filters]
    searches = [f"q={w}&destination={c}" + (f"&year={y}" if y else "") for w, c, y in p.searches]
    return {
        "timeline": [f"/visits/?before={d}_{i}" for d, i in p.cursors],
        "timeline_filtered": [f"/visits/?{f}" for f in filters],
        "search": [f"/visits/?{s}" for s in searches],
        "visit_page": [f"/visits/{i}/" for i in p.ids[1:]],
        "api_list": [f"/api/v1/visits/?cursor={api_cursor(d, i)}" for d, i in p.cursors],
        "api_list_filtered": [f"/api/v1/visits/?{f}" for f in filters],
        "api_detail": [f"/api/v1/visits/{i}/" for i in p.ids[1:]],
        # One stats page: a distinct query string per request keeps the response cache from answering (the
        # page still draws its charts from the summaries and their fragment cache, as every reader's would).
        "stats": [f"/stats/?n={i}" for i in range(1, len(p.cursors) + 1)],
        "country": [f"/countries/{c}/" for c in p.countries],
        "pair": [f"/countries/{a}/{b}/" for a, b in p.pairs],
    }


def _ds_filter(country: str, year: int | None) -> str:
    dates = f"&start_date__gte={year}-01-01&start_date__lt={year + 1}-01-01" if year else ""
    return f"destination_country={country}{dates}"


def datasette_paths(p: Params, mode: str = "warm", best: bool = False) -> dict[str, list[str]]:
    """Datasette's table page or its JSON, 50 rows newest first; row pages for one visit.

    Cold pages go on from a visit with Datasette's own keyset token (`_next=<start_date>,<id>`), as
    our cursors do."""
    page = f"{DS_PAGE}&{DS_BEST_FLAGS}" if best else DS_PAGE
    if mode == "warm":
        filt = f"{_ds_filter(p.destination, p.year)}&{page}"
        return {
            "timeline": [f"{DS_TABLE}?{page}"],
            "timeline_filtered": [f"{DS_TABLE}?{filt}"],
            "search": [f"{DS_TABLE}?_search={p.word}&{page}"],
            "visit_page": [f"{DS_TABLE}/{p.ids[0]}"],
            "api_list": [f"{DS_TABLE}.json?{page}"],
            "api_list_filtered": [f"{DS_TABLE}.json?{filt}"],
            "api_detail": [f"{DS_TABLE}/{p.ids[0]}.json"],
        }
    filters = [f"{_ds_filter(c, y)}&{page}" for c, y in p.filters]
    searches = [f"_search={w}&{_ds_filter(c, y)}&{page}" for w, c, y in p.searches]
    nexts = [f"_next={d},{i}&{page}" for d, i in p.cursors]
    return {
        "timeline": [f"{DS_TABLE}?{q}" for q in nexts],
        "timeline_filtered": [f"{DS_TABLE}?{f}" for f in filters],
        "search": [f"{DS_TABLE}?{s}" for s in searches],
        "visit_page": [f"{DS_TABLE}/{i}" for i in p.ids[1:]],
        "api_list": [f"{DS_TABLE}.json?{q}" for q in nexts],
        "api_list_filtered": [f"{DS_TABLE}.json?{f}" for f in filters],
        "api_detail": [f"{DS_TABLE}/{i}.json" for i in p.ids[1:]],
    }


def describe(p: Params) -> str:
    return f"destination={p.destination}, year={p.year}, q={p.word}"


def distinct_counts(paths: dict[str, list[str]]) -> dict[str, int]:
    return {s: len(set(plist)) for s, plist in paths.items()}
