"""`tracker extract`: who said what, from article text, stored with provenance."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.options import (
    CsvOption,
    DbOption,
    EncodingCheck,
    JsonOption,
    NlOption,
    a_date,
    after_commit,
    creating,
    link_added,
    output_format,
)
from tracker.cli.render import Column

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tracker.store import Added
    from tracker.store.articles import Dated

COLUMNS: list[Column] = [
    ("speaker", "speaker"),
    ("cue", "cue"),
    ("kind", "kind"),
    ("polarity", "polarity"),
    ("text", "text"),
]
MAX_ARTICLE_BYTES = 5_000_000


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    files: Annotated[list[str], typer.Argument(help="Article text files; - reads stdin.", metavar="FILE...")],
    source: Annotated[
        str | None, typer.Option("--source", help="The outlet (default: as the article names it).")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL of the article.")] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            callback=a_date("--date", "--date"),
            help="When the article was published (reported-on date).",
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            callback=EncodingCheck,
            help="The articles' text encoding (default: UTF-8), as for `tracker import`.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be stored; store nothing.")
    ] = False,
    link: Annotated[
        bool, typer.Option("--link/--no-link", help="Link new statements to related ones.")
    ] = True,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Find the attributed statements in articles, show them, and store them.

    An article extracted again adds nothing. One first extracted without --date gets the
    date now given (its statements, their source and unnamed speakers' labels), and says
    so; one first stored without a source gets the --source (or --url) now given. Given another date than the one stored, its statements keep theirs and the new
    date is recorded as another appearance (the article ran again), with a note saying so.

    Example: tracker extract article.txt --date 2025-05-10 --dry-run
    """
    from tracker.cli import render
    from tracker.dates import parse_date
    from tracker.export import check_encoding, read_text
    from tracker.extract import extract_article
    from tracker.store.validation import check_not_future

    fmt = output_format(json_, csv, nl)
    date = parse_date(date, field="--date")
    # before any statement is dated from it: "said on Wednesday" would name a day never typed
    check_not_future(date, "--date")
    if encoding is not None:
        check_encoding(encoding)  # before any file is read: "unknown encoding 'klingon'"
    texts = [
        (path, read_text(path, what="article", limit=MAX_ARTICLE_BYTES, encoding=encoding)) for path in files
    ]
    found: list[dict[str, Any]] = []
    unsourced = []
    for path, text in _progress(texts, len(texts) > 1):
        article = extract_article(text, date=date)
        if article.statements and not (source or url or article.outlet):
            unsourced.append(path)
        for statement in article.statements:
            found.append(_row(path, text, article, statement, source, url, date))
    if dry_run:
        _say_unsourced(unsourced)
    if not found:
        render.status("No attributed statements found.")
    new_ids: list[int] = []
    appeared = corrected = 0
    dated = None
    if not dry_run and found:
        with creating(db_path) as db:
            dated, added = _store(db, found, date)
        if dated.found_in is None:
            _say_unsourced(unsourced)
        for path in unsourced if dated.found_in is not None else ():
            render.status(
                f"Note: {path} names no outlet; it was extracted before from {dated.found_in},"
                " and its statements are that article's."
            )
        for row, result in zip(found, added, strict=True):
            row["id"] = result.id
            row["new"] = result.created
        new_ids = [a.id for a in added if a.created]
        appeared = sum(a.appeared for a in added)
        corrected = sum(a.corrected for a in added)
    with after_commit(len(new_ids)):
        if not dry_run and found:
            render.status(
                f"Stored {len(new_ids)} new statement{'s' if len(new_ids) != 1 else ''}"
                + (f", {appeared} new appearance{'s' if appeared != 1 else ''}" if appeared else "")
                + f" ({len(added) - len(new_ids) - appeared - corrected} already recorded"
                + (f", {corrected} corrected or deleted by hand" if corrected else "")
                + f") from {len(texts)} article{'s' if len(texts) != 1 else ''}."
            )
            if dated is not None and dated.statement_ids:
                count = len(dated.statement_ids)
                render.status(
                    f"Filled in the date {date} of {count} statement{'s' if count != 1 else ''}"
                    " stored without one."
                )
            if dated is not None and dated.sourced:
                count = len(dated.sourced)
                render.status(
                    f"Filled in the source {found[0]['source'] or found[0]['url']} of {count} statement{'s' if count != 1 else ''}"
                    " stored without one."
                )
            if dated is not None and dated.stored_dates and appeared:
                undo = (
                    " ".join(f"`tracker delete --appearances-in {s}`" for s in dated.appeared_in)
                    or "`tracker delete ID --appearance N`"
                )
                render.status(
                    f"Note: the article is stored with the date {', '.join(sorted(dated.stored_dates))};"
                    f" {date} is recorded as another appearance (a mistyped date: {undo};"
                    " a wrong stored one: `tracker edit ID --reported-on`)."
                )
            if link and new_ids:
                link_added(db, new_ids)
        if fmt == "table":
            columns = ([("id", "id")] if not dry_run else []) + COLUMNS
            render.table(found, columns, empty="")
        else:
            render.emit(found, [(key, key) for key in _machine_columns(found)], fmt=fmt)


def _say_unsourced(paths: list[str]) -> None:
    from tracker.cli import render

    for path in paths:
        render.status(
            f"Note: {path} names no outlet, so its statements get no source and its headline and byline"
            " are not kept; give --source OUTLET to record where it was reported."
        )


def _machine_columns(found: list[dict[str, Any]]) -> list[str]:
    return list(found[0]) if found else ["speaker", "text"]


def _progress(items: list[Any], show: bool) -> Any:
    if not show:
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description="Extracting", console=Console(stderr=True), transient=True)


def _row(
    path: str,
    text: str,
    article: Any,
    statement: Any,
    source: str | None,
    url: str | None,
    date: str | None,
) -> dict[str, Any]:
    from tracker.judge_denials import names_no_claim
    from tracker.model import Kind, Polarity
    from tracker.store.validation import hedge_of

    start, end = statement.content_span
    # Stored text is the content; but the judge reads only text, so a denial whose content is
    # the denied claim keeps its denying words ("denied claims that …"): without them, its
    # text would assert what the speaker denied.
    # A rated reply ("dismissed reports that X as 'untrue'") stores its words; X is `answers`;
    # a denial of "the accusation" keeps "denied" whatever it answers, as the judge must read it.
    # A direct denial is only the quoted words: widened to its cue it would take in the
    # reporter's words and an unbalanced quotation mark ('denied …, calling it "a fabrication').
    denied_is_content = (
        statement.answers is None
        or statement.answers == statement.content
        or names_no_claim(statement.content)
    )
    if (
        statement.polarity is Polarity.DENY
        and statement.kind is not Kind.DIRECT
        and denied_is_content
        and statement.cue_span
        and statement.cue_span[0] < start
    ):
        start = statement.cue_span[0]
    content = statement.content if (start, end) == statement.content_span else text[start:end]
    return {
        "file": path,
        "speaker": statement.speaker or unresolved_speaker(path, text, statement),
        "role": statement.role,
        "cue": statement.cue,
        "kind": statement.kind.value,
        "polarity": statement.polarity.value,
        "modality": statement.modality.value,
        "hedge": hedge_of(content, statement.hedge),  # as stored: the attribution's, else the words'
        "via": statement.via,
        # A quote split around its cue is its halves joined, not the cue between them.
        "text": content,
        "char_start": start,
        "char_end": end,
        "speaker_span": list(statement.speaker_span) if statement.speaker_span else None,
        "source": source or article.outlet,
        "url": url,
        "title": article.headline,
        "author": article.author,
        "said_on": statement.said_on,
        "reported_on": date,
        "answers": statement.answers,
        "implied": statement.implied,
    }


def unresolved_speaker(path: str, text: str, statement: Any) -> str:
    """A speaker name for a statement whose speaker extraction would not guess: marked, and
    unique to its place in the article, so that two unresolved statements are never one
    speaker (and never a "flip"). The article is named by its file's name: a label shown in
    reports and exports never gives away where on this machine the file was."""
    where = Path(path).name
    if statement.speaker_span is None:
        return f"unresolved (no speaker named, {where}:{statement.content_span[0]})"
    a, b = statement.speaker_span
    return f"unresolved (“{text[a:b]}”, {where}:{a})"


def _store(db: Database, rows: list[dict[str, Any]], date: str | None) -> tuple[Dated, Sequence[Added]]:
    from tracker.extract.resolution import organisation
    from tracker.model import NewStatement, SpeakerKind
    from tracker.speakers import guess_kind, person_like
    from tracker.store.articles import add_article_statements

    fields = (
        "speaker",
        "role",
        "cue",
        "kind",
        "polarity",
        "modality",
        "hedge",
        "via",
        "text",
        "char_start",
        "char_end",
        "source",
        "url",
        "title",
        "author",
        "said_on",
        "reported_on",
        "answers",
    )

    def kind(row: dict[str, Any]) -> str | None:
        # "The operator, Velden Power," and "Dobrogea Chemicals" are organisations, though a role
        # beside a name reads as a person's and two capitalised words as a person's name: so
        # "its safety inspection" in their denials is theirs.
        name, role = row["speaker"], row["role"]
        if organisation(name, role) and person_like(guess_kind(name, role)):
            return SpeakerKind.ORGANISATION.value
        return None

    return add_article_statements(
        db, [NewStatement(**{f: row[f] for f in fields}, speaker_kind=kind(row)) for row in rows], date=date
    )
