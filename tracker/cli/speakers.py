"""Speakers and sources: the entities statements are attributed to and reported in."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from tracker.cli.options import CsvOption, DbOption, JsonOption, NlOption, checked, database, output_format

SPEAKER_COLUMNS = [
    ("id", "id"),
    ("name", "name"),
    ("kind", "kind"),
    ("role", "role"),
    ("affiliation", "affiliation"),
    ("aliases", "aliases"),
    ("statements", "stmts"),
    ("uncertain", "to check"),
    ("possible_duplicates", "same as?"),
]
REVIEW_COLUMNS = [
    ("id", "id"),
    ("speaker", "filed under"),
    ("mention", "as named"),
    ("may_be", "may be"),
    ("text", "text"),
]
MERGE_COLUMNS = [
    ("id", "merge"),
    ("kept", "kept"),
    ("absorbed", "absorbed"),
    ("statements", "stmts"),
    ("created_at", "merged at"),
    ("undone_at", "undone at"),
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

    speakers = _typer(help="Speakers: list, show, alias, merge and unmerge, split, rename, check.")
    speakers.command("list")(list_speakers)
    speakers.command("show")(show_speaker)
    speakers.command("alias")(alias)
    speakers.command("merge")(merge)
    speakers.command("merges")(merges)
    speakers.command("unmerge")(unmerge)
    speakers.command("split")(split)
    speakers.command("uncertain")(uncertain)
    speakers.command("confirm")(confirm)
    speakers.command("rename")(rename)
    app.add_typer(speakers, name="speakers")

    sources = _typer(help="Sources: the outlets and reports statements come from.")
    sources.command("list")(list_sources)
    app.add_typer(sources, name="sources")


SpeakerArg = Annotated[str, typer.Argument(help="A speaker's name, alias or id.", metavar="SPEAKER")]


def _statement_ids(text: str) -> list[int]:
    from tracker.model import InvalidInput

    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise InvalidInput(f"--statements takes statement ids separated by commas, not {text!r}")
    return [int(part) for part in parts]


StatementsOption = Annotated[
    str,
    typer.Option(
        "--statements",
        callback=checked(_statement_ids),
        help="Statement ids, separated by commas.",
        metavar="ID,ID…",
    ),
]


def list_speakers(
    all_: Annotated[
        bool, typer.Option("--all", help="Also the speakers none of whose statements is in the ledger now.")
    ] = False,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """List speakers with their aliases, statement counts and likely duplicates; where two
    share a name, the table says where each was reported.

    A speaker left with no statement (its last one deleted, or moved to another speaker by
    an edit) is left out, and a note says how many: `--all` lists them too.

    Example: tracker speakers list --csv
    """
    from tracker.cli.render import emit, status
    from tracker.store import list_speakers as rows
    from tracker.store import shared_speaker_names
    from tracker.store.speaker_admin import outlets_of

    db = database(db_path)
    fmt = output_format(json_, csv, nl)
    found = rows(db)
    silent = sum(1 for row in found if not row["statements"])
    if not all_:
        found = [row for row in found if row["statements"]]
    if fmt == "table":  # a name two speakers share: where each was reported tells them apart
        shared = shared_speaker_names(db)
        alike = [row["id"] for row in found if row["name"].casefold() in shared]
        outlets = outlets_of(db, alike)
        for row in found:
            if row["id"] in alike:
                row["name"] = f"{row['name']} (in {', '.join(outlets.get(row['id'], ['no source']))})"
    emit(found, SPEAKER_COLUMNS, fmt=fmt, empty="No speakers.")
    if silent and not all_:
        one = silent == 1
        status(
            f"Left out {silent} speaker{'' if one else 's'} with no statement in the ledger"
            f" (`tracker speakers list --all` lists {'it' if one else 'them'})."
        )


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
    render.record(
        [(header, found.get(key)) for key, header in SPEAKER_COLUMNS], title=f"Speaker {found['id']}"
    )
    render.table(
        found["recent"],
        [("id", "id"), ("text", "text"), ("source", "source"), ("said_on", "said")],
        title="Latest statements",
        empty="No statements.",
    )
    if found["uncertain_statements"]:
        render.table(
            found["uncertain_statements"],
            REVIEW_COLUMNS,
            title="Speaker uncertain: check, then split or confirm",
        )


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
    from tracker.cli.render import status
    from tracker.store import merge_speakers

    found = merge_speakers(database(db_path), keep, absorb)
    status(
        f"Merged into {found['name']} (id {found['id']}); "
        f"undo with `tracker speakers unmerge {found['merge_id']}`."
    )
    for ids in found["repeats"]:
        listed = " and ".join(f"#{i}" for i in ids)
        status(
            f"Statements {listed} now have the same words and speaker:"
            f" `tracker delete {ids[-1]}` or keep both."
        )
    print(found["id"])


def merges(
    json_: JsonOption = False, csv: CsvOption = False, nl: NlOption = False, db_path: DbOption = None
) -> None:
    """List recorded merges, newest first, with the id `unmerge` takes.

    Example: tracker speakers merges --json
    """
    from tracker.cli.render import emit
    from tracker.store import list_merges

    emit(list_merges(database(db_path)), MERGE_COLUMNS, fmt=output_format(json_, csv, nl), empty="No merges.")


def unmerge(
    merge_id: Annotated[
        int, typer.Argument(help="The merge's id (see `speakers merges`).", metavar="MERGE_ID")
    ],
    db_path: DbOption = None,
) -> None:
    """Undo a merge: the absorbed speaker returns, with its aliases and statements.

    Example: tracker speakers unmerge 1
    """
    from tracker.store import unmerge_speakers

    found = unmerge_speakers(database(db_path), merge_id)
    _done(found, f"Unmerged: {found['name']} (id {found['id']}) is a speaker again.")


def split(
    speaker: SpeakerArg,
    statements: StatementsOption,
    name: Annotated[
        str | None, typer.Option("--name", help="A new speaker to move them to.", metavar="NEW")
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="A stored speaker to move them to.", metavar="SPEAKER")
    ] = None,
    db_path: DbOption = None,
) -> None:
    """Move some of a speaker's statements to a new speaker (--name) or another one (--to).

    Example: tracker speakers split "Ishaq Dar" --statements 2 --name "Dar aide"
    """
    from tracker.store import split_speaker

    ids = _statement_ids(statements)
    found = split_speaker(database(db_path), speaker, ids, name=name, to=to)
    count = f"{len(set(ids))} statement{'s' if len(set(ids)) != 1 else ''}"
    _done(found, f"Moved {count} to {found['name']} (id {found['id']}).")


def uncertain(
    json_: JsonOption = False, csv: CsvOption = False, nl: NlOption = False, db_path: DbOption = None
) -> None:
    """List statements whose speaker is uncertain: filed under a name two speakers fit, or
    left unresolved by extraction ("she" with nobody she could be).

    Example: tracker speakers uncertain --csv
    """
    from tracker.cli.render import emit
    from tracker.speakers import told_apart
    from tracker.store import shared_speaker_names, speaker_reviews
    from tracker.store.speaker_admin import unresolved_statements

    db = database(db_path)
    fmt = output_format(json_, csv, nl)
    rows = sorted([*speaker_reviews(db), *unresolved_statements(db)], key=lambda row: row["id"])
    if fmt == "table":
        shared = shared_speaker_names(db)
        rows = [{**row, "speaker": told_apart(row["speaker"], row.get("speaker_id"), shared)} for row in rows]
    emit(
        rows,
        REVIEW_COLUMNS,
        fmt=fmt,
        empty="No uncertain speakers.",
    )


def confirm(speaker: SpeakerArg, statements: StatementsOption, db_path: DbOption = None) -> None:
    """Keep statements under their speaker and clear their "uncertain" flag.

    Example: tracker speakers confirm "Ishaq Dar" --statements 1
    """
    from tracker.store import confirm_speaker

    ids = _statement_ids(statements)
    found = confirm_speaker(database(db_path), speaker, ids)
    _done(found, f"Confirmed {len(set(ids))} as {found['name']} (id {found['id']}).")


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
    all_: Annotated[
        bool, typer.Option("--all", help="Also the sources that hold no statement or appearance now.")
    ] = False,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """List sources (outlet, URL, title) with their statement counts (JSON: and repeats).

    A source left with nothing in it (its statements deleted or moved by an edit, its
    appearances deleted) is left out, and a note says how many: `--all` lists them too.
    Its row is kept, so that `tracker restore` can bring back what was in it.

    Example: tracker sources list --json
    """
    from tracker.cli.render import emit, status
    from tracker.store import list_sources as rows

    found = rows(database(db_path))
    empty = sum(1 for row in found if not row["statements"] and not row["appearances"])
    if not all_:
        found = [row for row in found if row["statements"] or row["appearances"]]
    emit(found, SOURCE_COLUMNS, fmt=output_format(json_, csv, nl), empty="No sources.")
    if empty and not all_:
        one = empty == 1
        status(
            f"Left out {empty} source{'' if one else 's'} with no statement or appearance in the ledger"
            f" (`tracker sources list --all` lists {'it' if one else 'them'})."
        )
