"""The common app: shared pieces, the deletions feed that incremental sync reads, and the data version."""

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

from common.versioning import data_version_bump  # no models: safe while apps load

# The apps whose rows pages, exports and the API show: any change to them moves the data version on.
ARCHIVE_APPS = frozenset({"common", "visits", "people", "orgs"})
# Rows of those apps that no page or API answer shows: readers' suggestions (an anonymous reader's
# post must not empty everyone's cache) and import jobs (their progress is saved every few hundred rows;
# the import itself bumps the version).
NOT_SHOWN = frozenset({"visits.Suggestion", "visits.ImportJob"})


def bump_on_change(sender: type, **kwargs: Any) -> None:
    """post_save / post_delete / m2m_changed: a row of the archive changed, so cached answers are old."""
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed fires before and after
        return
    data_version_bump(using=kwargs.get("using"))


class CommonConfig(AppConfig):
    name = "common"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The uses of signals in the archive, both because only signals see every write:
        # - a deletion feed that misses a cascade or an admin bulk delete would make every client's copy
        #   wrong, and only post_delete sees them all;
        # - the data version (common/versioning.py) keys every cached answer: a save through admin, the
        #   API, a service, a cascade or a many-to-many change that did not bump it would leave a stale
        #   answer. Writes that send no signal (update(), bulk_create) bump it where they happen.
        from common.deletions import TRACKED, record_deletion

        for label in TRACKED:
            post_delete.connect(record_deletion, sender=label, dispatch_uid=f"deletion-{label}")
        # Connected per model (a receiver for every sender would cost other models Django's fast
        # delete); historical copies are left out: their save comes with the record's own.
        for app in ARCHIVE_APPS:
            for model in self.apps.get_app_config(app).get_models(include_auto_created=True):
                if hasattr(model, "instance_type") or model._meta.label in NOT_SHOWN:
                    continue
                label = model._meta.label
                post_save.connect(bump_on_change, sender=model, dispatch_uid=f"data-version-save-{label}")
                post_delete.connect(bump_on_change, sender=model, dispatch_uid=f"data-version-del-{label}")
                m2m_changed.connect(bump_on_change, sender=model, dispatch_uid=f"data-version-m2m-{label}")
