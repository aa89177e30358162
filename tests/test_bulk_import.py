"""The bulk write path of add_statements / `tracker import`: the same rows, ids, dedupe,
speakers and FTS index as adding the statements one at a time, and all-or-nothing."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tracker import speakers as speaker_names
from tracker import store
from tracker.model import InvalidInput, NewStatement
from tracker.store import SpeakerCache, add_statement, add_statements, ingest, open_db

WORDS = (
    "budget tax jobs border police energy coal wages prices housing voters senate troops "
    "ceasefire missiles tariffs farmers water hospital pension court ruling funding"
).split()
# mentions whose resolution cannot drift as speakers are added (no two share a surname), so
# that a bulk import must give exactly what adding the rows one at a time gives
FIXED = [
    "Pakistan's Foreign Minister Ishaq Dar",
    "Ishaq Dar",
    "Dar",
    "Marco Rubio",
    "US Secretary of State Marco Rubio",
    "Rubio",
    "the US State Department",
    "The Indian military",
    "Dr. Jane Roe",
]
SYLLABLES = "ka lo mi ren tor va sel dun pri mo gra nel ost ul ber tan fi zo que lin".split()


def make_rows(n: int, seed: int = 3) -> list[dict[str, Any]]:
    """Rows with repeated texts, repeated refs, shared sources and many new speakers."""
    rng = random.Random(seed)
    names = rng.sample(sorted({"".join(rng.choices(SYLLABLES, k=4)).capitalize() for _ in range(n)}), n // 2)
    people = [
        f"{first} {last}" for first, last in zip(names[::2], names[1::2], strict=False)
    ]  # an odd name out is left
    rows: list[dict[str, Any]] = []
    for i in range(n):
        if rows and rng.random() < 0.05:  # an exact repeat: the same statement twice in a file
            rows.append(dict(rng.choice(rows)))
            continue
        speaker = rng.choice(FIXED) if rng.random() < 0.3 else rng.choice(people)
        outlet = rng.choice(["Dawn", "dawn", "Reuters", "AP"])
        rows.append(
            {
                "text": " ".join(rng.choices(WORDS, k=rng.randint(5, 14))) + f" w{i}",
                "speaker": speaker,
                "source": outlet,
                "url": f"https://{outlet.lower()}.example/{rng.randrange(40)}",
                "title": rng.choice([None, f"Title {i}"]),
                "said_on": f"2025-05-{rng.randint(1, 28):02d}",
                "tags": rng.choice(["", "war", "economy;war"]),
                "ref": rng.choice([None, None, f"r{rng.randrange(n)}"]),  # some refs repeat
                # one affiliation per speaker: an import fills it in at a mention's first sight only
                "affiliation": "Pakistan" if "Dar" in speaker else None,
            }
        )
    return rows


def statements(rows: list[dict[str, Any]]) -> list[NewStatement]:
    out = []
    for row in rows:
        values = {k: v for k, v in row.items() if v not in (None, "")}
        values["tags"] = [t for t in str(row.get("tags") or "").split(";") if t]
        out.append(NewStatement(**values))
    return out


def dump(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (without timestamps), the schema, and what the FTS index finds."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in ("statements", "speakers", "speaker_aliases", "sources", "links"):
        columns = [c for c in db[table].columns_dict if c != "created_at"]
        out[table] = db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    out["schema"] = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    out["fts"] = db.execute(
        "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid",
        [" OR ".join(WORDS)],
    ).fetchall()
    return out


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 100 and worker processes from 300 claims, so a few thousand rows go
    through every stage: many runs, the deferred FTS index and the process pool."""
    monkeypatch.setattr(ingest, "BATCH_ROWS", 100)
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 300)


def test_bulk_import_stores_what_adding_one_at_a_time_stores(tmp_path, small_batches):
    rows = make_rows(1500)
    one = open_db(tmp_path / "one.db")
    singles = [add_statement(one, new) for new in statements(rows)]
    bulk = open_db(tmp_path / "bulk.db")
    added = add_statements(bulk, statements(rows))
    assert list(added) == singles
    assert dump(bulk) == dump(one)
    assert sum(a.created for a in added) < len(rows)  # the repeats were found


def test_reimport_adds_nothing_and_returns_the_same_ids(tmp_path, small_batches):
    db = open_db(tmp_path / "t.db")
    first = add_statements(db, statements(make_rows(3000)))
    before = dump(db)
    again = add_statements(db, statements(make_rows(3000)))
    assert [a.id for a in again] == [a.id for a in first]
    assert [a.created for a in again] == [False] * len(first)
    assert dump(db) == before


def test_an_invalid_last_row_leaves_the_database_exactly_as_it_was(tmp_path, small_batches):
    db = open_db(tmp_path / "t.db")
    add_statements(db, statements(make_rows(500, seed=1)))
    before = dump(db)
    rows = make_rows(3000, seed=2)
    news = [*statements(rows), NewStatement(text="fine", speaker="Dar", said_on="2025-13-45")]
    with pytest.raises(InvalidInput, match=r"^row 3001: "):
        add_statements(db, news)
    assert dump(db) == before
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_failed_import_into_an_empty_database_leaves_its_indexes(tmp_path, small_batches):
    db = open_db(tmp_path / "t.db")  # empty: the import drops the indexes it rebuilds at the end
    before = dump(db)
    news = [*statements(make_rows(3000)), NewStatement(text="fine", speaker="Dar", said_on="x")]
    with pytest.raises(InvalidInput, match=r"^row 3001: "):
        add_statements(db, news)
    assert dump(db) == before
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_fts_finds_bulk_imported_rows_and_later_single_adds(tmp_path, small_batches):
    db = open_db(tmp_path / "t.db")
    rows = make_rows(2500)
    rows[-1] = {**rows[-1], "text": "Zanzibar cloves exported record tonnage", "ref": None}
    added = add_statements(db, statements(rows))
    assert [r["id"] for r in store.search_statements(db, "zanzibar cloves")] == [added[-1].id]
    db.execute("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')")
    later = add_statement(db, NewStatement(text="Quokka census finished", speaker="Dar"))
    assert [r["id"] for r in store.search_statements(db, "quokka")] == [later.id]


def test_cli_import_of_a_generated_csv_then_again(cli, db_path, tmp_path):
    rows = make_rows(2500)
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    cli.ok("import", str(path), "--no-link")
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        speakers = conn.execute("SELECT count(*) FROM speakers").fetchone()[0]
    assert 2000 < stored < 2500
    result = cli("import", str(path), "--no-link")
    assert result.exit_code == 0
    assert "Imported 0 new statements (2500 already recorded)." in result.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM speakers").fetchone()[0] == speakers
        tags = conn.execute("SELECT tags FROM statements WHERE tags != '[]' LIMIT 1").fetchone()[0]
    assert json.loads(tags) in (["war"], ["economy", "war"])


def test_speaker_index_answers_as_resolve_does(tmp_path):
    rng = random.Random(5)
    first = ["Ishaq", "Ahmad", "Marco", "Jon", "John", "Jane", "J.", "Ishak", ""]
    last = ["Dar", "Rubio", "Smith", "Smyth", "Roe", "Khan", "Dar-Ali", "Rubios"]
    db = open_db(tmp_path / "t.db")
    cache = SpeakerCache(db)
    pool: list[speaker_names.Candidate] = []
    for i in range(400):
        name = f"{rng.choice(first)} {rng.choice(last)}".strip()
        expected = speaker_names.resolve(name, pool).speaker_id
        assert cache.find(name) == expected, name
        if expected is None and rng.random() < 0.5:  # grow the pool as imports do
            cache._index(i + 1, {speaker_names.key(name)})
            pool.append(speaker_names.Candidate(i + 1, name, frozenset({speaker_names.key(name)})))


def test_memory_of_the_result_is_small_per_row(tmp_path: Path):
    db = open_db(tmp_path / "t.db")
    added = add_statements(db, statements(make_rows(50)))
    assert added[0] == next(iter(added)) and added[-2:] == list(added)[-2:]
    assert added == list(added)


def test_a_file_imported_again_adds_nothing_though_a_name_has_turned_ambiguous(tmp_path) -> None:
    # "Dar" first names Ishaq Dar (the only Dar); once Ahmad Dar arrives it is ambiguous and a
    # later "Dar" becomes a speaker of its own, so on a second import "Dar" names that one
    rows = [
        ("Talks are off.", "Ishaq Dar"),
        ("Talks resume Monday.", "Dar"),
        ("Tariffs will rise.", "Ahmad Dar"),
        ("Water is short.", "Dar"),
    ]
    news = [
        NewStatement(text=text, speaker=speaker, source="Dawn", url="https://dawn.example/1")
        for text, speaker in rows
    ]
    db = open_db(tmp_path / "t.db")
    first = [add_statement(db, new) for new in news]  # added one by one, as they were reported
    assert [a.created for a in first] == [True] * 4
    before = {
        table: db.execute(f"SELECT * FROM {table}").fetchall()
        for table in ("statements", "speakers", "speaker_aliases", "sources")
    }
    assert [name for (name,) in db.execute("SELECT name FROM speakers ORDER BY id")] == [
        "Ishaq Dar",
        "Ahmad Dar",
        "Dar",
    ]
    again = add_statements(db, news)
    assert [(a.id, a.created) for a in again] == [(a.id, False) for a in first]
    assert {table: db.execute(f"SELECT * FROM {table}").fetchall() for table in before} == before


def test_possible_speakers_are_the_same_from_the_index_and_from_the_alias_table(tmp_path) -> None:
    db = open_db(tmp_path / "t.db")
    for text, speaker in [
        ("One.", "Ishaq Dar"),
        ("Two.", "Ahmad Dar"),
        ("Three.", "Dar"),
        ("Four.", "Marco Rubio"),
        ("Five.", "Department of Commerce"),
        ("Six.", "Chamber of Commerce"),
    ]:
        add_statement(db, NewStatement(text=text, speaker=speaker))
    for mention in [
        "Dar",
        "Ishaq Dar",
        "I. Dar",
        "Ishak Dar",
        "Rubio",
        "Marko Rubio",
        "Commerce",
        "Nobody Known",
    ]:
        fresh = SpeakerCache(db)
        indexed = SpeakerCache(db)
        indexed._ensure_index()
        assert sorted(fresh.possible(mention)) == sorted(indexed.possible(mention)), mention
    assert sorted(SpeakerCache(db).possible("Dar")) == [1, 2, 3]
