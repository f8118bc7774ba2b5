import csv
import datetime
import io
import json
from pathlib import Path

from visits.importers.hsg import read_hsg
from visits.importers.rows import FileError, MeetingRow, PersonRef, ReadWarning, RowError, VisitRow
from visits.importers.tabular import COLUMNS, csv_template, export_json, read_csv, read_json, row_to_json

FIXTURES = Path(__file__).parent / "fixtures"


def write_csv(path: Path, rows: list[dict[str, str]], header: tuple[str, ...] = COLUMNS) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def example(**changes: str) -> dict[str, str]:
    row = next(csv.DictReader(io.StringIO(csv_template())))
    row.update(changes)
    return row


def test_template_reads_back_as_one_visit(tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    path.write_text(csv_template())
    [row] = list(read_csv(path))
    assert isinstance(row, VisitRow)
    assert row.visitors == [PersonRef("Kamran Aliyev", "Prosecutor General", "AZ")]
    assert (row.destination_country, row.destination_city, row.kind) == ("TJ", "Dushanbe", "working")
    assert row.start_date == datetime.date(2024, 5, 18) and row.source_line == 2
    assert row.meetings[0].participants[1] == PersonRef("Yusuf Rahmon", "Prosecutor General", "TJ")


def test_wrong_header_is_a_file_error_listing_expected_and_found(tmp_path: Path) -> None:
    header = tuple(c if c != "start_date" else "date" for c in COLUMNS)
    path = write_csv(tmp_path / "bad.csv", [], header)
    [error] = list(read_csv(path))
    assert isinstance(error, FileError) and error.code == "bad-header"
    assert "missing start_date" in error.message
    assert "expected columns: external_scheme" in error.message and "found: " in error.message


def test_bad_cells_are_row_errors_with_line_and_column(tmp_path: Path) -> None:
    rows = [
        example(external_id="1"),
        example(external_id="2", start_date="2021-02-30"),
        example(external_id="3", destination_country="Atlantis"),
        example(external_id="4", kind="holiday"),
        example(external_id="5", meetings="[{"),
    ]
    items = list(read_csv(write_csv(tmp_path / "v.csv", rows)))
    assert [i.external_id for i in items if isinstance(i, VisitRow)] == ["1"]
    errors = [(e.line, e.record_id, e.column) for e in items if isinstance(e, RowError)]
    assert errors == [
        (3, "2", "start_date"),
        (4, "3", "destination_country"),
        (5, "4", "kind"),
        (6, "5", "meetings"),
    ]
    assert all(f"line {e.line}, column {e.column}" in e.message for e in items if isinstance(e, RowError))


def test_cp1252_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    text = csv_template().replace("Kamran Aliyev", "José Müller")
    path.write_bytes(text.encode("cp1252"))
    warning, row = list(read_csv(path))
    assert (
        isinstance(warning, ReadWarning)
        and warning.code == "encoding-fallback"
        and "cp1252" in warning.message
    )
    assert isinstance(row, VisitRow) and row.visitors[0].name == "José Müller"


def test_utf8_bom_csv_reads_without_warning(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_template().replace("Kamran", "Kamrân").encode("utf-8"))
    [row] = list(read_csv(path))
    assert isinstance(row, VisitRow) and row.visitors[0].name == "Kamrân Aliyev"


def test_month_precision_is_inferred_from_a_partial_date(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [example(start_date="2024-05", end_date="", date_precision="")])
    [row] = list(read_csv(path))
    assert row.start_date == datetime.date(2024, 5, 1) and row.date_precision == "month"


def test_json_reads_flat_rows_with_meetings_list(tmp_path: Path) -> None:
    flat = example()
    flat["meetings"] = json.loads(flat["meetings"])
    path = tmp_path / "v.json"
    path.write_text(json.dumps([flat, {"external_scheme": "x"}]))
    row, error = list(read_json(path))
    assert isinstance(row, VisitRow) and len(row.meetings[0].participants) == 2
    assert isinstance(error, RowError) and error.column == "external_id" and "visit #2" in error.message


def test_archive_export_round_trips_losslessly(tmp_path: Path) -> None:
    rows = [i for i in read_hsg(FIXTURES / "bush-george-w.xml") if isinstance(i, VisitRow)]
    rows.append(
        VisitRow(
            external_scheme="manual",
            external_id="m1",
            visitors=[PersonRef(None, "Foreign Minister", "TJ")],
            origin_country="TJ",
            destination_country="AZ",
            destination_city=None,
            start_date=datetime.date(2024, 1, 1),
            end_date=None,
            date_precision="year",
            kind="official",
            status="planned",
            purpose="Talks",
            summary="Line one.\n\nLine two.",
            meetings=[MeetingRow([PersonRef("A B", None, None)], None, None, None, "Plenary")],
            organisations=["ECO"],
        )
    )
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_json(rows)))
    back = list(read_json(path))
    assert back == rows
    assert [row_to_json(r) for r in back] == [row_to_json(r) for r in rows]


def test_unknown_export_format_is_a_file_error(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text(json.dumps({"format": "visits-archive/9", "visits": []}))
    [error] = list(read_json(path))
    assert isinstance(error, FileError) and error.code == "bad-format"
