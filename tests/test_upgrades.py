"""Upgrades: a ledger made at every earlier schema (tests/fixtures/ledger-N.db, built by
tests/fixtures/make_ledgers.py) opens, migrates, and keeps every row it held."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
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
    # only the source's title matches: m002 indexed the titles of rows stored before it (the
    # title finds all three; it ranks none, since it is every statement's of its article)
    similar = cli.json("similar", "Pakistan signals readiness to pause strikes", "--db", str(path))
    assert sorted(row["id"] for row in similar) == [1, 2, 3]


def _needing_m017(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copyfile(FIXTURES / "ledger-16.db", path)  # at m016: m017 re-derives every statement
    assert migrations._migrations[16].name == "m017_reanalyse_relate10"
    return path


def test_the_first_command_after_a_slow_upgrade_says_so_on_stderr_and_stdout_is_its_result(
    cli, tmp_path, monkeypatch
):
    from tracker.cli import render

    upgraded = _needing_m017(tmp_path, "upgraded.db")
    open_db(upgraded).close()
    expected = cli.ok("list", "--json", "--db", str(upgraded))
    old = _needing_m017(tmp_path, "old.db")
    monkeypatch.setattr(render, "SLOW_UPGRADE", 0.0)  # as slow as a 53k-statement ledger's
    result = cli("list", "--json", "--db", str(old))
    assert (result.exit_code, result.stdout) == (0, expected)
    lines = result.stderr.splitlines()
    assert lines[:-1] == [
        "Upgrading the ledger for this version of tracker (once; it may take a while).",
        "  deriving the propositions of statements again: 3 of 3",
        "  deriving the propositions of claims again: 1 of 1",
    ]
    assert re.fullmatch(r"Upgraded the ledger in \d+\.\d s\.", lines[-1])
    again = cli("list", "--json", "--db", str(old))  # upgraded once: nothing more to say
    assert (again.stdout, again.stderr) == (expected, "")


def test_an_upgrade_done_within_a_second_says_nothing_where_no_terminal_watches(cli, tmp_path):
    upgraded = _needing_m017(tmp_path, "upgraded.db")
    open_db(upgraded).close()
    result = cli("list", "--json", "--db", str(_needing_m017(tmp_path, "old.db")))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        cli.ok("list", "--json", "--db", str(upgraded)),
        "",
    )


def test_a_slow_upgrade_in_a_log_says_how_far_it_got_every_ten_thousand_rows(monkeypatch, capsys):
    from tracker.cli import render

    monkeypatch.setattr(render, "SLOW_UPGRADE", 0.0)
    with render.upgrading() as shown:
        for done in (1_000, 10_000, 12_000, 20_000, 25_300):
            shown(done, 25_300, "deriving the propositions of statements again")
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[:-1] == [
        "Upgrading the ledger for this version of tracker (once; it may take a while).",
        "  deriving the propositions of statements again: 10,000 of 25,300",
        "  deriving the propositions of statements again: 20,000 of 25,300",
        "  deriving the propositions of statements again: 25,300 of 25,300",
    ]


def test_an_upgrade_that_fails_leaves_the_ledger_as_it_was(tmp_path, monkeypatch):
    import tracker.text

    path = _needing_m017(tmp_path, "old.db")
    conn = sqlite3.connect(path)
    before = list(conn.iterdump())
    conn.close()
    real, calls = tracker.text.analyse, []

    def fails_on_the_claims(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        if len(calls) > 3:  # the statements' propositions are written: the claims' fail
            raise RuntimeError("stopped mid-upgrade")
        return dataclasses.replace(real(text), proposition=f"derived again {len(calls)}")

    monkeypatch.setattr(tracker.text, "analyse", fails_on_the_claims)
    with pytest.raises(RuntimeError, match="stopped mid-upgrade"):
        open_db(path, create=False)
    conn = sqlite3.connect(path)
    assert list(conn.iterdump()) == before  # the propositions m017 wrote before it failed: undone
    conn.close()
    monkeypatch.undo()
    # opened again, every migration applies: m017 too, which had failed
    assert [m.name for m in migrations.applied(open_db(path, create=False))] == [
        m.name for m in migrations._migrations
    ]
