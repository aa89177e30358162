"""Linking: finding the statements that may be about the same thing, judging them with
relate(), and storing the links for a person to review.

    config      the thresholds a person sets, and the status a judged link gets
    candidates  a statement's candidates from FTS5 (a few new statements: one query each)
    blocking    every statement's candidates in one pass (an import, a relink)
    index       blocking's index of one side: prefix filtering over packed postings
    prefilter   statement shapes, and the exact test of what relate() can score
    replies     bare replies ("Completely untrue."): linked through the claim they answer
    pipeline    link_new and relink_all: candidates, judging, writing
    review      a person confirms, relabels or rejects a link, or undoes that
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker import _on_first_use

if TYPE_CHECKING:
    from tracker.link.blocking import block_candidates
    from tracker.link.candidates import (
        fts_candidates,
        rare_terms,
    )
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
    from tracker.link.pipeline import (
        LinkStats,
        link_new,
        relink_all,
    )
    from tracker.link.prefilter import could_link
    from tracker.link.review import (
        confirm_link,
        link_decision,
        links_to_review,
        reject_link,
        relabel_link,
        restore_link,
    )

# Every name is imported on first use, from its module: linking one statement (`tracker add`)
# must not load the batch linker (blocking, index).
_HOMES = {
    "block_candidates": "tracker.link.blocking",
    "fts_candidates": "tracker.link.candidates",
    "rare_terms": "tracker.link.candidates",
    "_DocFrequency": "tracker.link.candidates",
    "CONFIRM": "tracker.link.config",
    "DEFAULT_CONFIRM": "tracker.link.config",
    "DEFAULT_SUGGEST": "tracker.link.config",
    "SETTINGS": "tracker.link.config",
    "SUGGEST": "tracker.link.config",
    "WORKERS": "tracker.link.config",
    "Progress": "tracker.link.config",
    "Thresholds": "tracker.link.config",
    "set_threshold": "tracker.link.config",
    "settings": "tracker.link.config",
    "status_for": "tracker.link.config",
    "thresholds": "tracker.link.config",
    "LinkStats": "tracker.link.pipeline",
    "link_new": "tracker.link.pipeline",
    "relink_all": "tracker.link.pipeline",
    "_STORED": "tracker.link.pipeline",
    "_texts": "tracker.link.pipeline",
    "could_link": "tracker.link.prefilter",
    "_shapes": "tracker.link.prefilter",
    "confirm_link": "tracker.link.review",
    "link_decision": "tracker.link.review",
    "reject_link": "tracker.link.review",
    "relabel_link": "tracker.link.review",
    "restore_link": "tracker.link.review",
    "links_to_review": "tracker.link.review",
}
# The linker's own reading, shapes and relations (_DocFrequency, _STORED, _texts, _shapes),
# which the benchmarks' brute force and FTS recall reuse to judge pairs exactly as linking
# does, are resolved here too; they are not part of the API.


__getattr__ = _on_first_use(__name__, _HOMES)

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
