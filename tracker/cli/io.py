"""Getting statements in and out: import (and, with the reports, export)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from tracker.cli.options import DbOption, database


def register(app: typer.Typer) -> None:
    app.command("import")(import_)


def import_(
    file: Annotated[str, typer.Argument(help="A CSV, TSV, JSON or JSONL file; - for stdin.", metavar="FILE")],
    fmt: Annotated[Optional[str], typer.Option("--format", help="csv, tsv, json or jsonl (default: from the extension).")] = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="Link the new statements to related ones.")] = True,
    db_path: DbOption = None,
) -> None:
    """Import statements; one invalid row rejects the whole file and stores nothing."""
    from tracker.cli.statements import _link_new
    from tracker.export import import_format, read_statements
    from tracker.render import status
    from tracker.store import add_statements

    chosen = import_format(file, fmt)
    db = database(db_path)
    added = add_statements(db, read_statements(file, chosen, warn=lambda m: status(f"Warning: {m}")))
    new_ids = [a.id for a in added if a.created]
    status(f"Imported {len(new_ids)} new statement{'s' if len(new_ids) != 1 else ''}"
           f" ({len(added) - len(new_ids)} already recorded).")
    if link and new_ids:
        _link_new(db, new_ids)
