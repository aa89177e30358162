"""Claims: the propositions statements take sides on, from the CLI and the library."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import SEED_STATEMENTS

STRUCK = "Indian missiles struck targets in Afghanistan."
DENIED = "India denied claims that its missiles struck targets in Afghanistan."


def _attachments(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT claim_id, statement_id, stance, status, founder FROM claim_statements ORDER BY claim_id, statement_id"
        ).fetchall()


def _claims(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id, text, ref, origin, merged_into FROM claims ORDER BY id").fetchall()


def test_a_denial_founds_the_claim_it_names_and_the_assertion_joins_it_on_the_other_side(
    cli, db_path
) -> None:
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    assert _claims(db_path) == [(1, "India's missiles struck targets in Afghanistan.", None, "denial", None)]
    # the same claim in other words ("Indian" is India's): sure enough to confirm
    assert _attachments(db_path) == [(1, 1, "denies", "confirmed", 1), (1, 2, "supports", "confirmed", 0)]
    (claim,) = cli.json("claims")
    assert claim == {
        "id": 1,
        "ref": None,
        "text": "India's missiles struck targets in Afghanistan.",
        "origin": "denial",
        "status": "confirmed",
        "supports": 1,
        "denies": 1,
        "discusses": 0,
        "supports_speakers": ["Pakistan's military"],
        "denies_speakers": ["India"],
        "discusses_speakers": [],
        "supports_outlets": [],
        "denies_outlets": [],
        "discusses_outlets": [],
        "supports_suggested": [],
        "denies_suggested": [],
        "discusses_suggested": [],
        "verdict": None,
        "supports_auto": ["Pakistan's military"],  # the engine confirmed it: no person did
        "denies_auto": [],  # India founded the claim: its own words
        "discusses_auto": [],
    }


def test_importing_the_seed_puts_india_and_pakistans_military_on_opposite_sides(cli, db_path) -> None:
    cli.ok("import", str(SEED_STATEMENTS))
    disputed = cli.json("claims", "--disputed")
    assert [(c["text"], c["supports_speakers"], c["denies_speakers"]) for c in disputed] == [
        ("Indian missiles struck targets in Afghanistan.", ["Pakistan's military"], ["India"]),
    ]
    assert len(cli.json("claims")) == 5  # the other seed statements found claims of their own


def test_claim_add_attaches_the_statements_that_take_a_side_and_prints_the_counts(cli, db_path) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    result = cli(
        "claim", "add", "Indian missiles hit targets in Afghanistan", "--ref", "afghanistan", "--new"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2\n",
        "Recorded claim 2; 1 support it (1 auto-confirmed), 1 deny it (1 suggested).\n",
    )
    shown = cli.json("claim", "show", "afghanistan")
    assert {k: shown[k] for k in ("id", "text", "ref", "origin")} == {
        "id": 2,
        "text": "Indian missiles hit targets in Afghanistan",
        "ref": "afghanistan",
        "origin": "user",
    }
    assert [(s["id"], s["stance"], s["status"], s["speaker"]) for s in shown["statements"]] == [
        (1, "supports", "confirmed", "Pakistan's military"),
        (2, "denies", "suggested", "India"),
    ]
    assert cli.json("claim", "show", "2") == shown  # by id as well as by ref


def test_claim_add_names_the_recorded_claim_it_nearly_repeats_and_writes_nothing(cli, db_path) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    before = (_claims(db_path), _attachments(db_path))
    assert cli.fails("claim", "add", "Indian missiles hit targets in Afghanistan", "--ref", "afg") == (
        "Error: claim 1 says nearly the same: 'Indian missiles struck targets in Afghanistan.'"
        " (score 100.0); use it, or give --new to record this one too\n"
    )
    assert (_claims(db_path), _attachments(db_path)) == before
    # another proposition on the same words is no repeat: India's missiles, not Pakistan's
    assert cli.ok("claim", "add", "Pakistani missiles hit targets in Afghanistan") == "2\n"
    # a claim recorded by a person is named too, not only one a statement founded
    assert cli.fails("claim", "add", "Pakistani missiles struck targets in Afghanistan").startswith(
        "Error: claim 2 says nearly the same: 'Pakistani missiles hit targets in Afghanistan'"
    )
    assert [row[0] for row in _claims(db_path)] == [1, 2]


def test_the_library_refuses_a_close_claim_with_the_claim_it_repeats(db) -> None:  # type: ignore[no-untyped-def]
    import pytest

    import tracker
    from tracker.claims import CloseClaim

    tracker.add_statement(db, tracker.NewStatement(text=DENIED, speaker="India"))
    tracker.relink_all(db)
    with pytest.raises(CloseClaim) as refused:
        tracker.add_claim(db, "Indian missiles hit targets in Afghanistan")
    assert {k: refused.value.claim[k] for k in ("id", "origin", "score")} == {
        "id": 1,
        "origin": "denial",
        "score": 100.0,
    }
    added = tracker.add_claim(db, "Indian missiles hit targets in Afghanistan", new=True)
    assert (added["id"], [s["id"] for s in added["statements"]]) == (2, [1])


def test_claim_add_refuses_empty_text_and_a_ref_in_use_and_writes_nothing(cli, db_path) -> None:
    assert cli.fails("claim", "add", "   ") == "Error: a claim needs text\n"
    cli.ok("claim", "add", "Pakistan requested the ceasefire", "--ref", "truce")
    assert cli.fails("claim", "add", "Pakistan asked for a truce", "--ref", "truce") == (
        "Error: a claim with ref 'truce' is already recorded\n"
    )
    assert _claims(db_path) == [(1, "Pakistan requested the ceasefire", "truce", "user", None)]


def test_claim_show_of_an_unknown_claim_is_one_line_and_exit_1(cli) -> None:
    assert cli.fails("claim", "show", "99") == "Error: no claim '99'\n"


def test_a_person_attaches_and_detaches_and_relinking_keeps_the_decision(cli, db_path) -> None:
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Local official")
    cli.ok("add", "Completely untrue, the structure is intact.", "--speaker", "Water ministry")
    cli.ok("claim", "add", "The dam was breached", "--ref", "dam")
    attached = cli("claim", "attach", "2", "dam", "--stance", "denies")
    assert (attached.exit_code, attached.stderr) == (0, "Statement 2 denies claim 3.\n")
    detached = cli("claim", "detach", "1", "dam")
    assert (detached.exit_code, detached.stderr) == (0, "Statement 1 is no longer attached to claim 3.\n")
    cli.ok("link")
    mine = [row for row in _attachments(db_path) if row[0] == 3]
    assert mine == [(3, 1, "supports", "rejected", 0), (3, 2, "denies", "confirmed", 0)]
    assert [(s["id"], s["stance"]) for s in cli.json("claim", "show", "dam")["statements"]] == [(2, "denies")]


def test_attach_rejects_an_unknown_stance_as_a_usage_error(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("claim", "add", "Indian missiles struck Afghanistan", "--ref", "afg", "--new")
    error = cli.fails("claim", "attach", "1", "afg", "--stance", "maybe", code=2)
    assert error.startswith("Error: Invalid value for '--stance': 'maybe' is not one of")


def test_detaching_a_statement_that_is_not_attached_fails(cli) -> None:
    cli.ok("claim", "add", "Pakistan requested the ceasefire", "--ref", "truce")
    cli.ok("add", "Heavy rain flooded the coastal highway.", "--speaker", "Met office")
    assert cli.fails("claim", "detach", "1", "truce") == "Error: statement 1 is not attached to claim 1\n"


def test_merging_moves_the_statements_and_the_old_ref_answers_as_the_kept_claim(cli, db_path) -> None:
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("claim", "add", "Indian missiles struck targets in Afghanistan", "--ref", "afg", "--new")
    merged = cli("claim", "merge", "1", "afg")
    assert (merged.exit_code, merged.stderr) == (
        0,
        "Merged claim afg into claim 1; 1 deny it; undo with `tracker claim unmerge afg`.\n",
    )
    assert [row[4] for row in _claims(db_path)] == [None, 1]
    assert cli.json("claim", "show", "afg")["id"] == 1
    assert [c["id"] for c in cli.json("claims")] == [1]
    assert cli.fails("claim", "merge", "1", "afg") == "Error: a claim cannot be merged into itself\n"


def test_contradictions_list_both_sides_of_a_claim_with_the_claim_as_the_reason(cli) -> None:
    # No words in common, so never linked; a person puts them on the two sides of one claim.
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Local official")
    cli.ok("add", "Completely untrue, the structure is intact.", "--speaker", "Water ministry")
    cli.ok("claim", "add", "The dam was breached", "--ref", "dam")
    assert cli.json("contradictions") == []
    cli.ok("claim", "attach", "1", "dam", "--stance", "supports")
    cli.ok("claim", "attach", "2", "dam", "--stance", "denies")
    (pair,) = cli.json("contradictions")
    assert (pair["id"], pair["a_id"], pair["b_id"], pair["status"], pair["reason"]) == (
        None,
        1,
        2,
        "confirmed",
        "claim: opposite sides of claim 3: The dam was breached",
    )
    # an unnamed official is kept per report: with no source, as that
    assert (pair["a_speaker"], pair["b_speaker"], pair["claim_id"]) == (
        "Local official (no source)",
        "Water ministry",
        3,
    )


def test_rejecting_the_link_between_two_sides_keeps_the_pair_out_of_contradictions(cli, db_path) -> None:
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    assert [(p["a_id"], p["b_id"]) for p in cli.json("contradictions")] == [(1, 2)]
    cli.ok("link", "reject", "1")
    # Each keeps its side on the claim the denial named: a person said only that this pair
    # does not contradict, and contradictions listed by claim respect it.
    assert _attachments(db_path) == [(1, 1, "denies", "confirmed", 1), (1, 2, "supports", "confirmed", 0)]
    assert cli.json("contradictions") == []


def test_claims_csv_has_one_row_a_claim_with_the_counts(cli) -> None:
    cli.ok("add", DENIED, "--speaker", "India")
    lines = cli.ok("claims", "--csv").splitlines()
    assert lines[0] == (
        "id,ref,text,origin,status,supports,denies,discusses,supports_speakers,denies_speakers,"
        "discusses_speakers,supports_outlets,denies_outlets,discusses_outlets,supports_suggested,"
        "denies_suggested,discusses_suggested,verdict,supports_auto,denies_auto,discusses_auto"
    )
    assert lines[1:] == [
        "1,,India's missiles struck targets in Afghanistan.,denial,confirmed,0,1,0,,India,,,,,,,,,,,"
    ]


MISRI = "India's missiles never struck Afghanistan."


def _seed_with_a_suggested_side(cli) -> None:  # type: ignore[no-untyped-def]
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", MISRI, "--speaker", "Vikram Misri", "--source", "The Hindu")


def test_claims_mark_a_side_tracker_only_suggested_in_the_table_and_as_a_status(cli, db_path) -> None:
    _seed_with_a_suggested_side(cli)
    assert _attachments(db_path) == [
        (1, 1, "denies", "confirmed", 1),
        (1, 2, "supports", "confirmed", 0),
        (1, 3, "denies", "suggested", 0),
    ]
    (claim,) = cli.json("claims")
    assert (
        claim["status"],
        claim["denies_speakers"],
        claim["denies_suggested"],
        claim["supports_suggested"],
    ) == (
        "suggested",
        ["India", "Vikram Misri"],
        ["Vikram Misri"],
        [],
    )
    result = cli("claims")
    rows = [line.rstrip() for line in result.stdout.splitlines() if line.strip()][3:]
    assert rows == [  # the names column wraps at 28
        " 1    India's missiles struck targets in Afghanistan.   Pakistan's military            India, Vikram Misri            0",
        "                                                        (auto-confirmed)               (suggested)",
    ]
    assert result.stderr == (
        "To decide the suggested and auto-confirmed sides: `tracker review --claims`"
        " (or `tracker claim review --claim 1`).\n"
    )
    assert cli.ok("claims", "--csv").splitlines()[1].split(",")[4] == "suggested"


def test_a_confirmed_side_is_no_longer_marked(cli, db_path) -> None:
    _seed_with_a_suggested_side(cli)
    cli.ok("claim", "attach", "3", "1", "--stance", "denies")
    (claim,) = cli.json("claims")
    assert (claim["status"], claim["denies_suggested"]) == ("confirmed", [])
    result = cli("claims")
    assert "(suggested)" not in result.stdout
    assert result.stderr == (  # what is left to review: the side the engine confirmed
        "To decide the auto-confirmed sides: `tracker review --claims` (or `tracker claim review --claim 1`).\n"
    )


def test_claim_show_counts_the_suggested_sides(cli) -> None:
    _seed_with_a_suggested_side(cli)
    out = cli.ok("claim", "show", "1")
    assert "sides  1 support it (1 auto-confirmed), 2 deny it (1 suggested)" in out


def test_the_report_marks_a_suggested_side_of_a_claim(cli) -> None:
    _seed_with_a_suggested_side(cli)
    out = cli.ok("report", "--format", "md", "--section", "claims")
    assert (
        "| 1 | India's missiles struck targets in Afghanistan. | Pakistan's military (auto-confirmed)"
        " | India, Vikram Misri (suggested) | 0 |  |" in out
    )


def test_the_claims_api_returns_what_the_cli_shows(db) -> None:  # type: ignore[no-untyped-def]
    import tracker

    tracker.add_statement(db, tracker.NewStatement(text=STRUCK, speaker="Pakistan's military"))
    tracker.relink_all(db)
    claim = tracker.add_claim(db, "Indian missiles struck targets in Afghanistan", ref="afg", new=True)
    assert json.loads(json.dumps(claim))["statements"][0]["stance"] == "supports"
    assert [c["text"] for c in tracker.list_claims(db)] == [
        STRUCK,
        "Indian missiles struck targets in Afghanistan",
    ]


def test_a_verdict_passes_to_statements_confirmed_on_the_same_claim_and_claimreview_names_the_claim(
    cli,
) -> None:
    cli.ok(
        "add",
        "The dam on the river was breached overnight.",
        "--speaker",
        "Local official",
        "--url",
        "https://news.example/dam-1",
    )
    cli.ok(
        "add",
        "Floodwater poured through a breach in the dam.",
        "--speaker",
        "Resident",
        "--url",
        "https://news.example/dam-2",
    )
    cli.ok("claim", "add", "The dam was breached", "--ref", "dam")
    cli.ok("claim", "attach", "1", "dam", "--stance", "supports")
    assert cli.json("show", "2")["verdict"] is None
    cli.ok("verdict", "1", "--rating", "true", "--by", "Desk")
    assert cli.json("show", "2")["verdict"] is None  # not confirmed on the claim yet
    cli.ok("claim", "attach", "2", "dam", "--stance", "supports")
    inherited = cli.json("show", "2")["verdict"]
    assert (inherited["rating"], inherited["inherited_from"]) == ("true", 1)
    assert [(c["ref"], c["verdict"]) for c in cli.json("claims")] == [(None, "true"), ("dam", "true")]
    (review,) = json.loads(cli.ok("export", "verdicts", "--format", "claimreview"))
    assert review["claimReviewed"] == "The dam on the river was breached overnight."  # the claim it founded
    assert [a["url"] for a in review["itemReviewed"]["appearance"]] == [
        "https://news.example/dam-1",
        "https://news.example/dam-2",
    ]


def _decisions(result) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines a review prints for a person, without its prompts."""
    return [
        line
        for line in result.stderr.splitlines()
        if line and not line.startswith(("[c]onfirm", "All reviewed"))
    ]


def test_claim_review_confirms_and_rejects_sides_and_keeps_them(cli, db_path) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("claim", "add", "Indian missiles hit targets in Afghanistan", "--ref", "afg", "--new")
    result = cli("claim", "review", "--claim", "afg", input="r\n")
    assert result.exit_code == 0
    # left: the side the engine confirmed (statement 1 supports), offered after the suggestion
    assert result.stderr.splitlines()[-1] == "0 confirmed, 1 rejected, 1 left."
    mine = [(sid, stance, status) for claim, sid, stance, status, _ in _attachments(db_path) if claim == 2]
    assert mine == [(1, "supports", "confirmed"), (2, "denies", "rejected")]
    cli.ok("link")
    assert [
        (sid, stance, status) for claim, sid, stance, status, _ in _attachments(db_path) if claim == 2
    ] == mine
    # nothing suggested again: only the side the engine confirmed waits for a person
    left = cli("claim", "review", "--claim", "afg", input="s\n")
    assert (left.exit_code, _decisions(left)) == (
        0,
        ["→ statement 1 on claim 2 skipped", "0 confirmed, 0 rejected, 1 left."],
    )


def test_a_timeline_can_be_read_for_one_claim(cli, db) -> None:  # type: ignore[no-untyped-def]
    from tracker import reports
    from tracker.store import StatementFilter

    cli.ok("add", STRUCK, "--speaker", "Pakistan's military", "--said-on", "2025-05-10")
    cli.ok("add", DENIED, "--speaker", "India", "--said-on", "2025-05-11")
    cli.ok(
        "add", "Heavy rain flooded the coastal highway.", "--speaker", "Met office", "--said-on", "2025-05-09"
    )
    cli.ok("claim", "add", "Indian missiles hit targets in Afghanistan", "--ref", "afg", "--new")
    rows = reports.timeline(db, StatementFilter(claim="afg"))
    assert [(r["id"], r["date"]) for r in rows] == [(1, "2025-05-10"), (2, "2025-05-11")]
    assert len(reports.timeline(db, StatementFilter())) == 3


def test_a_reply_takes_its_side_on_the_claim_it_answers(cli, db_path) -> None:
    from tracker.store import open_db

    article = db_path.parent / "dam.txt"
    article.write_text(
        "District officer Amir Khan said the dam on the Ravi river had been breached overnight.\n\n"
        'The water ministry dismissed reports that the dam had been breached as "completely untrue".\n',
        encoding="utf-8",
    )
    cli.ok("extract", str(article), "--date", "2025-05-10")
    rows = (
        open_db(db_path).execute("SELECT id, text, answers, polarity FROM statements ORDER BY id").fetchall()
    )
    assert [(r[2], r[3]) for r in rows][1] == ("the dam had been breached", "deny")
    (disputed,) = cli.json("claims", "--disputed")
    assert (disputed["supports_speakers"], disputed["denies_speakers"]) == (["Amir Khan"], ["water ministry"])
    assert disputed["text"] == "the dam on the Ravi river had been breached overnight"


def test_show_lists_the_claims_a_statement_takes_a_side_on(cli) -> None:
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    assert [(c["id"], c["stance"], c["status"]) for c in cli.json("show", "2")["claims"]] == [
        (1, "supports", "confirmed")
    ]
    assert "India's missiles struck targets in Afghanistan." in cli.ok("show", "2")


def test_review_claims_walks_the_claim_sides(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")  # joins the claim through its link: suggested
    assert [(c["id"], c["status"]) for c in cli.json("show", "2")["claims"]] == [(1, "suggested")]
    result = cli("review", "--claims", input="c\n")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (0, "1 confirmed, 0 rejected, 0 left.")
    assert [(c["id"], c["status"]) for c in cli.json("show", "2")["claims"]] == [(1, "confirmed")]


def test_claims_list_disputed_claims_first_then_the_most_taken_up(cli) -> None:
    cli.ok("add", "Heavy rain flooded the coastal highway near the port.", "--speaker", "Met office")
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    assert [c["id"] for c in cli.json("claims")] == [2, 1]


def test_the_same_claim_recorded_twice_is_refused(cli, db_path) -> None:
    cli.ok("claim", "add", "The dam was breached")
    assert (
        cli.fails("claim", "add", "the dam  was breached")
        == "Error: this claim is already recorded as claim 1\n"
    )
    assert len(_claims(db_path)) == 1


def test_attaching_as_a_person_already_did_changes_nothing_and_audits_nothing(cli) -> None:
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Local official")
    cli.ok("claim", "add", "The dam was breached", "--ref", "dam")
    cli.ok("claim", "attach", "1", "dam", "--stance", "supports")  # the engine's side, confirmed by hand
    again = cli("claim", "attach", "1", "dam", "--stance", "supports")
    assert (again.exit_code, again.stderr) == (0, "Nothing changed: statement 1 already supports claim 2.\n")
    cli.ok("claim", "attach", "1", "dam", "--stance", "denies")
    assert [(r["action"], r["before"], r["after"]) for r in cli.json("audit")][1:] == [
        (
            "claim attach",
            {"claim": 2, "stance": "supports", "status": "suggested"},
            {"claim": 2, "stance": "supports", "status": "confirmed"},
        ),
        (
            "claim relabel",
            {"claim": 2, "stance": "supports", "status": "confirmed"},
            {"claim": 2, "stance": "denies", "status": "confirmed"},
        ),
    ]


def test_detaching_twice_says_it_is_not_attached(cli) -> None:
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Local official")
    cli.ok("claim", "add", "The dam was breached", "--ref", "dam")
    cli.ok("claim", "attach", "1", "dam", "--stance", "supports")
    cli.ok("claim", "detach", "1", "dam")
    assert cli.fails("claim", "detach", "1", "dam") == "Error: statement 1 is not attached to claim 2\n"


def test_a_merge_survives_relinking(cli, db_path) -> None:
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Local official")
    cli.ok("add", "Heavy rain closed the port of Gwadar.", "--speaker", "Port authority")
    cli.ok("claim", "merge", "1", "2")
    before = _attachments(db_path)
    # statement 2 founded claim 2, not claim 1: an edit of it rewords neither
    assert before == [(1, 1, "supports", "confirmed", 1), (1, 2, "supports", "confirmed", 0)]
    cli.ok("link")
    assert _attachments(db_path) == before
    assert [c["id"] for c in cli.json("claims")] == [1]


def test_a_report_with_a_claim_pair_beside_a_link_of_the_same_score_does_not_crash(cli) -> None:
    cli.ok("add", "Residents saw water pour across the fields at dawn.", "--speaker", "Local official")
    cli.ok("add", "Completely untrue, the structure is intact.", "--speaker", "Water ministry")
    cli.ok("add", "Pakistan requested a ceasefire", "--speaker", "Indian media")
    cli.ok(
        "add",
        "Islamabad has firmly refuted assertions by Indian media that Pakistan had requested a ceasefire",
        "--speaker",
        "Foreign Office",
    )  # a link scoring 100, as the pair a person puts on two sides
    cli.ok("claim", "add", "The dam was breached", "--ref", "dam")
    cli.ok("claim", "attach", "1", "dam", "--stance", "supports")
    cli.ok("claim", "attach", "2", "dam", "--stance", "denies")
    report = json.loads(cli.ok("report", "--json"))
    assert [(r["link"], r["a_id"], r["b_id"]) for r in report["contradictions"]] == [(1, 3, 4), (None, 1, 2)]


def test_timeline_and_report_read_one_claim(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military", "--said-on", "2025-05-10")
    cli.ok("add", DENIED, "--speaker", "India", "--said-on", "2025-05-11")
    cli.ok(
        "add", "Heavy rain flooded the coastal highway.", "--speaker", "Met office", "--said-on", "2025-05-09"
    )
    cli.ok("claim", "add", "Indian missiles hit targets in Afghanistan", "--ref", "afg", "--new")
    assert [r["id"] for r in cli.json("timeline", "--claim", "afg")] == [1, 2]
    speakers = cli.json("report", "--claim", "afg", "--section", "speakers")["speakers"]
    assert sorted(r["speaker"] for r in speakers) == ["India", "Pakistan's military"]
    assert cli.fails("timeline", "--claim", "nope") == "Error: no claim 'nope'\n"


def test_what_a_reply_answers_survives_export_and_import(cli, db_path, tmp_path) -> None:
    article = tmp_path / "dam.txt"
    article.write_text(
        "District officer Amir Khan said the dam on the Ravi river had been breached overnight.\n\n"
        'The water ministry dismissed reports that the dam had been breached as "completely untrue".\n',
        encoding="utf-8",
    )
    cli.ok("extract", str(article), "--date", "2025-05-10")
    exported = tmp_path / "out.jsonl"
    cli.ok("export", "statements", "-o", str(exported))
    result = cli("--db", str(tmp_path / "copy.db"), "import", str(exported))
    assert (result.exit_code, "unknown column" in result.stderr) == (0, False)
    copied = cli.json("--db", str(tmp_path / "copy.db"), "show", "2")
    assert copied["answers"] == "the dam had been breached"


def test_attaching_judges_with_no_write_lock_held(cli, db_path, monkeypatch) -> None:
    """Another writer, which does not wait at all, can commit while the claims are judged."""
    from tracker.claims import attach
    from tracker.link import link_new
    from tracker.store import open_db

    cli.ok("claim", "add", STRUCK, "--ref", "struck")
    cli.ok(
        "add",
        "Pakistan's military said Indian missiles struck targets in Afghanistan.",
        "-s",
        "ISPR",
        "--no-link",
    )
    real, written = attach._judge, []

    def judge_while_another_writes(claim_text: str, statement_text: str, threshold: float) -> Any:
        other = sqlite3.connect(db_path, timeout=0)
        with other:
            other.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [f"other-{len(written)}", "1"])
        other.close()
        written.append(statement_text)
        return real(claim_text, statement_text, threshold)

    monkeypatch.setattr(attach, "_judge", judge_while_another_writes)
    stats = link_new(open_db(db_path), [1])
    assert written == ["Pakistan's military said Indian missiles struck targets in Afghanistan."]
    assert stats.attached == 1
    assert _attachments(db_path) == [(1, 1, "supports", "confirmed", 0)]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT key FROM settings WHERE key LIKE 'other-%'").fetchall() == [("other-0",)]


def test_a_claim_recorded_while_attaching_judges_is_judged_under_the_lock(cli, db_path, monkeypatch) -> None:
    """What attaching judged without the lock is judged again when the claims changed meanwhile."""
    from tracker.claims import attach
    from tracker.link import link_new
    from tracker.store import open_db

    cli.ok("claim", "add", "Afghanistan closed its border crossings on Friday.", "--ref", "border")
    cli.ok(
        "add",
        "Pakistan's military said Indian missiles struck targets in Afghanistan.",
        "-s",
        "ISPR",
        "--no-link",
    )
    real, calls = attach._judge, []

    def judge_while_a_claim_is_recorded(claim_text: str, statement_text: str, threshold: float) -> Any:
        calls.append(claim_text)
        if len(calls) == 1:  # another desk records the claim this statement supports
            other = sqlite3.connect(db_path, timeout=0)
            with other:
                other.execute(
                    "INSERT INTO claims (text, proposition, ref, origin, created_at) VALUES (?, ?, ?, ?, ?)",
                    [STRUCK, "indian missiles struck targets in afghanistan", "struck", "user", "2025-05-10"],
                )
            other.close()
        return real(claim_text, statement_text, threshold)

    monkeypatch.setattr(attach, "_judge", judge_while_a_claim_is_recorded)
    link_new(open_db(db_path), [1])
    border = "Afghanistan closed its border crossings on Friday."
    assert calls == [border, STRUCK, border]  # judged again, under the lock, with the new claim
    assert _attachments(db_path) == [(2, 1, "supports", "confirmed", 0)]


BITTEN = "A zookeeper in Leeds was bitten by a cobra"


def test_a_statement_linked_to_one_taking_a_side_on_a_recorded_claim_joins_that_claim(cli, db_path) -> None:
    cli.ok("claim", "add", BITTEN, "--ref", "cobra")
    cli.ok("add", "Leeds zookeeper bitten by cobra during feeding time", "--speaker", "Zoo")
    # too far from the claim's words for the judge, but linked to the statement above
    cli.ok("add", "Feeding time cobra attack sends keeper to hospital", "--speaker", "Radio Leeds")
    assert [(row[0], row[1], row[2], row[4]) for row in _attachments(db_path)] == [
        (1, 1, "supports", 0),
        (1, 2, "supports", 0),
    ]
    shown = cli.json("claim", "show", "cobra")
    assert [(s["id"], s["stance"]) for s in shown["statements"]] == [(1, "supports"), (2, "supports")]
    with sqlite3.connect(db_path) as conn:
        (reasons,) = conn.execute("SELECT reasons FROM claim_statements WHERE statement_id = 2").fetchone()
    assert json.loads(reasons)[0]["detail"] == "agrees with statement 1, which supports the claim"
    assert _claims(db_path) == [(1, BITTEN, "cobra", "user", None)]  # no claim founded beside it


def test_a_statement_joins_the_claim_one_joined_through_a_link(cli, db_path) -> None:
    cli.ok("claim", "add", BITTEN, "--ref", "cobra")
    cli.ok("add", "Leeds zookeeper bitten by cobra during feeding time", "--speaker", "Zoo")
    cli.ok("add", "Feeding time cobra attack sends keeper to hospital", "--speaker", "Radio Leeds")
    # linked to statement 2 only, which joined the claim through a link: it joins that claim
    cli.ok("add", "Keeper sent to hospital by cobra attack is recovering well", "--speaker", "Hospital")
    with sqlite3.connect(db_path) as conn:
        links = conn.execute("SELECT a_id, b_id, relation FROM links ORDER BY a_id, b_id").fetchall()
        (reasons,) = conn.execute("SELECT reasons FROM claim_statements WHERE statement_id = 3").fetchone()
    assert links == [(1, 2, "agrees"), (2, 3, "agrees")]
    added = [(row[0], row[1], row[2], row[4]) for row in _attachments(db_path)]
    assert added == [(1, 1, "supports", 0), (1, 2, "supports", 0), (1, 3, "supports", 0)]
    assert json.loads(reasons)[0]["detail"] == "agrees with statement 2, which supports the claim"
    assert _claims(db_path) == [(1, BITTEN, "cobra", "user", None)]
    cli.ok("link")
    assert [(row[0], row[1], row[2], row[4]) for row in _attachments(db_path)] == added


ON_SALE = "The new Pixel phone will go on sale in March"
MADE_IN = "The new Pixel phone will be made in Vietnam"


def test_a_statement_near_several_recorded_claims_attaches_to_the_nearest(cli, db_path) -> None:
    cli.ok("claim", "add", ON_SALE, "--ref", "sale")
    cli.ok("claim", "add", MADE_IN, "--ref", "vietnam")
    cli.ok("add", "New Pixel phone goes on sale in March", "--speaker", "Shop")
    # the judge finds it 88 near the first claim and 46 near the second: it is about the first
    assert [(row[0], row[1], row[2]) for row in _attachments(db_path)] == [(1, 1, "supports")]
    assert cli.json("claim", "show", "vietnam")["statements"] == []


def test_a_claim_recorded_later_leaves_a_statement_where_it_is_far_nearer(cli, db_path) -> None:
    cli.ok("add", "New Pixel phone goes on sale in March", "--speaker", "Shop")
    cli.ok(
        "claim", "add", ON_SALE, "--ref", "sale", "--new"
    )  # the claim the statement founded, in other words
    result = cli("claim", "add", MADE_IN, "--ref", "vietnam")
    # claim 1 is the one the statement founded
    assert (result.exit_code, result.stderr) == (
        0,
        "Recorded claim 3; no statement takes a side on it yet.\n",
    )
    assert [(row[0], row[1], row[2], row[4]) for row in _attachments(db_path)] == [
        (1, 1, "supports", 1),
        (2, 1, "supports", 0),
    ]


# --- a founded claim worded from a pronoun ------------------------------------------------


def test_a_claim_founded_from_reported_he_takes_the_speakers_name_only_where_an_honorific_shows_him(
    cli, db_path
) -> None:
    cli.ok(
        "add",
        "he had asked Washington to press India to pull back",
        "--speaker",
        "Mr. Ishaq Dar",  # an honorific: a man
        "--kind",
        "indirect",
    )
    cli.ok(
        "add",
        "he had met the envoy in Doha on Sunday",
        "--speaker",
        "Foreign Minister Asif Khan",  # a title: a person, whose "he" may be anyone
        "--kind",
        "indirect",
    )
    cli.ok(
        "add",
        "it would not escalate the conflict further",
        "--speaker",
        "Indian military",  # "it" may be the conflict, the strike, anything it talks of
        "--kind",
        "indirect",
    )
    assert [row[1:4] for row in _claims(db_path)] == [
        ("Ishaq Dar had asked Washington to press India to pull back", None, "statement"),
        ("he [unresolved] had met the envoy in Doha on Sunday", None, "statement"),
        ("it [unresolved] would not escalate the conflict further", None, "statement"),
    ]


def test_a_claim_is_worded_again_when_its_founders_speaker_is_corrected(cli, db_path) -> None:
    cli.ok("add", "he will resign on Friday.", "--speaker", "Mr. John Smith", "--kind", "indirect")
    assert [row[1] for row in _claims(db_path)] == ["John Smith will resign on Friday."]
    result = cli("edit", "1", "--speaker", "Mr. Bob Jones")
    assert (result.exit_code, result.stderr.splitlines()[-2:]) == (
        0,
        [
            "Claim 1, which it founded, now reads 'Bob Jones will resign on Friday.'.",
            "Links and claims kept: the words are unchanged.",
        ],
    )
    assert [row[1] for row in _claims(db_path)] == ["Bob Jones will resign on Friday."]
    cli.ok("edit", "1", "--speaker", "Ministry of Labour")  # an organisation is never "he"
    assert [row[1] for row in _claims(db_path)] == ["he [unresolved] will resign on Friday."]


def test_a_speaker_kept_per_report_lends_its_name_not_its_label(cli, db_path) -> None:
    cli.ok(
        "add",
        "We will open the road on Monday",
        "--speaker",
        "police",
        "--source",
        "Daily Post",
        "--kind",
        "direct",
    )
    assert [row[1] for row in _claims(db_path)] == ["Police will open the road on Monday"]


def test_a_pronoun_the_speaker_cannot_be_is_kept_and_marked_unresolved(cli, db_path) -> None:
    # a quote's "he" is someone else; an organisation is never "she"; a person's "we" is a group
    cli.ok(
        "add", "He is lying about the strike", "--speaker", "Foreign Minister Ishaq Dar", "--kind", "direct"
    )
    cli.ok("add", "she saw the missiles land near the border", "--speaker", "Red Cross", "--kind", "indirect")
    cli.ok(
        "add", "We will consider stopping here", "--speaker", "Foreign Minister Ishaq Dar", "--kind", "direct"
    )
    assert [row[1] for row in _claims(db_path)] == [
        "He [unresolved] is lying about the strike",
        "she [unresolved] saw the missiles land near the border",
        "We [unresolved] will consider stopping here",
    ]


def test_the_claim_a_denial_names_takes_the_deniers_name_only_where_it_can_stand_for_them(
    cli, db_path
) -> None:
    cli.ok(
        "add", "India denied claims that its missiles struck targets in Afghanistan.", "--speaker", "India"
    )
    cli.ok("add", "Dar denied reports that she had resigned.", "--speaker", "Mr. Ishaq Dar")  # he
    assert [row[1] for row in _claims(db_path)] == [
        "India's missiles struck targets in Afghanistan.",
        "She [unresolved] had resigned.",
    ]


def test_word_claim_resolves_by_person_kind_and_gender_and_leaves_other_texts_alone() -> None:
    from tracker.claims.wording import word_claim

    dar = {"speaker": "Ishaq Dar", "speaker_kind": "person", "gender": "male", "direct": False}
    said = {**dar, "direct": True}
    army = {"speaker": "Indian military", "speaker_kind": "military", "gender": None, "direct": False}
    cases = [
        ("he had communicated Pakistan's position", dar, "Ishaq Dar had communicated Pakistan's position"),
        ("he's been told to wait", dar, "Ishaq Dar has been told to wait"),
        ("his government will resign", dar, "Ishaq Dar's government will resign"),
        ("she saw the strike", {**dar, "gender": "male"}, "she [unresolved] saw the strike"),
        (
            "she saw the strike",
            {**dar, "speaker": "Maria Kovač", "gender": "female"},
            "Maria Kovač saw the strike",
        ),
        ("he was fired last week", {**dar, "gender": None}, "he [unresolved] was fired last week"),
        ("it would not escalate", army, "it [unresolved] would not escalate"),
        ("they were armed", {**army, "speaker": "Police"}, "they [unresolved] were armed"),
        ("their troops crossed the line", army, "Indian military's troops crossed the line"),
        ("it would not escalate", dar, "it [unresolved] would not escalate"),
        ("it is time to talk", army, "it is time to talk"),  # an "it" that stands for nothing
        ("It seems the talks failed", army, "It seems the talks failed"),
        ("I am resigning", said, "Ishaq Dar is resigning"),
        ("I’m resigning", said, "Ishaq Dar is resigning"),
        ("I will resign", said, "Ishaq Dar will resign"),
        ("I think the talks failed", said, "I [Ishaq Dar] think the talks failed"),
        ("We will respond", {**army, "direct": True}, "Indian military will respond"),
        ("I will resign", dar, "I [unresolved] will resign"),  # reported speech: the reporter's "I"
        ("he said no", {**dar, "speaker": "unresolved (“He”, a.txt:10)"}, "he [unresolved] said no"),
        ("Hernandez had resigned", dar, "Hernandez had resigned"),
        ("the ball is in India's court", dar, "the ball is in India's court"),
    ]
    assert [word_claim(text, **context) for text, context, _ in cases] == [want for *_, want in cases]


def test_opposing_pairs_leave_out_a_pair_a_person_said_does_not_contradict_as_contradictions_do(
    cli, db, db_path
) -> None:  # type: ignore[no-untyped-def]
    from tracker import reports
    from tracker.claims import opposing_pairs

    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", "India's missiles never struck Afghanistan.", "--speaker", "Vikram Misri", "--no-link")
    cli.ok("claim", "attach", "3", "1", "--stance", "denies")

    def by_claim() -> list[tuple[int, int]]:
        return [(p["a_id"], p["b_id"]) for p in reports.contradictions(db) if p["id"] is None]

    assert [(p["a_id"], p["b_id"], p["claim_id"], p["claim"]) for p in opposing_pairs(db)] == [
        (1, 2, 1, STRUCK),
        (1, 3, 1, STRUCK),
    ]
    assert by_claim() == [(1, 3)]  # 1-2 is listed as its link
    with sqlite3.connect(db_path) as conn:  # a person confirmed 1 and 3 as agreeing
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at, reviewed_at)"
            " VALUES (1, 3, 'agrees', 50, '[]', 'confirmed', 'test', '', '2025-05-12T00:00:00+00:00')"
        )
    assert [(p["a_id"], p["b_id"]) for p in opposing_pairs(db)] == [(1, 2)]
    assert by_claim() == []
    cli.ok("link", "reject", "1")  # and rejected the contradiction between 1 and 2
    assert opposing_pairs(db) == []


VETO = "The governor vetoed the school budget bill in Ohio on Friday."
PAY = "The school budget bill in Ohio will raise teacher pay by ten percent."
PAY_AGAIN = "The school budget bill in Ohio will raise teacher pay by 10 percent."


def test_a_statement_far_nearer_another_than_any_founder_founds_its_own_claim(db) -> None:  # type: ignore[no-untyped-def]
    import tracker

    for text in (VETO, PAY, PAY_AGAIN):
        tracker.add_statement(db, tracker.NewStatement(text=text, speaker="Someone"))
    tracker.relink_all(db)
    # PAY agrees with VETO's founder at 50 and with PAY_AGAIN at 100: it is about what PAY_AGAIN
    # says, not the veto, and founds that claim; PAY_AGAIN joins it
    links = db.execute("SELECT a_id, b_id, relation, score FROM links ORDER BY a_id, b_id").fetchall()
    assert links == [(1, 2, "agrees", 50.2), (1, 3, "agrees", 50.2), (2, 3, "agrees", 100.0)]
    rows = db.execute(
        "SELECT c.text, cs.statement_id, cs.stance, cs.founder FROM claim_statements cs"
        " JOIN claims c ON c.id = cs.claim_id ORDER BY cs.claim_id, cs.statement_id"
    ).fetchall()
    assert rows == [(VETO, 1, "supports", 1), (PAY, 2, "supports", 1), (PAY, 3, "supports", 0)]


def _claim_rows(db) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    return db.execute(
        "SELECT c.text, cs.statement_id, cs.stance, cs.founder FROM claim_statements cs"
        " JOIN claims c ON c.id = cs.claim_id ORDER BY cs.statement_id, c.text"
    ).fetchall()


def _add_one_at_a_time(db, *texts: str) -> None:  # type: ignore[no-untyped-def]
    import tracker

    for text in texts:
        added = tracker.add_statement(db, tracker.NewStatement(text=text, speaker="Someone"))
        tracker.link_new(db, [added.id])


def test_added_one_at_a_time_a_statement_far_nearer_another_founds_with_it_as_a_relink_does(db) -> None:  # type: ignore[no-untyped-def]
    import tracker

    _add_one_at_a_time(db, VETO, PAY, PAY_AGAIN)
    # PAY joined VETO's claim at 50 while it had no other link; PAY_AGAIN, its copy at 100,
    # takes it away from there: both are about what PAY says
    added = _claim_rows(db)
    assert added == [(VETO, 1, "supports", 1), (PAY, 2, "supports", 1), (PAY, 3, "supports", 0)]
    tracker.relink_all(db)
    assert _claim_rows(db) == added


CLOSED_BECAUSE = "The mayor closed the old bridge on Monday because an audit found cracks in its pillars and rust in its beams."
CLOSED = "The mayor closed the old bridge on Monday."
CLOSED_AGAIN = "On Monday the mayor closed the old bridge."


def test_near_copies_added_one_at_a_time_share_a_claim_as_a_relink_gives(db) -> None:  # type: ignore[no-untyped-def]
    import tracker

    _add_one_at_a_time(db, CLOSED_BECAUSE, CLOSED, CLOSED_AGAIN)
    links = db.execute("SELECT a_id, b_id, relation, score FROM links ORDER BY a_id, b_id").fetchall()
    assert links == [(1, 2, "agrees", 77.6), (1, 3, "agrees", 77.6), (2, 3, "agrees", 100.0)]
    added = _claim_rows(db)
    assert added == [
        (CLOSED_BECAUSE, 1, "supports", 1),
        (CLOSED, 2, "supports", 1),
        (CLOSED, 3, "supports", 0),
    ]
    tracker.relink_all(db)
    assert _claim_rows(db) == added


def test_a_statement_joins_the_claim_its_strongest_neighbour_joined_through_a_link(db) -> None:  # type: ignore[no-untyped-def]
    from tracker.claims.attach import _through_founders
    from tracker.claims.records import Stance
    from tracker.model import Relation

    founders = {1: (10, Stance.SUPPORTS)}
    joined = {2: (10, Stance.DENIES)}
    row = {"id": 3}
    links = [(90.0, 2, "contradicts", False), (60.0, 1, "agrees", False)]
    (found,) = _through_founders(db, row, links, founders, {}, {}, joined)
    assert (found.claim_id, found.statement_id, found.stance) == (10, 3, Stance.SUPPORTS)
    assert (found.judgement.relation, found.judgement.score) == (Relation.CONTRADICTS, 90.0)
    assert [r.detail for r in found.judgement.reasons] == [
        "contradicts with statement 2, which denies the claim"
    ]
    assert joined == {2: (10, Stance.DENIES), 3: (10, Stance.SUPPORTS)}  # the next may join through it


def test_a_link_a_person_reviewed_takes_a_statement_to_a_claim_however_far_below_its_strongest(db) -> None:  # type: ignore[no-untyped-def]
    from tracker.claims.attach import _through_founders
    from tracker.claims.records import Stance

    founders = {1: (10, Stance.SUPPORTS)}
    links = [(100.0, 2, "agrees", False), (40.0, 1, "agrees", True)]  # statement 2 is on no claim
    (found,) = _through_founders(db, {"id": 3}, links, founders, {}, {}, {})
    assert (found.claim_id, found.statement_id, found.stance, found.judgement.score) == (
        10,
        3,
        Stance.SUPPORTS,
        40.0,
    )


def test_a_claim_whose_founding_statement_is_deleted_is_listed_apart_and_back_on_restore(
    cli, db_path
) -> None:
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Water ministry")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("claim", "add", "The port reopened on Monday.", "--ref", "port")  # a person's, no statement
    cli.ok("delete", "1", "--yes")
    assert _claims(db_path)[0] == (1, "The dam on the river was breached overnight.", None, "statement", None)
    assert [c["id"] for c in cli.json("claims")] == [2, 3]  # the person's claim stays
    (apart,) = cli.json("claims", "--left-over")
    assert (apart["id"], apart["origin"], apart["supports"], apart["status"]) == (1, "statement", 0, None)
    result = cli("claims")
    assert (result.exit_code, result.stderr) == (
        0,
        "Left out: 1 claim no statement takes up now (deleted or detached); "
        "`tracker claims --left-over` lists them.\n",
    )
    cli.ok("restore", "1")
    assert [c["id"] for c in cli.json("claims")] == [1, 2, 3]
    assert cli.json("claims", "--left-over") == []
    assert cli("claims").stderr == ""


def test_a_founded_claim_whose_statement_is_detached_is_listed_apart(cli) -> None:
    cli.ok("add", "The dam on the river was breached overnight.", "--speaker", "Water ministry")
    cli.ok("claim", "detach", "1", "1")
    assert cli.json("claims") == []
    assert [c["id"] for c in cli.json("claims", "--left-over")] == [1]


COLLAPSED = "The Ravi bridge collapsed on Monday."
STANDING = "The Ravi bridge is still standing."


def _bridge_claims(cli) -> None:  # type: ignore[no-untyped-def]
    """Claim 1 says the bridge collapsed (Ali Raza for), claim 2 that it did not (Sara Khan for)."""
    cli.ok("claim", "add", "The Ravi bridge collapsed on Monday")
    cli.ok("claim", "add", "The Ravi bridge did not collapse")
    cli.ok("add", COLLAPSED, "--speaker", "Ali Raza", "--no-link")
    cli.ok("add", STANDING, "--speaker", "Sara Khan", "--no-link")
    cli.ok("claim", "attach", "1", "1", "--stance", "supports")
    cli.ok("claim", "attach", "2", "2", "--stance", "supports")


def _sides(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT claim_id, statement_id, stance FROM claim_statements WHERE status != 'rejected'"
            " ORDER BY claim_id, statement_id"
        ).fetchall()


def test_merging_two_claims_that_contradict_is_refused_and_writes_nothing(cli, db_path) -> None:
    _bridge_claims(cli)
    before, audit = _sides(db_path), cli.json("audit")
    error = cli.fails("claim", "merge", "1", "2")
    assert error == (
        "Error: claim 2 ('The Ravi bridge did not collapse') contradicts claim 1 ('The Ravi bridge"
        " collapsed on Monday', score 80.6); give --opposite to merge it with its statements on the"
        " other side, or --force\n"
    )
    assert _sides(db_path) == before
    assert [row[4] for row in _claims(db_path)] == [None, None]
    assert cli.json("audit") == audit


def test_merging_with_opposite_puts_the_moved_statements_on_the_other_side(cli, db_path) -> None:
    _bridge_claims(cli)
    merged = cli("claim", "merge", "1", "2", "--opposite")
    assert (merged.exit_code, merged.stderr) == (
        0,
        "Merged claim 2 into claim 1 (its statements on the other side); 1 support it, 1 deny it;"
        " undo with `tracker claim unmerge 2`.\n",
    )
    assert _sides(db_path) == [(1, 1, "supports"), (1, 2, "denies")]
    assert [row[4] for row in _claims(db_path)] == [None, 1]
    shown = {s["id"]: s for s in cli.json("claim", "show", "1")["statements"]}
    assert shown[2]["reasons"][0] == {
        "code": "merge",
        "detail": "claim 2 says the opposite: supports → denies",
    }
    assert [c["id"] for c in cli.json("claims", "--disputed")] == [1]


def test_merging_with_force_keeps_the_sides_and_opposite_with_force_is_a_usage_error(cli, db_path) -> None:
    _bridge_claims(cli)
    error = cli.fails("claim", "merge", "1", "2", "--opposite", "--force", code=2)
    assert error.startswith("Error: Invalid value for '--force': give --opposite or --force, not both")
    assert [row[4] for row in _claims(db_path)] == [None, None]
    cli.ok("claim", "merge", "1", "2", "--force")
    assert _sides(db_path) == [(1, 1, "supports"), (1, 2, "supports")]
    merge = cli.json("audit", "--action", "claim merge")[0]
    assert merge["after"] == {
        "claim": 1,
        "absorbed": 2,
        "opposite": False,
        "forced": True,
        "moved": [{"statement": 2, "stance": "supports"}],
    }


def test_unmerge_gives_the_absorbed_claim_back_its_statements_and_sides(cli, db_path) -> None:
    _bridge_claims(cli)
    before = _sides(db_path)
    cli.ok("claim", "merge", "1", "2", "--opposite")
    unmerged = cli("claim", "unmerge", "2")
    assert (unmerged.exit_code, unmerged.stderr) == (0, "Unmerged: claim 2 is a claim again; 1 support it.\n")
    assert _sides(db_path) == before
    assert [row[4] for row in _claims(db_path)] == [None, None]
    assert cli.fails("claim", "unmerge", "2") == "Error: claim 2 is not merged into another\n"
    assert cli.fails("claim", "unmerge", "9") == "Error: no claim '9'\n"
    records = [(r["id"], r["action"], r["after"]) for r in cli.json("audit") if r["action"].endswith("merge")]
    merge_id = records[0][0]
    assert [(action, after) for _, action, after in records][1:] == [
        ("claim unmerge", {"claim": 2, "from": 1, "sides": 1, "merge": merge_id, "kept_on_the_other": []})
    ]
    table = cli.ok("audit")
    assert "claim 2 merged into claim 1, sides flipped" in table and "claim 2 unmerged from claim 1" in table


def test_claim_add_attach_detach_and_review_are_audited_with_before_and_after(cli) -> None:
    cli.ok("add", COLLAPSED, "--speaker", "Ali Raza", "--no-link")
    cli.ok("claim", "add", "The Ravi bridge collapsed on Monday", "--ref", "ravi")
    cli.ok("claim", "attach", "1", "ravi", "--stance", "denies")
    cli.ok("claim", "detach", "1", "ravi")
    records = [(r["action"], r["statement_id"], r["before"], r["after"]) for r in cli.json("audit")]
    assert records == [
        ("claim add", None, None, {"claim": 1, "text": "The Ravi bridge collapsed on Monday", "ref": "ravi"}),
        (  # the side it founded, given another stance: a relabel
            "claim relabel",
            1,
            {"claim": 1, "stance": "supports", "status": "confirmed"},
            {"claim": 1, "stance": "denies", "status": "confirmed"},
        ),
        (
            "claim detach",
            1,
            {"claim": 1, "stance": "denies", "status": "confirmed"},
            {"claim": 1, "stance": "denies", "status": "rejected"},
        ),
    ]
    assert "relabel: claim 1, supports → denies" in cli.ok("audit", "--action", "claim relabel")


def test_rejecting_a_link_takes_back_a_side_found_by_meaning_that_rests_on_it(cli, db_path) -> None:
    laid_off, lost_jobs = (
        "The company laid off 500 workers.",
        "Five hundred employees lost their jobs at the firm.",
    )
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    cli.ok("claim", "add", lost_jobs)
    cli.ok("add", lost_jobs, "--speaker", "Union", "--source", "Daily A")
    cli.ok("add", laid_off, "--speaker", "Manager", "--source", "Daily B")
    sides = {s["id"]: s for s in cli.json("claim", "show", "1")["statements"]}
    assert (sides[2]["stance"], sides[2]["reasons"][0]["code"]) == ("supports", "meaning")
    [link] = [row for row in cli.json("links") if {row["a_id"], row["b_id"]} == {1, 2}]
    cli.ok("link", "reject", str(link["id"]))
    # the person said 2 does not agree with 1, which supports the claim: 2's side by meaning goes
    assert [s["id"] for s in cli.json("claim", "show", "1")["statements"]] == [1]
    cli.ok("link")
    assert [s["id"] for s in cli.json("claim", "show", "1")["statements"]] == [1]
    assert [row[:3] for row in _attachments(db_path) if row[1] == 2 and row[0] == 1] == []


def test_a_claim_naming_a_town_is_denied_by_a_negated_statement_describing_it(cli) -> None:
    cli.ok("add", "The town will not be evacuated", "--speaker", "Ines Roth", "--source", "Herald")
    cli.ok("claim", "add", "Kessel will be evacuated")
    [side] = [s for s in cli.json("claim", "show", "2")["statements"] if s["id"] == 1]
    assert (side["stance"], side["score"]) == ("denies", 52.1)


def test_someone_who_only_asked_whether_takes_no_side(cli) -> None:
    cli.ok("claim", "add", "The town would be evacuated.")
    cli.ok(
        "extract",
        "-",
        "--source",
        "Dawn",
        input="Tomas Brandt asked Anna Weber whether the town would be evacuated.\n",
    )
    (claim,) = cli.json("claims")
    assert [
        (s["stance"], s["speaker"]) for s in cli.json("claim", "show", str(claim["id"]))["statements"]
    ] == [("discusses", "Tomas Brandt")]


def _founders(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT claim_id, statement_id, founder FROM claim_statements ORDER BY claim_id, statement_id"
        ).fetchall()


def test_a_merged_claims_founder_founds_nothing_where_it_went_and_again_after_unmerge(cli, db_path) -> None:
    cli.ok("add", "The dam at Kessel will hold through the winter.", "--speaker", "Ines Roth", "--no-link")
    cli.ok("add", "The ferry to Arland will sail twice a day.", "--speaker", "Tomas Brandt", "--no-link")
    cli.ok("link")
    assert _founders(db_path) == [(1, 1, 1), (2, 2, 1)]
    cli.ok("claim", "merge", "1", "2", "--force")
    assert _founders(db_path) == [(1, 1, 1), (1, 2, 0)]
    edited = cli("edit", "2", "--text", "The ferry to Arland will sail once a day.", "--no-link")
    assert "Claim 1" not in edited.stderr
    assert cli.json("claim", "show", "1")["text"] == "The dam at Kessel will hold through the winter."
    cli.ok("claim", "unmerge", "2")
    assert _founders(db_path) == [(1, 1, 1), (2, 2, 1)]


def test_unmerge_keeps_a_side_a_person_gave_after_the_merge_and_skips_deleted_statements(
    cli, db_path, monkeypatch
) -> None:
    _bridge_claims(cli)
    cli.ok("claim", "merge", "1", "2", "--opposite")
    monkeypatch.setattr("tracker.claims.records._now", lambda: "2999-01-01T00:00:00+00:00")
    cli.ok("claim", "attach", "2", "1", "--stance", "supports")  # a person's decision, after the merge
    unmerged = cli("claim", "unmerge", "2")
    assert unmerged.exit_code == 0
    assert _sides(db_path) == [(1, 1, "supports"), (1, 2, "supports"), (2, 2, "supports")]
    (record,) = [r["after"] for r in cli.json("audit") if r["action"] == "claim unmerge"]
    assert record["kept_on_the_other"] == [2]


def test_unmerge_after_a_moved_statement_was_deleted_gives_back_the_rest(cli, db_path) -> None:
    _bridge_claims(cli)
    cli.ok("claim", "merge", "1", "2", "--opposite")
    cli.ok("delete", "2", "--yes")
    unmerged = cli("claim", "unmerge", "2")
    assert (unmerged.exit_code, unmerged.stderr) == (
        0,
        "Unmerged: claim 2 is a claim again; no statement takes a side on it yet.\n",
    )
    assert _sides(db_path) == [(1, 1, "supports")]


def test_a_claim_left_over_by_a_deleted_denial_attracts_no_new_statement(cli, db_path) -> None:
    # a left-over claim is listed apart: a statement joining it would be joining, unseen, a
    # claim whose only ground was deleted; the statement founds its own instead
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("delete", "1", "--yes")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    assert _claims(db_path) == [
        (1, "India's missiles struck targets in Afghanistan.", None, "denial", None),
        (2, STRUCK, None, "statement", None),
    ]
    assert _attachments(db_path) == [(2, 2, "supports", "confirmed", 1)]
    assert [c["id"] for c in cli.json("claims", "--left-over")] == [1]
    assert [(c["id"], c["supports"]) for c in cli.json("claims")] == [(2, 1)]


def test_a_claim_a_person_added_with_no_statement_yet_is_joined_by_new_statements(cli, db_path) -> None:
    cli.ok("claim", "add", "Indian missiles struck targets in Afghanistan")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    assert [row[0] for row in _claims(db_path)] == [1]
    assert [(row[0], row[1], row[2]) for row in _attachments(db_path)] == [(1, 1, "supports")]


def test_a_persons_claim_decision_inside_a_larger_transaction_is_rolled_back_with_it(cli, db_path) -> None:
    from tracker.claims import attach_statement, detach_statement
    from tracker.store import open_db
    from tracker.store.connection import write_transaction

    cli.ok("claim", "add", "The port reopened on Monday.")
    cli.ok("add", "Ships sailed again on Tuesday.", "--speaker", "Port authority", "--no-link")
    db = open_db(db_path)
    for decide in (
        lambda: attach_statement(db, 1, "1", "supports", by="ana"),
        lambda: detach_statement(db, 1, "1", by="ana"),
    ):
        before = list(db.conn.iterdump())
        with pytest.raises(RuntimeError, match="later step"), write_transaction(db):
            decide()  # its own transaction is a savepoint of the caller's: it commits nothing
            raise RuntimeError("a later step failed")
        assert list(db.conn.iterdump()) == before
        decide()  # on its own, it is written: the detach that follows has a side to take off
    assert _attachments(db_path) == [(1, 1, "supports", "rejected", 0)]


def test_a_denial_and_the_reply_after_it_deny_one_claim(cli, tmp_path):
    """ "rejected opposition claims that X" founds claim X; "The allegations are baseless,"
    answering X, joins it instead of founding a second claim in the same words."""
    article = tmp_path / "fraud.txt"
    article.write_text(
        "Commission rejects fraud claims\n\nBy Ana Kovac, Norva Times\n\nThe Central Electoral Commission on"
        " Monday rejected opposition claims that ballots had been stuffed in the Dravno district."
        ' "The allegations are baseless," the commission said in a statement.\n',
        encoding="utf-8",
    )
    cli.ok("extract", str(article), "--date", "2026-11-24")
    (claim,) = cli.json("claims")
    assert (claim["text"], claim["denies_speakers"]) == (
        "Ballots had been stuffed in the Dravno district.",
        ["Central Electoral Commission"],
    )
    shown = cli.json("claim", "show", str(claim["id"]))
    assert [(s["id"], s["stance"], s["status"]) for s in shown["statements"]] == [
        (1, "denies", "confirmed"),
        (2, "denies", "confirmed"),
    ]
