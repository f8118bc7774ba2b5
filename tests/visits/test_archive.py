"""The archive's own export (`manage.py export`, the admin link): a file `ingest` reads back unchanged."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from people.models import Official
from tests.factories import MeetingFactory, OfficialFactory, ParticipantFactory, VisitFactory
from visits.models import Meeting, Participant, Visit
from visits.services.imports import files_import

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple]:
    """Every visit's content with its meetings and participants, independent of database ids."""
    out = []
    for v in Visit.objects.select_related("visitor").prefetch_related("organisations").order_by("id"):
        meetings = sorted(
            (
                str(m.date),
                m.city,
                m.country.code or "",
                m.name,
                tuple(
                    sorted(
                        (p.name_as_written, p.title_as_written, p.country.code or "")
                        for p in m.participants.all()
                    )
                ),
            )
            for m in v.meetings.all()
        )
        out.append(
            (
                v.visitor.name if v.visitor_id else None,
                v.visitor_name,
                v.visitor_title,
                v.delegation,
                v.origin_country.code,
                v.destination_country.code,
                v.destination_city,
                str(v.start_date),
                str(v.end_date),
                v.start_precision,
                v.kind,
                v.status,
                v.purpose,
                v.summary,
                tuple(sorted(o.name for o in v.organisations.all())),
                tuple(meetings),
            )
        )
    return sorted(out, key=repr)


def _export(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    call_command("export", output=path, stderr=io.StringIO())
    return path


def _article_visit() -> Visit:
    """A visit an article reported: no external id, a meeting with a linked and an unresolved participant."""
    guest = OfficialFactory(name="Kamran Aliyev", country="AZ")
    visit = VisitFactory(
        visitor=guest, visitor_name="Kamran Aliyev", visitor_title="Prosecutor General", origin_country="AZ"
    )
    meeting = MeetingFactory(visit=visit, city="Dushanbe", country="TJ", name="")
    ParticipantFactory(meeting=meeting, official=guest, name_as_written="Kamran Aliyev", country="AZ")
    ParticipantFactory(meeting=meeting, official=None, name_as_written="Yusuf Rahmon", country="TJ")
    return visit


def test_an_export_ingested_into_an_empty_archive_gives_the_same_records(tmp_path):
    files_import(paths=[FIXTURES / "visits-sample.xml", FIXTURES / "bush-george-w.xml"], skip_rejected=True)
    _article_visit()
    before = snapshot()
    assert len(before) > 2
    first = _export(tmp_path, "first.json")
    document = json.loads(first.read_text())
    assert document["format"] == "visits-archive/1" and len(document["visits"]) == len(before)

    Participant.objects.all().delete()
    Meeting.objects.all().delete()
    Visit.objects.all().delete()
    Official.objects.all().delete()
    call_command("ingest", str(first), stdout=io.StringIO())

    assert snapshot() == before
    assert json.loads(_export(tmp_path, "second.json").read_text()) == document


def test_ingesting_an_export_into_the_same_archive_changes_nothing(tmp_path):
    _article_visit()
    before = snapshot()
    counts = (Visit.objects.count(), Meeting.objects.count(), Participant.objects.count())
    call_command("ingest", str(_export(tmp_path, "again.json")), stdout=io.StringIO())
    assert (Visit.objects.count(), Meeting.objects.count(), Participant.objects.count()) == counts
    assert snapshot() == before


def test_editors_download_the_archive_from_admin(client, editor):
    _article_visit()
    client.force_login(editor)
    changelist = client.get("/admin/visits/importjob/").content.decode()
    assert "Export the archive (JSON)" in changelist
    response = client.get("/admin/visits/importjob/export/archive.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(b"".join(response.streaming_content))
    assert [v["visitors"][0]["name"] for v in document["visits"]] == ["Kamran Aliyev"]


def test_the_archive_download_needs_the_right_to_view_visits(client, reader):
    reader.is_staff = True
    reader.save()
    client.force_login(reader)
    assert client.get("/admin/visits/importjob/export/archive.json").status_code in (302, 403)
