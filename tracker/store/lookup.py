"""Which stored speaker or source a statement names: one-off resolution, and the caches an
import resolves many mentions through (speakers and sources created when new)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.model import InvalidInput, NewStatement, SpeakerKind
from tracker.patterns import lazy
from tracker.store.connection import now
from tracker.store.validation import Checked, Prepared


def speaker_candidates(db: Database) -> list[speaker_names.Candidate]:
    keys: dict[int, set[str]] = {}
    for speaker_id, alias_key in db.execute("SELECT speaker_id, key FROM speaker_aliases"):
        keys.setdefault(speaker_id, set()).add(alias_key)
    return [
        speaker_names.Candidate(row[0], row[1], frozenset(keys.get(row[0], ())), row[2], row[3])
        for row in db.execute("SELECT id, name, kind, affiliation FROM speakers")
    ]


def _only(ids: Iterable[int]) -> int | None:
    unique = list(dict.fromkeys(ids))
    return unique[0] if len(unique) == 1 else None


class Filed(NamedTuple):
    """Where a mention was filed: the speaker, the role it stated, (when it named less than a
    whole person, "Singh") the name to check again as speakers with its surname arrive, and
    the speakers it cannot be told apart from (one name, no affiliation to choose by)."""

    speaker_id: int
    role: str | None
    watch: str | None
    uncertain: tuple[int, ...] = ()


class SpeakerCache:
    """Resolves many mentions against the speakers table with one read (for imports).

    Answers as `speakers.resolve` over every stored speaker would, but from indexes (by key
    and by surname), so thousands of new speakers in one import cost linear time, not
    quadratic.
    """

    def __init__(self, db: Database):
        self.db = db
        self.exact: dict[tuple[str, str, str], Filed] = {}  # (name, affiliation, gender) -> where filed
        self._mentions: dict[str, speaker_names.Mention] = {}
        self._by_key: dict[str, list[int]] = {}
        self._by_surname: dict[str, list[tuple[int, str]]] = {}  # surname -> (id, key)
        self._kinds: dict[int, str] = {}
        self._affiliations: dict[int, str | None] = {}  # id -> affiliation key
        self._stated: dict[int, str] = {}  # id -> affiliation as stored, keyed when first asked
        self._indexed = False
        self._surname_queries = 0  # surnames looked up in SQL before the index was built
        self._possible: dict[str, list[int]] = {}  # name key -> speakers stored before
        self.surnames_to_check: set[str] = set()  # of new speakers and watched mentions
        self._filled: set[int] = set()  # speakers a mention has said are persons
        self._genders: dict[int, str | None] = {}  # id -> the gender its honorifics show
        self._unnamed: dict[tuple[str, int | None, str | None], int] = {}  # (generic key, source, day)
        self._generic: dict[str, str | None] = {}  # name -> its generic key, None when named

    def _ensure_index(self) -> None:
        # built once many names have been looked up (an import): a single `add` costs a few
        # queries instead of a pass over every speaker
        if not self._indexed:
            self._indexed = True
            for candidate in speaker_candidates(self.db):
                self._index(
                    candidate.id, {speaker_names.key(candidate.name), *candidate.keys}, candidate.kind
                )
                if candidate.affiliation:
                    self._stated[candidate.id] = candidate.affiliation

    def _index(self, speaker_id: int, keys: Iterable[str], kind: str = "unknown") -> None:
        self._kinds[speaker_id] = kind
        for name_key in keys:
            self._by_key.setdefault(name_key, []).append(speaker_id)
            surname = speaker_names.surname(name_key)
            if surname:
                self._by_surname.setdefault(surname, []).append((speaker_id, name_key))

    def _surnamed(self, surname: str) -> list[tuple[int, str, str | None]]:
        """(speaker id, key, kind) of every stored name or alias with this surname, by speaker
        id: from SQL for the first few surnames (one `add` asks two or three), then, as an
        import asks more, from the index, which costs one pass over every speaker."""
        if not self._indexed:
            self._surname_queries += 1
            if self._surname_queries > SURNAME_QUERIES_BEFORE_INDEX:
                self._ensure_index()
        if self._indexed:
            return [(i, k, self._kinds.get(i)) for i, k in self._by_surname.get(surname, ())]
        return keys_with_surname(self.db, surname)

    def find(
        self, name: str, kind: SpeakerKind | str | None = None, affiliation: str | None = None
    ) -> int | None:
        """`speakers.resolve(name, every speaker).speaker_id`: exact, then a shorter form."""
        return self._find(name, _kind(kind, name), affiliation_key(affiliation)).speaker_id

    def _gender(self, speaker_id: int) -> str | None:
        if speaker_id not in self._genders:
            keys = [
                k
                for (k,) in self.db.execute(
                    "SELECT key FROM speaker_aliases WHERE speaker_id = ?", [speaker_id]
                )
            ]
            self._genders[speaker_id] = speaker_names.gender_of(keys)
        return self._genders[speaker_id]

    def _same_gender(self, ids: Iterable[int], gender: str | None) -> list[int]:
        """The speakers whose honorifics show no gender other than the mention's."""
        return [i for i in ids if not gender or self._gender(i) in (None, gender)]

    def _affiliation(self, speaker_id: int) -> str | None:
        if speaker_id not in self._affiliations and self._indexed:
            self._affiliations[speaker_id] = affiliation_key(self._stated.get(speaker_id))
        if speaker_id not in self._affiliations:
            row = self.db.execute("SELECT affiliation FROM speakers WHERE id = ?", [speaker_id]).fetchone()
            self._affiliations[speaker_id] = affiliation_key(row[0] if row else None)
        return self._affiliations[speaker_id]

    def _find(
        self, name: str, kind: SpeakerKind, affiliation: str | None, gender: str | None = None
    ) -> speaker_names.Resolution:
        """The speaker as `speakers.resolve` says, and whether the mention must be watched."""
        wanted = speaker_names.key(name)
        parsed = speaker_names.parse_name(wanted)
        person = speaker_names.person_like(kind)
        partial = person and parsed.partial
        owners = self._same_gender(self._owners(wanted), gender)
        if owners and not (partial and parsed.surname):
            return speaker_names.choose(owners, affiliation, self._affiliation, partial, exact=True)
        if not person or not parsed.surname:
            return speaker_names.Resolution(None)
        fits = [
            speaker_id
            for speaker_id, other, other_kind in self._surnamed(parsed.surname)
            if speaker_names.person_like(other_kind)
            and speaker_names.names_fit(parsed, speaker_names.parse_name(other))
        ]
        fits = self._same_gender(fits, gender)
        if owners:  # "Brandt", a placeholder's very name, and the surname of "Anna Brandt"
            both = list(dict.fromkeys([*owners, *fits]))
            return speaker_names.choose(both, affiliation, self._affiliation, partial, exact=True)
        found = speaker_names.choose(fits, affiliation, self._affiliation, partial or bool(fits))
        if gender and found.speaker_id is not None and self._gender(found.speaker_id) is None:
            # "Mrs. Trump" and the one Trump stored, whose gender nothing shows: maybe her,
            # maybe another Trump. Filed under that speaker, and flagged for a person to check.
            return speaker_names.Resolution(None, (found.speaker_id,), partial=found.partial, exact=True)
        return found

    def _unnamed_of(self, name: str) -> str | None:
        """`_unnamed_key(name)`, remembered: it costs more than the rest of a known name's filing."""
        if name not in self._generic:
            if len(self._generic) >= 100_000:
                self._generic.clear()
            self._generic[name] = _unnamed_key(name)
        return self._generic[name]

    def _parse(self, mention: str) -> speaker_names.Mention:
        """The mention split into name, role and kind, remembered."""
        if mention not in self._mentions:
            if len(self._mentions) >= 100_000:  # bounded: one entry per distinct mention
                self._mentions.clear()
            self._mentions[mention] = speaker_names.split_mention(mention)
        return self._mentions[mention]

    def possible(self, mention: str, source_id: int | None = None, day: str | None = None) -> list[int]:
        """Every speaker the mention could name, by any of find's rules, even where together
        they make it ambiguous, and the speakers merged into them since. Remembered per name:
        only speakers stored before the first call can matter to the caller (statements
        stored before this import). A speaker nobody names is the one kept for this source,
        or one stored under that very name before speakers were kept per source."""
        parsed = self._parse(mention)
        wanted = speaker_names.key(parsed.name)
        unnamed = self._unnamed_of(parsed.name)
        if unnamed is not None:
            found = [self._stored_unnamed(unnamed, source_id, day), *self._owners(wanted)]
            ids = list(dict.fromkeys(i for i in found if i is not None))
            return ids + merged_into(self.db, ids)
        if wanted not in self._possible:
            if len(self._possible) >= 100_000:
                self._possible.clear()
            self._possible[wanted] = self._possible_for(wanted, parsed.kind)
        return self._possible[wanted]

    def _possible_for(self, wanted: str, kind: SpeakerKind) -> list[int]:
        parsed = speaker_names.parse_name(wanted)
        if self._possible:  # a second name: more will come, and the index serves them all
            self._ensure_index()
        found = self._owners(wanted)
        if speaker_names.person_like(kind) and parsed.surname:
            found += [
                speaker_id
                for speaker_id, other, other_kind in self._surnamed(parsed.surname)
                if speaker_names.person_like(other_kind)
                and speaker_names.names_fit(parsed, speaker_names.parse_name(other))
            ]
        found = list(dict.fromkeys(found))
        return found + merged_into(self.db, found)

    def _owners(self, name_key: str) -> list[int]:
        if self._indexed:
            return list(self._by_key.get(name_key, []))
        rows = self.db.execute("SELECT DISTINCT speaker_id FROM speaker_aliases WHERE key = ?", [name_key])
        return [int(row[0]) for row in rows]

    def _stored_unnamed(self, unnamed: str, source_id: int | None, day: str | None) -> int | None:
        """The speaker kept for an unnamed "police" or "officials" in this report (its source
        and day), if any."""
        memo = (unnamed, source_id, day)
        if memo not in self._unnamed:
            label = speaker_names.key(self._label(unnamed, source_id, day))
            ids = self._owners(f"{label} source {source_id}") if source_id is not None else []
            if not ids:
                ids = self._owners(label)
                if source_id is not None:  # the same outlet and day, another report
                    ids = [i for i in ids if self._speaks_in(i, source_id)]
            if not ids:
                return None
            self._unnamed[memo] = min(ids)
        return self._unnamed[memo]

    def _label(self, name: str, source_id: int | None, day: str | None) -> str:
        outlet = None
        if source_id is not None:
            row = self.db.execute("SELECT outlet FROM sources WHERE id = ?", [source_id]).fetchone()
            outlet = row[0] if row else None
        return speaker_names.scope_label(name, outlet, day)

    def _speaks_in(self, speaker_id: int, source_id: int) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM statements WHERE speaker_id = ? AND source_id = ? LIMIT 1", [speaker_id, source_id]
        ).fetchone()
        return row is not None

    def _resolve_unnamed(
        self,
        name: str,
        unnamed: str,
        role: str | None,
        affiliation: str | None,
        kind: str | None,
        scope: tuple[int | None, str | None],
    ) -> Filed:
        """ "Police said" in one report is one speaker, kept apart from every other report's
        police: "Police (Dawn, 2025-05-10)"."""
        source_id, day = scope
        speaker_id = self._stored_unnamed(unnamed, source_id, day)
        if speaker_id is None:
            label = self._label(name, source_id, day)  # as written: "US officials"
            if source_id is not None and self._owners(speaker_names.key(label)):
                label = speaker_names.with_source(label, source_id)  # two reports, one outlet and day
            new_kind = kind or speaker_names.unnamed_kind(unnamed).value
            speaker_id = self._create(label, new_kind, role, affiliation, [label])
            self._unnamed[unnamed, source_id, day] = speaker_id
        return Filed(speaker_id, role, None)

    def _create(
        self, name: str, kind: str, role: str | None, affiliation: str | None, aliases: list[str]
    ) -> int:
        speaker_id = _insert(
            self.db,
            "speakers",
            {"name": name, "kind": kind, "role": role, "affiliation": affiliation, "created_at": now()},
        )
        keyed = {alias: speaker_names.key(alias) for alias in aliases}
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
            [(speaker_id, alias, alias_key) for alias, alias_key in keyed.items()],
        )
        keys = list(dict.fromkeys(keyed.values()))
        self._affiliations[speaker_id] = affiliation_key(affiliation)
        if self._indexed:
            self._index(speaker_id, keys, kind)
        return speaker_id

    def _note_honorific(self, speaker_id: int, parsed: speaker_names.Mention) -> None:
        """Keep "Mr. Sharif" as an alias of the speaker it named by its very name: the gender
        it shows then rules out a "Mrs. Sharif" (a surname that fits a fuller name adds none)."""
        written = speaker_names.key(parsed.as_written)
        if not parsed.honorific or self._owners(written):
            return
        named = self.db.execute(
            "SELECT 1 FROM speaker_aliases WHERE speaker_id = ? AND key = ?",
            [speaker_id, speaker_names.key(parsed.name)],
        ).fetchone()
        if named:
            self.db.execute(
                "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, key) VALUES (?, ?, ?)",
                [speaker_id, parsed.as_written, written],
            )
            self._genders.pop(speaker_id, None)
            if self._indexed:
                self._index(speaker_id, [written], self._kinds.get(speaker_id, "unknown"))

    def resolve(
        self,
        mention: str,
        *,
        role: str | None,
        affiliation: str | None,
        kind: str | None,
        source_id: int | None = None,
        day: str | None = None,
    ) -> Filed:
        """The speaker for a mention (created when new), the role it stated, and the name to
        watch when it named less than a whole person. A speaker nobody names ("police",
        "officials") is kept per report: its source and `day`."""
        parsed = self._parse(mention)
        stated_role = role or parsed.role
        unnamed = self._unnamed_of(parsed.name)
        if unnamed is not None or parsed.name != mention.strip():
            # a name a person gave a speaker (`speakers alias`) means that speaker as written,
            # before a title is split off ("Mayor Brandt") or a description kept per report
            owners = set(self._owners(speaker_names.key(mention)))
            if len(owners) == 1:
                return Filed(owners.pop(), stated_role, None)
        if unnamed is not None:
            return self._resolve_unnamed(
                parsed.name, unnamed, stated_role, affiliation, kind, (source_id, day)
            )
        mention_key = speaker_names.key(parsed.name)
        memo = (mention_key, affiliation_key(affiliation) or "", parsed.gender or "")
        if memo in self.exact:
            filed = self.exact[memo]
            self._fill_person(filed.speaker_id, parsed, kind)
            return filed._replace(role=stated_role)
        resolve_kind = _kind(kind, parsed.name) if kind else parsed.kind
        found = self._find(parsed.name, resolve_kind, memo[1] or None, parsed.gender)
        watch = found.partial
        uncertain: tuple[int, ...] = ()
        if found.speaker_id is None and found.exact:
            # one name, several speakers, nothing to choose by: the first, flagged
            uncertain = found.ambiguous_with
            speaker_id = min(uncertain)
        elif found.speaker_id is not None:
            speaker_id = found.speaker_id
            if affiliation and self._affiliation(speaker_id) is None:
                self.db.execute(
                    "UPDATE speakers SET affiliation = ? WHERE id = ? AND affiliation IS NULL",
                    [affiliation, speaker_id],
                )
                self._affiliations[speaker_id] = memo[1]
            self._fill_person(speaker_id, parsed, kind)
            self._note_honorific(speaker_id, parsed)
        else:
            new_kind = kind or (
                SpeakerKind.PERSON.value
                if parsed.honorific
                else parsed.kind.value  # a label kept for one report: "Mayor (Dawn)"
                if speaker_names.scoped(parsed.name)[1] is not None
                else speaker_names.guess_kind(parsed.name, stated_role).value
            )
            speaker_id = self._create(
                parsed.name, new_kind, stated_role, affiliation, [parsed.name, parsed.as_written]
            )
            surname = speaker_names.parse_name(mention_key).surname
            if surname and speaker_names.person_like(new_kind):
                self.surnames_to_check.add(surname)
        filed = Filed(speaker_id, stated_role, parsed.name if watch else None, uncertain)
        if watch:  # not remembered: a speaker with its surname may arrive in this import
            self.surnames_to_check.add(speaker_names.parse_name(mention_key).surname)
        elif not uncertain:
            self.exact[memo] = filed
        return filed

    def _fill_person(self, speaker_id: int, parsed: speaker_names.Mention, kind: str | None) -> None:
        """ "Deputy PM Ishaq Dar" says what a bare "Ishaq Dar" did not: a person, and a role."""
        if parsed.kind is SpeakerKind.PERSON and not kind and speaker_id not in self._filled:
            self._filled.add(speaker_id)
            self.db.execute(
                "UPDATE speakers SET kind = 'person', role = coalesce(role, ?)"
                " WHERE id = ? AND kind = 'unknown'",
                [parsed.role, speaker_id],
            )

    def recheck(self) -> None:
        """Flag the statements filed under a surname alone that two speakers now fit."""
        if self.surnames_to_check:
            recheck_surnames(self.db, self.surnames_to_check, self)
            self.surnames_to_check = set()

    def with_surname(self, surname: str) -> list[tuple[int, str]]:
        """(speaker id, key) of every person-like name or alias with this surname."""
        self._ensure_index()
        return [
            (speaker_id, name_key)
            for speaker_id, name_key in self._by_surname.get(surname, ())
            if speaker_names.person_like(self._kinds.get(speaker_id))
        ]


def _unnamed_key(name: str) -> str | None:
    """The generic key of a speaker nobody names, unless the name already carries its scope
    ("Police (Dawn, 2025-05-10)" typed by a user names that one speaker)."""
    if speaker_names.scoped(name)[1] is not None:
        return None
    return speaker_names.generic_key(name)


def affiliation_key(affiliation: str | None) -> str | None:
    """An affiliation as resolution compares them ("PML-N" and "pml n" are one)."""
    return speaker_names.key(affiliation) or None if affiliation else None


def surname_of(name: str) -> str:
    return speaker_names.parse_name(speaker_names.key(name)).surname


def _kind(kind: SpeakerKind | str | None, name: str) -> SpeakerKind:
    if kind is None:
        return speaker_names.guess_kind(name)
    return SpeakerKind(kind)


def merged_into(db: Database, speaker_ids: Sequence[int]) -> list[int]:
    """The speakers once merged into these (and not unmerged): a statement stored before a
    merge keeps the content hash of the speaker it was filed under."""
    if not speaker_ids:
        return []
    marks = ", ".join("?" for _ in speaker_ids)
    return [
        int(row[0])
        for row in db.execute(
            f"SELECT absorbed_id FROM speaker_merges WHERE kept_id IN ({marks}) AND undone_at IS NULL",
            list(speaker_ids),
        )
    ]


# surnames a SpeakerCache looks up in SQL before it indexes every speaker: each query reads
# the alias keys once, as building the index does, but in SQLite and without parsing them
SURNAME_QUERIES_BEFORE_INDEX = 16


def keys_with_surname(db: Database, surname: str) -> list[tuple[int, str, str | None]]:
    """(speaker id, key, kind) of every alias key whose surname is this one, by speaker id.

    A surname is one of a key's words, so SQLite picks out the few keys that hold the word
    (`instr`, not LIKE: a key may hold "_", which LIKE takes for any character) in one scan
    of the (key, speaker_id) index ("+" keeps the sort off the other index, which would read
    every row), and only those are parsed. No column holds a key's surname, so the scan reads
    every key; it costs about 1 ms at 4,000 speakers, where parsing them costs 60. Every
    speaker's name is one of its alias keys: each writer of a speaker's name stores it too."""
    rows = db.execute(
        "SELECT a.speaker_id, a.key, sp.kind FROM speaker_aliases a JOIN speakers sp"
        " ON sp.id = a.speaker_id WHERE instr(' ' || a.key || ' ', ?) > 0 ORDER BY +a.speaker_id",
        [f" {surname} "],
    ).fetchall()
    return [
        (int(speaker_id), name_key, kind)
        for speaker_id, name_key, kind in rows
        if speaker_names.surname(name_key) == surname
    ]


def _stored_with_surname(db: Database, surname: str) -> list[tuple[int, str]]:
    return [
        (speaker_id, name_key)
        for speaker_id, name_key, kind in keys_with_surname(db, surname)
        if speaker_names.person_like(kind)
    ]


def recheck_surnames(db: Database, surnames: Iterable[str], cache: SpeakerCache | None = None) -> int:
    """Flag for review every statement filed under a shorter name ("Singh", "I. Dar") that
    more than one stored speaker now fits; returns how many were newly flagged."""
    flagged = 0
    stamp = now()
    for surname in sorted(surnames):
        watched = db.execute(
            "SELECT statement_id, name, affiliation FROM speaker_mentions WHERE surname = ?", [surname]
        ).fetchall()
        if not watched:
            continue
        # one `add` has no index, and one query costs less than building it
        indexed = cache is not None and cache._indexed
        stored = cache.with_surname(surname) if cache and indexed else _stored_with_surname(db, surname)
        affiliations = {
            int(i): affiliation_key(a)
            for i, a in db.execute(
                f"SELECT id, affiliation FROM speakers WHERE id IN ({', '.join('?' for _ in stored)})",
                [speaker_id for speaker_id, _ in stored],
            )
        }
        open_to: dict[tuple[str, str | None], tuple[int, ...]] = {}  # many statements, few names
        rows = []
        for statement_id, name, affiliation in watched:
            if (name, affiliation) not in open_to:
                fits = speaker_names.fuller_fits(speaker_names.key(name), stored)
                found = speaker_names.choose(fits, affiliation, affiliations.get)
                open_to[name, affiliation] = () if found.speaker_id is not None else found.ambiguous_with
            if len(open_to[name, affiliation]) > 1:
                rows.append((statement_id, name, json.dumps(list(open_to[name, affiliation])), stamp))
        if rows:
            before = db.execute("SELECT count(*) FROM speaker_reviews").fetchone()[0]
            db.conn.executemany(
                """INSERT INTO speaker_reviews (statement_id, mention, candidates, created_at)
                   VALUES (?, ?, ?, ?) ON CONFLICT (statement_id)
                   DO UPDATE SET candidates = excluded.candidates""",
                rows,
            )
            flagged += db.execute("SELECT count(*) FROM speaker_reviews").fetchone()[0] - before
    return flagged


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))
    return int(cursor.lastrowid or 0)


def source_id_for(db: Database, prepared: Prepared | Checked) -> int | None:
    """The source a statement was reported in (created when new; empty fields filled in)."""
    return SourceCache(db).id_for(prepared)


_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class SourceCache:
    """Source ids by URL, else by outlet, title, author and date, remembered for a bounded number of sources (for imports)."""

    LIMIT = 20_000  # sources remembered; a miss only costs one indexed query

    def __init__(self, db: Database):
        self.db = db
        self.known: dict[tuple[str, ...], list[Any]] = {}  # key -> [id, title, author, published]
        self.outlets: dict[str, str] | None = None  # outlet_key -> stored outlet, read on first need
        self.domains: dict[str, str] = {}  # the name a domain's outlet would have -> that domain

    def _outlet(self, new: NewStatement) -> str:
        """One outlet however a statement names it: the name given, else the host its URL is
        on, as an outlet already stored under the same name ("Dawn", "DAWN") or one whose domain
        is the name's ("Dawn" for https://www.dawn.com/… and for "dawn.com", "CNN" for
        edition.cnn.com, and back), else as given (a URL given as the name: its bare host)."""
        if self.outlets is None:
            self.outlets = {}
            for (name,) in self.db.execute("SELECT DISTINCT outlet FROM sources"):
                self._know(name)
        if new.source and "://" not in new.source and not _HOST.fullmatch(new.source):
            key = outlet_key(new.source)
            found = self.outlets.get(key) or self.domains.get(key)
            return found or self._know(new.source)
        host = _outlet_from_url(new.source or new.url or "")
        for key in _domain_keys(host):
            if key in self.outlets:
                return self.outlets[key]
        return self._know(new.source if new.source and "://" not in new.source else host)

    def _know(self, name: str) -> str:
        """Remember a stored (or about to be stored) outlet by its key and, for a domain, by
        the names an outlet on it would have."""
        assert self.outlets is not None
        self.outlets.setdefault(outlet_key(name), name)
        if _HOST.fullmatch(name):
            for key in _domain_keys(_outlet_from_url(name))[1:]:
                self.domains.setdefault(key, name)
        return name

    def _stored(self, prepared: Prepared | Checked) -> tuple[str, tuple[str, ...], list[Any] | None]:
        """(outlet, cache key, [id, title, author, published] when the source is stored).

        A source with a URL is the one of that URL. Without one it is a report of its outlet
        by its title, then author and date: a row that gives an author or date the stored
        report lacks (or leaves out one it has) is that report when no other stored one fits
        it too; another author or date is another report. A title is never filled in or left
        out: no row cites another article's title."""
        new = prepared.new
        outlet = self._outlet(new)
        # the unique index compares outlets with NOCASE, which folds ASCII letters only
        folded = outlet.translate(_NOCASE)
        if new.url:
            cache_key: tuple[str, ...] = (folded, new.url)
            entry = self.known.get(cache_key)
            if entry is None:
                row = self.db.execute(
                    "SELECT id, title, author, published FROM sources WHERE url = ?"
                    " ORDER BY outlet = ? COLLATE NOCASE DESC, id LIMIT 1",
                    [new.url, outlet],
                ).fetchone()
                if row is not None:
                    entry = list(row)
                    self._remember(cache_key, entry)
            return outlet, cache_key, entry
        given = (new.title or "", new.author or "", _published(prepared) or "")
        cache_key = (folded, "", *given)
        entry = self.known.get(cache_key)
        if entry is None:
            rows = [
                list(row)
                for row in self.db.execute(
                    "SELECT id, title, author, published FROM sources WHERE url IS NULL"
                    " AND outlet = ? COLLATE NOCASE AND ifnull(title, '') = ?",
                    [outlet, given[0]],
                )
            ]
            exact = [r for r in rows if tuple(v or "" for v in r[1:]) == given]
            fits = exact or [r for r in rows if _fits(r[2:], given[1:])]
            if len(fits) == 1:
                entry = fits[0]
                self._remember(cache_key, entry)
        return outlet, cache_key, entry

    def article_ids(self, prepared: Prepared | Checked) -> list[int]:
        """The stored sources that may be the row's report on any date: its URL's, else its
        outlet's reports of its title (and author)."""
        new = prepared.new
        if new.url:
            return [int(r[0]) for r in self.db.execute("SELECT id FROM sources WHERE url = ?", [new.url])]
        if not new.source:
            return []
        rows = self.db.execute(
            "SELECT id, author FROM sources WHERE url IS NULL AND outlet = ? COLLATE NOCASE"
            " AND ifnull(title, '') = ?",
            [self._outlet(new), new.title or ""],
        )
        given = (new.author or "", "")
        return [int(i) for i, author in rows if _fits((author, None), given)]

    def stored_id(self, prepared: Prepared | Checked) -> tuple[bool, int | None]:
        """(whether the row's source is stored, or it names none; its id), storing nothing."""
        new = prepared.new
        if not new.source and not new.url:
            return True, None
        entry = self._stored(prepared)[2]
        return (True, int(entry[0])) if entry is not None else (False, None)

    def id_for(self, prepared: Prepared | Checked) -> int | None:
        new = prepared.new
        if not new.source and not new.url:
            return None
        published = _published(prepared)
        outlet, cache_key, entry = self._stored(prepared)
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
        filled = [
            entry[0],
            *(
                old if old is not None else value
                for old, value in zip(entry[1:], (new.title, new.author, published), strict=True)
            ),
        ]
        if filled != entry:  # the per-row UPDATE … coalesce() would change something
            self.db.execute(
                "UPDATE sources SET title = ?, author = ?, published = ? WHERE id = ?",
                [*filled[1:], entry[0]],
            )
            entry[:] = filled
        return int(entry[0])

    def _remember(self, cache_key: tuple[str, ...], entry: list[Any]) -> None:
        if len(self.known) >= self.LIMIT:
            self.known.clear()
        self.known[cache_key] = entry


def _published(prepared: Prepared | Checked) -> str | None:
    """The date of the report a row is in: its source's, else the day it was reported."""
    return prepared.published or prepared.reported_on


def _fits(stored: Sequence[str | None], given: Sequence[str]) -> bool:
    """Whether a stored report's author and date agree with a row's, where both give one."""
    return all(not old or not value or old == value for old, value in zip(stored, given, strict=True))


def _outlet_from_url(url: str) -> str:
    """The host a URL is on, as an outlet: no scheme, credentials or port, lower case, and no
    "www." or mobile "m." / "amp." in front (https://user:pw@m.Dawn.com:443/x → dawn.com)."""
    from urllib.parse import urlsplit

    text = url.strip()
    try:
        host = urlsplit(text if "://" in text else f"//{text}").hostname or ""
    except ValueError:  # a malformed port or bracket: keep what stands before the path
        host = (
            re.sub(r"^[a-z]+://", "", text, flags=re.I).split("/")[0].rsplit("@", 1)[-1].split(":")[0].lower()
        )
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    return host or text


def outlet_key(name: str) -> str:
    """An outlet's name or domain as letters and digits only: "The Hindu" and "thehindu" meet."""
    return re.sub(r"[\W_]+", "", name.casefold())


# a bare domain given as an outlet's name ("dawn.com", "Caliber.Az", "www.bbc.co.uk/")
_HOST = lazy(r"(?:[a-z0-9-]+\.)+[a-z]{2,}/?", re.IGNORECASE)
# second-level labels under a country's domain that name no outlet (bbc.co.uk → bbc)
_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "gov", "ac", "edu", "gob", "or", "ne"))


def _domain_keys(host: str) -> list[str]:
    """The keys an outlet named for this domain would have: the domain's, then the name under
    its suffix ("edition.cnn.com" → editioncnncom, cnn; "bbc.co.uk" → bbccouk, bbc) and its
    first label ("caliber.az" → caliberaz, caliber)."""
    labels = host.split(".")
    if len(labels) < 2:
        return [outlet_key(host)]
    suffix = 2 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 1
    names = [labels[-suffix - 1], labels[0]]
    return list(dict.fromkeys([outlet_key(host), *(outlet_key(n) for n in names if n)]))


def speaker_ids_matching(db: Database, name: str) -> list[int]:
    """Speakers a filter name means: by id, exact name/alias, or resolution; every one kept
    for an unnamed "police". A person's name that fits several is refused (InvalidInput)."""
    if name.strip().isdigit():
        return [int(name.strip())]
    mention = speaker_names.split_mention(name)
    found = speaker_names.resolve(mention.name, speaker_candidates(db), mention.kind)
    if found.speaker_id is not None:
        return [found.speaker_id]
    if len(found.ambiguous_with) > 1 and _unnamed_key(mention.name) is None:
        raise InvalidInput(ambiguous_speaker(db, name.strip(), found.ambiguous_with))
    return list(found.ambiguous_with)


def ambiguous_speaker(db: Database, name: str, ids: Sequence[int]) -> str:
    """The error of a name that fits several speakers, naming each by name and id."""
    marks = ", ".join("?" for _ in ids)
    named = db.execute(f"SELECT id, name FROM speakers WHERE id IN ({marks}) ORDER BY id", list(ids))
    choices = " or ".join(f"{who} (id {speaker_id})" for speaker_id, who in named)
    return f"{name!r} may be {choices}: give the speaker's id"
