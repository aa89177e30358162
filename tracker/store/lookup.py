"""Which stored speaker or source a statement names: one-off resolution, and the caches an
import resolves many mentions through (speakers and sources created when new)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tracker import speakers as speaker_names
from tracker.model import NewStatement
from tracker.store.connection import now
from tracker.store.validation import Checked, Prepared


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
                (owner, speaker_names._tokens(key)) for key, owner in rows if tokens and tokens[-1] in key
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


def source_id_for(db: Database, prepared: Prepared | Checked) -> int | None:
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

    def stored_id(self, prepared: Prepared | Checked) -> tuple[bool, int | None]:
        """(whether the row's source is stored, or it names none; its id), storing nothing."""
        new = prepared.new
        if not new.source and not new.url:
            return True, None
        entry = self._stored(new)[2]
        return (True, int(entry[0])) if entry is not None else (False, None)

    def id_for(self, prepared: Prepared | Checked) -> int | None:
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

    def _remember(self, cache_key: tuple[str, str], entry: list[Any]) -> None:
        if len(self.known) >= self.LIMIT:
            self.known.clear()
        self.known[cache_key] = entry


def _outlet_from_url(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip(), flags=re.I).split("/")[0]
    return host.removeprefix("www.") or url


def speaker_ids_matching(db: Database, name: str) -> list[int]:
    """Speakers a filter name means: by id, exact name/alias, or resolution."""
    if name.strip().isdigit():
        return [int(name.strip())]
    found = speaker_names.resolve(speaker_names.split_mention(name).name, speaker_candidates(db))
    if found.speaker_id is not None:
        return [found.speaker_id]
    return list(found.ambiguous_with)
