"""Correcting a statement's appearances: one recorded by mistake (a mistyped date on an
extraction) is deleted, audited, and can be brought back; extracting or importing it again
leaves it out (see corrections.corrections)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tracker.model import InvalidInput, NotFound
from tracker.store.connection import query_rows, write_transaction
from tracker.store.corrections import _put_back, record, require_statement

DELETE = "appearance delete"
RESTORE = "appearance restore"


@dataclass(frozen=True)
class AppearanceChange:
    statement_id: int
    appearances: list[dict[str, Any]]  # the rows deleted or put back, with their outlet
    audit_id: int


def _outlet(db: Database, source_id: int | None) -> str | None:
    found = db.execute("SELECT outlet FROM sources WHERE id = ?", [source_id]).fetchone()
    return found[0] if found else None


def _further(db: Database, statement_id: int) -> list[dict[str, Any]]:
    return list(
        query_rows(
            db,
            "SELECT a.*, src.outlet FROM appearances a LEFT JOIN sources src ON src.id = a.source_id"
            " WHERE a.statement_id = ? ORDER BY a.id",
            [statement_id],
        )
    )


def delete_appearance(
    db: Database, statement_id: int, number: int, *, by: str | None = None, note: str | None = None
) -> AppearanceChange:
    """Delete appearance `number` of a statement, numbered as `tracker show` numbers them (1 is
    the statement's own report, which only `edit` or `delete` can change); kept in the audit."""
    with write_transaction(db):
        require_statement(db, statement_id)
        further = _further(db, statement_id)
        if number == 1:
            raise InvalidInput(
                f"appearance 1 is statement {statement_id}'s own report: `tracker edit {statement_id}"
                f" --source/--reported-on` corrects it, `tracker delete {statement_id}` deletes the statement"
            )
        if not 2 <= number <= len(further) + 1:
            raise NotFound(
                f"statement {statement_id} has no appearance {number}"
                f" (it has {len(further) + 1}: `tracker show {statement_id}` lists them)"
            )
        row = further[number - 2]
        db.execute("DELETE FROM appearances WHERE id = ?", [row["id"]])
        outlet = row.pop("outlet")
        before = {"appearance": row, "number": number, "source": outlet}
        audit_id = record(db, DELETE, statement_id=statement_id, before=before, by=by, note=note)
    return AppearanceChange(statement_id, [{**row, "outlet": outlet}], audit_id)


def delete_appearances_in(
    db: Database, source_id: int, *, by: str | None = None, note: str | None = None
) -> list[AppearanceChange]:
    """Delete every appearance recorded in one source (an article extracted again with a
    mistyped date is such a source), one audit record for each statement's."""
    with write_transaction(db):
        _require_source(db, source_id)
        rows = list(query_rows(db, "SELECT * FROM appearances WHERE source_id = ? ORDER BY id", [source_id]))
        if not rows:
            raise NotFound(
                f"source {source_id} holds no appearance (`tracker sources list --all` lists every source)"
            )
        outlet = _outlet(db, source_id)
        changes = []
        for row in rows:
            number = 2 + [a["id"] for a in _further(db, row["statement_id"])].index(row["id"])
            db.execute("DELETE FROM appearances WHERE id = ?", [row["id"]])
            before = {"appearance": row, "number": number, "source": outlet}
            audit_id = record(db, DELETE, statement_id=row["statement_id"], before=before, by=by, note=note)
            changes.append(AppearanceChange(row["statement_id"], [{**row, "outlet": outlet}], audit_id))
    return changes


def appearances_in(db: Database, source_id: int) -> list[dict[str, Any]]:
    """The appearances recorded in a source, oldest first (an unknown source is an error)."""
    _require_source(db, source_id)
    return list(query_rows(db, "SELECT * FROM appearances WHERE source_id = ? ORDER BY id", [source_id]))


def _require_source(db: Database, source_id: int) -> None:
    if db.execute("SELECT 1 FROM sources WHERE id = ?", [source_id]).fetchone() is None:
        raise NotFound(f"no source with id {source_id}")


def deleted_appearances(db: Database, statement_id: int | None = None) -> list[dict[str, Any]]:
    """The rows of every appearance deleted (of one statement), oldest deletion first."""
    sql = f"SELECT statement_id, before FROM audit WHERE action = '{DELETE}'"
    params: list[Any] = []
    if statement_id is not None:
        sql += " AND statement_id = ?"
        params.append(statement_id)
    return [json.loads(before)["appearance"] for _, before in db.execute(sql + " ORDER BY id", params)]


def _put_back_all(
    db: Database, deleted: list[dict[str, Any]], by: str | None, note: str | None
) -> list[AppearanceChange]:
    """Put back each deleted row not in the ledger again (its statement still there), under its
    id; one audit record for each statement's."""
    present = {
        (row["statement_id"], row["source_id"], row["said_on"], row["reported_on"])
        for row in query_rows(db, "SELECT statement_id, source_id, said_on, reported_on FROM appearances")
    }
    put: dict[int, list[dict[str, Any]]] = {}
    for row in deleted:
        key = (row["statement_id"], row["source_id"], row["said_on"], row["reported_on"])
        if (
            key in present
            or db.execute("SELECT 1 FROM statements WHERE id = ?", [row["statement_id"]]).fetchone() is None
        ):
            continue
        if _put_back(db, "appearances", row) != "skipped":
            present.add(key)
            put.setdefault(row["statement_id"], []).append(row)
    changes = []
    for statement_id, rows in put.items():
        audit_id = record(
            db, RESTORE, statement_id=statement_id, after={"appearances": rows}, by=by, note=note
        )
        restored = [{**row, "outlet": _outlet(db, row["source_id"])} for row in rows]
        changes.append(AppearanceChange(statement_id, restored, audit_id))
    return changes


def restore_appearances(
    db: Database, statement_id: int, *, by: str | None = None, note: str | None = None
) -> AppearanceChange:
    """Put back, under their ids, the appearances deleted from a statement that are not in the
    ledger again."""
    with write_transaction(db):
        require_statement(db, statement_id)
        changes = _put_back_all(db, deleted_appearances(db, statement_id), by, note)
        if not changes:
            raise NotFound(f"statement {statement_id} has no deleted appearance to restore")
    return changes[0]


def restore_appearances_in(
    db: Database, source_id: int, *, by: str | None = None, note: str | None = None
) -> list[AppearanceChange]:
    """Put back the appearances deleted from one source that are not in the ledger again."""
    with write_transaction(db):
        _require_source(db, source_id)
        deleted = [row for row in deleted_appearances(db) if row["source_id"] == source_id]
        changes = _put_back_all(db, deleted, by, note)
        if not changes:
            raise NotFound(f"source {source_id} has no deleted appearance to restore")
    return changes
