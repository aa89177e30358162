"""The database: opening it, and every query and write the commands need.

Functions take a `sqlite_utils.Database`; writes that belong together run in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple, overload

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.dates import lower_bound, parse_date, upper_bound
from tracker.migrations import migrations
from tracker.model import (
    InvalidInput,
    Kind,
    Modality,
    NewStatement,
    NotFound,
    Polarity,
    SpeakerKind,
    TrackerError,
)
from tracker.parallel import stop_pool, worker_pool

MAX_TEXT_CHARS = 20_000  # one statement; a whole article belongs in `tracker extract`
MAX_FIELD_CHARS = 2_000


def open_db(path: str | os.PathLike[str] | None = None, *, create_dir: bool = False) -> Database:
    """Open (creating if needed) a tracker database and bring its schema up to date.

    With no path, $TRACKER_DB names it (the command line adds a per-user default).
    """
    if path is None:
        path = os.environ.get("TRACKER_DB") or None
        if path is None:
            raise InvalidInput("no database: pass a path or set TRACKER_DB")
    db_path = Path(path)
    if not db_path.parent.exists():
        if create_dir:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise TrackerError(f"cannot create database {db_path}: directory does not exist")
    if db_path.is_dir():
        raise TrackerError(f"cannot open database {db_path}: it is a directory")
    try:
        conn = sqlite3.connect(str(db_path))
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        db = Database(conn)
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        raise TrackerError(f"cannot open database {db_path}: {error}") from None
    return db


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- validation --------------------------------------------------------------------------


def _clean(value: str | None, field: str, *, limit: int = MAX_FIELD_CHARS) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise InvalidInput(f"{field} contains a NUL byte")
    value = value.strip()
    if len(value) > limit:
        raise InvalidInput(f"{field} is too long ({len(value):,} characters; at most {limit:,})")
    return value or None


def _choice(value: str | None, field: str, allowed: list[str], default: str | None) -> str | None:
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value not in allowed:
        raise InvalidInput(f"invalid {field} {value!r}: use one of {', '.join(allowed)}")
    return value


@dataclass(frozen=True)
class Prepared:
    """A validated NewStatement, ready to write."""

    new: NewStatement
    text: str
    speaker: str
    kind: str
    said_on: str | None
    reported_on: str | None
    published: str | None
    modality: str
    polarity: str
    proposition: str
    hedge: str | None
    tags: list[str]


class _Checked(NamedTuple):  # a tuple: a frozen dataclass took 3 µs a row to build
    """A validated NewStatement whose claim is not analysed yet (analysis is the costly part)."""

    new: NewStatement
    text: str
    speaker: str
    kind: str
    modality: str | None  # None: the claim's
    polarity: str | None
    tags: list[str]
    said_on: str | None
    reported_on: str | None
    published: str | None
    hedge: str | None  # None: the claim's


ClaimValues = tuple[str, str, str, "str | None"]  # proposition, polarity, modality, hedge
# the allowed values, listed once: Enum.values() per row was a tenth of an import's time
_CHOICES: dict[type, list[str]] = {e: e.values() for e in (Kind, SpeakerKind, Modality, Polarity)}


def _check(new: NewStatement) -> _Checked:
    """Every check of `prepare`, in the same order, without the claim analysis."""
    if new.text is None or not new.text.strip():
        raise InvalidInput("statement text is empty")
    text = _clean(new.text, "statement text", limit=MAX_TEXT_CHARS)
    assert text is not None
    speaker = _clean(new.speaker, "speaker")
    if not speaker:
        raise InvalidInput("speaker is empty")
    for name in ("role", "affiliation", "source", "url", "title", "author", "cue", "via", "ref"):
        setattr(new, name, _clean(getattr(new, name), name))
    kind = _choice(new.kind, "kind", _CHOICES[Kind], Kind.DIRECT.value)
    assert kind is not None
    _choice(new.speaker_kind, "speaker kind", _CHOICES[SpeakerKind], None)
    modality = _choice(new.modality, "modality", _CHOICES[Modality], None)
    polarity = _choice(new.polarity, "polarity", _CHOICES[Polarity], None)
    tags = sorted({t.strip() for t in new.tags if t and t.strip()})
    return _Checked(
        new=new,
        text=text,
        speaker=speaker,
        kind=kind,
        modality=modality,
        polarity=polarity,
        tags=tags,
        said_on=parse_date(new.said_on, field="said-on date"),
        reported_on=parse_date(new.reported_on, field="reported-on date"),
        published=parse_date(new.published, field="published date"),
        hedge=_clean(new.hedge, "hedge"),
    )


def _claim_values(text: str) -> ClaimValues:
    from tracker.text import (
        analyse,  # judging code is loaded only by commands that write
    )

    claim = analyse(text)
    return claim.proposition, claim.polarity.value, claim.modality.value, claim.hedge


def _analyse_many(texts: list[str]) -> list[ClaimValues]:
    """Claim values of many texts."""
    return [_claim_values(text) for text in texts]


def _analyse_in_worker(texts: list[str]) -> list[ClaimValues]:
    """`_analyse_many` in an import's worker process, which sees each text once: its
    analysis caches would never hit, only grow (to ~50 MiB a worker at 65,536 entries)."""
    from tracker import text

    claims = _analyse_many(texts)
    text.analyse_full.cache_clear()
    text.normalise.cache_clear()
    return claims


def _complete(checked: _Checked, claim: ClaimValues) -> Prepared:
    proposition, polarity, modality, hedge = claim
    return Prepared(
        new=checked.new,
        text=checked.text,
        speaker=checked.speaker,
        kind=checked.kind,
        said_on=checked.said_on,
        reported_on=checked.reported_on,
        published=checked.published,
        modality=checked.modality or modality or Modality.ASSERTION.value,
        polarity=checked.polarity or polarity or Polarity.AFFIRM.value,
        proposition=proposition,
        hedge=checked.hedge or hedge,
        tags=checked.tags,
    )


def prepare(new: NewStatement) -> Prepared:
    """Validate one statement and derive its claim; raises InvalidInput naming the field."""
    checked = _check(new)
    return _complete(checked, _claim_values(checked.text))


def content_hash(text: str, speaker_id: int, source_id: int | None) -> str:
    """Identity of a statement: the same words, by the same speaker, in the same source."""
    words = " ".join(text.casefold().split())
    return hashlib.sha256(f"{speaker_id}\x1f{source_id or ''}\x1f{words}".encode()).hexdigest()


# --- speakers and sources ----------------------------------------------------------------


def speaker_candidates(db: Database) -> list[speaker_names.Candidate]:
    keys: dict[int, set[str]] = {}
    for speaker_id, alias_key in db.execute("SELECT speaker_id, key FROM speaker_aliases"):
        keys.setdefault(speaker_id, set()).add(alias_key)
    return [
        speaker_names.Candidate(row[0], row[1], frozenset(keys.get(row[0], ())))
        for row in db.execute("SELECT id, name FROM speakers")
    ]


def _close_spellings(wanted: str, tokens: list[str], keys: list[str], owners: list[int]) -> list[int]:
    """Owners of the keys spelt like `wanted` (a name of two words or more): the whole name
    and the surname both close."""
    if len(tokens) < 2:
        return []
    from rapidfuzz import fuzz, process

    close = []
    for name_key, _, index in process.extract(wanted, keys, scorer=fuzz.ratio, score_cutoff=90, limit=None):
        other = speaker_names._tokens(name_key)
        if len(other) > 1 and fuzz.ratio(tokens[-1], other[-1]) >= 75:
            close.append(owners[index])
    return close


def _only(ids: Iterable[int]) -> int | None:
    unique = list(dict.fromkeys(ids))
    return unique[0] if len(unique) == 1 else None


class SpeakerCache:
    """Resolves many mentions against the speakers table with one read (for imports).

    Answers as `speakers.resolve` over every stored speaker would, but from indexes (by key,
    by surname, and one rapidfuzz pass for spellings), so thousands of new speakers in one
    import cost linear time, not quadratic.
    """

    def __init__(self, db: Database):
        self.db = db
        self.exact: dict[str, int] = {}
        self._mentions: dict[str, tuple[str, str | None, str]] = {}  # mention -> name, role, key
        self._by_key: dict[str, list[int]] = {}
        self._by_surname: dict[str, list[tuple[int, list[str]]]] = {}
        self._keys: list[str] = []  # every key of every speaker, for the spelling pass
        self._owners: list[int] = []
        self._indexed = False
        self._possible: dict[str, list[int]] = {}  # name key -> speakers stored before

    def _ensure_index(self) -> None:
        # built on the first name that is not an exact alias: a single `add` of a known
        # speaker then costs one indexed query instead of a pass over every speaker
        if not self._indexed:
            self._indexed = True
            for candidate in speaker_candidates(self.db):
                self._index(candidate.id, {speaker_names.key(candidate.name), *candidate.keys})

    def _index(self, speaker_id: int, keys: Iterable[str]) -> None:
        for name_key in keys:
            self._by_key.setdefault(name_key, []).append(speaker_id)
            # speakers.resolve's own token rule, so that both agree on every name
            tokens = speaker_names._tokens(name_key)
            if tokens:
                self._by_surname.setdefault(tokens[-1], []).append((speaker_id, tokens))
            self._keys.append(name_key)
            self._owners.append(speaker_id)

    def find(self, name: str) -> int | None:
        """`speakers.resolve(name, every speaker).speaker_id`: exact, surname, then spelling."""
        wanted = speaker_names.key(name)
        tokens = speaker_names._tokens(wanted)
        if not self._indexed:
            owners = [
                row[0]
                for row in self.db.execute(
                    "SELECT DISTINCT speaker_id FROM speaker_aliases WHERE key = ?", [wanted]
                )
            ]
            if owners:
                return _only(owners)
            self._ensure_index()
        if wanted in self._by_key:
            return _only(self._by_key[wanted])
        if not tokens:
            return None
        compatible = [
            speaker_id
            for speaker_id, other in self._by_surname.get(tokens[-1], ())
            if speaker_names._compatible(tokens, other)
        ]
        if compatible:
            return _only(compatible)
        return _only(_close_spellings(wanted, tokens, self._keys, self._owners))

    def _parse(self, mention: str) -> tuple[str, str | None, str]:
        """(name, role, key) of a mention, remembered."""
        if mention not in self._mentions:
            if len(self._mentions) >= 100_000:  # bounded: one entry per distinct mention
                self._mentions.clear()
            parsed = speaker_names.split_mention(mention)
            self._mentions[mention] = (parsed.name, parsed.role, speaker_names.key(parsed.name))
        return self._mentions[mention]

    def possible(self, mention: str) -> list[int]:
        """Every speaker the mention could name, by any of find's rules, even where together
        they make it ambiguous. Remembered per name: only speakers stored before the first
        call can matter to the caller (statements stored before this import)."""
        wanted = self._parse(mention)[2]
        if wanted not in self._possible:
            if len(self._possible) >= 100_000:
                self._possible.clear()
            self._possible[wanted] = self._possible_for(wanted)
        return self._possible[wanted]

    def _possible_for(self, wanted: str) -> list[int]:
        tokens = speaker_names._tokens(wanted)
        if self._possible:  # a second name: more will come, and the index serves them all
            self._ensure_index()
        if self._indexed:
            exact: list[int] = self._by_key.get(wanted, [])
            same_surname = self._by_surname.get(tokens[-1], []) if tokens else []
            keys, owners = self._keys, self._owners
        else:  # one statement: a pass over the alias keys costs less than indexing them
            rows = self.db.execute("SELECT key, speaker_id FROM speaker_aliases").fetchall()
            keys, owners = [row[0] for row in rows], [row[1] for row in rows]
            exact = [owner for key, owner in rows if key == wanted]
            same_surname = [
                (owner, speaker_names._tokens(key)) for key, owner in rows
                if tokens and tokens[-1] in key
            ]
        found = list(exact)
        found += [
            speaker_id for speaker_id, other in same_surname if speaker_names._compatible(tokens, other)
        ]
        found += _close_spellings(wanted, tokens, keys, owners)
        return list(dict.fromkeys(found))

    def resolve(
        self, mention: str, *, role: str | None, affiliation: str | None, kind: str | None
    ) -> tuple[int, str | None]:
        """The speaker id for a mention (created when new) and the role the mention stated."""
        name, parsed_role, mention_key = self._parse(mention)
        stated_role = role or parsed_role
        if mention_key in self.exact:
            return self.exact[mention_key], stated_role
        found = self.find(name)
        if found is not None:
            speaker_id = found
            if affiliation:
                self.db.execute(
                    "UPDATE speakers SET affiliation = ? WHERE id = ? AND affiliation IS NULL",
                    [affiliation, speaker_id],
                )
        else:
            speaker_id = _insert(
                self.db,
                "speakers",
                {
                    "name": name,
                    "kind": kind or speaker_names.guess_kind(name, stated_role).value,
                    "role": stated_role,
                    "affiliation": affiliation,
                    "created_at": now(),
                },
            )
            _insert(
                self.db,
                "speaker_aliases",
                {"speaker_id": speaker_id, "alias": name, "key": mention_key},
            )
            if self._indexed:
                self._index(speaker_id, {mention_key})
        self.exact[mention_key] = speaker_id
        return speaker_id, stated_role


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))
    return int(cursor.lastrowid or 0)


def source_id_for(db: Database, prepared: Prepared | _Checked) -> int | None:
    """The source a statement was reported in (created when new; empty fields filled in)."""
    return SourceCache(db).id_for(prepared)


_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class SourceCache:
    """Source ids by (outlet, url), remembered for a bounded number of sources (for imports)."""

    LIMIT = 20_000  # sources remembered; a miss only costs one indexed query

    def __init__(self, db: Database):
        self.db = db
        self.known: dict[tuple[str, str], list[Any]] = {}  # key -> [id, title, author, published]

    def _stored(self, new: NewStatement) -> tuple[str, tuple[str, str], list[Any] | None]:
        """(outlet, cache key, [id, title, author, published] when the source is stored)."""
        outlet = new.source or _outlet_from_url(new.url or "")
        # the unique index compares outlets with NOCASE, which folds ASCII letters only
        cache_key = (outlet.translate(_NOCASE), new.url or "")
        entry = self.known.get(cache_key)
        if entry is None:
            row = self.db.execute(
                "SELECT id, title, author, published FROM sources"
                " WHERE outlet = ? COLLATE NOCASE AND ifnull(url, '') = ?",
                [outlet, new.url or ""],
            ).fetchone()
            if row is not None:
                entry = list(row)
                self._remember(cache_key, entry)
        return outlet, cache_key, entry

    def stored_id(self, prepared: Prepared | _Checked) -> tuple[bool, int | None]:
        """(whether the row's source is stored, or it names none; its id), storing nothing."""
        new = prepared.new
        if not new.source and not new.url:
            return True, None
        entry = self._stored(new)[2]
        return (True, int(entry[0])) if entry is not None else (False, None)

    def id_for(self, prepared: Prepared | _Checked) -> int | None:
        new = prepared.new
        if not new.source and not new.url:
            return None
        published = prepared.published or prepared.reported_on
        outlet, cache_key, entry = self._stored(new)
        if entry is None:
            source_id = _insert(
                self.db,
                "sources",
                {
                    "outlet": outlet,
                    "url": new.url,
                    "title": new.title,
                    "author": new.author,
                    "published": published,
                    "created_at": now(),
                },
            )
            self._remember(cache_key, [source_id, new.title, new.author, published])
            return source_id
        filled = [entry[0], *(old if old is not None else value
                              for old, value in zip(entry[1:], (new.title, new.author, published)))]
        if filled != entry:  # the per-row UPDATE … coalesce() would change something
            self.db.execute(
                "UPDATE sources SET title = ?, author = ?, published = ? WHERE id = ?",
                [*filled[1:], entry[0]],
            )
            entry[:] = filled
        return int(entry[0])

    def _remember(self, cache_key: tuple[str, str], entry: list[Any]) -> None:
        if len(self.known) >= self.LIMIT:
            self.known.clear()
        self.known[cache_key] = entry


def _outlet_from_url(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I).split("/")[0]
    return host.removeprefix("www.") or url


# --- statements --------------------------------------------------------------------------

BATCH_ROWS = 2_000  # rows checked and written together: memory follows this, not the file
# claims to analyse in one call before worker processes pay for themselves: starting two
# takes ~0.1 s, analysing 2,000 claims ~0.25 s, so the first full batch already goes to them
PARALLEL_FROM = 2_000
# json.dumps(tags, ensure_ascii=False) without building an encoder for every row
_tags_json = json.JSONEncoder(ensure_ascii=False).encode
_LOOKUP_CHUNK = 500  # SQL variables per IN (…) query
_INSERT_STATEMENT = """INSERT INTO statements (id, text, speaker_id, role, source_id, said_on,
    reported_on, kind, cue, via, hedge, modality, polarity, proposition, tags, ref, char_start,
    char_end, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?)"""


@dataclass(frozen=True)
class Added:
    id: int
    created: bool


class AddedList(Sequence[Added]):
    """One Added per input row, in input order, stored in 9 bytes a row (imports are big)."""

    def __init__(self) -> None:
        self._ids = array("q")
        self._created = bytearray()

    def append(self, added: Added) -> None:
        self._ids.append(added.id)
        self._created.append(added.created)

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Added: ...

    @overload
    def __getitem__(self, index: slice) -> list[Added]: ...

    def __getitem__(self, index: int | slice) -> Added | list[Added]:
        if isinstance(index, slice):
            return [Added(i, bool(c)) for i, c in zip(self._ids[index], self._created[index])]
        return Added(self._ids[index], bool(self._created[index]))

    def __iter__(self) -> Iterator[Added]:
        return (Added(i, bool(c)) for i, c in zip(self._ids, self._created))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    @property
    def new_count(self) -> int:
        return self._created.count(1)

    @property
    def new_ids(self) -> list[int]:
        return [i for i, c in zip(self._ids, self._created) if c]


class _Planned(NamedTuple):
    checked: _Checked
    speaker_id: int
    role: str | None
    source_id: int | None
    digest: str


class _BulkWriter:
    """Writes statements in runs: one lookup query per run for refs and hashes, one
    executemany, claims analysed in worker processes once there are many of them, and (from
    the second batch on) the FTS index filled one run at a time instead of by trigger — all
    inside the caller's transaction, so that a failure leaves nothing behind.
    """

    def __init__(self, db: Database):
        self.db = db
        self.speakers = SpeakerCache(db)
        self.sources = SourceCache(db)
        self.next_id = int(db.execute("SELECT max(id) FROM statements").fetchone()[0] or 0) + 1
        self.first_id = self.next_id
        self.recorded_before = self.next_id > 1  # so a row may be a statement already stored
        # ids handed out but not yet in the table, so dedupe sees them before they are
        self.unwritten_refs: dict[str, int] = {}
        self.unwritten_hashes: dict[str, int] = {}
        self.analysed = 0
        self.pool: Any = None
        self.pending: tuple[list[tuple[int, _Planned]], Any] | None = None
        self.fts: tuple[str, str] | None = None  # (trigger SQL, SQL filling an id range)
        self.deferred = False
        self.dropped_indexes: list[str] = []  # their CREATE INDEX statements

    def write(self, batch: list[_Checked], out: AddedList) -> None:
        start = 0
        while start < len(batch):
            start = self._run(batch, start, out)

    def _lookup(self, column: str, values: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        wanted = list(values)
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at : at + _LOOKUP_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {column}, id FROM statements WHERE {column} IN ({marks})"
            found.update((value, int(sid)) for value, sid in self.db.execute(sql, chunk))
        return found

    def _run(self, batch: list[_Checked], start: int, out: AddedList) -> int:
        """Plan and write rows from `start` up to the first ref repeated within the run
        (whether that row is new depends on the earlier one); returns where it stopped."""
        stored_refs = self._lookup("ref", {c.new.ref for c in batch[start:] if c.new.ref})
        stored_before = self._stored_before(batch[start:])
        plan: list[_Planned | Added] = []
        run_refs: set[str] = set()
        end = start
        for offset, checked in enumerate(batch[start:]):
            new = checked.new
            if new.ref:
                known = stored_refs.get(new.ref) or self.unwritten_refs.get(new.ref)
                if known is not None:
                    plan.append(Added(known, False))
                    end += 1
                    continue
                if new.ref in run_refs:
                    break
                run_refs.add(new.ref)
            if offset in stored_before:
                self.sources.id_for(checked)  # still fills in what the source lacked
                plan.append(Added(stored_before[offset], False))
                end += 1
                continue
            speaker_id, role = self.speakers.resolve(
                checked.speaker, role=new.role, affiliation=new.affiliation, kind=new.speaker_kind
            )
            source_id = self.sources.id_for(checked)
            digest = content_hash(checked.text, speaker_id, source_id)
            plan.append(_Planned(checked, speaker_id, role, source_id, digest))
            end += 1
        stored = self._lookup("content_hash", {p.digest for p in plan if isinstance(p, _Planned)})
        rows: list[tuple[int, _Planned]] = []
        for step in plan:
            if isinstance(step, Added):
                out.append(step)
                continue
            known = stored.get(step.digest) or self.unwritten_hashes.get(step.digest)
            if known is not None:
                out.append(Added(known, False))
                continue
            statement_id = self.next_id
            self.next_id += 1
            self.unwritten_hashes[step.digest] = statement_id
            if step.checked.new.ref:
                self.unwritten_refs[step.checked.new.ref] = statement_id
            rows.append((statement_id, step))
            out.append(Added(statement_id, True))
        self._submit(rows)
        return end

    def _stored_before(self, rows: list[_Checked]) -> dict[int, int]:
        """Rows (by offset) stored before this import, whichever speaker their mention named
        then: as more speakers arrive a short name can turn ambiguous, or come to name one
        created since, and a file imported again must still add nothing."""
        if not self.recorded_before:
            return {}
        options = {}
        for offset, checked in enumerate(rows):
            known, source_id = self.sources.stored_id(checked)
            if known:  # a statement cannot predate its source
                options[offset] = [
                    content_hash(checked.text, speaker_id, source_id)
                    for speaker_id in self.speakers.possible(checked.speaker)
                ]
        stored = self._lookup("content_hash", {d for digests in options.values() for d in digests})
        out = {}
        for offset, digests in options.items():
            known = [stored[d] for d in digests if d in stored]
            if known:
                out[offset] = min(known)
        return out

    def _submit(self, rows: list[tuple[int, _Planned]]) -> None:
        """Start analysing the run's claims; write the run before it meanwhile."""
        self.analysed += len(rows)
        if self.pool is None and self.analysed >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            self.pool = worker_pool(min(os.cpu_count() or 2, 4))
        if self.pool is None:
            self._flush()
            self.pending = (rows, None)
            self._flush()
            return
        texts = [step.checked.text for _, step in rows]
        chunks = [texts[at : at + 250] for at in range(0, len(texts), 250)]
        running = self.pool.map_async(_analyse_in_worker, chunks)
        self._flush()
        self.pending = (rows, running)

    def _flush(self) -> None:
        if self.pending is None:
            return
        rows, running = self.pending
        self.pending = None
        if running is None:
            claims = _analyse_many([step.checked.text for _, step in rows])
        else:
            claims = [claim for chunk in running.get() for claim in chunk]
        stamp = now()
        values = []
        for (statement_id, step), claim in zip(rows, claims):
            prepared = _complete(step.checked, claim)
            new = prepared.new
            values.append((
                statement_id, prepared.text, step.speaker_id, step.role, step.source_id,
                prepared.said_on, prepared.reported_on, prepared.kind, new.cue, new.via,
                prepared.hedge, prepared.modality, prepared.polarity, prepared.proposition,
                _tags_json(prepared.tags) if prepared.tags else "[]", new.ref, new.char_start,
                new.char_end, step.digest, stamp,
            ))
        self.db.conn.executemany(_INSERT_STATEMENT, values)
        if self.fts is not None and rows:  # here, the workers are busy with the next run
            self.db.execute(self.fts[1], [rows[0][0], rows[-1][0]])
        for statement_id, step in rows:
            self.unwritten_hashes.pop(step.digest, None)
            if step.checked.new.ref:
                self.unwritten_refs.pop(step.checked.new.ref, None)

    def defer_indexes(self) -> None:
        """Fill the FTS index one run at a time instead of by trigger and, when the table held
        less than a batch, drop its non-unique indexes (no import query reads them): `finish`
        builds each in one pass.

        Each row would otherwise update each index at a random place, which slows down as the
        index outgrows the page cache: 1M rows took 20 s to insert, 11 s this way.
        """
        if self.deferred:
            return
        self.deferred = True
        if self.first_id <= BATCH_ROWS:
            indexes = self.db.execute("PRAGMA index_list(statements)").fetchall()
            for _, name, unique, origin, _ in indexes:
                if not unique and origin == "c":
                    sql = self.db.execute(
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name]
                    ).fetchone()[0]
                    self.db.execute(f'DROP INDEX "{name}"')
                    self.dropped_indexes.append(sql)
        row = self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'statements_ai'"
        ).fetchone()
        fts_table = self.db["statements"].detect_fts()
        if row is None or fts_table is None or fts_table not in row[0]:
            return
        columns = [
            c[1] for c in self.db.execute(f'PRAGMA table_info("{fts_table}")').fetchall()
        ]
        names = ", ".join(f'"{c}"' for c in columns)
        fill = (f'INSERT INTO "{fts_table}" (rowid, {names}) '
                f"SELECT id, {names} FROM statements WHERE id BETWEEN ? AND ?")
        self.db.execute("DROP TRIGGER statements_ai")
        self.fts = (row[0], fill)

    def finish(self) -> None:
        self._flush()
        if self.fts is not None:
            self.db.execute(self.fts[0])
            self.fts = None
        for sql in self.dropped_indexes:
            self.db.execute(sql)
        self.dropped_indexes = []

    def close(self) -> None:
        if self.pool is not None:
            stop_pool(self.pool)
            self.pool = None


def add_statements(
    db: Database, items: Iterable[NewStatement], *, numbered: bool = True
) -> AddedList:
    """Store statements in one transaction: all of them, or none if one is invalid.

    A statement already stored (same text, speaker and source, or same ref) is not
    duplicated: its existing id comes back with created=False. With `numbered`, an
    error names the row ("row 3: speaker is empty"). Rows are read, checked and
    written in batches, so a file of any size needs memory for one batch only.
    """
    results = AddedList()
    with db.atomic():
        writer = _BulkWriter(db)
        try:
            batch: list[_Checked] = []
            for number, new in enumerate(items, start=1):
                try:
                    batch.append(_check(new))
                except InvalidInput as error:
                    if numbered:
                        raise InvalidInput(f"row {number}: {error}") from None
                    raise
                if len(batch) >= BATCH_ROWS:
                    writer.write(batch, results)
                    writer.defer_indexes()  # more than one batch: a bulk import
                    batch = []
            writer.write(batch, results)
            writer.finish()
        finally:
            writer.close()
    return results


def add_statement(db: Database, new: NewStatement) -> Added:
    return add_statements(db, [new], numbered=False)[0]


STATEMENT_COLUMNS = """
    s.id, s.text, sp.name AS speaker, s.speaker_id, s.role, sp.affiliation,
    src.outlet AS source, s.source_id, src.url, src.title, src.author,
    s.said_on, s.reported_on, s.kind, s.cue, s.via, s.hedge, s.modality, s.polarity,
    s.proposition, s.tags, s.ref, s.char_start, s.char_end, s.created_at
"""
STATEMENT_FROM = """
    FROM statements s
    JOIN speakers sp ON sp.id = s.speaker_id
    LEFT JOIN sources src ON src.id = s.source_id
"""


def _statement_row(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["tags"] = json.loads(row["tags"] or "[]")
    return row


def _rows(db: Database, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


@dataclass
class StatementFilter:
    speaker: str | None = None
    source: str | None = None
    tag: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    limit: int | None = None


def filter_clause(db: Database, where: StatementFilter, alias: str = "s") -> tuple[str, list[Any]]:
    """SQL conditions (joined by AND) and parameters for a StatementFilter on table `alias`."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.speaker:
        ids = speaker_ids_matching(db, where.speaker)
        clauses.append(f"{alias}.speaker_id IN ({', '.join('?' for _ in ids) or 'NULL'})")
        params.extend(ids)
    if where.source:
        clauses.append(
            f"{alias}.source_id IN (SELECT id FROM sources WHERE outlet = ? COLLATE NOCASE"
            " OR url = ?)"
        )
        params.extend([where.source, where.source])
    if where.tag:
        clauses.append(f"EXISTS (SELECT 1 FROM json_each({alias}.tags) WHERE value = ?)")
        params.append(where.tag)
    date = f"coalesce({alias}.said_on, {alias}.reported_on)"
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
    if where.kind:
        kind = _choice(where.kind, "kind", Kind.values(), None)
        clauses.append(f"{alias}.kind = ?")
        params.append(kind)
    return " AND ".join(clauses) or "1", params


def list_statements(db: Database, where: StatementFilter | None = None) -> list[dict[str, Any]]:
    where = where or StatementFilter()
    clause, params = filter_clause(db, where)
    sql = f"SELECT {STATEMENT_COLUMNS} {STATEMENT_FROM} WHERE {clause} ORDER BY s.id"
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return [_statement_row(row) for row in _rows(db, sql, params)]


def get_statement(db: Database, statement_id: int) -> dict[str, Any]:
    rows = list(_rows(db, f"SELECT {STATEMENT_COLUMNS} {STATEMENT_FROM} WHERE s.id = ?", [statement_id]))
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
        for row in _rows(db, sql, chunk):
            found[row["id"]] = _statement_row(row)
    return found


_FTS_WORD = re.compile(r"\w+", re.UNICODE)


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
    return [_statement_row(row) for row in _rows(db, sql, [match, limit])]


# --- speakers ------------------------------------------------------------------------------


def speaker_ids_matching(db: Database, name: str) -> list[int]:
    """Speakers a filter name means: by id, exact name/alias, or resolution."""
    if name.strip().isdigit():
        return [int(name.strip())]
    found = speaker_names.resolve(speaker_names.split_mention(name).name, speaker_candidates(db))
    if found.speaker_id is not None:
        return [found.speaker_id]
    return list(found.ambiguous_with)


def find_speaker(db: Database, name_or_id: str) -> dict[str, Any]:
    """One speaker by id or name; an unknown or ambiguous name is an error."""
    text = name_or_id.strip()
    if not text:
        raise InvalidInput("speaker is empty")
    if text.isdigit():
        rows = list(_rows(db, "SELECT * FROM speakers WHERE id = ?", [int(text)]))
        if not rows:
            raise NotFound(f"no speaker with id {text}")
        return rows[0]
    found = speaker_names.resolve(speaker_names.split_mention(text).name, speaker_candidates(db))
    if found.speaker_id is None:
        if found.ambiguous_with:
            names = ", ".join(
                f"{row['name']} (id {row['id']})"
                for row in _rows(
                    db,
                    f"SELECT id, name FROM speakers WHERE id IN ({', '.join('?' for _ in found.ambiguous_with)})",
                    found.ambiguous_with,
                )
            )
            raise InvalidInput(f"speaker {text!r} is ambiguous: {names}; use an id")
        raise NotFound(f"no speaker named {text!r}")
    return next(_rows(db, "SELECT * FROM speakers WHERE id = ?", [found.speaker_id]))


def list_speakers(db: Database) -> list[dict[str, Any]]:
    rows = list(
        _rows(
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
    listed["recent"] = list_statements(
        db, StatementFilter(speaker=str(speaker["id"]), limit=None)
    )[-10:]
    return listed


def add_alias(db: Database, name_or_id: str, alias: str) -> dict[str, Any]:
    alias = _clean(alias, "alias") or ""
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
    new_name = _clean(new_name, "new name") or ""
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


# --- sources ---------------------------------------------------------------------------------


def list_sources(db: Database) -> list[dict[str, Any]]:
    return list(
        _rows(
            db,
            """
            SELECT src.id, src.outlet, src.url, src.title, src.author, src.published,
                   (SELECT count(*) FROM statements s WHERE s.source_id = src.id) AS statements
            FROM sources src ORDER BY src.outlet COLLATE NOCASE, src.id
            """,
        )
    )


# --- settings --------------------------------------------------------------------------------


def get_setting(db: Database, name: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [name]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, name: str, value: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [name, value],
        )


def counts(db: Database) -> dict[str, int]:
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("statements", "speakers", "sources", "links", "verdicts")
    }


# --- links and verdicts of one statement -----------------------------------------------------


def statement_links(db: Database, statement_id: int) -> list[dict[str, Any]]:
    """The links of one statement, each with the other statement's text and speaker."""
    rows = list(
        _rows(
            db,
            """
            SELECT l.id, l.relation, l.score, l.status, l.reasons, l.engine,
                   CASE WHEN l.a_id = ? THEN l.b_id ELSE l.a_id END AS other_id
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
        _rows(
            db,
            "SELECT id, rating, evidence_url, note, by, created_at FROM verdicts "
            "WHERE statement_id = ? ORDER BY created_at, id",
            [statement_id],
        )
    )
