"""The only code that writes records, one module per stage, in the order data flows.

An article: `sources` (keep it, queue it, parse it) -> `records` (the extraction's records). A file:
`imports` (rows into records in one transaction, with `officials_index` resolving the people) and `jobs`
(admin uploads). Both writers share `writer_rules`. Editors: `review`.
"""

from visits.services.imports import ImportReport, ReadBatch, batch_import, files_import, files_read
from visits.services.jobs import import_job_run, job_is_large
from visits.services.records import ApplyResult, extraction_apply
from visits.services.review import records_review
from visits.services.sources import (
    source_create,
    source_parse,
    source_submit,
    sources_reparse,
    text_checksum,
    unreadable_reason,
)

__all__ = [
    "ApplyResult",
    "ImportReport",
    "ReadBatch",
    "batch_import",
    "extraction_apply",
    "files_import",
    "files_read",
    "import_job_run",
    "job_is_large",
    "records_review",
    "source_create",
    "source_parse",
    "source_submit",
    "sources_reparse",
    "text_checksum",
    "unreadable_reason",
]
