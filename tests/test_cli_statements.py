"""`tracker add`, `list`, `search`, `show` and `db` through the CLI, against a temp database."""

import csv
import io
import json
import sqlite3

import pytest

DAR_QUOTE = "If India stops here, then we will consider to stop here."


def rows(db_path, sql):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def stored(db_path, table="statements"):
    """Rows in a table; a database never created holds none."""
    if not db_path.exists():
        return 0
    return rows(db_path, f"SELECT count(*) FROM {table}")[0][0]


def add_dar(cli, *extra):
    return cli.ok(
        "add",
        DAR_QUOTE,
        "--speaker",
        "Pakistan's Foreign Minister Ishaq Dar",
        "--source",
        "Caliber.Az",
        "--said-on",
        "2025-05-10",
        "--cue",
        "stated",
        "--via",
        "to local television",
        "--tag",
        "crisis",
        "--no-link",
        *extra,
    )


def test_add_prints_the_new_id_and_stores_the_statement(cli, db_path):
    assert add_dar(cli) == "1\n"
    assert rows(db_path, "SELECT text, role, said_on, cue, via, tags, kind FROM statements") == [
        (
            DAR_QUOTE,
            "Pakistan's Foreign Minister",
            "2025-05-10",
            "stated",
            "to local television",
            '["crisis"]',
            "unknown",  # no --kind, no quotation marks: a quote or a report of one
        )
    ]
    assert rows(db_path, "SELECT name, kind FROM speakers") == [("Ishaq Dar", "person")]
    assert rows(db_path, "SELECT outlet FROM sources") == [("Caliber.Az",)]


def test_add_json_returns_the_stored_statement(cli):
    stored = json.loads(add_dar(cli, "--json"))
    assert stored["id"] == 1
    assert stored["speaker"] == "Ishaq Dar"
    assert stored["source"] == "Caliber.Az"
    assert stored["modality"] == "conditional"
    assert stored["tags"] == ["crisis"]


def test_adding_the_same_statement_twice_returns_the_existing_id(cli, db_path):
    add_dar(cli)
    result = cli("add", DAR_QUOTE, "--speaker", "Ishaq Dar", "--source", "caliber.az", "--no-link")
    assert result.exit_code == 0
    assert result.stdout == "1\n"
    assert "Already recorded as statement 1" in result.stderr
    assert rows(db_path, "SELECT count(*) FROM statements") == [(1,)]


def test_the_same_ref_is_not_added_twice(cli, db_path):
    cli.ok("add", "One text.", "-s", "A", "--ref", "ext-1", "--no-link")
    assert cli.ok("add", "Another text.", "-s", "B", "--ref", "ext-1", "--no-link") == "1\n"
    assert rows(db_path, "SELECT count(*) FROM statements") == [(1,)]


def test_short_name_resolves_to_the_known_speaker(cli, db_path):
    add_dar(cli)
    cli.ok("add", "The ball is in India's court.", "--speaker", "Dar", "--no-link")
    assert rows(db_path, "SELECT speaker_id FROM statements") == [(1,), (1,)]


def test_add_reads_text_from_stdin(cli, db_path):
    cli.ok("add", "-", "--speaker", "India", "--no-link", input="Line one.\nLine two.\n")
    assert rows(db_path, "SELECT text FROM statements") == [("Line one.\nLine two.",)]


@pytest.mark.parametrize(
    "text",
    [
        'He said "no" — and then ‘maybe’.\nA second line.',
        "It's done 🎉",
        "פקיסטן אמרה שהיא תפסיק",
        "'); DROP TABLE statements; --",
        "Robert'); DELETE FROM speakers WHERE ('1'='1",
    ],
)
def test_text_is_stored_and_shown_exactly(cli, text):
    cli.ok("add", text, "--speaker", "Someone", "--no-link")
    assert cli.json("show", "1")["text"] == text
    assert cli.json("list")[0]["text"] == text


@pytest.mark.parametrize(
    "args, message, code",
    [
        (["add", "", "-s", "X"], "Error: statement text is empty\n", 1),
        (["add", "   \n", "-s", "X"], "Error: statement text is empty\n", 1),
        (["add", "Hello.", "-s", "  "], "Error: speaker is empty\n", 1),
        # a value an option cannot take is a usage error (exit code 2), like a missing option
        (
            ["add", "Hello.", "-s", "X", "--said-on", "2025-02-30"],
            "Error: invalid --said-on date '2025-02-30': no such date (see 'tracker add --help')\n",
            2,
        ),
        (
            ["add", "Hello.", "-s", "X", "--reported-on", "last week"],
            "Error: invalid --reported-on date 'last week': use ISO 8601, e.g. 2025, 2025-05 or 2025-05-10"
            " (see 'tracker add --help')\n",
            2,
        ),
        (
            ["add", "Hello.", "-s", "X", "--kind", "rumour"],
            "Error: invalid kind 'rumour': use one of direct, indirect, paraphrase, unknown"
            " (see 'tracker add --help')\n",
            2,
        ),
        (
            ["add", "x" * 20_001, "-s", "X"],
            "Error: statement text is too long (20,001 characters; at most 20,000, the max_text_chars setting)\n",
            1,
        ),
    ],
)
def test_bad_input_is_one_error_line_and_writes_nothing(cli, db_path, args, message, code):
    assert cli.fails(*args, code=code) == message
    assert stored(db_path) == 0
    assert stored(db_path, "speakers") == 0


def test_the_longest_text_is_a_setting_of_the_ledger(cli, db_path):
    result = cli("settings", "set", "max_text_chars", "30000")
    assert (result.exit_code, result.stderr) == (0, "max_text_chars = 30000\n")
    assert cli.ok("add", "x" * 25_000, "-s", "X", "--no-link") == "1\n"
    cli.ok("settings", "set", "max_text_chars", "50")
    assert cli.fails("add", "y" * 51, "-s", "X") == (
        "Error: statement text is too long (51 characters; at most 50, the max_text_chars setting)\n"
    )
    assert cli.ok("add", "z" * 50, "-s", "X", "--no-link") == "2\n"
    assert [
        len(r[0]) for r in sqlite3.connect(db_path).execute("SELECT text FROM statements ORDER BY id")
    ] == [
        25_000,
        50,
    ]
    shown = {row["key"]: row for row in cli.json("settings")}
    assert shown["max_text_chars"] == {
        "key": "max_text_chars",
        "value": 50,
        "default": 20_000,
        "description": "longest statement text (characters) that add and import accept",
    }


@pytest.mark.parametrize("value", ["0", "lots", "1000001", "2.5"])
def test_the_longest_text_must_be_a_whole_number_in_range(cli, db_path, value):
    assert cli.fails("settings", "set", "max_text_chars", value) == (
        f"Error: max_text_chars must be a whole number from 1 to 1,000,000, not '{value}'\n"
    )
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM settings").fetchone() == (0,)


def test_invalid_utf8_on_stdin_is_an_error(cli, db_path):
    assert cli.fails("add", "-", "-s", "X", input=b"caf\xe9") == (
        "Error: statement text stdin: not valid UTF-8 (byte 3)\n"
    )
    assert stored(db_path) == 0


def test_a_database_in_a_missing_directory_is_an_error(cli, tmp_path):
    missing = tmp_path / "nope" / "x.db"
    stderr = cli.fails("add", "We will stop.", "--speaker", "Dar", "--db", str(missing))
    assert stderr == f"Error: cannot create database {missing}: directory does not exist\n"
    assert not missing.parent.exists()


def test_a_directory_given_as_the_ledger_is_a_one_line_usage_error(cli, tmp_path, monkeypatch):
    listing = sorted(tmp_path.iterdir())
    stderr = cli.fails("list", "--db", str(tmp_path), code=2)
    assert (
        stderr
        == f"Error: Invalid value for --db: {tmp_path} is a directory, not a ledger file (see 'tracker list --help')\n"
    )
    monkeypatch.setenv("TRACKER_DB", str(tmp_path))
    stderr = cli.fails("add", "We will stop.", "-s", "Dar", code=2)
    assert stderr.startswith(
        f"Error: Invalid value for $TRACKER_DB: {tmp_path} is a directory, not a ledger file"
    )
    assert sorted(tmp_path.iterdir()) == listing


@pytest.fixture
def three(cli):
    add_dar(cli)
    cli.ok(
        "add",
        "The ball is in India's court.",
        "-s",
        "Dar",
        "--source",
        "Dawn",
        "--said-on",
        "2025-05",
        "--kind",
        "indirect",
        "--no-link",
    )
    cli.ok(
        "add",
        "We will not escalate further.",
        "-s",
        "the Indian military",
        "--source",
        "The Hindu",
        "--said-on",
        "2025-06-01",
        "--tag",
        "crisis",
        "--no-link",
    )


@pytest.mark.parametrize(
    "filters, ids",
    [
        ([], [1, 2, 3]),
        (["--speaker", "Ishaq Dar"], [1, 2]),
        (["--speaker", "Indian military"], [3]),
        (["--source", "dawn"], [2]),
        (["--tag", "crisis"], [1, 3]),
        (["--since", "2025-05-11"], [2, 3]),
        (["--until", "2025-05-09"], [2]),
        (["--since", "2025-06"], [3]),
        (["--kind", "indirect"], [2]),
        (["--limit", "2"], [1, 2]),
    ],
)
def test_list_filters(cli, three, filters, ids):
    assert [row["id"] for row in cli.json("list", *filters)] == ids


def test_list_csv_has_a_header_and_one_row_per_statement(cli, three):
    table = list(csv.DictReader(io.StringIO(cli.ok("list", "--csv"))))
    assert [row["speaker"] for row in table] == ["Ishaq Dar", "Ishaq Dar", "Indian military"]
    assert table[0]["tags"] == "crisis"


def test_list_nl_is_one_json_object_per_line(cli, three):
    lines = cli.ok("list", "--nl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2, 3]


def test_list_table_shows_the_statements(cli, three):
    out = cli.ok("list")
    assert "Ishaq Dar" in out and "India's court" in out and "Indian military" in out


def test_only_one_machine_format_at_a_time(cli, three):
    assert "choose one of --json, --csv, --nl" in cli.fails("list", "--json", "--csv", code=2)


def test_search_ranks_full_text_matches(cli, three):
    found = cli.json("search", "escalate")
    assert [row["id"] for row in found] == [3]
    assert cli.json("search", "india court")[0]["id"] == 2


def test_search_treats_fts_syntax_as_words(cli, three):
    assert cli.json("search", 'court" OR text:*') == []
    assert cli.fails("search", "!!!") == "Error: search query has no words\n"


def test_show_has_speaker_source_and_chain(cli, three):
    shown = cli.json("show", "1")
    assert shown["speaker"] == "Ishaq Dar"
    assert shown["role"] == "Pakistan's Foreign Minister"
    assert shown["via"] == "to local television"
    assert shown["links"] == [] and shown["verdicts"] == []
    table = cli.ok("show", "1")
    assert "Pakistan's Foreign Minister" in table and "to local television" in table


def test_show_unknown_id_is_an_error(cli):
    assert cli.fails("show", "42") == "Error: no statement with id 42\n"


def test_db_path_follows_the_option_then_the_environment(cli, db_path, tmp_path):
    assert cli.ok("db", "path") == f"{db_path}\n"
    assert cli.ok("db", "path", "--db", str(tmp_path / "other.db")) == f"{tmp_path / 'other.db'}\n"


def test_db_info_counts_rows(cli, three):
    info = cli.json("db", "info")
    assert info["statements"] == 3 and info["speakers"] == 2 and info["sources"] == 3
    assert info["migrations"][0] == "m001_initial"


def test_without_option_or_environment_the_database_is_a_per_user_file(cli, monkeypatch, tmp_path):
    monkeypatch.delenv("TRACKER_DB")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = cli.ok("db", "path").strip()
    assert path.startswith(str(tmp_path)) and path.endswith("tracker.db")
    cli.ok("add", "Hello.", "-s", "X", "--no-link")
    assert (tmp_path / path).exists()


def test_the_library_needs_a_database_path(monkeypatch):
    from tracker.model import InvalidInput
    from tracker.store import open_db

    monkeypatch.delenv("TRACKER_DB")
    with pytest.raises(InvalidInput, match="no database: pass a path or set TRACKER_DB"):
        open_db()


def test_usage_errors_are_one_line_with_exit_code_2(cli):
    assert cli.fails("list", "--foo", code=2) == (
        "Error: No such option: --foo (see 'tracker list --help')\n"
    )
    assert cli.fails("show", "abc", code=2) == (
        "Error: Invalid value for 'ID': 'abc' is not a valid int. (see 'tracker show --help')\n"
    )
    assert cli.fails("frob", code=2) == "Error: No such command 'frob'. (see 'tracker --help')\n"


def test_a_bare_command_group_prints_its_help(cli):
    assert cli.ok("speakers").startswith("Usage: tracker speakers [OPTIONS] COMMAND")
