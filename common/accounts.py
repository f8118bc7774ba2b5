"""The editors' group: who may correct records in admin and write through the API."""

from django.contrib.auth.models import Group, Permission

EDITOR_APPS = ("orgs", "people", "visits", "authtoken")


def editors_group() -> Group:
    """The "Editors" group with every permission on the archive's own models (created on first use)."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    return group
