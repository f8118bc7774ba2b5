"""The common app: shared pieces, and the deletions feed that incremental sync reads."""

from django.apps import AppConfig
from django.db.models.signals import post_delete


class CommonConfig(AppConfig):
    name = "common"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The one use of signals in the archive: a deletion feed that misses a cascade or an admin bulk
        # delete would make every client's copy wrong, and only post_delete sees them all.
        from common.deletions import TRACKED, record_deletion

        for label in TRACKED:
            post_delete.connect(record_deletion, sender=label, dispatch_uid=f"deletion-{label}")
