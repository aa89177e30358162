"""Only its own files: a file that is not a tracker ledger is never changed, read commands never
create a ledger, and the ledgers tracker creates are readable by their owner only."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from tracker.store import NotALedger, open_db

ADD = ("add", "We will stop.", "--speaker", "Ishaq Dar")


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO orders (item) VALUES ('tea')")
    conn.commit()
    conn.close()
    return path


def _corrupt(path: Path) -> Path:
    _foreign(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # page 1's b-tree header and the schema
    path.write_bytes(bytes(data))
    return path


def _text(path: Path) -> Path:
    path.write_text("these are notes, not a database\n" * 100)
    return path


def _other_migrations(path: Path) -> Path:
    """Another sqlite-utils program's database: a migrations table, but not tracker's set."""
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, "
        "name TEXT, applied_at TEXT)"
    )
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name) VALUES ('notes', 'm001')")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "We will stop.", "speaker": "Ishaq Dar"}\n')
    return path


COMMANDS = {
    "list": lambda jsonl: ("list",),
    "add": lambda jsonl: ADD,
    "import": lambda jsonl: ("import", str(jsonl)),
    "db check": lambda jsonl: ("db", "check"),
    "db init": lambda jsonl: ("db", "init"),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("make", "error"),
    [
        (_foreign, "is not a tracker ledger (it holds other tables: customers, orders); it was not changed"),
        (
            _other_migrations,
            "is not a tracker ledger (it holds other tables: _sqlite_migrations, notes); it was not changed",
        ),
        (_text, "file is not a database"),
        (_corrupt, "database disk image is malformed"),
    ],
    ids=["foreign sqlite", "other migrations", "text file", "corrupt"],
)
def test_a_file_that_is_not_a_ledger_is_one_error_and_left_byte_for_byte(
    cli, tmp_path, jsonl, command, make, error
):
    path = make(tmp_path / "other.db")
    before = path.read_bytes()
    stderr = cli.fails(*COMMANDS[command](jsonl), "--db", str(path))
    assert stderr.startswith("Error: ") and stderr.count("\n") == 1
    assert error in stderr and str(path) in stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "other.db", "tracker.db"]


def test_the_library_refuses_a_foreign_database_too(tmp_path):
    path = _foreign(tmp_path / "shop.db")
    before = path.read_bytes()
    with pytest.raises(NotALedger, match=r"shop\.db is not a tracker ledger"):
        open_db(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("show", "1"),
        ("search", "stop"),
        ("contradictions",),
        ("speakers", "list"),
        ("link",),
        ("db", "info"),
        ("db", "check"),
        ("db", "vacuum"),
        ("db", "backup", "copy.db"),
        ("export", "statements"),
    ],
    ids=" ".join,
)
def test_a_read_command_on_a_missing_ledger_says_how_to_create_one_and_creates_nothing(
    cli, tmp_path, command
):
    typo = tmp_path / "typo.db"
    stderr = cli.fails(*command, "--db", str(typo))
    assert stderr == (
        f"Error: no ledger at {typo}: create one with `tracker db init --db {typo}` "
        "(or add, import, extract)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.db"]


def test_an_empty_file_is_no_ledger_yet_for_reads_and_becomes_one_on_add(cli, tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    assert "no ledger at" in cli.fails("list", "--db", str(empty))
    assert empty.read_bytes() == b""
    result = cli(*ADD, "--db", str(empty))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "1\n", f"Created ledger {empty}.\n")


@pytest.mark.parametrize(
    "command",
    [(*ADD, "--no-link"), ("import", "IN", "--no-link"), ("extract", "ARTICLE", "--no-link"), ("db", "init")],
    ids=["add", "import", "extract", "db init"],
)
def test_commands_that_store_create_a_ledger_and_say_so(cli, tmp_path, jsonl, command):
    from conftest import SEED_ARTICLE

    new = tmp_path / "new.db"
    args = [{"IN": str(jsonl), "ARTICLE": str(SEED_ARTICLE)}.get(a, a) for a in command]
    result = cli(*args, "--db", str(new))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"Created ledger {new}."
    assert _mode(new) == 0o600
    again = cli(*args, "--db", str(new))
    assert again.exit_code == 0 and "Created ledger" not in again.stderr


def test_db_init_on_an_existing_ledger_changes_nothing(cli, db_path):
    result = cli("db", "init")
    assert (result.exit_code, result.stderr) == (0, f"{db_path} is already a ledger.\n")


def test_bad_input_to_add_creates_no_ledger(cli, tmp_path):
    new = tmp_path / "new.db"
    assert cli.fails("add", "  ", "--speaker", "Dar", "--db", str(new)) == "Error: statement text is empty\n"
    assert not new.exists()


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("import", "BAD_CSV"), "Error: row 2: text is missing\n"),
        (
            ("import", "BAD_JSON"),
            "Error: row 2: speaker is empty (give it, or --speaker-missing unknown to keep the row)\n",
        ),
        (
            ("extract", "ARTICLE", "--url", "https://" + "x" * 2_000),
            "Error: row 1: url is too long (2,008 characters; at most 2,000)\n",
        ),
        (
            ("add", "x" * 20_001, "--speaker", "Dar"),
            "Error: statement text is too long (20,001 characters; at most 20,000, the max_text_chars setting)\n",
        ),
    ],
    ids=["import csv", "import jsonl", "extract", "add too long"],
)
def test_a_command_that_fails_on_its_input_leaves_no_new_ledger(cli, tmp_path, command, message):
    """The ledger is made before the input is read (an import streams), and deleted again,
    with its -wal and -shm, when the input is refused: no empty ledger stays behind."""
    from conftest import SEED_ARTICLE

    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("text,speaker\n,Dar\n")
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text(
        '{"text": "We will stop.", "speaker": "Dar"}\n{"text": "And more.", "speaker": " "}\n'
    )
    files = {"BAD_CSV": str(bad_csv), "BAD_JSON": str(bad_json), "ARTICLE": str(SEED_ARTICLE)}
    new = tmp_path / "new.db"
    args = [files.get(a, a) for a in command]
    assert cli.fails(*args, "--no-link", "--db", str(new)) == message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "bad.jsonl", "tracker.db"]


def test_a_failed_command_keeps_a_ledger_it_did_not_create(cli, tmp_path):
    empty = tmp_path / "made.db"
    open_db(empty).close()
    before = empty.read_bytes()
    assert cli.fails("add", "  ", "-s", "Dar", "--db", str(empty)) == "Error: statement text is empty\n"
    bad = tmp_path / "bad.csv"
    bad.write_text("text,speaker\n,Dar\n")
    assert cli.fails("import", str(bad), "--db", str(empty)) == "Error: row 2: text is missing\n"
    assert empty.read_bytes() == before


def test_discarding_a_new_ledger_spares_one_written_to_meanwhile(tmp_path):
    """Two commands creating one ledger at once: the one that fails must not delete what the
    other stored."""
    from tracker.model import NewStatement
    from tracker.store import add_statement
    from tracker.store.connection import discard_new_ledger

    path = tmp_path / "shared.db"
    failing, other = open_db(path), open_db(path)
    add_statement(other, NewStatement(text="We will stop.", speaker="Dar"))
    assert discard_new_ledger(failing) is False
    assert [r[0] for r in other.execute("SELECT text FROM statements")] == ["We will stop."]
    other.close()
    blank = tmp_path / "blank.db"
    assert discard_new_ledger(open_db(blank)) is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.db", "tracker.db"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_ledger_and_its_wal_and_shm_are_readable_by_their_owner_only(tmp_path):
    tmp_path = tmp_path / "private"
    tmp_path.mkdir()
    path = tmp_path / "private.db"
    db = open_db(path)
    db.execute("INSERT INTO settings (key, value) VALUES ('a', 'b')")
    db.conn.commit()
    files = {p.name: _mode(p) for p in tmp_path.iterdir()}
    assert files == {"private.db": 0o600, "private.db-wal": 0o600, "private.db-shm": 0o600}
    db.close()


def test_a_backup_is_readable_by_its_owner_only(cli, tmp_path):
    cli.ok(*ADD)
    cli.ok("db", "backup", str(tmp_path / "copy.db"))
    assert _mode(tmp_path / "copy.db") == 0o600


def test_the_default_ledger_lives_in_a_private_directory(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_DB")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    home = Path(cli.ok("db", "path").strip())
    assert "no ledger at" in cli.fails("list")
    assert not home.exists()
    result = cli(*ADD)
    assert (result.exit_code, result.stderr) == (0, f"Created ledger {home}.\n")
    assert (_mode(home.parent), _mode(home)) == (0o700, 0o600)
