"""A person's review of a link: confirmed or rejected, it is never changed by relinking again."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from tracker.model import NotFound, ReviewStatus
from tracker.store import now, query_rows


def _review(db: Database, link_id: int, status: ReviewStatus, by: str | None) -> dict[str, Any]:
    from tracker.claims import reattach
    from tracker.store.corrections import record

    with db.atomic():
        before = db.execute("SELECT status, a_id, b_id FROM links WHERE id = ?", [link_id]).fetchone()
        if before is None:
            raise NotFound(f"no link with id {link_id}")
        db.execute(
            "UPDATE links SET status = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?",
            [status.value, now(), by, link_id],
        )
        record(
            db,
            f"link {'confirm' if status is ReviewStatus.CONFIRMED else 'reject'}",
            before={"link": link_id, "status": before[0]},
            after={"link": link_id, "status": status.value, "statements": [before[1], before[2]]},
            by=by,
        )
    link = next(query_rows(db, "SELECT * FROM links WHERE id = ?", [link_id]))
    if status is ReviewStatus.REJECTED:
        reattach(db, [link["a_id"], link["b_id"]])  # a claim joined through this link is left
    return link


def confirm_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person confirms a link: relinking never changes it again."""
    return _review(db, link_id, ReviewStatus.CONFIRMED, by)


def reject_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person rejects a link: it is never listed or re-suggested."""
    return _review(db, link_id, ReviewStatus.REJECTED, by)


def suggested_links(db: Database, *, relation: str | None = None) -> list[dict[str, Any]]:
    """Links waiting for a person, strongest first, with both statements."""
    from tracker.reports import list_links

    return list_links(db, relation=relation, status=ReviewStatus.SUGGESTED.value)
