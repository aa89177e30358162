"""The database: opening it, and every query and write the commands need.

Functions take a `sqlite_utils.Database`; writes that belong together run in one transaction.
One module a job: `connection` (open, pragmas), `validation` (checking a statement),
`lookup` (the speaker or source a statement names), `ingest` (writing statements),
`queries` (reading them), `speaker_admin` (alias, merge, unmerge, split, rename) and `settings`.
"""

from __future__ import annotations

from tracker.model import NewStatement
from tracker.store.connection import (
    NoLedger,
    NotALedger,
    now,
    open_db,
    open_ledger,
    query_rows,
    write_transaction,
)
from tracker.store.ingest import Added, AddedList, add_statement, add_statements
from tracker.store.lookup import (
    SourceCache,
    SpeakerCache,
    source_id_for,
    speaker_candidates,
    speaker_ids_matching,
)
from tracker.store.queries import (
    STATEMENT_COLUMNS,
    STATEMENT_FROM,
    StatementFilter,
    confirmed_by_sql,
    counts,
    filter_clause,
    fts_query,
    further_appearances,
    get_statement,
    get_statements,
    list_statements,
    search_statements,
    shared_speaker_names,
    statement_appearances,
    statement_links,
    statement_verdicts,
)
from tracker.store.settings import get_setting, set_setting
from tracker.store.speaker_admin import (
    add_alias,
    confirm_speaker,
    find_speaker,
    list_merges,
    list_sources,
    list_speakers,
    merge_speakers,
    rename_speaker,
    show_speaker,
    speaker_reviews,
    split_speaker,
    statement_speaker_review,
    unmerge_speakers,
)
from tracker.store.validation import (
    MAX_FIELD_CHARS,
    MAX_TEXT_CHARS,
    ClaimValues,
    Prepared,
    clean_field,
    content_hash,
    prepare,
)

# the old private names, until every module imports the public ones
_clean = clean_field
_rows = query_rows

__all__ = [
    "MAX_FIELD_CHARS",
    "MAX_TEXT_CHARS",
    "STATEMENT_COLUMNS",
    "STATEMENT_FROM",
    "Added",
    "AddedList",
    "ClaimValues",
    "NewStatement",
    "NoLedger",
    "NotALedger",
    "Prepared",
    "SourceCache",
    "SpeakerCache",
    "StatementFilter",
    "add_alias",
    "add_statement",
    "add_statements",
    "clean_field",
    "confirm_speaker",
    "confirmed_by_sql",
    "content_hash",
    "counts",
    "filter_clause",
    "find_speaker",
    "fts_query",
    "further_appearances",
    "get_setting",
    "get_statement",
    "get_statements",
    "list_merges",
    "list_sources",
    "list_speakers",
    "list_statements",
    "merge_speakers",
    "now",
    "open_db",
    "open_ledger",
    "prepare",
    "query_rows",
    "rename_speaker",
    "search_statements",
    "set_setting",
    "shared_speaker_names",
    "show_speaker",
    "source_id_for",
    "speaker_candidates",
    "speaker_ids_matching",
    "speaker_reviews",
    "split_speaker",
    "statement_appearances",
    "statement_links",
    "statement_speaker_review",
    "statement_verdicts",
    "unmerge_speakers",
    "write_transaction",
]
