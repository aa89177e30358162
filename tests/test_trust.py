"""What a person confirmed is told apart from what the engine confirmed, sure of itself: in
storage, in every display, in review, and in what passes a verdict on (issue 12, Trust)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tracker.store.validation import infer_kind

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "000_5d60781b92935417.txt"
SEED_CLAIM = ROOT / "data" / "seed-claim.jsonl"
STRUCK = "Indian missiles struck targets in Afghanistan."


def _twins(cli: Any) -> None:
    """Two statements in the same words by two speakers: the engine confirms their agreement
    (score 100, no conflict), link 1."""
    cli.ok("add", STRUCK, "-s", "Pakistan's military", "--source", "Dawn")
    cli.ok("add", STRUCK, "-s", "Zabihullah Mujahid", "--source", "Tolo")


def _rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def _demo(cli: Any) -> None:
    """The README's tour: the seed article, then the claim India denies (statement 16)."""
    cli.ok("extract", str(SEED_ARTICLE), "--date", "2025-05-10")
    cli.ok("import", str(SEED_CLAIM))


# --- links -----------------------------------------------------------------------------------


def test_a_link_the_engine_confirmed_says_so_until_a_person_confirms_it(cli, db_path):
    _twins(cli)
    assert _rows(db_path, "SELECT id, relation, status, reviewed_at FROM links") == [
        (1, "agrees", "confirmed", None)
    ]
    [row] = cli.json("links")
    assert (row["status"], row["confirmed_by"]) == ("confirmed", "engine")
    assert "auto-confirmed" in cli.ok("links")
    csv_lines = cli.ok("links", "--csv").splitlines()
    assert csv_lines[0].endswith(",claim_id,confirmed_by")
    assert csv_lines[1].endswith(",engine")
    cli.ok("link", "confirm", "1")
    [row] = cli.json("links", "--status", "confirmed")
    assert (row["status"], row["confirmed_by"]) == ("confirmed", "person")
    assert "auto-confirmed" not in cli.ok("links")
    assert [link["confirmed_by"] for link in cli.json("show", "1")["links"]] == ["person"]


def test_status_filters_keep_their_meaning(cli):
    _twins(cli)
    assert [row["id"] for row in cli.json("links", "--status", "confirmed")] == [1]
    assert cli.json("links", "--status", "suggested") == []


# --- verdicts pass on only through what a person confirmed -------------------------------------


def test_an_agreement_the_engine_confirmed_passes_no_verdict_on(cli):
    _twins(cli)
    cli.ok("verdict", "1", "--rating", "false")
    assert cli.json("show", "2")["verdict"] is None
    cli.ok("link", "confirm", "1")
    shown = cli.json("show", "2")["verdict"]
    assert (shown["rating"], shown["inherited_from"]) == ("false", 1)


def test_a_side_the_engine_confirmed_passes_no_verdict_to_its_claim(cli, db_path):
    _demo(cli)
    # statement 16's side on claim 15 is the engine's (score 100), statement 11 founded it
    assert _rows(
        db_path,
        "SELECT statement_id, stance, status, reviewed_at, founder FROM claim_statements WHERE claim_id = 15",
    ) == [(11, "denies", "confirmed", None, 1), (16, "supports", "confirmed", None, 0)]
    cli.ok("verdict", "16", "--rating", "false")
    [claim] = cli.json("claims", "--disputed")
    assert claim["verdict"] is None
    cli.ok("claim", "review", "--claim", "15", input="c\n")
    [claim] = cli.json("claims", "--disputed")
    assert claim["verdict"] == "false"


# --- claim sides -------------------------------------------------------------------------------


def test_claim_sides_say_who_confirmed_them(cli):
    _demo(cli)
    sides = {
        s["id"]: (s["status"], s["confirmed_by"], s["founder"])
        for s in cli.json("claim", "show", "15")["statements"]
    }
    assert sides == {16: ("confirmed", "engine", False), 11: ("confirmed", "engine", True)}
    shown = cli.ok("claim", "show", "15")
    assert " sides  1 support it (1 auto-confirmed), 1 deny it " in shown
    assert "auto-confirmed   Pakistan's military" in shown
    assert "founder          India" in shown
    [claim] = cli.json("claims", "--disputed")
    assert (claim["supports_auto"], claim["denies_auto"], claim["supports_suggested"]) == (
        ["Pakistan's military"],
        [],
        [],
    )
    assert "(auto-confirmed)" in cli.ok("claims", "--disputed")
    assert [(c["id"], c["status"], c["confirmed_by"]) for c in cli.json("show", "16")["claims"]] == [
        (15, "confirmed", "engine")
    ]


def test_a_merge_confirms_none_of_the_sides_it_moves(cli, db_path):
    cli.ok("claim", "add", "The Ravi bridge collapsed on Monday", "--ref", "one")
    cli.ok("claim", "add", "The Ravi bridge fell down on Monday", "--ref", "two", "--new")
    cli.ok("add", "The Ravi bridge fell down on Monday", "-s", "Police", "--source", "Dawn")
    before = _rows(db_path, "SELECT claim_id, statement_id, status, reviewed_at FROM claim_statements")
    assert (2, 1, "confirmed", None) in before
    cli.ok("claim", "merge", "one", "two")
    assert _rows(
        db_path, "SELECT claim_id, statement_id, status, reviewed_by, reviewed_at FROM claim_statements"
    ) == [(1, 1, "confirmed", "merge", None)]
    assert [s["confirmed_by"] for s in cli.json("claim", "show", "1")["statements"]] == ["engine"]


def test_m018_gives_the_engine_back_the_sides_a_merge_stamped(db_path):
    from sqlite_utils import Database

    from tracker.migrations import m018_merge_confirms_nothing

    db = Database(sqlite3.connect(db_path))
    db.execute("INSERT INTO speakers (name, kind) VALUES ('Police', 'organisation')")
    for sid in (1, 2):
        db.execute(
            "INSERT INTO statements (text, speaker_id, kind, polarity, modality, content_hash)"
            " VALUES (?, 1, 'unknown', 'affirm', 'assertion', ?)",
            [f"statement {sid}", f"h{sid}"],
        )
    db.execute("INSERT INTO claims (text, origin, created_at) VALUES ('c', 'user', '2026-01-01')")
    stamp = "2026-01-02T00:00:00+00:00"
    for sid, by in ((1, "merge"), (2, "farah")):
        db.execute(
            "INSERT INTO claim_statements (claim_id, statement_id, stance, score, status, created_at,"
            " reviewed_by, reviewed_at) VALUES (1, ?, 'supports', 100, 'confirmed', ?, ?, ?)",
            [sid, stamp, by, stamp],
        )
    m018_merge_confirms_nothing(db)
    assert db.execute("SELECT statement_id, reviewed_by, reviewed_at FROM claim_statements").fetchall() == [
        (1, "merge", None),
        (2, "farah", stamp),
    ]


# --- review ------------------------------------------------------------------------------------


def test_review_offers_what_the_engine_confirmed_and_warns_of_the_verdict_it_passes_on(cli, db_path):
    _twins(cli)
    cli.ok("verdict", "1", "--rating", "false")
    result = cli("review", input="c\n")
    assert result.exit_code == 0
    assert " status    auto-confirmed" in result.stdout
    assert "! confirming passes the verdict 'false' of #1 on to #2\n" in result.stderr
    assert "✓ link 1 confirmed: agrees\n" in result.stderr
    assert _rows(db_path, "SELECT status, reviewed_at IS NOT NULL FROM links") == [("confirmed", 1)]
    assert cli("review").stderr == "No suggested links to review.\n"


def test_claim_review_warns_that_a_confirmed_side_rates_the_claim(cli):
    _demo(cli)
    cli.ok("verdict", "16", "--rating", "false")
    result = cli("claim", "review", "--claim", "15", input="s\n")
    assert "! confirming passes the verdict 'false' of #16 on to claim 15\n" in result.stderr


# --- reports and the timeline -------------------------------------------------------------------


def test_report_marks_corroboration_and_contradictions_no_person_checked(cli):
    _twins(cli)
    [row] = cli.json("report", "--section", "corroborated")["corroborated"]
    assert row["speakers"] == ["Pakistan's military (auto-confirmed)", "Zabihullah Mujahid (auto-confirmed)"]
    cli.ok("link", "confirm", "1")
    [row] = cli.json("report", "--section", "corroborated")["corroborated"]
    assert row["speakers"] == ["Pakistan's military", "Zabihullah Mujahid"]


def test_report_says_a_suggested_corroboration_is_suggested(cli):
    cli.ok("add", "The bridge reopened to traffic on Monday", "-s", "Pakistan's military", "--source", "Dawn")
    cli.ok(
        "add", "Traffic is moving over the bridge again since Monday", "-s", "Ahsan Iqbal", "--source", "Tolo"
    )
    [link] = cli.json("links")
    assert (link["relation"], link["status"]) == ("agrees", "suggested")
    [row] = cli.json("report", "--section", "corroborated")["corroborated"]
    assert row["speakers"] == ["Pakistan's military (suggested)", "Ahsan Iqbal (suggested)"]


def test_timeline_gives_a_check_mark_only_to_a_persons_confirmation(cli):
    _twins(cli)
    [_, later] = cli.json("timeline")
    assert (later["marks"], later["agrees"], later["agrees_unchecked"]) == ("≈ #1", [1], [1])
    cli.ok("link", "confirm", "1")
    [_, later] = cli.json("timeline")
    assert (later["marks"], later["agrees"], later["agrees_unchecked"]) == ("✓ #1", [1], [])


# --- kinds -------------------------------------------------------------------------------------


def test_a_kind_is_direct_only_for_words_in_quotation_marks() -> None:
    assert [
        infer_kind(text)
        for text in (
            '"We will respond."',
            "“We will respond”.",
            "«Nous répondrons»",
            "We will respond.",
            'He said "we will respond"',
        )
    ] == ["direct", "direct", "direct", "unknown", "unknown"]


def test_add_and_import_without_a_kind_say_nothing_false(cli, tmp_path):
    cli.ok("add", "Pakistan asked for a truce.", "-s", "Dawn")
    cli.ok("add", "“The ball is in India’s court.”", "-s", "Ishaq Dar")
    cli.ok("add", "Pakistan asked for a ceasefire.", "-s", "Reuters", "--kind", "indirect")
    rows = tmp_path / "rows.csv"
    rows.write_text('text,speaker\nIslamabad sought a halt.,AP\n"""We stop here.""",Dar\n', encoding="utf-8")
    cli.ok("import", str(rows))
    assert [(s["id"], s["kind"]) for s in cli.json("list")] == [
        (1, "unknown"),
        (2, "direct"),
        (3, "indirect"),
        (4, "unknown"),
        (5, "direct"),
    ]
    assert [s["id"] for s in cli.json("list", "--kind", "unknown")] == [1, 4]


def test_an_export_imports_back_with_every_kind_as_it_was(cli, tmp_path, monkeypatch):
    cli.ok("add", "Pakistan asked for a truce.", "-s", "Dawn")
    cli.ok("add", "Pakistan asked for a ceasefire.", "-s", "Reuters", "--kind", "direct")
    exported = tmp_path / "out.jsonl"
    exported.write_text(cli.ok("export", "statements", "--format", "jsonl"), encoding="utf-8")
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "again.db"))
    cli.ok("import", str(exported))
    assert [(s["text"], s["kind"]) for s in cli.json("list")] == [
        ("Pakistan asked for a truce.", "unknown"),
        ("Pakistan asked for a ceasefire.", "direct"),
    ]


# --- show --------------------------------------------------------------------------------------


def test_show_puts_the_verdict_with_the_facts_before_the_history(cli):
    cli.ok("add", STRUCK, "-s", "Pakistan's military", "--source", "Dawn")
    cli.ok("edit", "1", "--said-on", "2025-05-10")
    cli.ok("verdict", "1", "--rating", "false")
    shown = cli.ok("show", "1")
    assert shown.index(" verdict   false ") < shown.index("History")
    assert shown.count("false") == 2  # the fact, and the row of the verdicts table


def test_extracting_again_with_a_date_records_only_what_it_changed(cli, db_path):
    cli.ok("extract", str(ROOT / "data" / "tour" / "bridge.txt"), "--source", "Dawn")
    cli.ok("extract", str(ROOT / "data" / "tour" / "bridge.txt"), "--source", "Dawn", "--date", "2025-05-10")
    [(before, after)] = _rows(db_path, "SELECT before, after FROM audit WHERE action = 'edit'")
    assert (json.loads(before), json.loads(after)) == ({"reported_on": None}, {"reported_on": "2025-05-10"})
    [entry] = cli.json("show", "1")["history"]
    assert entry["action"] == "edit"


def test_an_old_record_of_no_change_is_not_shown(cli, db_path):
    cli.ok("add", STRUCK, "-s", "Pakistan's military", "--source", "Dawn")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO audit (at, by, action, statement_id, before, after) VALUES"
            " ('2026-01-01T00:00:00+00:00', 'tracker', 'edit', 1, ?, ?)",
            [json.dumps({"said_on": None}), json.dumps({"said_on": None})],
        )
    assert cli.json("show", "1")["history"] == []
    assert "History" not in cli.ok("show", "1")
    result = cli("audit")
    assert (result.stdout, result.stderr) == ("", "No changes recorded.\n")


def test_a_disputed_claim_whose_side_only_the_engine_confirmed_still_names_its_review(cli):
    _demo(cli)
    [row] = [r for r in cli.json("report", "--section", "disputed")["disputed"] if r["claim_id"] == 15]
    assert (row["for"], row["against"], row["review"]) == (
        ["Pakistan's military (auto-confirmed)"],
        ["India"],
        "tracker claim review --claim 15",
    )
    cli.ok("claim", "review", "--claim", "15", input="c\n")
    [row] = [r for r in cli.json("report", "--section", "disputed")["disputed"] if r["claim_id"] == 15]
    assert (row["for"], row["review"]) == (["Pakistan's military"], None)
