"""tracker review: one key per decision, a result line for each, relabel, full texts, undo,
and an interruption that keeps what was decided."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

STRUCK = "Indian missiles struck targets in Afghanistan."
DENIED = "India denied that its missiles struck targets in Afghanistan."
FOUR = [
    (STRUCK, "Pakistan"),
    (DENIED, "India"),
    ("Indian missiles did not strike targets in Afghanistan.", "Army"),
    ("Pakistani missiles struck targets in Afghanistan.", "Kabul"),
]
PROMPT = "[c]onfirm [r]eject [s]kip re[l]abel [f]ull [u]ndo [q]uit [?]help "
END = "All reviewed: [u]ndo the last decision, any other key quits "


def _links(db_path: Path) -> dict[int, tuple[Any, ...]]:
    """Each link's id → (a, b, relation, status, reviewed_at, reviewed_by)."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT id, a_id, b_id, relation, status, reviewed_at, reviewed_by FROM links ORDER BY id"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def _attachments(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT claim_id, statement_id, stance, status, reviewed_by, reviewed_at"
            " FROM claim_statements ORDER BY claim_id, statement_id"
        ).fetchall()


@pytest.fixture
def four(cli, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """Four statements on Afghanistan; the ids of the links review offers, in its order: the
    suggested ones, then the one the engine confirmed (DENIED agrees with the army's denial)."""
    monkeypatch.setenv("LOGNAME", "desk")  # getpass.getuser() reads it first
    for text, speaker in FOUR:
        cli.ok("add", text, "--speaker", speaker)
    rows = cli.json("links")
    auto = [row["id"] for row in rows if row["confirmed_by"] == "engine"]
    assert len(auto) == 1
    return [row["id"] for row in rows if row["status"] == "suggested"] + auto


def _lines(result: Any) -> list[str]:
    """What the person reads on stderr, one line per decision, without the prompts."""
    lines = [line.removeprefix(PROMPT).removeprefix(END) for line in result.stderr.splitlines()]
    return [line for line in lines if line.strip() and not line.startswith("  relabel as ")]


def test_each_decision_gets_a_result_line_and_the_tally_counts_what_is_left(cli, db_path, four) -> None:
    first, second, third, *_ = four
    relation = _links(db_path)[first][2]
    result = cli("review", input="c\nr\ns\nq\n")
    assert result.exit_code == 0
    assert _lines(result) == [
        f"✓ link {first} confirmed: {relation}",
        f"✗ link {second} rejected",
        f"→ link {third} skipped",
        f"1 confirmed, 1 rejected, {len(four) - 2} left.",
    ]
    stored = _links(db_path)
    assert [stored[i][3] for i in four] == ["confirmed", "rejected"] + ["suggested"] * (len(four) - 3) + [
        "confirmed"
    ]
    assert stored[first][5] == stored[second][5] == "desk"


def _reasons(db_path: Path, link_id: int) -> list[dict[str, Any]]:
    with sqlite3.connect(db_path) as conn:
        (reasons,) = conn.execute("SELECT reasons FROM links WHERE id = ?", [link_id]).fetchone()
    return list(json.loads(reasons))


def test_enter_skips_and_whole_words_work_as_keys(cli, db_path, four) -> None:
    result = cli("review", input="\nconfirm\nquit\n")
    assert _lines(result)[:2] == [f"→ link {four[0]} skipped", f"✓ link {four[1]} confirmed: contradicts"]
    assert _links(db_path)[four[0]][3] == "suggested"


@pytest.mark.parametrize("typed", ["l agrees\n", "l\n1\n", "relabel ag\n", "l\nagrees\n"])
def test_relabel_confirms_the_link_with_the_relation_chosen(cli, db_path, four, typed) -> None:
    first = four[0]
    assert _links(db_path)[first][2] == "contradicts"
    result = cli("review", input=typed + "q\n")
    assert result.exit_code == 0
    assert _lines(result)[-2:] == [
        f"✓ link {first} relabelled: contradicts → agrees (confirmed)",
        f"1 confirmed (1 relabelled), 0 rejected, {len(four) - 1} left.",
    ]
    *_, relation, status, reviewed_at, by = _links(db_path)[first]
    assert (relation, status, by) == ("agrees", "confirmed", "desk")
    assert datetime.fromisoformat(reviewed_at).tzinfo is not None
    # the engine's reasons were for "contradicts": the first reason now says who changed it
    assert _reasons(db_path, first)[0] == {"code": "relabelled", "detail": "contradicts → agrees by desk"}
    shown = {row["id"]: row["reason"] for row in cli.json("links", "--relation", "agrees")}
    assert shown[first].startswith("relabelled: contradicts → agrees by desk")


def test_relabel_to_the_same_relation_is_a_confirmation(cli, db_path, four) -> None:
    result = cli("review", input="l contradicts\nq\n")
    assert _lines(result)[0] == f"✓ link {four[0]} confirmed: contradicts"
    assert _links(db_path)[four[0]][2:4] == ("contradicts", "confirmed")


def test_relabel_with_an_unknown_relation_changes_nothing(cli, db_path, four) -> None:
    before = _links(db_path)
    result = cli("review", input="l sideways\nl\n9\nq\n")
    assert _lines(result) == [
        "Not relabelled: 'sideways' is none of 1 agrees, 2 contradicts, 3 related.",
        "Not relabelled: '9' is none of 1 agrees, 2 contradicts, 3 related.",
        f"0 confirmed, 0 rejected, {len(four)} left.",
    ]
    assert _lines(cli("review", input="l\n\nq\n"))[0] == "Not relabelled."  # Enter: back, no complaint
    assert _links(db_path) == before


@pytest.mark.parametrize("decision", ["c", "r", "l related"])
def test_undo_puts_back_exactly_what_the_decision_replaced(cli, db_path, four, decision) -> None:
    links, claims, reasons = _links(db_path), _attachments(db_path), _reasons(db_path, four[0])
    result = cli("review", input=f"{decision}\nu\nq\n")
    assert result.exit_code == 0
    assert _lines(result)[1:] == [
        f"↶ link {four[0]} back to suggested: contradicts",
        f"0 confirmed, 0 rejected, {len(four)} left.",
    ]
    assert result.stdout.count(f"Link {four[0]} (1 of {len(four)})") == 2  # shown again after undo
    assert _links(db_path) == links
    assert _reasons(db_path, four[0]) == reasons  # a relabel's reason goes with it
    assert _attachments(db_path) == claims  # a rejection moved the claim's sides; undo moves them back


def test_undo_goes_back_one_decision_at_a_time(cli, db_path, four) -> None:
    before = _links(db_path)
    result = cli("review", input="c\ns\nr\nu\nu\nu\nu\nq\n")
    assert _lines(result)[3:] == [
        f"↶ link {four[2]} back to suggested: contradicts",
        f"↶ back to link {four[1]}",
        f"↶ link {four[0]} back to suggested: contradicts",
        "Nothing to undo.",
        f"0 confirmed, 0 rejected, {len(four)} left.",
    ]
    assert _links(db_path) == before


def test_full_shows_both_statements_whole_with_speaker_source_and_date(cli, db_path) -> None:
    long = STRUCK[:-1] + ", " + "according to officials who spoke on condition of anonymity " * 5 + "today."
    cli.ok("add", long, "--speaker", "Pakistan's military", "--source", "Dawn", "--said-on", "2025-05-10")
    cli.ok("add", DENIED, "--speaker", "India", "--source", "The Hindu", "--said-on", "2025-05-11")
    result = cli("review", input="f\nq\n")
    assert result.exit_code == 0
    card, full = result.stdout.split("a: statement 1")
    assert "…" in card and long not in " ".join(card.split())
    shown = " ".join(full.split())
    assert long in shown and DENIED in shown
    for field in ("speaker Pakistan's military", "source Dawn", "said on 2025-05-10", "b: statement 2"):
        assert field in shown
    assert "speaker India source The Hindu said on 2025-05-11" in shown


def test_help_and_unknown_keys_say_what_to_press(cli, four) -> None:
    result = cli("review", input="?\nx\nq\n")
    lines = _lines(result)
    assert lines[0] == "  c  confirm: the suggestion is right"
    assert "  u  undo the last decision and show it again" in lines
    assert lines[-2:] == ["Unknown key 'x': press ? for help.", f"0 confirmed, 0 rejected, {len(four)} left."]


def test_end_of_input_stops_with_the_tally_and_exit_0(cli, db_path, four) -> None:
    result = cli("review", input="c\n")
    assert result.exit_code == 0
    assert _lines(result)[-1] == f"1 confirmed, 0 rejected, {len(four) - 1} left."
    assert _links(db_path)[four[0]][3] == "confirmed"


def test_ctrl_c_exits_130_and_keeps_what_was_decided(cli, db_path, four, monkeypatch) -> None:
    keys = iter(["c", "r"])

    def keyboard(prompt: str) -> str:
        for key in keys:
            return key
        raise KeyboardInterrupt

    monkeypatch.setattr("tracker.cli.review._read_key", keyboard)
    result = cli("review")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == (
        f"Interrupted: 1 confirmed, 1 rejected, {len(four) - 2} left; what was decided is kept."
    )
    assert [_links(db_path)[i][3] for i in four[:3]] == ["confirmed", "rejected", "suggested"]


def test_at_a_terminal_one_key_is_read_without_enter(monkeypatch, capsys) -> None:
    from tracker.cli.review import _read_key

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("never read"))
    keys = iter(["c"])
    monkeypatch.setattr("click.getchar", lambda: next(keys))
    assert _read_key("Decide:") == "c"
    assert capsys.readouterr().err == "Decide: c\n"

    def ctrl_d() -> str:
        raise EOFError

    monkeypatch.setattr("click.getchar", ctrl_d)
    assert _read_key("Decide:") is None


def test_review_claims_relabels_a_side_and_undo_restores_it(cli, db_path, monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "desk")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    before = _attachments(db_path)
    assert before[1][:4] == (1, 2, "denies", "suggested")
    result = cli("review", "--claims", input="l\n3\nu\nl supports\n")
    assert result.exit_code == 0
    assert _lines(result) == [
        "✓ statement 2 on claim 1 relabelled: denies → discusses (confirmed)",
        "↶ statement 2 on claim 1 back to suggested: denies",
        "✓ statement 2 on claim 1 relabelled: denies → supports (confirmed)",
        "1 confirmed (1 relabelled), 0 rejected, 0 left.",
    ]
    *_, stance, status, by, at = _attachments(db_path)[1]
    assert (stance, status, by) == ("supports", "confirmed", "desk")
    assert datetime.fromisoformat(at).tzinfo is not None
    # each decision and the undo are audited with what they replaced
    # (a relabel is audited as one, from the old stance to the new)
    assert [(r["action"], r["before"], r["after"]) for r in cli.json("audit")] == [
        (
            "claim relabel",
            {"claim": 1, "stance": "denies", "status": "suggested"},
            {"claim": 1, "stance": "discusses", "status": "confirmed"},
        ),
        (
            "claim undo",
            {"claim": 1, "stance": "discusses", "status": "confirmed"},
            {"claim": 1, "stance": "denies", "status": "suggested"},
        ),
        (
            "claim relabel",
            {"claim": 1, "stance": "denies", "status": "suggested"},
            {"claim": 1, "stance": "supports", "status": "confirmed"},
        ),
    ]
    assert [
        line.rstrip().split("  ")[-1].strip()
        for line in cli.ok("audit", "--action", "claim relabel").splitlines()[3:5]
    ] == ["relabel: claim 1, denies → discusses", "relabel: claim 1, denies → supports"]


def test_a_relabelled_side_shows_the_persons_score_and_says_it_was_relabelled(
    cli, db_path, monkeypatch
) -> None:
    monkeypatch.setenv("LOGNAME", "desk")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    (_, engine) = cli.json("claim", "show", "1")["statements"]
    assert (engine["stance"], engine["status"]) == ("denies", "suggested")
    assert engine["score"] < 100
    cli.ok("review", "--claims", input="l discusses\n")
    (_, relabelled) = cli.json("claim", "show", "1")["statements"]
    assert {k: relabelled[k] for k in ("id", "stance", "score", "status")} == {
        "id": 2,
        "stance": "discusses",
        "score": 100.0,
        "status": "confirmed",
    }
    assert relabelled["reasons"] == [
        {"code": "relabelled", "detail": "denies → discusses by desk"},
        *engine["reasons"],
    ]
    # `tracker show` reads the same side
    (side,) = [c for c in cli.json("show", "2")["claims"] if c["id"] == 1]
    assert (side["stance"], side["score"]) == ("discusses", 100.0)


def test_undoing_a_relabelled_side_puts_back_the_engines_score_and_reasons(cli, monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "desk")
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India")
    engine = cli.json("claim", "show", "1")["statements"]
    result = cli("review", "--claims", input="l discusses\nu\nq\n")
    assert result.exit_code == 0
    assert cli.json("claim", "show", "1")["statements"] == engine


def test_review_claims_full_shows_the_claim_and_the_statement(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", DENIED, "--speaker", "India", "--source", "The Hindu")
    result = cli("claim", "review", input="f\nq\n")
    assert f"claim 1: {STRUCK}" in _lines(result)
    assert "speaker India source The Hindu" in " ".join(result.stdout.split())


# --- the library -----------------------------------------------------------------------------


def test_relabel_link_refuses_a_relation_it_cannot_store_and_writes_nothing(db, db_path, cli, four) -> None:
    from tracker.link import relabel_link
    from tracker.model import InvalidInput

    before = _links(db_path)
    with pytest.raises(
        InvalidInput, match="invalid relation 'unrelated': use one of agrees, contradicts, related"
    ):
        relabel_link(db, four[0], "unrelated")
    assert _links(db_path) == before


def test_a_relabelled_link_keeps_its_relation_and_id_when_relinked(cli, db_path, four) -> None:
    cli.ok("review", input="l related\n")
    cli.ok("link")
    assert _links(db_path)[four[0]][2:4] == ("related", "confirmed")


def test_claim_review_walks_a_suggested_side_that_only_discusses_the_claim(cli, db_path) -> None:
    cli.ok("claim", "add", "The town would be evacuated.")
    cli.ok(
        "extract",
        "-",
        "--source",
        "Dawn",
        input="Tomas Brandt asked Anna Weber whether the town would be evacuated.\n",
    )
    assert _attachments(db_path)[0][:4] == (1, 1, "discusses", "suggested")
    result = cli("claim", "review", "--claim", "1", input="c\n")
    assert result.exit_code == 0
    assert _lines(result) == [
        "✓ statement 1 on claim 1 confirmed: discusses",
        "1 confirmed, 0 rejected, 0 left.",
    ]
    assert _attachments(db_path)[0][:4] == (1, 1, "discusses", "confirmed")
    assert cli.fails("review", "--claims", code=0) == "No suggested claim attachments to review.\n"
