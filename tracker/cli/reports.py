"""Reading the ledger as a whole: report, timeline, and verdicts on claims."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from tracker.cli.options import (
    CsvOption,
    DbOption,
    JsonOption,
    NlOption,
    SinceFilter,
    SourceFilter,
    SpeakerFilter,
    TagFilter,
    UntilFilter,
    database,
    output_format,
)

REPORT_FORMATS = ("table", "md", "csv", "json")
FormatOption = Annotated[
    str, typer.Option("--format", help="table, md (Markdown), csv or json.", show_default=True)
]
ReportFormatOption = Annotated[
    str, typer.Option("--format", help="table, md (Markdown), csv, json or html (one page).", show_default=True)
]
TIMELINE_COLUMNS = [
    ("id", "id"), ("date", "date"), ("speaker", "speaker"), ("source", "source"),
    ("text", "text"), ("marks", "marks"),
]
VERDICT_COLUMNS = [
    ("statement_id", "#"), ("rating", "rating"), ("speaker", "speaker"), ("text", "text"),
    ("by", "by"), ("created_at", "when"), ("evidence_url", "evidence"),
    ("inherited_from", "from #"),
]


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("timeline")(timeline)
    app.command("verdict")(verdict)
    app.command("verdicts")(verdicts)


def _format(fmt: str) -> str:
    if fmt not in REPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(REPORT_FORMATS)}", param_hint="--format")
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
    fmt: ReportFormatOption = "table",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="With --format html: write the page to this file.")
    ] = None,
    db_path: DbOption = None,
) -> None:
    """Statements per speaker and outlet, contradictions, flips, corroborated and disputed
    claims, verdicts, repeated unverified claims and reporting lag.

    --format html is one self-contained page (no network) with a timeline chart, the
    claims with both sides, and every speaker's statements.
    """
    from tracker import export
    from tracker.cli import render
    from tracker.reports import report as build
    from tracker.store import StatementFilter

    if fmt not in (*REPORT_FORMATS, "html"):
        raise typer.BadParameter(f"use one of {', '.join(REPORT_FORMATS)}, html", param_hint="--format")
    if output is not None and fmt != "html":
        raise typer.BadParameter("only with --format html (tracker export report -o FILE writes the others)",
                                 param_hint="--output")
    db = database(db_path)
    sections = build(db, StatementFilter(speaker, source, tag, since, until))
    summary = report_summary(sections)
    if fmt == "html":
        _write_html(db, StatementFilter(speaker, source, tag, since, until), sections, summary, output)
    elif fmt == "md":
        export.write_report_markdown(sections, sys.stdout, title="Statement report", summary=summary)
    elif fmt == "csv":
        export.write_report_csv(sections, sys.stdout)
    elif fmt == "json":
        export.write_report_json(sections, sys.stdout)
    else:
        print(summary)
        for section in sections:
            if section.rows:
                render.table(section.rows, section.columns, title=section.title)
            else:
                print(f"\n{section.title}: none.")


def _write_html(db: Any, where: Any, sections: list[Any], summary: str, output: str | None) -> None:
    from tracker.claims import get_claim, list_claims
    from tracker.cli.render import status
    from tracker.export import AtomicOutput
    from tracker.html import report_page
    from tracker.reports import timeline as build

    claims = [{**get_claim(db, str(c["id"])), "verdict": c["verdict"]} for c in list_claims(db)]
    page = report_page(sections, build(db, where), claims, summary=summary)
    if output is None or output == "-":
        sys.stdout.write(page)
        return
    with AtomicOutput(output) as out:
        out.write(page)
    status(f"Wrote the report to {output}.")


def timeline(
    speaker: SpeakerFilter = None,
    tag: TagFilter = None,
    source: SourceFilter = None,
    fmt: FormatOption = "table",
    db_path: DbOption = None,
) -> None:
    """Statements in date order (said, else reported; undated last), marking where one
    contradicts (✗ #id) or agrees with (✓ #id) an earlier statement."""
    from tracker import export
    from tracker.cli.render import emit
    from tracker.reports import timeline as build
    from tracker.store import StatementFilter

    fmt = _format(fmt)
    rows = build(database(db_path), StatementFilter(speaker=speaker, source=source, tag=tag))
    if fmt == "md":
        export.write_markdown(rows, TIMELINE_COLUMNS, sys.stdout, title="Timeline")
    else:
        extra = [("contradicts", "contradicts"), ("agrees", "agrees")] if fmt == "csv" else []
        emit(rows, TIMELINE_COLUMNS + extra, fmt=fmt, empty="No statements.")


def verdict(
    statement_id: Annotated[int, typer.Argument(help="The statement whose claim is rated.", metavar="ID")],
    rating: Annotated[
        str,
        typer.Option(
            "--rating",
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

    Statements linked to it as agreeing inherit the verdict unless they have their own.
    """
    import json

    from tracker.cli.render import status
    from tracker.verdicts import add_verdict

    added = add_verdict(
        database(db_path), statement_id, rating, evidence_url=evidence, note=note, by=by
    )
    if json_:
        print(json.dumps(added, ensure_ascii=False, indent=2))
    else:
        print(added["id"])
        status(f"Statement {statement_id} rated {added['rating']}.")


def verdicts(
    rating: Annotated[str | None, typer.Option("--rating", help="Only this rating.")] = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """The verdict that counts for each rated statement: its own latest, or inherited from an
    agreeing statement (`from #`)."""
    from tracker.cli.render import emit
    from tracker.verdicts import current_verdicts

    fmt = output_format(json_, csv, nl)
    rows = current_verdicts(database(db_path), rating)
    columns = VERDICT_COLUMNS + ([] if fmt == "table" else [("id", "id"), ("note", "note"), ("source", "source")])
    emit(rows, columns, fmt=fmt, empty="No verdicts.")
