"""Opening a tracker database: the connection's pragmas, its migrations, and row helpers."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tracker.migrations import migrations
from tracker.model import InvalidInput, TrackerError


def open_db(path: str | os.PathLike[str] | None = None, *, create_dir: bool = False) -> Database:
    """Open (creating if needed) a tracker database and bring its schema up to date.

    With no path, $TRACKER_DB names it (the command line adds a per-user default).
    """
    if path is None:
        path = os.environ.get("TRACKER_DB") or None
        if path is None:
            raise InvalidInput("no database: pass a path or set TRACKER_DB")
    db_path = Path(path)
    if not db_path.parent.exists():
        if create_dir:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise TrackerError(f"cannot create database {db_path}: directory does not exist")
    if db_path.is_dir():
        raise TrackerError(f"cannot open database {db_path}: it is a directory")
    try:
        conn = sqlite3.connect(str(db_path))
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        db = Database(conn)
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise TrackerError(f"cannot open database {db_path}: {error}") from None
    return db


def now() -> str:
    """The current UTC time, to the second, as the tables store it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def query_rows(db: Database, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts, keyed by column name."""
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))
