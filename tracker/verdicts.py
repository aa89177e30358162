"""Verdicts: ratings of a statement's claim, kept as a history (the latest counts).

A verdict given on a statement rates the claim it makes. A statement without a verdict of its
own inherits the latest verdict of a statement that makes the same claim for certain: linked
to it as `agrees` by a link a person confirmed, or supporting the same claim where a person
confirmed both sides (a claim's founder stands on it by its own words). A suggestion is never
enough to pass a rating on, nor what the engine confirmed sure of itself: a score is not a
person's judgement. Inherited verdicts are computed when read, never copied into the verdicts
table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tracker.model import InvalidInput, Rating, Relation, ReviewStatus
from tracker.store import clean_field, get_statement, now, query_rows, write_transaction

VERDICT_COLUMNS = "v.id, v.statement_id, v.rating, v.evidence_url, v.note, v.by, v.created_at"
# A side that passes a verdict on: supporting its claim, confirmed by a person (`reviewed_at`,
# store.confirmed_by_sql) or the claim's founder, whose words the claim is.
SURE_SUPPORT = """cs.stance = 'supports' AND cs.status = 'confirmed'
                  AND (cs.reviewed_at IS NOT NULL OR cs.founder = 1)"""


def check_rating(rating: str) -> str:
    value = rating.strip().lower()
    if value not in Rating.values():
        raise InvalidInput(f"invalid rating {rating!r}: use one of {', '.join(Rating.values())}")
    return value


def add_verdict(
    db: Database,
    statement_id: int,
    rating: str,
    *,
    evidence_url: str | None = None,
    note: str | None = None,
    by: str | None = None,
) -> dict[str, Any]:
    """Record a verdict on a statement's claim; earlier verdicts stay as its history."""
    value = check_rating(rating)
    evidence_url = clean_field(evidence_url, "evidence URL")
    if evidence_url and not evidence_url.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"evidence URL {evidence_url!r} must start with http:// or https://")
    row = {
        "statement_id": statement_id,
        "rating": value,
        "evidence_url": evidence_url,
        "note": clean_field(note, "note", limit=20_000),
        "by": clean_field(by, "by"),
        "created_at": now(),
    }
    with write_transaction(db):
        get_statement(db, statement_id)  # NotFound for an unknown id
        cursor = db.execute(
            "INSERT INTO verdicts (statement_id, rating, evidence_url, note, by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            list(row.values()),
        )
    return {"id": int(cursor.lastrowid or 0), **row}


def _latest_own(db: Database, ids: Iterable[int] | None = None) -> dict[int, dict[str, Any]]:
    """The latest verdict of each statement that has one (of `ids`, or of all)."""
    sql = f"""
        SELECT {VERDICT_COLUMNS} FROM verdicts v
        WHERE v.id = (SELECT w.id FROM verdicts w WHERE w.statement_id = v.statement_id
                      ORDER BY w.created_at DESC, w.id DESC LIMIT 1)
    """
    latest = {row["statement_id"]: row for row in query_rows(db, sql)}
    if ids is not None:
        wanted = set(ids)
        latest = {k: v for k, v in latest.items() if k in wanted}
    return latest


def agrees_neighbours(db: Database) -> dict[int, set[int]]:
    """Statement id -> the ids it is linked to as agrees (links not rejected)."""
    neighbours: dict[int, set[int]] = {}
    for a, b in db.execute(
        "SELECT a_id, b_id FROM links WHERE relation = ? AND status != ?",
        [Relation.AGREES.value, ReviewStatus.REJECTED.value],
    ):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    return neighbours


def same_claim(db: Database) -> dict[int, set[int]]:
    """Statement id -> the ids that make the same claim for certain, through which a verdict
    passes: an agrees link a person confirmed, or both surely supporting one claim."""
    neighbours: dict[int, set[int]] = {}
    for a, b in db.execute(
        "SELECT a_id, b_id FROM links WHERE relation = ? AND status = ? AND reviewed_at IS NOT NULL",
        [Relation.AGREES.value, ReviewStatus.CONFIRMED.value],
    ):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    for members in supporters(db).values():
        for sid in members:
            neighbours.setdefault(sid, set()).update(m for m in members if m != sid)
    return neighbours


def supporters(db: Database, claim: int | None = None) -> dict[int, list[int]]:
    """Claim id -> the statements surely supporting it (SURE_SUPPORT; its founder first); of
    one claim when given."""
    out: dict[int, list[int]] = {}
    for claim_id, statement_id in db.execute(
        f"""SELECT cs.claim_id, cs.statement_id FROM claim_statements cs
           JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
           WHERE {SURE_SUPPORT} AND (:claim IS NULL OR cs.claim_id = :claim)
           ORDER BY cs.claim_id, cs.founder DESC, cs.statement_id""",
        {"claim": claim},
    ):
        out.setdefault(claim_id, []).append(statement_id)
    return out


def _newest(verdicts: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    return max(verdicts, key=lambda v: (v["created_at"], v["id"]), default=None)


def current_verdicts(db: Database, rating: str | None = None) -> list[dict[str, Any]]:
    """The verdict that counts for every statement that has one, own or inherited.

    Each row is the verdict plus `inherited_from`: None for the statement's own verdict,
    else the id of the agreeing statement whose latest verdict it carries.
    """
    wanted = check_rating(rating) if rating else None
    own = _latest_own(db)
    current: dict[int, dict[str, Any]] = {sid: {**v, "inherited_from": None} for sid, v in own.items()}
    for sid, others in same_claim(db).items():
        if sid in own:
            continue
        newest = _newest(own[o] for o in others if o in own)
        if newest is not None:
            current[sid] = {**newest, "statement_id": sid, "inherited_from": newest["statement_id"]}
    rows = [current[sid] for sid in sorted(current)]
    if wanted:
        rows = [row for row in rows if row["rating"] == wanted]
    return _with_statements(db, rows)


def current_verdict(db: Database, statement_id: int) -> dict[str, Any] | None:
    """The verdict that counts for one statement: its own latest, else an inherited one."""
    own = _latest_own(db, [statement_id])
    if statement_id in own:
        return {**own[statement_id], "inherited_from": None}
    others = same_claim(db).get(statement_id, set())
    newest = _newest(_latest_own(db, others).values())
    if newest is None:
        return None
    return {**newest, "statement_id": statement_id, "inherited_from": newest["statement_id"]}


def verdict_history(db: Database) -> list[dict[str, Any]]:
    """Every verdict ever given, oldest first, with `current` marking the one that counts."""
    latest = {v["id"] for v in _latest_own(db).values()}
    rows = list(query_rows(db, f"SELECT {VERDICT_COLUMNS} FROM verdicts v ORDER BY v.created_at, v.id"))
    for row in rows:
        row["current"] = row["id"] in latest
    return _with_statements(db, rows)


def _with_statements(db: Database, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the rated statement's text, speaker and source to each verdict row."""
    from tracker.store import get_statements

    statements = get_statements(db, (row["statement_id"] for row in rows))
    for row in rows:
        statement = statements[row["statement_id"]]
        row["text"] = statement["text"]
        row["speaker"] = statement["speaker"]
        row["source"] = statement["source"]
        row["answers"] = statement["answers"]  # what a reply ("Completely untrue.") denies
    return rows


def reviewed_claims(db: Database) -> list[dict[str, Any]]:
    """What a ClaimReview needs, one per statement's own current verdict (oldest statement first).

    Superseded verdicts are history and inherited ones are not reviews of their own, so
    neither is published. `urls` are where the claim appeared: the statement's URL, then
    those of the statements that agree with it.
    """
    from tracker.store import further_appearances, get_statements

    own = _latest_own(db)
    neighbours = same_claim(db)
    claim_of = _sided_claims(db)
    wanted = set(own) | {o for sid in own for o in neighbours.get(sid, ())}
    statements = get_statements(db, wanted)
    repeats = further_appearances(db, wanted)
    speaker_kinds = dict(db.execute("SELECT id, kind FROM speakers").fetchall())
    items = []
    for sid in sorted(own):
        statement = statements[sid]
        members = [sid, *sorted(neighbours.get(sid, ()))]
        urls = [statement["url"]] + [statements[o]["url"] for o in members[1:]]
        # where the claim appeared: each statement's own source, then its repeats
        appearances = [
            {key: row[key] for key in ("source", "url", "author", "said_on", "reported_on")}
            for member in members
            for row in (statements[member], *repeats.get(member, ()))
        ]
        claim_id, claim_text, stance = claim_of.get(sid, (None, None, None))
        items.append(
            {
                "verdict": own[sid],
                "statement": statement,
                "claim_id": claim_id,
                "claim": claim_text,
                "stance": stance,
                "speaker_kind": speaker_kinds.get(statement["speaker_id"], "unknown"),
                "urls": list(dict.fromkeys(u for u in urls if u)),
                "appearances": appearances,
            }
        )
    return items


def _sided_claims(db: Database) -> dict[int, tuple[int, str, str]]:
    """Statement id -> (claim id, text, stance) of the claim it surely takes a side on: as
    SURE_SUPPORT, supporting or denying it (a reply, "Completely untrue.", founds the claim it
    denies). One it supports comes first, then one it founded; a side only suggested, or
    confirmed by the engine alone, is not sure enough to name what a verdict rated."""
    out: dict[int, tuple[int, str, str]] = {}
    for statement_id, claim_id, text, stance in db.execute(
        """SELECT cs.statement_id, c.id, c.text, cs.stance FROM claim_statements cs
           JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
           WHERE cs.stance IN ('supports', 'denies') AND cs.status = 'confirmed'
                 AND (cs.reviewed_at IS NOT NULL OR cs.founder = 1)
           ORDER BY cs.statement_id, cs.stance = 'supports' DESC, cs.founder DESC, c.id"""
    ):
        out.setdefault(statement_id, (claim_id, text, stance))
    return out


def claim_verdicts(db: Database) -> dict[int, dict[str, Any]]:
    """Claim id -> the latest verdict given on a statement surely supporting it (SURE_SUPPORT)."""
    own = _latest_own(db)
    out: dict[int, dict[str, Any]] = {}
    for claim_id, members in supporters(db).items():
        newest = _newest(own[m] for m in members if m in own)
        if newest is not None:
            out[claim_id] = newest
    return out


def passed_on(db: Database, statement_id: int, others: Iterable[int]) -> str | None:
    """What a person confirming that a statement makes the same claim as `others` (an agrees
    link, a side supporting a claim) would pass on, in one line for the reviewer: the latest
    verdict of one side to the statements of the other that have none of their own."""
    rest = set(others) - {statement_id}
    own = _latest_own(db, rest | {statement_id})
    if statement_id in own:
        reached = sorted(rest - own.keys())
        given = own[statement_id]
    else:
        reached = [statement_id] if rest & own.keys() else []
        given = _newest(own[o] for o in rest if o in own) or {}
    if not reached:
        return None
    to = ", ".join(f"#{sid}" for sid in reached)
    return f"confirming passes the verdict {given['rating']!r} of #{given['statement_id']} on to {to}"


def passed_on_claim(db: Database, statement_id: int, claim_id: int) -> str | None:
    """`passed_on` for a side supporting a claim: to the claim's other sure supporters, or, when
    none has a verdict, to the claim itself (its verdict in `claims` and reports)."""
    others = supporters(db, claim_id).get(claim_id, [])
    passing = passed_on(db, statement_id, others)
    own = _latest_own(db, [statement_id, *others])
    if passing is None and own.keys() == {statement_id}:
        passing = f"confirming passes the verdict {own[statement_id]['rating']!r} of #{statement_id} on to claim {claim_id}"
    return passing
