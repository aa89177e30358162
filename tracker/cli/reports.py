"""Reading the ledger as a whole: report, timeline, and verdicts on claims."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any, TextIO

import typer

from tracker.cli.options import (
    ClaimFilter,
    CsvOption,
    DbOption,
    JsonOption,
    LimitOption,
    NlOption,
    RatingCheck,
    SinceFilter,
    SourceFilter,
    SpeakerFilter,
    TagFilter,
    UntilFilter,
    database,
    output_format,
)

REPORT_FORMATS = ("table", "md", "csv", "json", "nl")
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="table, md (Markdown), csv, json or nl (JSON lines); --json, --csv and --nl say the same.",
        show_default=False,
    ),
]
# the keys of tracker.reports.report's sections, in its order (tests/test_cli_conventions.py checks)
SECTIONS = (
    "speakers",
    "outlets",
    "contradictions",
    "flips",
    "claims",
    "corroborated",
    "disputed",
    "verdicts",
    "unverified",
    "lag",
)
ReportFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="table, md (Markdown), csv, json, nl (JSON lines) or html (one page); "
        "--json, --csv and --nl say the same.",
        show_default=False,
    ),
]
TIMELINE_COLUMNS = [
    ("id", "id"),
    ("date", "date"),
    ("speaker", "speaker"),
    ("source", "source"),
    ("text", "text"),
    ("marks", "marks"),
]
VERDICT_COLUMNS = [
    ("statement_id", "#"),
    ("rating", "rating"),
    ("speaker", "speaker"),
    ("text", "text"),
    ("by", "by"),
    ("created_at", "when"),
    ("evidence_url", "evidence"),
    ("inherited_from", "from #"),
]


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("timeline")(timeline)
    app.command("verdict")(verdict)
    app.command("verdicts")(verdicts)


def _format(fmt: str | None, json_: bool, csv: bool, nl: bool) -> str:
    """--format (kept from before the flags) or one of --json / --csv / --nl, not two that differ."""
    flag = output_format(json_, csv, nl)
    if fmt is None:
        return flag
    if fmt not in REPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
    if flag not in ("table", fmt):
        raise typer.BadParameter(f"--format {fmt} and --{flag} disagree: give one", param_hint="--format")
    return fmt


def report_summary(sections: list[Any]) -> str:
    """One sentence of totals that opens the report."""
    counts = {s.key: len(s.rows) for s in sections}
    statements = sum(row["statements"] for row in sections[0].rows)
    return (
        f"{statements} statement{'s' if statements != 1 else ''} by {counts['speakers']} "
        f"speaker{'s' if counts['speakers'] != 1 else ''} in {counts['outlets']} "
        f"outlet{'s' if counts['outlets'] != 1 else ''}; {counts['contradictions']} "
        f"contradiction{'s' if counts['contradictions'] != 1 else ''}, "
        f"{counts['flips']} flip{'s' if counts['flips'] != 1 else ''}, "
        f"{counts['verdicts']} verdict{'s' if counts['verdicts'] != 1 else ''}."
    )


def report(
    since: SinceFilter = None,
    until: UntilFilter = None,
    speaker: SpeakerFilter = None,
    source: SourceFilter = None,
    tag: TagFilter = None,
    claim: ClaimFilter = None,
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section", metavar="NAME", help=f"Only this section (repeatable): {', '.join(SECTIONS)}."
        ),
    ] = None,
    fmt: ReportFormatOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (with --format html, md, json, csv or --nl).",
        ),
    ] = None,
    db_path: DbOption = None,
) -> None:
    """Statements per speaker and outlet, contradictions, flips, the claims statements take
    sides on, corroborated and disputed claims, verdicts, repeated unverified claims and
    reporting lag.

    --csv is in long form (section, row, field, value); --nl gives one line per row,
    tagged with its section.

    --format html is one self-contained page (no network) with a timeline chart, the
    claims with both sides, and every speaker's statements.

    Example: tracker report --section contradictions --since 2025-05
    """
    from tracker import export
    from tracker.cli import render
    from tracker.reports import report as build
    from tracker.store import StatementFilter

    if fmt is not None and fmt not in (*REPORT_FORMATS, "html"):
        raise typer.BadParameter(f"use one of {', '.join(REPORT_FORMATS)}, html", param_hint="--format")
    fmt = "html" if fmt == "html" and not (json_ or csv or nl) else _format(fmt, json_, csv, nl)
    if output is not None and fmt == "table":
        raise typer.BadParameter(
            "a file takes --format html, md, json, csv or --nl, not the terminal's tables",
            param_hint="--output",
        )
    unknown = [name for name in section or [] if name not in SECTIONS]
    if unknown:
        raise typer.BadParameter(
            f"no section {unknown[0]!r}: use {', '.join(SECTIONS)}", param_hint="--section"
        )
    db = database(db_path)
    where = StatementFilter(speaker, source, tag, since, until, claim=claim)
    sections = build(db, where)
    summary = report_summary(sections)
    if section:
        sections = [s for s in sections if s.key in section]
    if fmt == "html":
        _write_html(db, where, sections, summary, output)
    elif fmt != "table":
        writers: dict[str, Callable[[TextIO], None]] = {
            "nl": lambda out: export.write_jsonl(export.report_rows(sections), out),
            "md": lambda out: export.write_report_markdown(
                sections, out, title="Statement report", summary=summary
            ),
            "csv": lambda out: export.write_report_csv(sections, out),
            "json": lambda out: export.write_report_json(sections, out),
        }
        _write(writers[fmt], output)
    else:
        print(summary)
        for part in sections:
            if part.rows:
                render.table(part.rows, part.columns, title=part.title)
            else:
                print(f"\n{part.title}: none.")


def html_report(db: Any, where: Any, sections: list[Any], summary: str) -> str:
    """The self-contained HTML page of the report (`report --format html`, `export report`)."""
    from tracker.claims import get_claim, list_claims
    from tracker.html import report_page
    from tracker.reports import timeline as build

    claims = [{**get_claim(db, str(c["id"])), "verdict": c["verdict"]} for c in list_claims(db)]
    return report_page(sections, build(db, where), claims, summary=summary)


def _write_html(db: Any, where: Any, sections: list[Any], summary: str, output: str | None) -> None:
    page = html_report(db, where, sections, summary)
    _write(lambda out: out.write(page), output)


def _write(write: Callable[[TextIO], object], output: str | None) -> None:
    """Write to standard output, or to a file all at once (nothing half-written stays)."""
    from tracker.cli.render import status
    from tracker.export import AtomicOutput

    if output is None or output == "-":
        write(sys.stdout)
        return
    with AtomicOutput(output) as out:
        write(out)
    status(f"Wrote the report to {output}.")


def timeline(
    speaker: SpeakerFilter = None,
    tag: TagFilter = None,
    source: SourceFilter = None,
    claim: ClaimFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Statements in date order (said, else reported; undated last), marking where one
    contradicts (✗ #id) or agrees with an earlier statement: ✓ #id as a person confirmed, ≈ #id
    as only the engine judged (suggested, or confirmed sure of itself; `agrees_unchecked` in
    JSON and CSV); one mark per earlier statement, ± #id when it was judged both to agree and
    to contradict and no person settled which (`conflicting`). A legend says what each means.
    A statement repeated on another date or in another outlet appears again there (↻ repeat
    of #id).

    Example: tracker timeline --speaker "Ishaq Dar" --since 2025-05-01
    """
    from tracker import export
    from tracker.cli.render import emit
    from tracker.reports import TIMELINE_LEGEND
    from tracker.reports import timeline as build
    from tracker.store import StatementFilter

    fmt = _format(fmt, json_, csv, nl)
    where = StatementFilter(speaker=speaker, source=source, tag=tag, since=since, until=until, claim=claim)
    rows = build(database(db_path), where)[:limit]
    if fmt == "md":
        export.write_markdown(rows, TIMELINE_COLUMNS, sys.stdout, title="Timeline")
        if any(row["marks"] for row in rows):
            sys.stdout.write(f"\nMarks: {TIMELINE_LEGEND}.\n")
    else:
        extra = ["contradicts", "agrees", "agrees_unchecked", "conflicting"] if fmt == "csv" else []
        emit(rows, TIMELINE_COLUMNS + [(key, key) for key in extra], fmt=fmt, empty="No statements.")
        if fmt == "table" and any(row["marks"] for row in rows):
            from tracker.cli.render import status

            status(f"Marks: {TIMELINE_LEGEND}.")


def verdict(
    statement_id: Annotated[int, typer.Argument(help="The statement whose claim is rated.", metavar="ID")],
    rating: Annotated[
        str,
        typer.Option(
            "--rating",
            callback=RatingCheck,
            help="true, mostly-true, half-true, misleading, false, pants-on-fire or unverified.",
        ),
    ],
    evidence: Annotated[str | None, typer.Option("--evidence", help="URL of the evidence.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why, in a sentence or two.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who rated it.")] = None,
    json_: JsonOption = False,
    db_path: DbOption = None,
) -> None:
    """Rate a statement's claim; earlier verdicts stay as history and the latest counts.

    Statements on its claim's side, or linked to it as agreeing, inherit the verdict unless
    they have their own, once a person confirmed that side or link.

    Example: tracker verdict 6 --rating false --evidence https://example.org/6
    """
    import json

    from tracker.cli.render import status
    from tracker.verdicts import add_verdict

    added = add_verdict(database(db_path), statement_id, rating, evidence_url=evidence, note=note, by=by)
    if json_:
        print(json.dumps(added, ensure_ascii=False, indent=2))
    else:
        print(added["id"])
        status(f"Statement {statement_id} rated {added['rating']}.")


def verdicts(
    rating: Annotated[
        str | None, typer.Option("--rating", callback=RatingCheck, help="Only this rating.")
    ] = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """The verdict that counts for each rated statement: its own latest, or inherited from an
    agreeing statement (`from #`).

    Example: tracker verdicts --rating false --csv
    """
    from tracker.cli.render import emit
    from tracker.verdicts import current_verdicts

    fmt = output_format(json_, csv, nl)
    rows = current_verdicts(database(db_path), rating)
    if fmt == "table":  # the day it was rated: a clock time would take the text's room
        rows = [{**row, "created_at": row["created_at"][:10]} for row in rows]
    columns = VERDICT_COLUMNS + (
        [] if fmt == "table" else [("id", "id"), ("note", "note"), ("source", "source")]
    )
    emit(rows, columns, fmt=fmt, empty="No verdicts.")
