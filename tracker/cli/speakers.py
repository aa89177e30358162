"""Speakers and sources: the entities statements are attributed to and reported in."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from tracker.cli.options import CsvOption, DbOption, JsonOption, NlOption, database, output_format

SPEAKER_COLUMNS = [
    ("id", "id"),
    ("name", "name"),
    ("kind", "kind"),
    ("role", "role"),
    ("affiliation", "affiliation"),
    ("aliases", "aliases"),
    ("statements", "stmts"),
    ("possible_duplicates", "same as?"),
]
SOURCE_COLUMNS = [
    ("id", "id"),
    ("outlet", "outlet"),
    ("url", "url"),
    ("title", "title"),
    ("author", "author"),
    ("published", "published"),
    ("statements", "stmts"),
]


def register(app: typer.Typer) -> None:
    from tracker.cli import _typer

    speakers = _typer(help="Speakers: list, show, alias, merge, rename.")
    speakers.command("list")(list_speakers)
    speakers.command("show")(show_speaker)
    speakers.command("alias")(alias)
    speakers.command("merge")(merge)
    speakers.command("rename")(rename)
    app.add_typer(speakers, name="speakers")

    sources = _typer(help="Sources: the outlets and reports statements come from.")
    sources.command("list")(list_sources)
    app.add_typer(sources, name="sources")


SpeakerArg = Annotated[str, typer.Argument(help="A speaker's name, alias or id.", metavar="SPEAKER")]


def list_speakers(
    json_: JsonOption = False, csv: CsvOption = False, nl: NlOption = False, db_path: DbOption = None
) -> None:
    """List speakers with their aliases, statement counts and likely duplicates.

    Example: tracker speakers list --csv
    """
    from tracker.cli.render import emit
    from tracker.store import list_speakers as rows

    emit(rows(database(db_path)), SPEAKER_COLUMNS, fmt=output_format(json_, csv, nl),
         empty="No speakers.")


def show_speaker(
    speaker: SpeakerArg,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Show one speaker and their latest statements.

    Example: tracker speakers show "Ishaq Dar"
    """
    from tracker.cli import render
    from tracker.store import show_speaker as fetch

    fmt = output_format(json_, csv, nl)
    found = fetch(database(db_path), speaker)
    if fmt != "table":
        render.emit_record(found, fmt=fmt)
        return
    render.record([(header, found.get(key)) for key, header in SPEAKER_COLUMNS],
                  title=f"Speaker {found['id']}")
    render.table(found["recent"], [("id", "id"), ("text", "text"), ("source", "source"),
                                   ("said_on", "said")], title="Latest statements",
                 empty="No statements.")


def _done(speaker: dict[str, Any], message: str) -> None:
    from tracker.cli.render import status

    status(message)
    print(speaker["id"])


def alias(
    speaker: SpeakerArg,
    alias_name: Annotated[str, typer.Argument(help="Another name for them.", metavar="ALIAS")],
    db_path: DbOption = None,
) -> None:
    """Record another name a speaker goes by.

    Example: tracker speakers alias "Ishaq Dar" "Pakistan's Foreign Minister"
    """
    from tracker.store import add_alias

    found = add_alias(database(db_path), speaker, alias_name)
    _done(found, f"{alias_name!r} now names {found['name']} (id {found['id']}).")


def merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep.", metavar="KEEP")],
    absorb: Annotated[str, typer.Argument(help="The duplicate to fold into it.", metavar="DUPLICATE")],
    db_path: DbOption = None,
) -> None:
    """Merge a duplicate speaker into another: statements and aliases move over.

    Example: tracker speakers merge 1 9
    """
    from tracker.store import merge_speakers

    found = merge_speakers(database(db_path), keep, absorb)
    _done(found, f"Merged into {found['name']} (id {found['id']}).")


def rename(
    speaker: SpeakerArg,
    new_name: Annotated[str, typer.Argument(help="The new canonical name.", metavar="NEW_NAME")],
    db_path: DbOption = None,
) -> None:
    """Change a speaker's canonical name (the old one stays an alias).

    Example: tracker speakers rename "US State Department" "State Department"
    """
    from tracker.store import rename_speaker

    found = rename_speaker(database(db_path), speaker, new_name)
    _done(found, f"Renamed to {found['name']} (id {found['id']}).")


def list_sources(
    json_: JsonOption = False, csv: CsvOption = False, nl: NlOption = False, db_path: DbOption = None
) -> None:
    """List sources (outlet, URL, title) with their statement counts.

    Example: tracker sources list --json
    """
    from tracker.cli.render import emit
    from tracker.store import list_sources as rows

    emit(rows(database(db_path)), SOURCE_COLUMNS, fmt=output_format(json_, csv, nl),
         empty="No sources.")
