"""The admin import pages: upload, preview, confirm; large files on Celery; the CSV template."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from visits.importers.tabular import COLUMNS, csv_template
from visits.models import ImportJob, Visit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def csv_upload(*changes: dict[str, str]) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for change in changes:
        row = next(csv.DictReader(io.StringIO(csv_template())))
        row.update(change)
        writer.writerow(row)
    return SimpleUploadedFile("visits.csv", out.getvalue().encode(), content_type="text/csv")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_changelist_links_to_import_and_template(editor_client):
    page = editor_client.get(reverse("admin:visits_importjob_changelist"))
    assert reverse("admin:visits_importjob_import") in page.content.decode()
    template = editor_client.get(reverse("admin:visits_importjob_template"))
    assert template["Content-Type"].startswith("text/csv")
    assert template.content.decode() == csv_template()


def test_editor_previews_then_confirms_an_import(editor_client):
    response = editor_client.post(reverse("admin:visits_importjob_import"), {"file": csv_upload({})})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == ImportJob.Status.PREVIEW
    assert Visit.objects.count() == 0  # the preview wrote nothing
    preview = editor_client.get(response["Location"]).content.decode()
    assert "Import</button>" in preview and "<th>Visit</th><td>1</td>" in preview

    editor_client.post(response["Location"], {"action": "import"})

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_by.username == "editor"
    assert Visit.objects.get().external_id == "2024-001"


def test_preview_lists_rejections_and_offers_to_skip_them(editor_client):
    upload = csv_upload({}, {"external_id": "2", "start_date": "2021-02-30"})
    response = editor_client.post(reverse("admin:visits_importjob_import"), {"file": upload})
    page = editor_client.get(response["Location"]).content.decode()
    assert "2021-02-30" in page and "line 3" in page
    assert "skip the rejected ones" in page

    editor_client.post(response["Location"], {"action": "import_valid"})

    assert list(Visit.objects.values_list("external_id", flat=True)) == ["2024-001"]


def test_large_upload_runs_on_celery_with_progress(
    editor_client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("visits.services.jobs.LARGE_FILE_BYTES", 10)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:visits_importjob_import"), {"file": csv_upload({})})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.PREVIEW and job.summary["dry_run"]
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(response["Location"], {"action": "import"})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.progress_done, job.progress_total) == (1, 1)
    assert Visit.objects.count() == 1


def test_reader_cannot_open_the_import_page(client, reader):
    client.force_login(reader)
    response = client.get(reverse("admin:visits_importjob_import"))
    assert response.status_code == 302  # to the admin login
