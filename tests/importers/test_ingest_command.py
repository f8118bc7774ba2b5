"""manage.py ingest: exit code, summary, dry run."""

import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from visits.models import Visit

FIXTURES = Path(__file__).parent / "fixtures"


def ingest(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_ingest_prints_the_summary_per_model_and_a_second_run_changes_nothing():
    out, _ = ingest(str(FIXTURES / "bush-george-w.xml"))
    assert "3 records" in out and "committed" in out
    visit_line = next(line for line in out.splitlines() if line.startswith("Visit "))
    assert visit_line.split()[1:] == ["3", "0", "0", "0", "0"]

    again, _ = ingest(str(FIXTURES / "bush-george-w.xml"))
    assert next(line for line in again.splitlines() if line.startswith("Visit ")).split()[1:] == [
        "0",
        "0",
        "3",
        "0",
        "0",
    ]
    assert Visit.objects.count() == 3


@pytest.mark.django_db
def test_ingest_exits_nonzero_listing_rejections_and_writes_nothing():
    err = StringIO()
    with pytest.raises(CommandError, match="2 rejected; nothing was imported"):
        call_command("ingest", str(FIXTURES), stdout=StringIO(), stderr=err)
    assert "visits-sample.xml, line 20, id 9003" in err.getvalue()
    assert Visit.objects.count() == 0


@pytest.mark.django_db
def test_ingest_dry_run_writes_nothing():
    out, _ = ingest(str(FIXTURES / "bush-george-w.xml"), "--dry-run")
    assert "dry run, rolled back" in out
    assert Visit.objects.count() == 0


@pytest.mark.django_db
def test_wrong_csv_header_is_rejected_naming_the_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("who,where\nme,there\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(path), stdout=StringIO(), stderr=err)
    assert "bad.csv, line 1: wrong header" in err.getvalue()


@pytest.mark.django_db
def test_zip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", b"0" * (30 * 1024 * 1024))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(bomb), stdout=StringIO(), stderr=err)
    assert "bomb.zip" in err.getvalue()
