"""`manage.py extract FILE...`: print the parser's extraction as JSON Lines, touching no database."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from visits.extraction import extract_file


class Command(BaseCommand):
    help = "Extract visits, meetings, officials and organisations from article files (JSON, .txt, .html)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files: list[Path], **options) -> None:
        """Print one JSON object per file, in input order."""
        failed = 0
        for path in files:
            try:
                record = extract_file(path)
            except (OSError, ValueError) as exc:
                failed += 1
                self.stderr.write(f"{path}: {exc}")
                record = {
                    "file": str(path),
                    "error": str(exc),
                    "officials": [],
                    "organisations": [],
                    "visits": [],
                    "meetings": [],
                }
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        if failed == len(files):
            raise CommandError("No file could be read.")
