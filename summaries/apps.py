from django.apps import AppConfig


class SummariesConfig(AppConfig):
    name = "summaries"
    verbose_name = "Summaries"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every move of the data version (common/versioning.py) may queue a rebuild of the summaries.
        from common.versioning import on_bump
        from summaries.services import schedule_refresh

        on_bump(schedule_refresh)
