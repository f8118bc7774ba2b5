"""Hostile uploads in the admin import: each ends as a job with a message, never a 500; files are removed."""

import csv
import io
import json
import threading
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from visits.importers.tabular import COLUMNS, csv_template
from visits.models import ImportJob, Source, Visit


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def csv_upload(**change: str) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    row = next(csv.DictReader(io.StringIO(csv_template())))
    row.update(change)
    writer.writerow(row)
    return SimpleUploadedFile("visits.csv", out.getvalue().encode(), content_type="text/csv")


def upload(client, file) -> ImportJob:
    response = client.post(reverse("admin:visits_importjob_import"), {"file": file})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    return ImportJob.objects.get()


ARTICLE = "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        ("deep-object.json", b'{"visits": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    ],
)
def test_deeply_nested_json_fails_with_a_message(editor_client, name, data, message):
    job = upload(editor_client, SimpleUploadedFile(name, data))
    assert job.status == ImportJob.Status.FAILED
    assert message in json.dumps(job.errors)


@pytest.mark.django_db
def test_a_nul_in_a_cell_is_a_message_not_a_500(editor_client):
    job = upload(editor_client, csv_upload(purpose="Talks\x00 on transit"))
    text = json.dumps(job.errors) + json.dumps(job.summary)
    if connection.vendor == "postgresql":
        assert job.status == ImportJob.Status.FAILED
        assert "NUL character" in text
    assert "constraint" not in text and "psycopg" not in text


@pytest.mark.django_db
def test_an_html_article_declaring_punycode_is_read_by_detection(editor_client):
    page = (
        b"<html><head><meta charset='punycode'></head><body><p>"
        + ARTICLE.encode()
        + b" -9999</p></body></html>"
    )
    job = upload(editor_client, SimpleUploadedFile("a.html", page))
    assert job.status == ImportJob.Status.PREVIEW, job.errors


@pytest.mark.django_db(transaction=True)
def test_numeric_and_structured_article_fields_are_read_as_text_or_left_empty(editor_client):
    article = {"text": ARTICLE, "outlet": 5, "title": 7.5, "url": {"a": 1}, "id": [1], "published": 20240518}
    job = upload(editor_client, SimpleUploadedFile("a.json", json.dumps(article).encode()))
    assert job.status == ImportJob.Status.PREVIEW, job.errors
    editor_client.post(reverse("admin:visits_importjob_job", args=[job.pk]), {"action": "import"})
    source = Source.objects.get()
    assert (source.outlet, source.title, source.url) == ("5", "7.5", "")
    assert source.filename == "a.json" or "/" not in source.filename.split("!")[0]


@pytest.mark.django_db
def test_a_zip_inflating_far_beyond_text_is_refused_before_it_is_read(editor_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(3):
            archive.writestr(f"a{n}.txt", ARTICLE + " " * 900_000)
    job = upload(editor_client, SimpleUploadedFile("articles.zip", buffer.getvalue()))
    assert "expands" in json.dumps(job.summary) + json.dumps(job.errors)
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_a_finished_import_deletes_its_upload(editor_client, tmp_path):
    job = upload(editor_client, csv_upload())
    path = job.file.path
    assert job.status == ImportJob.Status.PREVIEW and (tmp_path / path).exists()
    editor_client.post(reverse("admin:visits_importjob_job", args=[job.pk]), {"action": "import"})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert not job.file
    assert not (tmp_path / path).exists()
    assert editor_client.get(reverse("admin:visits_importjob_job", args=[job.pk])).status_code == 200


@pytest.mark.django_db
def test_a_second_confirm_is_told_the_import_is_not_waiting(editor_client):
    job = upload(editor_client, csv_upload())
    url = reverse("admin:visits_importjob_job", args=[job.pk])
    editor_client.post(url, {"action": "import"})
    page = editor_client.post(url, {"action": "import"}, follow=True)
    assert "not waiting for confirmation" in page.content.decode()
    assert Visit.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_confirms_import_once(editor):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent requests need PostgreSQL")
    first = Client()
    first.force_login(editor)
    job = upload(first, csv_upload())
    url = reverse("admin:visits_importjob_job", args=[job.pk])
    clients = [first, Client()]
    clients[1].force_login(editor)
    start = threading.Barrier(2)
    codes = []

    def confirm(client):
        start.wait()
        try:
            codes.append(client.post(url, {"action": "import"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert codes == [302, 302]
    assert Visit.objects.count() == 1
    assert ImportJob.objects.get().status == ImportJob.Status.DONE


@pytest.mark.django_db
def test_a_preview_nobody_confirms_gives_up_its_upload_after_a_week(editor_client, tmp_path):
    import datetime

    from django.utils import timezone

    from visits.services.jobs import import_jobs_expire

    job = upload(editor_client, csv_upload())
    path = tmp_path / job.file.path
    assert import_jobs_expire() == 0 and path.exists()
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert import_jobs_expire() == 1
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and not job.file and not path.exists()
    assert "expired" in job.errors[0]["message"]


@pytest.mark.django_db
def test_a_zip_of_many_articles_is_previewed_on_a_worker_not_in_the_request(editor_client):
    from visits.services import jobs

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(jobs.LARGE_ZIP_MEMBERS + 1):
            archive.writestr(f"a{n}.txt", f"{ARTICLE} Report {n}.")
    # The queueing waits for a commit this test never makes: the request only leaves the job queued.
    response = editor_client.post(
        reverse("admin:visits_importjob_import"), {"file": SimpleUploadedFile("many.zip", buffer.getvalue())}
    )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert jobs.job_is_large(job)
    assert job.status == ImportJob.Status.QUEUED
