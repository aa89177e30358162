from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from conftest import SEED_STATEMENTS

STRUCK = "Indian missiles struck targets in Afghanistan."
DENIED = "India denied that its missiles struck targets in Afghanistan."


def _links(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT id, a_id, b_id, relation, status, reviewed_at IS NOT NULL FROM links ORDER BY id"
        ).fetchall()


def _seed(cli) -> None:  # type: ignore[no-untyped-def]
    cli.ok("import", str(SEED_STATEMENTS))


def test_import_links_the_seed_pair_and_contradictions_lists_it_with_a_denial(cli) -> None:
    _seed(cli)
    (pair,) = cli.json("contradictions")
    assert (pair["a_ref"], pair["b_ref"]) == ("seed-5", "seed-6")
    assert pair["a_speaker"] == "India" and pair["b_speaker"] == "Pakistan's military"
    assert pair["b_text"] == "Indian missiles struck targets in Afghanistan."
    assert (pair["a_source"], pair["a_date"], pair["b_date"]) == ("Caliber.Az", "2025-05-10", "2025-05-10")
    assert pair["relation"] == "contradicts" and pair["status"] == "suggested" and pair["flip"] is False
    assert pair["reasons"][0]["code"] == "denial"
    assert pair["reason"].startswith("denial: ")


def test_contradictions_filters_by_speaker_source_dates_and_status(cli) -> None:
    _seed(cli)
    assert len(cli.json("contradictions", "--speaker", "India")) == 1
    assert cli.json("contradictions", "--speaker", "Dar") == []
    assert len(cli.json("contradictions", "--source", "Caliber.Az")) == 1
    assert cli.json("contradictions", "--since", "2025-06") == []
    assert len(cli.json("contradictions", "--until", "2025-05")) == 1
    assert cli.json("contradictions", "--status", "confirmed") == []
    assert len(cli.json("contradictions", "--status", "suggested")) == 1


def test_contradictions_fail_if_any_exits_3_and_0_when_none(cli, db_path: Path) -> None:
    cli.ok("contradictions", "--fail-if-any")  # empty ledger
    _seed(cli)
    result = cli("contradictions", "--fail-if-any", "--csv")
    assert result.exit_code == 3
    assert result.stdout.splitlines()[0].startswith("id,relation,status,score,flip,reason,a_id")
    assert cli.ok("contradictions", "--flips", "--fail-if-any", "--json") == "[]\n"


def test_rejected_contradictions_are_never_listed(cli, db_path: Path) -> None:
    _seed(cli)
    ((link_id, *_),) = _links(db_path)
    cli.ok("link", "reject", str(link_id))
    assert cli.json("contradictions") == []
    assert cli.json("links") == []
    assert [r["id"] for r in cli.json("links", "--status", "rejected")] == [link_id]
    cli.fails("contradictions", "--status", "rejected", code=2)


def test_flips_lists_a_speaker_contradicting_themself(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military", "--said-on", "2025-05-10")
    cli.ok(
        "add", "Indian missiles did not strike targets in Afghanistan.", "--speaker", "Pakistan's military"
    )
    cli.ok("add", DENIED, "--speaker", "India")
    flips = cli.json("contradictions", "--flips")
    assert [(f["a_id"], f["b_id"], f["flip"]) for f in flips] == [(1, 2, True)]
    assert {(c["a_id"], c["b_id"]) for c in cli.json("contradictions")} == {(1, 2), (1, 3)}


def test_a_speaker_agreeing_with_themself_is_no_flip(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", "Indian missiles hit targets in Afghanistan.", "--speaker", "Pakistan's military")
    cli.ok(
        "add", "Indian missiles did not strike targets in Afghanistan.", "--speaker", "Pakistan's military"
    )
    links = {(r["a_id"], r["b_id"]): (r["relation"], r["flip"]) for r in cli.json("links")}
    assert links == {(1, 2): ("agrees", False), (1, 3): ("contradicts", True), (2, 3): ("contradicts", True)}


def test_add_links_by_default_and_no_link_skips(cli, db_path: Path) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan")
    result = cli("add", DENIED, "--speaker", "India")
    assert result.stderr == "Linked: 1 link (1 contradicts).\n"
    cli.ok("add", "Indian missiles did strike targets in Afghanistan.", "--speaker", "X", "--no-link")
    assert [row[1:4] for row in _links(db_path)] == [(1, 2, "contradicts")]


def test_links_lists_by_relation_and_status(cli) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan")
    cli.ok("add", DENIED, "--speaker", "India")
    cli.ok("add", "Indian missiles struck targets in Afghanistan, officials said.", "--speaker", "AP")
    rows = cli.json("links")
    assert [(r["a_id"], r["b_id"], r["relation"], r["status"]) for r in rows] == [
        (1, 3, "agrees", "confirmed"),  # "officials said" passes the claim on as made
        (1, 2, "contradicts", "suggested"),
        (2, 3, "contradicts", "suggested"),
    ]
    assert [r["id"] for r in cli.json("links", "--relation", "agrees")] == [rows[0]["id"]]
    assert [r["id"] for r in cli.json("links", "--status", "suggested", "--limit", "1")] == [rows[1]["id"]]
    assert len(cli.ok("links", "--nl").splitlines()) == len(rows)
    cli.fails("links", "--relation", "unrelated", code=2)


def test_link_confirm_and_reject_write_the_review(cli, db_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "desk")  # getpass.getuser() reads it first
    _seed(cli)
    ((link_id, *_),) = _links(db_path)
    result = cli("link", "confirm", str(link_id))
    assert result.exit_code == 0 and result.stderr == f"Link {link_id} confirmed.\n"
    assert _links(db_path)[0][4:] == ("confirmed", 1)
    assert [r["reviewed_by"] for r in cli.json("contradictions", "--status", "confirmed")] == ["desk"]


def test_link_confirm_unknown_id_is_one_error_line(cli, db_path: Path) -> None:
    _seed(cli)
    before = _links(db_path)
    assert cli.fails("link", "confirm", "99") == "Error: no link with id 99\n"
    assert cli.fails("link", "reject", "99") == "Error: no link with id 99\n"
    assert _links(db_path) == before


def test_link_relinks_everything_and_keeps_reviews(cli, db_path: Path) -> None:
    cli.ok("import", str(SEED_STATEMENTS), "--no-link")
    assert _links(db_path) == []
    result = cli("link")
    assert result.exit_code == 0
    assert "1 link (1 contradicts)" in result.stderr
    ((link_id, *_),) = _links(db_path)
    cli.ok("link", "reject", str(link_id))
    cli.ok("link")
    assert _links(db_path) == [(link_id, 5, 6, "contradicts", "rejected", 1)]


def test_link_timings_name_every_stage(cli, db_path: Path) -> None:
    cli.ok("import", str(SEED_STATEMENTS), "--no-link")
    plain = cli("link").stderr
    result = cli("link", "--timings")
    assert result.exit_code == 0
    *summary, last = result.stderr.splitlines()
    assert summary == plain.splitlines() and len(summary) == 1  # --timings adds one line
    assert re.fullmatch(
        r"Took \d+\.\d s: preparing \d+\.\d s, finding candidates \d+\.\d s, "
        r"judging \d+\.\d s, writing \d+\.\d s, attaching claims \d+\.\d s\.",
        last,
    ), last


def test_review_walks_suggested_links_confirm_reject_skip_quit(cli, db_path: Path) -> None:
    for text, speaker in [
        (STRUCK, "Pakistan"),
        (DENIED, "India"),
        ("Indian missiles did not strike targets in Afghanistan.", "Army"),
        ("Pakistani missiles struck targets in Afghanistan.", "Kabul"),
    ]:
        cli.ok("add", text, "--speaker", speaker)
    suggested = [r["id"] for r in cli.json("links", "--status", "suggested")]
    assert len(suggested) >= 4
    auto = [r["id"] for r in cli.json("links", "--status", "confirmed") if r["confirmed_by"] == "engine"]
    result = cli("review", input="c\nr\ns\nq\n")
    assert result.exit_code == 0
    assert "Link" in result.stdout and "why" in result.stdout
    # what the engine confirmed waits for a person too, after the suggestions
    assert result.stderr.endswith(f"1 confirmed, 1 rejected, {len(suggested) + len(auto) - 2} left.\n")
    status = {row[0]: row[4] for row in _links(db_path)}
    assert [status[i] for i in suggested[:4]] == ["confirmed", "rejected", "suggested", "suggested"]


def test_review_with_nothing_to_review(cli) -> None:
    result = cli("review")
    assert result.exit_code == 0 and result.stderr == "No suggested links to review.\n"


def test_compare_prints_the_judgement_and_stores_nothing(cli, db_path: Path) -> None:
    db_path.unlink()
    judged = cli.json("compare", STRUCK, DENIED)
    assert judged["relation"] == "contradicts"
    assert {"code": "denial", "detail": "'denied' in b", "side": "b", "span": [6, 12]} in judged["reasons"]
    assert "contradicts" in cli.ok("compare", STRUCK, DENIED)
    assert not db_path.exists()
    assert cli.fails("compare", " ", DENIED) == "Error: both texts must have words\n"


def test_similar_finds_stored_statements_best_first(cli) -> None:
    _seed(cli)
    rows = cli.json("similar", "Did Indian missiles hit Afghanistan?", "--limit", "2")
    assert [r["ref"] for r in rows] == ["seed-6", "seed-5"]
    assert set(rows[0]) == {"id", "ref", "text", "speaker", "source", "score"}
    assert rows[0]["speaker"] == "Pakistan's military" and rows[0]["source"] == "Caliber.Az"
    assert cli.ok("similar", "zebra crossing", "--json") == "[]\n"
    assert cli.ok("similar", "Indian missiles", "--csv").startswith("score,id,ref,speaker,text,source\n")
    assert cli.fails("similar", " ") == "Error: text is empty\n"


def test_settings_show_set_and_validate(cli) -> None:
    shown = {row["key"]: row["value"] for row in cli.json("settings")}
    assert shown == {
        "suggest_threshold": 30.0,
        "confirm_threshold": 90.0,
        "max_text_chars": 20_000,
        "semantic": "off",
    }
    cli.ok("settings", "set", "confirm_threshold", "85")
    cli.ok("settings", "set", "suggest_threshold", "50")
    assert {row["key"]: row["value"] for row in cli.json("settings")} == {
        "suggest_threshold": 50.0,
        "confirm_threshold": 85.0,
        "max_text_chars": 20_000,
        "semantic": "off",
    }
    assert cli.fails("settings", "set", "suggest_threshold", "90") == (
        "Error: suggest_threshold (90) must not be above confirm_threshold (85)\n"
    )
    assert cli.fails("settings", "set", "confirm_threshold", "101") == (
        "Error: confirm_threshold must be a number from 0 to 100, not '101'\n"
    )
    assert cli.fails("settings", "set", "speed", "1") == (
        "Error: unknown setting 'speed': use one of suggest_threshold, confirm_threshold, max_text_chars, semantic\n"
    )
    assert {row["key"]: row["value"] for row in cli.json("settings")} == {
        "suggest_threshold": 50.0,
        "confirm_threshold": 85.0,
        "max_text_chars": 20_000,
        "semantic": "off",
    }


LABELLED = (
    "claim,headline,stance\n"
    f"{STRUCK},{DENIED},against\n"
    "Inflation fell to 3 percent in May.,Inflation fell to 3 percent in May.,for\n"
    "Inflation fell to 3 percent in May.,Inflation reportedly fell to 3 percent in May.,observing\n"
)
MAP = "for=agrees,against=contradicts,observing=related"


def test_eval_reports_accuracy_f1_and_confusion(cli, tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(LABELLED)
    report = cli.json("eval", str(path), "--a", "claim", "--b", "headline", "--label", "stance", "--map", MAP)
    assert report["n"] == 3 and report["accuracy"] == 1.0
    assert report["per_label"]["contradicts"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert report["confusion"]["agrees"] == {"agrees": 1, "contradicts": 0, "related": 0}
    table = cli.ok(
        "eval", "-", "--a", "claim", "--b", "headline", "--label", "stance", "--map", MAP, input=LABELLED
    )
    assert "accuracy" in table and "Confusion" in table


PHENOMENA = (
    "claim,headline,stance,phenomenon\n"
    "Militants attacked the convoy,The military attacked the convoy,against,agent\n"
    "Militants attacked the convoy,Gunmen attacked the convoy,for,agent\n"
    "Indian drones struck Lahore in March,Indian drones struck Lahore in May,for,date\n"
)


def test_eval_reports_accuracy_per_phenomenon_when_the_file_names_them(cli, tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(PHENOMENA)
    report = cli.json("eval", str(path), "--a", "claim", "--b", "headline", "--label", "stance", "--map", MAP)
    assert report["per_phenomenon"] == {
        "agent": {"n": 2, "right": 2, "accuracy": 1.0},
        "date": {"n": 1, "right": 0, "accuracy": 0.0},  # march / may conflict: labelled for to test it
    }
    table = cli.ok("eval", str(path), "--a", "claim", "--b", "headline", "--label", "stance", "--map", MAP)
    assert "Per phenomenon" in table
    assert [
        line.split()[:4] for line in table.splitlines() if line.strip().startswith(("agent", "date"))
    ] == [
        ["agent", "2", "2", "1.000"],
        ["date", "1", "0", "0.000"],
    ]


def test_eval_without_a_phenomenon_column_reports_none(cli, tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(LABELLED)
    report = cli.json("eval", str(path), "--a", "claim", "--b", "headline", "--label", "stance", "--map", MAP)
    assert sorted(report) == ["accuracy", "confusion", "engine", "macro_f1", "n", "per_label"]


def test_eval_reads_tsv_from_the_extension(cli, tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text(LABELLED.replace(",", "\t"))
    report = cli.json("eval", str(path), "--a", "claim", "--b", "headline", "--label", "stance", "--map", MAP)
    assert report["n"] == 3


def test_eval_bad_input_is_one_error_line(cli, tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(LABELLED)
    args = ["--a", "claim", "--b", "headline", "--label", "stance"]
    assert cli.fails(
        "eval", str(path), "--a", "text", "--b", "headline", "--label", "stance", "--map", MAP
    ) == (f"Error: {path} has no column 'text' (columns: claim, headline, stance)\n")
    assert cli.fails("eval", str(path), *args, "--map", "for=agrees,against=contradicts") == (
        f"Error: {path} line 4: label 'observing' is not mapped; add it to --map\n"
    )
    assert cli.fails("eval", str(path), *args, "--map", "for=agree", code=2) == (
        "Error: invalid relation 'agree' in --map: use one of agrees, contradicts, related, unrelated"
        " (see 'tracker eval --help')\n"
    )
    assert cli.fails("eval", str(path), *args, "--format", "xlsx", code=2) == (
        "Error: invalid --format 'xlsx': use one of csv, tsv (see 'tracker eval --help')\n"
    )
    empty = tmp_path / "empty.csv"
    empty.write_text("claim,headline,stance\n")
    assert cli.fails("eval", str(empty), *args, "--map", MAP) == f"Error: {empty} has no rows to evaluate\n"
    assert cli.fails("eval", str(tmp_path / "none.csv"), *args).startswith("Error: labelled file ")


def test_eval_on_the_shipped_stance_sample(cli):
    """data/stance-sample.csv: hand-written pairs, one per phenomenon the README describes."""
    from conftest import ROOT

    result = cli.json(
        "eval",
        str(ROOT / "data" / "stance-sample.csv"),
        "--a",
        "claim",
        "--b",
        "report",
        "--label",
        "stance",
        "--map",
        "for=agrees,against=contradicts,observing=related",
    )
    assert result["n"] == 12
    # "Pakistan's army says it downed six Indian aircraft", labelled observing, agrees: "says"
    # passes the army's claim on as made, it does not hedge it
    assert result["confusion"] == {
        "agrees": {"agrees": 4, "contradicts": 0, "related": 0},
        "contradicts": {"agrees": 0, "contradicts": 5, "related": 0},
        "related": {"agrees": 1, "contradicts": 0, "related": 2},
    }


# --- link ids: one pair each, for good -------------------------------------------------------

AFGHANISTAN = [
    (STRUCK, "Pakistan"),
    (DENIED, "India"),
    ("Indian missiles did not strike targets in Afghanistan.", "Army"),
    ("Pakistani missiles struck targets in Afghanistan.", "Kabul"),
]


def _pairs_by_id(db_path: Path) -> dict[int, tuple]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT id, a_id, b_id, relation, score, status, reviewed_by FROM links"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def _add_afghanistan(cli) -> None:  # type: ignore[no-untyped-def]
    for text, speaker in AFGHANISTAN:
        cli.ok("add", text, "--speaker", speaker)


def test_a_full_relink_keeps_every_link_id_and_spends_none(cli, db_path: Path) -> None:
    _add_afghanistan(cli)
    before = _pairs_by_id(db_path)
    assert sorted(before) == [1, 2, 3, 4, 5, 6]
    cli.ok("link")
    cli.ok("link")
    assert _pairs_by_id(db_path) == before
    cli.ok("add", "Kabul said Indian missiles struck targets in Afghanistan.", "--speaker", "Taliban")
    new = sorted(set(_pairs_by_id(db_path)) - set(before))
    assert new == list(range(7, 7 + len(new))) and new  # relinking spent no ids


def test_a_pair_that_vanishes_takes_its_id_along_and_no_other_pair_gets_it(cli, db_path: Path) -> None:
    _add_afghanistan(cli)
    before = _pairs_by_id(db_path)
    cli.ok("link", "reject", "4")
    cli.ok("review", input="l related\n")  # the strongest suggestion, link 2, relabelled
    decided = {i: _pairs_by_id(db_path)[i] for i in (2, 4)}
    assert decided[2][2:] == ("related", 96.5, "confirmed", decided[2][5]) and decided[4][4] == "rejected"
    cli.ok("settings", "set", "suggest_threshold", "85")
    cli.ok("link")
    high = _pairs_by_id(db_path)
    assert sorted(high) == [1, 2, 3, 4, 5]  # link 6 (score 80.3) fell below; the reviewed stay
    assert {i: high[i] for i in (1, 3, 5)} == {i: before[i] for i in (1, 3, 5)}
    cli.ok("settings", "set", "suggest_threshold", "30")
    cli.ok("link")
    after = _pairs_by_id(db_path)
    assert {i: after[i] for i in (1, 2, 3, 4, 5)} == {**{i: before[i] for i in (1, 3, 5)}, **decided}
    assert after[7] == before[6] and 6 not in after  # the pair is back under a new id, never 6
    assert cli.fails("link", "confirm", "6") == "Error: no link with id 6\n"


def test_m009_keeps_the_links_and_their_ids_and_never_reuses_one(tmp_path: Path) -> None:
    import importlib.util

    from conftest import ROOT
    from tracker.migrations import migrations
    from tracker.store import open_db

    spec = importlib.util.spec_from_file_location(
        "make_ledgers", ROOT / "tests" / "fixtures" / "make_ledgers.py"
    )
    assert spec is not None and spec.loader is not None
    ledgers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ledgers)
    names = [m.name for m in migrations._migrations]
    path = tmp_path / "old.db"
    ledgers.build(path, names.index("m009_link_ids_never_reused"))
    before = _pairs_by_id(path)
    db = open_db(path)
    assert _pairs_by_id(path) == before == {1: (2, 3, "contradicts", 93.3, "confirmed", "desk")}
    assert [
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'links' AND type = 'index'")
    ] == [
        "idx_links_a_id_b_id",
        "idx_links_b_id",
        "idx_links_relation_status",
    ]
    with db.conn:
        db.execute("DELETE FROM links WHERE id = 1")
        db.execute(
            "INSERT INTO links (a_id, b_id, relation, score, status) VALUES (1, 2, 'related', 50, 'suggested')"
        )
    assert list(_pairs_by_id(path)) == [2]


def test_link_relabel_confirms_the_link_with_the_relation_given(cli, db_path: Path) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan")
    cli.ok("add", DENIED, "--speaker", "India")
    result = cli("link", "relabel", "1", "related")
    assert (result.exit_code, result.stderr) == (0, "Link 1 confirmed as related.\n")
    assert [row[1:5] for row in _links(db_path)] == [(1, 2, "related", "confirmed")]
    assert [(r["action"], r["statement_id"]) for r in cli.json("audit")] == [("link relabel", None)]
    assert cli.fails("link", "relabel", "1", "unrelated", code=2).startswith(
        "Error: Invalid value for 'RELATION': 'unrelated' is not one of 'agrees', 'contradicts', 'related'."
    )
    assert [row[1:5] for row in _links(db_path)] == [(1, 2, "related", "confirmed")]


def test_link_counts_the_links_as_stored_after_a_persons_relabel_and_rejection(cli) -> None:
    cli.ok("add", "Pakistan requested a ceasefire.", "-s", "Ishaq Dar", "--source", "Dawn")
    cli.ok("add", "Islamabad asked for a truce.", "-s", "Vikram Misri", "--source", "The Hindu")
    cli.ok("add", "Pakistan did not request a ceasefire.", "-s", "Shehbaz Sharif", "--source", "Geo")
    links = {(r["a_id"], r["b_id"]): (r["id"], r["relation"]) for r in cli.json("links")}
    assert links == {(1, 2): (1, "agrees"), (1, 3): (2, "contradicts"), (2, 3): (3, "contradicts")}
    cli.ok("link", "relabel", "1", "related")
    cli.ok("link", "reject", "3")
    result = cli("link")
    assert result.exit_code == 0
    assert result.stderr == (
        "3 candidate pairs, 3 close enough to judge: 2 links (1 contradicts, 1 related),"
        " 1 rejected by a person; 0 stale links removed.\n"
    )


def test_reviewing_a_link_as_a_person_already_did_changes_nothing_and_audits_nothing(
    cli, db_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LOGNAME", "desk")
    _seed(cli)
    ((link_id, *_),) = _links(db_path)
    cli.ok("link", "relabel", str(link_id), "contradicts")
    stored = _links(db_path)
    for args, said in [
        (("relabel", str(link_id), "contradicts"), "confirmed as contradicts by desk"),
        (("confirm", str(link_id)), "confirmed as contradicts by desk"),
    ]:
        result = cli("link", *args)
        assert (result.exit_code, result.stderr) == (
            0,
            f"Nothing changed: link {link_id} is already {said}.\n",
        )
    cli.ok("link", "reject", str(link_id))
    result = cli("link", "reject", str(link_id))
    assert (result.exit_code, result.stderr) == (
        0,
        f"Nothing changed: link {link_id} is already rejected by desk.\n",
    )
    assert _links(db_path) == [(*stored[0][:4], "rejected", 1)]
    assert [(r["action"], r["before"]["status"], r["after"]["status"]) for r in cli.json("audit")] == [
        ("link relabel", "suggested", "confirmed"),
        ("link reject", "confirmed", "rejected"),
    ]


def test_the_audit_says_a_person_confirmed_what_the_engine_had(cli, db_path: Path) -> None:
    cli.ok("add", STRUCK, "--speaker", "Pakistan's military")
    cli.ok("add", STRUCK, "--speaker", "Geo News")
    ((link_id, _, _, relation, status, reviewed),) = _links(db_path)
    assert (relation, status, reviewed) == ("agrees", "confirmed", 0)  # the engine's
    cli.ok("link", "confirm", str(link_id))
    (row,) = cli.json("audit")
    assert row["before"] == {
        "link": link_id,
        "status": "confirmed",
        "relation": "agrees",
        "confirmed_by": "engine",
    }
    assert f"link {link_id} (#1 – #2): auto-confirmed → confirmed" in cli.ok("audit")
    result = cli("link", "confirm", str(link_id))
    assert result.stderr.startswith(f"Nothing changed: link {link_id} is already confirmed as agrees")
    assert len(cli.json("audit")) == 1
