"""m004_speaker_merges on a database made before it: the statements already filed under a
surname alone are watched, and flagged where two speakers fit that surname."""

import sqlite3

from sqlite_utils import Database

from tracker.migrations import migrations
from tracker.model import NewStatement
from tracker.store import add_statement, open_db


def test_an_older_database_gets_the_merge_and_review_tables_and_its_bare_surnames_checked(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m004_speaker_merges"])
    for name in ("Singh", "Rajnath Singh", "Manmohan Singh", "Dar", "Ishaq Dar", "Pakistan"):
        old.execute("INSERT INTO speakers (name, kind) VALUES (?, 'unknown')", [name])
        old.execute(
            "INSERT INTO speaker_aliases (speaker_id, alias, key) VALUES (last_insert_rowid(), ?, lower(?))",
            [name, name],
        )
    for number, speaker_id in enumerate([1, 1, 2, 4, 5, 6], start=1):
        old.execute(
            "INSERT INTO statements (text, speaker_id, kind, polarity, modality, content_hash)"
            " VALUES (?, ?, 'direct', 'affirm', 'assertion', ?)",
            [f"Said {number}.", speaker_id, f"h{number}"],
        )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert "m004_speaker_merges" in [m.name for m in migrations.applied(db)]
    assert db.execute("SELECT statement_id, name, surname FROM speaker_mentions ORDER BY 1").fetchall() == [
        (1, "Singh", "singh"),
        (2, "Singh", "singh"),
        (4, "Dar", "dar"),
    ]
    assert db.execute(
        "SELECT statement_id, mention, candidates FROM speaker_reviews ORDER BY 1"
    ).fetchall() == [(1, "Singh", "[2, 3]"), (2, "Singh", "[2, 3]")]
    assert db.execute("SELECT count(*) FROM speaker_merges").fetchone() == (0,)
    add_statement(db, NewStatement(text="Said 7.", speaker="Ahmad Dar"))  # a second Dar: now 4 is uncertain
    assert db.execute("SELECT statement_id, candidates FROM speaker_reviews ORDER BY 1").fetchall() == [
        (1, "[2, 3]"),
        (2, "[2, 3]"),
        (4, "[5, 7]"),
    ]
