"""Finding candidate pairs (FTS5, or blocking on shared rare words) and storing judged links.

Two paths find the same kind of candidates: the statements that share the most of a
statement's rarest words. A few new statements query FTS5 once each; many (an import, a
relink) are blocked in one pass over all statements in memory, so that linking is never
N slow queries.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from tracker.model import InvalidInput, Judgement, NotFound, Relation, ReviewStatus
from tracker.store import _rows, get_setting, now, set_setting

Progress = Callable[[int, int], None]  # (done, total)

# Settings: name -> (default, what it means). Defaults are calibrated on SemEval STS
# headlines (2013-2015, relate's score against the gold 0-5 similarity).
SUGGEST = "suggest_threshold"
CONFIRM = "confirm_threshold"
# 45: 96 % of pairs about the same event (gold >= 3) score at least this; suggestions are cheap to review.
DEFAULT_SUGGEST = 45.0
# 90: 99 % of pairs scoring this are about the same event, so a person need not check them.
DEFAULT_CONFIRM = 90.0
# A contradiction is an accusation and a hedged pair only reports a claim: a person confirms
# those unless the wording is all but identical.
CAREFUL_CONFIRM = 97.0
SETTINGS: dict[str, tuple[float, str]] = {
    SUGGEST: (DEFAULT_SUGGEST, "score (0-100) from which a link is stored as suggested"),
    CONFIRM: (DEFAULT_CONFIRM, "score (0-100) from which a link is confirmed without review"),
}

CANDIDATES = 50  # per statement: FTS top-50 finds ~98 % of brute-force links at 100k (MEASUREMENTS.md)
QUERY_TERMS = 6  # the rarest words of a statement; more words make FTS slow without finding more
COMMON_CAP = 10_000  # a word in more documents than this is common whatever the exact count
BATCH_MIN = 200  # from this many new statements, one blocking pass beats one query each
_STORED = (Relation.AGREES, Relation.CONTRADICTS, Relation.RELATED)
_CAREFUL_CODES = frozenset({"hedge", "modality"})


# --- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    suggest: float = DEFAULT_SUGGEST
    confirm: float = DEFAULT_CONFIRM


def thresholds(db: Database) -> Thresholds:
    values = {}
    for name, (default, _) in SETTINGS.items():
        raw = get_setting(db, name)
        values[name] = float(raw) if raw is not None else default
    return Thresholds(values[SUGGEST], values[CONFIRM])


def settings(db: Database) -> list[dict[str, Any]]:
    """Every setting with its value, default and meaning."""
    current = thresholds(db)
    value = {SUGGEST: current.suggest, CONFIRM: current.confirm}
    return [
        {"key": name, "value": value[name], "default": default, "description": text}
        for name, (default, text) in SETTINGS.items()
    ]


def set_threshold(db: Database, name: str, raw: str) -> float:
    """Validate and store one threshold: a number 0-100, suggest never above confirm."""
    if name not in SETTINGS:
        raise InvalidInput(f"unknown setting {name!r}: use one of {', '.join(SETTINGS)}")
    try:
        value = float(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a number from 0 to 100, not {raw!r}") from None
    if not 0 <= value <= 100 or math.isnan(value):
        raise InvalidInput(f"{name} must be a number from 0 to 100, not {raw!r}")
    current = thresholds(db)
    suggest = value if name == SUGGEST else current.suggest
    confirm = value if name == CONFIRM else current.confirm
    if suggest > confirm:
        raise InvalidInput(
            f"{SUGGEST} ({suggest:g}) must not be above {CONFIRM} ({confirm:g})"
        )
    set_setting(db, name, f"{value:g}")
    return value


def status_for(judgement: Judgement, limits: Thresholds) -> ReviewStatus:
    """Suggested, or confirmed when the score is high enough for no one to check it."""
    careful = judgement.relation is Relation.CONTRADICTS or any(
        r.code in _CAREFUL_CODES for r in judgement.reasons
    )
    needed = max(limits.confirm, CAREFUL_CONFIRM) if careful else limits.confirm
    return ReviewStatus.CONFIRMED if judgement.score >= needed else ReviewStatus.SUGGESTED


# --- candidates ----------------------------------------------------------------------------


def _terms(text: str) -> list[str]:
    from tracker.text import informative_terms

    return informative_terms(text, 16)


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class _DocFrequency:
    """How many statements contain a word, capped (common is common), remembered per run."""

    def __init__(self, db: Database):
        self.db = db
        self.known: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        if word not in self.known:
            row = self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? "
                "LIMIT ?)",
                [_fts_phrase(word), COMMON_CAP],
            ).fetchone()
            self.known[word] = int(row[0])
        return self.known[word]


def rare_terms(db: Database, text: str, k: int = QUERY_TERMS, df: _DocFrequency | None = None) -> list[str]:
    """The k words of text found in the fewest stored statements (words found in none are dropped)."""
    df = df or _DocFrequency(db)
    counted = [(df(word), position, word) for position, word in enumerate(_terms(text))]
    return [word for count, _, word in sorted(c for c in counted if c[0] > 0)[:k]]


def fts_candidates(
    db: Database,
    text: str,
    *,
    limit: int = CANDIDATES,
    exclude: int | None = None,
    k: int = QUERY_TERMS,
    df: _DocFrequency | None = None,
) -> list[tuple[int, float]]:
    """(statement id, bm25 relevance > 0) of the statements sharing text's rarest words, best first."""
    words = rare_terms(db, text, k, df)
    if not words:
        return []
    match = " OR ".join(_fts_phrase(w) for w in words)
    rows = db.execute(
        "SELECT rowid, -bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ? "
        "ORDER BY bm25(statements_fts) LIMIT ?",
        [match, limit + 1],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows if r[0] != exclude][:limit]


def block_candidates(
    texts: dict[int, str],
    *,
    focus: Iterable[int] | None = None,
    per: int = CANDIDATES,
    k: int = QUERY_TERMS,
) -> set[tuple[int, int]]:
    """Candidate pairs (a < b) in one pass: for each statement (of `focus`, default all), the
    `per` statements sharing most of its k rarest words, weighted by rarity (as FTS5 would)."""
    from tracker.text import stems

    terms = {sid: stems(text) for sid, text in texts.items()}
    df: Counter[str] = Counter()
    for words in terms.values():
        df.update(words)
    n = len(terms)
    postings: dict[str, list[int]] = defaultdict(list)
    for sid, words in terms.items():
        for word in words:
            if df[word] > 1:  # a word only one statement has links nothing
                postings[word].append(sid)
    pairs: set[tuple[int, int]] = set()
    for sid in (terms if focus is None else focus):
        rare = sorted((w for w in terms.get(sid, ()) if df[w] > 1), key=lambda w: (df[w], w))[:k]
        scores: dict[int, float] = defaultdict(float)
        for word in rare:
            weight = math.log(1 + n / df[word])
            for other in postings[word][:COMMON_CAP]:
                scores[other] += weight
        scores.pop(sid, None)
        for other in heapq.nlargest(per, scores, key=lambda o: (scores[o], -o)):
            pairs.add((sid, other) if sid < other else (other, sid))
    return pairs


# --- linking -------------------------------------------------------------------------------


@dataclass
class LinkStats:
    """What a linking run did: pairs judged, links written by relation, links left as reviewed."""

    judged: int = 0
    stored: Counter[str] = field(default_factory=Counter)
    removed: int = 0

    @property
    def links(self) -> int:
        return sum(self.stored.values())

    def summary(self) -> str:
        parts = ", ".join(f"{n} {relation}" for relation, n in sorted(self.stored.items()))
        return f"{self.links} link{'s' if self.links != 1 else ''}" + (f" ({parts})" if parts else "")


def _texts(db: Database, ids: Iterable[int] | None = None) -> dict[int, str]:
    if ids is None:
        return {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")}
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(
            (int(r[0]), r[1])
            for r in db.execute(f"SELECT id, text FROM statements WHERE id IN ({marks})", chunk)
        )
    return out


def _judge(
    pairs: Sequence[tuple[int, int]],
    texts: dict[int, str],
    limits: Thresholds,
    progress: Progress | None,
) -> list[tuple[int, int, Judgement, ReviewStatus]]:
    from tracker.relate import relate

    found = []
    for done, (a, b) in enumerate(pairs, start=1):
        judgement = relate(texts[a], texts[b], related_threshold=limits.suggest)
        if judgement.relation in _STORED and judgement.score >= limits.suggest:
            found.append((a, b, judgement, status_for(judgement, limits)))
        if progress is not None and (done % 200 == 0 or done == len(pairs)):
            progress(done, len(pairs))
    return found


def _write(db: Database, found: list[tuple[int, int, Judgement, ReviewStatus]], stats: LinkStats) -> None:
    from tracker.relate import ENGINE_VERSION

    stamp = now()
    rows = []
    for a, b, judgement, status in found:
        data = judgement.to_dict()
        rows.append(
            [a, b, data["relation"], data["score"], json.dumps(data["reasons"], ensure_ascii=False),
             status.value, ENGINE_VERSION, stamp]
        )
        stats.stored[data["relation"]] += 1
    # A link a person reviewed (reviewed_at set) keeps their decision whatever the engine says.
    db.conn.executemany(
        """INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(a_id, b_id) DO UPDATE SET
             relation = excluded.relation, score = excluded.score, reasons = excluded.reasons,
             status = excluded.status, engine = excluded.engine
           WHERE links.reviewed_at IS NULL""",
        rows,
    )


def _pairs_for(db: Database, ids: list[int], texts: dict[int, str], progress: Progress | None) -> set[tuple[int, int]]:
    total = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    if len(ids) >= BATCH_MIN and len(ids) * 10 >= total:
        texts.update(_texts(db))
        return block_candidates(texts, focus=ids)
    df = _DocFrequency(db)
    pairs: set[tuple[int, int]] = set()
    for done, sid in enumerate(ids, start=1):
        for other, _ in fts_candidates(db, texts[sid], exclude=sid, df=df):
            pairs.add((sid, other) if sid < other else (other, sid))
        if progress is not None and (done % 50 == 0 or done == len(ids)):
            progress(done, len(ids))
    missing = {i for pair in pairs for i in pair} - texts.keys()
    texts.update(_texts(db, missing))
    return pairs


def link_new(db: Database, ids: Iterable[int], *, progress: Progress | None = None) -> LinkStats:
    """Link the given (new) statements to every related stored statement."""
    wanted = sorted(set(ids))
    stats = LinkStats()
    if not wanted:
        return stats
    limits = thresholds(db)
    texts = _texts(db, wanted)
    pairs = sorted(_pairs_for(db, [i for i in wanted if i in texts], texts, progress))
    found = _judge(pairs, texts, limits, progress)
    stats.judged = len(pairs)
    with db.atomic():
        _write(db, found, stats)
    return stats


def relink_all(db: Database, *, progress: Progress | None = None) -> LinkStats:
    """Judge every candidate pair again; unreviewed links no longer found are removed."""
    limits = thresholds(db)
    texts = _texts(db)
    pairs = sorted(block_candidates(texts))
    found = _judge(pairs, texts, limits, progress)
    stats = LinkStats(judged=len(pairs))
    keep = {(a, b) for a, b, _, _ in found}
    with db.atomic():
        _write(db, found, stats)
        stale = [
            (int(r[0]),)
            for r in db.execute("SELECT id, a_id, b_id FROM links WHERE reviewed_at IS NULL")
            if (r[1], r[2]) not in keep
        ]
        db.conn.executemany("DELETE FROM links WHERE id = ?", stale)
        stats.removed = len(stale)
    return stats


# --- review --------------------------------------------------------------------------------


def _review(db: Database, link_id: int, status: ReviewStatus, by: str | None) -> dict[str, Any]:
    with db.atomic():
        cursor = db.execute(
            "UPDATE links SET status = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?",
            [status.value, now(), by, link_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"no link with id {link_id}")
    return next(_rows(db, "SELECT * FROM links WHERE id = ?", [link_id]))


def confirm_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person confirms a link: relinking never changes it again."""
    return _review(db, link_id, ReviewStatus.CONFIRMED, by)


def reject_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person rejects a link: it is never listed or re-suggested."""
    return _review(db, link_id, ReviewStatus.REJECTED, by)


def suggested_links(db: Database, *, relation: str | None = None) -> list[dict[str, Any]]:
    """Links waiting for a person, strongest first, with both statements."""
    from tracker.reports import list_links

    return list_links(db, relation=relation, status=ReviewStatus.SUGGESTED.value)


# --- similar -------------------------------------------------------------------------------

SIMILAR_POOL = 50  # FTS hits re-ranked per query
BM25_WEIGHT = 0.7  # share of bm25 (relative to the best hit) in the combined score; tuned on CLEF-2020 train
MAX_QUERY_WORDS = 40
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.I)
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-zA-Z])(?=\d)")
# An embedded post ends "— Name (@handle) March 24, 2019": that date is when it was posted, not what it says.
_POSTED = re.compile(
    r"(\(@\w+\))\s*(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{1,2}, \d{4}"
)
_WORD = re.compile(r"\w+")


def query_text(text: str) -> str:
    """Text cleaned for retrieval: links and posting dates dropped, #CamelCase tags split."""
    text = _POSTED.sub(r"\1", _URL.sub(" ", text))
    return _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)


def query_words(text: str) -> list[str]:
    """Words for a bm25 query; repeats kept, since a word said twice matters more."""
    from tracker.text import STOP_WORDS

    words = [w for w in _WORD.findall(query_text(text).lower()) if w not in STOP_WORDS]
    return words[:MAX_QUERY_WORDS]


def similar(db: Database, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Stored statements most like text, best first: FTS5 bm25 over its words, re-ranked by
    combining bm25 with relate's similarity (0-100 score); ties go to the older statement."""
    from tracker.relate import similarity
    from tracker.store import get_statements

    if not text or not text.strip():
        raise InvalidInput("text is empty")
    words = query_words(text)
    if not words:
        return []
    hits = db.execute(
        "SELECT rowid, -bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ? "
        "ORDER BY bm25(statements_fts) LIMIT ?",
        [" OR ".join(_fts_phrase(w) for w in words), max(SIMILAR_POOL, limit)],
    ).fetchall()
    if not hits:
        return []
    texts = _texts(db, [int(sid) for sid, _ in hits])
    query = query_text(text)
    best = max(relevance for _, relevance in hits) or 1.0
    scored = sorted(
        (
            round(BM25_WEIGHT * 100 * relevance / best
                  + (1 - BM25_WEIGHT) * similarity(query, texts[sid]), 1),
            int(sid),
        )
        for sid, relevance in hits
    )
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
        }
        for score, sid in top
    ]
