"""`manage.py load_demo`: the seed article, the records an editor entered for it, and an editor account."""

import datetime
import json
import os
import secrets
from pathlib import Path

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from common.accounts import editors_group
from common.models import ReviewState
from common.versioning import data_version_bump
from visits.models import Source
from visits.services import extraction_apply, source_create

SEED = Path(__file__).resolve().parents[2] / "demo" / "seed.json"


class Command(BaseCommand):
    help = "Load the demo records (idempotent) and create the editor account."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        """Load the seed source and its editor-entered records; print the editor's login."""
        seed = json.loads(SEED.read_text(encoding="utf-8"))
        article = seed["article"]
        source, created = source_create(
            text=article["text"],
            url=article.get("url") or "",
            outlet=article.get("outlet") or "",
            published=datetime.date.fromisoformat(article["published"]),
            title=article.get("title") or "",
            kind=Source.Kind.EDITOR,
        )
        result = extraction_apply(
            source=source, extraction=seed["records"], review_state=ReviewState.ACCEPTED
        )
        Source.objects.filter(pk=source.pk).update(status=Source.Status.PARSED)
        data_version_bump()  # a bulk update sends no signal
        self.stdout.write(
            f"Demo: source {'created' if created else 'already there'}; "
            f"{len(result.visits)} visit(s), {len(result.meetings)} meeting(s), "
            f"{len(result.officials)} official(s)."
        )
        self._editor()

    def _editor(self) -> None:
        password = os.environ.get("ADMIN_PASSWORD") or ""
        user = User.objects.filter(username="editor").first()
        if user and not password:
            self.stdout.write("Editor account: editor (password unchanged; set ADMIN_PASSWORD to reset it).")
            return
        password = password or secrets.token_urlsafe(12)
        user = user or User(username="editor", email="editor@example.org")
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.add(editors_group())
        self.stdout.write(f"Editor account: editor / {password}  (http://127.0.0.1:8000/admin/)")
