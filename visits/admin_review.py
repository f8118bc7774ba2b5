"""The editors' review queue: records beside their evidence, filtered, counted, accepted or rejected in bulk.

Machine-parsed records (from articles) come first; records of a curated publisher's file enter as
"imported" and wait under their own state, not in the way. What is listed: visits/review_queue.py.
"""

from django.contrib import messages
from django.contrib.admin import site
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from common.evidence import highlight
from common.models import ReviewState
from visits.review_queue import (
    SOURCES,
    STATES,
    QueueFilters,
    matching,
    outlets,
    page_records,
    source_counts,
    state_counts,
    waiting_counts,
)
from visits.services import records_review

PAGE_SIZE = 20
# The state an editor gives, and the verb of its button.
VERDICTS = {ReviewState.ACCEPTED: "accept", ReviewState.REJECTED: "reject"}


@require_http_methods(["GET", "POST"])
@permission_required("visits.change_visit", raise_exception=True)
def review_queue(request: HttpRequest) -> HttpResponse:
    """Records in one review state beside their highlighted evidence; POST accepts or rejects in bulk."""
    filters = QueueFilters.read(request.GET)
    if request.method == "POST":
        _review(request, filters)
        page_number = request.GET.get("page", "1")
        page_number = page_number if page_number.isascii() and page_number.isdigit() else "1"
        return redirect(f"{request.path}?{filters.query()}&page={page_number[:9]}")
    states = state_counts(filters)
    paginator = Paginator(page_records(filters), PAGE_SIZE)
    paginator.__dict__["count"] = states[filters.state][1]  # known already: the paginator need not count
    page = paginator.get_page(request.GET.get("page"))
    items = [{"record": record, "evidence": _evidence(record)} for record in page.object_list]
    context = {
        **site.each_context(request),
        "title": "Review queue",
        "filters": filters,
        "kind": filters.kind,
        "page": page,
        "items": items,
        "matched": states[filters.state][1],
        "states": [(name, label, *states[name], filters.query(state=name)) for name, label in STATES.items()],
        "sources": _sources(filters),
        "outlets": outlets(),
        "kinds": [
            (name, name.capitalize(), count, filters.query(kind=name))
            for name, count in waiting_counts(filters, states[ReviewState.UNREVIEWED][0]).items()
        ],
        "query": filters.query(),
        "verdicts": VERDICTS,
    }
    return TemplateResponse(request, "admin/visits/review_queue.html", context)


def _sources(filters: QueueFilters) -> list[tuple[str, str, int, str]]:
    counts = source_counts(filters)
    return [(name, label, counts[name], filters.query(source=name)) for name, label in SOURCES.items()]


def _review(request: HttpRequest, filters: QueueFilters) -> None:
    """Accept or reject the selected records, or every record the filters match, in one transaction."""
    state, _, scope = request.POST.get("action", "").partition(":")
    if state not in VERDICTS:
        messages.error(request, "Choose to accept or reject.")
        return
    noun = filters.kind
    if scope == "matching":
        records = matching(filters)
        total = records.count()
        what = f"all {total} matching {noun}"
    else:
        # isdigit() alone admits "²", which int() refuses; an id past bigint names no record.
        ids = [int(i) for i in request.POST.getlist("ids") if i.isascii() and i.isdigit() and len(i) < 19]
        if not ids:
            messages.error(request, "Choose at least one record, or act on all matching records.")
            return
        records = filters.model.objects.filter(pk__in=ids)
        total = records.count()
        what = f"{total} selected {noun}"
    changed = records_review(records=records, state=state, user=request.user)
    note = f" ({total - changed} already were)" if changed < total else ""
    messages.success(request, f"{changed} {noun} marked {state}, of {what}{note}.")


def _evidence(record) -> list[dict]:
    """The record's evidence, highlighted; for a meeting without its own, its visit's (marked as such)."""
    own = [(ev, False) for ev in record.evidence.all()]
    if not own and getattr(record, "visit", None) is not None:
        own = [(ev, True) for ev in record.visit.evidence.all()]
    return [
        {"source": ev.source, "of_visit": of_visit, "pieces": _excerpt(highlight(ev.source.text, ev.spans))}
        for ev, of_visit in own
    ]


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
