"""The queries attaching runs for the statements of a relink or an import: each must find a
statement's links through that statement's index (a_id, b_id), never by reading every sided
link of the ledger once per chunk of 500 statements, as SQLite chose to for an IN list that
long when the query also names the relations (80 of a relink's 90 s attaching at 100k)."""

from __future__ import annotations

from typing import Any

from tracker.claims import attach
from tracker.link import pipeline
from tracker.store import NewStatement, add_statements


def _plans(db: Any, run: Any) -> list[list[str]]:
    """The query plan of each links query `run` executes."""
    queries: list[str] = []
    db.conn.set_trace_callback(queries.append)
    try:
        run()
    finally:
        db.conn.set_trace_callback(None)
    return [
        [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")] for sql in queries if "FROM links" in sql
    ]


def test_the_sided_links_of_500_statements_are_read_through_the_statement_indexes(db) -> None:  # type: ignore[no-untyped-def]
    ids = list(range(1, 501))
    by_column = [
        ["SEARCH links USING INDEX idx_links_a_id_b_id (a_id=?)"],
        ["SEARCH links USING INDEX idx_links_b_id (b_id=?)"],
    ]
    assert _plans(db, lambda: attach._links_of(db, ids)) == by_column
    assert _plans(db, lambda: pipeline._strongest_scores(db, ids, sided=True)) == by_column


def test_links_of_reads_each_sided_link_once_each_way_and_leaves_out_rejected_and_related(db) -> None:  # type: ignore[no-untyped-def]
    added = add_statements(
        db, [NewStatement(text=f"Statement number {i}.", speaker="A Person") for i in range(5)]
    )
    s = [a.id for a in added]
    rows = [
        (s[0], s[1], "agrees", 80.0, "suggested", None),
        (s[0], s[2], "contradicts", 70.0, "confirmed", "2026-01-01"),
        (s[1], s[3], "agrees", 60.0, "rejected", "2026-01-01"),  # rejected: no link
        (s[2], s[3], "related", 50.0, "suggested", None),  # takes no side
        (s[3], s[4], "contradicts", 40.0, "suggested", None),
    ]
    db.conn.executemany(
        "INSERT INTO links (a_id, b_id, relation, score, status, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)", rows
    )
    got = {sid: sorted(links) for sid, links in attach._links_of(db, [s[0], s[1], s[4]]).items()}
    assert got == {
        s[0]: [(70.0, s[2], "contradicts", True), (80.0, s[1], "agrees", False)],
        s[1]: [(80.0, s[0], "agrees", False)],
        s[2]: [(70.0, s[0], "contradicts", True)],
        s[3]: [(40.0, s[4], "contradicts", False)],
        s[4]: [(40.0, s[3], "contradicts", False)],
    }
    assert pipeline._strongest_scores(db, s, sided=True) == {
        s[0]: 80.0,
        s[1]: 80.0,
        s[2]: 70.0,
        s[3]: 40.0,
        s[4]: 40.0,
    }


def test_reason_dicts_are_asdicts_fields_in_order_without_the_unset_ones() -> None:
    from dataclasses import asdict

    from tracker.model import Judgement, Reason, Relation, reason_dicts

    reasons = (Reason("denial", "'denied' in b", "b", (3, 9)), Reason("similarity", "88/100"))
    assert reason_dicts(reasons) == [
        {"code": "denial", "detail": "'denied' in b", "side": "b", "span": (3, 9)},
        {"code": "similarity", "detail": "88/100"},
    ]
    assert reason_dicts(reasons) == [{k: v for k, v in asdict(r).items() if v is not None} for r in reasons]
    assert list(reason_dicts(reasons)[0]) == ["code", "detail", "side", "span"]
    assert Judgement(Relation.CONTRADICTS, 88.04, reasons).to_dict() == {
        "relation": "contradicts",
        "score": 88.0,
        "reasons": reason_dicts(reasons),
    }
