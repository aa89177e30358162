"""Correcting the ledger: edit, delete, restore, and the audit trail of every change."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.options import (
    CsvOption,
    DbOption,
    JsonOption,
    LimitOption,
    NlOption,
    a_date,
    after_commit,
    database,
    judging,
    one_of,
    output_format,
)
from tracker.cli.render import Column

if TYPE_CHECKING:
    from sqlite_utils import Database

IdArgument = Annotated[int, typer.Argument(help="The statement's id.", metavar="ID")]
ByOption = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: the OS user).")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why: kept in the audit trail.")]
AUDIT_COLUMNS: list[Column] = [
    ("id", "id"),
    ("at", "when (UTC)"),
    ("by", "by"),
    ("action", "action"),
    ("statement_id", "statement"),
    ("what", "what"),
    ("note", "note"),
]
MACHINE_COLUMNS = ["id", "at", "by", "action", "statement_id", "note", "before", "after"]


def register(app: typer.Typer) -> None:
    app.command("edit")(edit)
    app.command("delete")(delete)
    app.command("restore")(restore)
    app.command("audit")(audit)


# what a user calls the rows deleted with a statement
ROW_NAMES = {
    "links": "link",
    "claim_statements": "claim attachment",
    "verdicts": "verdict",
    "speaker_mentions": "speaker check",
    "speaker_reviews": "speaker review",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _rows(counts: dict[str, int]) -> str:
    """`1 link, 2 claim attachments`: rows of these tables, links first."""
    order = sorted(counts, key=lambda t: (list(ROW_NAMES).index(t) if t in ROW_NAMES else len(ROW_NAMES), t))
    return ", ".join(_plural(counts[t], ROW_NAMES.get(t, t)) for t in order)


def _shown(value: Any) -> str:
    return "(none)" if value in (None, "") else repr(value) if isinstance(value, str) else str(value)


def deleted_counts(saved: list[list[Any]]) -> dict[str, int]:
    """Rows of each table a deletion kept (a table comes twice: links name a and b)."""
    counts: dict[str, int] = {}
    for table, rows in saved:
        counts[table] = counts.get(table, 0) + len(rows)
    return counts


def describe(row: dict[str, Any]) -> str:
    """One line saying what an audit record changed."""
    before, after = row["before"] or {}, row["after"] or {}
    if row["action"] == "delete":
        what = _rows(deleted_counts(before.get("rows", [])))
        return f"deleted {before.get('speaker')}: {before.get('text')!r}" + (
            f" (with {what})" if what else ""
        )
    if row["action"] == "restore":
        restored = _rows(after.get("restored") or {})
        return "restored" + (f" with {restored}" if restored else "")
    if row["action"] == "appearance delete":
        gone = before["appearance"]
        where = _where(before.get("source"), gone["said_on"] or gone["reported_on"])
        return f"deleted appearance {before['number']} ({where})"
    if row["action"] == "appearance restore":
        return f"restored {_plural(len(after['appearances']), 'appearance')}"
    moved = _plural(len(after.get("statements") or []), "statement")
    if row["action"].startswith("link "):
        a, b = after["statements"]
        from tracker.model import status_label

        prior = status_label(before["status"], before.get("confirmed_by"))  # older records: the status
        what = f"link {after['link']} (#{a} – #{b}): {prior} → {after['status']}"
        if before.get("relation", after.get("relation")) != after.get("relation"):
            what += f", {before['relation']} → {after['relation']}"
        return what
    if row["action"] == "speaker merge":
        kept, gone = before["speakers"]
        return f"{gone['name']} (id {gone['id']}) merged into {kept['name']} (id {kept['id']}), {moved}"
    if row["action"] == "speaker unmerge":
        return f"merge {before['merge']} undone: {after['speaker']['name']} back, {moved}"
    if row["action"] == "speaker rename":
        old, new = before["speaker"], after["speaker"]
        return f"speaker {new['id']} renamed: {old['name']!r} → {new['name']!r}"
    if row["action"] == "speaker alias":
        return f"{after['alias']!r} now names {before['speaker']['name']} (id {before['speaker']['id']})"
    if row["action"] == "speaker split":
        return f"{moved} moved from {before['speaker']['name']} to {after['speaker']['name']}"
    if row["action"] == "claim add":
        return f"claim {after['claim']} recorded: {after['text']!r}"
    if row["action"] == "claim merge":
        flipped = ", sides flipped" if after.get("opposite") else ""
        return f"claim {after['absorbed']} merged into claim {after['claim']}{flipped}"
    if row["action"] == "claim unmerge":
        return f"claim {after['claim']} unmerged from claim {after['from']}"
    if row["action"].startswith("claim "):
        key = "status" if row["action"] in ("claim review", "claim detach", "claim undo") else "stance"
        side, was = after.get(key) or after.get("status"), (before or {}).get(key)
        side = f"{was} → {side}" if was and was != side else side
        return f"{row['action'].removeprefix('claim ')}: claim {after['claim']}, {side}"
    changes = [  # a field an older record kept as it was is no change (`(none) → (none)`)
        f"{key}: {_shown(before.get(key))} → {_shown(after.get(key))}"
        for key in after
        if not isinstance(after[key], (list, dict)) and _shown(before.get(key)) != _shown(after[key])
    ]
    dropped = before.get("reviewed_links") or []
    if dropped:
        changes.append(f"{_plural(len(dropped), 'reviewed link')} back to unreviewed")
    folded = before.get("appearances") or []
    if folded:
        changes.append(f"{_plural(len(folded), 'appearance')} folded into it")
    return "; ".join(changes) or ", ".join(f"{k}: {v}" for k, v in after.items())


def changed_something(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records less the edits that changed nothing: an older extraction again with --date
    recorded a date the statement still lacked (`said_on: (none) → (none)`)."""
    return [row for row in records if row["action"] != "edit" or _edit_changes(row)]


def _edit_changes(row: dict[str, Any]) -> bool:
    before, after = row["before"] or {}, row["after"] or {}
    return any(
        isinstance(value, (list, dict)) or _shown(before.get(key)) != _shown(value)
        for key, value in after.items()
    )


def table_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Audit records as a table shows them: when to the minute (UTC), and what changed."""
    return [{**row, "at": row["at"][:16].replace("T", " "), "what": describe(row)} for row in records]


def edit(
    statement_id: IdArgument,
    text: Annotated[str | None, typer.Option("--text", help="The corrected words; - reads stdin.")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Who said it (a name, or a speaker's id).")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="The outlet ('' for none).")] = None,
    url: Annotated[str | None, typer.Option("--url", help="URL of the report ('' for none).")] = None,
    said_on: Annotated[
        str | None,
        typer.Option("--said-on", callback=a_date("--said-on"), help="When it was said ('' for unknown)."),
    ] = None,
    reported_on: Annotated[
        str | None,
        typer.Option(
            "--reported-on", callback=a_date("--reported-on"), help="When it was reported ('' for unknown)."
        ),
    ] = None,
    note: NoteOption = None,
    by: ByOption = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="Relink it when its text changed.")] = True,
    db_path: DbOption = None,
) -> None:
    """Correct a statement: its words, its speaker (a reassignment), its source or dates.

    Each change is kept in the audit trail (`tracker show ID`, `tracker audit`). A new
    speaker is found as `add` finds one; a name that fits several speakers is refused.
    New words are analysed and linked again: the links and claim attachments of the old
    words, a person's decisions on them too, are judged anew (the output says how many).
    Values the statement already has change nothing: it says so and exits 0.

    Example: tracker edit 7 --speaker "Ishaq Dar" --note "misattributed"
    """
    from tracker.cli import fail
    from tracker.cli.render import status
    from tracker.store.corrections import drop_stale_links, edit_statement, relink

    given = {
        "text": text,
        "speaker": speaker,
        "source": source,
        "url": url,
        "said_on": said_on,
        "reported_on": reported_on,
    }
    if all(value is None for value in given.values()):
        raise fail(
            "nothing to change: give --text, --speaker, --source, --url, --said-on or --reported-on", code=2
        )
    if text == "-":
        from tracker.export import read_text

        text = read_text("-", what="statement text")
    # new words are relinked (by meaning too, on a ledger that judges by it): check first
    db = judging(db_path) if text is not None and link else database(db_path)
    edited = edit_statement(
        db,
        statement_id,
        text=text,
        speaker=speaker,
        source=source,
        url=url,
        said_on=said_on,
        reported_on=reported_on,
        by=by,
        note=note,
    )
    if not edited.changes:
        status(f"Nothing changed: statement {statement_id} already has these values.")
        return
    for key, (old, new) in edited.changes.items():
        print(f"{key}: {_shown(old)} → {_shown(new)}")
    status(f"Edited statement {statement_id} (audit record {edited.audit_id}).")
    if edited.folded:
        status(
            f"Folded {_plural(len(edited.folded), 'appearance')} into it:"
            " the statement now has that source and date."
        )
    if edited.repeats:
        others = " and ".join(f"#{other}" for other in edited.repeats)
        status(
            f"Statement {statement_id} now has the same words and speaker as {others}:"
            f" `tracker delete {statement_id}` or keep both."
        )
    if not edited.text_changed:
        for claim_id, text in edited.renamed_claims.items():
            status(f"Claim {claim_id}, which it founded, now reads '{text}'.")
        status("Links and claims kept: the words are unchanged.")
        return
    if edited.unreviewed_links or edited.unreviewed_claims:
        dropped = [
            _plural(len(edited.unreviewed_links), "reviewed link") if edited.unreviewed_links else "",
            _plural(len(edited.unreviewed_claims), "claim decision") if edited.unreviewed_claims else "",
        ]
        status(f"The words changed: {' and '.join(d for d in dropped if d)} back to unreviewed.")
    for claim_id, text in edited.renamed_claims.items():
        status(f"Claim {claim_id}, which it founded, now reads '{text}'.")
    unlinked = "the edit is stored, not relinked yet (`tracker link` relinks)."
    with after_commit(1, unlinked):
        if not link:
            drop_stale_links(db, statement_id)
            status("Not relinked (--no-link): `tracker link` relinks.")
            return
        stats = relink(db, statement_id)
        status(f"Relinked: {stats.summary()}.")


def _interactive() -> bool:
    """Whether a person at a terminal can answer a question."""
    return sys.stdin.isatty()


def _confirm_delete(db: Database, statement_id: int) -> None:
    from tracker.cli import fail
    from tracker.store.corrections import deletion_counts, require_statement

    statement = require_statement(db, statement_id)
    if not _interactive():
        raise fail("deleting needs --yes when stdin is not a terminal")
    taken = _rows(deletion_counts(db, statement_id))  # what the message after deleting counts
    question = f"Delete statement {statement_id} ({statement['speaker']}: {statement['text'][:60]!r})" + (
        f" with {taken}?" if taken else "?"
    )
    if not typer.confirm(question, err=True):
        print("Aborted.", file=sys.stderr)
        raise typer.Exit(1)


def _confirm_delete_appearance(db: Database, statement_id: int, number: int) -> None:
    from tracker.cli import fail
    from tracker.store.corrections import require_statement
    from tracker.store.queries import statement_appearances

    require_statement(db, statement_id)
    if not _interactive():
        raise fail("deleting needs --yes when stdin is not a terminal")
    shown = statement_appearances(db, statement_id)
    where = shown[number - 1] if 2 <= number <= len(shown) else None
    question = f"Delete appearance {number} of statement {statement_id}" + (
        f" ({_where(where['source'], where['said_on'] or where['reported_on'])})?" if where else "?"
    )
    if not typer.confirm(question, err=True):
        print("Aborted.", file=sys.stderr)
        raise typer.Exit(1)


def _where(outlet: str | None, date: str | None) -> str:
    return ", ".join(part for part in (outlet or "no source", date) if part)


def _statement_ids(rows: list[dict[str, Any]]) -> str:
    ids = sorted({row["statement_id"] for row in rows})
    return f"statement{'s' if len(ids) != 1 else ''} {', '.join(map(str, ids))}"


def _delete_appearances_in(db: Database, source_id: int, yes: bool, by: str | None, note: str | None) -> None:
    from tracker.cli import fail
    from tracker.cli.render import status
    from tracker.store.appearances import appearances_in, delete_appearances_in

    rows = appearances_in(db, source_id)
    if rows and not yes:
        if not _interactive():
            raise fail("deleting needs --yes when stdin is not a terminal")
        if not typer.confirm(
            f"Delete {_plural(len(rows), 'appearance')} in source {source_id} (of {_statement_ids(rows)})?",
            err=True,
        ):
            print("Aborted.", file=sys.stderr)
            raise typer.Exit(1)
    gone = delete_appearances_in(db, source_id, by=by, note=note)
    first, last = gone[0].audit_id, gone[-1].audit_id
    rows = [row for change in gone for row in change.appearances]
    status(
        f"Deleted {_plural(len(rows), 'appearance')} in source {source_id}"
        f" ({_where(rows[0]['outlet'], rows[0]['said_on'] or rows[0]['reported_on'])}) of {_statement_ids(rows)}"
        f" (audit record{'s' if first != last else ''} {first}{f'–{last}' if first != last else ''};"
        f" `tracker restore --appearances-in {source_id}` brings them back)."
    )


def delete(
    statement_id: Annotated[int | None, typer.Argument(help="The statement's id.", metavar="ID")] = None,
    appearance: Annotated[
        int | None,
        typer.Option(
            "--appearance",
            metavar="N",
            help="Delete only appearance N of it (as `tracker show ID` numbers them, from 2).",
        ),
    ] = None,
    appearances_in: Annotated[
        int | None,
        typer.Option(
            "--appearances-in",
            metavar="SOURCE",
            help="Delete every appearance recorded in this source (an id of `tracker sources list`), no ID.",
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed without a terminal).")] = False,
    note: NoteOption = None,
    by: ByOption = None,
    db_path: DbOption = None,
) -> None:
    """Delete a statement with its links, claim attachments and verdicts.

    All of it is kept in the audit trail: `tracker restore ID` brings it back under the
    same id. Asks first; without a terminal (scripts, CI) --yes is required.
    --appearance N deletes only that appearance (a repeat recorded by mistake, such as a
    mistyped --date on an extraction); `tracker restore ID --appearances` brings it back,
    and extracting or importing it again leaves it out.

    Example: tracker delete 7 --yes --note "duplicate of 3"
    """
    from tracker.cli.render import status
    from tracker.store.corrections import delete_statement

    if (statement_id is None) == (appearances_in is None) or (
        appearance is not None and statement_id is None
    ):
        raise typer.BadParameter(
            "give a statement's ID, or --appearances-in SOURCE without one", param_hint="ID"
        )
    db = database(db_path)
    if appearances_in is not None:
        _delete_appearances_in(db, appearances_in, yes, by, note)
        return
    assert statement_id is not None
    if appearance is not None:
        from tracker.store.appearances import delete_appearance

        if not yes:
            _confirm_delete_appearance(db, statement_id, appearance)
        gone = delete_appearance(db, statement_id, appearance, by=by, note=note)
        row = gone.appearances[0]
        status(
            f"Deleted appearance {appearance} of statement {statement_id}"
            f" ({_where(row['outlet'], row['said_on'] or row['reported_on'])}) (audit record {gone.audit_id};"
            f" `tracker restore {statement_id} --appearances` brings it back)."
        )
        return
    if not yes:
        _confirm_delete(db, statement_id)
    deleted = delete_statement(db, statement_id, by=by, note=note)
    what = _rows(deleted.counts)
    status(
        f"Deleted statement {statement_id}{f' with {what}' if what else ''}"
        f" (audit record {deleted.audit_id}; `tracker restore {statement_id}` brings it back)."
    )


def restore(
    statement_id: Annotated[int | None, typer.Argument(help="The statement's id.", metavar="ID")] = None,
    appearances: Annotated[
        bool,
        typer.Option("--appearances", help="Bring back the appearances deleted from the statement instead."),
    ] = False,
    appearances_in: Annotated[
        int | None,
        typer.Option(
            "--appearances-in",
            metavar="SOURCE",
            help="Bring back the appearances deleted from this source (no ID).",
        ),
    ] = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="Link it to what was added since.")] = True,
    note: NoteOption = None,
    by: ByOption = None,
    db_path: DbOption = None,
) -> None:
    """Bring a deleted statement back, under its id, with its links and attachments.

    A link or attachment to something deleted since is left out (the output says how
    many); then the statement is linked to what was added meanwhile. --appearances puts
    back the appearances `tracker delete ID --appearance N` deleted from it, and
    --appearances-in SOURCE those deleted from a source.

    Example: tracker restore 7
    """
    from tracker.cli.render import status
    from tracker.store.corrections import relink, restore_statement

    if (statement_id is None) == (appearances_in is None) or (appearances and statement_id is None):
        raise typer.BadParameter(
            "give a statement's ID, or --appearances-in SOURCE without one", param_hint="ID"
        )
    if appearances_in is not None:
        from tracker.store.appearances import restore_appearances_in

        changes = restore_appearances_in(database(db_path), appearances_in, by=by, note=note)
        rows = [row for change in changes for row in change.appearances]
        first, last = changes[0].audit_id, changes[-1].audit_id
        status(
            f"Restored {_plural(len(rows), 'appearance')} in source {appearances_in} of {_statement_ids(rows)}"
            f" (audit record{'s' if first != last else ''} {first}{f'–{last}' if first != last else ''})."
        )
        return
    assert statement_id is not None
    if appearances:
        from tracker.store.appearances import restore_appearances

        back = restore_appearances(database(db_path), statement_id, by=by, note=note)
        where = "; ".join(_where(r["outlet"], r["said_on"] or r["reported_on"]) for r in back.appearances)
        count = len(back.appearances)
        status(
            f"Restored {_plural(count, 'appearance')} of statement {statement_id} ({where})"
            f" (audit record {back.audit_id})."
        )
        return
    db = judging(db_path)
    restored = restore_statement(db, statement_id, by=by, note=note)
    what = _rows(restored.counts)
    status(
        f"Restored statement {statement_id}{f' with {what}' if what else ''} (audit record {restored.audit_id})."
    )
    if restored.skipped:
        gone = _rows(restored.skipped)
        status(f"Left out {gone}: what they named is gone.")
    if link:
        with after_commit(1, "the statement is restored, not relinked yet (`tracker link` relinks)."):
            before = _links_of(db, statement_id)
            relink(db, statement_id)
        added = _links_of(db, statement_id) - before
        if added:
            status(f"Linked to what was added since: {_plural(added, 'new link')}.")


def _links_of(db: Database, statement_id: int) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM links WHERE a_id = ? OR b_id = ?", [statement_id, statement_id]
        ).fetchone()[0]
    )


# every action the audit trail records (`--action` takes one of them)
AUDIT_ACTIONS = (
    "edit",
    "delete",
    "restore",
    "appearance delete",
    "appearance restore",
    "link confirm",
    "link reject",
    "link relabel",
    "link undo",
    "speaker merge",
    "speaker unmerge",
    "speaker split",
    "speaker rename",
    "speaker alias",
    "claim add",
    "claim attach",
    "claim relabel",
    "claim detach",
    "claim review",
    "claim undo",
    "claim merge",
    "claim unmerge",
)


def audit(
    statement: Annotated[
        int | None, typer.Option("--statement", help="Only the records of this statement.")
    ] = None,
    action: Annotated[
        str | None,
        typer.Option(
            "--action",
            callback=one_of("action", lambda: list(AUDIT_ACTIONS)),
            help=f"Only this action: {', '.join(AUDIT_ACTIONS)}.",
        ),
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """List the audit trail: every correction, who made it, when, before and after.

    --limit keeps the newest records; they are listed oldest first.

    Example: tracker audit --statement 7 --json
    """
    from tracker.cli.render import emit
    from tracker.store.corrections import list_audit

    fmt = output_format(json_, csv, nl)
    if fmt != "table":
        emit(
            list_audit(database(db_path), statement_id=statement, action=action, limit=limit),
            [(c, c) for c in MACHINE_COLUMNS],
            fmt=fmt,
        )
        return
    # the table leaves out edits that changed nothing: the newest `limit` of what it shows
    rows = changed_something(list_audit(database(db_path), statement_id=statement, action=action))
    rows = table_rows(rows[-limit:] if limit else rows)
    emit(rows, AUDIT_COLUMNS, fmt=fmt, empty="No changes recorded.")
