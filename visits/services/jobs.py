"""Import jobs uploaded in admin: preview, run (in a worker when large), and progress while they run."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone

from visits.models import ImportJob
from visits.services.imports import Progress, files_import

# Editors see progress and the work moves to a Celery worker past either of these.
LARGE_FILE_BYTES = 2 * 1024 * 1024
LARGE_FILE_ROWS = 2_000


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
        job.status, job.errors = ImportJob.Status.FAILED, [{"message": f"{type(exc).__name__}: {exc}"}]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "errors", "finished_at"])
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
    job.save()
    return job


def job_is_large(job: ImportJob) -> bool:
    """Large uploads run on a Celery worker, with progress on the job."""
    return job.file.size > LARGE_FILE_BYTES or (job.summary or {}).get("rows", 0) > LARGE_FILE_ROWS
