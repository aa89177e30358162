"""tracker: a ledger of attributed statements that links claims and flags contradictions.

The public Python API; the `tracker` command is a thin layer over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "NewStatement",
    "StatementFilter",
    "TrackerError",
    "add_statement",
    "add_statements",
    "extract_article",
    "extract_statements",
    "get_statement",
    "list_statements",
    "open_db",
    "relate",
    "search_statements",
]

if TYPE_CHECKING:
    from tracker.extract import extract_article, extract_statements
    from tracker.judge import relate
    from tracker.model import NewStatement, TrackerError
    from tracker.store import (
        StatementFilter,
        add_statement,
        add_statements,
        get_statement,
        list_statements,
        open_db,
        search_statements,
    )

_HOMES = {
    "open_db": "tracker.store",
    "add_statement": "tracker.store",
    "add_statements": "tracker.store",
    "list_statements": "tracker.store",
    "search_statements": "tracker.store",
    "get_statement": "tracker.store",
    "StatementFilter": "tracker.store",
    "relate": "tracker.judge",
    "extract_statements": "tracker.extract",
    "extract_article": "tracker.extract",
    "NewStatement": "tracker.model",
    "TrackerError": "tracker.model",
}


def __getattr__(name: str) -> Any:
    # imported on first use so that `tracker --help` does not load the judging code
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")
