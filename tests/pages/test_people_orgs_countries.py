"""Officials, organisations, countries and the statistics page."""

from people.models import OfficialRedirect


def test_official_page_shows_posts_visits_meetings_and_counterparts(client, scenario):
    html = client.get("/officials/kamran-aliyev/").content.decode()
    assert 'Prosecutor General</strong>, <a href="/organisations/pgo-az/">' in html
    assert "Visits made" in html and scenario.visit.get_absolute_url() in html
    assert '<a href="/officials/habibullo-vohidzoda/">Habibullo Vohidzoda</a>' in html  # met most
    assert "/visits/?official=kamran-aliyev" in html


def test_official_page_lists_visits_hosted(client, scenario):
    html = client.get("/officials/habibullo-vohidzoda/").content.decode()
    section = html[html.index("Visits hosted") :]
    assert scenario.visit.get_absolute_url() in section


def test_merged_officials_old_slug_redirects_to_the_survivor(client, scenario):
    OfficialRedirect.objects.create(old_slug="k-aliyev", official=scenario.guest)
    response = client.get("/officials/k-aliyev/")
    assert response.status_code == 301
    assert response["Location"] == "/officials/kamran-aliyev/"


def test_unknown_official_is_a_friendly_404(client, db):
    response = client.get("/officials/nobody/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_official_index_searches_names(client, scenario):
    html = client.get("/officials/", {"q": "vohid"}).content.decode()
    assert "Habibullo Vohidzoda" in html and "Kamran Aliyev" not in html


def test_organisation_pages(client, scenario):
    html = client.get("/organisations/", {"q": "prosecutor"}).content.decode()
    assert '<a href="/organisations/pgo-az/">' in html
    detail = client.get("/organisations/pgo-az/").content.decode()
    assert "Kamran Aliyev" in detail and scenario.visit.get_absolute_url() in detail


def test_country_index_counts_visits_both_ways_and_searches(client, scenario):
    html = client.get("/countries/", {"q": "tajik"}).content.decode()
    assert "Tajikistan" in html and "Azerbaijan" not in html


def test_country_page_shows_years_partners_and_recent_visits(client, scenario):
    response = client.get("/countries/tj/")
    assert response.status_code == 200
    assert [(p.code, p.outgoing, p.incoming) for p in response.context["partners"]] == [("AZ", 1, 1)]
    html = response.content.decode()
    assert "<svg" in html and "2019" in html and "2024" in html
    assert '<a href="/countries/TJ/AZ/">' in html


def test_unknown_country_is_a_404(client, db):
    assert client.get("/countries/XX/").status_code == 404
    assert client.get("/countries/AZ/AZ/").status_code == 404


def test_pair_page_shows_both_ways_meetings_and_last_head_of_state_visit(client, scenario):
    response = client.get("/countries/AZ/TJ/")
    assert response.context["a_to_b_total"] == 1 and response.context["b_to_a_total"] == 1
    assert response.context["meeting_count"] == 1
    assert response.context["top_level"] == scenario.older  # a state visit by a president


def test_stats_page_draws_charts_pairs_and_matrix(client, scenario):
    html = client.get("/stats/").content.decode()
    assert html.count("<svg") == 2  # the visits-per-year chart and the map of visits received
    assert '<a href="/countries/AZ/TJ/">' in html
    assert '<table class="matrix">' in html
    assert "/visits/?origin=AZ&amp;destination=TJ" in html
