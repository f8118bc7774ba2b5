"""The import service: one transaction, idempotent, editor changes kept, people resolved once."""

import csv
import datetime
import io
from pathlib import Path

import pytest

from people.models import Identifier, Official
from visits.importers.rows import MeetingRow, PersonRef, VisitRow
from visits.importers.tabular import COLUMNS, csv_template
from visits.models import Meeting, Participant, Source, Visit
from visits.services.imports import ReadBatch, batch_import, files_import

FIXTURES = Path(__file__).resolve().parents[2] / "importers" / "fixtures"


def example(**changes: str) -> dict[str, str]:
    row = next(csv.DictReader(io.StringIO(csv_template())))
    row.update(changes)
    return row


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def row(external_id: str, visitor: PersonRef, start: datetime.date, **kw) -> VisitRow:
    values = {
        "origin_country": visitor.country,
        "destination_country": "US",
        "destination_city": None,
        "end_date": None,
    }
    values.update(kw)
    return VisitRow("test", external_id, [visitor], start_date=start, **values)


@pytest.mark.django_db
def test_csv_row_becomes_a_visit_with_its_meeting_people_and_posts(tmp_path):
    report = files_import(paths=[write_csv(tmp_path / "v.csv", [example()])])

    assert report.committed and not report.rejections
    visit = Visit.objects.get(external_scheme="my-office", external_id="2024-001")
    assert (visit.visitor.name, visit.visitor.country.code) == ("Kamran Aliyev", "AZ")
    assert visit.visitor_position.title == "Prosecutor General"
    assert (visit.destination_country.code, visit.destination_city, visit.kind) == (
        "TJ",
        "Dushanbe",
        "working",
    )
    assert visit.summary == "Met with Prosecutor General Yusuf Rahmon."
    meeting = visit.meetings.get()
    assert sorted(meeting.participants.values_list("official__name", "role")) == [
        ("Kamran Aliyev", "guest"),
        ("Yusuf Rahmon", "host"),
    ]


@pytest.mark.django_db
def test_reimporting_the_same_file_changes_nothing(tmp_path):
    paths = [FIXTURES / "bush-george-w.xml", write_csv(tmp_path / "v.csv", [example()])]
    first = files_import(paths=paths)
    counts = (
        Visit.objects.count(),
        Meeting.objects.count(),
        Participant.objects.count(),
        Official.objects.count(),
    )

    second = files_import(paths=paths)

    assert first.counts["Visit"]["created"] == 4
    assert second.changed == 0
    assert second.counts["Visit"]["unchanged"] == 4
    assert counts == (
        Visit.objects.count(),
        Meeting.objects.count(),
        Participant.objects.count(),
        Official.objects.count(),
    )


@pytest.mark.django_db
def test_corrected_reimport_updates_what_changed_and_keeps_editor_changes(tmp_path):
    files_import(paths=[write_csv(tmp_path / "v.csv", [example()])])
    visit = Visit.objects.get()
    visit.summary, visit.edited_fields = "Checked by an editor.", ["summary"]
    visit.save()

    corrected = example(destination_city="Khujand", summary="A corrected summary.")
    report = files_import(paths=[write_csv(tmp_path / "v.csv", [corrected])])

    visit.refresh_from_db()
    assert report.counts["Visit"]["updated"] == 1
    assert visit.destination_city == "Khujand"
    assert visit.summary == "Checked by an editor."


@pytest.mark.django_db
def test_a_rejected_row_rolls_back_everything_by_default(tmp_path):
    path = write_csv(
        tmp_path / "v.csv", [example(), example(external_id="2024-002", start_date="2021-02-30")]
    )

    report = files_import(paths=[path])

    assert not report.committed
    assert Visit.objects.count() == 0 and Official.objects.count() == 0
    [problem] = report.rejections
    assert (problem.file, problem.line, problem.record_id) == (str(path), 3, "2024-002")
    assert "2021-02-30" in problem.message


@pytest.mark.django_db
def test_skipping_rejected_rows_imports_the_valid_ones(tmp_path):
    path = write_csv(
        tmp_path / "v.csv", [example(), example(external_id="2", destination_country="Atlantis")]
    )

    report = files_import(paths=[path], skip_rejected=True)

    assert report.committed
    assert list(Visit.objects.values_list("external_id", flat=True)) == ["2024-001"]
    assert "Atlantis" in report.rejections[0].message


@pytest.mark.django_db
def test_dry_run_writes_nothing_but_counts_what_it_would_do(tmp_path):
    report = files_import(paths=[FIXTURES / "bush-george-w.xml"], dry_run=True)

    assert report.counts["Visit"]["created"] == 3 and report.counts["Official"]["created"] > 1
    assert not report.committed
    assert Visit.objects.count() == Official.objects.count() == Meeting.objects.count() == 0


@pytest.mark.django_db
def test_bad_records_are_listed_with_file_line_and_id_and_nothing_is_written():
    report = files_import(paths=[FIXTURES / "bush-george-w.xml", FIXTURES / "visits-sample.xml"])

    assert not report.committed and Visit.objects.count() == 0
    reasons = {(p.line, p.record_id, p.code) for p in report.rejections}
    assert reasons == {(20, "9003", "bad-date"), (28, "9004", "unknown-country")}


@pytest.mark.django_db
def test_truncated_xml_names_the_file_and_writes_nothing(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes((FIXTURES / "bush-george-w.xml").read_bytes()[:700])

    report = files_import(paths=[FIXTURES / "bush-george-w.xml", broken])

    assert not report.committed and Visit.objects.count() == 0
    assert "broken.xml" in report.rejections[0].message


@pytest.mark.django_db
def test_a_traveller_is_one_official_across_all_trips():
    files_import(paths=[FIXTURES / "bush-george-w.xml"])

    bush = Identifier.objects.get(scheme="hsg", value="bush-george-w").official
    assert set(Visit.objects.values_list("visitor", flat=True)) == {bush.pk}
    assert bush.positions.get().title == "President"


@pytest.mark.django_db
def test_surname_alone_joins_the_namesake_who_held_the_title_then_and_never_guesses():
    elder = PersonRef("George H.W. Bush", "President", "US", key="hsg:bush-george-h-w")
    younger = PersonRef("George W. Bush", "President", "US", key="hsg:bush-george-w")
    churchill = PersonRef("Winston Churchill", "Prime Minister", "GB")
    rows = [
        row("1", elder, datetime.date(1990, 5, 1), destination_country="FR"),
        row("2", younger, datetime.date(2005, 5, 1), destination_country="FR"),
        row("3", churchill, datetime.date(1952, 1, 5)),
        row("4", PersonRef("Churchill", "Prime Minister", "GB"), datetime.date(1954, 6, 25)),
        row("5", PersonRef("Bush", "President", "US"), datetime.date(1991, 3, 1), destination_country="GB"),
        row(
            "6",
            PersonRef("Bush", "Vice President", "US"),
            datetime.date(1984, 3, 1),
            destination_country="GB",
        ),
        row(
            "7",
            PersonRef("Helmut Kohl", "Chancellor", "DE"),
            datetime.date(2002, 3, 1),
            meetings=[MeetingRow([PersonRef("Bush", "President")], country="US")],
        ),
    ]

    report = batch_import(batch=ReadBatch(rows=rows))

    assert report.committed
    visitors = dict(Visit.objects.values_list("external_id", "visitor__name"))
    assert visitors["4"] == "Winston Churchill"
    assert visitors["5"] == "George H.W. Bush"
    assert visitors["6"] is None  # two Bushes, neither known as Vice President: kept as written
    assert Visit.objects.get(external_id="6").visitor_name == "Bush"
    assert Participant.objects.get(name_as_written="Bush").official.name == "George W. Bush"
    assert Official.objects.filter(name_key__endswith="bush").count() == 2


@pytest.mark.django_db
def test_articles_become_sources_and_get_parsed(tmp_path, django_capture_on_commit_callbacks):
    article = tmp_path / "a.txt"
    article.write_text(
        "Prosecutor General Kamran Aliyev of Azerbaijan visited Dushanbe on 18 May 2024 and met "
        "Prosecutor General Yusuf Rahmon of Tajikistan.",
        encoding="utf-8",
    )

    with django_capture_on_commit_callbacks(execute=True):
        report = files_import(paths=[article])

    assert report.counts["Source"]["created"] == 1
    assert Source.objects.get().status in (Source.Status.PARSED, Source.Status.FAILED)
    assert Source.objects.get().parsed_at is not None
    assert files_import(paths=[article]).counts["Source"]["unchanged"] == 1


HSG = Path(__file__).resolve().parents[4] / "shared" / "data" / "hsg"


@pytest.mark.slow
@pytest.mark.skipif(not HSG.is_dir(), reason="the HSG data set is not on this machine")
@pytest.mark.django_db
def test_whole_hsg_set_gives_55_officials_for_the_55_travellers():
    report = files_import(paths=[HSG])

    assert report.committed and not report.rejections
    assert report.counts["Visit"]["created"] == 7535
    travellers = Visit.objects.filter(external_scheme="hsg-travel").values("visitor").distinct()
    assert travellers.count() == 55
    assert Identifier.objects.filter(scheme="hsg").values("official").distinct().count() == 55
