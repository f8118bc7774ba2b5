"""`manage.py reparse --all | ID ...`: parse kept sources again with the current parser; say what changed."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from visits.models import Source
from visits.services.reparse import sources_reparse_now
from visits.services.sources import sources_reparse


class Command(BaseCommand):
    help = (
        "Re-parse kept sources: in this process with a tally (default), or queued for the workers (--queue)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="Source ids (or --all).")
        parser.add_argument("--all", action="store_true", help="Every kept source.")
        parser.add_argument("--queue", action="store_true", help="Queue the parses on Celery and return.")

    def handle(self, *args, ids: list[int], all: bool, queue: bool, **options) -> None:
        """Re-parse and print counts of records created, updated, unchanged and left to their editors."""
        if not ids and not all:
            raise CommandError("Name source ids or pass --all.")
        chosen = None if all else ids
        if queue:
            pks = list(Source.objects.values_list("pk", flat=True)) if all else ids
            self.stdout.write(f"Queued {sources_reparse(source_ids=pks)} sources.")
            return
        tally = sources_reparse_now(source_ids=chosen, progress=self._progress)
        self.stderr.write("")
        for name, count in sorted(tally.items()):
            self.stdout.write(f"{name}: {count}")

    def _progress(self, done: int, total: int) -> None:
        if done == total or done % 10 == 0:
            self.stderr.write(f"\r{done}/{total} sources", ending="")
