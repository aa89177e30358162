"""`tracker import`: every format, all-or-nothing, idempotence, streaming, and bad input."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.export import read_statements
from tracker.store import open_db

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
TABLES = ("speakers", "speaker_aliases", "sources", "statements", "links", "verdicts")


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to prove a failed import changed nothing."""
    if not db_path.exists():
        return {}
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def texts(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM statements ORDER BY id")]


SEED_TEXTS = [json.loads(line)["text"] for line in SEED.read_text().splitlines()]
CSV = (
    "text,speaker,source,said_on,kind,tags,ref\n"
    '"If India stops here, then we will consider to stop here.",Ishaq Dar,Caliber.Az,'
    '2025-05-10,direct,"a, b",r1\n'
    "The ball is in India's court.,Dar,Caliber.Az,2025-05,direct,a,r2\n"
)


@pytest.fixture
def seeded(cli, db_path):
    cli.ok("import", str(SEED), "--no-link")
    return snapshot(db_path)


def test_jsonl_import_stores_every_seed_statement(cli, db_path):
    result = cli("import", str(SEED), "--no-link")
    assert result.exit_code == 0
    assert result.stderr == "Imported 6 new statements (0 already recorded).\n"
    assert texts(db_path) == SEED_TEXTS


@pytest.mark.parametrize(
    "name, content",
    [
        ("in.csv", CSV),
        (
            "in.tsv",
            CSV.replace(",Ishaq", "\tIshaq")
            .replace(",Dar", "\tDar")
            .replace(
                "text,speaker,source,said_on,kind,tags,ref", "text\tspeaker\tsource\tsaid_on\tkind\ttags\tref"
            )
            .replace(",Caliber.Az,", "\tCaliber.Az\t")
            .replace(",direct,", "\tdirect\t")
            .replace(",r", "\tr"),
        ),
        (
            "in.json",
            json.dumps(
                [
                    {
                        "text": "If India stops here, then we will consider to stop here.",
                        "speaker": "Ishaq Dar",
                        "source": "Caliber.Az",
                        "said_on": "2025-05-10",
                        "tags": ["a", "b"],
                        "ref": "r1",
                    },
                    {
                        "text": "The ball is in India's court.",
                        "speaker": "Dar",
                        "source": "Caliber.Az",
                        "said_on": "2025-05",
                        "tags": ["a"],
                        "ref": "r2",
                    },
                ]
            ),
        ),
        (
            "in.jsonl",
            "\n".join(
                json.dumps(r)
                for r in [
                    {
                        "text": "If India stops here, then we will consider to stop here.",
                        "speaker": "Ishaq Dar",
                        "source": "Caliber.Az",
                        "said_on": "2025-05-10",
                        "tags": "a, b",
                        "ref": "r1",
                    },
                    {
                        "text": "The ball is in India's court.",
                        "speaker": "Dar",
                        "source": "Caliber.Az",
                        "said_on": "2025-05",
                        "tags": ["a"],
                        "ref": "r2",
                    },
                ]
            )
            + "\n",
        ),
    ],
)
def test_each_format_imports_the_same_rows(cli, db_path, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    cli.ok("import", str(path), "--no-link")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT s.text, sp.name, src.outlet, s.said_on, s.tags, s.ref FROM statements s "
            "JOIN speakers sp ON sp.id = s.speaker_id JOIN sources src ON src.id = s.source_id"
        ).fetchall() == [
            (
                "If India stops here, then we will consider to stop here.",
                "Ishaq Dar",
                "Caliber.Az",
                "2025-05-10",
                '["a", "b"]',
                "r1",
            ),
            ("The ball is in India's court.", "Ishaq Dar", "Caliber.Az", "2025-05", '["a"]', "r2"),
        ]


def test_stdin_takes_a_format(cli, db_path):
    cli.ok("import", "-", "--format", "csv", "--no-link", input=CSV)
    assert len(texts(db_path)) == 2


def test_reimporting_the_same_file_adds_nothing(cli, db_path, seeded):
    result = cli("import", str(SEED), "--no-link")
    assert result.exit_code == 0
    assert result.stderr == "Imported 0 new statements (6 already recorded).\n"
    assert snapshot(db_path) == seeded


@pytest.mark.parametrize(
    "last_row, message",
    [
        ({"speaker": "X"}, "Error: row 3: text is missing\n"),
        (
            {"text": "A claim.", "speaker": "C", "said_on": "2025-02-30"},
            "Error: row 3: invalid said-on date '2025-02-30': no such date\n",
        ),
        (
            {"text": "A claim.", "speaker": "C", "kind": "rumour"},
            "Error: row 3: invalid kind 'rumour': use one of direct, indirect, paraphrase, unknown\n",
        ),
    ],
)
def test_a_bad_last_row_rejects_the_file_and_stores_nothing(
    cli, db_path, tmp_path, seeded, last_row, message
):
    path = tmp_path / "new.jsonl"
    rows = [{"text": "First new claim.", "speaker": "A"}, {"text": "Second new claim.", "speaker": "B"}]
    path.write_text("\n".join(json.dumps(r) for r in [*rows, last_row]) + "\n")
    assert cli.fails("import", str(path)) == message
    assert snapshot(db_path) == seeded


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("unterminated.csv", b'text,speaker\nok,A\n"never closed,B\n', "row 3: unterminated quote"),
        ("columns.csv", b"text,speaker\nok,A\n\nx,y,z\n", "row 4: 3 columns where the header has 2"),
        (
            "truncated.json",
            b'[{"text": "ok", "speaker": "A"}, {"text": "cut',
            "truncated.json: invalid JSON at byte 42 (line 1): unterminated string; is the file truncated?",
        ),
        # UTF-8 first, then a byte no pasted character is: a broken file, not one in another encoding
        (
            "utf8.csv",
            b"text,speaker\nok \xc3\xa9,A\nbad \xff byte,B\n",
            "row 3: line 3 (byte 25): not valid UTF-8; give --encoding to read it in another encoding",
        ),
        (
            "utf8.jsonl",
            b'{"text": "\xc3\xa9", "speaker": "A"}\n{"text": "\xc3"}\n',
            "row 2: line 2 (byte 41): not valid UTF-8; give --encoding to read it in another encoding",
        ),
        (
            "utf8.json",
            b'[{"text": "' + bytes(range(128, 256)) * 3 + b'"}]',
            "utf8.json: not valid UTF-8 (byte 11); give --encoding to read it in another encoding",
        ),
        ("nul.csv", b"text,speaker\nok,A\nb\x00d,B\n", "row 3: line 3 (byte 19): NUL byte"),
        (
            "nul.jsonl",
            b'{"text": "ok", "speaker": "A"}\n{"text": "a\x00"}\n',
            "row 2: line 2 (byte 42): NUL byte",
        ),
        ("nul.json", b'[{"text": "a\x00"}]', "nul.json: NUL byte at byte 12"),
        ("empty.csv", b"", "empty.csv: empty file (expected a header row with a 'text' column)"),
        ("blank.csv", b"\n\n", "blank.csv: empty file (expected a header row with a 'text' column)"),
        ("empty.json", b"  \n", "empty.json: empty file (expected a JSON array of statements)"),
        ("empty.jsonl", b"", "empty.jsonl: no rows to import"),
        ("header.csv", b"text,speaker\n", "header.csv: no rows to import"),
        ("notext.csv", b"speaker\nA\n", "notext.csv: the header has no 'text' column"),
        (
            "article.txt",
            b"Police said the road was closed.\n",
            "article.txt: the header has no 'text' column"
            " (an article? `tracker extract article.txt` finds who said what in it)",
        ),
        ("twice.csv", b"text,text\na,b\n", "twice.csv: the header repeats column text"),
        ("object.json", b'{"text": "a"}', "object.json: expected a JSON array of statement objects"),
        ("list.jsonl", b'{"text": "ok", "speaker": "A"}\n[1]\n', "row 2 (line 2): expected a JSON object"),
        (
            "badline.jsonl",
            b'{"text": "ok", "speaker": "A"}\n\n{"text": \n',
            "row 2 (line 3): invalid JSON (Expecting value)",
        ),
        ("number.json", b'[{"text": 5}]', "row 1: text must be a string"),
    ],
)
def test_bad_input_is_one_error_line_naming_row_or_byte_and_stores_nothing(
    cli, db_path, tmp_path, seeded, name, data, message
):
    path = tmp_path / name
    path.write_bytes(data)
    stderr = cli.fails("import", str(path))
    assert stderr == f"Error: {message}\n".replace(name, str(path))
    assert snapshot(db_path) == seeded


def test_a_5mb_cell_is_rejected_without_reading_it_whole(cli, db_path, tmp_path, seeded):
    one_line = tmp_path / "big.csv"
    one_line.write_bytes(b"text,speaker\n" + b"x" * 5_000_000 + b",A\n")
    assert (
        cli.fails("import", str(one_line)) == "Error: row 2: line 2 (byte 13): longer than 1,000,000 bytes\n"
    )
    multi_line = tmp_path / "big2.csv"
    multi_line.write_bytes(b'text,speaker\n"' + b"xxxx\n" * 1_000_000 + b'",A\n')
    assert cli.fails("import", str(multi_line)).startswith("Error: row 2 (line ")
    assert "a cell is larger than 1,000,000 bytes" in cli.fails("import", str(multi_line))
    big_json = tmp_path / "big.jsonl"
    big_json.write_text(json.dumps({"text": "y" * 5_000_000}) + "\n")
    assert "longer than 1,000,000 bytes" in cli.fails("import", str(big_json))
    assert snapshot(db_path) == seeded


def test_a_too_long_text_in_a_json_array_names_the_row(cli, tmp_path, db_path, seeded):
    path = tmp_path / "long.json"
    path.write_text(json.dumps([{"text": "ok", "speaker": "A"}, {"text": "z" * 5_000_000, "speaker": "A"}]))
    assert cli.fails("import", str(path)) == (
        "Error: row 2: statement text is too long (5,000,000 characters; at most 20,000, "
        "the max_text_chars setting)\n"
    )
    assert snapshot(db_path) == seeded


def test_import_takes_the_longest_text_from_the_ledgers_setting(cli, tmp_path, db_path):
    path = tmp_path / "long.csv"
    path.write_text("text,speaker\n" + "A" * 120 + ",Dar\n" + "B" * 90 + ",Dar\n")
    assert cli.ok("settings", "set", "max_text_chars", "100") == ""
    assert cli.fails("import", str(path)) == (
        "Error: row 2: statement text is too long (120 characters; at most 100, the max_text_chars setting)\n"
    )
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM statements").fetchone() == (0,)
    cli.ok("settings", "set", "max_text_chars", "120")
    cli.ok("import", str(path), "--no-link")
    texts = sqlite3.connect(db_path).execute("SELECT text FROM statements ORDER BY id").fetchall()
    assert texts == [("A" * 120,), ("B" * 90,)]


def test_unknown_columns_are_a_warning_then_ignored(cli, db_path, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("text,speaker,colour,mood\nA claim.,A,red,calm\nMore.,B,blue,sad\n")
    result = cli("import", str(path), "--no-link")
    assert result.exit_code == 0
    assert result.stderr == (
        "Warning: ignoring unknown columns: colour, mood\nImported 2 new statements (0 already recorded).\n"
    )
    assert texts(db_path) == ["A claim.", "More."]


def test_missing_file_and_unknown_format_are_errors(cli, tmp_path):
    assert (
        cli.fails("import", str(tmp_path / "nope.csv")) == f"Error: {tmp_path / 'nope.csv'}: no such file\n"
    )
    assert cli.fails("import", str(SEED), "--format", "xml", code=2) == (
        "Error: unknown format 'xml': use one of csv, tsv, json, jsonl (see 'tracker import --help')\n"
    )


def test_reading_streams_rows_before_the_rest_of_the_file(tmp_path):
    # the broken third line is only met when reading gets there: nothing was read ahead
    path = tmp_path / "stream.csv"
    path.write_bytes(b"text,speaker\nfirst \xc3\xa9,A\nbroken \xff,B\n")
    rows = read_statements(str(path), "csv")
    assert next(rows).text == "first é"
    with pytest.raises(Exception, match="not valid UTF-8"):
        next(rows)


def test_a_bom_and_crlf_line_endings_are_read(cli, db_path, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(b'\xef\xbb\xbftext,speaker\r\n"Two\r\nlines",A\r\n')
    cli.ok("import", str(path), "--no-link")
    assert texts(db_path) == ["Two\r\nlines"]


def test_json_cut_between_values_says_it_may_be_truncated(cli, tmp_path, seeded, db_path):
    path = tmp_path / "cut.json"
    path.write_text('[{"text": "ok"},')
    assert cli.fails("import", str(path)) == (
        f"Error: {path}: invalid JSON at byte 16 (line 1): Expecting value; is the file truncated?\n"
    )
    assert snapshot(db_path) == seeded


def test_reading_a_big_csv_keeps_memory_flat(tmp_path):
    import tracemalloc

    path = tmp_path / "many.csv"
    row = "A statement that is long enough to matter in a file of many rows,Speaker,Outlet\n"
    path.write_text("text,speaker,source\n" + row * 12_000)  # about 1 MB
    tracemalloc.start()
    count = sum(1 for _ in read_statements(str(path), "csv"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 12_000
    assert peak < 200_000, peak  # a fraction of the file: rows are never all held at once


def test_an_import_interrupted_while_linking_says_what_is_stored(cli, db_path, tmp_path, monkeypatch):
    """The import commits before linking starts: Ctrl-C then must not say nothing was written."""
    from tracker import link

    path = tmp_path / "two.csv"
    path.write_text("text,speaker\nOne claim.,A\nAnother claim.,B\n", encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(link, "link_new", interrupted)
    result = cli("import", str(path))
    assert result.exit_code == 130
    assert result.stderr.endswith(
        "Interrupted: the new statements are stored, not linked yet (`tracker link` links them).\n"
    )
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM statements").fetchone() == (2,)


def test_an_import_stopped_after_it_committed_says_what_is_stored(cli, db_path, tmp_path, monkeypatch):
    from tracker.cli import render

    path = tmp_path / "two.csv"
    path.write_text("text,speaker\nOne claim.,A\nAnother claim.,B\n", encoding="utf-8")

    def interrupted(message):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "status", interrupted)  # while it says "Imported 2 new …"
    result = cli("import", str(path), "--no-link")
    assert (result.exit_code, result.stderr) == (130, "Interrupted: the 2 new statements are stored.\n")
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM statements").fetchone() == (2,)


def test_an_add_stopped_while_printing_says_it_is_stored_and_one_already_recorded_says_nothing(
    cli, db_path, monkeypatch
):
    from tracker import store

    def interrupted(db, statement_id):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "get_statement", interrupted)
    result = cli("add", "One claim.", "-s", "A", "--no-link", "--json")
    assert (result.exit_code, result.stderr) == (130, "Interrupted: the new statement is stored.\n")
    result = cli("add", "One claim.", "-s", "A", "--no-link", "--json")
    assert (result.exit_code, result.stderr) == (130, "Interrupted: nothing was written.\n")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


def _running(marker: str) -> list[int]:
    """Live processes whose command line mentions `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if (
                entry.name.isdigit()
                and marker in (entry / "cmdline").read_text()
                and "State:\tZ" not in (entry / "status").read_text()
            ):
                found.append(int(entry.name))
        except OSError:  # it ended while we looked
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc (Linux)")
@pytest.mark.parametrize("whom", ["the importer", "its process group"])
def test_a_terminated_import_rolls_back_quietly(tmp_path, whom):
    """SIGTERM mid-import, to the importer alone (`kill`) or to its whole process group (as
    `timeout` and service managers send it, workers included): exit 143, one line, nothing
    written, and no analysis worker left behind."""
    path = tmp_path / "many.csv"
    rows = "".join(
        f"Officials in town {i} said the bridge number {i} will reopen in May.,Speaker {i % 50}\n"
        for i in range(40_000)
    )
    path.write_text("text,speaker\n" + rows, encoding="utf-8")
    db = tmp_path / "t.db"
    open_db(db).close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", "import", str(path), "--no-link", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _children(proc.pid), "the import finished (or stalled) before its workers started"
        if whom == "the importer":
            proc.send_signal(signal.SIGTERM)
        else:
            os.killpg(proc.pid, signal.SIGTERM)
        try:  # bounded: a stop that hangs fails here, named, instead of stalling the suite
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"the import had not stopped 60 s after SIGTERM to {whom}: {_running(str(db))} still run"
            )
        assert (proc.returncode, err) == (143, "Terminated: nothing was written.\n")
        assert sqlite3.connect(db).execute("SELECT count(*) FROM statements").fetchone() == (0,)
        time.sleep(0.2)
        assert _running(str(db)) == []
    finally:
        for pid in [proc.pid, *_running(str(db))]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_an_interrupted_import_writes_nothing(cli, db_path, tmp_path, monkeypatch):
    """Ctrl-C in the middle of an import: exit 130, one line, the database as it was."""
    from tracker.store import ingest

    cli.ok("add", "Already here.", "-s", "X", "--no-link")
    before = sqlite3.connect(db_path).execute("SELECT * FROM statements").fetchall()
    rows = "".join(f"Statement number {i}.,Speaker {i % 7}\n" for i in range(50))
    path = tmp_path / "many.csv"
    path.write_text("text,speaker\n" + rows, encoding="utf-8")
    real = ingest.check_statement
    calls = []

    def interrupted(new, **limits):
        calls.append(new)
        if len(calls) == 40:
            raise KeyboardInterrupt
        return real(new, **limits)

    monkeypatch.setattr(ingest, "check_statement", interrupted)
    result = cli("import", str(path), "--no-link")
    assert result.exit_code == 130
    assert result.stderr == "Interrupted: nothing was written.\n"
    assert sqlite3.connect(db_path).execute("SELECT * FROM statements").fetchall() == before
