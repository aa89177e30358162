"""Concurrent writers: several `tracker add` processes at once (and a `tracker link` beside
them) all succeed, and nothing is lost.

`make soak` runs the heavy version (TRACKER_SOAK_ADDS=60: 4 processes x 60 adds)."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEED_ARTICLE

ADDS = int(os.environ.get("TRACKER_SOAK_ADDS", "15"))
# the soak starts one `tracker add` process per statement; the suite runs each writer's adds
# in its own process, one connection and transaction each, to stay fast
SEPARATE = "TRACKER_SOAK_ADDS" in os.environ

# one writer: `count` adds in a row; prints each failure, then how many failed
_WRITER = """
import subprocess, sys
db, worker, count, separate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
if not separate:
    from typer.testing import CliRunner
    from tracker.cli import app
    runner = CliRunner()
failed = 0
for i in range(count):
    args = ["add", f"Officials in district {worker} said bridge number {i} will reopen in May after repairs.",
            "--speaker", f"Analyst {worker}", "--source", "Desk", "--db", db]
    if separate:
        done = subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True)
        code, stderr = done.returncode, done.stderr
    else:
        result = runner.invoke(app, args)
        code, stderr = result.exit_code, result.stderr + repr(result.exception or "")
    if code != 0:
        failed += 1
        print(f"add {worker}/{i} failed ({code}): {stderr.strip()}", flush=True)
    elif stderr.startswith("Created ledger"):
        print("created", flush=True)
print(f"failed {failed}", flush=True)
"""


def _writers(db: Path, workers: int, count: int) -> list[subprocess.Popen[str]]:
    return [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db), str(w), str(count), "1" if SEPARATE else "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for w in range(workers)
    ]


def _reports(procs: list[subprocess.Popen[str]]) -> list[str]:
    return [p.communicate(timeout=600)[0] for p in procs]


def _stored(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        statements = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT text) FROM statements").fetchone()[0]
        return statements, distinct
    finally:
        conn.close()


def test_four_processes_adding_at_once_to_a_new_ledger_all_succeed_and_lose_nothing(tmp_path, cli):
    db = tmp_path / "desk.db"
    reports = _reports(_writers(db, 4, ADDS))
    assert [r.splitlines()[-1] for r in reports] == ["failed 0"] * 4, "".join(reports)
    assert sum(r.count("created") for r in reports) == 1  # the ledger was made once
    assert _stored(db) == (4 * ADDS, 4 * ADDS)
    assert cli.ok("db", "check", "--db", str(db)) == "ok\n"


def test_a_relink_running_while_adds_arrive_and_everything_is_stored(tmp_path, cli):
    db = tmp_path / "desk.db"
    words = sorted(set(re.findall(r"[a-z]{4,}", SEED_ARTICLE.read_text(encoding="utf-8").lower())))
    rows = [" ".join(random.Random(i).sample(words, 9)).capitalize() + "." for i in range(400)]
    seed = "".join(f"{text},Minister {i % 25}\n" for i, text in enumerate(rows))
    (tmp_path / "seed.csv").write_text("text,speaker\n" + seed, encoding="utf-8")
    cli.ok("import", str(tmp_path / "seed.csv"), "--db", str(db))
    writers = _writers(db, 2, ADDS)
    relinks = []
    while any(w.poll() is None for w in writers) or len(relinks) < 2:
        done = subprocess.run(
            [sys.executable, "-m", "tracker", "link", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        relinks.append((done.returncode, done.stderr))
    reports = _reports(writers)
    assert [code for code, _ in relinks] == [0] * len(relinks), relinks
    assert [r.splitlines()[-1] for r in reports] == ["failed 0"] * 2, "".join(reports)
    assert _stored(db) == (400 + 2 * ADDS, 400 + 2 * ADDS)
    assert cli.ok("db", "check", "--db", str(db)) == "ok\n"


def test_a_reader_holding_a_snapshot_never_blocks_a_writer(cli, db_path):
    cli.ok("add", "We will stop.", "--speaker", "Ishaq Dar", "--no-link")
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM statements").fetchone() == (1,)  # a snapshot held open
    started = time.monotonic()
    cli.ok("add", "The ball is in India's court.", "--speaker", "Ishaq Dar", "--no-link")
    assert time.monotonic() - started < 5
    assert reader.execute("SELECT count(*) FROM statements").fetchone() == (1,)  # still its snapshot
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM statements").fetchone() == (2,)
    reader.close()


def test_a_busy_error_returned_at_once_is_retried_and_any_other_error_is_not():
    from tracker.store.connection import retry_busy

    calls: list[int] = []

    def busy_twice() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert (retry_busy(busy_twice), len(calls)) == ("done", 3)

    def broken() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("no such table: statements")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retry_busy(broken)
    assert len(calls) == 1
