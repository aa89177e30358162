"""The schema, as a sequence of sqlite-utils migrations applied every time a database opens.

Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("tracker")

T = TypeVar("T")
Progress = Callable[[int, int, str], None]  # (done, total, what is being done), as linking's
REPORT_EVERY = 1_000  # rows between two reports of a migration that goes through every row
_progress: ContextVar[Progress | None] = ContextVar("tracker_upgrade_progress", default=None)


@contextmanager
def reporting(progress: Progress | None) -> Iterator[None]:
    """Within: a migration that derives something again row by row reports how far it is to
    `progress` (a 53k-statement ledger took 27 s in m017, which said nothing)."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def _each(rows: Sequence[T], what: str) -> Iterator[T]:
    """The rows, reporting every REPORT_EVERY of them, and the last, as `what` is done."""
    report = _progress.get()
    for done, row in enumerate(rows, start=1):
        yield row
        if report is not None and (done % REPORT_EVERY == 0 or done == len(rows)):
            report(done, len(rows), what)


@migrations()
def m001_initial(db: Database) -> None:
    db.table("speakers").create(
        {
            "id": int,
            "name": str,
            "kind": str,
            "role": str,
            "affiliation": str,
            "created_at": str,
        },
        pk="id",
        not_null={"name", "kind"},
        defaults={"kind": "unknown"},
    )
    db.table("speaker_aliases").create(
        {"id": int, "speaker_id": int, "alias": str, "key": str},
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")],
        not_null={"speaker_id", "alias", "key"},
    )
    db.table("speaker_aliases").create_index(["key", "speaker_id"], unique=True)
    db.table("speaker_aliases").create_index(["speaker_id"])

    db.table("sources").create(
        {
            "id": int,
            "outlet": str,
            "url": str,
            "title": str,
            "author": str,
            "published": str,
            "created_at": str,
        },
        pk="id",
        not_null={"outlet"},
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_sources_outlet_url ON sources (outlet COLLATE NOCASE, ifnull(url, ''))"
    )

    db.table("statements").create(
        {
            "id": int,
            "text": str,
            "speaker_id": int,
            "role": str,
            "source_id": int,
            "said_on": str,
            "reported_on": str,
            "kind": str,
            "cue": str,
            "via": str,
            "hedge": str,
            "modality": str,
            "polarity": str,
            "proposition": str,
            "tags": str,  # JSON array
            "ref": str,
            "char_start": int,
            "char_end": int,
            "content_hash": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("speaker_id", "speakers", "id"), ("source_id", "sources", "id")],
        not_null={"text", "speaker_id", "kind", "polarity", "modality", "content_hash"},
    )
    db.table("statements").create_index(["content_hash"], unique=True)
    db.table("statements").create_index(["speaker_id"])
    db.table("statements").create_index(["source_id"])
    db.table("statements").create_index(["said_on"])
    db.execute("CREATE UNIQUE INDEX idx_statements_ref ON statements (ref) WHERE ref IS NOT NULL")
    db.table("statements").enable_fts(
        ["text", "proposition"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )

    db.table("links").create(
        {
            "id": int,
            "a_id": int,  # always the smaller statement id
            "b_id": int,
            "relation": str,
            "score": float,
            "reasons": str,  # JSON list of {code, detail, side, span}
            "status": str,
            "engine": str,
            "created_at": str,
            "reviewed_at": str,
            "reviewed_by": str,
        },
        pk="id",
        foreign_keys=[("a_id", "statements", "id"), ("b_id", "statements", "id")],
        not_null={"a_id", "b_id", "relation", "score", "status"},
    )
    db.table("links").create_index(["a_id", "b_id"], unique=True)
    db.table("links").create_index(["b_id"])
    db.table("links").create_index(["relation", "status"])

    db.table("verdicts").create(
        {
            "id": int,
            "statement_id": int,
            "rating": str,
            "evidence_url": str,
            "note": str,
            "by": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("statement_id", "statements", "id")],
        not_null={"statement_id", "rating", "created_at"},
    )
    db.table("verdicts").create_index(["statement_id"])

    db.table("settings").create({"key": str, "value": str}, pk="key")


@migrations()
def m002_sources_fts(db: Database) -> None:
    # `similar` also searches the titles of the sources statements were reported in: a
    # fact-check's or article's headline often restates the claim in other words.
    db.table("sources").enable_fts(
        ["title"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )


@migrations()
def m003_claims(db: Database) -> None:
    # Claims are what a desk tracks: statements attach to them with a stance. A claim merged
    # into another keeps its row (merged_into), so its id and ref still answer.
    db.table("claims").create(
        {
            "id": int,
            "text": str,
            "proposition": str,
            "ref": str,
            "origin": str,  # user, denial, statement
            "merged_into": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("merged_into", "claims", "id")],
        not_null={"text", "origin", "created_at"},
    )
    db.execute("CREATE UNIQUE INDEX idx_claims_ref ON claims (ref) WHERE ref IS NOT NULL")
    db.table("claims").enable_fts(
        ["text"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )
    db.execute(
        """CREATE TABLE claim_statements (
               claim_id INTEGER NOT NULL REFERENCES claims(id),
               statement_id INTEGER NOT NULL REFERENCES statements(id),
               stance TEXT NOT NULL,
               score REAL NOT NULL,
               reasons TEXT,
               status TEXT NOT NULL,
               created_at TEXT NOT NULL,
               reviewed_by TEXT,
               reviewed_at TEXT,
               founder INTEGER NOT NULL DEFAULT 0,  -- the statement that founded the claim
               PRIMARY KEY (claim_id, statement_id)
           )"""
    )
    db.execute("CREATE INDEX idx_claim_statements_statement ON claim_statements (statement_id, founder)")


@migrations()
def m004_speaker_merges(db: Database) -> None:
    # Every merge is recorded with what it changed, so that `speakers unmerge` can undo it.
    # A statement filed under a shorter name ("Singh") is remembered in speaker_mentions; when
    # a second speaker that name fits arrives, it is flagged in speaker_reviews, not moved.
    db.execute(
        """CREATE TABLE speaker_merges (
               id INTEGER PRIMARY KEY,
               kept_id INTEGER NOT NULL,
               absorbed_id INTEGER NOT NULL,
               absorbed TEXT NOT NULL,        -- the absorbed speaker's row, JSON
               aliases TEXT NOT NULL,         -- its alias rows, JSON [[alias, key], ...]
               statements TEXT NOT NULL,      -- ids of the statements moved, JSON
               added_aliases TEXT NOT NULL,   -- keys the kept speaker gained, JSON
               kept_before TEXT NOT NULL,     -- the kept speaker's role and affiliation, JSON
               reviews TEXT NOT NULL,         -- speaker_reviews rows the merge settled, JSON
               mentions TEXT NOT NULL,        -- speaker_mentions rows it settled, JSON
               created_at TEXT NOT NULL,
               undone_at TEXT
           )"""
    )
    db.execute("CREATE INDEX idx_speaker_merges_kept ON speaker_merges (kept_id)")
    db.execute(
        """CREATE TABLE speaker_mentions (
               statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
               name TEXT NOT NULL,            -- the shorter name it was filed under
               surname TEXT NOT NULL,         -- its surname key
               affiliation TEXT               -- the affiliation stated with it, as a key
           )"""
    )
    db.execute("CREATE INDEX idx_speaker_mentions_surname ON speaker_mentions (surname)")
    db.execute(
        """CREATE TABLE speaker_reviews (
               statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
               mention TEXT NOT NULL,         -- the name as filed
               candidates TEXT NOT NULL,      -- ids of the speakers it may mean, JSON
               created_at TEXT NOT NULL
           )"""
    )
    _watch_shorter_names(db)


def _watch_shorter_names(db: Database) -> None:
    """Statements already filed under a speaker named by a surname alone are watched, and
    flagged where two speakers fit it."""
    import json

    from tracker import speakers as names

    people = [
        (speaker_id, name, names.key(name))
        for speaker_id, name, kind in db.execute("SELECT id, name, kind FROM speakers")
        if names.person_like(kind) and names.person_like(names.split_mention(name).kind)
    ]
    person_ids = {speaker_id for speaker_id, _, _ in people}
    by_surname: dict[str, list[tuple[int, str]]] = {}  # fits share a surname: compare within one
    for speaker_id, key in db.execute("SELECT speaker_id, key FROM speaker_aliases"):
        if speaker_id in person_ids:
            by_surname.setdefault(names.surname(key), []).append((speaker_id, key))
    stamp = db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')").fetchone()[0]
    for speaker_id, name, key in people:
        parsed = names.parse_name(key)
        if not parsed.partial:
            continue
        db.execute(
            "INSERT INTO speaker_mentions SELECT id, ?, ?, NULL FROM statements WHERE speaker_id = ?",
            [name, parsed.surname, speaker_id],
        )
        others = [k for k in by_surname.get(parsed.surname, []) if k[0] != speaker_id]
        fits = names.fuller_fits(key, others)
        if len(fits) > 1:
            db.execute(
                "INSERT INTO speaker_reviews SELECT id, ?, ?, ? FROM statements WHERE speaker_id = ?",
                [name, json.dumps(fits), stamp, speaker_id],
            )


@migrations()
def m005_reanalyse(db: Database) -> None:
    # The judge's analysis changed (Snowball stems, "rejected the proposal" no longer a denial
    # wrapper): each statement's and claim's proposition, which blocking reads, is derived again.
    # Polarity, modality and hedge stay: a person may have set them on add.
    from tracker.text import analyse

    for table in ("statements", "claims"):
        if not db[table].exists():
            continue
        rows = db.execute(f"SELECT id, text, proposition FROM {table}").fetchall()
        changed = [
            (proposition, sid)
            for sid, text, old in _each(rows, f"deriving the propositions of {table} again")
            if (proposition := analyse(text).proposition) != old
        ]
        db.conn.executemany(f"UPDATE {table} SET proposition = ? WHERE id = ?", changed)


@migrations()
def m006_statement_answers(db: Database) -> None:
    # What a statement answers: the claim a denial or an elliptical reply ("Completely
    # untrue.") is about, as extraction found it named in the text. Claims attach by it.
    db["statements"].add_column("answers", str)  # type: ignore[union-attr]


@migrations()
def m007_audit(db: Database) -> None:
    # Every correction is recorded: who, when, what it was before and after (JSON). A deleted
    # statement's row and every row that named it stay here, so `tracker restore` can bring
    # them back. No foreign key: the statement a record names may be gone.
    db.execute(
        """CREATE TABLE audit (
               id INTEGER PRIMARY KEY,
               at TEXT NOT NULL,
               by TEXT,
               action TEXT NOT NULL,          -- edit, delete, restore, …
               statement_id INTEGER,
               note TEXT,
               before TEXT,                   -- JSON
               after TEXT                     -- JSON
           )"""
    )
    db.execute("CREATE INDEX idx_audit_statement ON audit (statement_id, id)")


@migrations()
def m008_appearances(db: Database) -> None:
    # A statement made again (another date, another outlet) is an appearance of it, never a
    # duplicate to drop. The statement row is its first appearance; this table holds the
    # further ones, so every query over statements stays as it was. `words_hash` finds the
    # statement a repeat belongs to: the same words by the same speaker, whatever the source.
    from tracker.store.validation import content_hash

    db.execute(
        """CREATE TABLE appearances (
               id INTEGER PRIMARY KEY,
               statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
               source_id INTEGER REFERENCES sources(id),
               said_on TEXT,
               reported_on TEXT,
               ref TEXT,
               added_at TEXT NOT NULL
           )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_appearances_key ON appearances"
        " (statement_id, ifnull(source_id, 0), ifnull(said_on, ''), ifnull(reported_on, ''))"
    )
    db.execute("CREATE UNIQUE INDEX idx_appearances_ref ON appearances (ref) WHERE ref IS NOT NULL")
    db.execute("CREATE INDEX idx_appearances_source ON appearances (source_id)")
    db["statements"].add_column("words_hash", str)  # type: ignore[union-attr]
    rows = db.execute("SELECT id, text, speaker_id FROM statements").fetchall()
    db.conn.executemany(
        "UPDATE statements SET words_hash = ? WHERE id = ?",
        [(content_hash(text, speaker_id, None), sid) for sid, text, speaker_id in rows],
    )
    db.execute("CREATE INDEX idx_statements_words_hash ON statements (words_hash)")


@migrations()
def m009_link_ids_never_reused(db: Database) -> None:
    # A link's id names one pair for good: without AUTOINCREMENT, SQLite gives the next new
    # link the id of the newest link a relink removed, and an id noted yesterday names another
    # pair today. The table is rebuilt as it stands (columns added since are kept).
    import re

    (create,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'links'").fetchone()
    indexes = [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'links' AND sql IS NOT NULL"
        )
    ]
    rebuilt, found = re.subn(
        r'^CREATE TABLE "links" \((\s*)"id" INTEGER PRIMARY KEY,',
        r'CREATE TABLE "links_new" (\1"id" INTEGER PRIMARY KEY AUTOINCREMENT,',
        create,
    )
    if found != 1:
        raise RuntimeError(f"unexpected links table: {create}")
    db.execute(rebuilt)
    db.execute("INSERT INTO links_new SELECT * FROM links")
    db.execute("DROP TABLE links")
    db.execute('ALTER TABLE links_new RENAME TO "links"')
    for sql in indexes:
        db.execute(sql)


@migrations()
def m010_reanalyse_headline_clauses(db: Database) -> None:
    # The judge's analysis changed again (relate-6): a headline's clause before a colon is its
    # claim when a source or a listicle follows ("Ferry wasn't sunk: coastguard"), and a verb
    # taking an object names no speaker after it ("The ministry declared a curfew"). Each
    # statement's and claim's proposition, which blocking reads, is derived again, as in m005.
    m005_reanalyse(db)


@migrations()
def m011_semantic_vectors(db: Database) -> None:
    # The semantic extra's sentence vectors: one float32 blob per statement (or recorded claim)
    # and model, with a digest of the text it was computed from, so that an edited text is
    # encoded again and nothing else ever is. No foreign key: a deleted statement's row would
    # be copied into its audit record, and a blob is no JSON; linking drops such rows.
    db.table("semantic_vectors").create(
        {"owner": str, "owner_id": int, "model": str, "digest": str, "vector": bytes},
        pk=("owner", "owner_id", "model"),
        not_null={"owner", "owner_id", "model", "digest", "vector"},
    )


@migrations()
def m012_hedges_outside_relative_clauses(db: Database) -> None:
    # The judge's analysis changed (relate-7): a hedge inside a relative clause ("the report,
    # which could embarrass the minister, says …") hedges the noun the clause describes, not
    # the claim. A statement whose stored hedge is a word found only in such a clause gets the
    # hedge the analysis gives now (another, or none); any other hedge, which a person may have
    # set on add, stays. "Officials suspect …" and "Villagers fear …" are now wrappers, and
    # "the suspect …" no longer one, so each proposition, which blocking reads, is derived
    # again too, as in m005.
    import re

    from tracker.claim_analysis import relative_clauses
    from tracker.text import analyse, normalise

    rows = db.execute("SELECT id, text, hedge FROM statements WHERE hedge IS NOT NULL").fetchall()
    changed = []
    for sid, text, hedge in _each(rows, "deriving hedges again"):
        norm = normalise(text)
        found = [m.start() for m in re.finditer(rf"\b{re.escape(hedge)}\b", norm)]
        clauses = relative_clauses(norm)
        if found and all(any(a <= at < b for a, b in clauses) for at in found):
            new = analyse(text).hedge
            if new != hedge:
                changed.append((new, sid))
    db.conn.executemany("UPDATE statements SET hedge = ? WHERE id = ?", changed)
    m005_reanalyse(db)


def _set_hedges(db: Database, changed: list[tuple[str | None, int, str | None]], note: str) -> None:
    """Store hedges derived again, (new, statement id, old) each, and put each change in the
    audit trail, as a person's correction is (`tracker audit`), by the engine."""
    import json

    from tracker.store.connection import now

    db.conn.executemany(
        "UPDATE statements SET hedge = ? WHERE id = ?", [(new, sid) for new, sid, _ in changed]
    )
    db.conn.executemany(
        "INSERT INTO audit (at, by, action, statement_id, note, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                now(),
                "tracker",
                "reanalyse",
                sid,
                note,
                json.dumps({"hedge": old}, ensure_ascii=False),
                json.dumps({"hedge": new}, ensure_ascii=False),
            )
            for new, sid, old in changed
        ],
    )


@migrations()
def m013_sources_by_article(db: Database) -> None:
    # A source without a URL is one article of its outlet: its title, author and date tell
    # two apart (one "Dawn" row gave every Dawn article the first one's title); with a URL it
    # is the URL's. Rows merged before cannot be split: the titles and authors of the articles
    # folded into the first were never stored. Nouns are no hedges any more ("investigators",
    # "sources close to the firm"): a stored hedge the engine took from such a word is derived
    # again (`_engine_noun_hedge`), and audited; one a person set is left alone.
    from tracker.text import analyse

    db.execute("DROP INDEX IF EXISTS idx_sources_outlet_url")
    db.execute(
        "CREATE UNIQUE INDEX idx_sources_url ON sources (outlet COLLATE NOCASE, url) WHERE url IS NOT NULL"
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_sources_article ON sources (outlet COLLATE NOCASE, ifnull(title, ''),"
        " ifnull(author, ''), ifnull(published, '')) WHERE url IS NULL"
    )
    rows = db.execute("SELECT id, text, hedge FROM statements WHERE hedge IS NOT NULL").fetchall()
    changed = [
        (analyse(text).hedge, sid, hedge)
        for sid, text, hedge in _each(rows, "deriving hedges again")
        if _engine_noun_hedge(text, hedge)
    ]
    _set_hedges(db, changed, "upgrade m013: a noun is no hedge; derived again from the words")


def _engine_noun_hedge(text: str, hedge: str) -> bool:
    """Whether a stored hedge "sources" or "investigators" is what the analysis before m013
    took from the statement's words, and not a person's. The ledger keeps no record of who
    stated a hedge (`add --hedge`, an import's column), so it goes by what the engine wrote:
    the noun in lower case, as it stands in the words, and their first hedge (the old analysis
    kept the first it found: with "may" before it the engine wrote "may"). Anything else, a
    capitalised "Sources" or a noun that is not in the words, a person set."""
    import re

    from tracker.claim_analysis import analyse_full

    if not re.fullmatch(r"investigators?|sources?", hedge):
        return False
    analysis = analyse_full(text)
    found = re.search(rf"\b{hedge}\b", analysis.norm)
    if found is None:
        return False
    earlier = [cue for cue in analysis.hedges if cue.span[0] < found.start() and cue.span != (0, 0)]
    return not earlier


@migrations()
def m014_reanalyse_relate8(db: Database) -> None:
    # The judge's analysis changed (relate-8): in "The report, which could embarrass the
    # minister, says X" the claim is X (the relative clause describes the speaker), and British
    # and American spellings stem alike. Each proposition, which blocking reads, is derived
    # again, as in m005.
    m005_reanalyse(db)


@migrations()
def m015_identity_ignores_a_final_stop(db: Database) -> None:
    # A statement's identity no longer counts a final full stop or a curly apostrophe ("We have
    # won a 7 percent raise." quoted again without its stop was stored as a new statement, not
    # an appearance). Both hashes are derived again; where two stored statements now share
    # one, the later keeps its old hash: both stay, as an edit that gives one statement
    # another's words keeps both, and what is added from now on is the earlier one's.
    from tracker.store.validation import content_hash

    rows = db.execute(
        "SELECT id, text, speaker_id, source_id, content_hash FROM statements ORDER BY id"
    ).fetchall()
    taken: set[str] = set()
    changed = []
    for sid, text, speaker_id, source_id, old in rows:
        new = content_hash(text, speaker_id, source_id)
        digest = old if new in taken else new
        taken.add(digest)
        changed.append((digest, content_hash(text, speaker_id, None), sid))
    # two steps, so that no row takes a hash another still holds before it moves
    db.conn.executemany(
        "UPDATE statements SET content_hash = 'm015:' || id WHERE id = ?", [(sid,) for *_, sid in changed]
    )
    db.conn.executemany("UPDATE statements SET content_hash = ?, words_hash = ? WHERE id = ?", changed)


@migrations()
def m016_reanalyse_relate9(db: Database) -> None:
    # The judge's analysis changed (relate-9): "warned" reports as "said" does, "warned the
    # ministry about X" strips nothing, "kills the rumour that" and "rebuffs internet rumours
    # that" wrap what they deny, ", not two months" corrects rather than denies. Each
    # proposition, which blocking reads, is derived again, as in m005 (a hedge or polarity a
    # person may have set stays).
    m005_reanalyse(db)


@migrations()
def m017_reanalyse_relate10(db: Database) -> None:
    # The judge's analysis changed (relate-10): "said to", "reported to", "purports to", a
    # forecast ("predicts", "forecasts") and "possible" hedge a claim. Each proposition is
    # derived again, as in m005, and, unlike m016, so is each hedge the engine set: a ledger
    # kept whatever hedge the analysis of its day gave ("could" under relate-8). A hedge a
    # person set stays (`_engine_hedge`); each change is in the audit trail, as in m013.
    from tracker.text import analyse

    edited = _hedges_edited(db)
    rows = db.execute("SELECT id, text, hedge FROM statements WHERE hedge IS NOT NULL").fetchall()
    changed = [
        (new, sid, hedge)
        for sid, text, hedge in _each(rows, "deriving hedges again")
        if sid not in edited and _engine_hedge(text, hedge) and (new := analyse(text).hedge) != hedge
    ]
    _set_hedges(db, changed, "upgrade m017: the hedge derived again from the words (relate-10)")
    m005_reanalyse(db)


@migrations()
def m018_merge_confirms_nothing(db: Database) -> None:
    # A person's decision on a link or a claim side is what stamps `reviewed_at` (with its audit
    # record: link confirm / relabel / reject, claim attach / review / detach), so a confirmed
    # row without one is the engine's (store.confirmed_by_sql), and only a person's passes a
    # verdict on. A claim merge stamped the sides it moved, the engine's too (`reviewed_by`
    # 'merge' marks them: a person's decision keeps its reviewer); they are the engine's again.
    db.execute("UPDATE claim_statements SET reviewed_at = NULL WHERE reviewed_by = 'merge'")


@migrations()
def m019_statements_answering(db: Database) -> None:
    # Linking reads every bare reply for each statement it links (link/replies.py): the few
    # statements that answer something, found without reading the whole table.
    db.execute("CREATE INDEX idx_statements_answering ON statements (id) WHERE answers IS NOT NULL")


def _hedges_edited(db: Database) -> set[int]:
    """The statements whose hedge a person corrected (`tracker edit --hedge`): the audit trail
    records each correction, with the fields it set."""
    import json

    if not db["audit"].exists():
        return set()
    edited = set()
    for sid, after in db.execute(
        "SELECT statement_id, after FROM audit WHERE statement_id IS NOT NULL AND ifnull(by, '') != 'tracker'"
    ):
        try:
            fields = json.loads(after) if after else {}
        except ValueError:
            continue
        if isinstance(fields, dict) and "hedge" in fields:
            edited.add(sid)
    return edited


def _engine_hedge(text: str, hedge: str) -> bool:
    """Whether a stored hedge is one the analysis took from the statement's words, not one a
    person stated (`add --hedge`, an import's column) or extraction took from the attribution
    ("reportedly said", outside the quoted words). The ledger keeps no record of who stated
    it, so it goes by what the engine writes: words of the statement in lower case, as they
    stand in its normalised text ("could", "said to be", "according to"), and the first hedge
    of those words (the engine keeps the first it finds: with "may" before it, a stored
    "sources" is a person's, as m013 holds). A capitalised hedge, or one not in the words, a
    person (or the attribution) set."""
    import re

    from tracker.claim_analysis import analyse_full

    if hedge != hedge.lower() or not hedge.strip():
        return False
    analysis = analyse_full(text)
    found = re.search(rf"(?<![\w']){re.escape(hedge)}(?![\w'])", analysis.norm)
    if found is None:
        return False
    return not [cue for cue in analysis.hedges if cue.span[0] < found.start() and cue.span != (0, 0)]
