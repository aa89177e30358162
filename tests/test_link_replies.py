"""Bare replies ("completely untrue", "nonsense") are linked only through the claims they
answer: a denial of X contradicts a statement of X and agrees with another denial of X; two
replies answering different claims, or a reply and a statement about something else, never
link by the bare words they share."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tracker.judge import relate
from tracker.link import pipeline, replies
from tracker.model import Relation

ARTICLE = (
    "District officer Amir Khan said the dam on the Ravi river had been breached overnight.\n\n"
    'The water ministry dismissed reports that the dam had been breached as "completely untrue".\n\n'
    "Army spokeswoman Sara Malik dismissed reports that troops were moving toward the border as"
    ' "completely untrue".\n\n'
    'Finance Minister Peter Holt dismissed reports that the central bank had collapsed as "nonsense".\n\n'
    "Irrigation minister Ali Raza dismissed reports that the dam had been breached as"
    ' "a fabrication from start to finish".\n'
)
# what extraction makes of ARTICLE: (id, speaker, text, answers)
EXTRACTED = [
    (1, "Amir Khan", "the dam on the Ravi river had been breached overnight", None),
    (2, "The water ministry", "completely untrue", "the dam had been breached"),
    (3, "Sara Malik", "completely untrue", "troops were moving toward the border"),
    (4, "Peter Holt", "nonsense", "the central bank had collapsed"),
    (5, "Ali Raza", "a fabrication from start to finish", "the dam had been breached"),
]
# the two denials of the breach contradict its report and agree with each other; the denials
# of troop movements and of a bank collapse link to nothing
ARTICLE_LINKS = [(1, 2, "contradicts"), (1, 5, "contradicts"), (2, 5, "agrees")]
TROOPS = "Troops were moving toward the border near Kasur on Sunday."
BANK = "The central bank collapsed on Friday."
BARE_WORDS = "The story is completely untrue, a fabrication from start to finish."
# after adding TROOPS (6), BANK (7) and BARE_WORDS (8): each report meets its denial
ALL_LINKS = [*ARTICLE_LINKS, (3, 6, "contradicts"), (4, 7, "contradicts")]


def _extract(cli: Any, tmp_path: Path) -> None:
    article = tmp_path / "replies.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cli.ok("extract", str(article), "--date", "2025-05-10", "--source", "Dawn")


def _add_reports(cli: Any) -> None:
    cli.ok("add", TROOPS, "--speaker", "Local police")
    cli.ok("add", BANK, "--speaker", "Daily Times")
    cli.ok("add", BARE_WORDS, "--speaker", "Harbour board")


def _links(cli: Any, *args: str) -> list[tuple[int, int, str]]:
    return sorted((r["a_id"], r["b_id"], r["relation"]) for r in cli.json("links", *args))


def _rows(db_path: Path) -> list[tuple[Any, ...]]:
    """Every link as stored: pair, relation, score, status, reasons, reviewer."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT a_id, b_id, relation, score, status, reasons, reviewed_by FROM links ORDER BY a_id, b_id"
        ).fetchall()


def test_extraction_stores_what_each_bare_reply_answers(cli, tmp_path) -> None:
    _extract(cli, tmp_path)
    assert [(s["id"], s["speaker"], s["text"], s["answers"]) for s in cli.json("list")] == [
        (sid, "water ministry" if speaker == "The water ministry" else speaker, text, answers)
        for sid, speaker, text, answers in EXTRACTED
    ]


def test_replies_answering_different_claims_are_never_linked_by_their_shared_words(cli, tmp_path) -> None:
    _extract(cli, tmp_path)
    assert _links(cli) == ARTICLE_LINKS  # 2 and 3 are both "completely untrue": no link


def test_a_denial_contradicts_the_claim_it_answers_and_says_what_it_answers(cli, tmp_path) -> None:
    _extract(cli, tmp_path)
    (first, second) = sorted(cli.json("links", "--relation", "contradicts"), key=lambda r: r["b_id"])
    assert (first["a_id"], first["b_id"], first["score"], first["status"]) == (1, 2, 71.7, "suggested")
    assert first["reasons"] == [
        {"code": "answers", "detail": "b answers 'the dam had been breached'", "side": "b"},
        {"code": "similarity", "detail": "72/100"},
    ]
    assert (second["a_id"], second["b_id"], second["score"]) == (1, 5, 71.7)
    (agrees,) = cli.json("links", "--relation", "agrees")
    assert (agrees["a_id"], agrees["b_id"], agrees["score"], agrees["status"]) == (2, 5, 100.0, "confirmed")
    assert [r["detail"] for r in agrees["reasons"]] == [
        "a answers 'the dam had been breached'",
        "b answers 'the dam had been breached'",
        "100/100",
    ]


def test_added_reports_meet_the_denials_answering_them_and_bare_words_meet_nothing(cli, tmp_path) -> None:
    _extract(cli, tmp_path)
    _add_reports(cli)
    assert _links(cli) == ALL_LINKS  # BARE_WORDS (8) shares "completely untrue" with 2 and 3
    assert sorted((r["a_id"], r["b_id"], r["id"] is not None) for r in cli.json("contradictions")) == [
        (1, 2, True),
        (1, 5, True),
        (3, 6, True),
        (4, 7, True),
    ]


def test_relinking_gives_the_links_adding_and_extracting_gave(cli, db_path, tmp_path) -> None:
    _extract(cli, tmp_path)
    _add_reports(cli)
    before = _rows(db_path)
    result = cli("link")
    assert (result.exit_code, result.stderr) == (
        0,
        "5 candidate pairs, 5 close enough to judge: 5 links (1 agrees, 4 contradicts); 0 stale links removed.\n",
    )
    assert _rows(db_path) == before


def test_relinking_by_judging_every_candidate_gives_the_same_links(
    cli, db_path, tmp_path, monkeypatch
) -> None:
    _extract(cli, tmp_path)
    _add_reports(cli)
    before = _rows(db_path)

    def distrust(*args: Any) -> Any:
        raise pipeline._Disagrees("judge every candidate")

    monkeypatch.setattr(pipeline, "_relink_ranked", distrust)
    cli.ok("link")
    assert _rows(db_path) == before


@pytest.mark.parametrize("batch", [False, True], ids=["one query each", "one blocking pass"])
def test_importing_the_export_gives_the_same_links(cli, db_path, tmp_path, monkeypatch, batch) -> None:
    _extract(cli, tmp_path)
    _add_reports(cli)
    exported = tmp_path / "statements.jsonl"
    cli.ok("export", "statements", "-o", str(exported))
    if batch:
        monkeypatch.setattr(pipeline, "BATCH_MIN", 1)
    copy = tmp_path / "copy.db"
    cli.ok("--db", str(copy), "import", str(exported))
    assert _links(cli, "--db", str(copy)) == ALL_LINKS
    assert [row[:5] for row in _rows(copy)] == [row[:5] for row in _rows(db_path)]


def test_linking_the_reports_in_one_blocking_pass_gives_the_same_links(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "BATCH_MIN", 1)
    _extract(cli, tmp_path)
    _add_reports(cli)
    assert _links(cli) == ALL_LINKS


def test_review_decisions_stand_through_relinking_and_new_statements(cli, db_path, tmp_path) -> None:
    _extract(cli, tmp_path)
    links = {(r["a_id"], r["b_id"]): r["id"] for r in cli.json("links")}
    cli.ok("link", "reject", str(links[(1, 5)]))
    cli.ok("link", "relabel", str(links[(2, 5)]), "related")
    with sqlite3.connect(db_path) as conn:  # a link an older engine made, which a person confirmed
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at,"
            " reviewed_at, reviewed_by) VALUES (2, 3, 'agrees', 100, '[]', 'confirmed', 'relate-9',"
            " '2025-05-10T00:00:00+00:00', '2025-05-10T00:00:00+00:00', 'desk')"
        )
    reviewed = [row for row in _rows(db_path) if row[6] is not None]
    assert [row[:3] + row[4:5] for row in reviewed] == [
        (1, 5, "contradicts", "rejected"),
        (2, 3, "agrees", "confirmed"),
        (2, 5, "related", "confirmed"),
    ]
    cli.ok("link")
    _add_reports(cli)
    cli.ok("link")
    assert [row for row in _rows(db_path) if row[6] is not None] == reviewed
    assert _links(cli) == [
        (1, 2, "contradicts"),
        (2, 3, "agrees"),
        (2, 5, "related"),
        (3, 6, "contradicts"),
        (4, 7, "contradicts"),
    ]


def test_a_reply_is_bare_when_its_words_do_not_hold_what_it_answers() -> None:
    assert replies.is_bare("completely untrue", "the dam had been breached")
    assert replies.is_bare("denied the accusation", "the gang set the fire")
    assert not replies.is_bare("denied that the dam had been breached", "the dam had been breached")
    assert not replies.is_bare("The dam was breached.", None)


@pytest.mark.parametrize(
    ("a", "b", "denies", "relation"),
    [
        (
            "the dam had been breached",
            "the dam on the Ravi river had been breached overnight",
            (True, False),
            "contradicts",
        ),
        ("the dam had been breached", "the dam had been breached", (True, True), "agrees"),
        ("the dam had been breached", "The dam was not breached.", (True, False), "agrees"),
        ("the dam had been breached", "denied that the dam had been breached", (True, False), "agrees"),
        ("the dam had been breached", "the dam had been breached", (False, True), "contradicts"),
        ("the dam had been breached", "troops were moving toward the border", (True, True), None),
    ],
)
def test_the_relation_follows_from_what_the_replies_answer_and_how_many_deny(a, b, denies, relation) -> None:
    reply_a = replies.Reply(a, denies[0])
    reply_b = replies.Reply(b, denies[1]) if denies[1] else None
    followed = replies.follows(relate(a, b, related_threshold=40), reply_a, reply_b)
    assert (followed.relation.value if followed else None) == relation


def test_a_number_mismatch_is_no_denial_of_what_a_reply_answers() -> None:
    judged = relate("six jets were shot down", "three jets were shot down", related_threshold=40)
    assert judged.relation is Relation.CONTRADICTS
    assert replies.follows(judged, replies.Reply("six jets were shot down", True), None) is None


def test_the_same_bare_reply_to_another_question_is_another_statement(cli, tmp_path):
    """ "No." means what it answers: the spokesman's "No." on the radio, answering nothing
    recorded, is not his "No." to whether the army intervened; the same reply to the same
    question in another outlet is one more appearance of it."""
    asked = 'Asked whether the army had intervened at polling stations in Dravno, defence spokesman Petar Ilic said: "No."\n'
    first, second = tmp_path / "a1.txt", tmp_path / "a2.txt"
    first.write_text(f"Army denies role\n\nBy Ana Kovac, Norva Times\n\n{asked}", encoding="utf-8")
    second.write_text(f"Army denies role\n\nBy Ana Kovac, Daily Norva\n\n{asked}", encoding="utf-8")
    cli.ok("extract", str(first), "--date", "2026-11-24")
    assert (
        cli.ok("add", "No.", "--speaker", "Petar Ilic", "--source", "Radio Norva", "--said-on", "2026-11-28")
        == "2\n"
    )
    result = cli("extract", str(second), "--date", "2026-11-25")
    assert (
        result.stderr.splitlines()[0]
        == "Stored 0 new statements, 1 new appearance (0 already recorded) from 1 article."
    )
    assert [(s["id"], s["text"], s["answers"]) for s in cli.json("list")] == [
        (1, "No.", "the army had intervened at polling stations in Dravno"),
        (2, "No.", None),
    ]
