"""The editors' review queue: unreviewed records beside their evidence, with accept, reject and edit."""

from django.contrib import messages
from django.contrib.admin import site
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from common.countries import is_country
from common.evidence import highlight
from common.models import ReviewState
from visits.models import Evidence, Meeting, Participant, Source, Visit
from visits.services import records_review

KINDS = {"visits": Visit, "meetings": Meeting}
PAGE_SIZE = 20


# Where a record came from: machine-parsed articles are what the queue exists for, so they come first;
# records of a curated publisher's file (the Office of the Historian's) wait under their own tab.
ORIGINS = {"parsed": "Parsed from articles", "imported": "Imported or entered", "all": "All"}


def _origin(model: type, origin: str) -> Q:
    parsed = Exists(
        Evidence.objects.filter(**{model._meta.model_name: OuterRef("pk")}, source__kind=Source.Kind.ARTICLE)
    )
    if origin == "parsed":
        return Q(parsed)
    if origin == "imported":
        return ~Q(parsed)
    return Q()


def _queue(kind: str, origin: str = "parsed", country: str = ""):
    evidence = Prefetch("evidence", queryset=Evidence.objects.select_related("source"))
    model = KINDS[kind]
    records = model.objects.filter(_origin(model, origin), review_state=ReviewState.UNREVIEWED)
    if country:
        field = "country" if kind == "meetings" else "destination_country"
        records = records.filter(**{field: country})
    if kind == "meetings":
        participants = Prefetch("participants", queryset=Participant.objects.select_related("official"))
        return (
            records.select_related("visit", "visit__visitor")
            .prefetch_related(participants, evidence)
            .order_by("-created_at", "-id")
        )
    return (
        records.select_related("visitor")
        .prefetch_related(evidence, "organisations")
        .order_by("-created_at", "-id")
    )


@require_http_methods(["GET", "POST"])
@permission_required("visits.change_visit", raise_exception=True)
def review_queue(request: HttpRequest) -> HttpResponse:
    """Unreviewed visits or meetings beside their highlighted evidence; POST accepts or rejects them."""
    kind = request.GET.get("kind") if request.GET.get("kind") in KINDS else "visits"
    origin = request.GET.get("origin") if request.GET.get("origin") in ORIGINS else "parsed"
    country = request.GET.get("country", "").upper()
    country = country if is_country(country) else ""
    if request.method == "POST":
        state = request.POST.get("state")
        # isdigit() alone admits "²", which int() refuses; an id past bigint names no record.
        ids = [int(i) for i in request.POST.getlist("ids") if i.isascii() and i.isdigit() and len(i) < 19]
        if state in (ReviewState.ACCEPTED, ReviewState.REJECTED) and ids:
            records = list(KINDS[kind].objects.filter(pk__in=ids))
            count = records_review(records=records, state=state)
            messages.success(request, f"{count} {kind} marked {state}.")
        else:
            messages.error(request, "Choose at least one record and accept or reject.")
        page_number = request.GET.get("page", "1")
        page_number = page_number if page_number.isascii() and page_number.isdigit() else "1"
        return redirect(
            f"{request.path}?kind={kind}&origin={origin}&country={country}&page={page_number[:9]}"
        )
    page = Paginator(_queue(kind, origin, country), PAGE_SIZE).get_page(request.GET.get("page"))
    items = [
        {
            "record": record,
            "evidence": [
                {"source": ev.source, "pieces": _excerpt(highlight(ev.source.text, ev.spans))}
                for ev in record.evidence.all()
            ],
        }
        for record in page.object_list
    ]
    context = {
        **site.each_context(request),
        "title": "Review queue",
        "kind": kind,
        "page": page,
        "items": items,
        "counts": {
            k: m.objects.filter(_origin(m, origin), review_state=ReviewState.UNREVIEWED).count()
            for k, m in KINDS.items()
        },
        "origin": origin,
        "origins": [
            (
                name,
                label,
                KINDS[kind]
                .objects.filter(_origin(KINDS[kind], name), review_state=ReviewState.UNREVIEWED)
                .count(),
            )
            for name, label in ORIGINS.items()
        ],
        "country": country,
    }
    return TemplateResponse(request, "admin/visits/review_queue.html", context)


def _excerpt(pieces: list[tuple[str, bool]], context_chars: int = 300) -> list[tuple[str, bool]]:
    """Keep highlighted runs whole and only `context_chars` of plain text around them."""
    if not any(hit for _, hit in pieces):
        return [(pieces[0][0][: context_chars * 2] + "…", False)] if pieces else []
    out = []
    for i, (text, hit) in enumerate(pieces):
        if hit or len(text) <= context_chars * 2:
            out.append((text, hit))
            continue
        head = text[:context_chars] + " … " if i > 0 else ""
        tail = " … " + text[-context_chars:] if i < len(pieces) - 1 else ""
        out.append(((head + tail).strip() if head or tail else "…", False))
    return out
