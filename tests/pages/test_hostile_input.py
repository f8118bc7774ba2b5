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


# Reliability: control characters, extreme dates, a database that does not answer, the headers.


def test_control_characters_in_a_record_are_dropped_from_the_atom_feed(client, db):
    VisitFactory(purpose="Talks\x01 on\x0b transit\x1f", summary="", destination_city="Dush\x02anbe")
    response = client.get("/feeds/visits/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Talks on transit" in body
    assert not any(chr(c) in body for c in (1, 2, 0x0B, 0x1F))


def test_a_visit_on_the_last_day_of_the_calendar_does_not_cut_the_ics_export_short(client, db):
    import datetime

    VisitFactory(start_date=datetime.date(9999, 12, 31), end_date=None)
    VisitFactory(start_date=datetime.date(2024, 5, 18), end_date=None)
    body = b"".join(client.get("/visits/export.ics").streaming_content).decode()
    assert body.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:99991231" in body
    assert body.endswith("END:VCALENDAR\r\n")


def test_a_lone_carriage_return_is_escaped_in_ical(client, db):
    VisitFactory(purpose="First line\rsecond line\r\nthird\nfourth\x07")
    body = b"".join(client.get("/visits/export.ics").streaming_content).decode()
    assert "First line\\nsecond line\\nthird\\nfourth" in body
    lines = body.split("\r\n")
    assert all("\r" not in line and "\n" not in line and "\x07" not in line for line in lines)


@pytest.mark.parametrize("url", ["/visits/export.csv", "/visits/export.json", "/visits/export.ics"])
def test_exports_answer_503_not_an_empty_200_when_the_database_is_down(client, db, monkeypatch, url):
    from django.db import OperationalError

    def down(listing):
        def rows():
            raise OperationalError("connection refused")
            yield

        return rows()

    monkeypatch.setattr("visits.exports.export_queryset", down)
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_pages_carry_a_content_security_policy_of_our_own_assets(client, scenario):
    response = client.get("/visits/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    html = response.content.decode()
    assert "<script>" not in html and " style=" not in html
    stats = client.get("/stats/").content.decode()
    assert " style=" not in stats and "<style" not in stats


def test_the_500_page_style_matches_the_hash_in_the_policy(settings):
    import base64
    import hashlib
    import re
    from pathlib import Path

    page = (Path(settings.BASE_DIR) / "templates" / "500.html").read_text()
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY


def test_the_https_proxy_header_is_not_trusted_by_default(client, db, settings):
    assert settings.SECURE_PROXY_SSL_HEADER is None
    response = client.get("/visits/", HTTP_X_FORWARDED_PROTO="https")
    assert response.wsgi_request.is_secure() is False


def test_review_queue_ignores_ids_that_are_not_plain_numbers(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/visits/review/?kind=visits&page=%0d%0a",
        {"ids": ["²", "1e400", "9" * 40], "state": "accepted"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("page=1")
