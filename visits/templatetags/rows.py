"""`visit_rows`: a list of visits as timeline rows, rendered in Python (visits/lean.py)."""

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString

from visits.lean import visit_rows_html
from visits.models import Visit

register = template.Library()


@register.filter
def visit_rows(visits: Iterable[Visit]) -> SafeString:
    """The rows of templates/_visit_row.html for every visit, in one call instead of an include each."""
    return visit_rows_html(visits)
