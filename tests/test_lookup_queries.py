"""Speaker lookups in SQL (what one `add` runs) against the index of every speaker (what an
import builds): the same speakers, the same choice, the same flags, on a ledger that holds
the ambiguous cases (two speakers with one surname, an alias, an affiliation, a surname that
is part of another word, a name ending in an initial)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tracker.model import NewStatement
from tracker.store import SpeakerCache, add_statement, add_statements, lookup, open_db
from tracker.store.speaker_admin import add_alias

LEDGER = [
    ("a", "Ishaq Dar", None),  # 1
    ("b", "Ahmad Dar", "PML-N"),  # 2
    ("c", "Dargahi Khan", None),  # 3: "dar" only inside a word
    ("d", "Dar I.", None),  # 4: a surname before an initial
    ("e", "Dar Group", None),  # 5: an organisation, its last word no surname of a Dar
    ("f", "Mrs. Fatima Bhutto", None),  # 6: a woman's honorific kept as an alias
    ("g", "Zulfikar Bhutto", None),  # 7
]


def speakers(db: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.execute("SELECT id, name, kind, affiliation FROM speakers ORDER BY id")]


def filed(db: Any) -> dict[str, int]:
    return dict(db.execute("SELECT text, speaker_id FROM statements ORDER BY id").fetchall())


def flagged(db: Any) -> dict[str, tuple[str, list[int]]]:
    rows = db.execute(
        "SELECT s.text, r.mention, r.candidates FROM speaker_reviews r"
        " JOIN statements s ON s.id = r.statement_id ORDER BY s.id"
    ).fetchall()
    return {text: (mention, json.loads(candidates)) for text, mention, candidates in rows}


@pytest.fixture
def db(tmp_path: Any) -> Any:
    db = open_db(tmp_path / "t.db")
    for text, speaker, affiliation in LEDGER:
        add_statement(db, NewStatement(text=text, speaker=speaker, affiliation=affiliation))
    add_alias(db, "Ishaq Dar", "Finance Minister_Dar")  # a key that holds "_"
    return db


@pytest.fixture
def index_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a SpeakerCache indexed every speaker."""
    built: list[int] = []
    ensure = SpeakerCache._ensure_index

    def counted(self: SpeakerCache) -> None:
        if not self._indexed:
            built.append(1)
        ensure(self)

    monkeypatch.setattr(SpeakerCache, "_ensure_index", counted)
    return built


def test_the_ledger_is_as_the_cases_need(db):
    assert speakers(db) == [
        (1, "Ishaq Dar", "unknown", None),
        (2, "Ahmad Dar", "unknown", "PML-N"),
        (3, "Dargahi Khan", "unknown", None),
        (4, "Dar I.", "unknown", None),
        (5, "Dar Group", "organisation", None),
        (6, "Fatima Bhutto", "person", None),
        (7, "Zulfikar Bhutto", "unknown", None),
    ]


def test_keys_with_a_surname_are_the_whole_word_ones_by_speaker(db):
    assert lookup.keys_with_surname(db, "dar") == [
        (1, "ishaq dar", "unknown"),
        (2, "ahmad dar", "unknown"),
        (4, "dar i", "unknown"),
    ]
    assert lookup.keys_with_surname(db, "minister_dar") == [(1, "finance minister_dar", "unknown")]
    assert lookup.keys_with_surname(db, "bhutto") == [
        (6, "fatima bhutto", "person"),
        (6, "mrs fatima bhutto", "person"),
        (7, "zulfikar bhutto", "unknown"),
    ]
    assert lookup.keys_with_surname(db, "group") == [(5, "dar group", "organisation")]
    assert lookup.keys_with_surname(db, "ar") == []  # no key holds the word "ar"
    assert lookup.keys_with_surname(db, "khan") == [(3, "dargahi khan", "unknown")]


def test_the_surname_query_reads_one_index_and_the_speakers_by_id(db):
    plan = [
        row[3]
        for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT a.speaker_id, a.key, sp.kind FROM speaker_aliases a"
            " JOIN speakers sp ON sp.id = a.speaker_id WHERE instr(' ' || a.key || ' ', ?) > 0"
            " ORDER BY +a.speaker_id",
            [" dar "],
        )
    ]
    assert plan == [
        "SCAN a USING COVERING INDEX idx_speaker_aliases_key_speaker_id",
        "SEARCH sp USING INTEGER PRIMARY KEY (rowid=?)",
        "USE TEMP B-TREE FOR ORDER BY",
    ]


MENTIONS = [
    # (mention, affiliation, speaker found, speakers it may be)
    ("Dar", None, None, (1, 2, 4)),  # three Dars, nothing to choose by
    ("Dar", "PML-N", 2, ()),  # the affiliation chooses
    ("Dar", "PTI", None, (1, 4)),  # another party rules Ahmad Dar out, not the others
    ("I. Dar", None, 1, ()),  # initials fit one
    ("A. Dar", "PML-N", 2, ()),
    ("Ishaq Dar", None, 1, ()),  # the exact name
    ("Finance Minister_Dar", None, 1, ()),  # the alias
    ("Imran Dar", None, None, ()),  # a new person
    ("Khan", None, 3, ()),
    ("Bhutto", None, None, (6, 7)),
    ("Mrs. Bhutto", None, None, (6, 7)),  # no honorific shows Zulfikar Bhutto is a man
    ("Group", None, None, ()),  # an organisation's last word is no surname to file under
]


@pytest.mark.parametrize(("mention", "affiliation", "found", "ambiguous"), MENTIONS)
def test_a_lookup_in_sql_finds_what_the_index_finds(db, index_builds, mention, affiliation, found, ambiguous):
    fresh = SpeakerCache(db)
    indexed = SpeakerCache(db)
    indexed._ensure_index()
    assert index_builds == [1]
    kind = lookup._kind(None, mention)
    answers = []
    for cache in (fresh, indexed):
        parsed = cache._parse(mention)
        resolution = cache._find(parsed.name, kind, lookup.affiliation_key(affiliation), parsed.gender)
        answers.append((resolution.speaker_id, resolution.ambiguous_with))
    assert answers == [(found, ambiguous), (found, ambiguous)]
    assert fresh._indexed is False and index_builds == [1]


@pytest.mark.parametrize("mention", ["Dar", "Bhutto", "I. Dar", "Ishaq Dar", "Imran Dar", "Khan", "Group"])
def test_possible_speakers_in_sql_are_the_indexed_ones(db, index_builds, mention):
    fresh = SpeakerCache(db)
    indexed = SpeakerCache(db)
    indexed._ensure_index()
    expected = {
        "Dar": [1, 2, 4],
        "Bhutto": [6, 7],
        "I. Dar": [1],
        "Ishaq Dar": [1],
        "Imran Dar": [],
        "Khan": [3],
        "Group": [],
    }[mention]
    assert fresh.possible(mention) == expected
    assert sorted(indexed.possible(mention)) == expected
    assert fresh._indexed is False and index_builds == [1]


def test_one_add_of_a_new_speaker_files_and_flags_as_before_without_indexing(db, index_builds):
    for text, speaker, affiliation in [
        ("h", "Dar", None),
        ("i", "Dar", "PML-N"),
        ("j", "Imran Dar", None),
        ("k", "Dar", None),
        ("l", "Mr. Bhutto", None),
        ("m", "Finance Minister_Dar", None),
    ]:
        add_statement(db, NewStatement(text=text, speaker=speaker, affiliation=affiliation))
    assert index_builds == []
    # the first "Dar" fits three Dars and no name: a speaker of its own, watched; the second
    # is that name and the surname of the fuller ones: filed under the first, flagged
    assert speakers(db)[7:] == [(8, "Dar", "unknown", None), (9, "Imran Dar", "unknown", None)]
    before = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}
    assert filed(db) == before | {"h": 8, "i": 2, "j": 9, "k": 1, "l": 7, "m": 1}
    assert flagged(db) == {
        "d": ("Dar I.", [1, 2, 9]),
        "h": ("Dar", [1, 2, 9]),
        "k": ("Dar", [1, 2, 9]),
        "l": ("Mr. Bhutto", [6, 7]),
    }


def test_an_import_of_many_new_names_indexes_once_and_files_as_one_by_one(tmp_path, index_builds):
    names = [f"{given} Dar" for given in "Asad Bilal Chand Dawud Ehsan Faraz Gul Hamid Idris".split()]
    names += [f"{given} Rana" for given in "Jamil Kamal Latif Majid Nadir Omar Pervez Qasim".split()]
    names += ["Dar", "Rana", "B. Dar", "Q. Rana"]
    rows = [NewStatement(text=f"t{i}", speaker=name) for i, name in enumerate(names)]
    bulk = open_db(tmp_path / "bulk.db")
    add_statements(bulk, rows)
    assert index_builds == [1]  # past the first surname lookups, the index serves the rest
    one_by_one = open_db(tmp_path / "one.db")
    for row in rows:
        add_statement(one_by_one, row)
    assert index_builds == [1]
    for ledger in (bulk, one_by_one):
        assert [name for _, name, _, _ in speakers(ledger)] == [*names[:17], "Dar", "Rana"]
        assert filed(ledger) == {f"t{i}": i + 1 for i in range(19)} | {"t19": 2, "t20": 17}
        assert flagged(ledger) == {
            "t17": ("Dar", list(range(1, 10))),
            "t18": ("Rana", list(range(10, 18))),
        }
