"""Recording and reading statements: add, list, search, show."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from tracker.cli.options import (
    CsvOption,
    DbOption,
    JsonOption,
    KindCheck,
    LimitOption,
    NlOption,
    SinceFilter,
    SourceFilter,
    SpeakerFilter,
    TagFilter,
    UntilFilter,
    a_date,
    after_commit,
    creating,
    database,
    link_added,
    output_format,
)
from tracker.cli.render import Column

LIST_COLUMNS: list[Column] = [
    ("id", "id"),
    ("speaker", "speaker"),
    ("text", "text"),
    ("source", "source"),
    ("date", "date"),
    ("kind", "kind"),
    ("polarity", "polarity"),
]
MACHINE_COLUMNS = [
    "id",
    "text",
    "speaker",
    "role",
    "affiliation",
    "source",
    "url",
    "title",
    "author",
    "said_on",
    "reported_on",
    "kind",
    "cue",
    "via",
    "hedge",
    "modality",
    "polarity",
    "proposition",
    "tags",
    "ref",
    "char_start",
    "char_end",
    "created_at",
]


def register(app: typer.Typer) -> None:
    app.command("add")(add)
    app.command("list")(list_)
    app.command("search")(search)
    app.command("show")(show)


def _text_argument(text: str) -> str:
    if text == "-":
        from tracker.export import read_text

        return read_text("-", what="statement text")
    return text


def add(
    text: Annotated[str, typer.Argument(help="What was said; - reads it from stdin.")],
    speaker: Annotated[str, typer.Option("--speaker", "-s", help="Who said it.")],
    role: Annotated[str | None, typer.Option(help="The speaker's role as stated.")] = None,
    affiliation: Annotated[str | None, typer.Option(help="Country, party or organisation.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="The outlet that reported it.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the report.")] = None,
    author: Annotated[str | None, typer.Option(help="Author of the report.")] = None,
    said_on: Annotated[
        str | None,
        typer.Option(
            "--said-on", callback=a_date("--said-on"), help="When it was said (2025, 2025-05, 2025-05-10)."
        ),
    ] = None,
    reported_on: Annotated[
        str | None,
        typer.Option("--reported-on", callback=a_date("--reported-on"), help="When it was reported."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            callback=KindCheck,
            help="direct, indirect, paraphrase or unknown (default: direct when the text stands in"
            " quotation marks, else unknown).",
        ),
    ] = None,
    cue: Annotated[str | None, typer.Option(help="The reporting verb: stated, denied, urged…")] = None,
    via: Annotated[str | None, typer.Option(help="The reporting chain: 'to local television'.")] = None,
    hedge: Annotated[str | None, typer.Option(help="A hedge such as 'reportedly'.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")] = None,
    ref: Annotated[str | None, typer.Option(help="An external id; adding it again adds nothing.")] = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="Link it to related statements.")] = True,
    json_: JsonOption = False,
    db_path: DbOption = None,
) -> None:
    """Record one statement and print its id.

    Example: tracker add "The ball is in India's court." -s Dar --said-on 2025-05
    """
    from tracker.model import NewStatement
    from tracker.store import add_statement, get_statement, statement_appearances
    from tracker.store.settings import MAX_TEXT_CEILING
    from tracker.store.validation import check_statement

    new = NewStatement(
        text=_text_argument(text),
        speaker=speaker,
        role=role,
        affiliation=affiliation,
        source=source,
        url=url,
        author=author,
        said_on=said_on,
        reported_on=reported_on,
        kind=kind,
        cue=cue,
        via=via,
        hedge=hedge,
        tags=tag or [],
        ref=ref,
    )
    # before opening, bad input creates no ledger; the text's length is the ledger's to judge
    check_statement(new, max_text_chars=MAX_TEXT_CEILING)
    with creating(db_path) as db:
        added = add_statement(db, new)
    with after_commit(1 if added.created else 0):
        if added.created and link:
            link_added(db, [added.id])
        if json_:
            print(json.dumps(get_statement(db, added.id), ensure_ascii=False, indent=2))
        else:
            print(added.id)
    if added.appeared:
        last = statement_appearances(db, added.id)[-1]
        print(f"Recorded as a new appearance of statement {added.id} ({where_when(last)}).", file=sys.stderr)
    elif not added.created:
        print(f"Already recorded as statement {added.id}.", file=sys.stderr)


def where_when(appearance: dict[str, Any]) -> str:
    """An appearance as a person names it: "Dawn, 2025-05-12" (the outlet, the date, the URL)."""
    date = appearance["said_on"] or appearance["reported_on"]
    parts = (appearance["source"], date, appearance["url"])
    return ", ".join(part for part in parts if part) or "no source, no date"


def list_(
    speaker: SpeakerFilter = None,
    source: SourceFilter = None,
    tag: TagFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    kind: Annotated[
        str | None, typer.Option(callback=KindCheck, help="direct, indirect, paraphrase or unknown.")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """List statements, oldest first, with filters.

    Example: tracker list --speaker "Ishaq Dar" --since 2025-05 --csv
    """
    from tracker.cli.render import emit
    from tracker.store import StatementFilter, list_statements

    fmt = output_format(json_, csv, nl)
    db = database(db_path)
    rows = list_statements(
        db,
        StatementFilter(speaker, source, tag, since, until, kind, limit),
    )
    if fmt == "table":
        rows = _table_rows(db, rows)
    emit(
        rows,
        LIST_COLUMNS if fmt == "table" else [(c, c) for c in MACHINE_COLUMNS],
        fmt=fmt,
        empty="No statements.",
    )


def _table_rows(db: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as a table shows them: a date, and a speaker's id beside a name two speakers share."""
    from tracker.speakers import told_apart
    from tracker.store import shared_speaker_names

    shared = shared_speaker_names(db)
    return [
        {
            **row,
            "date": row["said_on"] or row["reported_on"],
            "speaker": told_apart(row["speaker"], row["speaker_id"], shared),
        }
        for row in rows
    ]


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must appear).")],
    limit: Annotated[int, typer.Option(min=1, help="At most this many results.")] = 20,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Full-text search over statements, best match first.

    Example: tracker search "missiles Afghanistan"
    """
    from tracker.cli.render import emit
    from tracker.store import search_statements

    fmt = output_format(json_, csv, nl)
    db = database(db_path)
    rows = search_statements(db, query, limit=limit)
    for row in rows:
        row.pop("rank", None)
    if fmt == "table":
        rows = _table_rows(db, rows)
    emit(
        rows,
        LIST_COLUMNS if fmt == "table" else [(c, c) for c in MACHINE_COLUMNS],
        fmt=fmt,
        empty="No statement matches.",
    )


def show(
    statement_id: Annotated[int, typer.Argument(help="The statement's id.", metavar="ID")],
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Show one statement with its speaker, source, reporting chain, claims, links, verdicts
    and history (its corrections).

    Example: tracker show 2
    """
    from tracker.claims import side_label, statement_claims
    from tracker.cli import render
    from tracker.cli.corrections import changed_something
    from tracker.model import status_label
    from tracker.store import (
        statement_appearances,
        statement_links,
        statement_speaker_review,
        statement_verdicts,
    )
    from tracker.store.corrections import list_audit, require_statement
    from tracker.verdicts import current_verdict

    fmt = output_format(json_, csv, nl)
    db = database(db_path)
    statement = require_statement(db, statement_id)
    statement["speaker_uncertain"] = statement_speaker_review(db, statement_id)
    statement["links"] = statement_links(db, statement_id)
    statement["verdicts"] = statement_verdicts(db, statement_id)
    statement["verdict"] = current_verdict(db, statement_id)  # latest own, else inherited
    statement["claims"] = statement_claims(db, statement_id)
    statement["appearances"] = statement_appearances(db, statement_id)
    statement["history"] = changed_something(list_audit(db, statement_id=statement_id))
    if fmt != "table":
        render.emit_record(statement, fmt=fmt)
        return
    span = (
        f"{statement['char_start']}–{statement['char_end']}" if statement["char_start"] is not None else None
    )
    render.record(
        [
            ("text", statement["text"]),
            ("speaker", f"{statement['speaker']} (id {statement['speaker_id']})"),
            ("speaker check", statement["speaker_uncertain"]),
            ("role", statement["role"]),
            ("affiliation", statement["affiliation"]),
            ("source", statement["source"]),
            ("url", statement["url"]),
            ("author", statement["author"]),
            ("said on", statement["said_on"]),
            ("reported on", statement["reported_on"]),
            ("kind", statement["kind"]),
            ("cue", statement["cue"]),
            ("via", statement["via"]),
            ("hedge", statement["hedge"]),
            ("modality", statement["modality"]),
            ("polarity", statement["polarity"]),
            ("claim", statement["proposition"]),
            ("answers", statement.get("answers")),
            ("tags", statement["tags"]),
            ("ref", statement["ref"]),
            ("offsets", span),
            ("verdict", _verdict_line(statement["verdict"])),
        ],
        title=f"Statement {statement_id}",
    )
    if len(statement["appearances"]) > 1:  # the first is the statement's own source and dates
        render.table(
            [
                {
                    **a,
                    "n": n,
                    "date": a["said_on"] or a["reported_on"],
                    "repeat": "" if a["first"] else "repeat",
                }
                for n, a in enumerate(statement["appearances"], start=1)
            ],
            [
                ("n", "#"),
                ("source", "source"),
                ("date", "date"),
                ("url", "url"),
                ("repeat", ""),
            ],
            title=f"Appearances ({len(statement['appearances'])})",
        )
    if statement["claims"]:
        render.table(
            [{**side, "status": side_label(side)} for side in statement["claims"]],
            [
                ("id", "claim"),
                ("stance", "stance"),
                ("status", "status"),
                ("score", "score"),
                ("text", "text"),
            ],
            title="Claims",
        )
    if statement["links"]:
        render.table(
            [
                {
                    **link,
                    "status": status_label(link["status"], link["confirmed_by"]),
                    "reasons": "; ".join(f"{r['code']}: {r['detail']}" for r in link["reasons"]),
                }
                for link in statement["links"]
            ],
            [
                ("id", "link"),
                ("relation", "relation"),
                ("status", "status"),
                ("score", "score"),
                ("other_id", "with"),
                ("other_speaker", "speaker"),
                ("other_text", "text"),
                ("reasons", "why"),
            ],
            title="Links",
        )
    if statement["verdicts"]:
        render.table(
            statement["verdicts"],
            [
                ("created_at", "when"),
                ("rating", "rating"),
                ("by", "by"),
                ("evidence_url", "evidence"),
                ("note", "note"),
            ],
            title="Verdicts (the last one counts)",
        )
    if statement["history"]:
        from tracker.cli.corrections import table_rows

        render.table(
            table_rows(statement["history"]),
            [("at", "when (UTC)"), ("by", "by"), ("action", "action"), ("what", "what"), ("note", "note")],
            title="History",
        )


def _verdict_line(current: dict[str, Any] | None) -> str | None:
    """The verdict that counts for a statement, saying where an inherited one comes from."""
    if current is None:
        return None
    origin = current["inherited_from"]
    return str(current["rating"]) + (f" (inherited from #{origin}, which it agrees with)" if origin else "")
