"""Hostile strings in parameters and in records are shown escaped or refused with a message."""

import pytest

from tests.factories import (
    EvidenceFactory,
    MeetingFactory,
    OfficialFactory,
    OrganisationFactory,
    ParticipantFactory,
    SourceFactory,
    VisitFactory,
)

SCRIPT = "<script>alert('x')</script>"
HOSTILE = [
    SCRIPT,
    "'; DROP TABLE visits_visit; --",
    '" onmouseover="alert(1)',
    "\u202egnp.exe\u200b\ufeff",
    "Zalgo z\u0335\u0321\u0322a\u0334l\u0336g\u0337o",
    "\U0001f9e8 % _ \\",
]
PAGES = ["/visits/", "/officials/", "/organisations/", "/countries/"]
PARAMS = [
    "q",
    "official",
    "organisation",
    "origin",
    "destination",
    "country",
    "kind",
    "status",
    "year",
    "before",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("param", PARAMS)
def test_hostile_parameters_never_reach_the_page_raw(client, scenario, param, value):
    response = client.get("/visits/", {param: value})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert SCRIPT not in html
    assert 'onmouseover="alert(1)' not in html


@pytest.mark.parametrize("url", PAGES)
def test_hostile_search_on_index_pages_is_escaped(client, scenario, url):
    html = client.get(url, {"q": SCRIPT}).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html


def test_a_ten_thousand_character_query_is_refused_with_a_message(client, scenario):
    response = client.get("/visits/", {"q": "a" * 10_000})
    assert response.status_code == 400
    assert "Search: Ensure this value has at most 200 characters (it has 10000)." in response.content.decode()


def test_a_nul_character_is_refused_not_sent_to_the_database(client, scenario):
    response = client.get("/visits/", {"q": "abc\x00def"})
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()


@pytest.mark.parametrize("url", ["/officials/", "/organisations/", "/countries/"])
def test_index_search_survives_nul_and_very_long_queries(client, scenario, url):
    assert client.get(url, {"q": "x\x00" + "y" * 10_000}).status_code == 200


def test_hostile_record_fields_are_escaped_on_every_page(client, db):
    official = OfficialFactory(name=SCRIPT, slug="hostile")
    org = OrganisationFactory(name=SCRIPT, slug="hostile-org")
    visit = VisitFactory(
        visitor=official,
        visitor_title=SCRIPT,
        destination_city=SCRIPT,
        purpose=SCRIPT,
        summary=SCRIPT,
        delegation=SCRIPT,
    )
    visit.organisations.add(org)
    meeting = MeetingFactory(visit=visit, name=SCRIPT, city=SCRIPT, topics=[SCRIPT], summary=SCRIPT)
    ParticipantFactory(meeting=meeting, official=None, name_as_written=SCRIPT, title_as_written=SCRIPT)
    source = SourceFactory(
        title=SCRIPT, text=f"Before. {SCRIPT} After.", outlet=SCRIPT, url="javascript:alert(1)"
    )
    EvidenceFactory(source=source, visit=visit, spans=[[8, 20], [-5, 3], [999, 5000], ["a", "b"], [1]])
    urls = [
        "/visits/",
        visit.get_absolute_url(),
        source.get_absolute_url(),
        official.get_absolute_url(),
        org.get_absolute_url(),
        "/officials/",
        "/organisations/",
        "/countries/AZ/",
        "/countries/AZ/TJ/",
        "/stats/",
        "/feeds/visits/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SCRIPT not in response.content.decode(), url
        assert "javascript:alert" not in response.content.decode(), url
