"""Summary tables (summaries/): every figure the statistics, country, pair and coverage pages show equals
the same aggregate computed directly over the visits, after records written through the real write paths.

The direct aggregates below are the pages' former queries (full-table GROUP BYs), kept here as the oracle.
"""

import datetime
from collections import Counter
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from common.countries import country_name
from common.models import ReviewState
from common.versioning import data_version
from people.models import Official
from people.services import official_merge
from summaries import services, tasks
from summaries.models import SummaryState, VisitSummary
from tests.factories import EvidenceFactory, MeetingFactory, OfficialFactory, SourceFactory, VisitFactory
from tests.scenario import add_lived_in, build_scenario, full_visit
from tests.visits.services.test_imports import example, write_csv
from visits.coverage import coverage
from visits.maps import choropleth
from visits.models import Evidence, Meeting, Source, Visit
from visits.services.imports import files_import
from visits.services.merges import visit_merge

pytestmark = pytest.mark.django_db
HSG = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "bush-george-w.xml"


def live_years(qs) -> Counter:
    rows = qs.order_by().annotate(y=ExtractYear("start_date")).values("y").annotate(n=Count("id"))
    return Counter({r["y"]: r["n"] for r in rows if r["y"] is not None})


def live_counts(field: str, qs=None) -> Counter:
    qs = Visit.objects.all() if qs is None else qs
    return Counter(dict(qs.exclude(**{field: ""}).order_by().values_list(field).annotate(n=Count("id"))))


def live_coverage(code: str) -> tuple[list[tuple], int]:
    article = Evidence.objects.filter(visit=OuterRef("pk"), source__kind=Source.Kind.ARTICLE)
    visits = Visit.objects.filter(Q(origin_country=code) | Q(destination_country=code))
    decades: dict[int, list[int]] = {}
    for v in visits.filter(start_date__isnull=False).annotate(a=Exists(article)):
        row = decades.setdefault(v.start_date.year // 10 * 10, [0, 0, 0, 0, 0])
        row[0] += v.origin_country == code
        row[1] += v.destination_country == code
        row[2] += v.a
        row[3] += v.review_state == ReviewState.ACCEPTED
        row[4] += v.review_state == ReviewState.IMPORTED
    if decades:
        for decade in range(min(decades), max(decades) + 10, 10):
            decades.setdefault(decade, [0, 0, 0, 0, 0])
    rows = [(f"{d}s", *decades[d]) for d in sorted(decades)]
    return rows, visits.filter(start_date__isnull=True).count()


def chart_rows(*series: Counter) -> list[tuple[str, list[int]]]:
    years = [y for c in series for y in c]
    span = range(min(years), max(years) + 1) if years else []
    return [(str(y), [c[y] for c in series]) for y in span]


def check_stats(client) -> None:
    context = client.get("/stats/").context
    years = live_years(Visit.objects.all())
    assert context["total"] == sum(years.values())
    assert context["year_chart"].rows == chart_rows(years)
    directed = Counter({(o, d): n for o, d, n in _pairs(Visit.objects.exclude(origin_country=""))})
    together: Counter = Counter()
    for (o, d), n in directed.items():
        together[tuple(sorted((o, d)))] += n
    shown = [((p.a, p.b), p.a_to_b, p.b_to_a) for p in context["top_pairs"]]
    assert [(key, total) for key, _, _ in shown for total in [together[key]]] == sorted(
        together.items(), key=lambda kv: (-kv[1], kv[0])
    )[: len(shown)]
    for (a, b), ab, ba in shown:
        assert (ab, ba) == (directed[(a, b)], directed[(b, a)] if a != b else 0)
    involvement = live_counts("origin_country") + live_counts("destination_country")
    top = sorted(involvement, key=lambda c: (-involvement[c], c))[:12]
    assert context["matrix_codes"] == top
    for row in context["matrix"]:
        assert [c["n"] for c in row["cells"]] == [directed[(row["code"], d)] for d in context["matrix_codes"]]
    expected_map = choropleth(
        Visit.objects.country_counts("destination_country"),
        title="Visits received, by country",
        slug="stats-map",
    )
    assert context["map"] == expected_map


def _pairs(qs) -> list:
    return list(qs.order_by().values_list("origin_country", "destination_country").annotate(n=Count("id")))


def check_country_list(client) -> None:
    made, received = live_counts("origin_country"), live_counts("destination_country")
    rows = [(c.code, c.outgoing, c.incoming) for c in client.get("/countries/").context["countries"]]
    expected = [(code, made[code], received[code]) for code in set(made) | set(received)]
    assert rows == sorted(expected, key=lambda r: country_name(r[0]))


def check_country(client, code: str) -> None:
    context = client.get(f"/countries/{code}/").context
    out_years = live_years(Visit.objects.filter(origin_country=code))
    in_years = live_years(Visit.objects.filter(destination_country=code))
    assert context["chart"].rows == chart_rows(out_years, in_years)
    assert context["outgoing_total"] == sum(out_years.values())
    assert context["incoming_total"] == sum(in_years.values())
    to = live_counts("destination_country", Visit.objects.filter(origin_country=code))
    came = live_counts("origin_country", Visit.objects.filter(destination_country=code))
    partners = sorted(
        ((c, to[c], came[c]) for c in set(to) | set(came) if c != code),
        key=lambda r: (-(r[1] + r[2]), country_name(r[0])),
    )[:10]
    assert [(p.code, p.outgoing, p.incoming) for p in context["partners"]] == partners
    travellers = (
        Official.objects.filter(country=code)
        .annotate(n=Count("visits"))
        .filter(n__gt=0)
        .order_by("-n", "name")
        .values_list("name", "n")[:10]
    )
    assert [(o.name, o.visit_count) for o in context["travellers"]] == list(travellers)
    assert context["map_out"] == choropleth(
        to, title=f"Where visitors from {country_name(code)} go", slug="map-out", home=code
    )
    assert context["map_in"] == choropleth(
        came, title=f"Where visitors to {country_name(code)} come from", slug="map-in", home=code
    )


def check_pair(client, a: str, b: str) -> None:
    context = client.get(f"/countries/{a}/{b}/").context
    one = Visit.objects.filter(origin_country=a, destination_country=b)
    other = Visit.objects.filter(origin_country=b, destination_country=a)
    assert context["chart"].rows == chart_rows(live_years(one), live_years(other))
    assert context["a_to_b_total"] == sum(live_years(one).values())
    assert context["b_to_a_total"] == sum(live_years(other).values())
    either = Q(visit__origin_country=a, visit__destination_country=b) | Q(
        visit__origin_country=b, visit__destination_country=a
    )
    assert context["meeting_count"] == Meeting.objects.filter(either).count()


def check_coverage(client, code: str) -> None:
    rows, undated = coverage(code)
    shown = [(r.label, r.made, r.received, r.with_article, r.reviewed, r.curated_import) for r in rows]
    assert (shown, undated) == live_coverage(code)
    body = client.get(f"/api/v1/countries/{code}/coverage/").json()
    assert [(f"{r['decade']}s", r["made"], r["received"]) for r in body["decades"]] == [
        (label, made, received) for label, made, received, *_ in live_coverage(code)[0]
    ]


def check_every_page(client) -> None:
    check_stats(client)
    check_country_list(client)
    codes = set(live_counts("origin_country")) | set(live_counts("destination_country"))
    for code in sorted(codes):
        check_country(client, code)
        check_coverage(client, code)
    for o, d, _ in _pairs(Visit.objects.exclude(origin_country="").exclude(destination_country="")):
        if o != d:
            check_pair(client, o, d)


def test_every_summary_figure_equals_the_direct_aggregate_after_the_write_paths(client, tmp_path):
    scenario = build_scenario()
    add_lived_in(scenario)
    for _ in range(3):
        full_visit()
    assert files_import(paths=[HSG]).committed
    assert files_import(paths=[write_csv(tmp_path / "v.csv", [example()])]).committed
    check_every_page(client)

    # Undated, origin unknown, a visit at home, an accepted one with an article and two meetings.
    VisitFactory(origin_country="", destination_country="TJ", start_date=None)
    VisitFactory(origin_country="TJ", destination_country="TJ")
    reported = VisitFactory(
        origin_country="KZ",
        destination_country="TJ",
        review_state=ReviewState.ACCEPTED,
        visitor__country="KZ",
    )
    EvidenceFactory(visit=reported, source=SourceFactory(kind=Source.Kind.ARTICLE))
    MeetingFactory.create_batch(2, visit=reported)
    # Merges move visits and meetings between records; a deletion removes them.
    visit_merge(survivor=scenario.visit, merged=scenario.older)
    official_merge(survivor=scenario.host, merged=OfficialFactory(country="TJ"))
    Visit.objects.filter(pk=scenario.planned.pk).delete()
    assert VisitSummary.objects.exists()
    check_every_page(client)


def dated_total(client) -> int:
    return client.get("/stats/").context["total"]


def test_without_a_worker_the_first_page_after_a_write_counts_it(client, settings):
    assert services.stale_seconds() == 0  # tasks eager: nobody else would rebuild
    VisitFactory(origin_country="AZ", destination_country="TJ")
    assert dated_total(client) == 1
    visit = VisitFactory(origin_country="TJ", destination_country="KZ")
    assert dated_total(client) == 2
    assert client.get("/countries/KZ/").context["incoming_total"] == 1
    visit.delete()
    assert dated_total(client) == 1
    assert client.get("/api/v1/countries/KZ/coverage/").json()["decades"] == []


def test_stale_counts_are_shown_for_at_most_the_bound_then_rebuilt(client, settings, monkeypatch):
    settings.SUMMARY_STALE_SECONDS = 30
    VisitFactory()
    assert dated_total(client) == 1
    VisitFactory()
    response = client.get("/stats/")
    assert response.context["total"] == 1 and not response.context["summaries"].fresh
    assert "newer records are being counted" in response.content.decode()
    later = timezone.now() + datetime.timedelta(seconds=31)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    response = client.get("/stats/")
    assert response.context["total"] == 2 and response.context["summaries"].fresh
    assert f'Counts as of <time datetime="{later.isoformat()}">' in response.content.decode()


def test_a_rebuild_moves_the_data_version_on_so_no_cached_answer_outlives_it(
    django_capture_on_commit_callbacks,
):
    VisitFactory()
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True):
        state = services.rebuild()
    assert data_version() == before + 1  # answers cached from the old rows are unreachable
    assert cache.get(services.BUILT_KEY) == data_version() and state.version == before
    assert services.current().fresh  # its own move does not make the rows stale
    VisitFactory()
    assert not services.is_fresh(state)


def test_a_burst_of_writes_queues_one_rebuild_when_a_worker_runs(settings, monkeypatch):
    tasks.refresh_summaries.app.conf.task_always_eager = False  # a worker; the eager_celery fixture restores
    assert services.stale_seconds() == services.STALE_SECONDS_WITH_WORKER
    queued = []
    monkeypatch.setattr(tasks.refresh_summaries, "apply_async", lambda **kw: queued.append(kw))
    VisitFactory()
    VisitFactory()
    assert queued == [{"countdown": settings.SUMMARY_DEBOUNCE_SECONDS}]
    cache.delete(services.QUEUED_KEY)  # the debounce interval has passed
    VisitFactory()
    assert len(queued) == 2


def test_the_task_rebuilds_only_stale_or_old_summaries():
    VisitFactory()
    first = services.rebuild()
    assert tasks.refresh_summaries() == first.built_at.isoformat()  # current: left alone
    VisitFactory()
    assert tasks.refresh_summaries() != first.built_at.isoformat()
    assert VisitSummary.objects.get().visits == 2


def test_a_cache_that_knows_no_version_trusts_the_rows_until_their_max_age(settings, monkeypatch):
    VisitFactory()
    state = services.rebuild()
    cache.clear()  # a new process's own cache, or a lost one
    assert services.is_fresh(state)
    later = timezone.now() + datetime.timedelta(seconds=settings.SUMMARY_MAX_AGE_SECONDS + 1)
    monkeypatch.setattr(services.timezone, "now", lambda: later)
    assert not services.is_fresh(state)


def test_a_lost_cache_is_trusted_even_when_a_page_started_a_new_version_first():
    VisitFactory()
    state = services.rebuild()
    cache.clear()  # Redis restarted...
    data_version()  # ...and a timeline page asked for the data version before any summary page
    assert services.is_fresh(state)
    assert services.current().fresh and SummaryState.objects.get().built_at == state.built_at  # no rebuild
    VisitFactory()  # a write after that is seen
    assert not services.is_fresh(SummaryState.objects.get())


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/stats/", 5),
        ("/countries/", 2),
        ("/countries/TJ/", 7),
        ("/countries/AZ/TJ/", 7),
        ("/countries/TJ/coverage/", 2),
    ],
)
def test_current_summaries_cost_one_query_for_their_age(client, django_assert_num_queries, url, queries):
    scenario = build_scenario()
    add_lived_in(scenario)
    services.rebuild()
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_kept_charts_and_maps_are_redrawn_after_a_write(client):
    VisitFactory(origin_country="AZ", destination_country="TJ", start_date=datetime.date(2024, 5, 1))
    row = '<th scope="row">Tajikistan</th><td class="num">{}</td>'
    chart = '<th scope="row">2024</th><td>{}</td><td>0</td>'
    listed = 'Tajikistan</a> <span class="muted">TJ</span></td><td class="num">0</td><td class="num">{}</td>'
    assert row.format(1) in client.get("/stats/").content.decode()
    assert row.format(1) in client.get("/countries/AZ/").content.decode()
    assert listed.format(1) in client.get("/countries/").content.decode()
    assert chart.format(1) in client.get("/countries/AZ/TJ/").content.decode()
    VisitFactory(origin_country="AZ", destination_country="TJ", start_date=datetime.date(2024, 5, 1))
    assert row.format(2) in client.get("/stats/").content.decode()
    assert row.format(2) in client.get("/countries/AZ/").content.decode()
    assert listed.format(2) in client.get("/countries/").content.decode()
    assert chart.format(2) in client.get("/countries/AZ/TJ/").content.decode()
    assert "Azerbaijan" not in client.get("/countries/", {"q": "tajik"}).content.decode().split("<table")[1]
