"""The database file itself: where it is, what is in it, its schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.options import CsvOption, DbOption, JsonOption, NlOption, database, output_format


def register(app: typer.Typer) -> None:
    from tracker.cli import _typer

    group = _typer(help="The database: path, init, info, migrate, check, backup, vacuum.")
    group.command("path")(path)
    group.command("init")(init)
    group.command("info")(info)
    group.command("migrate")(migrate)
    group.command("check")(check)
    group.command("backup")(backup)
    group.command("vacuum")(vacuum)
    app.add_typer(group, name="db")


def path(db_path: DbOption = None) -> None:
    """Print where the database is."""
    from tracker.cli.options import default_db_path

    print(db_path if db_path is not None else default_db_path())


def info(
    json_: JsonOption = False, csv: CsvOption = False, nl: NlOption = False, db_path: DbOption = None
) -> None:
    """Count what the database holds and list the migrations applied.

    Example: tracker db info --json
    """
    from tracker.cli import render
    from tracker.migrations import migrations
    from tracker.store import counts

    fmt = output_format(json_, csv, nl)
    db = database(db_path)
    found = {
        **counts(db),
        "migrations": [m.name for m in migrations.applied(db)],
    }
    if fmt != "table":
        render.emit_record(found, fmt=fmt)
        return
    render.record(list(found.items()), title="Database")


def migrate(db_path: DbOption = None) -> None:
    """Bring the schema up to date (opening the database does it too)."""
    from tracker.cli.render import status
    from tracker.migrations import migrations

    db = database(db_path)
    status(f"Schema up to date: {len(migrations.applied(db))} migrations applied.")


def init(db_path: DbOption = None) -> None:
    """Create a new, empty ledger (add, import and extract create one too).

    Example: tracker db init --db desk.db
    """
    from tracker.cli.options import default_db_path, open_showing_upgrade
    from tracker.cli.render import status

    chosen = default_db_path() if db_path is None else db_path
    _, created = open_showing_upgrade(chosen, create=True, create_dir=db_path is None)
    status(f"Created ledger {chosen}." if created else f"{chosen} is already a ledger.")


def check(
    repair: Annotated[
        bool, typer.Option("--repair", help="Rebuild the full-text indexes from their tables first.")
    ] = False,
    db_path: DbOption = None,
) -> None:
    """Check the ledger: SQLite's integrity check, foreign keys, full-text indexes.

    Prints "ok" (exit 0), or each problem found (exit 1).

    Example: tracker db check --repair
    """
    from tracker.cli import fail
    from tracker.cli.render import status
    from tracker.store import operations

    db = database(db_path)
    if repair:
        rebuilt = operations.rebuild_fts(db)
        status(f"Rebuilt {', '.join(rebuilt) or 'no full-text index'}.")
    problems = operations.check(db)
    if not problems:
        print("ok")
        return
    for problem in problems:
        print(problem)
    raise fail(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found")


def backup(
    dest: Annotated[Path, typer.Argument(help="Where to write the copy.", dir_okay=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace DEST if it exists.")] = False,
    db_path: DbOption = None,
) -> None:
    """Copy the ledger to DEST, safely while others write to it (SQLite's online backup).

    Example: tracker db backup ledger-copy.db
    """
    from tracker.cli.render import status
    from tracker.store import operations

    size = operations.backup(database(db_path), dest, force=force)
    status(f"Backed up to {dest} ({_size(size)}).")


def vacuum(db_path: DbOption = None) -> None:
    """Compact the ledger file: rebuild it without its free pages.

    Example: tracker db vacuum --db desk.db
    """
    from tracker.cli.render import status
    from tracker.store import operations

    done = operations.vacuum(database(db_path))
    status(f"Vacuumed: {_size(done.before)} → {_size(done.after)}.")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} kB"
