"""Getting statements in and out: import and export."""

from __future__ import annotations

import sys
from typing import Annotated, Any, TextIO

import typer

from tracker.cli.options import (
    DbOption,
    EncodingCheck,
    SinceFilter,
    SourceFilter,
    SpeakerFilter,
    TagFilter,
    UntilFilter,
    after_commit,
    checked,
    creating,
    database,
    link_added,
)

EXPORTS = ("statements", "links", "contradictions", "speakers", "verdicts", "audit", "report")
EXPORT_FORMATS = ("csv", "json", "jsonl", "md", "html", "claimreview")
OUTPUT_SUFFIXES = {
    "csv": "csv",
    "json": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
}
Columns = list[tuple[str, str]]
# every field `tracker import` reads back, so an export round-trips
STATEMENT_COLUMNS = [
    "id",
    "ref",
    "text",
    "speaker",
    "speaker_kind",
    "role",
    "affiliation",
    "source",
    "url",
    "title",
    "author",
    "published",
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
    "char_start",
    "char_end",
    "answers",
    "appearances",  # further ones (another date or outlet), a JSON list in a CSV cell
    "created_at",
]
STATEMENT_MD = [
    "id",
    "speaker",
    "role",
    "text",
    "source",
    "said_on",
    "reported_on",
    "kind",
    "cue",
    "via",
    "hedge",
    "tags",
    "ref",
]
LINK_COLUMNS = [
    "id",
    "relation",
    "status",
    "score",
    "flip",
    "a_id",
    "a_ref",
    "a_speaker",
    "a_source",
    "a_date",
    "a_text",
    "b_id",
    "b_ref",
    "b_speaker",
    "b_source",
    "b_date",
    "b_text",
    "reason",
    "engine",
    "created_at",
    "reviewed_at",
    "reviewed_by",
    "confirmed_by",  # person, or engine (sure of itself); empty unless confirmed
]
LINK_MD = [
    "id",
    "relation",
    "status",
    "score",
    "a_id",
    "a_speaker",
    "a_text",
    "b_id",
    "b_speaker",
    "b_text",
    "reason",
]
SPEAKER_COLUMNS = ["id", "name", "kind", "role", "affiliation", "aliases", "statements"]
VERDICT_COLUMNS = [
    "id",
    "statement_id",
    "rating",
    "current",
    "by",
    "created_at",
    "evidence_url",
    "note",
    "speaker",
    "source",
    "text",
]
AUDIT_COLUMNS = ["id", "at", "by", "action", "statement_id", "note", "before", "after"]
VERDICT_MD = [
    "statement_id",
    "rating",
    "current",
    "by",
    "created_at",
    "speaker",
    "text",
    "evidence_url",
    "note",
]


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("export")(export)


def _import_format(value: str) -> None:
    from tracker.export import import_format

    import_format("-", value)


def import_(
    file: Annotated[str, typer.Argument(help="A CSV, TSV, JSON or JSONL file; - for stdin.", metavar="FILE")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            callback=checked(_import_format),
            help="csv, tsv, json or jsonl (default: from the extension, else from the content).",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            callback=EncodingCheck,
            help="The file's text encoding (default: UTF-8, else detected).",
        ),
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update", help="Rows whose ref names a statement correct it (as `tracker edit`, audited)."
        ),
    ] = False,
    link: Annotated[
        bool, typer.Option("--link/--no-link", help="Link the new statements to related ones.")
    ] = True,
    speaker_missing: Annotated[
        str | None,
        typer.Option(
            "--speaker-missing",
            metavar="NAME",
            help="File rows with an empty speaker under NAME (e.g. unknown); without it they are errors.",
        ),
    ] = None,
    db_path: DbOption = None,
) -> None:
    """Import statements; one invalid row rejects the whole file and stores nothing.

    Columns (or keys) are those of `tracker add`: text (required), speaker, role,
    affiliation, source, url, author, said_on, reported_on, kind, cue, via, hedge, tags, ref.
    Unknown columns are ignored with a warning; a file imported again adds nothing.
    A row with no kind is a direct quote only when its text stands in quotation marks, else
    of unknown kind (a quote or a report of one: nothing says which). A row with no speaker rejects the file (whose words they are is not known), unless
    --speaker-missing names whom to file such rows under ("unknown").
    CSV, TSV and JSON lines are streamed; a JSON array is read into memory whole.

    Spreadsheets welcome: the CSV delimiter (comma, semicolon, tab) is taken from the
    header, a file that is not UTF-8 is read in the encoding detected (a note says which;
    --encoding names the right one where the guess is wrong), a UTF-8 file with a cp1252
    character pasted in (’ as byte 0x92) reads it as cp1252 (a note names its lines),
    errors give the row number the spreadsheet shows (the header is row 1), and tags may be
    a JSON list (["a","b"]) or separated by ; or ,.

    A row whose ref names a statement but whose text, speaker, source, url or dates
    differ is left out and counted; with --update it corrects that statement as
    `tracker edit` does (audited, relinked; an empty cell changes nothing), and one
    correction that cannot be made (a speaker's name that fits two) rejects the file.

    Example: tracker import statements.csv
    """
    from tracker.cli.render import status
    from tracker.export import import_format, read_statements
    from tracker.store import add_statements
    from tracker.store.corrections import drop_stale_links, relink

    chosen = import_format(file, fmt)
    name = "stdin" if file == "-" else file

    with creating(db_path) as db:  # a file that does not import leaves no new ledger
        added = add_statements(
            db,
            read_statements(
                file,
                chosen,
                warn=lambda m: status(f"Warning: {m}"),
                note=status,
                encoding=encoding,
                speaker_missing=speaker_missing,
            ),
            update=update,
            note=f"import {name}",
            skip_corrected=True,
        )
    new = added.new_count  # a list of a million new ids is ~40 MiB: built only to link them
    appeared = added.appeared_count
    updated = len(added.updated)
    corrected = added.corrected_count
    # the edited statements whose words changed: linked again, as `tracker edit` links them
    reworded = [edited.statement_id for edited in added.updated if edited.text_changed]
    with after_commit(new):
        status(
            f"Imported {new} new statement{'s' if new != 1 else ''}"
            + (f", {appeared} new appearance{'s' if appeared != 1 else ''}" if appeared else "")
            + (f", {updated} updated" if updated else "")
            + f" ({len(added) - new - appeared - updated - corrected} already recorded"
            + (f", {corrected} corrected or deleted by hand" if corrected else "")
            + ")."
        )
        if added.differing:
            one = added.differing == 1
            status(
                f"{added.differing} row{'' if one else 's'} name{'s' if one else ''} a statement by ref"
                f" but differ{'s' if one else ''} (use --update to apply {'it' if one else 'them'})."
            )
        if link and new:
            link_added(db, added.new_ids)
    if not reworded:
        return
    words = f"{len(reworded)} statement{'s' if len(reworded) != 1 else ''} whose words changed"
    with after_commit(1, "the corrections are stored, not relinked yet (`tracker link` relinks)."):
        for statement_id in reworded:
            if link:
                relink(db, statement_id)
            else:
                drop_stale_links(db, statement_id)
    status(f"Relinked {words}." if link else f"Not relinked (--no-link): {words}; `tracker link` relinks.")


def _pairs(keys: list[str]) -> Columns:
    return [(key, key) for key in keys]


def _rows(what: str, db: Any, where: Any) -> tuple[list[dict[str, Any]], Columns, Columns]:
    """The rows to export, their machine columns and their Markdown columns."""
    from tracker import reports, store, verdicts

    if what == "statements":
        return reports.statements_for_export(db, where), _pairs(STATEMENT_COLUMNS), _pairs(STATEMENT_MD)
    if what == "links":
        # rejected links too: an export keeps the review work
        rows = reports.list_links(db, status="all") + reports.list_links(db, status="rejected")
        return sorted(rows, key=lambda r: r["id"]), _pairs(LINK_COLUMNS), _pairs(LINK_MD)
    if what == "contradictions":
        return reports.contradictions(db, where), _pairs(LINK_COLUMNS), _pairs(LINK_MD)
    if what == "speakers":
        rows = store.list_speakers(db)
        return rows, _pairs(SPEAKER_COLUMNS), _pairs(SPEAKER_COLUMNS)
    if what == "audit":
        from tracker.store.corrections import list_audit

        return list_audit(db), _pairs(AUDIT_COLUMNS), _pairs(AUDIT_COLUMNS)
    return verdicts.verdict_history(db), _pairs(VERDICT_COLUMNS), _pairs(VERDICT_MD)


def _write(what: str, fmt: str, db: Any, where: Any, out: TextIO) -> int:
    """Write one export to `out`; returns how many records it holds."""
    from tracker import export as writers

    if fmt == "claimreview":
        from tracker.verdicts import reviewed_claims

        reviews = [writers.claim_review(item) for item in reviewed_claims(db)]
        writers.write_json(reviews, out)
        return len(reviews)
    if what == "report":
        from tracker.cli.reports import html_report, report_summary
        from tracker.reports import report

        sections = report(db, where)
        if fmt == "html":  # the page `tracker report --format html` writes
            out.write(html_report(db, where, sections, report_summary(sections)))
        elif fmt == "md":
            writers.write_report_markdown(
                sections, out, title="Statement report", summary=report_summary(sections)
            )
        elif fmt == "csv":
            writers.write_report_csv(sections, out)
        elif fmt == "json":
            writers.write_report_json(sections, out)
        else:
            writers.write_jsonl(writers.report_rows(sections), out)
        return sum(len(s.rows) for s in sections)
    rows, columns, md_columns = _rows(what, db, where)
    if fmt == "csv":
        writers.write_csv(rows, [key for key, _ in columns], out)
    elif fmt == "json":
        writers.write_json(rows, out)
    elif fmt == "jsonl":
        writers.write_jsonl(rows, out)
    else:
        if what in ("links", "contradictions"):  # for people: the engine's confirmation says so
            from tracker.model import status_label

            rows = [{**row, "status": status_label(row["status"], row["confirmed_by"])} for row in rows]
        writers.write_markdown(rows, md_columns, out, title=what.capitalize())
    return len(rows)


def _format_of(output: str | None) -> str:
    """The format an -o file's extension names; none (or stdout) is JSON, another an error."""
    name = (output or "").replace("\\", "/").rsplit("/", 1)[-1]
    if output in (None, "-") or "." not in name.lstrip("."):
        return "json"
    suffix = name.rsplit(".", 1)[-1].lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise typer.BadParameter(
            f"cannot write .{suffix} files: name a .csv, .json, .jsonl or .md file "
            "(.html for the report), or give --format",
            param_hint="--output",
        )
    return OUTPUT_SUFFIXES[suffix]


def export(
    what: Annotated[str, typer.Argument(help=f"One of: {', '.join(EXPORTS)}.", metavar="WHAT")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="csv, json, jsonl, md, html (the report only) or claimreview (verdicts only); "
            "default: from the -o extension, else json.",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    speaker: SpeakerFilter = None,
    source: SourceFilter = None,
    tag: TagFilter = None,
    db_path: DbOption = None,
) -> None:
    """Export statements, links, contradictions, speakers, verdicts, the audit trail or the report.

    CSV cells that a spreadsheet would run as a formula get a leading '. JSON of
    statements imports back losslessly. The filters apply to statements, contradictions
    and the report. The format comes from the -o file's extension (.csv, .json, .jsonl,
    .md; .html for the report: the page `tracker report --format html` writes); one tracker
    cannot write (.xlsx) is an error, and nothing is written.

    Example: tracker export contradictions -o contradictions.csv
    """
    from tracker.cli.render import status
    from tracker.export import AtomicOutput
    from tracker.store import StatementFilter

    if what not in EXPORTS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORTS)}", param_hint="WHAT")
    if fmt is None:
        fmt = _format_of(output)
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    if fmt == "claimreview" and what != "verdicts":
        raise typer.BadParameter("claimreview exports verdicts only", param_hint="--format")
    if fmt == "html" and what != "report":
        raise typer.BadParameter("html exports the report only", param_hint="--format")
    db = database(db_path)
    where = StatementFilter(speaker, source, tag, since, until)
    if output is None or output == "-":
        _write(what, fmt, db, where, sys.stdout)
        return
    with AtomicOutput(output) as out:
        count = _write(what, fmt, db, where, out)
    if fmt == "html":
        status(f"Wrote the report to {output}.")
        return
    one = {"report": "report row", "audit": "audit record"}.get(what, what.removesuffix("s"))
    status(f"Wrote {count} {one}{'' if count == 1 else 's'} to {output}.")
