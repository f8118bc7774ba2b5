"""Import jobs uploaded in admin: preview, run (in a worker when large), and progress while they run."""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import asdict
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.utils import timezone

from visits.models import ImportJob
from visits.services.imports import Progress, files_import
from visits.services.trips import trips_rebuild

# Editors see progress and the work moves to a Celery worker past any of these. A zip's articles are
# counted from its directory before anything is inflated: a few hundred cost a web worker seconds.
LARGE_FILE_BYTES = 2 * 1024 * 1024
LARGE_FILE_ROWS = 2_000
LARGE_ZIP_MEMBERS = 200
# An upload waiting for its confirm is kept this long, then deleted (the sweep task runs daily).
PREVIEW_KEPT = datetime.timedelta(days=7)


def _job_progress(job_id: int) -> tuple[Progress | None, Any]:
    """A progress callback that the page polling the job can see while the import's transaction is open.

    PostgreSQL: written through a second connection, committed at once. SQLite allows one writer at a
    time, so there the progress shows only when the transaction ends.
    """
    if connection.vendor != "postgresql":
        return None, None
    side = connections.create_connection(DEFAULT_DB_ALIAS)
    table = ImportJob._meta.db_table

    def report(done: int, total: int) -> None:
        with side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET progress_done = %s, progress_total = %s WHERE id = %s",  # noqa: S608
                [done, total, job_id],
            )

    return report, side


def import_job_run(*, job_id: int, dry_run: bool = False, skip_rejected: bool = False) -> ImportJob:
    """Preview (dry run) or run the import of a job's uploaded file, keeping the outcome on the job."""
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING, progress_done=0)
    progress, side = _job_progress(job_id)
    try:
        report = files_import(
            paths=[job.file.path],
            format=job.format or None,
            dry_run=dry_run,
            skip_rejected=skip_rejected,
            progress=progress,
        )
    except Exception as exc:  # the job records any failure; the transaction has already rolled back
        job.status, job.errors = ImportJob.Status.FAILED, [{"message": job_error_message(exc)}]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "errors", "finished_at"])
        _discard_file(job)
        raise
    finally:
        if side is not None:
            side.close()
    job.summary, job.errors = report.to_dict(), [asdict(p) for p in report.rejections]
    job.progress_done = job.progress_total = report.rows
    if dry_run:
        job.status = ImportJob.Status.PREVIEW
    else:
        job.status = ImportJob.Status.DONE if report.committed else ImportJob.Status.FAILED
        job.finished_at = timezone.now()
        if report.committed:
            trips_rebuild()  # an import's consecutive legs become trips, as `manage.py ingest` does
    job.save()
    if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        _discard_file(job)
    return job


def import_job_confirm(*, job_id: int) -> bool:
    """Take a previewed job for its run; False when it was not waiting (another confirm took it)."""
    taken = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.PREVIEW).update(
        status=ImportJob.Status.QUEUED, progress_done=0
    )
    return bool(taken)


def import_jobs_expire(*, older_than: datetime.timedelta = PREVIEW_KEPT) -> int:
    """Previews nobody confirmed in time give up their uploads (the preview stays readable); how many."""
    cutoff = timezone.now() - older_than
    expired = 0
    for job in ImportJob.objects.filter(status=ImportJob.Status.PREVIEW, created_at__lt=cutoff).exclude(
        file=""
    ):
        _discard_file(job)
        message = (
            "The preview expired unconfirmed and its file was deleted; upload the file again to import it."
        )
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED, errors=[{"message": message}]
        )
        expired += 1
    return expired


def job_error_message(exc: BaseException) -> str:
    """What an editor is told of a failed import: the cause in words, no SQL or constraint names."""
    text = str(exc)
    if isinstance(exc, RecursionError):
        return "The file is nested too deeply to read."
    if isinstance(exc, DatabaseError | ValueError) and ("NUL" in text or "0x00" in text):
        return "The file contains a NUL character (0x00), which the archive cannot store; remove it."
    if isinstance(exc, DatabaseError):
        return "The import could not be written (a database error); nothing was imported."
    if isinstance(exc, UnicodeError | LookupError):
        return "The file's text could not be decoded; save it as UTF-8 and upload it again."
    return f"{type(exc).__name__}: {text}"[:1000]


def _discard_file(job: ImportJob) -> None:
    """A finished job's upload is deleted (its outcome stays on the job); a preview keeps it to confirm."""
    if job.file:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")


def job_is_large(job: ImportJob) -> bool:
    """Large uploads run on a Celery worker, with progress on the job."""
    if not job.file:
        return False
    rows = (job.summary or {}).get("rows", 0)
    return job.file.size > LARGE_FILE_BYTES or rows > LARGE_FILE_ROWS or _zip_members(job) > LARGE_ZIP_MEMBERS


def _zip_members(job: ImportJob) -> int:
    if not job.file.name.lower().endswith(".zip"):
        return 0
    try:
        with zipfile.ZipFile(job.file.path) as archive:
            return len(archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return 0  # the reader reports the damage
