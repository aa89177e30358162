"""Linking: finding the statements that may be about the same thing, judging them with
relate(), and storing the links for a person to review.

    config      the thresholds a person sets, and the status a judged link gets
    candidates  a statement's candidates from FTS5 (a few new statements: one query each)
    blocking    every statement's candidates in one pass (an import, a relink)
    index       blocking's index of one side: prefix filtering over packed postings
    prefilter   statement shapes, and the exact test of what relate() can score
    pipeline    link_new and relink_all: candidates, judging, writing
    review      a person confirms, relabels or rejects a link, or undoes that
"""

from __future__ import annotations

from tracker.link.blocking import block_candidates
from tracker.link.candidates import fts_candidates, rare_terms
from tracker.link.config import (
    CONFIRM,
    DEFAULT_CONFIRM,
    DEFAULT_SUGGEST,
    SETTINGS,
    SUGGEST,
    WORKERS,
    Progress,
    Thresholds,
    set_threshold,
    settings,
    status_for,
    thresholds,
)
from tracker.link.pipeline import LinkStats, link_new, relink_all
from tracker.link.prefilter import could_link
from tracker.link.review import (
    confirm_link,
    link_decision,
    links_to_review,
    reject_link,
    relabel_link,
    restore_link,
)

# isort: split
# The linker's own reading, shapes and relations, which the benchmarks' brute force and FTS
# recall reuse to judge pairs exactly as linking does; not part of the API.
from tracker.link.candidates import _DocFrequency as _DocFrequency
from tracker.link.pipeline import _STORED as _STORED
from tracker.link.pipeline import _texts as _texts
from tracker.link.prefilter import _shapes as _shapes

__all__ = [
    "CONFIRM",
    "DEFAULT_CONFIRM",
    "DEFAULT_SUGGEST",
    "SETTINGS",
    "SUGGEST",
    "WORKERS",
    "LinkStats",
    "Progress",
    "Thresholds",
    "block_candidates",
    "confirm_link",
    "could_link",
    "fts_candidates",
    "link_decision",
    "link_new",
    "links_to_review",
    "rare_terms",
    "reject_link",
    "relabel_link",
    "relink_all",
    "restore_link",
    "set_threshold",
    "settings",
    "status_for",
    "thresholds",
]
