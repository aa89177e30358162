"""The schema: a blank database, and the upgrade of a database made by the first schema."""

import sqlite3

from sqlite_utils import Database

from tracker.migrations import migrations
from tracker.store import open_db

TABLES = {"speakers", "speaker_aliases", "sources", "statements", "links", "verdicts", "settings"}


def test_a_blank_database_gets_every_table_and_the_fts_index(tmp_path):
    db = open_db(tmp_path / "new.db")
    names = set(db.table_names())
    assert names >= TABLES
    assert "statements_fts" in names
    assert db["statements"].detect_fts() == "statements_fts"
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_opening_twice_applies_nothing_new(tmp_path):
    path = tmp_path / "twice.db"
    first = [m.name for m in migrations.applied(open_db(path))]
    assert [m.name for m in migrations.applied(open_db(path))] == first


def test_a_first_schema_database_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=[m.name for m in migrations._migrations[1:]] or None)
    old.execute("INSERT INTO speakers (name, kind) VALUES ('Ishaq Dar', 'person')")
    old.execute(
        "INSERT INTO statements (text, speaker_id, kind, polarity, modality, content_hash) "
        "VALUES ('We will stop.', 1, 'direct', 'affirm', 'commitment', 'h1')"
    )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert db.execute("SELECT text FROM statements").fetchall() == [("We will stop.",)]


def test_a_file_that_is_not_a_database_is_an_error(tmp_path, cli):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    stderr = cli.fails("list", "--db", str(path))
    assert stderr.startswith(f"Error: cannot open database {path}: file is not a database")


def test_reanalyse_derives_propositions_again_and_keeps_what_a_person_set(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m005_reanalyse"])
    old.execute("INSERT INTO speakers (name, kind) VALUES ('Hamas', 'organisation')")
    old.execute(  # the old analysis took "rejected" for a denial wrapper around its object
        "INSERT INTO statements (text, speaker_id, kind, polarity, modality, proposition, hedge, content_hash) "
        "VALUES ('Hamas rejected the ceasefire proposal', 1, 'direct', 'deny', 'assertion', "
        "'the ceasefire proposal', 'my note', 'h1')"
    )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert db.execute("SELECT proposition, polarity, hedge FROM statements").fetchall() == [
        ("hamas rejected the ceasefire proposal", "deny", "my note"),
    ]


def test_m010_derives_headline_propositions_again_and_keeps_what_a_person_set(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m010_reanalyse_headline_clauses"])
    old.execute("INSERT INTO speakers (name, kind) VALUES ('Harbour Desk', 'organisation')")
    old.execute(  # the old analysis took the source after the colon for the claim
        "INSERT INTO statements (text, speaker_id, kind, polarity, modality, proposition, hedge, content_hash) "
        "VALUES ('Ferry wasn''t sunk: Coastguard', 1, 'direct', 'affirm', 'assertion', 'coastguard', "
        "'my note', 'h1')"
    )
    old.execute(  # and a verb with an object for one naming a speaker after it
        "INSERT INTO claims (text, proposition, origin, created_at) VALUES "
        "('The ministry declared a curfew in the port', 'the ministry', 'user', '2026-01-01T00:00:00Z')"
    )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert db.execute("SELECT proposition, polarity, hedge FROM statements").fetchall() == [
        ("ferry wasn't sunk", "affirm", "my note"),
    ]
    assert db.execute("SELECT proposition FROM claims").fetchall() == [
        ("the ministry declared a curfew in the port",),
    ]
