"""The timeline at /visits/: grouping, filters shared with the API, chips, messages, keyset pages."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import VisitFactory

URL = reverse("visits:visit-list")


def test_timeline_groups_visits_by_year_and_month_newest_first(client, scenario):
    html = client.get(URL).content.decode()
    assert html.index("2031") < html.index("May 2024") < html.index("March 2019")
    assert "Kamran Aliyev" in html and "Prosecutor General" in html
    assert "18–20 May 2024" in html
    assert "1 meeting" in html


def test_timeline_row_shows_route_with_codes_flags_and_names(client, scenario):
    html = client.get(URL).content.decode()
    assert '<abbr class="cc" title="Tajikistan">' in html
    assert "\U0001f1f9\U0001f1ef" in html  # the regional-indicator flag of TJ


def test_planned_visits_are_marked(client, scenario):
    html = client.get(URL).content.decode()
    assert "vrow--planned" in html
    assert '<span class="badge badge--planned">Planned</span>' in html


def test_destination_and_year_filters_narrow_the_list(client, scenario):
    response = client.get(URL, {"destination": "tj", "year": "2024"})
    assert response.status_code == 200
    visits = response.context["visits"]
    assert [v.pk for v in visits] == [scenario.visit.pk]


def test_country_filter_matches_either_side(client, scenario):
    visits = client.get(URL, {"country": "TJ"}).context["visits"]
    assert {v.pk for v in visits} == {scenario.visit.pk, scenario.older.pk}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"origin": "TJ"}, "older"),
        ({"kind": "state"}, "older"),
        ({"status": "planned"}, "planned"),
        ({"q": "Baku"}, "older"),
        ({"date_after": "2030-01-01"}, "planned"),
        ({"date_before": "2020-01-01"}, "older"),
        ({"organisation": "pgo-az"}, "visit"),
    ],
)
def test_each_filter_applies(client, scenario, params, expected):
    visits = client.get(URL, params).context["visits"]
    assert [v.pk for v in visits] == [getattr(scenario, expected).pk]


def test_official_filter_includes_visits_where_they_met_the_visitor(client, scenario):
    visits = client.get(URL, {"official": "habibullo-vohidzoda"}).context["visits"]
    assert {v.pk for v in visits} == {scenario.visit.pk, scenario.older.pk}


def test_active_filters_show_as_removable_chips(client, scenario):
    html = client.get(URL, {"destination": "TJ", "year": "2024"}).content.decode()
    assert "Remove filter Destination: \U0001f1f9\U0001f1ef Tajikistan" in html
    assert 'href="?year=2024"' in html  # removing the destination keeps the year
    assert 'href="?destination=TJ"' in html
    assert "Clear all" in html


def test_side_panel_keeps_the_chosen_values(client, scenario):
    html = client.get(URL, {"destination": "tj", "year": "2024", "q": "prosecutors"}).content.decode()
    assert '<option value="TJ" selected>Tajikistan</option>' in html
    assert 'name="year" inputmode="numeric" min="1000" max="2999" value="2024"' in html
    assert 'value="prosecutors"' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_after": "2024-13-40"}, "From date: Enter a valid date."),
        (
            {"destination": "XX"},
            "Destination: Select a valid choice. XX is not one of the available choices.",
        ),
        ({"year": "nineteen"}, "Year: Enter a whole number."),
        ({"year": "2024.5"}, "Year: Enter a whole number."),
        ({"kind": "secret"}, "Kind: Select a valid choice."),
        ({"before": "garbage"}, "Page: this page link is damaged"),
    ],
)
def test_invalid_filter_shows_a_message_and_no_records(client, scenario, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert list(response.context["visits"]) == []
    assert "Kamran Aliyev in" not in html


def test_an_official_nobody_has_is_an_empty_list_with_a_note_not_an_error(client, scenario):
    # The API's rule too: a slug that names no record is a query whose answer is empty.
    response = client.get(URL, {"official": "nobody-at-all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "no official with slug “nobody-at-all”" in html
    assert list(response.context["visits"]) == []
    assert "Kamran Aliyev in" not in html


def test_count_and_export_links_carry_the_filters(client, scenario):
    html = client.get(URL, {"destination": "TJ"}).content.decode()
    assert "1 visit matches" in html
    assert "/visits/export.csv?destination=TJ" in html
    assert "/feeds/visits/?destination=TJ" in html
    assert "http://testserver/visits/?destination=TJ" in html  # the permalink


def test_pages_follow_keyset_cursors_and_keep_the_filters(client, db):
    start = datetime.date(2020, 1, 1)
    for i in range(60):
        VisitFactory(start_date=start + datetime.timedelta(days=i), destination_country="TJ")
    undated = VisitFactory(start_date=None, destination_country="TJ")
    VisitFactory(start_date=start, destination_country="KZ")
    first = client.get(URL, {"destination": "TJ"})
    page = first.context["page"]
    assert len(first.context["visits"]) == 50 and page.newer is None
    html = first.content.decode()
    assert f"?destination=TJ&amp;before={page.older}" in html
    second = client.get(URL, {"destination": "TJ", "before": str(page.older)})
    rows = second.context["visits"]
    assert len(rows) == 11 and rows[-1].pk == undated.pk
    assert second.context["page"].older is None
    back = client.get(URL, {"destination": "TJ", "after": str(second.context["page"].newer)})
    assert [v.pk for v in back.context["visits"]] == [v.pk for v in first.context["visits"]]


def test_timeline_without_records_says_so(client, db):
    assert "No visits match these filters." in client.get(URL).content.decode()
