"""Looking after a ledger: checking it, backing it up while others write, compacting it."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from tracker.model import InvalidInput, TrackerError
from tracker.store.connection import write_transaction


def check(db: Database) -> list[str]:
    """What is wrong with the ledger, one problem a line; empty when all is well.

    SQLite's integrity check (pages, indexes), every foreign key, and every full-text index
    against the table it indexes (SQLite's own check does not look inside those)."""
    problems = [f"integrity: {row[0]}" for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {table} row {rowid} names a missing {parent} row")
    for table in sorted(db.table_names()):
        fts = db.table(table).detect_fts()
        if fts is None or table.startswith(fts):  # the index itself, or its shadow tables
            continue
        try:
            db.execute(f'INSERT INTO "{fts}" ("{fts}", rank) VALUES (\'integrity-check\', 1)')
        except sqlite3.DatabaseError:
            problems.append(
                f"full-text index: {fts} does not match {table} (`tracker db check --repair` rebuilds it)"
            )
        finally:
            db.rollback()  # the check is an INSERT: it opened a transaction that wrote nothing
    return problems


def rebuild_fts(db: Database) -> list[str]:
    """Rebuild every full-text index from its table; returns the indexes rebuilt."""
    rebuilt = []
    with write_transaction(db):
        for table in sorted(db.table_names()):
            fts = db.table(table).detect_fts()
            if fts is not None and not table.startswith(fts):
                db.execute(f'INSERT INTO "{fts}" ("{fts}") VALUES (\'rebuild\')')
                rebuilt.append(fts)
    return rebuilt


def backup(db: Database, dest: str | os.PathLike[str], *, force: bool = False) -> int:
    """Copy the ledger to `dest` with SQLite's online backup: one consistent snapshot, taken
    while other processes go on writing. The copy appears whole or not at all, readable by
    its owner only; an existing `dest` is replaced only with `force`. Returns its size."""
    target = Path(dest)
    source = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    if target.is_dir():
        raise InvalidInput(f"cannot back up to {target}: it is a directory")
    if not target.parent.is_dir():
        raise InvalidInput(f"cannot back up to {target}: directory {target.parent} does not exist")
    if target.exists() or target.is_symlink():
        if _same_file(target, source):
            raise InvalidInput(f"cannot back up {source} onto itself")
        if not force:
            raise InvalidInput(f"{target} exists: pass --force to replace it")
    partial = target.with_name(f".{target.name}.tracker-backup-{os.getpid()}")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        copy = sqlite3.connect(partial)
        try:
            db.conn.backup(copy)
            # one self-contained file: no -wal beside it to copy or lose
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        os.replace(partial, target)
    except OSError as error:
        raise TrackerError(f"cannot back up to {target}: {error.strerror}") from None
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


@dataclass(frozen=True)
class Vacuumed:
    before: int
    after: int


def vacuum(db: Database) -> Vacuumed:
    """Rebuild the file without its free pages (and fold the write-ahead log into it)."""
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.stat().st_size
    db.commit()
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Vacuumed(before, path.stat().st_size)
