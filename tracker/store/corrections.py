"""Correcting the ledger: editing a statement, deleting it, restoring it, and the audit trail
every correction writes (who, when, what it was before and after).

A deleted statement leaves its row, and every row that named it (links, claim attachments,
verdicts, speaker checks, and those of any table with a foreign key to statements), in its
audit record; `restore_statement` puts them back under the same ids where those are free.
Relinking is the caller's, after the correction is committed (as for `add`): `relink`. The
claim sides that move with the links a correction changes are found in its own transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.dates import parse_date
from tracker.model import InvalidInput, NewStatement, NotFound, TrackerError
from tracker.store.connection import now, query_rows, write_transaction
from tracker.store.lookup import (
    SourceCache,
    SpeakerCache,
    _unnamed_key,
    ambiguous_speaker,
    speaker_candidates,
    surname_of,
)
from tracker.store.validation import (
    MAX_TEXT_CHARS,
    check_dates,
    check_statement,
    claim_values,
    clean_field,
    content_hashes,
)

STALE = "stale: the statement's words were edited"  # links.engine until relinked
# the fields `edit_statement` changes, as `tracker edit` names them
EDITABLE = ("text", "speaker", "source", "url", "said_on", "reported_on")
# what an edit record shows of a statement, before and after
_SHOWN = (
    "text",
    "speaker",
    "role",
    "source",
    "url",
    "said_on",
    "reported_on",
    "proposition",
    "polarity",
    "modality",
    "hedge",
    "answers",
)


# what an edit record keeps of the statement as it was, so that a row extracted or imported
# again with its old words, speaker, source or dates is known as corrected, not new
_IDENTITY = ("content_hash", "words_hash", "source_id", "said_on", "reported_on")


class Conflict(TrackerError):
    """A correction that would make the ledger contradict itself (two identical statements)."""


def os_user() -> str | None:
    """The OS user's login name; None where this uid has none (some containers)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def current_user() -> str:
    """Who makes a change when no one is named: the OS user."""
    return os_user() or "unknown"


def record(
    db: Database,
    action: str,
    *,
    statement_id: int | None = None,
    before: Any = None,
    after: Any = None,
    by: str | None = None,
    note: str | None = None,
) -> int:
    """Write one audit record (inside the caller's transaction); returns its id."""
    cursor = db.execute(
        "INSERT INTO audit (at, by, action, statement_id, note, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            now(),
            by or current_user(),
            action,
            statement_id,
            note,
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
        ],
    )
    return int(cursor.lastrowid or 0)


def list_audit(
    db: Database,
    *,
    statement_id: int | None = None,
    action: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Audit records, oldest first (the newest `limit` of them), before and after as values."""
    clauses: list[str] = []
    params: list[Any] = []
    if statement_id is not None:  # its own records, and those of changes naming it (a merge)
        clauses.append(
            "(statement_id = ? OR statement_id IS NULL AND after LIKE '%\"statements\"%'"
            " AND EXISTS (SELECT 1 FROM json_each(after, '$.statements') WHERE value = ?))"
        )
        params.extend([statement_id, statement_id])
    if action is not None:
        clauses.append("action = ?")
        params.append(action)
    sql = f"SELECT id, at, by, action, statement_id, note, before, after FROM audit WHERE {' AND '.join(clauses) or '1'}"
    sql += " ORDER BY id DESC" + (" LIMIT ?" if limit is not None else "")
    if limit is not None:
        params.append(limit)
    rows = list(query_rows(db, sql, params))
    for row in rows:
        row["before"] = json.loads(row["before"]) if row["before"] else None
        row["after"] = json.loads(row["after"]) if row["after"] else None
    return rows[::-1]


def deleted_record(db: Database, statement_id: int) -> dict[str, Any] | None:
    """The record of the statement's deletion, when it is deleted (and not restored since)."""
    found = db.execute(
        "SELECT id, action FROM audit WHERE statement_id = ? AND action IN ('delete', 'restore')"
        " ORDER BY id DESC LIMIT 1",
        [statement_id],
    ).fetchone()
    if found is None or found[1] != "delete":
        return None
    return next(r for r in list_audit(db, statement_id=statement_id) if r["id"] == found[0])


def require_statement(db: Database, statement_id: int) -> dict[str, Any]:
    """The statement's row; NotFound saying so when it was deleted (and how to restore it)."""
    row = db.execute("SELECT 1 FROM statements WHERE id = ?", [statement_id]).fetchone()
    if row is None:
        deleted = deleted_record(db, statement_id)
        if deleted is not None:
            raise NotFound(
                f"statement {statement_id} was deleted ({deleted['at']}, by {deleted['by']}):"
                f" `tracker restore {statement_id}` brings it back"
            )
        raise NotFound(f"no statement with id {statement_id}")
    from tracker.store.queries import get_statement

    return get_statement(db, statement_id)


# --- edit ---------------------------------------------------------------------------------


@dataclass
class Edited:
    """What an edit changed (field -> (before, after)); empty when nothing differed."""

    statement_id: int
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    audit_id: int | None = None
    # a person's decisions on the statement's links and claims, dropped because its text changed
    unreviewed_links: list[dict[str, Any]] = field(default_factory=list)
    unreviewed_claims: list[dict[str, Any]] = field(default_factory=list)
    # its appearances the edit made repeat the statement's own source and dates: deleted
    folded: list[dict[str, Any]] = field(default_factory=list)
    # the claims it founded, which now read as its new words
    reworded_claims: list[int] = field(default_factory=list)
    # the claims it founded that were worded again (new words, or a pronoun for a new speaker): their text
    renamed_claims: dict[int, str] = field(default_factory=dict)
    # the other statements whose words and speaker it now has (kept apart: the user decides)
    repeats: list[int] = field(default_factory=list)

    @property
    def text_changed(self) -> bool:
        return "text" in self.changes


def _blank(value: str | None) -> str | None:
    return None if value is None else (value.strip() or None)


def edit_statement(
    db: Database,
    statement_id: int,
    *,
    text: str | None = None,
    speaker: str | None = None,
    source: str | None = None,
    url: str | None = None,
    said_on: str | None = None,
    reported_on: str | None = None,
    by: str | None = None,
    note: str | None = None,
) -> Edited:
    """Change a statement's fields (None: unchanged; "" clears source, url and dates).

    A new speaker is resolved as `add` resolves one (created when new); a name that fits
    several speakers is refused, never guessed. A new text is analysed again; its links and
    claim attachments, a person's decisions included, are dropped for `relink` to find anew.
    One transaction, with its audit record; nothing is written when nothing differs.
    """
    current = require_statement(db, statement_id)
    if text is not None:
        if not text.strip():
            raise InvalidInput("statement text is empty")
        text = clean_field(text, "statement text", limit=MAX_TEXT_CHARS)
    if speaker is not None and not speaker.strip():
        raise InvalidInput("speaker is empty")
    speaker = clean_field(speaker, "speaker")
    # "" clears a source or URL: kept apart from None (unchanged)
    source = None if source is None else clean_field(source, "source") or ""
    url = None if url is None else clean_field(url, "url") or ""
    new_said = current["said_on"] if said_on is None else parse_date(said_on, field="said-on date")
    new_reported = (
        current["reported_on"] if reported_on is None else parse_date(reported_on, field="reported-on date")
    )
    check_dates(new_said, new_reported)
    edited = Edited(statement_id)
    with write_transaction(db):
        values: dict[str, Any] = {"said_on": new_said, "reported_on": new_reported}
        values["source_id"] = current["source_id"]
        if source is not None or url is not None:
            values["source_id"] = _source_for(db, current, source, url)
        speaker_id, filed_role, watch = current["speaker_id"], current["role"], None
        if speaker is not None:
            # first the source: "officials" is kept per report, as `add` keeps it
            published = db.execute(
                "SELECT published FROM sources WHERE id = ?", [values["source_id"]]
            ).fetchone()
            day = new_reported or (published[0] if published else None) or new_said
            speaker_id, filed_role, watch = _speaker_for(db, speaker, values["source_id"], day)
            if speaker_id == current["speaker_id"]:
                filed_role = current["role"] if filed_role is None else filed_role
        values["speaker_id"], values["role"] = speaker_id, filed_role
        new_text = text if text is not None and text != current["text"] else current["text"]
        if new_text != current["text"]:
            values["text"] = new_text
            (values["proposition"], values["polarity"], values["modality"], values["hedge"]) = claim_values(
                new_text
            )
            answers = current["answers"]
            if (
                answers
                and answers.casefold() in current["text"].casefold()
                and answers.casefold() not in new_text.casefold()
            ):
                values["answers"] = None  # the words it answered are no longer in the text
        stored = db.execute("SELECT * FROM statements WHERE id = ?", [statement_id]).fetchone()
        columns = [d[0] for d in db.execute("SELECT * FROM statements LIMIT 0").description]
        row = dict(zip(columns, stored, strict=True))
        if any(values.get(k, row[k]) != row[k] for k in ("text", "speaker_id", "source_id")):
            values["content_hash"], values["words_hash"] = content_hashes(
                new_text, speaker_id, values["source_id"]
            )
            twin = db.execute(
                "SELECT id FROM statements WHERE content_hash = ? AND id != ?",
                [values["content_hash"], statement_id],
            ).fetchone()
            if twin is not None:
                raise Conflict(
                    f"statement {twin[0]} already records these words by this speaker in this source;"
                    " nothing was changed"
                )
        changed = {key: value for key, value in values.items() if row[key] != value}
        if not changed:
            return edited
        if values.get("words_hash", row["words_hash"]) != row["words_hash"]:
            edited.repeats = [
                int(found[0])
                for found in db.execute(
                    "SELECT id FROM statements WHERE words_hash = ? AND id != ? ORDER BY id",
                    [values["words_hash"], statement_id],
                )
            ]
        db.execute(
            f"UPDATE statements SET {', '.join(f'{key} = ?' for key in changed)} WHERE id = ?",
            [*changed.values(), statement_id],
        )
        if "speaker_id" in changed:  # a person named the speaker: no name left to check
            db.execute("DELETE FROM speaker_reviews WHERE statement_id = ?", [statement_id])
            db.execute("DELETE FROM speaker_mentions WHERE statement_id = ?", [statement_id])
            if watch:
                db.execute(
                    "INSERT INTO speaker_mentions (statement_id, name, surname, affiliation) VALUES (?, ?, ?, NULL)",
                    [statement_id, watch, surname_of(watch)],
                )
        if changed.keys() & {"source_id", "said_on", "reported_on"}:
            edited.folded = _fold_appearances(db, statement_id)
        after = require_statement(db, statement_id)
        edited.changes = {key: (current[key], after[key]) for key in _SHOWN if current[key] != after[key]}
        if edited.text_changed:
            _drop_judgements(db, edited)
        if edited.text_changed or "speaker" in edited.changes:
            # a claim it founded names its speaker where a pronoun opened it: worded again
            from tracker.claims.attach import reword_founded

            renamed = reword_founded(db, statement_id)
            if edited.text_changed:
                edited.reworded_claims = sorted({*edited.reworded_claims, *renamed})
                renamed = {  # what each reads now, as the edit's message says
                    claim_id: db.execute("SELECT text FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
                    for claim_id in edited.reworded_claims
                }
            edited.renamed_claims = renamed
        audit_before = {key: old for key, (old, _) in edited.changes.items()}
        audit_after = {key: new for key, (_, new) in edited.changes.items()}
        if edited.folded:
            audit_before["appearances"] = edited.folded
            audit_after["appearances"] = []
        if changed.keys() & set(_IDENTITY):  # what an import of the old row is known by
            audit_before["identity"] = {key: row[key] for key in _IDENTITY}
        if edited.unreviewed_links:
            audit_before["reviewed_links"] = edited.unreviewed_links
        if edited.unreviewed_claims:
            audit_before["reviewed_claims"] = edited.unreviewed_claims
        edited.audit_id = record(
            db, "edit", statement_id=statement_id, before=audit_before, after=audit_after, by=by, note=note
        )
    return edited


def _fold_appearances(db: Database, statement_id: int) -> list[dict[str, Any]]:
    """Delete the statement's appearances that now add nothing to it: in its source, with
    its dates or none (as an import finds a row already recorded); returns them."""
    folded = list(
        query_rows(
            db,
            "SELECT a.* FROM appearances a JOIN statements s ON s.id = a.statement_id"
            " WHERE a.statement_id = ? AND a.source_id IS s.source_id"
            " AND (a.said_on IS NULL OR a.said_on IS s.said_on)"
            " AND (a.reported_on IS NULL OR a.reported_on IS s.reported_on) ORDER BY a.id",
            [statement_id],
        )
    )
    for row in folded:
        db.execute("DELETE FROM appearances WHERE id = ?", [row["id"]])
    return folded


def _speaker_for(
    db: Database, name: str, source_id: int | None, day: str | None
) -> tuple[int, str | None, str | None]:
    """(speaker id, the role the mention states, the shorter name to watch) for a name or id;
    a speaker nobody names ("officials") is the one kept for the statement's report."""
    if name.isdigit():
        found = db.execute("SELECT id FROM speakers WHERE id = ?", [int(name)]).fetchone()
        if found is None:
            raise NotFound(f"no speaker with id {name}")
        return int(found[0]), None, None
    mention = speaker_names.split_mention(name)
    unnamed = _unnamed_key(mention.name) is not None
    resolution = (
        None if unnamed else speaker_names.resolve(mention.name, speaker_candidates(db), mention.kind)
    )
    if resolution is not None and resolution.speaker_id is None and resolution.ambiguous_with:
        raise InvalidInput(ambiguous_speaker(db, name, resolution.ambiguous_with))
    filed = SpeakerCache(db).resolve(
        name, role=None, affiliation=None, kind=None, source_id=source_id, day=day
    )
    return filed.speaker_id, filed.role, filed.watch


def _source_for(db: Database, current: dict[str, Any], source: str | None, url: str | None) -> int | None:
    """The source of (outlet, url), each given or kept from the current source ("" clears)."""
    checked = edited_source(current, source, url)
    return None if checked is None else SourceCache(db).id_for(checked)


def edited_source(current: dict[str, Any], source: str | None, url: str | None) -> Any:
    """The (outlet, url) an edit gives a statement whose source is `current` ("source",
    "url"), as a checked row for SourceCache; None for no source."""
    from tracker.store.lookup import _outlet_from_url

    outlet = current["source"] if source is None else source
    address = current["url"] if url is None else url
    if source is None and url is not None and current["url"] and outlet == _outlet_from_url(current["url"]):
        outlet = None  # the outlet was the old URL's host: the new URL's names it
    outlet, address = _blank(outlet), _blank(address)
    if outlet is None and address is None:
        return None
    # the same outlet: the same article, whose title and author a new URL keeps
    same = outlet is not None and (current["source"] or "").casefold() == outlet.casefold()
    title, author, published = (
        current.get(key) if same else None for key in ("title", "author", "published")
    )
    return check_statement(
        NewStatement(
            text="-", speaker="-", source=outlet, url=address, title=title, author=author, published=published
        )
    )


def _drop_judgements(db: Database, edited: Edited) -> None:
    """A changed text: its links and its attachments to claims (those it founded too) are
    judged anew, and a claim it founded in its own words is reworded; a person's decisions on
    them are kept in the audit record only."""
    sid = edited.statement_id
    links = list(
        query_rows(
            db,
            "SELECT id, a_id, b_id, relation, status, reviewed_by, reviewed_at FROM links WHERE a_id = ? OR b_id = ?",
            [sid, sid],
        )
    )
    edited.unreviewed_links = [
        {
            "link": link["id"],
            "with": link["b_id"] if link["a_id"] == sid else link["a_id"],
            "relation": link["relation"],
            "status": link["status"],
            "by": link["reviewed_by"],
        }
        for link in links
        if link["reviewed_at"] is not None
    ]
    edited.unreviewed_claims = [
        {"claim": row["claim_id"], "stance": row["stance"], "status": row["status"], "by": row["reviewed_by"]}
        for row in query_rows(
            db,
            "SELECT claim_id, stance, status, reviewed_by FROM claim_statements"
            " WHERE statement_id = ? AND reviewed_by IS NOT NULL ORDER BY claim_id",
            [sid],
        )
    ]
    # kept under their ids, marked: a pair found again keeps its link, the others go
    db.execute(
        "UPDATE links SET status = 'suggested', reviewed_at = NULL, reviewed_by = NULL, engine = ?"
        " WHERE a_id = ? OR b_id = ?",
        [STALE, sid, sid],
    )
    # a claim it founded in its own words now says what the statement says (a person recorded
    # the claim, or a denial named it: those keep their words)
    after = db.execute("SELECT text, proposition FROM statements WHERE id = ?", [sid]).fetchone()
    for (claim_id,) in db.execute(
        "SELECT cs.claim_id FROM claim_statements cs JOIN claims c ON c.id = cs.claim_id"
        " WHERE cs.statement_id = ? AND cs.founder = 1 AND c.origin = 'statement'",
        [sid],
    ).fetchall():
        db.execute("UPDATE claims SET text = ?, proposition = ? WHERE id = ?", [*after, claim_id])
        edited.reworded_claims.append(claim_id)
    db.execute(  # it stays the founder of what it founded in its own words
        "DELETE FROM claim_statements WHERE statement_id = ?"
        " AND NOT (founder = 1 AND claim_id IN (SELECT id FROM claims WHERE origin = 'statement'))",
        [sid],
    )


def relink(db: Database, statement_id: int) -> Any:
    """Link a corrected or restored statement again (and attach it to claims): a link found
    again keeps its id, one of its old words not found again is removed. Returns LinkStats."""
    from tracker.link import link_new

    stats = link_new(db, [statement_id], workers=1)
    stats.removed += drop_stale_links(db, statement_id, attached=True)
    return stats


def drop_stale_links(db: Database, statement_id: int, *, attached: bool = False) -> int:
    """Remove the links an edit of the statement's words left unjudged; returns how many.

    A link that went (or was found again with another score) may have overshadowed its
    neighbours' links: those are checked again, as after a deletion, and the claim sides
    that move with them found anew, in the same transaction; so are the sides of the
    statements at the other end of a link that went, which may have rested on it. `attached`: the statement was
    attached to claims while its old links were still there (a relink): it is attached again
    without them, so that it never stays on a claim it joined through a link that went."""
    with write_transaction(db):
        neighbours = _linked_to(db, statement_id)
        stale = {
            other
            for pair in db.execute(
                "SELECT a_id, b_id FROM links WHERE (a_id = ? OR b_id = ?) AND engine = ?",
                [statement_id, statement_id, STALE],
            )
            for other in pair
        } - {statement_id}
        cursor = db.execute(
            "DELETE FROM links WHERE (a_id = ? OR b_id = ?) AND engine = ?",
            [statement_id, statement_id, STALE],
        )
        removed = cursor.rowcount
        # the other ends of the links that went may have joined a claim through them
        moved = (_recheck_overshadowing(db, neighbours | {statement_id}) | stale) - {statement_id}
        if attached and removed:
            moved.add(statement_id)
        _reattach(db, moved)
    return removed


# --- delete and restore -------------------------------------------------------------------


@dataclass(frozen=True)
class Deleted:
    statement_id: int
    counts: dict[str, int]  # table -> rows removed with the statement
    audit_id: int


def _references(db: Database, parent: str) -> list[tuple[str, str, str]]:
    """(table, column, parent column) of every foreign key that names `parent`."""
    found = []
    for table in sorted(db.table_names()):
        for _, _, target, column, to, *_ in db.execute(f'PRAGMA foreign_key_list("{table}")'):
            if target == parent:
                found.append((table, column, to or "id"))
    return found


def _rows_where(db: Database, table: str, column: str, values: Iterable[Any]) -> list[dict[str, Any]]:
    wanted = sorted(set(values))
    rows: list[dict[str, Any]] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows.extend(query_rows(db, f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks})', chunk))
    return rows


def _dependents(db: Database, statement: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Every row that names the statement, and the rows that name those, parents first."""
    found: list[tuple[str, list[dict[str, Any]]]] = []
    seen: dict[str, set[str]] = {}
    level: list[tuple[str, list[dict[str, Any]]]] = [("statements", [statement])]
    while level:
        following: list[tuple[str, list[dict[str, Any]]]] = []
        for parent, parent_rows in level:
            for table, column, to in _references(db, parent):
                known = seen.setdefault(table, set())
                rows = [
                    row
                    for row in _rows_where(db, table, column, (r[to] for r in parent_rows))
                    if json.dumps(row, sort_keys=True) not in known
                ]
                known.update(json.dumps(row, sort_keys=True) for row in rows)
                if rows:
                    following.append((table, rows))
        found.extend(following)
        level = following
    return found


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _key(db: Database, table: str) -> list[str]:
    """The primary key columns of a table (rowid tables without one: none)."""
    return [
        name
        for _, name, _, _, _, pk in sorted(db.execute(f'PRAGMA table_info("{table}")'), key=lambda c: c[5])
        if pk
    ]


def deletion_counts(db: Database, statement_id: int) -> dict[str, int]:
    """Rows of each table that deleting the statement would take with it (as delete_statement
    counts them), for asking first."""
    require_statement(db, statement_id)
    statement = next(query_rows(db, "SELECT * FROM statements WHERE id = ?", [statement_id]))
    counts: dict[str, int] = {}
    for table, rows in _dependents(db, statement):
        counts[table] = counts.get(table, 0) + len(rows)
    return counts


def delete_statement(
    db: Database, statement_id: int, *, by: str | None = None, note: str | None = None
) -> Deleted:
    """Remove a statement with every row that names it; all of it is kept in the audit record."""
    with write_transaction(db):
        require_statement(db, statement_id)
        statement = next(query_rows(db, "SELECT * FROM statements WHERE id = ?", [statement_id]))
        dependents = _dependents(db, statement)
        linked = _linked_to(db, statement_id)
        for table, rows in reversed(dependents):
            key = _key(db, table)
            if key:
                for row in rows:
                    db.execute(
                        f'DELETE FROM "{table}" WHERE {" AND ".join(f"{_quoted(k)} = ?" for k in key)}',
                        [row[k] for k in key],
                    )
            else:
                for row in rows:
                    db.execute(
                        f'DELETE FROM "{table}" WHERE rowid IN (SELECT rowid FROM "{table}" WHERE '
                        + " AND ".join(f"{_quoted(k)} IS ?" for k in row)
                        + " LIMIT 1)",
                        list(row.values()),
                    )
        db.execute("DELETE FROM statements WHERE id = ?", [statement_id])
        counts: dict[str, int] = {}
        for table, rows in dependents:  # a table twice: links name a statement as a and as b
            counts[table] = counts.get(table, 0) + len(rows)
        shown = {key: statement[key] for key in ("text", "said_on", "reported_on")}
        names = db.execute(
            "SELECT sp.name, src.outlet FROM speakers sp LEFT JOIN sources src ON src.id = ? WHERE sp.id = ?",
            [statement["source_id"], statement["speaker_id"]],
        ).fetchone()
        before = {
            **shown,
            "speaker": names[0] if names else None,
            "source": names[1] if names else None,
            "row": statement,
            "rows": [[table, rows] for table, rows in dependents],
        }
        audit_id = record(db, "delete", statement_id=statement_id, before=before, by=by, note=note)
        # in the same transaction: a claim side is never left resting on a link that went
        _reattach(db, _recheck_overshadowing(db, linked))
    return Deleted(statement_id, counts, audit_id)


def _linked_to(db: Database, statement_id: int) -> set[int]:
    """The statements linked to one (whatever the links' review)."""
    rows = db.execute("SELECT a_id, b_id FROM links WHERE ? IN (a_id, b_id)", [statement_id]).fetchall()
    return {sid for row in rows for sid in row} - {statement_id}


def _recheck_overshadowing(db: Database, ids: set[int]) -> set[int]:
    """Links overshadowed by a link that went (or overshadowed again by one back) take their
    side as a relink gives it (link/pipeline.py); the statements whose links changed."""
    from tracker.link.pipeline import recheck_overshadowing

    return recheck_overshadowing(db, ids) if ids else set()


def _reattach(db: Database, ids: set[int]) -> None:
    if ids:
        from tracker.claims import reattach

        reattach(db, sorted(ids))  # a claim joined through the links that changed moves with them


@dataclass(frozen=True)
class Restored:
    statement_id: int
    counts: dict[str, int]  # table -> rows put back
    skipped: dict[str, int]  # table -> rows that name something gone since (left out)
    renumbered: dict[str, int]  # table -> rows put back under a new id (theirs was taken)
    audit_id: int


def _speaker_now(db: Database, speaker_id: int) -> int:
    """The speaker a deleted statement's speaker is now: itself, or the one it was merged into."""
    seen = set()
    while db.execute("SELECT 1 FROM speakers WHERE id = ?", [speaker_id]).fetchone() is None:
        merged = db.execute(
            "SELECT kept_id FROM speaker_merges WHERE absorbed_id = ? AND undone_at IS NULL ORDER BY id DESC",
            [speaker_id],
        ).fetchone()
        if merged is None or speaker_id in seen:
            raise Conflict(f"speaker {speaker_id} of the deleted statement is gone; nothing was restored")
        seen.add(speaker_id)
        speaker_id = int(merged[0])
    return speaker_id


def _put_back(db: Database, table: str, row: dict[str, Any]) -> str:
    """Insert one saved row: "put", "renumbered" (its id was taken) or "skipped" (it names a row
    that is gone, or repeats one that is there)."""
    columns = {c[1] for c in db.execute(f'PRAGMA table_info("{table}")')}
    values = {k: v for k, v in row.items() if k in columns}
    for attempt in ("put", "renumbered"):
        try:
            db.execute(
                f'INSERT INTO "{table}" ({", ".join(_quoted(k) for k in values)})'
                f" VALUES ({', '.join('?' for _ in values)})",
                list(values.values()),
            )
            return attempt
        except sqlite3.IntegrityError as error:
            key = _key(db, table)
            if attempt == "put" and key == ["id"] and f"{table}.id" in str(error):
                values.pop("id")
                continue
            return "skipped"
    return "skipped"


def restore_statement(
    db: Database, statement_id: int, *, by: str | None = None, note: str | None = None
) -> Restored:
    """Bring a deleted statement back under its id, with the rows deleted with it."""
    with write_transaction(db):
        if db.execute("SELECT 1 FROM statements WHERE id = ?", [statement_id]).fetchone() is not None:
            raise InvalidInput(f"statement {statement_id} is in the ledger: nothing to restore")
        deleted = deleted_record(db, statement_id)
        if deleted is None:
            raise NotFound(f"no deleted statement with id {statement_id}")
        row = dict(deleted["before"]["row"])
        twin = db.execute(
            "SELECT id FROM statements WHERE content_hash = ?", [row["content_hash"]]
        ).fetchone()
        if twin is not None:
            raise Conflict(
                f"statement {statement_id} was recorded again as statement {twin[0]}; nothing was restored"
            )
        if row.get("ref") is not None:
            taken = db.execute("SELECT id FROM statements WHERE ref = ?", [row["ref"]]).fetchone()
            if taken is not None:
                raise Conflict(f"ref {row['ref']!r} now names statement {taken[0]}; nothing was restored")
        row["speaker_id"] = _speaker_now(db, row["speaker_id"])
        if _put_back(db, "statements", row) != "put":
            raise Conflict(f"statement {statement_id} cannot be put back; nothing was restored")
        counts: dict[str, int] = {}
        skipped: dict[str, int] = {}
        renumbered: dict[str, int] = {}
        for table, rows in deleted["before"]["rows"]:
            if not db[table].exists():
                skipped[table] = skipped.get(table, 0) + len(rows)
                continue
            for saved in rows:
                outcome = _put_back(db, table, saved)
                tally = skipped if outcome == "skipped" else counts
                tally[table] = tally.get(table, 0) + 1
                if outcome == "renumbered":
                    renumbered[table] = renumbered.get(table, 0) + 1
        audit_id = record(
            db,
            "restore",
            statement_id=statement_id,
            after={"restored": counts, "skipped": skipped, "from": deleted["id"]},
            by=by,
            note=note,
        )
        moved = _recheck_overshadowing(db, _linked_to(db, statement_id) | {statement_id}) - {statement_id}
        _reattach(db, moved)  # in the same transaction, as for a deletion
    return Restored(statement_id, counts, skipped, renumbered, audit_id)


@dataclass
class Corrections:
    """What people deleted or corrected away, by what an extracted or imported row is known:
    content hash, words hash and ref -> the statement's id; statement id -> the (source id,
    said on, reported on) an edit replaced."""

    hashes: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    refs: dict[str, int] = field(default_factory=dict)
    keys: dict[int, list[tuple[int | None, str | None, str | None]]] = field(default_factory=dict)


def corrections(db: Database) -> Corrections:
    """Every deleted statement's row, every edited one's old identity and every deleted
    appearance's source and dates, from the audit trail
    (a statement restored or edited back is in the ledger, which a lookup asks first)."""
    found = Corrections()
    try:
        deleted = db.execute(
            "SELECT statement_id, json_extract(before, '$.row.content_hash'),"
            " json_extract(before, '$.row.words_hash'), json_extract(before, '$.row.ref')"
            " FROM audit WHERE action = 'delete' ORDER BY id"
        ).fetchall()
        edited = db.execute(
            "SELECT statement_id, json_extract(before, '$.identity.content_hash'),"
            " json_extract(before, '$.identity.words_hash'), json_extract(before, '$.identity.source_id'),"
            " json_extract(before, '$.identity.said_on'), json_extract(before, '$.identity.reported_on')"
            " FROM audit WHERE action = 'edit' AND json_extract(before, '$.identity') IS NOT NULL ORDER BY id"
        ).fetchall()
        # an appearance a person deleted (a mistyped date) is not recorded again by a re-extraction
        edited += db.execute(
            "SELECT statement_id, NULL, NULL, json_extract(before, '$.appearance.source_id'),"
            " json_extract(before, '$.appearance.said_on'), json_extract(before, '$.appearance.reported_on')"
            " FROM audit WHERE action = 'appearance delete' ORDER BY id"
        ).fetchall()
    except sqlite3.OperationalError:  # a ledger migrated only part of the way (tests of upgrades)
        return found
    for statement_id, digest, words, ref in deleted:
        found.hashes[digest] = statement_id
        if words:
            found.words.setdefault(words, statement_id)
        if ref:
            found.refs[ref] = statement_id
    for statement_id, digest, words, source_id, said_on, reported_on in edited:
        if digest:
            found.hashes.setdefault(digest, statement_id)
        if words:
            found.words.setdefault(words, statement_id)
        found.keys.setdefault(statement_id, []).append((source_id, said_on, reported_on))
    return found


def deleted_ids_max(db: Database) -> int:
    """The highest id a deleted statement had: new statements are numbered above it, so that
    a deleted one can come back under its own id."""
    try:
        found = db.execute("SELECT max(statement_id) FROM audit WHERE action = 'delete'").fetchone()
    except sqlite3.OperationalError:  # a ledger migrated only part of the way (tests of upgrades)
        return 0
    return int(found[0] or 0)
