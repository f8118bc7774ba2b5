"""`manage.py export [--output FILE]`: the whole archive in its own JSON format, which `ingest` reads back."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from visits.archive import archive_json_chunks


class Command(BaseCommand):
    help = "Write every visit with its meetings and participants as the archive's JSON (see `ingest`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", type=Path, help="File to write (default: standard output).")

    def handle(self, *args, output: Path | None, **options) -> None:
        """Stream the export to the file or to standard output."""
        if output is None:
            for piece in archive_json_chunks():
                sys.stdout.write(piece)
            return
        with output.open("w", encoding="utf-8") as handle:
            for piece in archive_json_chunks():
                handle.write(piece)
        self.stderr.write(f"Wrote {output}")
