"""File formats: the writers for `tracker export` and the readers for `tracker import`.

    writers      CSV (spreadsheet-safe cells), JSON, JSON lines, Markdown tables, reports,
                 and AtomicOutput (a file replaced only when writing it succeeded)
    claimreview  a verdict as schema.org ClaimReview
    readers      read_text, and the statements `tracker import` reads: CSV, TSV, JSON and
                 JSON lines, the format and encoding sniffed when not given

Every name is importable from tracker.export itself.
"""

from __future__ import annotations

from tracker.export.claimreview import RATING_NAMES, RATING_VALUES, claim_review
from tracker.export.readers import (
    CSV_DELIMITERS,
    DETECT_SAMPLE_BYTES,
    IMPORT_FIELDS,
    IMPORT_FORMATS,
    MAX_CELL_BYTES,
    ByteLines,
    check_encoding,
    detect_encoding,
    import_format,
    read_statements,
    read_text,
)
from tracker.export.writers import (
    AtomicOutput,
    csv_safe,
    md_cell,
    report_rows,
    write_csv,
    write_json,
    write_jsonl,
    write_markdown,
    write_markdown_table,
    write_report_csv,
    write_report_json,
    write_report_markdown,
)

__all__ = [
    "CSV_DELIMITERS",
    "DETECT_SAMPLE_BYTES",
    "IMPORT_FIELDS",
    "IMPORT_FORMATS",
    "MAX_CELL_BYTES",
    "RATING_NAMES",
    "RATING_VALUES",
    "AtomicOutput",
    "ByteLines",
    "check_encoding",
    "claim_review",
    "csv_safe",
    "detect_encoding",
    "import_format",
    "md_cell",
    "read_statements",
    "read_text",
    "report_rows",
    "write_csv",
    "write_json",
    "write_jsonl",
    "write_markdown",
    "write_markdown_table",
    "write_report_csv",
    "write_report_json",
    "write_report_markdown",
]
