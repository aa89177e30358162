"""The queries behind the reports: contradictions, links, timeline, report."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from tracker.model import InvalidInput, Relation, ReviewStatus
from tracker.store import StatementFilter, _rows, filter_clause

# "all" means every live link: rejected ones are shown only when asked for by name.
LINK_STATUSES = ("suggested", "confirmed", "rejected", "all")

_PAIR_SELECT = """
    SELECT l.id, l.relation, l.status, l.score, l.reasons, l.engine, l.created_at,
           l.reviewed_at, l.reviewed_by,
           a.speaker_id = b.speaker_id AS flip,
           a.id AS a_id, a.ref AS a_ref, a.text AS a_text, spa.name AS a_speaker,
           srca.outlet AS a_source, coalesce(a.said_on, a.reported_on) AS a_date,
           b.id AS b_id, b.ref AS b_ref, b.text AS b_text, spb.name AS b_speaker,
           srcb.outlet AS b_source, coalesce(b.said_on, b.reported_on) AS b_date
    FROM links l
    JOIN statements a ON a.id = l.a_id
    JOIN speakers spa ON spa.id = a.speaker_id
    LEFT JOIN sources srca ON srca.id = a.source_id
    JOIN statements b ON b.id = l.b_id
    JOIN speakers spb ON spb.id = b.speaker_id
    LEFT JOIN sources srcb ON srcb.id = b.source_id
"""


def _status_clause(status: str, *, allow_rejected: bool = True) -> tuple[str, list[Any]]:
    allowed = LINK_STATUSES if allow_rejected else tuple(s for s in LINK_STATUSES if s != "rejected")
    if status not in allowed:
        raise InvalidInput(f"invalid status {status!r}: use one of {', '.join(allowed)}")
    if status == "all":
        return "l.status != ?", [ReviewStatus.REJECTED.value]
    return "l.status = ?", [status]


def reason_text(reasons: list[dict[str, Any]]) -> str:
    """The reasons that decided a link, in one line; similarity is already in the score."""
    telling = [r for r in reasons if r.get("code") != "similarity"]
    return "; ".join(f"{r['code']}: {r['detail']}" for r in telling) or "similar wording"


def _pair_row(row: dict[str, Any]) -> dict[str, Any]:
    row["flip"] = bool(row["flip"])
    row["reasons"] = json.loads(row["reasons"] or "[]")
    row["reason"] = reason_text(row["reasons"])
    return row


def contradictions(
    db: Database,
    where: StatementFilter | None = None,
    *,
    flips: bool = False,
    status: str = "all",
) -> list[dict[str, Any]]:
    """Contradicting pairs, strongest first; never rejected ones.

    A pair is listed when either of its statements matches the filter; with `flips`, only
    pairs whose two statements have the same speaker.
    """
    clauses, params = [], []
    clause, values = _status_clause(status, allow_rejected=False)
    clauses.append(clause)
    params.extend(values)
    clauses.append("l.relation = ?")
    params.append(Relation.CONTRADICTS.value)
    if flips:
        clauses.append("a.speaker_id = b.speaker_id")
    if where is not None:
        clause_a, params_a = filter_clause(db, where, "a")
        clause_b, params_b = filter_clause(db, where, "b")
        if clause_a != "1":
            clauses.append(f"(({clause_a}) OR ({clause_b}))")
            params.extend(params_a + params_b)
    sql = f"{_PAIR_SELECT} WHERE {' AND '.join(clauses)} ORDER BY l.score DESC, l.id"
    return [_pair_row(row) for row in _rows(db, sql, params)]


def list_links(
    db: Database,
    *,
    relation: str | None = None,
    status: str = "all",
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Links with both statements, strongest first."""
    clause, params = _status_clause(status)
    clauses = [clause]
    if relation is not None:
        stored = [r for r in Relation.values() if r != Relation.UNRELATED.value]
        if relation not in stored:
            raise InvalidInput(f"invalid relation {relation!r}: use one of {', '.join(stored)}")
        clauses.append("l.relation = ?")
        params.append(relation)
    sql = f"{_PAIR_SELECT} WHERE {' AND '.join(clauses)} ORDER BY l.score DESC, l.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_pair_row(row) for row in _rows(db, sql, params)]
