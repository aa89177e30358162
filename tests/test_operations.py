"""Operations: `tracker db check` names what is wrong, `db backup` copies a ledger safely while
others write, `db vacuum` compacts it; none of them loses a statement."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import SEED_STATEMENTS


def _raw(path: Path) -> sqlite3.Connection:
    """A plain connection that bypasses tracker, to break a ledger on purpose."""
    return sqlite3.connect(path, isolation_level=None)


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM statements").fetchone()[0])
    finally:
        conn.close()


def test_check_on_a_sound_ledger_prints_ok(cli):
    cli.ok("import", str(SEED_STATEMENTS))
    result = cli("db", "check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "ok\n", "")


def test_check_names_a_full_text_index_out_of_step_and_repair_rebuilds_it(cli, db_path):
    cli.ok("import", str(SEED_STATEMENTS), "--no-link")
    raw = _raw(db_path)
    raw.execute("DROP TRIGGER statements_ad")  # the row goes, its index entries stay
    raw.execute("DELETE FROM statements WHERE id = 6")
    raw.close()
    result = cli("db", "check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "full-text index: statements_fts does not match statements (`tracker db check --repair` rebuilds it)\n",
        "Error: 1 problem found\n",
    )
    repaired = cli("db", "check", "--repair")
    assert (repaired.exit_code, repaired.stdout) == (0, "ok\n")
    assert repaired.stderr == "Rebuilt claims_fts, sources_fts, statements_fts.\n"
    assert _count(db_path) == 5


def test_check_names_a_foreign_key_to_nothing(cli, db_path):
    cli.ok("add", "We will stop.", "--speaker", "Ishaq Dar", "--no-link")
    raw = _raw(db_path)
    raw.execute("UPDATE statements SET speaker_id = 99 WHERE id = 1")  # foreign keys are off here
    raw.close()
    result = cli("db", "check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "foreign key: statements row 1 names a missing speakers row\n",
        "Error: 1 problem found\n",
    )


def test_check_names_an_index_that_lost_rows(cli, db_path):
    cli.ok("add", "We will stop.", "--speaker", "Ishaq Dar", "--no-link")
    raw = _raw(db_path)
    raw.execute("PRAGMA writable_schema = ON")  # the index now claims to cover another column
    raw.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX idx_statements_said_on ON statements (text)' "
        "WHERE name = 'idx_statements_said_on'"
    )
    raw.close()
    result = cli("db", "check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "integrity: row 1 missing from index idx_statements_said_on\n",
        "Error: 1 problem found\n",
    )


def test_backup_copies_every_statement_into_one_self_contained_file(cli, tmp_path):
    cli.ok("import", str(SEED_STATEMENTS))
    copy = tmp_path / "copy.db"
    result = cli("db", "backup", str(copy))
    assert result.exit_code == 0
    assert re.fullmatch(rf"Backed up to {re.escape(str(copy))} \(\d+ kB\)\.\n", result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]
    assert cli.json("list", "--db", str(copy)) == cli.json("list")
    assert cli.ok("db", "check", "--db", str(copy)) == "ok\n"


def test_backup_refuses_to_overwrite_unless_forced_and_never_onto_itself(cli, tmp_path, db_path):
    cli.ok("add", "We will stop.", "--speaker", "Ishaq Dar", "--no-link")
    copy = tmp_path / "copy.db"
    copy.write_text("precious")
    assert cli.fails("db", "backup", str(copy)) == f"Error: {copy} exists: pass --force to replace it\n"
    assert copy.read_text() == "precious"
    cli.ok("db", "backup", str(copy), "--force")
    assert _count(copy) == 1
    assert (
        cli.fails("db", "backup", str(db_path), "--force") == f"Error: cannot back up {db_path} onto itself\n"
    )
    missing = tmp_path / "nope" / "copy.db"
    assert cli.fails("db", "backup", str(missing)) == (
        f"Error: cannot back up to {missing}: directory {missing.parent} does not exist\n"
    )
    assert [p.name for p in tmp_path.iterdir() if "tracker-backup" in p.name] == []  # no partial copy left
    assert _count(db_path) == 1


def test_a_backup_taken_while_another_process_imports_is_a_consistent_snapshot(cli, tmp_path, db_path):
    rows = "".join(
        f"Officials in town {i} said bridge {i} will reopen in May.,Speaker {i % 30}\n" for i in range(20_000)
    )
    big = tmp_path / "big.csv"
    big.write_text("text,speaker\n" + rows, encoding="utf-8")
    cli.ok("add", "We will stop.", "--speaker", "Ishaq Dar", "--no-link")
    importer = subprocess.Popen(
        [sys.executable, "-m", "tracker", "import", str(big), "--no-link", "--db", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    copies = []
    while importer.poll() is None or not copies:
        copy = tmp_path / f"copy{len(copies)}.db"
        cli.ok("db", "backup", str(copy))
        copies.append(copy)
    assert importer.wait(timeout=300) == 0, importer.stderr.read() if importer.stderr else ""
    counts = {_count(copy) for copy in copies}
    assert counts <= {1, 20_001}  # before the import's transaction, or after it: never between
    assert cli.ok("db", "check", "--db", str(copies[-1])) == "ok\n"


def test_vacuum_gives_back_free_pages_and_keeps_every_statement(cli, db_path):
    cli.ok("import", str(SEED_STATEMENTS), "--no-link")
    raw = _raw(db_path)
    raw.execute("INSERT INTO settings (key, value) VALUES ('scratch', ?)", ["x" * 2_000_000])
    raw.execute("DELETE FROM settings WHERE key = 'scratch'")
    raw.close()
    result = cli("db", "vacuum")
    assert result.exit_code == 0
    sizes = re.fullmatch(r"Vacuumed: (\d+\.\d) MB → (\d+) kB\.\n", result.stderr)
    assert sizes is not None, result.stderr
    assert float(sizes[1]) >= 2.0 and int(sizes[2]) < 1000
    assert _count(db_path) == 6
    assert cli.ok("db", "check") == "ok\n"
