"""Admin pages for editors to import a file: upload, preview (a dry run), confirm; large files on Celery."""

import logging
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from kombu.exceptions import KombuError

from visits.archive import archive_json_chunks
from visits.importers import READERS
from visits.importers.tabular import csv_template
from visits.models import ImportJob
from visits.services.jobs import import_job_confirm, import_job_run, job_is_large
from visits.tasks import run_import_job

OUTCOMES = ("created", "updated", "unchanged", "deleted", "rejected")
log = logging.getLogger(__name__)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        help_text="HSG XML, CSV (see the template), JSON, or articles (.txt, .html, .json, .zip)."
    )
    format = forms.ChoiceField(
        choices=[("", "Detect from the file")] + [(name, name) for name in sorted(READERS)], required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(f"{upload.name}: larger than {settings.IMPORT_MAX_BYTES} bytes.")
        return upload


def import_urls(model_admin: admin.ModelAdmin) -> list[URLPattern]:
    """The import pages, mounted under the ImportJob admin."""
    wrap = model_admin.admin_site.admin_view
    return [
        path("import/", wrap(upload_view(model_admin)), name="visits_importjob_import"),
        path("import/template.csv", wrap(template_view), name="visits_importjob_template"),
        path("export/archive.json", wrap(archive_view(model_admin)), name="visits_importjob_export"),
        path("import/<int:pk>/", wrap(job_view(model_admin)), name="visits_importjob_job"),
    ]


def _context(model_admin: admin.ModelAdmin, request: HttpRequest, **extra) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": ImportJob._meta, **extra}


def _start(job: ImportJob, *, dry_run: bool, skip_rejected: bool = False) -> None:
    """Run inline when small; queue on Celery (after commit) when large, and let the page poll.

    An inline run that fails has its reason kept on the job, which the job page shows.
    """
    if job_is_large(job):
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.QUEUED, progress_done=0)
        transaction.on_commit(lambda: _queue(job.pk, dry_run=dry_run, skip_rejected=skip_rejected))
        return
    try:
        import_job_run(job_id=job.pk, dry_run=dry_run, skip_rejected=skip_rejected)
    except Exception:  # recorded on the job by import_job_run; logged here
        log.exception("Import job %s failed", job.pk)


def _queue(job_id: int, *, dry_run: bool, skip_rejected: bool) -> None:
    try:
        run_import_job.delay(job_id, dry_run=dry_run, skip_rejected=skip_rejected)
    except (KombuError, OSError, ConnectionError):
        # No broker: a confirm waits to be confirmed again, a preview says to upload again later.
        log.exception("Could not queue import job %s", job_id)
        message = "The work queue is unavailable; try again in a few minutes."
        status = ImportJob.Status.FAILED if dry_run else ImportJob.Status.PREVIEW
        ImportJob.objects.filter(pk=job_id).update(status=status, errors=[{"message": message}])


def upload_view(model_admin: admin.ModelAdmin):
    def view(request: HttpRequest) -> HttpResponse:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            job = ImportJob.objects.create(
                file=upload,
                filename=Path(upload.name).name[:300],
                format=form.cleaned_data["format"],
                created_by=request.user,
            )
            _start(job, dry_run=True)
            return HttpResponseRedirect(reverse("admin:visits_importjob_job", args=[job.pk]))
        return render(
            request,
            "admin/visits/import_upload.html",
            _context(model_admin, request, form=form, title="Import"),
        )

    return view


def job_view(model_admin: admin.ModelAdmin):
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob, pk=pk)
        if request.method == "POST":
            # Two confirms at once: one takes the job, the other is told it is under way.
            if not import_job_confirm(job_id=job.pk):
                messages.error(request, "This import is not waiting for confirmation.")
            else:
                _start(job, dry_run=False, skip_rejected=request.POST.get("action") == "import_valid")
            return HttpResponseRedirect(reverse("admin:visits_importjob_job", args=[job.pk]))
        summary = job.summary or {}
        counts = [
            (model, [counter.get(o, 0) for o in OUTCOMES])
            for model, counter in sorted((summary.get("counts") or {}).items())
        ]
        context = _context(
            model_admin,
            request,
            job=job,
            title=f"Import of {job.filename}",
            outcomes=OUTCOMES,
            counts=counts,
            rejections=summary.get("rejections") or job.errors,
            warnings=summary.get("warnings") or [],
            working=job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
            percent=100 * job.progress_done // job.progress_total if job.progress_total else 0,
        )
        return render(request, "admin/visits/import_job.html", context)

    return view


def template_view(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(csv_template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="visits-template.csv"'
    return response


def archive_view(model_admin: admin.ModelAdmin):
    def view(request: HttpRequest) -> StreamingHttpResponse:
        """The whole archive in its own JSON format: what an import of it gives back."""
        if not request.user.has_perm("visits.view_visit"):
            raise PermissionDenied
        response = StreamingHttpResponse(archive_json_chunks(), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="archive.json"'
        return response

    return view
