"""Candidates from FTS5: the stored statements sharing the most of a statement's rarest words,
one query per statement (what linking a few new statements uses). A word is searched with the
other words and phrases the lexicon says name the same thing ("Islamabad" finds "Pakistan",
"the army" finds "the military"), a few per word, so that queries stay fast."""

from __future__ import annotations

from sqlite_utils import Database

CANDIDATES = 50  # per statement: FTS top-50 finds ~98 % of brute-force links at 100k (MEASUREMENTS.md)
QUERY_TERMS = 6  # the rarest words of a statement; more words make FTS slow without finding more
COMMON_CAP = 10_000  # a word in more documents than this is common whatever the exact count
SPELLINGS = 8  # per word: the word and at most 7 others naming its concept (concepts.spellings)


def _terms(text: str) -> list[str]:
    from tracker.text import informative_terms

    return informative_terms(text, 16)


def fts_phrase(word: str) -> str:
    """word as an FTS5 phrase: quoted, so that no word is read as query syntax."""
    return '"' + word.replace('"', '""') + '"'


def fts_term(word: str) -> str:
    """An FTS5 query for word or any other spelling of what it names: '"truce"' alone, or
    '("islamabad" OR "pakistan" OR "pakistani")'."""
    from tracker.concepts import spellings

    names = spellings(word, SPELLINGS)
    if len(names) == 1:
        return fts_phrase(word)
    return "(" + " OR ".join(fts_phrase(name) for name in names) + ")"


def fts_query(words: list[str]) -> str:
    """An FTS5 query for statements holding any of words (each with its other spellings)."""
    return " OR ".join(fts_term(w) for w in words)


class _DocFrequency:
    """How many statements (or, with `table="claims_fts"`, claims) contain a word or another
    spelling of it, capped (common is common), remembered per run."""

    def __init__(self, db: Database, table: str = "statements_fts"):
        self.db = db
        self.table = table
        self.known: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        if word not in self.known:
            row = self.db.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {self.table} WHERE {self.table} MATCH ? LIMIT ?)",
                [fts_term(word), COMMON_CAP],
            ).fetchone()
            self.known[word] = int(row[0])
        return self.known[word]


def rare_terms(
    db: Database,
    text: str,
    k: int = QUERY_TERMS,
    df: _DocFrequency | None = None,
    *,
    own: int | None = None,
) -> list[str]:
    """The k words of text found (with their other spellings) in the fewest stored statements;
    words found in none are dropped, and of two words naming one thing ("India", "New Delhi")
    only the first counts. `own` is the stored statement whose text this is: it is not counted
    among the statements holding a word, or a word only it holds would look the rarest of all
    and the query would find nothing but itself."""
    from tracker.concepts import concept

    df = df or _DocFrequency(db)
    seen: set[str] = set()
    counted = []
    for position, word in enumerate(_terms(text)):
        meaning = concept(word)
        if meaning not in seen:
            seen.add(meaning)
            count = df(word) - (own is not None and _holds(db, own, word))
            counted.append((count, position, word))
    return [word for count, _, word in sorted(c for c in counted if c[0] > 0)[:k]]


def _holds(db: Database, sid: int, word: str) -> bool:
    """Whether stored statement sid matches word (or another spelling of it) in full-text search."""
    row = db.execute(
        "SELECT 1 FROM statements_fts WHERE rowid = ? AND statements_fts MATCH ?", [sid, fts_term(word)]
    ).fetchone()
    return row is not None


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
    words = rare_terms(db, text, k, df, own=exclude)
    if not words:
        return []
    match = fts_query(words)
    rows = db.execute(
        "SELECT rowid, -bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ? "
        "ORDER BY bm25(statements_fts) LIMIT ?",
        [match, limit + 1],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows if r[0] != exclude][:limit]
