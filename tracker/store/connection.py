"""Opening a tracker database: the connection's pragmas, its migrations, and row helpers.

A ledger is only ever a file tracker made: a SQLite file whose migrations table names the
"tracker" set, or an empty file, or none. Anything else is another program's and is left
exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from tracker.migrations import Progress, migrations, reporting
from tracker.model import InvalidInput, TrackerError

# A writer waits this long for another's write transaction (a large import holds the lock
# for as long as it writes); WAL readers never wait.
BUSY_TIMEOUT_MS = 120_000
_BUSY_RETRIES = 5  # for the busy errors SQLite returns without calling the busy handler

T = TypeVar("T")


class NotALedger(TrackerError):
    """The file exists but is not a tracker ledger: it is left untouched."""


class NoLedger(TrackerError):
    """No ledger at this path, and the command may not create one."""


class LedgerBusy(TrackerError):
    """Another writer held the write lock for longer than a writer waits (BUSY_TIMEOUT_MS)."""


def open_db(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    create_dir: bool = False,
    progress: Progress | None = None,
) -> Database:
    """Open a tracker ledger and bring its schema up to date; with `create`, make a new one
    (readable by its owner only) where there is no file or an empty one. An upgrade that
    derives something again for every row reports (done, total, what) to `progress`.

    With no path, $TRACKER_DB names it (the command line adds a per-user default).
    """
    return open_ledger(path, create=create, create_dir=create_dir, progress=progress)[0]


def open_ledger(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    create_dir: bool = False,
    progress: Progress | None = None,
) -> tuple[Database, bool]:
    """open_db, and whether this call created the ledger."""
    if path is None:
        path = os.environ.get("TRACKER_DB") or None
        if path is None:
            raise InvalidInput("no database: pass a path or set TRACKER_DB")
    db_path = Path(path)
    if db_path.is_dir():
        raise TrackerError(f"cannot open database {db_path}: it is a directory")
    if not _exists_with_content(db_path):
        if not create:
            raise NoLedger(
                f"no ledger at {db_path}: create one with `tracker db init --db {db_path}` "
                "(or add, import, extract)"
            )
        _create_file(db_path, create_dir)
    try:
        conn = sqlite3.connect(str(db_path))
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        _recognise(db, db_path)  # before anything that writes, the journal mode included
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        conn.execute("PRAGMA synchronous = NORMAL")
        with reporting(progress):
            created = _migrate(db)
    except sqlite3.DatabaseError as error:
        raise TrackerError(f"cannot open database {db_path}: {error}") from None
    return db, created


# where a ledger keeps what was written to it: empty in all of them, it holds nothing of anyone's
_CONTENT_TABLES = ("statements", "speakers", "sources", "claims", "links", "verdicts", "settings")


def discard_new_ledger(db: Database) -> bool:
    """Delete the ledger `db` with its -wal and -shm files, and close it, if nothing was ever
    written to it: what a command that created it and then failed leaves behind. Checked and
    deleted under the write lock, so a ledger another process has written to stays."""
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    try:
        with write_transaction(db):
            if any(db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in _CONTENT_TABLES):
                return False
            for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                name.unlink(missing_ok=True)
    finally:
        db.close()
    return True


def _exists_with_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _create_file(path: Path, create_dir: bool) -> None:
    if not path.parent.exists():
        if not create_dir:
            raise TrackerError(f"cannot create database {path}: directory does not exist")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        # SQLite gives the -wal and -shm files the mode of the database file
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # created meanwhile (empty, or by another tracker): recognised next
    except OSError as error:
        raise TrackerError(f"cannot create database {path}: {error.strerror}") from None


def _recognise(db: Database, path: Path) -> None:
    """Raise NotALedger unless `db` is a tracker ledger or holds nothing at all."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if not names:
        return
    table = migrations.migrations_table
    if table in names:
        sets = db.execute(f'SELECT count(*) FROM "{table}" WHERE migration_set = ?', [migrations.name])
        if sets.fetchone()[0]:
            return
    shown = ", ".join(sorted(names)[:5]) + (", …" if len(names) > 5 else "")
    raise NotALedger(f"{path} is not a tracker ledger (it holds other tables: {shown}); it was not changed")


def _migrate(db: Database) -> bool:
    """Apply pending migrations in one write transaction, so that processes opening a new
    ledger at once create it once; returns whether the first migration ran here."""
    if not migrations.pending(db):
        return False
    with write_transaction(db):
        pending = [m.name for m in migrations.pending(db)]  # again, under the write lock
        migrations.apply(db)
    return bool(pending) and pending[0] == migrations._migrations[0].name


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """db.atomic(), but taking the write lock at BEGIN: a transaction that reads and then
    writes would otherwise fail at once (SQLITE_BUSY) when another writer committed between.
    Nested, it is a savepoint, as db.atomic() is."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        retry_busy(lambda: db.conn.execute("BEGIN IMMEDIATE"))
    except sqlite3.OperationalError as error:
        if not _busy(error):
            raise
        raise LedgerBusy(
            f"the ledger is busy: another tracker has been writing to it for {BUSY_TIMEOUT_MS / 1000:g} s;"
            " try again when it is done"
        ) from None
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.commit()  # unless what ran inside committed already
    except BaseException:
        db.rollback()
        raise


def retry_busy(action: Callable[[], T]) -> T:
    """Run `action`, again after a pause while SQLite says the database is busy or locked
    beyond its busy timeout's reach (recovery, a checkpoint racing a new connection)."""
    for attempt in range(_BUSY_RETRIES):
        started = time.monotonic()
        try:
            return action()
        except sqlite3.OperationalError as error:
            waited_it_out = time.monotonic() - started >= BUSY_TIMEOUT_MS / 1000 / 2
            if not _busy(error) or waited_it_out or attempt == _BUSY_RETRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def _busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def now() -> str:
    """The current UTC time, to the second, as the tables store it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def query_rows(db: Database, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    """The rows of a query as dicts, keyed by column name."""
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values, strict=True))
