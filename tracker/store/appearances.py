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


def deleted_appearances(db: Database, statement_id: int | None = None) -> list[dict[str, Any]]:
    """The rows of every appearance deleted (of one statement), oldest deletion first."""
    sql = f"SELECT statement_id, before FROM audit WHERE action = '{DELETE}'"
    params: list[Any] = []
    if statement_id is not None:
        sql += " AND statement_id = ?"
        params.append(statement_id)
    return [json.loads(before)["appearance"] for _, before in db.execute(sql + " ORDER BY id", params)]


def restore_appearances(
    db: Database, statement_id: int, *, by: str | None = None, note: str | None = None
) -> AppearanceChange:
    """Put back, under their ids, the appearances deleted from a statement that are not in the
    ledger again."""
    with write_transaction(db):
        require_statement(db, statement_id)
        present = {
            (row["source_id"], row["said_on"], row["reported_on"]) for row in _further(db, statement_id)
        }
        put: list[dict[str, Any]] = []
        for row in deleted_appearances(db, statement_id):
            key = (row["source_id"], row["said_on"], row["reported_on"])
            if key in present:
                continue
            if _put_back(db, "appearances", row) != "skipped":
                present.add(key)
                put.append(row)
        if not put:
            raise NotFound(f"statement {statement_id} has no deleted appearance to restore")
        restored = [{**row, "outlet": _outlet(db, row["source_id"])} for row in put]
        audit_id = record(
            db, RESTORE, statement_id=statement_id, after={"appearances": put}, by=by, note=note
        )
    return AppearanceChange(statement_id, restored, audit_id)
