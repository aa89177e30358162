"""The database file itself: where it is, what is in it, its schema."""

from __future__ import annotations

import json

import typer

from tracker.cli.options import DbOption, JsonOption, database


def register(app: typer.Typer) -> None:
    from tracker.cli import _typer

    group = _typer(help="The database: path, info, migrate.")
    group.command("path")(path)
    group.command("info")(info)
    group.command("migrate")(migrate)
    app.add_typer(group, name="db")


def path(db_path: DbOption = None) -> None:
    """Print where the database is."""
    from tracker.cli.options import default_db_path

    print(db_path if db_path is not None else default_db_path())


def info(json_: JsonOption = False, db_path: DbOption = None) -> None:
    """Count what the database holds and list the migrations applied."""
    from tracker.cli import render
    from tracker.migrations import migrations
    from tracker.store import counts

    db = database(db_path)
    found = {
        **counts(db),
        "migrations": [m.name for m in migrations.applied(db)],
    }
    if json_:
        print(json.dumps(found, indent=2))
        return
    render.record(list(found.items()), title="Database")


def migrate(db_path: DbOption = None) -> None:
    """Bring the schema up to date (opening the database does it too)."""
    from tracker.migrations import migrations
    from tracker.cli.render import status

    db = database(db_path)
    status(f"Schema up to date: {len(migrations.applied(db))} migrations applied.")
