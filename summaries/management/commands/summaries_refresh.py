"""Rebuild the summary tables now (after a bulk load outside the app, or before a benchmark)."""

from django.core.management.base import BaseCommand

from summaries.services import rebuild


class Command(BaseCommand):
    help = "Rebuild the summary tables behind the statistics, country, pair and coverage pages."

    def handle(self, *args, **options) -> None:
        state = rebuild()
        self.stdout.write(
            f"Summaries rebuilt in {state.seconds:.1f} s, as of {state.built_at:%Y-%m-%d %H:%M:%S} UTC."
        )
