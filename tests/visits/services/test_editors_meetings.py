"""Editors own meetings as they own visit fields: a re-import or re-parse never undoes their work on them."""

from pathlib import Path

import pytest
from django.test import Client

from tests.factories import OfficialFactory
from visits.models import Meeting, Participant
from visits.services.imports import files_import
from visits.services.records import extraction_apply
from visits.services.sources import source_create

FIXTURES = Path(__file__).resolve().parents[2] / "importers" / "fixtures"
pytestmark = pytest.mark.django_db

ARTICLE = "Kamran Aliyev arrived in Dushanbe. He met Yusuf Rahmon and Ali Bek."
EXTRACTION = {
    "officials": [{"name": "Kamran Aliyev", "country": "AZ"}, {"name": "Yusuf Rahmon", "country": "TJ"}],
    "visits": [{"visitor": "Kamran Aliyev", "destination_country": "TJ", "start_date": "2024-05-18"}],
    "meetings": [{"participants": ["Kamran Aliyev", "Yusuf Rahmon", "Ali Bek"], "date": "2024-05-18"}],
}


def _apply() -> None:
    source, _ = source_create(text=ARTICLE)
    extraction_apply(source=source, extraction=EXTRACTION)


def _as_editor(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def test_a_participant_an_editor_removed_stays_removed_on_reparse(editor):
    _apply()
    meeting = Meeting.objects.get()
    participant = meeting.participants.get(name_as_written="Ali Bek")
    # Admin's inline formset deletes the row and marks the meeting edited (as CuratedAdmin does).
    participant.delete()
    meeting.edited_fields = ["participants"]
    meeting.save()
    _apply()
    assert sorted(Meeting.objects.get().participants.values_list("name_as_written", flat=True)) == [
        "Kamran Aliyev",
        "Yusuf Rahmon",
    ]


def test_a_meeting_an_editor_deleted_is_not_brought_back_by_a_reparse(editor):
    _apply()
    meeting = Meeting.objects.get()
    response = _as_editor(editor).post(f"/admin/visits/meeting/{meeting.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    _apply()
    assert not Meeting.objects.exists()


def test_a_reimport_keeps_an_editors_renamed_meeting_and_its_people(editor):
    files_import(paths=[FIXTURES / "visits-sample.xml"], skip_rejected=True)
    meeting = Meeting.objects.filter(participants__isnull=False).first()
    count = Meeting.objects.count()
    meeting.name = "Talks renamed by an editor"
    meeting.participants.all().delete()
    Participant.objects.create(meeting=meeting, official=OfficialFactory(), name_as_written="Someone Else")
    meeting.edited_fields = ["name", "participants"]
    meeting.save()
    files_import(paths=[FIXTURES / "visits-sample.xml"], skip_rejected=True)
    assert Meeting.objects.count() == count
    meeting.refresh_from_db()
    assert meeting.name == "Talks renamed by an editor"
    assert list(meeting.participants.values_list("name_as_written", flat=True)) == ["Someone Else"]


def test_a_reimport_does_not_bring_back_a_meeting_an_editor_deleted(editor):
    files_import(paths=[FIXTURES / "visits-sample.xml"], skip_rejected=True)
    count = Meeting.objects.count()
    meeting = Meeting.objects.first()
    _as_editor(editor).post(f"/admin/visits/meeting/{meeting.pk}/delete/", {"post": "yes"})
    files_import(paths=[FIXTURES / "visits-sample.xml"], skip_rejected=True)
    assert Meeting.objects.count() == count - 1
