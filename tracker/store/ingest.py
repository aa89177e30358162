"""Writing statements: one or millions, in batches, in one transaction, without duplicates."""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

from sqlite_utils import Database

from tracker.model import InvalidInput, NewStatement, TrackerError
from tracker.parallel import stop_pool, worker_pool
from tracker.speakers import generic_key
from tracker.store.connection import now, query_rows, write_transaction
from tracker.store.corrections import (
    Corrections,
    Edited,
    corrections,
    deleted_ids_max,
    edit_statement,
    edited_source,
)
from tracker.store.lookup import SourceCache, SpeakerCache, affiliation_key, merged_into, surname_of
from tracker.store.settings import max_text_chars
from tracker.store.validation import (
    Checked,
    analyse_in_worker,
    analyse_many,
    check_statement,
    complete,
    content_hash,
    content_hashes,
)

BATCH_ROWS = 2_000  # rows checked and written together: memory follows this, not the file
# claims to analyse in one call before worker processes pay for themselves: starting two
# takes ~0.1 s, analysing 2,000 claims ~0.25 s, so the first full batch already goes to them
PARALLEL_FROM = 2_000
# json.dumps(tags, ensure_ascii=False) without building an encoder for every row
_tags_json = json.JSONEncoder(ensure_ascii=False).encode
_LOOKUP_CHUNK = 500  # SQL variables per IN (…) query
_INSERT_STATEMENT = """INSERT INTO statements (id, text, speaker_id, role, source_id, said_on,
    reported_on, kind, cue, via, hedge, modality, polarity, proposition, tags, ref, char_start,
    char_end, content_hash, created_at, answers, words_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
_INSERT_APPEARANCE = """INSERT INTO appearances (statement_id, source_id, said_on, reported_on, ref,
    added_at) VALUES (?, ?, ?, ?, ?, ?)"""

_INSERT_MENTION = (
    "INSERT INTO speaker_mentions (statement_id, name, surname, affiliation) VALUES (?, ?, ?, ?)"
)
_INSERT_REVIEW = (
    "INSERT INTO speaker_reviews (statement_id, mention, candidates, created_at) VALUES (?, ?, ?, ?)"
)


@dataclass(frozen=True)
class Added:
    id: int
    created: bool
    appeared: bool = False  # not created: a new appearance (another date or outlet) of `id`
    # not created: what a person deleted (`id` was its id) or corrected (in statement `id`)
    corrected: bool = False


_KNOWN, _CREATED, _APPEARED, _CORRECTED = 0, 1, 2, 3


class AddedList(Sequence[Added]):
    """One Added per input row, in input order, stored in 9 bytes a row (imports are big)."""

    @staticmethod
    def _added(statement_id: int, state: int) -> Added:
        return Added(statement_id, state == _CREATED, state == _APPEARED, state == _CORRECTED)

    def __init__(self) -> None:
        self._ids = array("q")
        self._created = bytearray()
        # rows whose ref names a stored statement whose fields they change: the edits made
        # (with update) or how many there are (without)
        self.updated: list[Edited] = []
        self.differing = 0

    def append(self, added: Added) -> None:
        self._ids.append(added.id)
        self._created.append(
            _CREATED
            if added.created
            else _APPEARED
            if added.appeared
            else _CORRECTED
            if added.corrected
            else _KNOWN
        )

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Added: ...

    @overload
    def __getitem__(self, index: slice) -> list[Added]: ...

    def __getitem__(self, index: int | slice) -> Added | list[Added]:
        if isinstance(index, slice):
            return [self._added(i, c) for i, c in zip(self._ids[index], self._created[index], strict=True)]
        return self._added(self._ids[index], self._created[index])

    def __iter__(self) -> Iterator[Added]:
        return (self._added(i, c) for i, c in zip(self._ids, self._created, strict=True))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    @property
    def new_count(self) -> int:
        return self._created.count(_CREATED)

    @property
    def appeared_count(self) -> int:
        """Rows recorded as a new appearance of a statement (already stored or earlier in them)."""
        return self._created.count(_APPEARED)

    @property
    def corrected_count(self) -> int:
        """Rows left out because a person deleted or corrected what they record."""
        return self._created.count(_CORRECTED)

    @property
    def new_ids(self) -> list[int]:
        return [i for i, c in zip(self._ids, self._created, strict=True) if c == _CREATED]


class _Planned(NamedTuple):
    checked: Checked
    speaker_id: int
    role: str | None
    source_id: int | None
    digest: str
    words: str  # the words and the speaker alone: a repeat in another source has them too
    absorbed: tuple[str, ...]  # the same under the speakers merged into this one since
    watch: str | None  # the shorter name it was filed under, to check again
    uncertain: tuple[int, ...]  # the speakers of its name it could not be told apart from


class _Named(NamedTuple):
    """A row whose ref names a statement: the same one, or a correction of it."""

    statement_id: int
    checked: Checked


class _Repeat(NamedTuple):
    """A row whose words, speaker and source a stored statement has: the same appearance, or
    the same outlet on another date."""

    statement_id: int
    source_id: int | None
    checked: Checked


class _Again(NamedTuple):
    """A row an export wrote as one more appearance of the statement before it."""

    source_id: int | None
    checked: Checked


# where and when a statement appeared: (source id, said on, reported on)
_Key = tuple[int | None, str | None, str | None]


def _same_appearance(row: _Key, stored: _Key) -> bool:
    """The row adds nothing to an appearance in the same source whose dates it repeats or
    leaves out, or whose one date it gives as the other (said on the day it was reported)."""
    if row[0] != stored[0]:
        return False
    if row[1] in (None, stored[1]) and row[2] in (None, stored[2]):
        return True
    return (row[1] or row[2]) == (stored[1] or stored[2]) and all(
        mine is None or theirs is None or mine == theirs
        for mine, theirs in zip(row[1:], stored[1:], strict=True)
    )


class _BulkWriter:
    """Writes statements in runs: one lookup query per run for refs and hashes, one
    executemany, claims analysed in worker processes once there are many of them, and (from
    the second batch on) the FTS index filled one run at a time instead of by trigger — all
    inside the caller's transaction, so that a failure leaves nothing behind.

    A row with a stored statement's words and speaker but another source or date is a new
    appearance of that statement, written once the statement is.
    """

    def __init__(self, db: Database, *, skip_corrected: bool = False):
        self.db = db
        self.speakers = SpeakerCache(db)
        self.sources = SourceCache(db)
        # above every deleted statement's id too: a deleted statement comes back under its own
        self.next_id = (
            max(int(db.execute("SELECT max(id) FROM statements").fetchone()[0] or 0), deleted_ids_max(db)) + 1
        )
        self.first_id = self.next_id
        self.written_below = self.next_id  # every statement id below this is in the table
        self.recorded_before = self.next_id > 1  # so a row may be a statement already stored
        self.corrected_index = corrections(db) if skip_corrected and self.recorded_before else Corrections()
        # ids handed out but not yet in the table, so dedupe sees them before they are
        self.unwritten_refs: dict[str, int] = {}
        self.unwritten_hashes: dict[str, int] = {}
        self.unwritten_words: dict[str, int] = {}
        self.unwritten_answers: dict[int, tuple[str, str | None]] = {}  # (text, what it answers)
        self.unwritten_keys: dict[int, list[_Key]] = {}
        # appearances not yet written: rows, their keys and refs by statement id
        self.appearances: list[tuple[int, int | None, str | None, str | None, str | None]] = []
        self.appearance_keys: dict[int, list[_Key]] = {}
        self.appearance_refs: dict[str, int] = {}
        self.absorbed: dict[int, list[int]] = {}  # speaker id -> the speakers merged into it
        # the last exported statement read, which the appearance rows after it belong to
        self.exported: Added | None = None
        self.analysed = 0
        self.pool: Any = None
        self.pending: tuple[list[tuple[int, _Planned]], Any] | None = None
        self.fts: tuple[str, str] | None = None  # (trigger SQL, SQL filling an id range)
        self.deferred = False
        self.dropped_indexes: list[str] = []  # their CREATE INDEX statements
        # rows naming a statement by ref: (row number, statement id, row) to compare once it
        # is in the table, then those that may change it (what `edit_statement` would be given)
        self.named: list[tuple[int, int, Checked]] = []
        self.corrections: list[tuple[int, int, dict[str, str]]] = []

    def write(self, batch: list[Checked], out: AddedList) -> None:
        start = 0
        while start < len(batch):
            start = self._run(batch, start, out)

    def _lookup(
        self, column: str, values: set[str], table: str = "statements", key: str = "id"
    ) -> dict[str, int]:
        found: dict[str, int] = {}
        wanted = list(values)
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at : at + _LOOKUP_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT {column}, min({key}) FROM {table} WHERE {column} IN ({marks}) GROUP BY {column}"
            found.update((value, int(sid)) for value, sid in self.db.execute(sql, chunk))
        return found

    def _absorbed(self, speaker_id: int) -> list[int]:
        """The speakers merged into this one: their statements keep the hashes they were filed
        under, so a repeat by the merged speaker still finds them."""
        if not self.recorded_before:
            return []
        if speaker_id not in self.absorbed:
            if len(self.absorbed) >= 100_000:
                self.absorbed.clear()
            self.absorbed[speaker_id] = merged_into(self.db, [speaker_id])
        return self.absorbed[speaker_id]

    def _stored_keys(self, ids: set[int]) -> dict[int, list[_Key]]:
        """Where and when each stored statement appeared: its own row and its appearances."""
        keys: dict[int, list[_Key]] = {}
        wanted = sorted(i for i in ids if i < self.written_below)
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at : at + _LOOKUP_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            sql = (
                f"SELECT id, source_id, said_on, reported_on FROM statements WHERE id IN ({marks})"
                " UNION ALL SELECT statement_id, source_id, said_on, reported_on FROM appearances"
                f" WHERE statement_id IN ({marks})"
            )
            for sid, source_id, said_on, reported_on in self.db.execute(sql, chunk + chunk):
                keys.setdefault(sid, []).append((source_id, said_on, reported_on))
        return keys

    def _again(
        self, statement_id: int, source_id: int | None, checked: Checked, stored: dict[int, list[_Key]]
    ) -> Added:
        """A row with a known statement's words: the same appearance, or a new one of it."""
        key: _Key = (source_id, checked.said_on, checked.reported_on)
        known = (
            *stored.get(statement_id, ()),
            *self.unwritten_keys.get(statement_id, ()),
            *self.appearance_keys.get(statement_id, ()),
        )
        if any(_same_appearance(key, other) for other in known):
            return Added(statement_id, False)
        if any(_same_appearance(key, old) for old in self.corrected_index.keys.get(statement_id, ())):
            return Added(statement_id, False, corrected=True)  # the source or dates it had
        ref = checked.new.ref
        self.appearances.append((statement_id, source_id, checked.said_on, checked.reported_on, ref))
        self.appearance_keys.setdefault(statement_id, []).append(key)
        if ref:
            self.appearance_refs[ref] = statement_id
        return Added(statement_id, False, True)

    def _run(self, batch: list[Checked], start: int, out: AddedList) -> int:
        """Plan and write rows from `start` up to the first ref repeated within the run
        (whether that row is new depends on the earlier one); returns where it stopped."""
        refs = {c.new.ref for c in batch[start:] if c.new.ref}
        statement_refs = self._lookup("ref", refs)
        appearance_refs = self._lookup("ref", refs - set(statement_refs), "appearances", "statement_id")
        stored_before = self._stored_before(batch[start:])
        plan: list[_Planned | _Repeat | _Named | _Again | Added] = []
        run_refs: set[str] = set()
        end = start
        for offset, checked in enumerate(batch[start:]):
            new = checked.new
            if new.ref:
                named = statement_refs.get(new.ref) or self.unwritten_refs.get(new.ref)
                if named is not None:
                    plan.append(_Named(named, checked))
                    end += 1
                    continue
                # an appearance's ref names that appearance, whatever else the row says
                known = appearance_refs.get(new.ref) or self.appearance_refs.get(new.ref)
                if known is None and new.ref in self.corrected_index.refs:
                    plan.append(Added(self.corrected_index.refs[new.ref], False, corrected=True))
                    end += 1
                    continue
                if known is not None:
                    plan.append(Added(known, False))
                    end += 1
                    continue
                if new.ref in run_refs:
                    break
                run_refs.add(new.ref)
            if new.exported == "appearance":
                plan.append(_Again(self.sources.id_for(checked), checked))
                end += 1
                continue
            if offset in stored_before:
                # still fills in what the source lacked
                plan.append(_Repeat(stored_before[offset], self.sources.id_for(checked), checked))
                end += 1
                continue
            source_id = self.sources.id_for(checked)  # first: "police" is kept per source
            speaker_id, role, watch, uncertain = self.speakers.resolve(
                checked.speaker,
                role=new.role,
                affiliation=new.affiliation,
                kind=new.speaker_kind,
                source_id=source_id,
                day=report_day(checked),
            )
            digest, words = content_hashes(checked.text, speaker_id, source_id)
            absorbed = tuple(content_hash(checked.text, other, None) for other in self._absorbed(speaker_id))
            plan.append(
                _Planned(checked, speaker_id, role, source_id, digest, words, absorbed, watch, uncertain)
            )
            end += 1
        planned = [p for p in plan if isinstance(p, _Planned)]
        stored = self._lookup("content_hash", {p.digest for p in planned})
        stored_words = self._lookup(
            "words_hash",
            {
                words
                for p in planned
                if p.digest not in stored and p.digest not in self.unwritten_hashes
                for words in (p.words, *p.absorbed)
            },
        )
        keys = self._stored_keys(
            {p.statement_id for p in plan if isinstance(p, _Repeat)}
            | {p.id for p in plan if isinstance(p, Added)}
            | ({self.exported.id} if self.exported is not None else set())
            | set(stored.values())
            | set(stored_words.values())
        )
        rows: list[tuple[int, _Planned]] = []
        exported = False  # the row is an exported statement: `self.exported` once resolved
        for step, checked in zip(plan, batch[start:end], strict=True):
            if exported:
                self.exported = out[-1]
            exported = checked.new.exported == "statement"
            if isinstance(step, _Again):
                out.append(self._again_exported(step, keys))
                continue
            if isinstance(step, Added):
                out.append(step)
                continue
            if isinstance(step, _Named):
                out.append(Added(step.statement_id, False))
                self.named.append((len(out), step.statement_id, step.checked))
                continue
            if isinstance(step, _Repeat):
                out.append(self._again(step.statement_id, step.source_id, step.checked, keys))
                continue
            known = stored.get(step.digest) or self.unwritten_hashes.get(step.digest)
            gone = self._corrected(step, stored_words) if known is None else None
            if gone is not None:
                out.append(Added(gone, False, corrected=True))
                continue
            if not exported and known is None:  # an exported statement is one of its own
                repeated = (
                    stored_words.get(step.words)
                    or self.unwritten_words.get(step.words)
                    or next((stored_words[w] for w in step.absorbed if w in stored_words), None)
                )
                if repeated is not None and self._answers_apart(repeated, step.checked):
                    repeated = None  # "No." to another question is another statement
                known = repeated
            if known is not None:
                out.append(self._again(known, step.source_id, step.checked, keys))
                continue
            statement_id = self.next_id
            self.next_id += 1
            self.unwritten_hashes[step.digest] = statement_id
            self.unwritten_words[step.words] = statement_id
            self.unwritten_answers[statement_id] = (step.checked.text, step.checked.new.answers)
            self.unwritten_keys[statement_id] = [
                (step.source_id, step.checked.said_on, step.checked.reported_on)
            ]
            if step.checked.new.ref:
                self.unwritten_refs[step.checked.new.ref] = statement_id
            rows.append((statement_id, step))
            out.append(Added(statement_id, True))
        if exported:
            self.exported = out[-1]
        self._submit(rows)
        self._compare_named()
        return end

    def _compare_named(self, *, final: bool = False) -> None:
        """Keep the rows naming a statement by ref that change it; the others (a file
        imported again) are what they said. Only rows whose statement is in the table."""
        ready = [n for n in self.named if final or n[1] < self.written_below]
        if not ready:
            return
        self.named = [n for n in self.named if not final and n[1] >= self.written_below]
        stored: dict[int, dict[str, Any]] = {}
        wanted = sorted({n[1] for n in ready})
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at : at + _LOOKUP_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            sql = (
                "SELECT s.id, s.text, s.speaker_id, sp.name AS speaker, s.source_id, so.outlet AS source,"
                " so.url, s.said_on, s.reported_on FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
                f" LEFT JOIN sources so ON so.id = s.source_id WHERE s.id IN ({marks})"
            )
            stored.update((row["id"], row) for row in query_rows(self.db, sql, chunk))
        for number, statement_id, checked in ready:
            given = self._changes(stored[statement_id], checked)
            if given:
                self.corrections.append((number, statement_id, given))

    def _changes(self, stored: dict[str, Any], checked: Checked) -> dict[str, str]:
        """What the row changes in its statement, as `edit_statement` takes it: the fields
        that differ (an empty one changes nothing). A speaker its name may be, the same
        unnamed one ("police"), or the same source however named, is no change."""
        new = checked.new
        given: dict[str, str] = {}
        if checked.text != stored["text"]:
            given["text"] = checked.text
        known, row_source = self.sources.stored_id(checked)
        if (new.source or new.url) and not (known and row_source == stored["source_id"]):
            target = edited_source(stored, new.source, new.url)
            if target is None or self.sources.stored_id(target) != (True, stored["source_id"]):
                given.update(
                    (key, value) for key, value in (("source", new.source), ("url", new.url)) if value
                )
        possible = self.speakers.possible(
            checked.speaker, row_source if known else stored["source_id"], report_day(checked)
        )
        unnamed = generic_key(checked.speaker)
        if stored["speaker_id"] not in possible and (
            unnamed is None or unnamed != generic_key(stored["speaker"])
        ):
            given["speaker"] = checked.speaker
        for key in ("said_on", "reported_on"):
            value = getattr(checked, key)
            if value is not None and value != stored[key]:
                given[key] = value
        return given

    def correct(self, out: AddedList, *, update: bool, note: str | None) -> None:
        """Apply the corrections, each as `tracker edit` makes it, inside the import's
        transaction (with `update`); else count them."""
        self._compare_named(final=True)
        for number, statement_id, given in self.corrections:
            if not update:
                out.differing += 1
                continue
            try:
                edited = edit_statement(self.db, statement_id, note=note, **given)
            except TrackerError as error:
                raise type(error)(f"row {number}: {error}") from None
            if edited.changes:
                out.updated.append(edited)
        self.corrections = []

    def _again_exported(self, step: _Again, keys: dict[int, list[_Key]]) -> Added:
        """An export's appearance row: of the statement read before it, however else worded."""
        statement = self.exported
        if statement is None:
            raise InvalidInput("an appearance with no statement before it")
        if statement.corrected:
            return Added(statement.id, False, corrected=True)
        return self._again(statement.id, step.source_id, step.checked, keys)

    def _corrected(self, step: _Planned, stored_words: dict[str, int]) -> int | None:
        """The statement a person deleted or corrected away whose words, speaker and source
        the row has; else (and with no stored statement of its words) the one of its words."""
        found = self.corrected_index
        if not found.hashes:
            return None
        if step.digest in found.hashes:
            return found.hashes[step.digest]
        day = report_day(step.checked)  # the speaker its name may have been filed under then
        for speaker_id in self.speakers.possible(step.checked.speaker, step.source_id, day):
            digest = content_hash(step.checked.text, speaker_id, step.source_id)
            if digest in found.hashes:
                return found.hashes[digest]
        if step.checked.new.exported == "statement" or any(
            w in stored_words or w in self.unwritten_words for w in (step.words, *step.absorbed)
        ):
            return None  # one of its own, or a repeat of a statement in the ledger
        return next((found.words[w] for w in (step.words, *step.absorbed) if w in found.words), None)

    def _answers_apart(self, statement_id: int, checked: Checked) -> bool:
        """Whether a row in a statement's words answers something else: a bare reply ("No.",
        "Completely untrue.") means what it answers, so the same words answering another
        question, or nothing recorded, are not that statement again."""
        from tracker.link.replies import is_bare

        stored = (
            self.unwritten_answers.get(statement_id)
            or self.db.execute("SELECT text, answers FROM statements WHERE id = ?", [statement_id]).fetchone()
        )
        if stored is None:
            return False
        text, answers = stored
        given = checked.new.answers
        if (answers or None) == (given or None):
            return False
        return is_bare(text, answers) or is_bare(checked.text, given)

    def _stored_before(self, rows: list[Checked]) -> dict[int, int]:
        """Rows (by offset) stored before this import, whichever speaker their mention named
        then: as more speakers arrive a short name can turn ambiguous, or come to name one
        created since, and a file imported again must still add nothing."""
        if not self.recorded_before:
            return {}
        options = {}
        for offset, checked in enumerate(rows):
            source_known, source_id = self.sources.stored_id(checked)
            if source_known:  # a statement cannot predate its source
                options[offset] = [
                    content_hash(checked.text, speaker_id, source_id)
                    for speaker_id in self.speakers.possible(checked.speaker, source_id, report_day(checked))
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
        running = self.pool.map_async(analyse_in_worker, chunks)
        self._flush()
        self.pending = (rows, running)

    def _flush(self) -> None:
        if self.pending is None:
            return
        rows, running = self.pending
        self.pending = None
        if running is None:
            claims = analyse_many([step.checked.text for _, step in rows])
        else:
            claims = [claim for chunk in running.get() for claim in chunk]
        stamp = now()
        values = []
        for (statement_id, step), claim in zip(rows, claims, strict=True):
            prepared = complete(step.checked, claim)
            new = prepared.new
            values.append(
                (
                    statement_id,
                    prepared.text,
                    step.speaker_id,
                    step.role,
                    step.source_id,
                    prepared.said_on,
                    prepared.reported_on,
                    prepared.kind,
                    new.cue,
                    new.via,
                    prepared.hedge,
                    prepared.modality,
                    prepared.polarity,
                    prepared.proposition,
                    _tags_json(prepared.tags) if prepared.tags else "[]",
                    new.ref,
                    new.char_start,
                    new.char_end,
                    step.digest,
                    stamp,
                    new.answers,
                    step.words,
                )
            )
        self.db.conn.executemany(_INSERT_STATEMENT, values)
        watched = [
            (statement_id, step.watch, surname_of(step.watch), affiliation_key(step.checked.new.affiliation))
            for statement_id, step in rows
            if step.watch
        ]
        if watched:
            self.db.conn.executemany(_INSERT_MENTION, watched)
        uncertain = [
            (statement_id, step.checked.speaker, _tags_json(list(step.uncertain)), stamp)
            for statement_id, step in rows
            if step.uncertain
        ]
        if uncertain:
            self.db.conn.executemany(_INSERT_REVIEW, uncertain)
        if self.fts is not None and rows:  # here, the workers are busy with the next run
            self.db.execute(self.fts[1], [rows[0][0], rows[-1][0]])
        for statement_id, step in rows:
            self.unwritten_hashes.pop(step.digest, None)
            self.unwritten_keys.pop(statement_id, None)
            if self.unwritten_words.get(step.words) == statement_id:
                self.unwritten_words.pop(step.words)
            if step.checked.new.ref:
                self.unwritten_refs.pop(step.checked.new.ref, None)
        if rows:
            self.written_below = rows[-1][0] + 1
        self._write_appearances()

    def _write_appearances(self) -> None:
        """The appearances whose statement is in the table (all of them, once every one is)."""
        ready = [a for a in self.appearances if a[0] < self.written_below]
        if not ready:
            return
        self.appearances = [a for a in self.appearances if a[0] >= self.written_below]
        stamp = now()
        self.db.conn.executemany(_INSERT_APPEARANCE, [(*a, stamp) for a in ready])
        for statement_id, _, _, _, ref in ready:
            self.appearance_keys.pop(statement_id, None)
            if ref:
                self.appearance_refs.pop(ref, None)

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
                # words_hash stays: every run looks a repeat's statement up by it
                if not unique and origin == "c" and name != "idx_statements_words_hash":
                    sql = self.db.execute(
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name]
                    ).fetchone()[0]
                    self.db.execute(f'DROP INDEX "{name}"')
                    self.dropped_indexes.append(sql)
        row = self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'statements_ai'"
        ).fetchone()
        fts_table = self.db.table("statements").detect_fts()
        if row is None or fts_table is None or fts_table not in row[0]:
            return
        columns = [c[1] for c in self.db.execute(f'PRAGMA table_info("{fts_table}")').fetchall()]
        names = ", ".join(f'"{c}"' for c in columns)
        fill = (
            f'INSERT INTO "{fts_table}" (rowid, {names}) '
            f"SELECT id, {names} FROM statements WHERE id BETWEEN ? AND ?"
        )
        self.db.execute("DROP TRIGGER statements_ai")
        self.fts = (row[0], fill)

    def finish(self) -> None:
        self._flush()
        self._write_appearances()
        self.speakers.recheck()
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


def report_day(checked: Checked) -> str | None:
    """The day of the report a statement is in: what keeps one article's "police" apart from
    another's when both are from one outlet."""
    return checked.reported_on or checked.published or checked.said_on


def add_statements(
    db: Database,
    items: Iterable[NewStatement],
    *,
    numbered: bool = True,
    update: bool = False,
    note: str | None = None,
    skip_corrected: bool = False,
) -> AddedList:
    """Store statements in one transaction: all of them, or none if one is invalid.

    A statement already stored (same text, speaker and source, or same ref) is not
    duplicated: its existing id comes back with created=False. A row whose ref names a
    statement but whose text, speaker, source, url or dates differ (an empty field differs
    from nothing) is counted in `.differing`; with `update` it edits the statement as
    `edit_statement` does (audited, with `note`; relinking is the caller's), listed in
    `.updated`, and one that cannot be made fails the whole import. With `skip_corrected` (an
    article extracted again, a file imported again), a row a person deleted, or whose words,
    speaker, source or dates they corrected, is left out (`corrected`, with the deleted or
    corrected statement's id): its audit record knows it. With `numbered`, an
    error names the row ("row 3: speaker is empty"). Rows are read, checked and
    written in batches, so a file of any size needs memory for one batch only.
    """
    results = AddedList()
    with write_transaction(db):  # it reads ids and hashes, then writes: the lock first
        limit = max_text_chars(db)
        writer = _BulkWriter(db, skip_corrected=skip_corrected)
        try:
            batch: list[Checked] = []
            for number, new in enumerate(items, start=1):
                try:
                    batch.append(check_statement(new, max_text_chars=limit))
                except InvalidInput as error:
                    if numbered:
                        raise InvalidInput(f"row {new.row or number}: {error}") from None
                    raise
                if len(batch) >= BATCH_ROWS:
                    writer.write(batch, results)
                    writer.defer_indexes()  # more than one batch: a bulk import
                    batch = []
            writer.write(batch, results)
            writer.finish()
            writer.correct(results, update=update, note=note)
        finally:
            writer.close()
    return results


def add_statement(db: Database, new: NewStatement) -> Added:
    """Store one statement (its speaker and source found or created); `new` is left as given.
    Added.created is False when the same words by the same speaker in the same source were
    already recorded. Linking is separate: link_new(db, [added.id])."""
    return add_statements(db, [new], numbered=False)[0]
