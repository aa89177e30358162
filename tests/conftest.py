from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tracker.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "000_5d60781b92935417.txt"
SEED_STATEMENTS = ROOT / "data" / "seed-statements.jsonl"
# statements about nothing in the seed: a related pair must stand out from these
OTHER = [
    "The central bank raised interest rates by half a point on Tuesday.",
    "Heavy rain flooded the coastal highway near the port city overnight.",
    "The football club signed a new striker from Brazil for a record fee.",
    "Farmers protested against the new water tariffs outside parliament.",
]


@pytest.fixture(scope="session")
def blank_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new ledger, made once and copied for each test (read commands never create one)."""
    from tracker.store import open_db

    path = tmp_path_factory.mktemp("template") / "blank.db"
    open_db(path).close()
    return path


@pytest.fixture(autouse=True)
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank_ledger: Path) -> Path:
    """Every test gets its own (empty) ledger, and a fixed-width, colourless terminal."""
    path = tmp_path / "tracker.db"
    shutil.copyfile(blank_ledger, path)
    monkeypatch.setenv("TRACKER_DB", str(path))
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return path


@pytest.fixture
def db(db_path: Path) -> Any:
    """The test's database, opened through the library."""
    from tracker.store import open_db

    return open_db(db_path)


class Cli:
    """Runs `tracker` in-process; `ok` expects success, `fails` expects an exit code."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> Any:
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False, prog_name="tracker")

    def ok(self, *args: str, input: str | bytes | None = None) -> str:
        result = self(*args, input=input)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return result.stdout

    def json(self, *args: str, input: str | bytes | None = None) -> Any:
        return json.loads(self.ok(*args, "--json", input=input))

    def fails(self, *args: str, code: int = 1, input: str | bytes | None = None) -> str:
        result = self(*args, input=input)
        assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        return result.stderr


@pytest.fixture
def cli() -> Cli:
    return Cli()


def article(tmp_path: Path, name: str, body: str) -> str:
    """An article file of these words in the test's folder, by its path."""
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def reanalysed_propositions(
    path: Path, stop_before: str, speaker: tuple[str, str], rows: list[tuple[str, str]]
) -> list[tuple[str]]:
    """The statements' propositions after a re-analysing migration: a ledger migrated up to
    `stop_before`, holding one speaker and statements stored with the propositions given
    (what the engine before derived), then opened, which applies the rest."""
    return reanalysed(path, stop_before, speaker, [(text, proposition, None) for text, proposition in rows])


def reanalysed(
    path: Path,
    stop_before: str,
    speaker: tuple[str, str],
    rows: list[tuple[str, str, str | None]],
    columns: str = "proposition",
    edited: tuple[int, ...] = (),
) -> list[tuple[Any, ...]]:
    """`columns` of the statements after a re-analysing migration, as reanalysed_propositions,
    with each statement stored with the (text, proposition, hedge) given; the statements whose
    ids are in `edited` have a person's correction of their hedge in the audit trail."""
    import sqlite3

    from sqlite_utils import Database

    from tracker.migrations import migrations
    from tracker.store.connection import open_db

    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=[stop_before])
    old.execute("INSERT INTO speakers (name, kind) VALUES (?, ?)", list(speaker))
    for n, (text, proposition, hedge) in enumerate(rows):
        old.execute(
            "INSERT INTO statements (text, speaker_id, kind, polarity, modality, proposition, hedge, content_hash) "
            "VALUES (?, 1, 'direct', 'affirm', 'assertion', ?, ?, ?)",
            [text, proposition, hedge, f"h{n}"],
        )
    for sid in edited:
        old.execute(
            "INSERT INTO audit (at, by, action, statement_id, before, after) VALUES (?, ?, 'edit', ?, ?, ?)",
            [
                "2026-01-01T00:00:00+00:00",
                "farah",
                sid,
                json.dumps({"hedge": None}),
                json.dumps({"hedge": "could"}),
            ],
        )
    old.conn.commit()
    old.conn.close()
    return open_db(path).execute(f"SELECT {columns} FROM statements ORDER BY id").fetchall()
