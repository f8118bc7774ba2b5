"""Behaviour of the article extractor on small hand-written texts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from visits.extraction import PARSER_VERSION, Extraction, extract, extract_file

MON = dt.date(2024, 5, 20)  # a Monday


def visit_to(result: Extraction, country: str):
    return [v for v in result.visits if v.destination_country == country]


def test_parser_version_is_semver():
    assert len(PARSER_VERSION.split(".")) == 3


def test_dateline_gives_the_place_of_a_meeting():
    text = (
        "ASTANA, May 20 (Kazinform) -- Kazakh Foreign Minister Murat Nurtleu held talks on Monday with "
        "Hungarian Foreign Minister Peter Szijjarto."
    )
    result = extract(text, MON)
    assert [m.country for m in result.meetings] == ["KZ"]
    assert result.meetings[0].date == MON
    [visit] = visit_to(result, "KZ")
    assert visit.visitor == "Peter Szijjarto" and visit.visitor_country == "HU"


def test_relative_dates_resolve_against_published_date():
    text = (
        "President Anna Berg arrived in Oslo yesterday. On Friday she met Prime Minister Jonas Lie in Oslo."
    )
    result = extract(text, MON)
    [visit] = visit_to(result, "NO")
    assert visit.start_date == dt.date(2024, 5, 19)
    assert result.meetings[0].date == dt.date(2024, 5, 17)


def test_title_before_and_after_name():
    text = (
        "Prosecutor General Kamil Rustamov met Yusuf Rahmon, "
        "Prosecutor General of the Republic of Tajikistan, "
        "in Dushanbe."
    )
    officials = {o.name: o for o in extract(text, MON).officials}
    assert officials["Kamil Rustamov"].title == "Prosecutor General"
    assert officials["Yusuf Rahmon"].title == "Prosecutor General"
    assert officials["Yusuf Rahmon"].country == "TJ"


def test_demonym_gives_country():
    text = (
        "Kazakh Minister of Energy Almas Sadykov received Uzbek Deputy Prime Minister "
        "Jamshid Khodjaev in Astana."
    )
    officials = {o.name: o for o in extract(text, MON).officials}
    assert officials["Almas Sadykov"].country == "KZ"
    assert officials["Jamshid Khodjaev"].country == "UZ"


def test_phone_call_is_not_a_meeting_nor_a_visit():
    text = (
        "Turkish Foreign Minister Omer Celik spoke by telephone with Iranian Foreign Minister "
        "Reza Karimi on Monday."
    )
    result = extract(text, MON)
    assert result.meetings == [] and result.visits == []


def test_announced_visit_is_planned():
    text = (
        "Chinese Vice Premier Liu Wen is to pay an official visit to Kazakhstan on May 23-27, "
        "the ministry said."
    )
    [visit] = extract(text, MON).visits
    assert visit.status == "planned"
    assert visit.kind == "official"
    assert (visit.start_date, visit.end_date) == (dt.date(2024, 5, 23), dt.date(2024, 5, 27))


def test_domestic_trip_is_not_a_visit():
    text = (
        "ASTANA. KAZINFORM - Prime Minister Serik Omarov has arrived in East Kazakhstan region "
        "on a working trip."
    )
    assert extract(text, MON).visits == []


def test_host_side_report_records_the_guest_visit():
    text = (
        "Cuban President Mario Diaz, received Ghanaian President Kofi Mensah, "
        "who is in Havana on an official visit."
    )
    result = extract(text, MON)
    [visit] = visit_to(result, "CU")
    assert visit.visitor == "Kofi Mensah" and visit.kind == "official"
    assert any(set(m.participants) == {"Mario Diaz", "Kofi Mensah"} for m in result.meetings)


def test_meeting_at_a_summit_abroad_implies_both_visits():
    text = (
        "SAMARKAND, Sep 15 (APP): Prime Minister Imran Qadir held talks here on Thursday with "
        "Russian President Pavel Orlov on the margins of the summit. "
        "Earlier, the prime minister arrived here for a two-day visit."
    )
    result = extract(text, dt.date(2022, 9, 15))
    visitors = {v.visitor for v in visit_to(result, "UZ")}
    assert visitors == {"Imran Qadir", "Pavel Orlov"}


def test_separate_meetings_are_counted_one_by_one():
    text = (
        "In Baku, Foreign Minister Anna Kovacs met separately with Speaker Elmar Quliyev "
        "and Minister Rauf Aliyev."
    )
    meetings = extract(text, MON).meetings
    assert sorted(m.participants[1] for m in meetings) == ["Elmar Quliyev", "Rauf Aliyev"]


def test_evidence_spans_point_into_the_text():
    text = "Secretary General Maria Stone arrived in Nairobi on Monday for an official visit."
    result = extract(text, MON)
    start, end = result.visits[0].evidence[0]
    assert "arrived in Nairobi" in text[start:end]


def test_bad_inputs_never_raise():
    for junk in ("", "   ", "\x00\x01\x02" * 100, bytes(range(256)).decode("latin-1"), "Привет мир. " * 50):
        result = extract(junk, None)
        assert isinstance(result, Extraction)
    assert extract(None, None).warnings  # type: ignore[arg-type]


def test_huge_input_is_cut_with_a_warning():
    result = extract("The minister spoke. " * 600_000, MON)
    assert any("cut" in w for w in result.warnings)


def test_degenerate_text_stays_linear():
    # a run of initials once made the sentence splitter quadratic; this must finish in well under a second
    for text in ("A. " * 20_000, "President John Smith met Jane Roe in Paris. " * 1_000):
        assert isinstance(extract(text, MON), Extraction)


def test_article_with_no_visit_gives_empty_lists():
    result = extract("Wheat prices rose on Monday as traders weighed the weather in the Midwest.", MON)
    assert result.visits == [] and result.meetings == []


def test_to_dict_has_the_contract_keys():
    d = extract("President Ana Lopes arrived in Lima on Monday.", MON).to_dict()
    assert set(d) >= {"officials", "organisations", "visits", "meetings"}
    visit_keys = {
        "visitor",
        "visitor_country",
        "destination_country",
        "destination_city",
        "start_date",
        "end_date",
        "kind",
        "status",
        "purpose",
        "evidence",
    }
    assert visit_keys <= set(d["visits"][0])


def test_extract_file_reads_json_txt_and_html(tmp_path: Path):
    body = "President Ana Lopes arrived in Lima on Monday."
    (tmp_path / "a.json").write_text(json.dumps({"text": body, "published": "2024-05-20", "gold": {}}))
    (tmp_path / "b.txt").write_text(body)
    (tmp_path / "c.html").write_text(
        "<html><head><style>p{color:red}</style><script>var President = 'X';</script></head>"
        f"<body><p>{body.replace('Lima', 'Lima &amp; nowhere')}</p></body></html>"
    )
    for name in ("a.json", "b.txt", "c.html"):
        out = extract_file(tmp_path / name)
        assert out["file"].endswith(name)
        assert [v["destination_country"] for v in out["visits"]] == ["PE"]
    assert extract_file(tmp_path / "a.json")["visits"][0]["start_date"] == "2024-05-20"


def test_html_stripping_drops_scripts_and_unescapes_entities():
    from visits.extraction.text import html_to_text

    text = html_to_text("<p>A &amp; B</p><script>alert('x')</script><style>.a{}</style><p>C</p>")
    assert "alert" not in text and ".a{}" not in text
    assert "A & B" in text and "C" in text
