"""Looking after speakers (find, list, show, alias, merge, rename) and listing sources.

Name matching itself is `tracker.speakers`; this module applies it to the stored speakers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.model import InvalidInput, NotFound
from tracker.store.connection import query_rows
from tracker.store.lookup import speaker_candidates
from tracker.store.queries import StatementFilter, list_statements
from tracker.store.validation import clean_field


def find_speaker(db: Database, name_or_id: str) -> dict[str, Any]:
    """One speaker by id or name; an unknown or ambiguous name is an error."""
    text = name_or_id.strip()
    if not text:
        raise InvalidInput("speaker is empty")
    if text.isdigit():
        rows = list(query_rows(db, "SELECT * FROM speakers WHERE id = ?", [int(text)]))
        if not rows:
            raise NotFound(f"no speaker with id {text}")
        return rows[0]
    found = speaker_names.resolve(speaker_names.split_mention(text).name, speaker_candidates(db))
    if found.speaker_id is None:
        if found.ambiguous_with:
            names = ", ".join(
                f"{row['name']} (id {row['id']})"
                for row in query_rows(
                    db,
                    f"SELECT id, name FROM speakers WHERE id IN ({', '.join('?' for _ in found.ambiguous_with)})",
                    found.ambiguous_with,
                )
            )
            raise InvalidInput(f"speaker {text!r} is ambiguous: {names}; use an id")
        raise NotFound(f"no speaker named {text!r}")
    return next(query_rows(db, "SELECT * FROM speakers WHERE id = ?", [found.speaker_id]))


def list_speakers(db: Database) -> list[dict[str, Any]]:
    rows = list(
        query_rows(
            db,
            """
            SELECT sp.id, sp.name, sp.kind, sp.role, sp.affiliation,
                   (SELECT group_concat(alias, '; ') FROM speaker_aliases a
                     WHERE a.speaker_id = sp.id AND a.key != ?) AS aliases,
                   (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) AS statements
            FROM speakers sp ORDER BY sp.id
            """,
            [""],
        )
    )
    duplicates = speaker_names.likely_duplicates(speaker_candidates(db))
    names = {row["id"]: row["name"] for row in rows}
    for row in rows:
        row["aliases"] = [a for a in (row["aliases"] or "").split("; ") if a and a != row["name"]]
        row["possible_duplicates"] = [
            f"{names[other]} (id {other})" for other in duplicates.get(row["id"], [])
        ]
    return rows


def show_speaker(db: Database, name_or_id: str) -> dict[str, Any]:
    speaker = find_speaker(db, name_or_id)
    listed = next(row for row in list_speakers(db) if row["id"] == speaker["id"])
    listed["created_at"] = speaker["created_at"]
    listed["recent"] = list_statements(db, StatementFilter(speaker=str(speaker["id"]), limit=None))[-10:]
    return listed


def add_alias(db: Database, name_or_id: str, alias: str) -> dict[str, Any]:
    alias = clean_field(alias, "alias") or ""
    if not alias:
        raise InvalidInput("alias is empty")
    with db.atomic():
        speaker = find_speaker(db, name_or_id)
        owner = _other_owner(db, alias, speaker["id"])
        if owner is not None:
            raise InvalidInput(f"alias {alias!r} already names speaker id {owner}; merge the two instead")
        _add_aliases(db, speaker["id"], [alias])
    return speaker


def _other_owner(db: Database, name: str, speaker_id: int) -> int | None:
    """The speaker other than `speaker_id` whose name or alias `name` already is, if any."""
    row = db.execute(
        "SELECT speaker_id FROM speaker_aliases WHERE key = ? AND speaker_id != ?",
        [speaker_names.key(name), speaker_id],
    ).fetchone()
    return None if row is None else int(row[0])


def _add_aliases(db: Database, speaker_id: int, names: Iterable[str]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
        [(speaker_id, name, speaker_names.key(name)) for name in names],
    )


def merge_speakers(db: Database, keep: str, absorb: str) -> dict[str, Any]:
    """Move every statement and alias of `absorb` onto `keep`, then delete `absorb`."""
    with db.atomic():
        kept = find_speaker(db, keep)
        gone = find_speaker(db, absorb)
        if kept["id"] == gone["id"]:
            raise InvalidInput("cannot merge a speaker with itself")
        db.execute("UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", [kept["id"], gone["id"]])
        db.execute(
            """INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key)
               SELECT ?, alias, key FROM speaker_aliases WHERE speaker_id = ?""",
            [kept["id"], gone["id"]],
        )
        _add_aliases(db, kept["id"], [gone["name"]])
        db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [gone["id"]])
        db.execute(
            """UPDATE speakers SET role = coalesce(role, ?), affiliation = coalesce(affiliation, ?)
               WHERE id = ?""",
            [gone["role"], gone["affiliation"], kept["id"]],
        )
        db.execute("DELETE FROM speakers WHERE id = ?", [gone["id"]])
    return find_speaker(db, str(kept["id"]))


def rename_speaker(db: Database, name_or_id: str, new_name: str) -> dict[str, Any]:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    new_name = clean_field(new_name, "new name") or ""
    if not new_name:
        raise InvalidInput("new name is empty")
    with db.atomic():
        speaker = find_speaker(db, name_or_id)
        clash = _other_owner(db, new_name, speaker["id"])
        if clash is not None:
            raise InvalidInput(f"{new_name!r} already names speaker id {clash}; merge instead")
        db.execute("UPDATE speakers SET name = ? WHERE id = ?", [new_name, speaker["id"]])
        _add_aliases(db, speaker["id"], [speaker["name"], new_name])
    return find_speaker(db, str(speaker["id"]))


def list_sources(db: Database) -> list[dict[str, Any]]:
    return list(
        query_rows(
            db,
            """
            SELECT src.id, src.outlet, src.url, src.title, src.author, src.published,
                   (SELECT count(*) FROM statements s WHERE s.source_id = src.id) AS statements
            FROM sources src ORDER BY src.outlet COLLATE NOCASE, src.id
            """,
        )
    )
