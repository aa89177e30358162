"""Appearances: a statement made again on another date or in another outlet is recorded as a
new appearance of it (evidence of spread), never dropped as a duplicate; outlets are one."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED_ARTICLE

TEXT = "We will not escalate further."


def add(cli: Any, *args: str) -> tuple[str, str]:
    result = cli("add", TEXT, "-s", "Ishaq Dar", "--no-link", *args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout, result.stderr


def appearances(db_path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT a.statement_id, so.outlet, a.said_on, a.reported_on, a.ref FROM appearances a"
            " LEFT JOIN sources so ON so.id = a.source_id ORDER BY a.id"
        ).fetchall()


def count(db_path: Path, table: str) -> int:
    with sqlite3.connect(db_path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_repeat_on_a_later_date_is_a_new_appearance_and_the_same_one_again_is_not(cli, db_path):
    assert add(cli, "--source", "Dawn", "--said-on", "2025-05-10") == ("1\n", "")
    assert add(cli, "--source", "Dawn", "--said-on", "2025-05-12") == (
        "1\n",
        "Recorded as a new appearance of statement 1 (Dawn, 2025-05-12).\n",
    )
    assert add(cli, "--source", "Dawn", "--said-on", "2025-05-12") == (
        "1\n",
        "Already recorded as statement 1.\n",
    )
    assert add(cli, "--source", "Dawn", "--said-on", "2025-05-10") == (
        "1\n",
        "Already recorded as statement 1.\n",
    )
    assert count(db_path, "statements") == 1
    assert appearances(db_path) == [(1, "Dawn", "2025-05-12", None, None)]


def test_a_repeat_in_another_outlet_is_a_new_appearance(cli, db_path):
    add(cli, "--source", "Dawn", "--said-on", "2025-05-10")
    assert add(cli, "--source", "Reuters") == (
        "1\n",
        "Recorded as a new appearance of statement 1 (Reuters).\n",
    )
    assert add(cli, "--url", "https://www.reuters.com/world/1", "--reported-on", "2025-05-11")[1] == (
        "Recorded as a new appearance of statement 1 (Reuters, 2025-05-11, https://www.reuters.com/world/1).\n"
    )
    assert count(db_path, "statements") == 1
    assert appearances(db_path) == [
        (1, "Reuters", None, None, None),
        (1, "Reuters", None, "2025-05-11", None),
    ]


def test_the_same_outlet_with_no_date_adds_nothing(cli, db_path):
    add(cli, "--source", "Dawn", "--said-on", "2025-05-10")
    assert add(cli, "--source", "Dawn")[1] == "Already recorded as statement 1.\n"
    assert appearances(db_path) == []


def test_the_json_of_add_is_the_statement_a_repeat_belongs_to(cli):
    add(cli, "--source", "Dawn", "--said-on", "2025-05-10")
    result = cli("add", TEXT, "-s", "Ishaq Dar", "--source", "Geo", "--json", "--no-link")
    assert json.loads(result.stdout)["id"] == 1
    assert result.stderr == "Recorded as a new appearance of statement 1 (Geo).\n"


def test_the_library_says_a_row_is_an_appearance(db):
    from tracker.model import NewStatement
    from tracker.store import Added, add_statements

    rows = [
        NewStatement(text=TEXT, speaker="Ishaq Dar", source="Dawn", said_on="2025-05-10"),
        NewStatement(text=TEXT, speaker="Ishaq Dar", source="Dawn", said_on="2025-05-12"),
        NewStatement(text=TEXT, speaker="Ishaq Dar", source="Dawn", said_on="2025-05-12"),
        NewStatement(text="Another thing.", speaker="Ishaq Dar"),
    ]
    added = add_statements(db, rows)
    assert list(added) == [Added(1, True), Added(1, False, True), Added(1, False), Added(2, True)]
    assert (added.new_count, added.appeared_count, added.new_ids) == (2, 1, [1, 2])


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_import_records_repeats_once_and_again_adds_nothing(cli, db_path, tmp_path):
    path = tmp_path / "repeats.jsonl"
    base = {"text": TEXT, "speaker": "Ishaq Dar"}
    _write_rows(
        path,
        [
            {**base, "source": "Dawn", "said_on": "2025-05-10"},
            {**base, "source": "Dawn", "said_on": "2025-05-12", "ref": "dawn-12"},
            {**base, "source": "Dawn", "said_on": "2025-05-12"},  # the same appearance again
            {**base, "source": "Geo News", "said_on": "2025-05-12"},
        ],
    )
    result = cli("import", str(path), "--no-link")
    assert result.stderr == "Imported 1 new statement, 2 new appearances (1 already recorded).\n"
    result = cli("import", str(path), "--no-link")
    assert result.stderr == "Imported 0 new statements (4 already recorded).\n"
    assert appearances(db_path) == [
        (1, "Dawn", "2025-05-12", None, "dawn-12"),
        (1, "Geo News", "2025-05-12", None, None),
    ]


def test_a_ref_recorded_on_an_appearance_answers_as_its_statement(cli, db_path, tmp_path):
    add(cli, "--source", "Dawn", "--said-on", "2025-05-10")
    add(cli, "--source", "Dawn", "--said-on", "2025-05-12", "--ref", "dawn-12")
    # the same ref names the appearance recorded under it, whatever else the row says
    assert add(cli, "--source", "Dawn", "--said-on", "2025-05-14", "--ref", "dawn-12")[1] == (
        "Already recorded as statement 1.\n"
    )
    assert appearances(db_path) == [(1, "Dawn", "2025-05-12", None, "dawn-12")]


def test_a_repeat_within_one_bulk_import_across_batches(cli, db_path, tmp_path, monkeypatch):
    from tracker.store import ingest

    monkeypatch.setattr(ingest, "BATCH_ROWS", 2)  # so the rows fall into several batches
    path = tmp_path / "many.jsonl"
    rows = [{"text": f"Claim number {i}.", "speaker": "Desk", "source": "Dawn"} for i in range(5)]
    rows += [{"text": f"Claim number {i}.", "speaker": "Desk", "source": "Geo"} for i in range(5)]
    _write_rows(path, rows + rows)
    result = cli("import", str(path), "--no-link")
    assert result.stderr == "Imported 5 new statements, 5 new appearances (10 already recorded).\n"
    assert appearances(db_path) == [(i, "Geo", None, None, None) for i in range(1, 6)]


def test_extracting_an_article_again_on_another_date_records_its_repeats(cli, db_path):
    cli.ok("extract", str(SEED_ARTICLE), "--date", "2025-05-10", "--no-link")
    result = cli("extract", str(SEED_ARTICLE), "--date", "2025-05-12", "--no-link", "--json")
    assert result.stderr == (
        "Stored 0 new statements, 15 new appearances (0 already recorded) from 1 article.\n"
        "Note: the article is stored with the date 2025-05-10; 2025-05-12 is recorded as another"
        " appearance (a mistyped date: `tracker delete --appearances-in 2`; a wrong stored one:"
        " `tracker edit ID --reported-on`).\n"
    )
    result = cli("extract", str(SEED_ARTICLE), "--date", "2025-05-12", "--no-link", "--json")
    assert result.stderr == "Stored 0 new statements (15 already recorded) from 1 article.\n"
    assert count(db_path, "statements") == 15
    assert {row[1:4] for row in appearances(db_path)} == {("Caliber.Az", None, "2025-05-12")}


def _repeated(cli: Any) -> None:
    add(cli, "--source", "Dawn", "--said-on", "2025-05-10", "--url", "https://www.dawn.com/news/1")
    add(cli, "--source", "Dawn", "--said-on", "2025-05-12")
    add(cli, "--source", "Geo News", "--reported-on", "2025-05-13")
    cli.ok("add", "Something else entirely.", "-s", "Desk", "--said-on", "2025-05-11", "--no-link")


def test_a_source_filter_finds_what_an_outlet_reported_again(cli):
    _repeated(cli)
    cli.ok("add", "The dam will open in June.", "-s", "WAPDA", "--source", "Geo News", "--no-link")
    assert [r["id"] for r in cli.json("list", "--source", "Geo News")] == [1, 3]
    assert [r["id"] for r in cli.json("list", "--source", "Dawn")] == [1]
    assert cli.fails("list", "--source", "Radio Kessel") == "Error: no source named 'Radio Kessel'\n"


def test_show_lists_every_appearance(cli):
    _repeated(cli)
    shown = cli.json("show", "1")["appearances"]
    assert [(a["first"], a["source"], a["said_on"], a["reported_on"]) for a in shown] == [
        (True, "Dawn", "2025-05-10", None),
        (False, "Dawn", "2025-05-12", None),
        (False, "Geo News", None, "2025-05-13"),
    ]
    table = cli.ok("show", "1").splitlines()
    at = table.index(next(line for line in table if "Appearances (3)" in line))
    assert [line.split() for line in table[at + 4 : at + 7]] == [
        ["1", "Dawn", "2025-05-10", "https://www.dawn.com/news/1"],
        ["2", "Dawn", "2025-05-12", "repeat"],
        ["3", "Geo", "News", "2025-05-13", "repeat"],
    ]


def test_show_has_no_appearance_table_for_a_statement_made_once(cli):
    cli.ok("add", "Once only.", "-s", "Desk", "--no-link")
    assert "Appearances" not in cli.ok("show", "1")
    assert len(cli.json("show", "1")["appearances"]) == 1


def test_the_timeline_puts_a_repeat_at_its_date(cli):
    _repeated(cli)
    rows = cli.json("timeline")
    assert [(r["id"], r["date"], r["source"], r["repeat_of"], r["marks"]) for r in rows] == [
        (1, "2025-05-10", "Dawn", None, ""),
        (2, "2025-05-11", None, None, ""),
        (1, "2025-05-12", "Dawn", 1, "↻ repeat of #1"),
        (1, "2025-05-13", "Geo News", 1, "↻ repeat of #1"),
    ]
    # --since reads the repeat's own date, not the first appearance's
    assert [(r["id"], r["date"]) for r in cli.json("timeline", "--since", "2025-05-12")] == [
        (1, "2025-05-12"),
        (1, "2025-05-13"),
    ]
    assert [r["date"] for r in cli.json("timeline", "--until", "2025-05-11")] == ["2025-05-10", "2025-05-11"]


def test_exports_carry_appearances_and_import_round_trips_them(cli, db_path, tmp_path):
    _repeated(cli)
    exported = json.loads(cli.ok("export", "statements"))
    assert exported[0]["appearances"] == [
        {
            "source": "Dawn",
            "url": None,
            "title": None,
            "author": None,
            "published": None,
            "said_on": "2025-05-12",
            "reported_on": None,
            "ref": None,
        },
        {
            "source": "Geo News",
            "url": None,
            "title": None,
            "author": None,
            "published": "2025-05-13",
            "said_on": None,
            "reported_on": "2025-05-13",
            "ref": None,
        },
    ]
    assert exported[1]["appearances"] == []
    before = appearances(db_path)
    for fmt in ("json", "csv"):
        path = tmp_path / f"out.{fmt}"
        cli.ok("export", "statements", "-o", str(path))
        copy = tmp_path / f"copy-{fmt}.db"
        result = cli("import", str(path), "--db", str(copy), "--no-link")
        assert result.stderr == (
            f"Created ledger {copy}.\nImported 2 new statements, 2 new appearances (0 already recorded).\n"
        )
        assert appearances(copy) == before
        result = cli("import", str(path), "--db", str(copy), "--no-link")
        assert result.stderr == "Imported 0 new statements (4 already recorded).\n"
        assert appearances(copy) == before
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "statements", "--format", "csv"))))
    assert len(json.loads(rows[0]["appearances"])) == 2 and rows[1]["appearances"] == ""


def test_import_refuses_appearances_that_are_not_a_list_and_writes_nothing(cli, db_path, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"text": TEXT, "speaker": "Dar", "appearances": {"source": "Dawn"}}]))
    assert cli.fails("import", str(path)) == "Error: row 1: appearances must be a JSON list of objects\n"
    path.write_text(json.dumps([{"text": TEXT, "speaker": "Dar", "appearances": "[oops"}]))
    assert cli.fails("import", str(path)) == "Error: row 1: appearances '[oops' is not a JSON list\n"
    assert count(db_path, "statements") == 0


def test_claimreview_lists_each_appearance(cli):
    _repeated(cli)
    cli.ok("verdict", "1", "--rating", "false", "--by", "Desk")
    (review,) = json.loads(cli.ok("export", "verdicts", "--format", "claimreview"))
    dawn = {"@type": "Organization", "name": "Dawn"}
    geo = {"@type": "Organization", "name": "Geo News"}
    assert review["itemReviewed"]["appearance"] == [
        {
            "@type": "CreativeWork",
            "url": "https://www.dawn.com/news/1",
            "datePublished": "2025-05-10",
            "publisher": dawn,
        },
        {"@type": "CreativeWork", "datePublished": "2025-05-12", "publisher": dawn},
        {"@type": "CreativeWork", "datePublished": "2025-05-13", "publisher": geo},
    ]


def _report(cli: Any) -> dict[str, Any]:
    return json.loads(cli.ok("report", "--format", "json"))


def test_a_repeated_statement_is_a_repeated_claim_and_its_outlets_report_it(cli):
    _repeated(cli)
    data = _report(cli)
    assert data["unverified"] == [
        {
            "statement_id": 1,
            "claim": TEXT,
            "statements": 1,
            "appearances": 3,
            "ids": [1],
            "speakers": ["Ishaq Dar"],
            "outlets": ["Dawn", "Geo News"],
        }
    ]
    assert data["outlets"] == [
        {"outlet": "(no source)", "statements": 1},
        {"outlet": "Dawn", "statements": 1},
        {"outlet": "Geo News", "statements": 1},
    ]
    cli.ok("verdict", "1", "--rating", "false")
    assert _report(cli)["unverified"] == []


def test_a_repeat_in_another_outlet_corroborates(cli, db_path):
    cli.ok("add", "The dam was breached overnight.", "-s", "Official A", "--source", "Dawn", "--no-link")
    cli.ok("add", "The dam was breached last night.", "-s", "Official B", "--source", "Dawn", "--no-link")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)"
            " VALUES (1, 2, 'agrees', 90, '[]', 'confirmed', 'test', 'x')"
        )
    assert _report(cli)["corroborated"] == []  # one outlet
    # the same words by the same official, carried by a second outlet
    cli.ok(
        "add",
        "The dam was breached overnight.",
        "-s",
        "Official A",
        "--url",
        "https://www.geo.tv/1",
        "--no-link",
    )
    (row,) = _report(cli)["corroborated"]
    assert (row["ids"], row["appearances"], row["outlets"]) == ([1, 2], 3, ["Dawn", "geo.tv"])


def test_a_ledger_upgraded_to_appearances_finds_repeats_of_its_statements(tmp_path):
    from sqlite_utils import Database

    from tracker.migrations import migrations
    from tracker.model import NewStatement
    from tracker.store import Added, add_statement, open_db

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before=["m008_appearances"])
    old["speakers"].insert({"id": 1, "name": "Ishaq Dar", "kind": "person", "created_at": "x"})
    old["speaker_aliases"].insert({"speaker_id": 1, "alias": "Ishaq Dar", "key": "ishaq dar"})
    old["sources"].insert({"id": 1, "outlet": "Dawn", "created_at": "x"})
    old["statements"].insert(
        {
            "id": 1,
            "text": TEXT,
            "speaker_id": 1,
            "source_id": 1,
            "said_on": "2025-05-10",
            "kind": "direct",
            "polarity": "deny",
            "modality": "commitment",
            "content_hash": "old",
            "created_at": "x",
        }
    )
    old.close()
    db = open_db(path)
    assert db.execute("SELECT count(*) FROM appearances").fetchone()[0] == 0
    repeat = NewStatement(text=TEXT, speaker="Ishaq Dar", source="Geo News", said_on="2025-05-12")
    assert add_statement(db, repeat) == Added(1, False, True)
    assert add_statement(db, repeat) == Added(1, False)


def test_db_check_is_clean_with_appearances(cli):
    _repeated(cli)
    assert cli.ok("db", "check") == "ok\n"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (["--url", "https://www.dawn.com/news/1"], ["--source", "Dawn"]),
        (["--source", "Dawn"], ["--source", "dawn.com"]),
        (["--source", "Dawn"], ["--source", "https://m.dawn.com/news/2"]),
        (["--source", "Dawn"], ["--source", "DAWN"]),
        (["--source", "CNN"], ["--url", "https://user:pw@edition.cnn.com:443/2025/05/10/story"]),
        (["--url", "https://www.bbc.co.uk/news/1"], ["--source", "BBC"]),
        (["--source", "Caliber.Az"], ["--url", "https://caliber.az/en/post/1"]),
    ],
    ids=[
        "name after domain",
        "domain as name",
        "url as name",
        "case",
        "subdomain",
        "country suffix",
        "dotted name",
    ],
)
def test_an_outlet_and_its_domain_are_one_outlet(cli, db_path, first, then):
    cli.ok("add", "The dam was breached.", "-s", "A", "--no-link", *first)
    cli.ok("add", "The port was closed.", "-s", "B", "--no-link", *then)
    with sqlite3.connect(db_path) as conn:
        outlets = {row[0] for row in conn.execute("SELECT outlet FROM sources")}
    assert len(outlets) == 1, outlets


def test_an_outlet_from_a_url_has_no_credentials_or_port(cli, db_path):
    cli.ok("add", "x", "-s", "A", "--url", "https://user:pw@edition.cnn.com:443/story", "--no-link")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT outlet FROM sources").fetchall() == [("edition.cnn.com",)]


def test_different_outlets_stay_apart(cli, db_path):
    for source in ("Dawn", "Dawn News TV", "The News", "news.com.au"):
        cli.ok("add", f"Said in {source}.", "-s", "A", "--source", source, "--no-link")
    with sqlite3.connect(db_path) as conn:
        outlets = [row[0] for row in conn.execute("SELECT outlet FROM sources ORDER BY id")]
    assert outlets == ["Dawn", "Dawn News TV", "The News", "news.com.au"]


def test_a_repeat_by_a_merged_speaker_is_an_appearance_of_the_statement_filed_before(cli, db_path):
    cli.ok("add", TEXT, "-s", "Foreign Office", "--source", "Dawn", "--no-link")
    cli.ok("add", "Other words.", "-s", "MOFA Pakistan", "--source", "Dawn", "--no-link")
    cli.ok("speakers", "merge", "2", "1")
    result = cli("add", TEXT, "-s", "MOFA Pakistan", "--source", "Geo", "--no-link")
    assert (result.stdout, result.stderr) == ("1\n", "Recorded as a new appearance of statement 1 (Geo).\n")
    result = cli("add", TEXT, "-s", "Foreign Office", "--source", "Geo", "--no-link")
    assert result.stderr == "Already recorded as statement 1.\n"
    assert count(db_path, "statements") == 2


def test_a_claims_outlets_count_the_outlets_that_repeated_it(cli):
    cli.ok("add", TEXT, "-s", "Ishaq Dar", "--source", "Dawn", "--said-on", "2025-05-10")  # linked
    assert [c["supports_outlets"] for c in cli.json("claims")] == [["Dawn"]]
    add(cli, "--source", "Geo News", "--said-on", "2025-05-12")
    add(cli, "--source", "Dawn", "--said-on", "2025-05-13")
    (claim,) = cli.json("claims")
    assert (claim["supports"], claim["supports_outlets"]) == (1, ["Dawn", "Geo News"])


def test_the_two_hashes_are_the_identity_with_and_without_the_source():
    from tracker.store.validation import content_hash, content_hashes

    assert content_hashes("We  will\nnot.", 3, 7) == (
        content_hash("we will not.", 3, 7),
        content_hash("We will not.", 3, None),
    )


def test_an_edited_statement_is_found_by_its_new_words_and_restore_brings_its_appearances_back(cli, db_path):
    add(cli, "--source", "Dawn", "--said-on", "2025-05-10")
    add(cli, "--source", "Geo News", "--said-on", "2025-05-12")
    cli.ok("edit", "1", "--text", "We will never escalate.")
    result = cli("add", "We will never escalate.", "-s", "Ishaq Dar", "--source", "NZZ", "--no-link")
    assert result.stderr == "Recorded as a new appearance of statement 1 (NZZ).\n"
    before = appearances(db_path)
    cli.ok("delete", "1", "--yes")
    assert appearances(db_path) == []
    cli.ok("restore", "1")
    assert appearances(db_path) == before
    assert cli.ok("db", "check") == "ok\n"


def test_an_edit_to_an_appearances_source_and_date_folds_that_appearance_into_it(cli, db_path):
    add(cli, "--source", "Caliber.Az", "--said-on", "2025-05-10")
    add(cli, "--source", "Dawn", "--said-on", "2025-05-12")
    add(cli, "--source", "Dawn", "--said-on", "2025-05-14")
    result = cli("edit", "1", "--source", "Dawn", "--said-on", "2025-05-12", "--by", "ana")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "source: 'Caliber.Az' → 'Dawn'\nsaid_on: '2025-05-10' → '2025-05-12'\n",
        "Edited statement 1 (audit record 1).\n"
        "Folded 1 appearance into it: the statement now has that source and date.\n"
        "Links and claims kept: the words are unchanged.\n",
    )
    assert appearances(db_path) == [(1, "Dawn", "2025-05-14", None, None)]  # another date: kept
    with sqlite3.connect(db_path) as conn:
        before, after = conn.execute("SELECT before, after FROM audit").fetchone()
        dawn = conn.execute("SELECT id FROM sources WHERE outlet = 'Dawn'").fetchone()[0]
    folded = json.loads(before)["appearances"]
    assert [(a["id"], a["source_id"], a["said_on"], a["reported_on"], a["ref"]) for a in folded] == [
        (1, dawn, "2025-05-12", None, None)
    ]
    assert json.loads(after)["appearances"] == []
    assert cli.json("audit")[0]["after"] == {"source": "Dawn", "said_on": "2025-05-12", "appearances": []}
    assert "1 appearance folded into it" in " ".join(cli.ok("show", "1").split())


def test_a_row_giving_the_statements_own_date_as_the_other_date_is_already_recorded(cli, db_path):
    assert add(cli, "--source", "Dawn", "--reported-on", "2025-06-05") == ("1\n", "")
    assert add(cli, "--source", "Dawn", "--said-on", "2025-06-05") == (
        "1\n",
        "Already recorded as statement 1.\n",
    )
    assert add(cli, "--source", "Dawn", "--said-on", "2025-06-05", "--reported-on", "2025-06-05") == (
        "1\n",
        "Already recorded as statement 1.\n",
    )
    # said two days before it was reported: another date, so another appearance
    assert add(cli, "--source", "Dawn", "--said-on", "2025-06-03") == (
        "1\n",
        "Recorded as a new appearance of statement 1 (Dawn, 2025-06-03).\n",
    )
    assert appearances(db_path) == [(1, "Dawn", "2025-06-03", None, None)]


def test_after_an_edit_makes_two_statements_one_a_repeat_of_its_own_appearance_is_already_recorded(
    cli, db_path
):
    add(cli, "--source", "Dawn", "--said-on", "2025-06-01")
    cli.ok(
        "add",
        TEXT,
        "-s",
        "Maria Kovač",
        "--source",
        "Daily Courier",
        "--reported-on",
        "2025-06-05",
        "--no-link",
    )
    cli.ok("edit", "2", "--speaker", "Ishaq Dar", "--no-link")
    assert (
        cli(
            "add",
            TEXT,
            "-s",
            "Ishaq Dar",
            "--source",
            "Daily Courier",
            "--said-on",
            "2025-06-05",
            "--no-link",
        ).stderr
        == "Already recorded as statement 2.\n"
    )
    assert appearances(db_path) == []
    assert [(a["source"], a["said_on"], a["reported_on"]) for a in cli.json("show", "2")["appearances"]] == [
        ("Daily Courier", None, "2025-06-05")
    ]


def comparable(exported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An export without what differs from one ledger to another (ids, when rows were made)."""
    drop = {"id", "speaker_id", "source_id", "created_at", "added_at"}
    return [
        {
            **{k: v for k, v in row.items() if k not in drop},
            "appearances": [{k: v for k, v in a.items() if k not in drop} for a in row["appearances"]],
        }
        for row in exported
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_export_imported_into_a_new_ledger_gives_back_the_same_statements(cli, db_path, tmp_path, fmt):
    add(cli, "--source", "Dawn", "--said-on", "2025-06-01")
    add(cli, "--source", "Dawn", "--said-on", "2025-06-03")
    cli.ok(
        "add",
        TEXT,
        "-s",
        "Maria Kovač",
        "--source",
        "Daily Courier",
        "--reported-on",
        "2025-06-05",
        "--no-link",
    )
    cli.ok("edit", "2", "--speaker", "Ishaq Dar", "--no-link")  # now the same words and speaker as #1
    cli.ok(
        "add", TEXT, "-s", "Ishaq Dar", "--source", "Daily Courier", "--said-on", "2025-06-09", "--no-link"
    )
    exported = cli.ok("export", "statements", "--format", fmt)
    copy = tmp_path / "copy.db"
    result = cli("--db", str(copy), "import", "-", "--format", fmt, "--no-link", input=exported)
    assert (result.exit_code, result.stderr) == (
        0,
        f"Created ledger {copy}.\nImported 2 new statements, 2 new appearances (0 already recorded).\n",
    )
    first = json.loads(cli.ok("export", "statements"))
    assert comparable(json.loads(cli.ok("--db", str(copy), "export", "statements"))) == comparable(first)
    assert [(r["source"], [a["said_on"] for a in r["appearances"]]) for r in first] == [
        ("Dawn", ["2025-06-03"]),
        ("Daily Courier", ["2025-06-09"]),
    ]
    # and the same export into the ledger it came from, or into the copy, adds nothing
    for ledger in (db_path, copy):
        again = cli("--db", str(ledger), "import", "-", "--format", fmt, "--no-link", input=exported)
        assert again.stderr == "Imported 0 new statements (4 already recorded).\n"


def test_a_spreadsheet_with_an_id_column_of_its_own_still_records_repeats_as_appearances(
    cli, db_path, tmp_path
):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        f"id,text,speaker,source\n1,{TEXT},Ishaq Dar,Dawn\n2,{TEXT},Ishaq Dar,Reuters\n", encoding="utf-8"
    )
    result = cli("import", str(sheet), "--no-link")
    assert result.stderr == "Imported 1 new statement, 1 new appearance (0 already recorded).\n"
    assert appearances(db_path) == [(1, "Reuters", None, None, None)]


def test_a_final_stop_or_a_curly_apostrophe_makes_no_new_statement(cli: Any, db_path: Path) -> None:
    def said(text: str, source: str) -> tuple[str, str]:
        result = cli("add", text, "-s", "Ana Ortega", "--source", source, "--no-link")
        assert result.exit_code == 0, result.stderr
        return result.stdout, result.stderr

    assert said("We have won a 7 percent raise for every member.", "Herald") == ("1\n", "")
    assert said("we have won a 7 percent raise for every member", "Herald") == (
        "1\n",
        "Already recorded as statement 1.\n",
    )
    assert said("We have won a 7 percent raise for every member!", "Radio") == (
        "1\n",
        "Recorded as a new appearance of statement 1 (Radio).\n",
    )
    assert said("We have won a 7 percent raise for every member?", "Herald") == ("2\n", "")  # a question
    assert said("We won’t stop", "Herald") == ("3\n", "")
    assert said("We won't stop.", "Herald") == ("3\n", "Already recorded as statement 3.\n")
    assert count(db_path, "statements") == 3


def test_m015_derives_identities_again_and_keeps_both_of_two_that_now_share_one(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from tracker.migrations import migrations
    from tracker.store.connection import open_db
    from tracker.store.validation import content_hash

    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m015_identity_ignores_a_final_stop"])
    old.execute("INSERT INTO speakers (name, kind) VALUES ('Ana Ortega', 'person')")
    for n, text in enumerate(["We won a raise.", "We won a raise", "Talks resume today"]):
        old.execute(
            "INSERT INTO statements (text, speaker_id, kind, polarity, modality, proposition, content_hash)"
            " VALUES (?, 1, 'direct', 'affirm', 'assertion', ?, ?)",
            [text, text.lower(), f"old-{n}"],
        )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert db.execute("SELECT id, content_hash, words_hash FROM statements ORDER BY id").fetchall() == [
        (1, content_hash("We won a raise", 1, None), content_hash("We won a raise", 1, None)),
        (2, "old-1", content_hash("We won a raise", 1, None)),  # both stay; what comes is #1's
        (3, content_hash("Talks resume today", 1, None), content_hash("Talks resume today", 1, None)),
    ]
