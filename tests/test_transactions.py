"""Write transactions beside another writer: a command that reads and then writes takes the
write lock first, so it waits for the other writer's commit (busy_timeout) and then sees what
was committed; a deferred transaction would fail at its first write with "database is locked",
unable to upgrade the read lock it took."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tracker.store import open_db


@contextmanager
def another_writer(path: Path, sql: str = "", *, seconds: float = 0.4) -> Iterator[None]:
    """Another connection's write transaction (running `sql`), committed `seconds` from now."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(sql or "INSERT INTO settings (key, value) VALUES ('another writer', 'was here')")
    timer = threading.Timer(seconds, conn.execute, ["COMMIT"])
    timer.start()
    try:
        yield
    finally:
        timer.join()
        conn.close()


def _add_verdict(db: Any) -> Any:
    from tracker.verdicts import add_verdict

    return add_verdict(db, 1, "false")["rating"]


def _alias(db: Any) -> Any:
    from tracker.store.speaker_admin import add_alias

    return add_alias(db, "Ishaq Dar", "FM Dar")["name"]


def _rename(db: Any) -> Any:
    from tracker.store.speaker_admin import rename_speaker

    return rename_speaker(db, "Ishaq Dar", "Mohammad Ishaq Dar")["name"]


def _merge(db: Any) -> Any:
    from tracker.store.speaker_admin import merge_speakers

    return merge_speakers(db, "Ishaq Dar", "Shehbaz Sharif")["name"]


def _unmerge(db: Any) -> Any:
    from tracker.store.speaker_admin import unmerge_speakers

    return unmerge_speakers(db, 1)["name"]


def _split(db: Any) -> Any:
    from tracker.store.speaker_admin import split_speaker

    return split_speaker(db, "Ishaq Dar", [1], name="Asif Ali Zardari")["name"]


def _confirm(db: Any) -> Any:
    from tracker.store.speaker_admin import confirm_speaker

    return confirm_speaker(db, "Ishaq Dar", [1])["name"]


def _rebuild(db: Any) -> Any:
    from tracker.store.operations import rebuild_fts

    return rebuild_fts(db)


READ_THEN_WRITE: dict[str, tuple[Callable[[Any], Any], Any]] = {
    "verdict": (_add_verdict, "false"),
    "speakers alias": (_alias, "Ishaq Dar"),
    "speakers rename": (_rename, "Mohammad Ishaq Dar"),
    "speakers merge": (_merge, "Ishaq Dar"),
    "speakers unmerge": (_unmerge, "Shehbaz Sharif"),
    "speakers split": (_split, "Asif Ali Zardari"),
    "speakers confirm": (_confirm, "Ishaq Dar"),
    "db check --repair": (_rebuild, ["claims_fts", "sources_fts", "statements_fts"]),
}


@pytest.mark.parametrize("name", READ_THEN_WRITE)
def test_a_write_that_reads_first_waits_for_another_writer_and_succeeds(cli, db_path, name):
    cli.ok("add", "We will stop if India stops.", "--speaker", "Ishaq Dar", "--no-link")
    cli.ok(
        "add", "The ball is in India's court.", "--speaker", "Shehbaz Sharif", "--source", "Dawn", "--no-link"
    )
    action, expected = READ_THEN_WRITE[name]
    db = open_db(db_path)
    if name == "speakers unmerge":
        _merge(db)
    with another_writer(db_path):
        assert action(db) == expected
    assert db.execute("SELECT value FROM settings WHERE key = 'another writer'").fetchone() == ("was here",)


def test_a_threshold_is_checked_against_what_another_writer_committed_meanwhile(cli, db_path):
    from tracker.link import set_threshold, thresholds
    from tracker.model import InvalidInput

    db = open_db(db_path)
    # another writer lowers confirm to 50 while this one raises suggest to 70: suggest must
    # never end above confirm, so the check reads confirm under the write lock
    with (
        another_writer(db_path, "INSERT INTO settings (key, value) VALUES ('confirm_threshold', '50')"),
        pytest.raises(
            InvalidInput, match=r"^suggest_threshold \(70\) must not be above confirm_threshold \(50\)$"
        ),
    ):
        set_threshold(db, "suggest_threshold", "70")
    assert (thresholds(db).suggest, thresholds(db).confirm) == (30.0, 50.0)


_ANOTHER_CLAIM = (
    "INSERT INTO claims (text, proposition, ref, origin, created_at)"
    " VALUES ('Pakistani missiles hit targets in Afghanistan', 'pakistani missiles hit targets afghanistan',"
    " 'afg', 'user', '2025-05-11T00:00:00+00:00')"
)


@pytest.mark.parametrize(
    ("text", "ref", "refused"),
    [
        ("Pakistani missiles struck targets in Afghanistan", None, "claim 1 says nearly the same: "),
        ("pakistani missiles hit targets in afghanistan", None, "this claim is already recorded as claim 1"),
        ("The Ravi bridge collapsed on Monday", "afg", "a claim with ref 'afg' is already recorded"),
    ],
)
def test_claim_add_refuses_what_another_writer_recorded_meanwhile(db_path, text, ref, refused):
    from tracker.claims import add_claim
    from tracker.model import InvalidInput

    db = open_db(db_path)
    with another_writer(db_path, _ANOTHER_CLAIM), pytest.raises(InvalidInput, match=f"^{refused}"):
        add_claim(db, text, ref=ref)
    assert db.execute("SELECT id, text FROM claims").fetchall() == [
        (1, "Pakistani missiles hit targets in Afghanistan")
    ]


@pytest.mark.parametrize("relink", [False, True], ids=["link new", "relink all"])
def test_linking_that_fails_while_attaching_claims_leaves_no_link_behind(cli, db_path, monkeypatch, relink):
    from tracker.claims import attach
    from tracker.link import link_new, relink_all

    cli.ok("add", "Indian missiles struck targets in Afghanistan.", "--speaker", "Pakistan's military")
    cli.ok("add", "Ships sailed from the port again on Tuesday.", "--speaker", "Port authority")
    cli.ok(
        "add",
        "India denied that its missiles struck targets in Afghanistan.",
        "--speaker",
        "India",
        "--no-link",
    )
    cli.ok("add", "Ships sailed from the port again on Tuesday.", "--speaker", "Harbour master", "--no-link")
    db = open_db(db_path)
    before = list(db.conn.iterdump())

    def link() -> tuple[int, int]:
        stats = relink_all(db) if relink else link_new(db, [3, 4])
        return stats.links, stats.attached

    def fail(*args: object) -> int:
        raise RuntimeError("stopped while attaching")

    monkeypatch.setattr(attach, "_store", fail)
    with pytest.raises(RuntimeError, match="stopped while attaching"):
        link()
    assert list(db.conn.iterdump()) == before  # no link without the claim sides it implies
    monkeypatch.undo()
    assert link() == (2, 2)  # run again, it links and attaches


def test_a_write_that_waited_out_the_busy_timeout_fails_in_one_line_and_writes_nothing(
    cli, db_path, monkeypatch
):
    from tracker.store import connection

    cli.ok("add", "We will stop if India stops.", "--speaker", "Ishaq Dar", "--no-link")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    with another_writer(db_path, seconds=1.5):
        error = cli.fails("verdict", "1", "--rating", "false")
    assert error == (
        "Error: the ledger is busy: another tracker has been writing to it for 0.2 s; try again when it is done\n"
    )
    assert cli.json("verdicts") == []


def test_a_statement_attached_by_hand_to_a_claim_merged_meanwhile_goes_to_the_claim_it_went_into(
    cli, db_path
):
    from tracker.claims import attach_statement

    cli.ok("add", "Ships sailed from the port again on Tuesday.", "--speaker", "Port authority", "--no-link")
    db = open_db(db_path)
    for text in ("The port reopened on Tuesday.", "The port is open again."):
        db.execute(
            "INSERT INTO claims (text, proposition, origin, created_at) VALUES (?, ?, 'user', '2025-05-11')",
            [text, text.lower()],
        )
    with another_writer(db_path, "UPDATE claims SET merged_into = 2 WHERE id = 1"):
        shown = attach_statement(db, 1, "1", "supports", by="ana")
    assert shown["id"] == 2
    assert db.execute("SELECT claim_id, statement_id, stance FROM claim_statements").fetchall() == [
        (2, 1, "supports")
    ]
