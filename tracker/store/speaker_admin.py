"""Looking after speakers (find, list, show, alias, merge and unmerge, split, rename, the
statements whose speaker is uncertain) and listing sources.

Name matching itself is `tracker.speakers`; this module applies it to the stored speakers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.model import InvalidInput, NotFound, SpeakerKind
from tracker.store.connection import now, query_rows, write_transaction
from tracker.store.corrections import record as audit
from tracker.store.lookup import recheck_surnames, speaker_candidates, surname_of
from tracker.store.queries import StatementFilter, list_statements
from tracker.store.validation import clean_field, identity_words


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
    mention = speaker_names.split_mention(text)
    found = speaker_names.resolve(mention.name, speaker_candidates(db), mention.kind)
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
                   (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) AS statements,
                   (SELECT count(*) FROM speaker_reviews r JOIN statements s
                     ON s.id = r.statement_id WHERE s.speaker_id = sp.id)
                   -- an `unresolved (…)` speaker's statements are all to check, as `speakers uncertain` lists them
                   + (CASE WHEN sp.name LIKE 'unresolved (%' THEN
                       (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) ELSE 0 END) AS uncertain
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


def outlets_of(db: Database, speaker_ids: Iterable[int]) -> dict[int, list[str]]:
    """The outlets each speaker's statements were reported in, most statements first."""
    ids = list(speaker_ids)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    found: dict[int, list[str]] = {}
    for speaker_id, outlet in db.execute(
        f"SELECT s.speaker_id, src.outlet FROM statements s JOIN sources src ON src.id = s.source_id"
        f" WHERE s.speaker_id IN ({marks}) GROUP BY s.speaker_id, src.outlet COLLATE NOCASE"
        " ORDER BY s.speaker_id, count(*) DESC, min(s.id)",
        ids,
    ):
        found.setdefault(int(speaker_id), []).append(outlet)
    return found


def show_speaker(db: Database, name_or_id: str) -> dict[str, Any]:
    speaker = find_speaker(db, name_or_id)
    listed = next(row for row in list_speakers(db) if row["id"] == speaker["id"])
    listed["created_at"] = speaker["created_at"]
    listed["recent"] = list_statements(db, StatementFilter(speaker=str(speaker["id"]), limit=None))[-10:]
    listed["uncertain_statements"] = speaker_reviews(db, speaker["id"])
    return listed


def add_alias(db: Database, name_or_id: str, alias: str) -> dict[str, Any]:
    """Let `alias` name the speaker: who a mention of it is, so it is audited (when new)."""
    alias = clean_field(alias, "alias") or ""
    if not alias:
        raise InvalidInput("alias is empty")
    with write_transaction(db):
        speaker = find_speaker(db, name_or_id)
        owner = _other_owner(db, alias, speaker["id"])
        if owner is not None:
            raise InvalidInput(f"alias {alias!r} already names speaker id {owner}; merge the two instead")
        if _add_aliases(db, speaker["id"], [alias]):
            audit(db, "speaker alias", before={"speaker": _named(speaker)}, after={"alias": alias})
    return speaker


def _other_owner(db: Database, name: str, speaker_id: int) -> int | None:
    """The speaker other than `speaker_id` whose name or alias `name` already is, if any."""
    row = db.execute(
        "SELECT speaker_id FROM speaker_aliases WHERE key = ? AND speaker_id != ?",
        [speaker_names.key(name), speaker_id],
    ).fetchone()
    return None if row is None else int(row[0])


def _add_aliases(db: Database, speaker_id: int, names: Iterable[str]) -> int:
    """Add the names the speaker does not have yet; returns how many were new."""
    cursor = db.conn.executemany(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
        [(speaker_id, name, speaker_names.key(name)) for name in names],
    )
    return cursor.rowcount


def merge_speakers(db: Database, keep: str, absorb: str) -> dict[str, Any]:
    """Move every statement and alias of `absorb` onto `keep`, then delete `absorb`; the
    merge is recorded with all it changed, so `unmerge_speakers` can undo it."""
    with write_transaction(db):
        kept = find_speaker(db, keep)
        gone = find_speaker(db, absorb)
        if kept["id"] == gone["id"]:
            raise InvalidInput("cannot merge a speaker with itself")
        moved = _ids(db, "SELECT id FROM statements WHERE speaker_id = ? ORDER BY id", [gone["id"]])
        aliases = db.execute(
            "SELECT alias, key FROM speaker_aliases WHERE speaker_id = ? ORDER BY id", [gone["id"]]
        ).fetchall()
        kept_keys = {
            row[0] for row in db.execute("SELECT key FROM speaker_aliases WHERE speaker_id = ?", [kept["id"]])
        }
        added = sorted({k for _, k in aliases} | {speaker_names.key(gone["name"])} - kept_keys)
        settled = _settle(db, moved)
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
        db.execute(
            """INSERT INTO speaker_merges (kept_id, absorbed_id, absorbed, aliases, statements,
                   added_aliases, kept_before, reviews, mentions, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                kept["id"],
                gone["id"],
                json.dumps(gone),
                json.dumps([list(a) for a in aliases]),
                json.dumps(moved),
                json.dumps(added),
                json.dumps({"role": kept["role"], "affiliation": kept["affiliation"]}),
                json.dumps(settled[0]),
                json.dumps(settled[1]),
                now(),
            ],
        )
        merge_id = db.execute("SELECT last_insert_rowid()").fetchone()[0]
        audit(
            db,
            "speaker merge",
            before={"speakers": [_named(kept), _named(gone)]},
            after={"speaker": _named(kept), "merge": merge_id, "statements": moved},
        )
        repeats = _same_words(db, kept["id"], moved)
    return {**find_speaker(db, str(kept["id"])), "merge_id": merge_id, "repeats": repeats}


def _same_words(db: Database, speaker_id: int, moved: list[int]) -> list[list[int]]:
    """The statements of the speaker that now say the same words as another of theirs, each
    group in id order with one moved by the merge in it: two records of one statement,
    maybe, which a person should look at (`tracker delete ID`, or keep both)."""
    if not moved:
        return []
    groups: dict[str, list[int]] = {}
    for statement_id, text in db.execute(
        "SELECT id, text FROM statements WHERE speaker_id = ? ORDER BY id", [speaker_id]
    ):
        groups.setdefault(identity_words(text), []).append(int(statement_id))
    moved_ids = set(moved)
    return [ids for ids in groups.values() if len(ids) > 1 and moved_ids.intersection(ids)]


def _named(speaker: dict[str, Any]) -> dict[str, Any]:
    return {"id": speaker["id"], "name": speaker["name"]}


def _ids(db: Database, sql: str, params: list[Any]) -> list[int]:
    return [int(row[0]) for row in db.execute(sql, params)]


def _settle(db: Database, statement_ids: list[int]) -> tuple[list[list[Any]], list[list[Any]]]:
    """Clear the review flags and watched names of statements a person has now filed; their
    rows come back, to be restored if that is undone."""
    reviews: list[list[Any]] = []
    mentions: list[list[Any]] = []
    for at in range(0, len(statement_ids), 500):
        chunk = statement_ids[at : at + 500]
        marks = ", ".join("?" for _ in chunk)
        reviews += [
            list(r)
            for r in db.execute(
                f"SELECT statement_id, mention, candidates, created_at FROM speaker_reviews"
                f" WHERE statement_id IN ({marks})",
                chunk,
            )
        ]
        mentions += [
            list(r)
            for r in db.execute(
                "SELECT statement_id, name, surname, affiliation FROM speaker_mentions"
                f" WHERE statement_id IN ({marks})",
                chunk,
            )
        ]
        db.execute(f"DELETE FROM speaker_reviews WHERE statement_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM speaker_mentions WHERE statement_id IN ({marks})", chunk)
    return reviews, mentions


def list_merges(db: Database) -> list[dict[str, Any]]:
    """Every recorded merge, newest first: which speaker absorbed which, and how many statements."""
    rows = []
    for row in query_rows(db, "SELECT * FROM speaker_merges ORDER BY id DESC"):
        absorbed = json.loads(row["absorbed"])
        kept = db.execute("SELECT name FROM speakers WHERE id = ?", [row["kept_id"]]).fetchone()
        rows.append(
            {
                "id": row["id"],
                "kept": f"{kept[0] if kept else '?'} (id {row['kept_id']})",
                "absorbed": f"{absorbed['name']} (id {row['absorbed_id']})",
                "statements": len(json.loads(row["statements"])),
                "created_at": row["created_at"],
                "undone_at": row["undone_at"],
            }
        )
    return rows


def unmerge_speakers(db: Database, merge_id: int) -> dict[str, Any]:
    """Undo a recorded merge: the absorbed speaker comes back with its aliases, and the
    statements the merge moved that are still on the kept speaker go back to it."""
    with write_transaction(db):
        rows = list(query_rows(db, "SELECT * FROM speaker_merges WHERE id = ?", [merge_id]))
        if not rows:
            raise NotFound(f"no speaker merge with id {merge_id}")
        merge = rows[0]
        if merge["undone_at"] is not None:
            raise InvalidInput(f"merge {merge_id} was already undone on {merge['undone_at']}")
        kept_id = merge["kept_id"]
        if db.execute("SELECT 1 FROM speakers WHERE id = ?", [kept_id]).fetchone() is None:
            raise InvalidInput(
                f"merge {merge_id} kept speaker id {kept_id}, which is gone (merged since?); "
                "unmerge that first"
            )
        later = db.execute(
            "SELECT id FROM speaker_merges WHERE kept_id = ? AND id > ? AND undone_at IS NULL"
            " ORDER BY id DESC LIMIT 1",
            [kept_id, merge_id],
        ).fetchone()
        absorbed = json.loads(merge["absorbed"])
        aliases = json.loads(merge["aliases"])
        clash = [k for _, k in aliases if _other_owner_key(db, k, kept_id) is not None]
        if clash:
            raise InvalidInput(f"{clash[0]!r} now names another speaker; cannot restore it")
        restored_id = absorbed["id"]
        if db.execute("SELECT 1 FROM speakers WHERE id = ?", [restored_id]).fetchone() is not None:
            restored_id = None  # the id was given to a speaker created since
        columns = ["name", "kind", "role", "affiliation", "created_at"]
        values = [absorbed[c] for c in columns]
        if restored_id is not None:
            columns, values = ["id", *columns], [restored_id, *values]
        cursor = db.execute(
            f"INSERT INTO speakers ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            values,
        )
        new_id = int(restored_id if restored_id is not None else cursor.lastrowid or 0)
        added = json.loads(merge["added_aliases"])
        if later is None:  # a later merge into the same speaker may have brought these keys too
            for name_key in added:
                db.execute(
                    "DELETE FROM speaker_aliases WHERE speaker_id = ? AND key = ?", [kept_id, name_key]
                )
        db.conn.executemany(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
            [(new_id, alias, name_key) for alias, name_key in aliases],
        )
        moved = json.loads(merge["statements"])
        for at in range(0, len(moved), 500):
            chunk = moved[at : at + 500]
            marks = ", ".join("?" for _ in chunk)
            db.execute(
                f"UPDATE statements SET speaker_id = ? WHERE speaker_id = ? AND id IN ({marks})",
                [new_id, kept_id, *chunk],
            )
        back = set(_ids(db, "SELECT id FROM statements WHERE speaker_id = ?", [new_id]))
        db.conn.executemany(
            "INSERT OR IGNORE INTO speaker_reviews VALUES (?, ?, ?, ?)",
            [tuple(r) for r in json.loads(merge["reviews"]) if r[0] in back],
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO speaker_mentions VALUES (?, ?, ?, ?)",
            [tuple(r) for r in json.loads(merge["mentions"]) if r[0] in back],
        )
        before = json.loads(merge["kept_before"])
        db.execute(
            """UPDATE speakers SET role = CASE WHEN role IS ? THEN ? ELSE role END,
                   affiliation = CASE WHEN affiliation IS ? THEN ? ELSE affiliation END
               WHERE id = ?""",
            [
                absorbed["role"] if before["role"] is None else before["role"],
                before["role"],
                absorbed["affiliation"] if before["affiliation"] is None else before["affiliation"],
                before["affiliation"],
                kept_id,
            ],
        )
        db.execute("UPDATE speaker_merges SET undone_at = ? WHERE id = ?", [now(), merge_id])
        returned = _ids(db, "SELECT id FROM statements WHERE speaker_id = ? ORDER BY id", [new_id])
        audit(
            db,
            "speaker unmerge",
            before={"speaker": {"id": kept_id}, "merge": merge_id},
            after={"speaker": _named(find_speaker(db, str(new_id))), "statements": returned},
        )
    return find_speaker(db, str(new_id))


def _other_owner_key(db: Database, name_key: str, speaker_id: int) -> int | None:
    row = db.execute(
        "SELECT speaker_id FROM speaker_aliases WHERE key = ? AND speaker_id != ?", [name_key, speaker_id]
    ).fetchone()
    return None if row is None else int(row[0])


def _owned_statements(db: Database, speaker: dict[str, Any], statement_ids: list[int]) -> list[int]:
    if not statement_ids:
        raise InvalidInput("no statements given")
    wanted = sorted(set(statement_ids))
    for statement_id in wanted:
        row = db.execute("SELECT speaker_id FROM statements WHERE id = ?", [statement_id]).fetchone()
        if row is None:
            raise NotFound(f"no statement with id {statement_id}")
        if row[0] != speaker["id"]:
            raise InvalidInput(
                f"statement {statement_id} is not filed under {speaker['name']} (id {speaker['id']})"
            )
    return wanted


def split_speaker(
    db: Database,
    name_or_id: str,
    statement_ids: list[int],
    *,
    name: str | None = None,
    to: str | None = None,
) -> dict[str, Any]:
    """Move some of a speaker's statements to a new speaker called `name`, or to the stored
    speaker `to`; the statements moved are settled (no longer flagged or watched)."""
    if (name is None) == (to is None):
        raise InvalidInput("give either a new name or a speaker to move the statements to")
    with write_transaction(db):
        speaker = find_speaker(db, name_or_id)
        moved = _owned_statements(db, speaker, statement_ids)
        if to is not None:
            target = find_speaker(db, to)
            if target["id"] == speaker["id"]:
                raise InvalidInput("the statements are already filed under that speaker")
            target_id = int(target["id"])
        else:
            target_id = _new_speaker(db, name or "", speaker)
        _settle(db, moved)
        marks = ", ".join("?" for _ in moved)
        db.execute(f"UPDATE statements SET speaker_id = ? WHERE id IN ({marks})", [target_id, *moved])
        target = find_speaker(db, str(target_id))
        names = [speaker["name"], target["name"]]
        recheck_surnames(db, [s for s in map(surname_of, names) if s])
        audit(
            db,
            "speaker split",
            before={"speaker": _named(speaker)},
            after={"speaker": _named(target), "statements": moved},
        )
    return find_speaker(db, str(target_id))


def _new_speaker(db: Database, name: str, like: dict[str, Any]) -> int:
    text = clean_field(name, "new name") or ""
    if not text:
        raise InvalidInput("new name is empty")
    mention = speaker_names.split_mention(text)
    owner = db.execute(
        "SELECT speaker_id FROM speaker_aliases WHERE key = ?", [speaker_names.key(mention.name)]
    ).fetchone()
    if owner is not None:
        raise InvalidInput(f"{mention.name!r} already names speaker id {owner[0]}; use --to {owner[0]}")
    kind = mention.kind.value if mention.kind is not SpeakerKind.UNKNOWN else like["kind"]
    cursor = db.execute(
        "INSERT INTO speakers (name, kind, role, affiliation, created_at) VALUES (?, ?, ?, ?, ?)",
        [mention.name, kind, mention.role, None, now()],  # another person: nothing of theirs is known
    )
    speaker_id = int(cursor.lastrowid or 0)
    _add_aliases(db, speaker_id, [mention.name])
    return speaker_id


def confirm_speaker(db: Database, name_or_id: str, statement_ids: list[int]) -> dict[str, Any]:
    """Keep statements where they are filed and clear their review flags: a person checked."""
    with write_transaction(db):
        speaker = find_speaker(db, name_or_id)
        _settle(db, _owned_statements(db, speaker, statement_ids))
    return speaker


def speaker_reviews(
    db: Database, speaker_id: int | None = None, *, statement_id: int | None = None
) -> list[dict[str, Any]]:
    """Statements whose speaker is uncertain: filed under a name more than one speaker fits."""
    where, params = "", []
    if speaker_id is not None:
        where, params = "WHERE s.speaker_id = ?", [speaker_id]
    elif statement_id is not None:
        where, params = "WHERE r.statement_id = ?", [statement_id]
    rows = list(
        query_rows(
            db,
            f"""
        SELECT r.statement_id AS id, s.text, sp.name AS speaker, s.speaker_id, r.mention,
               r.candidates, r.created_at
        FROM speaker_reviews r JOIN statements s ON s.id = r.statement_id
        JOIN speakers sp ON sp.id = s.speaker_id {where} ORDER BY r.statement_id""",
            params,
        )
    )
    for row in rows:
        ids = json.loads(row.pop("candidates"))
        marks = ", ".join("?" for _ in ids)
        names = dict(db.execute(f"SELECT id, name FROM speakers WHERE id IN ({marks})", ids).fetchall())
        row["may_be"] = [f"{names[i]} (id {i})" for i in ids if i in names]
    return rows


def unresolved_statements(db: Database) -> list[dict[str, Any]]:
    """Statements extraction kept with no speaker it would name ("she" with no woman named
    before her): each is its own `unresolved (…)` speaker until a person says who it is."""
    return [
        {**row, "may_be": [f"nobody yet: tracker edit {row['id']} --speaker NAME"]}
        for row in query_rows(
            db,
            """SELECT s.id, s.text, sp.name AS speaker, s.speaker_id,
                      substr(sp.name, 13, instr(sp.name, ',') - 13) AS mention, s.created_at
               FROM statements s JOIN speakers sp ON sp.id = s.speaker_id
               WHERE sp.name LIKE 'unresolved (%' ORDER BY s.id""",
        )
    ]


def statement_speaker_review(db: Database, statement_id: int) -> str | None:
    """One line for `tracker show` when a statement's speaker is uncertain, else None."""
    rows = speaker_reviews(db, statement_id=statement_id)
    if not rows:
        return None
    found = rows[0]
    return f"uncertain: {found['mention']!r} may be {' or '.join(found['may_be'])}"


def rename_speaker(db: Database, name_or_id: str, new_name: str) -> dict[str, Any]:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    new_name = clean_field(new_name, "new name") or ""
    if not new_name:
        raise InvalidInput("new name is empty")
    with write_transaction(db):
        speaker = find_speaker(db, name_or_id)
        clash = _other_owner(db, new_name, speaker["id"])
        if clash is not None:
            raise InvalidInput(f"{new_name!r} already names speaker id {clash}; merge instead")
        if new_name == speaker["name"]:
            return speaker
        db.execute("UPDATE speakers SET name = ? WHERE id = ?", [new_name, speaker["id"]])
        _add_aliases(db, speaker["id"], [speaker["name"], new_name])
        if surname_of(new_name):  # a fuller name may make a shorter one fit two speakers
            recheck_surnames(db, [surname_of(new_name)])
        audit(
            db,
            "speaker rename",
            before={"speaker": _named(speaker)},
            after={"speaker": {"id": speaker["id"], "name": new_name}},
        )
    return find_speaker(db, str(speaker["id"]))


def list_sources(db: Database) -> list[dict[str, Any]]:
    """Every source, with how many statements it is the report of and how many of their
    repeats (appearances) it holds; one with neither is kept for `restore`."""
    return list(
        query_rows(
            db,
            """
            SELECT src.id, src.outlet, src.url, src.title, src.author, src.published,
                   (SELECT count(*) FROM statements s WHERE s.source_id = src.id) AS statements,
                   (SELECT count(*) FROM appearances a WHERE a.source_id = src.id) AS appearances
            FROM sources src ORDER BY src.outlet COLLATE NOCASE, src.id
            """,
        )
    )
