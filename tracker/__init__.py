"""tracker: a ledger of attributed statements that links claims and flags contradictions.

The public Python API; the `tracker` command is a thin layer over it. Every name below is
imported on first use (so that `tracker --help` does not load the judging code), and none is
the name of a submodule: importing `tracker.judge` or `tracker.link` never shadows a function.

    import tracker
    db = tracker.open_db("desk.db")
    tracker.add_statement(db, tracker.NewStatement(text="…", speaker="…"))
    tracker.relink_all(db)
    for pair in tracker.contradictions(db): ...
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

__all__ = [
    "Judgement",
    "NewStatement",
    "Relation",
    "StatementFilter",
    "TrackerError",
    "add_claim",
    "add_statement",
    "add_statements",
    "add_verdict",
    "attach_statement",
    "confirm_link",
    "contradictions",
    "detach_statement",
    "extract_article",
    "extract_statements",
    "get_claim",
    "get_statement",
    "link_new",
    "list_claims",
    "list_links",
    "list_statements",
    "merge_claims",
    "open_db",
    "reject_link",
    "relate",
    "relink_all",
    "search_statements",
    "similar",
]

if TYPE_CHECKING:
    from tracker.claims import (
        add_claim,
        attach_statement,
        detach_statement,
        get_claim,
        list_claims,
        merge_claims,
    )
    from tracker.extract import extract_article, extract_statements
    from tracker.judge import relate
    from tracker.link import confirm_link, link_new, reject_link, relink_all
    from tracker.model import Judgement, NewStatement, Relation, TrackerError
    from tracker.reports import contradictions, list_links
    from tracker.search import similar
    from tracker.store import (
        StatementFilter,
        add_statement,
        add_statements,
        get_statement,
        list_statements,
        open_db,
        search_statements,
    )
    from tracker.verdicts import add_verdict

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
    "link_new": "tracker.link",
    "relink_all": "tracker.link",
    "confirm_link": "tracker.link",
    "reject_link": "tracker.link",
    "contradictions": "tracker.reports",
    "list_links": "tracker.reports",
    "similar": "tracker.search",
    "add_claim": "tracker.claims",
    "get_claim": "tracker.claims",
    "list_claims": "tracker.claims",
    "attach_statement": "tracker.claims",
    "detach_statement": "tracker.claims",
    "merge_claims": "tracker.claims",
    "add_verdict": "tracker.verdicts",
    "Judgement": "tracker.model",
    "NewStatement": "tracker.model",
    "Relation": "tracker.model",
    "TrackerError": "tracker.model",
}


def _on_first_use(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A package's module __getattr__ that imports each name of `homes` from the module named
    for it on first use, so that importing the package loads none of them."""

    def __getattr__(name: str) -> Any:
        if name in homes:
            import importlib

            value = getattr(importlib.import_module(homes[name]), name)
            setattr(sys.modules[package], name, value)  # resolved once; later lookups never get here
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


__getattr__ = _on_first_use(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
