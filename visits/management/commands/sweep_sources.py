"""`manage.py sweep_sources [--older-than SECONDS]`: queue again sources stuck pending or parsing."""

import datetime

from django.core.management.base import BaseCommand, CommandParser

from visits.services.sources import sources_sweep


class Command(BaseCommand):
    help = (
        "Queue again every source left pending or parsing past the deadline (a lost task, a killed "
        "worker). Celery beat runs the same sweep every minute; without a broker, run this from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=float,
            default=None,
            help="Seconds a source must have been pending or parsing (default: SOURCE_SWEEP_AFTER_SECONDS).",
        )

    def handle(self, *args, older_than: float | None, **options) -> None:
        """Sweep once and say how many sources were queued."""
        age = None if older_than is None else datetime.timedelta(seconds=older_than)
        queued = sources_sweep(older_than=age)
        self.stdout.write(f"{queued} source(s) queued again.")
