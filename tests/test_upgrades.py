"""Upgrades: a ledger made at every earlier schema (tests/fixtures/ledger-N.db, built by
tests/fixtures/make_ledgers.py) opens, migrates, and keeps every row it held."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT
from tracker.migrations import migrations
from tracker.store import open_db

FIXTURES = ROOT / "tests" / "fixtures"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_ledgers", FIXTURES / "make_ledgers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _script().build
SCHEMAS = range(1, len(migrations._migrations) + 1)


def _rows(path: Path) -> dict[str, list[dict[str, object]]]:
    """What a ledger holds, table by table, each row by column name (migration records aside)."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' "
                "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations' ORDER BY name"
            )
        ]
        return {t: [dict(r) for r in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2')] for t in tables}
    finally:
        conn.close()


def _as_before(after: dict[str, list[dict[str, object]]], before: dict[str, list[dict[str, object]]]):  # type: ignore[no-untyped-def]
    """`after`'s rows of the tables and columns `before` had (later migrations add columns)."""
    return {
        t: [{c: row[c] for c in (rows[0] if rows else {})} for row in after[t]] for t, rows in before.items()
    }


def test_there_is_a_fixture_ledger_for_every_schema():
    found = sorted(FIXTURES.glob("ledger-*.db"), key=lambda p: int(p.stem.split("-")[1]))
    assert [p.name for p in found] == [f"ledger-{n}.db" for n in SCHEMAS]


@pytest.mark.parametrize("applied", SCHEMAS)
def test_the_fixture_ledgers_are_what_the_script_builds(tmp_path, applied):
    build(tmp_path / "fresh.db", applied)
    assert _rows(tmp_path / "fresh.db") == _rows(FIXTURES / f"ledger-{applied}.db")


@pytest.mark.parametrize("applied", SCHEMAS)
def test_a_ledger_of_each_schema_migrates_with_its_data_intact(cli, tmp_path, applied):
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / f"ledger-{applied}.db", path)
    before = _rows(path)
    db = open_db(path, create=False)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    db.close()
    after = _rows(path)
    names = [m.name for m in migrations._migrations]
    reanalysing = (
        "m005_reanalyse",
        "m010_reanalyse_headline_clauses",
        "m012_hedges_outside_relative_clauses",
        "m014_reanalyse_relate8",
        "m016_reanalyse_relate9",
        "m017_reanalyse_relate10",
    )
    if any(names.index(name) >= applied for name in reanalysing):
        # m005, m010, m012, m014, m016 and m017 derive each proposition again with the judge's new analysis, by design
        from tracker.text import analyse

        for table in ("statements", "claims"):
            for row in before.get(table, []):
                row["proposition"] = analyse(str(row["text"])).proposition
    if names.index("m015_identity_ignores_a_final_stop") >= applied:
        # m015 derives each statement's identity hashes again, by design
        from tracker.store.validation import content_hash

        for row in before.get("statements", []):
            row["content_hash"] = content_hash(str(row["text"]), int(row["speaker_id"]), row["source_id"])  # type: ignore[arg-type]
            if "words_hash" in row:
                row["words_hash"] = content_hash(str(row["text"]), int(row["speaker_id"]), None)  # type: ignore[arg-type]
    assert _as_before(after, before) == before  # every row, every column, as it was
    assert cli.ok("db", "check", "--db", str(path)) == "ok\n"
    found = cli.json("search", "missiles Afghanistan", "--db", str(path))
    assert sorted(row["id"] for row in found) == [2, 3]
    shown = cli.json("show", "2", "--db", str(path))
    assert (shown["speaker"], shown["source"]) == ("India", "Caliber.Az")
    assert [link["id"] for link in shown["links"]] == [1]
    # only the source's title matches: m002 indexed the titles of rows stored before it
    similar = cli.json("similar", "Pakistan signals readiness to pause strikes", "--db", str(path))
    assert [row["id"] for row in similar] == [1, 2, 3]
