"""An article extracted again: its stored statements recognised by source and words, and the
date a second extraction gives filled in where the first gave none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.model import InvalidInput, NewStatement
from tracker.store.connection import write_transaction
from tracker.store.corrections import _fold_appearances
from tracker.store.corrections import record as audit
from tracker.store.ingest import Added, AddedList, add_statements
from tracker.store.lookup import SourceCache
from tracker.store.validation import check_statement, content_hash


@dataclass
class Dated:
    """What extracting an article again with a date found: the statements whose missing date
    it filled in, and the other dates its statements are stored with."""

    statement_ids: list[int] = field(default_factory=list)
    stored_dates: set[str] = field(default_factory=set)
    # the sources its new appearances on this date are in: `tracker delete --appearances-in`
    appeared_in: list[int] = field(default_factory=list)
    # the statements stored from it without a source that this extraction's source was given
    sourced: list[int] = field(default_factory=list)
    # the outlet an article given no source was found stored under, whose statements it is
    found_in: str | None = None


def add_article_statements(
    db: Database, rows: Sequence[NewStatement], *, date: str | None
) -> tuple[Dated, AddedList]:
    """Store an extraction's statements (as `add_statements`, a corrected one left out) in one
    transaction. Those stored before from the same source in the same words at the same
    place are the same statements: with `date`, one stored without a date gets it (and its
    said-on date, its source's date and its unnamed speakers' label, where they had none),
    audited. One stored with another date keeps it: the rows are then its appearances on
    this date (the article ran again), as any repeat is, and `stored_dates` names that date.
    Without `date`, an article every statement of which is stored adds nothing."""
    rows = _offices_named(rows)
    with write_transaction(db):
        rows, found_in = _source_before(db, rows)
        sourced = _fill_sources(db, rows)
        if date is None:
            known = _known_article(db, rows)
            if known is not None:
                return Dated(sourced=sourced, found_in=found_in), known
            rows = _stored_date(db, rows)
        dated, rows = _fill_dates(db, rows, date) if date else (Dated(), rows)
        dated.sourced = sourced
        dated.found_in = found_in
        added = add_statements(db, rows, skip_corrected=True)
        appeared = sorted({a.id for a in added if a.appeared})
        if dated.stored_dates and appeared:
            marks = ", ".join("?" for _ in appeared)
            dated.appeared_in = [
                int(source_id)
                for (source_id,) in db.execute(
                    f"SELECT DISTINCT source_id FROM appearances WHERE statement_id IN ({marks})"
                    " AND reported_on = ? AND source_id IS NOT NULL ORDER BY source_id",
                    [*appeared, date],
                )
            ]
    return dated, added


def _source_before(db: Database, rows: Sequence[NewStatement]) -> tuple[Sequence[NewStatement], str | None]:
    """The rows of an article given no source (no --source, no outlet it names) that was
    extracted before with one: every statement stored in one source, in the same words at the
    same place. They are that article's, given its source (no source is not another source,
    as no date is not another date), and the outlet is returned; an article also stored
    without a source, or found in several, is left as given."""
    if not rows or any(new.source or new.url for new in rows):
        return rows, None
    from tracker.link.candidates import fts_phrase

    sources = SourceCache(db)
    try:
        if all(_stored_as(db, sources, new) for new in rows):
            return rows, None  # stored without a source: that one is the article
        first = check_statement(rows[0])
    except InvalidInput:
        return rows, None  # storing says which row, and why
    found = {
        int(source_id)
        for (source_id,) in db.execute(
            "SELECT s.source_id FROM statements_fts f JOIN statements s ON s.id = f.rowid"
            " WHERE statements_fts MATCH ? AND s.text = ? AND s.char_start IS ? AND s.char_end IS ?"
            " AND s.source_id IS NOT NULL",
            [fts_phrase(first.text), first.text, rows[0].char_start, rows[0].char_end],
        )
    }
    if len(found) != 1:
        return rows, None
    (source_id,) = found
    outlet, url, title, author, published = db.execute(
        "SELECT outlet, url, title, author, published FROM sources WHERE id = ?", [source_id]
    ).fetchone()
    given = [
        replace(new, source=outlet, url=url, title=title, author=author, published=published) for new in rows
    ]
    if not all(_stored_as(db, sources, new) for new in given):
        return rows, None  # only some of it: another article that shares a sentence
    return given, str(outlet)


def _offices_named(rows: Sequence[NewStatement]) -> Sequence[NewStatement]:
    """The rows, "the mayor" filed under the one mayor the article names ("Mayor Ines Roth
    said …"), before or after: one report's mayor is one person (several, and it stays
    unnamed, kept for this report)."""
    named = [(new.speaker, new.role) for new in rows if new.role]
    if not named:
        return rows
    out = list(rows)
    for i, new in enumerate(rows):
        if new.role is None:
            holder = speaker_names.office_holder(new.speaker, named)
            if holder is not None:
                out[i] = replace(new, speaker=holder[0], role=holder[1])
    return out


def _stored_date(db: Database, rows: Sequence[NewStatement]) -> Sequence[NewStatement]:
    """The rows of an article extracted again without a date, some of whose statements are
    stored (others deleted or corrected by hand, or new): given the one date those are
    stored with, so that its unnamed speakers are the ones kept for it and the rows its
    source's. No date, or several, and the rows are as given."""
    sources = SourceCache(db)
    try:
        dates = {row[2] for new in rows for row in _stored_as(db, sources, new)}
    except InvalidInput:
        return rows
    if len(dates) != 1 or None in dates:
        return rows
    (stored,) = dates
    return [replace(new, reported_on=stored) for new in rows]


def _known_article(db: Database, rows: Sequence[NewStatement]) -> AddedList | None:
    """The statements stored before, one per row, when every row is one of them: an article
    extracted again without a date, which says nothing new (no date is no other date, and
    its unnamed speakers are those kept for the report when it was first stored, on
    whatever date). None when a row is new: the rows are then stored as any others."""
    if not rows:
        return None
    sources = SourceCache(db)
    try:
        found = [_stored_as(db, sources, new) for new in rows]
    except InvalidInput:
        return None  # storing says which row, and why
    if not all(found):
        return None
    known = AddedList()
    for stored in found:
        known.append(Added(min(int(row[0]) for row in stored), False))
    return known


def _fill_dates(
    db: Database, rows: Sequence[NewStatement], date: str
) -> tuple[Dated, Sequence[NewStatement]]:
    """The dates filled in, and the rows, each the same article's unnamed "police" as the
    statement stored from it (on another date they would be another report's)."""
    found = [_stored_as(db, SourceCache(db), new) for new in rows]
    if not all(found):
        # Two articles may share a sentence at one place (a lede, a stock paragraph, "Police
        # said the road was closed."): only an article every statement of which is stored,
        # each at its place, is the one extracted before.
        return Dated(), rows
    dated = Dated()
    filled_sources: set[int] = set()
    named: list[NewStatement] = []
    for new, stored in zip(rows, found, strict=True):
        named.append(new)
        for sid, said_on, reported_on, source_id, speaker_id, speaker, outlet in stored:
            if speaker_names.scoped(speaker)[1] is not None:
                named[-1] = replace(new, speaker=speaker)  # its name once dated, below
            if reported_on is not None and reported_on != date:
                dated.stored_dates.add(reported_on)
            if reported_on is not None or sid in dated.statement_ids:
                continue
            said = said_on if said_on is not None else new.said_on
            db.execute("UPDATE statements SET reported_on = ?, said_on = ? WHERE id = ?", [date, said, sid])
            before, after = {"reported_on": None, "said_on": said_on}, {"reported_on": date, "said_on": said}
            audit(
                db,
                "edit",
                statement_id=sid,  # what changed only: a date it had, or still lacks, is no change
                before={key: value for key, value in before.items() if after[key] != value},
                after={key: value for key, value in after.items() if before[key] != value},
                note="extracted again with --date",
            )
            dated.statement_ids.append(sid)
            if source_id is not None and source_id not in filled_sources:
                filled_sources.add(source_id)
                # another source may hold this article under that date: then this one keeps none
                db.execute(
                    "UPDATE OR IGNORE sources SET published = ? WHERE id = ? AND published IS NULL",
                    [date, source_id],
                )
            label = _date_unnamed(db, speaker_id, speaker, outlet, date)
            if label is not None:
                named[-1] = replace(new, speaker=label)
    return dated, named


def _fill_sources(db: Database, rows: Sequence[NewStatement]) -> list[int]:
    """The ids of the statements an article extracted before without a source (no --source,
    and no outlet it names) was stored as, now given the source this extraction names: the
    article's statements are in it, as they would have been had it been given the first time
    (its unnamed "police" the ones kept for that report). Only an article every statement of
    which is stored without a source, each at its place, is the one extracted before; a
    statement whose words and speaker the source already holds keeps none. Audited."""
    if not rows or not all(new.source or new.url for new in rows):
        return []
    sources = SourceCache(db)
    try:
        found = [
            _stored_as(db, sources, replace(new, source=None, url=None, title=None, author=None))
            for new in rows
        ]
    except InvalidInput:
        return []  # storing says which row, and why
    if not all(found):
        return []
    filled: list[int] = []
    article = sorted({int(row[0]) for stored in found for row in stored})
    for new, stored in zip(rows, found, strict=True):
        source_id = sources.id_for(check_statement(new))
        for sid, _said_on, reported_on, _source, speaker_id, speaker, _outlet in stored:
            if sid in filled:
                continue
            outlet = db.execute("SELECT outlet FROM sources WHERE id = ?", [source_id]).fetchone()[0]
            (text,) = db.execute("SELECT text FROM statements WHERE id = ?", [sid]).fetchone()
            digest = content_hash(text, speaker_id, source_id)
            if db.execute("SELECT 1 FROM statements WHERE content_hash = ?", [digest]).fetchone():
                continue  # the source holds these words by this speaker already
            if (
                speaker_names.scoped(speaker)[1] is not None
                and db.execute(
                    f"SELECT 1 FROM statements WHERE speaker_id = ? AND id NOT IN ({', '.join('?' for _ in article)})",
                    [speaker_id, *article],
                ).fetchone()
            ):
                continue  # "Officials (no source)" speak in other reports too: not this source's
            db.execute(
                "UPDATE statements SET source_id = ?, content_hash = ? WHERE id = ?", [source_id, digest, sid]
            )
            folded = _fold_appearances(db, sid)  # its sightings in that source are the statement now
            audit(
                db,
                "edit",
                statement_id=sid,
                before={"source": None} | ({"appearances": folded} if folded else {}),
                after={"source": outlet} | ({"appearances": []} if folded else {}),
                note="extracted again with --source",
            )
            _source_unnamed(db, speaker_id, speaker, outlet, reported_on)
            filled.append(sid)
    return filled


def _source_unnamed(db: Database, speaker_id: int, name: str, outlet: str, date: str | None) -> None:
    """ "Police (no source)", kept for one report stored without a source, becomes "Police
    (Dawn)" once the report's source is known: the name its police are found by now."""
    bare, scope = speaker_names.scoped(name)
    if scope is None or speaker_names.scope_label(bare, None, date) != name:
        return
    label = speaker_names.scope_label(bare, outlet, date)
    label_key = speaker_names.key(label)
    if db.execute("SELECT 1 FROM speaker_aliases WHERE key = ?", [label_key]).fetchone():
        return  # that report's police are another speaker already
    db.execute("UPDATE speakers SET name = ? WHERE id = ?", [label, speaker_id])
    db.execute(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
        [speaker_id, label, label_key],
    )


def _stored_as(db: Database, sources: SourceCache, new: NewStatement) -> list[tuple[Any, ...]]:
    """The stored statements that are `new` extracted before: the same words at the same
    place, from the same article's source (or from none, for an article with none)."""
    checked = check_statement(new)
    if new.source or new.url:
        candidates = sources.article_ids(checked)
        if not candidates:
            return []
        in_source = f"s.source_id IN ({', '.join('?' for _ in candidates)})"
    else:
        candidates, in_source = [], "s.source_id IS NULL"
    return list(
        db.execute(
            "SELECT s.id, s.said_on, s.reported_on, s.source_id, s.speaker_id, sp.name, src.outlet"
            " FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
            f" LEFT JOIN sources src ON src.id = s.source_id WHERE {in_source} AND s.text = ?"
            " AND s.char_start IS ? AND s.char_end IS ?",
            [*candidates, checked.text, new.char_start, new.char_end],
        ).fetchall()
    )


def _date_unnamed(db: Database, speaker_id: int, name: str, outlet: str | None, date: str) -> str | None:
    """ "Police (Dawn)", kept for one undated report, becomes "Police (Dawn, 2025-05-10)": the
    name the report's police are found by now that it has a date (returned when renamed)."""
    bare, scope = speaker_names.scoped(name)
    if scope is None or speaker_names.scope_label(bare, outlet, None) != name:
        return None
    label = speaker_names.scope_label(bare, outlet, date)
    label_key = speaker_names.key(label)
    if db.execute("SELECT 1 FROM speaker_aliases WHERE key = ?", [label_key]).fetchone():
        return None  # that report's police are another speaker already
    db.execute("UPDATE speakers SET name = ? WHERE id = ?", [label, speaker_id])
    db.execute(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
        [speaker_id, label, label_key],
    )
    return label
