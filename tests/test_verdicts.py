"""`tracker verdict`, `verdicts` and the verdicts in `show`: history, latest counts, inheritance."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"


def link(
    db_path: Path, a: int, b: int, relation: str, status: str = "confirmed", *, by: str | None = "desk"
) -> None:
    """A link row written directly, so tests do not depend on the linker's judgement: a
    person's decision (reviewed), unless `by` is None (the engine's, confirmed sure of itself)."""
    reviewed = "2025-05-12T00:00:00+00:00" if by and status != "suggested" else None
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at, reviewed_at,"
            " reviewed_by) VALUES (?, ?, ?, 90.0, '[]', ?, 'test', '2025-05-11T00:00:00+00:00', ?, ?)",
            [min(a, b), max(a, b), relation, status, reviewed, by if reviewed else None],
        )


@pytest.fixture
def seeded(cli, db_path):
    cli.ok("import", str(SEED), "--no-link")
    cli.ok(
        "add",
        "Indian missiles hit targets in Afghanistan.",
        "-s",
        "Zabihullah Mujahid",
        "--source",
        "Dawn",
        "--url",
        "https://dawn.example/1",
        "--no-link",
    )  # id 7
    return db_path


def test_verdict_prints_its_id_and_is_stored(cli, seeded):
    result = cli(
        "verdict",
        "6",
        "--rating",
        "false",
        "--evidence",
        "https://check.example/6",
        "--note",
        "No strike was found.",
        "--by",
        "Desk",
    )
    assert result.exit_code == 0
    assert result.stdout == "1\n"
    assert result.stderr == "Statement 6 rated false.\n"
    with sqlite3.connect(seeded) as conn:
        assert conn.execute(
            "SELECT statement_id, rating, evidence_url, note, by FROM verdicts"
        ).fetchall() == [(6, "false", "https://check.example/6", "No strike was found.", "Desk")]


def test_history_is_kept_and_the_latest_counts(cli, seeded):
    cli.ok("verdict", "6", "--rating", "unverified", "--by", "Desk")
    cli.ok("verdict", "6", "--rating", "false", "--evidence", "https://check.example/6", "--by", "Desk")
    shown = cli.json("show", "6")
    assert [v["rating"] for v in shown["verdicts"]] == ["unverified", "false"]
    assert shown["verdict"]["rating"] == "false"
    assert shown["verdict"]["inherited_from"] is None
    assert [(r["statement_id"], r["rating"]) for r in cli.json("verdicts")] == [(6, "false")]


def test_a_suggested_agreement_passes_no_verdict_on(cli, seeded):
    link(seeded, 6, 7, "agrees", "suggested")
    cli.ok("verdict", "6", "--rating", "false", "--by", "Desk")
    assert cli.json("show", "7")["verdict"] is None


def test_an_agreement_the_engine_confirmed_passes_no_verdict_on(cli, seeded):
    link(seeded, 6, 7, "agrees", "confirmed", by=None)
    cli.ok("verdict", "6", "--rating", "false", "--by", "Desk")
    assert cli.json("show", "7")["verdict"] is None
    assert [(r["statement_id"], r["inherited_from"]) for r in cli.json("verdicts")] == [(6, None)]


def test_an_agreeing_statement_inherits_the_verdict_without_a_copy(cli, seeded):
    link(seeded, 6, 7, "agrees", "confirmed")
    cli.ok("verdict", "6", "--rating", "false", "--by", "Desk")
    shown = cli.json("show", "7")
    assert shown["verdicts"] == []
    assert (shown["verdict"]["rating"], shown["verdict"]["inherited_from"]) == ("false", 6)
    assert "inherited from #6" in cli.ok("show", "7")
    rows = cli.json("verdicts")
    assert [(r["statement_id"], r["rating"], r["inherited_from"]) for r in rows] == [
        (6, "false", None),
        (7, "false", 6),
    ]
    with sqlite3.connect(seeded) as conn:
        assert conn.execute("SELECT count(*) FROM verdicts").fetchone() == (1,)


def test_an_own_verdict_beats_an_inherited_one(cli, seeded):
    link(seeded, 6, 7, "agrees")
    cli.ok("verdict", "6", "--rating", "false")
    cli.ok("verdict", "7", "--rating", "half-true")
    assert cli.json("show", "7")["verdict"]["rating"] == "half-true"


@pytest.mark.parametrize(
    "relation, status", [("agrees", "rejected"), ("contradicts", "confirmed"), ("related", "confirmed")]
)
def test_only_live_agrees_links_carry_a_verdict(cli, seeded, relation, status):
    link(seeded, 6, 7, relation, status)
    cli.ok("verdict", "6", "--rating", "false")
    assert cli.json("show", "7")["verdict"] is None


def test_verdicts_filters_by_rating_and_has_machine_formats(cli, seeded):
    cli.ok("verdict", "5", "--rating", "true")
    cli.ok("verdict", "6", "--rating", "false")
    assert [r["statement_id"] for r in cli.json("verdicts", "--rating", "false")] == [6]
    csv_out = cli.ok("verdicts", "--csv").splitlines()
    assert (
        csv_out[0]
        == "statement_id,rating,speaker,text,by,created_at,evidence_url,inherited_from,id,note,source"
    )
    assert csv_out[1].startswith("5,true,India,")
    assert [json.loads(line)["rating"] for line in cli.ok("verdicts", "--nl").splitlines()] == [
        "true",
        "false",
    ]


@pytest.mark.parametrize(
    "args, message, code",
    [
        (  # a rating that is none is a usage error, as a missing one is
            ["6", "--rating", "wrong"],
            "Error: invalid rating 'wrong': use one of true, mostly-true, "
            "half-true, misleading, false, pants-on-fire, unverified (see 'tracker verdict --help')\n",
            2,
        ),
        (["99", "--rating", "false"], "Error: no statement with id 99\n", 1),
        (
            ["6", "--rating", "false", "--evidence", "javascript:alert(1)"],
            "Error: evidence URL 'javascript:alert(1)' must start with http:// or https://\n",
            1,
        ),
    ],
)
def test_a_bad_verdict_is_one_error_line_and_stores_nothing(cli, seeded, args, message, code):
    assert cli.fails("verdict", *args, code=code) == message
    with sqlite3.connect(seeded) as conn:
        assert conn.execute("SELECT count(*) FROM verdicts").fetchone() == (0,)


def test_verdict_needs_a_rating(cli, seeded):
    assert "Missing option '--rating'" in cli.fails("verdict", "6", code=2)


DAM = (
    "Dam row deepens\n"
    "By Maria Okafor, Dawn\n"
    "ISLAMABAD (Dawn) — Pakistan's Foreign Office on Monday rejected reports that the Mangla dam"
    " had been breached.\n"
    "Asked about reports that the spillway had failed, spokeswoman Mumtaz Zahra Baloch said:"
    ' "Completely untrue."\n'
)


def test_a_verdict_on_a_reply_only_suggested_on_a_claim_names_what_it_answers(cli) -> None:
    """The reply joins the desk's recorded claim as a suggested side, not a sure one: what the
    ClaimReview rates is still what it answers, never "Completely untrue." as a claim."""
    cli.ok("claim", "add", "The spillway of the Mangla dam had failed")
    cli.ok("extract", "-", "--date", "2025-05-10", "--url", "https://dawn.example/dam", input=DAM)
    shown = cli.json("claim", "show", "1")
    assert [(s["id"], s["stance"], s["status"]) for s in shown["statements"]] == [
        (2, "denies", "suggested"),
        (1, "denies", "suggested"),
    ]
    cli.ok("verdict", "2", "--rating", "false", "--by", "desk")
    (review,) = json.loads(cli.ok("export", "verdicts", "--format", "claimreview"))
    assert review["claimReviewed"] == "Denied: the spillway had failed"
    (row,) = cli.json("report", "--section", "verdicts")["verdicts"]
    assert row["claim"] == "Completely untrue. (answers: the spillway had failed)"
    assert [(v["text"], v["answers"]) for v in cli.json("verdicts")] == [
        ("Completely untrue.", "the spillway had failed")
    ]


def test_a_verdict_on_a_bare_reply_reviews_the_claim_it_denies_said_as_a_denial(cli) -> None:
    cli.ok("extract", "-", "--date", "2025-05-10", "--url", "https://dawn.example/dam", input=DAM)
    assert [(s["speaker"], s["text"]) for s in cli.json("list")][1] == (
        "Mumtaz Zahra Baloch",
        "Completely untrue.",
    )
    cli.ok("verdict", "2", "--rating", "false", "--by", "desk")
    cli.ok("add", "Will the dam hold?", "-s", "Ali Raza", "--no-link")  # a question: no claim
    cli.ok("verdict", "3", "--rating", "unverified", "--by", "desk")
    reviews = json.loads(cli.ok("export", "verdicts", "--format", "claimreview"))
    assert [(r["claimReviewed"], r["itemReviewed"]["author"]["name"]) for r in reviews] == [
        # the claim Baloch denies, never put in her mouth as hers
        ("Denied: The spillway had failed.", "Mumtaz Zahra Baloch"),
        ("Will the dam hold?", "Ali Raza"),  # nothing better than its own words
    ]


def test_the_verdicts_table_shows_the_day_it_was_rated_and_keeps_room_for_the_text(cli, seeded, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    cli.ok(
        "verdict", "6", "--rating", "false", "--by", "AFP Fact Check", "--evidence", "https://example.org/6"
    )
    (row,) = cli.json("verdicts")
    assert len(row["created_at"]) == 25  # machines keep the time of day
    day = row["created_at"][:10]
    assert [line.rstrip() for line in cli.ok("verdicts").splitlines()] == [
        "",
        " #   rating   speaker            text               by               when         evidence",
        " " + "─" * 98,
        f" 6   false    Pakistan's         Indian missiles    AFP Fact Check   {day}   https://example.o",
        "              military           struck targets                                   rg/6",
        "                                 in Afghanistan.",
        "",
    ]
