"""A person's review of a link: confirmed (perhaps with another relation) or rejected, it is
never changed by relinking again; a review can be undone to exactly what it replaced."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from tracker.model import ConfirmedBy, InvalidInput, NotFound, Relation, ReviewStatus
from tracker.store import now, query_rows
from tracker.store.connection import write_transaction

# what a review writes, and what undoing it puts back
DECISION = ("status", "relation", "reasons", "reviewed_at", "reviewed_by")
RELATIONS = (Relation.AGREES.value, Relation.CONTRADICTS.value, Relation.RELATED.value)


def _link(db: Database, link_id: int) -> dict[str, Any]:
    rows = list(query_rows(db, "SELECT * FROM links WHERE id = ?", [link_id]))
    if not rows:
        raise NotFound(f"no link with id {link_id}")
    return rows[0]


def _set(db: Database, link_id: int, decision: dict[str, Any]) -> None:
    db.execute(
        f"UPDATE links SET {', '.join(f'{key} = ?' for key in DECISION)} WHERE id = ?",
        [decision[key] for key in DECISION] + [link_id],
    )


def already_decided(link: dict[str, Any], status: ReviewStatus, relation: str | None = None) -> bool:
    """Whether a person already gave the link this status (and relation): reviewing it so
    again changes nothing, and the audit trail records nothing."""
    same = link["status"] == status.value and (relation or link["relation"]) == link["relation"]
    return same and link["reviewed_at"] is not None


def _review(
    db: Database, link_id: int, status: ReviewStatus, by: str | None, relation: str | None = None
) -> dict[str, Any]:
    from tracker.store.corrections import record

    with write_transaction(db):
        before = _link(db, link_id)
        if already_decided(before, status, relation):
            return before
        decision = {"status": status.value, "relation": relation or before["relation"]}
        reasons = before["reasons"]
        if relation and relation != before["relation"]:
            # the reasons said why the engine chose the old relation: say first who changed it
            said = [r for r in json.loads(reasons or "[]") if r.get("code") != "relabelled"]
            change = f"{before['relation']} → {relation}" + (f" by {by}" if by else "")
            reasons = json.dumps([{"code": "relabelled", "detail": change}, *said], ensure_ascii=False)
        _set(db, link_id, {**decision, "reasons": reasons, "reviewed_at": now(), "reviewed_by": by})
        action = "relabel" if relation else "confirm" if status is ReviewStatus.CONFIRMED else "reject"
        was = {"link": link_id, "status": before["status"], "relation": before["relation"]}
        if before["status"] == ReviewStatus.CONFIRMED.value:
            # a person confirming what the engine confirmed changes who stands behind it
            person = before["reviewed_at"] is not None
            was["confirmed_by"] = (ConfirmedBy.PERSON if person else ConfirmedBy.ENGINE).value
        record(
            db,
            f"link {action}",
            before=was,
            after={"link": link_id, **decision, "statements": [before["a_id"], before["b_id"]]},
            by=by,
        )
        moved = [before["a_id"], before["b_id"]]
        if status is ReviewStatus.REJECTED and before["status"] != ReviewStatus.REJECTED.value:
            from tracker.link.pipeline import unshade_stored

            # the links this one overshadowed take their side again, as a relink gives them
            moved += sorted(unshade_stored(db, moved) - set(moved))
        if status is ReviewStatus.REJECTED or decision["relation"] != before["relation"]:
            from tracker.claims import reattach

            # a claim joined through this link moves with it, in the same transaction
            reattach(db, moved)
    return _link(db, link_id)


def confirm_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person confirms a link: relinking never changes it again."""
    return _review(db, link_id, ReviewStatus.CONFIRMED, by)


def reject_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person rejects a link: it is never listed or re-suggested."""
    return _review(db, link_id, ReviewStatus.REJECTED, by)


def relabel_link(db: Database, link_id: int, relation: str, *, by: str | None = None) -> dict[str, Any]:
    """A person says how the two statements stand (agrees, contradicts, related): the link is
    confirmed with that relation, and relinking never changes it again."""
    if relation not in RELATIONS:
        raise InvalidInput(f"invalid relation {relation!r}: use one of {', '.join(RELATIONS)}")
    return _review(db, link_id, ReviewStatus.CONFIRMED, by, relation)


def link_decision(db: Database, link_id: int) -> dict[str, Any]:
    """What a review of the link would replace, to undo it: its status, relation and reviewer,
    and the sides its two statements take on claims (a rejection attaches them anew)."""
    link = _link(db, link_id)
    sides = list(
        query_rows(
            db, "SELECT * FROM claim_statements WHERE statement_id IN (?, ?)", [link["a_id"], link["b_id"]]
        )
    )
    last_claim = db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
    return {**{key: link[key] for key in DECISION}, "claim_sides": sides, "last_claim": last_claim}


def restore_link(db: Database, link_id: int, decision: dict[str, Any]) -> dict[str, Any]:
    """Undo a review: put back what `link_decision` returned, the claim sides of the link's
    statements with it (a claim one of them founded since, and nothing else has, goes)."""
    from tracker.store.corrections import record

    with write_transaction(db):
        link = _link(db, link_id)
        _set(db, link_id, decision)
        record(
            db,
            "link undo",
            before={"link": link_id, "status": link["status"], "relation": link["relation"]},
            after={
                "link": link_id,
                "status": decision["status"],
                "relation": decision["relation"],
                "statements": [link["a_id"], link["b_id"]],
            },
        )
        db.execute("DELETE FROM claim_statements WHERE statement_id IN (?, ?)", [link["a_id"], link["b_id"]])
        for side in decision["claim_sides"]:
            columns = ", ".join(side)
            db.execute(
                f"INSERT INTO claim_statements ({columns}) VALUES ({', '.join('?' for _ in side)})",
                list(side.values()),
            )
        db.execute(
            "DELETE FROM claims WHERE id > ? AND origin = 'statement'"
            " AND id NOT IN (SELECT claim_id FROM claim_statements)",
            [decision["last_claim"]],
        )
        moved: set[int] = set()
        rejected = ReviewStatus.REJECTED.value
        if (link["status"] == rejected) != (decision["status"] == rejected):
            from tracker.link.pipeline import recheck_overshadowing

            # the link is back (or gone): the links it overshadows are related again (or take
            # their side back), as when it was stored (or rejected)
            moved = recheck_overshadowing(db, [link["a_id"], link["b_id"]]) - {link["a_id"], link["b_id"]}
        if moved:
            from tracker.claims import reattach

            # a claim joined through those links moves with them, in the same transaction
            reattach(db, sorted(moved))
    return _link(db, link_id)


def links_to_review(db: Database, *, relation: str | None = None) -> list[dict[str, Any]]:
    """Links waiting for a person, with both statements: the suggested ones, strongest first,
    then those the engine confirmed sure of itself (a score passes no verdict on, a person
    does)."""
    from tracker.reports import list_links

    suggested = list_links(db, relation=relation, status=ReviewStatus.SUGGESTED.value)
    confirmed = list_links(db, relation=relation, status=ReviewStatus.CONFIRMED.value)
    return suggested + [row for row in confirmed if row["confirmed_by"] == ConfirmedBy.ENGINE.value]
