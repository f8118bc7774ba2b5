"""manage.py ingest PATH...: import visit files (HSG XML, CSV, JSON) and articles in one transaction."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from visits.importers import READERS
from visits.services.imports import ImportReport, batch_import, files_read
from visits.services.trips import trips_rebuild


class Command(BaseCommand):
    help = (
        "Import files, directories (walked recursively) or zips of visit records and articles, in one "
        "transaction; exits 1 with the rejected records listed when any record is rejected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=sorted(READERS), help="Skip detection: read every file so.")
        parser.add_argument("--dry-run", action="store_true", help="Do everything, then roll back.")
        parser.add_argument(
            "--skip-rejected",
            action="store_true",
            help="Import the valid records and skip the rejected ones (default: import nothing).",
        )
        parser.add_argument("--progress", action="store_true", help="Show a progress bar even without a TTY.")

    def handle(self, *args, **options) -> None:
        """Read, write (or preview) and print what was done per model."""
        started = time.monotonic()
        batch = files_read(options["paths"], format=options["format"])
        show = options["progress"] or sys.stderr.isatty()
        report = batch_import(
            batch=batch,
            dry_run=options["dry_run"],
            skip_rejected=options["skip_rejected"],
            progress=self._bar if show else None,
        )
        if show:
            sys.stderr.write("\n")
        if report.committed and not report.dry_run:
            self.stdout.write(f"trips: {trips_rebuild()}")
        self._summary(report, time.monotonic() - started)
        if report.rejections:
            for problem in report.rejections:
                self.stderr.write(problem.message)
            outcome = "the valid ones were imported" if report.committed else "nothing was imported"
            raise CommandError(f"{len(report.rejections)} rejected; {outcome}.")

    def _bar(self, done: int, total: int) -> None:
        width = 40
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        sys.stderr.flush()

    def _summary(self, report: ImportReport, seconds: float) -> None:
        mode = (
            "dry run, rolled back" if report.dry_run else ("committed" if report.committed else "not written")
        )
        self.stdout.write(f"{len(report.files)} files, {report.rows} records, {seconds:.1f} s ({mode})")
        outcomes = ("created", "updated", "unchanged", "deleted", "rejected")
        self.stdout.write(f"{'':22}" + "".join(f"{o:>11}" for o in outcomes))
        for model, counter in sorted(report.counts.items()):
            self.stdout.write(f"{model:22}" + "".join(f"{counter.get(o, 0):>11}" for o in outcomes))
        for warning in report.warnings:
            self.stdout.write(f"warning: {warning.message}")
