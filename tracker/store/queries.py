"""Reading statements: filters, lists, full-text search, and the links and verdicts of one."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tracker.dates import lower_bound, parse_date, upper_bound
from tracker.model import ConfirmedBy, InvalidInput, Kind, NotFound
from tracker.patterns import lazy
from tracker.store.connection import query_rows
from tracker.store.lookup import speaker_ids_matching
from tracker.store.validation import clean_choice

STATEMENT_COLUMNS = """
    s.id, s.text, sp.name AS speaker, s.speaker_id, s.role, sp.affiliation,
    src.outlet AS source, s.source_id, src.url, src.title, src.author,
    s.said_on, s.reported_on, s.kind, s.cue, s.via, s.hedge, s.modality, s.polarity,
    s.proposition, s.tags, s.ref, s.char_start, s.char_end, s.created_at, s.answers
"""
STATEMENT_FROM = """
    FROM statements s
    JOIN speakers sp ON sp.id = s.speaker_id
    LEFT JOIN sources src ON src.id = s.source_id
"""


def confirmed_by_sql(alias: str) -> str:
    """SQL for who confirmed a row of `links` or `claim_statements` (aliased `alias`): NULL when
    it is not confirmed. A person's decision is the only write that stamps `reviewed_at`; the
    engine never does (a claim merge neither, since m018)."""
    return (
        f"CASE WHEN {alias}.status = 'confirmed' THEN CASE WHEN {alias}.reviewed_at IS NULL"
        f" THEN '{ConfirmedBy.ENGINE.value}' ELSE '{ConfirmedBy.PERSON.value}' END END"
    )


def _statement_row(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["tags"] = json.loads(row["tags"] or "[]")
    return row


@dataclass
class StatementFilter:
    speaker: str | None = None
    source: str | None = None
    tag: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    limit: int | None = None
    claim: str | None = None  # a claim's id or ref: the statements attached to it


def filter_clause(db: Database, where: StatementFilter, alias: str = "s") -> tuple[str, list[Any]]:
    """SQL conditions (joined by AND) and parameters for a StatementFilter on table `alias`."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.speaker:
        ids = speaker_ids_matching(db, where.speaker)
        if not ids or db.execute("SELECT 1 FROM speakers WHERE id = ?", [ids[0]]).fetchone() is None:
            shown = where.speaker.strip()
            raise NotFound(
                f"no speaker with id {shown}" if shown.isdigit() else f"no speaker named {shown!r}"
            )
        clauses.append(f"{alias}.speaker_id IN ({', '.join('?' for _ in ids) or 'NULL'})")
        params.extend(ids)
    if where.source:
        sources = [
            int(row[0])
            for row in db.execute(
                "SELECT id FROM sources WHERE outlet = ? COLLATE NOCASE OR url = ?",
                [where.source, where.source],
            )
        ]
        if not sources:
            raise NotFound(f"no source named {where.source!r}")
        # reported there first, or again (an appearance: the same words in another outlet)
        marks = ", ".join("?" for _ in sources)
        clauses.append(
            f"({alias}.source_id IN ({marks}) OR EXISTS (SELECT 1 FROM appearances ap"
            f" WHERE ap.statement_id = {alias}.id AND ap.source_id IN ({marks})))"
        )
        params.extend(sources + sources)
    if where.tag:
        clauses.append(f"EXISTS (SELECT 1 FROM json_each({alias}.tags) WHERE value = ?)")
        params.append(where.tag)
    date = f"coalesce({alias}.said_on, {alias}.reported_on)"
    since = until = None
    if where.since:
        since = parse_date(where.since, field="--since date")
        assert since is not None
        clauses.append(f"substr({date} || '-99-99', 1, 10) >= ?")
        params.append(lower_bound(since))
    if where.until:
        until = parse_date(where.until, field="--until date")
        assert until is not None
        clauses.append(f"substr({date} || '-00-00', 1, 10) <= ?")
        params.append(upper_bound(until))
    if since is not None and until is not None and upper_bound(until) < lower_bound(since):
        raise InvalidInput(f"--since {where.since} is later than --until {where.until}: nothing could match")
    if where.kind:
        kind = clean_choice(where.kind, "kind", Kind.values(), None)
        clauses.append(f"{alias}.kind = ?")
        params.append(kind)
    if where.claim:
        clauses.append(
            f"{alias}.id IN (SELECT cs.statement_id FROM claim_statements cs WHERE cs.claim_id = ?"
            " AND cs.status != 'rejected')"
        )
        params.append(_claim_id(db, where.claim))
    return " AND ".join(clauses) or "1", params


def _claim_id(db: Database, id_or_ref: str) -> int:
    key = id_or_ref.strip()
    found = db.execute("SELECT id, merged_into FROM claims WHERE ref = ?", [key]).fetchone()
    if found is None and key.isdigit():
        found = db.execute("SELECT id, merged_into FROM claims WHERE id = ?", [int(key)]).fetchone()
    if found is None:
        raise NotFound(f"no claim {key!r}")
    return int(found[1] or found[0])


def shared_speaker_names(db: Database) -> set[str]:
    """The speaker names (casefolded) that more than one speaker goes by: a table shows whose."""
    rows = db.execute("SELECT name FROM speakers GROUP BY name COLLATE NOCASE HAVING count(*) > 1")
    return {name.casefold() for (name,) in rows}


def list_statements(db: Database, where: StatementFilter | None = None) -> list[dict[str, Any]]:
    """The statements matching a filter (speaker, source, tag, dates), oldest id first."""
    where = where or StatementFilter()
    clause, params = filter_clause(db, where)
    sql = f"SELECT {STATEMENT_COLUMNS} {STATEMENT_FROM} WHERE {clause} ORDER BY s.id"
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return [_statement_row(row) for row in query_rows(db, sql, params)]


def get_statement(db: Database, statement_id: int) -> dict[str, Any]:
    """One statement with its speaker and source; NotFound when there is no such id."""
    rows = list(query_rows(db, f"SELECT {STATEMENT_COLUMNS} {STATEMENT_FROM} WHERE s.id = ?", [statement_id]))
    if not rows:
        raise NotFound(f"no statement with id {statement_id}")
    return _statement_row(rows[0])


def get_statements(db: Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    wanted = sorted(set(ids))
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT {STATEMENT_COLUMNS} {STATEMENT_FROM} WHERE s.id IN ({marks})"
        for row in query_rows(db, sql, chunk):
            found[row["id"]] = _statement_row(row)
    return found


_FTS_WORD = lazy(r"\w+", re.UNICODE)


def fts_query(text: str, *, operator: str = "AND") -> str:
    """Quote every word so user input can never be read as FTS5 syntax."""
    words = _FTS_WORD.findall(text)
    return f" {operator} ".join('"' + w.replace('"', '""') + '"' for w in words)


def search_statements(db: Database, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search, best match first (bm25); every word must appear."""
    match = fts_query(query)
    if not match:
        raise InvalidInput("search query has no words")
    sql = f"""
        SELECT {STATEMENT_COLUMNS}, bm25(statements_fts) AS rank
        FROM statements_fts
        JOIN statements s ON s.id = statements_fts.rowid
        JOIN speakers sp ON sp.id = s.speaker_id
        LEFT JOIN sources src ON src.id = s.source_id
        WHERE statements_fts MATCH ?
        ORDER BY rank LIMIT ?
    """
    return [_statement_row(row) for row in query_rows(db, sql, [match, limit])]


def counts(db: Database) -> dict[str, int]:
    """Rows of each table a user knows by name (appearances: the further ones of statements)."""
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("statements", "appearances", "speakers", "sources", "links", "verdicts", "audit")
    }


def statement_links(db: Database, statement_id: int) -> list[dict[str, Any]]:
    """The links of one statement, each with the other statement's text and speaker."""
    rows = list(
        query_rows(
            db,
            f"""
            SELECT l.id, l.relation, l.score, l.status, {confirmed_by_sql("l")} AS confirmed_by,
                   l.reasons, l.engine, CASE WHEN l.a_id = ? THEN l.b_id ELSE l.a_id END AS other_id
            FROM links l WHERE l.a_id = ? OR l.b_id = ?
            ORDER BY l.relation = 'contradicts' DESC, l.score DESC
            """,
            [statement_id] * 3,
        )
    )
    others = get_statements(db, (row["other_id"] for row in rows))
    for row in rows:
        row["reasons"] = json.loads(row["reasons"] or "[]")
        other = others.get(row["other_id"], {})
        row["other_text"] = other.get("text")
        row["other_speaker"] = other.get("speaker")
        row["other_source"] = other.get("source")
    return rows


def statement_verdicts(db: Database, statement_id: int) -> list[dict[str, Any]]:
    """Verdicts on one statement, oldest first (the last one counts)."""
    return list(
        query_rows(
            db,
            "SELECT id, rating, evidence_url, note, by, created_at FROM verdicts "
            "WHERE statement_id = ? ORDER BY created_at, id",
            [statement_id],
        )
    )


_APPEARANCE_COLUMNS = """a.id, a.statement_id, src.outlet AS source, a.source_id, src.url, src.title,
    src.author, src.published, a.said_on, a.reported_on, a.ref, a.added_at"""


def further_appearances(db: Database, ids: Iterable[int] | None = None) -> dict[int, list[dict[str, Any]]]:
    """The appearances after the first (which is the statement's own row) of each statement
    (of every statement when `ids` is None), oldest recorded first."""
    sql = f"SELECT {_APPEARANCE_COLUMNS} FROM appearances a LEFT JOIN sources src ON src.id = a.source_id"
    found: dict[int, list[dict[str, Any]]] = {}
    if ids is None:
        queries: list[tuple[str, list[int]]] = [(f"{sql} ORDER BY a.id", [])]
    else:
        wanted = sorted(set(ids))
        queries = [
            (f"{sql} WHERE a.statement_id IN ({', '.join('?' for _ in chunk)}) ORDER BY a.id", chunk)
            for chunk in (wanted[at : at + 500] for at in range(0, len(wanted), 500))
        ]
    for query, params in queries:
        for row in query_rows(db, query, params):
            found.setdefault(row["statement_id"], []).append(row)
    return found


def statement_appearances(db: Database, statement_id: int) -> list[dict[str, Any]]:
    """Every appearance of a statement: its own source and dates first, then each repeat
    (another date or another outlet) in the order they were recorded."""
    statement = get_statement(db, statement_id)
    published = db.execute("SELECT published FROM sources WHERE id = ?", [statement["source_id"]]).fetchone()
    first = {
        "first": True,
        "source": statement["source"],
        "url": statement["url"],
        "title": statement["title"],
        "author": statement["author"],
        "published": published[0] if published else None,
        "said_on": statement["said_on"],
        "reported_on": statement["reported_on"],
        "ref": statement["ref"],
        "added_at": statement["created_at"],
    }
    fields = [key for key in first if key != "first"]
    further = further_appearances(db, [statement_id]).get(statement_id, [])
    return [first, *({"first": False, **{key: row[key] for key in fields}} for row in further)]
