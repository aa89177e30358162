"""Claims: the propositions statements take sides on, and which side each statement takes.

A desk tracks claims, not word pairs. A claim comes from a person (`add_claim`), from the
object of a denial ("denied claims that X" → claim X), or from a statement that no claim
covers yet, which then founds one. Each statement is attached to the claims it takes a side
on with a stance: `supports`, `denies`, or `discusses` (it reports the claim with a hedge, asks
about it or predicts it). Two statements on opposite sides of one claim contradict each other,
whatever words they use.

Attachments found by tracker are `suggested` (or `confirmed` when the judge is sure and no
part of the claim conflicts); a person's decision (attach, detach, review) is final, and
re-attaching never overwrites it.

    records   adding, reading and listing claims, and a person's decisions (attach, detach,
              review, merge and unmerge); the pairs a claim sets on opposite sides
    attach    attaching statements after they are linked: people's claims and the claims
              denials name by search, the others through their founders' links
"""

from __future__ import annotations

from tracker.claims.attach import attach_statements, reattach, reattach_all
from tracker.claims.records import (
    CANDIDATE_CLAIMS,
    CLOSE_CLAIM,
    MAX_CLAIM_CHARS,
    STATEMENTS_PER_CLAIM,
    CloseClaim,
    OppositeClaims,
    Origin,
    Stance,
    add_claim,
    attach_statement,
    attachment_decision,
    attachments_to_review,
    close_claims,
    detach_statement,
    get_claim,
    is_left_over,
    left_over_count,
    list_claims,
    marked_speakers,
    merge_claims,
    opposing_pairs,
    restore_attachment,
    review_attachment,
    side_label,
    statement_claims,
    unmerge_claim,
)

__all__ = [
    "CANDIDATE_CLAIMS",
    "CLOSE_CLAIM",
    "MAX_CLAIM_CHARS",
    "STATEMENTS_PER_CLAIM",
    "CloseClaim",
    "OppositeClaims",
    "Origin",
    "Stance",
    "add_claim",
    "attach_statement",
    "attach_statements",
    "attachment_decision",
    "attachments_to_review",
    "close_claims",
    "detach_statement",
    "get_claim",
    "is_left_over",
    "left_over_count",
    "list_claims",
    "marked_speakers",
    "merge_claims",
    "opposing_pairs",
    "reattach",
    "reattach_all",
    "restore_attachment",
    "review_attachment",
    "side_label",
    "statement_claims",
    "unmerge_claim",
]
