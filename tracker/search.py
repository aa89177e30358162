"""Search: the stored statements most like a text, for `tracker similar`.

Retrieval, not linking: bm25 over the statements and their sources' titles finds candidates,
re-ranked by the judge's similarity and by how much of the query's rare words they cover. A
ledger that judges by meaning (setting `semantic`, the `tracker[semantic]` extra) also takes
the statements nearest the query in meaning, and ranks by the cosine of their sentence
vectors as well.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tracker.link.candidates import COMMON_CAP, fts_phrase
from tracker.model import InvalidInput
from tracker.patterns import lazy

SIMILAR_POOL = 50  # FTS hits re-ranked per query, from the statements and from their sources' titles
MAX_QUERY_WORDS = 40
# Shares of the combined 0-100 score, tuned on CLEF-2020 train and checked on dev: bm25 over
# the statement (relative to the best hit), relate's similarity to the statement or to its
# source's title (whichever is closer), and the share of the query's rarity (idf) that the
# statement and its title cover.
W_BM25, W_SIMILARITY, W_COVERAGE = 0.15, 0.35, 0.5
# With the semantic layer on: the cosine's share of the score (the words keep the rest), tuned
# on CLEF-2020 train and checked on dev (benchmarks/eval_similar.py --semantic)
W_MEANING = 0.5
_URL = lazy(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.I)
_HASHTAG = lazy(r"#(\w+)")
_HANDLE = lazy(r"(?<![\w@])@(\w+)")
_CAMEL = lazy(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-zA-Z])(?=\d)")
# An embedded post ends "— Name (@handle) March 24, 2019": the poster's name is often what the
# post is about (keep it); the handle repeats it and the date is when it was posted.
_POSTED = lazy(
    r"\(@\w+\)\s*(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{1,2}, \d{2,4}"
)
_WORD = lazy(r"\w+")


def _split_camel(match: re.Match[str]) -> str:
    return " " + _CAMEL.sub(" ", match.group(1)) + " "


def query_text(text: str) -> str:
    """Text cleaned for retrieval: links and posting signatures dropped, #CamelCase tags and
    @CamelCase handles split into words ("#StateOfTheUnion#MAGA" → "State Of The Union MAGA")."""
    text = _POSTED.sub(" ", _URL.sub(" ", text))
    return _HANDLE.sub(_split_camel, _HASHTAG.sub(_split_camel, text))


def query_words(text: str) -> list[str]:
    """Words for a bm25 query; repeats kept, since a word said twice matters more."""
    from tracker.text import STOP_WORDS

    words = [w for w in _WORD.findall(query_text(text).lower()) if w not in STOP_WORDS]
    return words[:MAX_QUERY_WORDS]


def _has_table(db: Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None


def _counts(db: Database, words: Iterable[str]) -> dict[str, int]:
    """How many statements have each distinct word, capped: common is common at any count."""
    return {
        word: db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?)",
            [fts_phrase(word), COMMON_CAP],
        ).fetchone()[0]
        for word in dict.fromkeys(words)
    }


def _idf(db: Database, counts: dict[str, int]) -> dict[str, float]:
    """Inverse document frequency of each distinct stem (stems no statement has are left out)."""
    from tracker.text import stem

    total = int(db.execute("SELECT max(id) FROM statements").fetchone()[0] or 0)
    idf: dict[str, float] = {}
    for word, count in counts.items():
        if count:
            key = stem(word)
            idf[key] = max(idf.get(key, 0.0), math.log(1 + (total - count + 0.5) / (count + 0.5)))
    return idf


def _meaning(db: Database, query: str) -> dict[int, float]:
    """Statement id -> cosine of its sentence vector with the query's, for every statement.
    A search reads and never writes: the stored vectors are read (once while they stay as
    they are, `_stored_vectors`), and a statement with none stored for its words yet is
    encoded in memory only (`tracker link` stores it; `unstored` counts them)."""
    from tracker.semantic.encoder import encode

    texts = {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")}
    if not texts:
        return {}
    index, matrix = _stored_vectors(db)
    missing = _unstored(texts, index)
    encoded = encode([query, *(texts[sid] for sid in missing)])
    probe = encoded[0]
    stored = matrix @ probe
    out = {sid: float(stored[index[sid][1]]) for sid in texts if sid in index and sid not in missing}
    out.update(zip(missing, (float(v) for v in encoded[1:] @ probe), strict=True))
    return out


# The statements' stored vectors, kept for the last ledger searched: (its file, how many are
# stored, the last row id), owner id -> (digest, row), and the matrix. A key gone stale costs
# nothing wrong: a vector is used only where its digest is that of the statement's words.
_STORED: dict[str, tuple[tuple[Any, ...], dict[int, tuple[str, int]], Any]] = {}


def _stored_vectors(db: Database) -> tuple[dict[int, tuple[str, int]], Any]:
    """Owner id -> (digest, row of the matrix), and the matrix of the statements' stored
    vectors, read from the ledger once while no vector is stored or removed."""
    import numpy as np

    from tracker.semantic.encoder import DIMENSIONS, MODEL_NAME
    from tracker.semantic.store import STATEMENT, TABLE

    path = str(db.execute("PRAGMA database_list").fetchone()[2] or "")
    key = (
        path,
        *db.execute(
            f"SELECT count(*), max(rowid) FROM {TABLE} WHERE owner = ? AND model = ?", [STATEMENT, MODEL_NAME]
        ).fetchone(),
    )
    cached = _STORED.get(path)
    if path and cached is not None and cached[0] == key:
        return cached[1], cached[2]
    rows = db.execute(
        f"SELECT owner_id, digest, vector FROM {TABLE} WHERE owner = ? AND model = ? ORDER BY owner_id",
        [STATEMENT, MODEL_NAME],
    ).fetchall()
    matrix = np.frombuffer(b"".join(r[2] for r in rows), dtype=np.float32).reshape(len(rows), DIMENSIONS)
    index = {int(r[0]): (str(r[1]), row) for row, r in enumerate(rows)}
    _STORED.clear()  # one ledger's at a time: the matrix may be large
    if path:
        _STORED[path] = (key, index, matrix)
    return index, matrix


def _unstored(texts: dict[int, str], index: dict[int, tuple[str, int]]) -> list[int]:
    from tracker.semantic.store import digest

    return [sid for sid, text in texts.items() if sid not in index or index[sid][0] != digest(text)]


def unstored(db: Database) -> int:
    """How many statements have no vector stored for their words (a search encodes them
    each time, in memory; `tracker link` stores them)."""
    texts = {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")}
    return len(_unstored(texts, _stored_vectors(db)[0])) if texts else 0


def _lexical_candidates(
    db: Database, words: list[str], counts: dict[str, int], pool: int
) -> tuple[dict[int, float], list[int]]:
    """(bm25 relevance of the statements' hits, every candidate id): the bm25 top hits among the
    statements and among their sources' titles."""
    # a word in COMMON_CAP statements or more barely moves bm25 but makes the query scan them
    # all (most of the time at 1M rows); it still counts in the re-ranking
    usable = [w for w in words if counts[w] < COMMON_CAP] or words
    in_statements = [w for w in usable if counts[w]]
    relevance = (
        {
            int(sid): float(value)
            for sid, value in db.execute(
                "SELECT rowid, -bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ? "
                "ORDER BY bm25(statements_fts) LIMIT ?",
                [" OR ".join(fts_phrase(w) for w in in_statements), pool],
            )
        }
        if in_statements
        else {}
    )
    candidates = dict.fromkeys(relevance)
    match = " OR ".join(fts_phrase(w) for w in usable)
    if usable and _has_table(db, "sources_fts"):
        candidates.update(
            dict.fromkeys(
                int(r[0])
                for r in db.execute(
                    "SELECT s.id FROM sources_fts JOIN statements s ON s.source_id = sources_fts.rowid "
                    "WHERE sources_fts MATCH ? ORDER BY bm25(sources_fts), s.id LIMIT ?",
                    [match, pool],
                )
            )
        )
    return relevance, list(candidates)


def similar(db: Database, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Stored statements most like text, best first; ties go to the older statement.

    Candidates are the bm25 top hits among the statements and among their sources' titles (a
    fact-check's headline restates the claim in other words); each is scored 0-100 by its
    bm25, relate's similarity to the statement or its title, and how much of the query's
    rare words the statement and its title contain (a title only for the one statement of
    its source: an article's headline is every statement's in it, so no one's). When the ledger judges by meaning, the
    statements nearest the query in meaning are candidates too, the score is W_MEANING the
    cosine (as 0-100) and the rest the words' score, and each row has its `meaning` (the
    cosine as 0-100, as the score is).
    """
    from tracker.judge import similarity
    from tracker.semantic.store import enabled
    from tracker.store import get_statements
    from tracker.text import index_words, stem

    if not text or not text.strip():
        raise InvalidInput("text is empty")
    query = query_text(text)
    by_meaning = enabled(db)
    words = query_words(text)
    if not words and not by_meaning:
        return []
    pool = max(SIMILAR_POOL, limit)
    counts = _counts(db, words)
    relevance, ids = _lexical_candidates(db, words, counts, pool) if words else ({}, [])
    cosines: dict[int, float] = {}
    if by_meaning:
        from tracker.semantic.errors import require_extra

        require_extra()  # the ledger judges by meaning: without the extra, say so
        cosines = _meaning(db, query)
        nearest = sorted(cosines, key=lambda sid: (-cosines[sid], sid))[:pool]
        ids = list(dict.fromkeys([*ids, *nearest]))
    if not ids:
        return []
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.update(
            (int(r[0]), (r[1], r[2] or ""))
            for r in db.execute(
                # a title restates the claim of a source that holds one statement (a
                # fact-check's headline); an article's headline is no more one statement's
                # than another's, so it speaks for none of them
                "SELECT s.id, s.text, CASE WHEN (SELECT count(*) FROM statements o WHERE o.source_id ="
                " s.source_id) = 1 THEN src.title END FROM statements s LEFT JOIN sources src"
                f" ON src.id = s.source_id WHERE s.id IN ({marks})",
                chunk,
            )
        )
    idf = _idf(db, counts)
    rarity = sum(idf.values()) or 1.0
    best = max(relevance.values(), default=0.0) or 1.0
    scored = []
    for sid, (body, title) in found.items():
        alike = max(similarity(query, body), similarity(query, title) if title else 0.0)
        has = {stem(w) for w in index_words(f"{body}\n{title}")}
        coverage = sum(weight for key, weight in idf.items() if key in has) / rarity
        score = 100 * (W_BM25 * relevance.get(sid, 0.0) / best + W_COVERAGE * coverage) + W_SIMILARITY * alike
        if by_meaning:
            score = (1 - W_MEANING) * score + W_MEANING * 100 * max(cosines.get(sid, 0.0), 0.0)
        scored.append((round(score, 1), sid))
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[:limit]
    rows = get_statements(db, [sid for _, sid in top])
    return [
        {
            "id": sid,
            "ref": rows[sid]["ref"],
            "text": rows[sid]["text"],
            "speaker": rows[sid]["speaker"],
            "source": rows[sid]["source"],
            "score": score,
            **({"meaning": round(100 * cosines.get(sid, 0.0), 1)} if by_meaning else {}),
        }
        for score, sid in top
    ]
