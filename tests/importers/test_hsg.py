import collections
import datetime
import time
from pathlib import Path

import pytest

from visits.importers.detect import detect_format, iter_paths
from visits.importers.hsg import read_hsg
from visits.importers.rows import FileError, PersonRef, ReadWarning, RowError, VisitRow

FIXTURES = Path(__file__).parent / "fixtures"
HSG_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "hsg"


def read(path: Path) -> tuple[list[VisitRow], list]:
    items = list(read_hsg(path))
    return [i for i in items if isinstance(i, VisitRow)], [i for i in items if not isinstance(i, VisitRow)]


def test_visit_record_becomes_row_with_people_meetings_and_kind() -> None:
    rows, _ = read(FIXTURES / "visits-sample.xml")
    duda = rows[0]
    assert duda.external_scheme == "hsg-visit" and duda.external_id == "9001"
    assert duda.visitors == [
        PersonRef("Andrzej Duda", "President", "PL"),
        PersonRef("Donald Tusk", "Prime Minister", "PL"),
    ]
    assert (duda.origin_country, duda.destination_country) == ("PL", "US")
    assert duda.start_date == datetime.date(2024, 3, 12) and duda.date_precision == "day"
    assert duda.kind == "working"
    assert duda.summary.startswith("Working visit. Met with President Biden")
    assert [(p.title, p.name) for p in duda.meetings[0].participants] == [
        ("President", "Andrzej Duda"),
        ("Prime Minister", "Donald Tusk"),
        ("President", "Biden"),
    ]
    assert duda.source_line == 3


def test_title_only_participant_and_organisations() -> None:
    rows, _ = read(FIXTURES / "visits-sample.xml")
    churchill = rows[1]
    assert churchill.visitors == [PersonRef("Churchill", "Prime Minister", "GB")]
    assert churchill.kind == "state"
    others = churchill.meetings[0].participants[1:]
    assert [(p.title, p.name) for p in others] == [("President", None), ("King", "Abdullah II")]
    assert churchill.organisations == ["NATO"]


def test_impossible_date_and_unknown_country_are_row_errors_naming_the_record() -> None:
    rows, problems = read(FIXTURES / "visits-sample.xml")
    errors = {e.record_id: e for e in problems if isinstance(e, RowError)}
    assert set(errors) == {"9003", "9004"}
    assert errors["9003"].code == "bad-date" and "2021-02-30" in errors["9003"].message
    assert errors["9004"].code == "unknown-country" and "'atlantis'" in errors["9004"].message
    assert all("visits-sample.xml" in e.message and e.line for e in errors.values())
    assert [r.external_id for r in rows] == ["9001", "9002", "9005"]


def test_soviet_visit_filed_under_russia_slug_gets_former_code() -> None:
    rows, _ = read(FIXTURES / "visits-sample.xml")
    assert rows[-1].origin_country == "SU"


def test_trips_share_one_keyed_traveller_and_dedupe_participants() -> None:
    rows, problems = read(FIXTURES / "bush-george-w.xml")
    assert problems == []
    travellers = {v for r in rows for v in r.visitors}
    assert travellers == {PersonRef("George W. Bush", "President", "US", key="hsg:bush-george-w")}
    madrid, riyadh, belgrade = rows
    assert (madrid.origin_country, madrid.destination_country, madrid.destination_city) == (
        "US",
        "ES",
        "Madrid",
    )
    assert [p.name for p in madrid.meetings[0].participants] == ["George W. Bush", "Juan Carlos I", "Aznar"]
    assert riyadh.organisations == ["GCC"]
    assert riyadh.kind == "multilateral"
    second = riyadh.meetings[1]
    assert [p.name for p in second.participants] == ["George W. Bush", "Salman bin Abd al-Aziz Al Saud"]
    assert second.date == datetime.date(2007, 12, 5)
    assert belgrade.destination_country == "YU"
    assert belgrade.meetings == []


def test_truncated_xml_is_one_file_error_with_line(tmp_path: Path) -> None:
    text = (FIXTURES / "bush-george-w.xml").read_text()
    broken = tmp_path / "broken.xml"
    broken.write_text(text[: len(text) // 2])
    items = list(read_hsg(broken))
    assert len(items) == 1 and isinstance(items[0], FileError)
    assert items[0].code == "bad-xml" and items[0].line and "broken.xml" in items[0].message


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE visits [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<visits><visit><id>&b;</id></visit></visits>"
    )
    items = list(read_hsg(bomb))
    assert len(items) == 1 and isinstance(items[0], FileError) and items[0].code == "unsafe-xml"


@pytest.mark.skipif(not HSG_DATA.is_dir(), reason="HSG data not present")
def test_whole_hsg_dataset_reads_fast_and_cleanly() -> None:
    started = time.perf_counter()
    items = []
    for path in iter_paths([HSG_DATA]):
        assert detect_format(path) == "hsg", path
        items.extend(read_hsg(path))
    elapsed = time.perf_counter() - started
    rows = [i for i in items if isinstance(i, VisitRow)]
    schemes = collections.Counter(r.external_scheme for r in rows)
    assert schemes == {"hsg-visit": 3264, "hsg-travel": 4271}
    assert len({v.key for r in rows for v in r.visitors if v.key}) == 55
    assert len({v for r in rows for v in r.visitors if v.key}) == 55
    errors = [i for i in items if isinstance(i, (RowError, FileError))]
    warnings = [i for i in items if isinstance(i, ReadWarning)]
    assert len(errors) + len(warnings) <= 10
    for problem in [*errors, *warnings]:
        assert problem.file.endswith(".xml") and problem.file in problem.message
        assert isinstance(problem, FileError) or (problem.record_id and problem.record_id in problem.message)
    assert elapsed < 10, elapsed
