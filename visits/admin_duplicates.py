"""Likely duplicates for editors (officials and visits), scored and explained, each with a merge button."""

from django.contrib import messages
from django.contrib.admin import site
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from people.models import Official
from people.services import official_merge
from visits.duplicates import official_candidates, visit_candidates
from visits.models import Visit
from visits.services.merges import visit_merge

KINDS = {
    "officials": (Official, official_candidates, "people.change_official"),
    "visits": (Visit, visit_candidates, "visits.change_visit"),
}


@require_http_methods(["GET", "POST"])
def duplicates(request: HttpRequest) -> HttpResponse:
    """GET lists the likely duplicates of one kind; POST merges one pair (the second into the first)."""
    kind = request.GET.get("kind") if request.GET.get("kind") in KINDS else "officials"
    model, finder, permission = KINDS[kind]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    if request.method == "POST":
        keep, drop = request.POST.get("keep", ""), request.POST.get("merge", "")
        if not (keep.isdigit() and drop.isdigit()) or keep == drop:
            messages.error(request, "Choose two different records to merge.")
            return redirect(f"{request.path}?kind={kind}")
        survivor = get_object_or_404(model, pk=int(keep))
        merged = get_object_or_404(model, pk=int(drop))
        label = str(merged)
        if kind == "officials":
            official_merge(survivor=survivor, merged=merged)
        else:
            visit_merge(survivor=survivor, merged=merged, user=request.user)
        messages.success(request, f"Merged {label} into {survivor}.")
        return redirect(f"{request.path}?kind={kind}")
    context = {
        **site.each_context(request),
        "title": f"Likely duplicate {kind}",
        "kind": kind,
        "kinds": list(KINDS),
        "candidates": finder(limit=100),
        "admin_url": f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
    }
    return TemplateResponse(request, "admin/visits/duplicates.html", context)
