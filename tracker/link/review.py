"""A person's review of a link: confirmed (perhaps with another relation) or rejected, it is
never changed by relinking again; a review can be undone to exactly what it replaced."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from tracker.model import InvalidInput, NotFound, Relation, ReviewStatus
from tracker.store import now, query_rows

# what a review writes, and what undoing it puts back
DECISION = ("status", "relation", "reviewed_at", "reviewed_by")
RELATIONS = (Relation.AGREES.value, Relation.CONTRADICTS.value, Relation.RELATED.value)


def _link(db: Database, link_id: int) -> dict[str, Any]:
    rows = list(query_rows(db, "SELECT * FROM links WHERE id = ?", [link_id]))
    if not rows:
        raise NotFound(f"no link with id {link_id}")
    return rows[0]


def _write(db: Database, link_id: int, decision: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Write the decision's fields; returns the link before and after."""
    with db.atomic():
        before = _link(db, link_id)
        db.execute(
            f"UPDATE links SET {', '.join(f'{key} = ?' for key in DECISION)} WHERE id = ?",
            [decision[key] for key in DECISION] + [link_id],
        )
    after = _link(db, link_id)
    rejected = ReviewStatus.REJECTED.value
    if rejected in (before["status"], after["status"]) or before["relation"] != after["relation"]:
        from tracker.claims import reattach

        reattach(db, [after["a_id"], after["b_id"]])  # a claim joined through this link moves with it
    return before, after


def _review(
    db: Database, link_id: int, status: ReviewStatus, by: str | None, relation: str | None = None
) -> dict[str, Any]:
    current = _link(db, link_id)
    decision = {
        "status": status.value,
        "relation": relation or current["relation"],
        "reviewed_at": now(),
        "reviewed_by": by,
    }
    return _write(db, link_id, decision)[1]


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
    """What a review of the link would replace: its status, relation and reviewer."""
    link = _link(db, link_id)
    return {key: link[key] for key in DECISION}


def restore_link(db: Database, link_id: int, decision: dict[str, Any]) -> dict[str, Any]:
    """Undo a review: put back the status, relation and reviewer `link_decision` returned."""
    return _write(db, link_id, decision)[1]


def suggested_links(db: Database, *, relation: str | None = None) -> list[dict[str, Any]]:
    """Links waiting for a person, strongest first, with both statements."""
    from tracker.reports import list_links

    return list_links(db, relation=relation, status=ReviewStatus.SUGGESTED.value)
