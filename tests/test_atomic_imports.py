"""Atomic imports: `kill -9` during an import, or during the linking after it, leaves the ledger
as before or as after that step, never between, and sound (`tracker db check` says ok)."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import SEED_ARTICLE

ROWS = 12_000 if "TRACKER_SOAK_ADDS" in os.environ else 3_000


def _csv(path: Path, rows: int) -> Path:
    words = sorted(set(re.findall(r"[a-z]{4,}", SEED_ARTICLE.read_text(encoding="utf-8").lower())))
    vocabulary = [a + b for a in words for b in words[:12]]
    lines = [
        " ".join(random.Random(i).sample(vocabulary, 9)).capitalize() + f".,Minister {i % 25}\n"
        for i in range(rows)
    ]
    path.write_text("text,speaker\n" + "".join(lines), encoding="utf-8")
    return path


def _counts(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("SELECT count(*) FROM statements").fetchone()[0],
            conn.execute("SELECT count(*) FROM links").fetchone()[0],
        )
    finally:
        conn.close()


class _Import:
    """`tracker import` in its own process group, its stderr collected as it comes."""

    def __init__(self, csv: Path, db: Path, *extra: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tracker", "import", str(csv), "--db", str(db), *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)

    def wait_for(self, ready, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while not ready() and self.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)

    def kill(self) -> str:
        os.killpg(self.proc.pid, signal.SIGKILL)  # the importer and its analysis workers
        self.proc.wait(timeout=60)
        self.reader.join(timeout=10)
        return "".join(self.lines)


@pytest.fixture
def ledger(cli, tmp_path: Path) -> Path:
    db = tmp_path / "desk.db"
    cli.ok("add", "We will stop.", "--speaker", "Ishaq Dar", "--db", str(db))
    return db


def test_kill_9_while_the_rows_are_written_leaves_the_ledger_as_before(cli, tmp_path, ledger):
    csv = _csv(tmp_path / "big.csv", ROWS * 4)
    wal = Path(f"{ledger}-wal")
    started = _Import(csv, ledger, "--no-link")
    started.wait_for(lambda: wal.exists() and wal.stat().st_size > 1_000_000)  # rows are going in
    stderr = started.kill()
    assert "Imported" not in stderr, "the import ended before it was killed: make the file bigger"
    assert _counts(ledger) == (1, 0)
    assert cli.ok("db", "check", "--db", str(ledger)) == "ok\n"
    again = cli("import", str(csv), "--no-link", "--db", str(ledger))
    assert again.stderr == f"Imported {ROWS * 4} new statements (0 already recorded).\n"


def test_kill_9_while_linking_keeps_the_statements_and_no_partial_links(cli, tmp_path, ledger):
    csv = _csv(tmp_path / "big.csv", ROWS)
    started = _Import(csv, ledger)
    started.wait_for(lambda: any(line.startswith("Imported") for line in started.lines))
    time.sleep(0.3)
    stderr = started.kill()
    assert stderr.startswith(f"Imported {ROWS} new statements") and "Linked:" not in stderr, (
        "the linking ended before it was killed: make the file bigger"
    )
    assert _counts(ledger) == (ROWS + 1, 0)  # the import committed; the links' one write did not
    assert cli.ok("db", "check", "--db", str(ledger)) == "ok\n"
    assert re.match(r"\d+ candidate pairs", cli("link", "--db", str(ledger)).stderr)
    assert _counts(ledger)[0] == ROWS + 1
    assert cli("import", str(csv), "--db", str(ledger)).stderr == (
        f"Imported 0 new statements ({ROWS} already recorded).\n"
    )
