"""`tracker import --update`: a row whose ref names a statement but whose fields differ corrects
that statement as `tracker edit` does; without --update such rows are counted, never silent."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

CLAIM = "Indian missiles struck targets in Afghanistan."
DENIAL = "India denied that its missiles had struck targets in Afghanistan."
ROWS = [
    {"ref": "r1", "text": CLAIM, "speaker": "Pakistan's military", "source": "Dawn", "said_on": "2025-05-10"},
    {"ref": "r2", "text": DENIAL, "speaker": "India", "source": "Caliber.Az", "said_on": "2025-05-10"},
    {
        "ref": "r3",
        "text": "Talks will resume.",
        "speaker": "Ishaq Dar",
        "source": "Geo",
        "said_on": "2025-05-11",
    },
]


def jsonl(path: Path, rows: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def snapshot(db_path: Path) -> list[list[tuple[Any, ...]]]:
    return [
        rows(db_path, f"SELECT * FROM {table} ORDER BY 1")
        for table in ("statements", "speakers", "sources", "links", "appearances", "audit")
    ]


def seed(cli: Any, tmp_path: Path) -> None:
    cli.ok("import", jsonl(tmp_path / "seed.jsonl", ROWS))


def changed(**fields: dict[str, str]) -> list[dict[str, Any]]:
    """The seed rows, with some fields of some of them (by ref) changed."""
    return [{**row, **fields.get(row["ref"], {})} for row in ROWS]


def test_a_file_imported_again_however_it_names_speaker_and_source_changes_nothing(cli, db_path, tmp_path):
    seed(cli, tmp_path)
    assert rows(db_path, "SELECT id, a_id, b_id, relation FROM links") == [(1, 1, 2, "contradicts")]
    before = snapshot(db_path)
    # "Dar" is Ishaq Dar, dawn.com is Dawn, an empty date changes nothing
    again = changed(r1={"source": "dawn.com"}, r3={"speaker": "Dar", "said_on": ""})
    result = cli("import", jsonl(tmp_path / "again.jsonl", again), "--update")
    assert (result.exit_code, result.stderr) == (0, "Imported 0 new statements (3 already recorded).\n")
    assert snapshot(db_path) == before


def test_without_update_rows_that_differ_are_counted_and_change_nothing(cli, db_path, tmp_path):
    seed(cli, tmp_path)
    before = snapshot(db_path)
    edited = changed(
        r1={"text": "Indian drones struck targets in Afghanistan."}, r3={"said_on": "2025-05-12"}
    )
    result = cli("import", jsonl(tmp_path / "edited.jsonl", edited))
    assert (result.exit_code, result.stderr) == (
        0,
        "Imported 0 new statements (3 already recorded).\n"
        "2 rows name a statement by ref but differ (use --update to apply them).\n",
    )
    assert snapshot(db_path) == before
    one = changed(r3={"source": "Dawn"})
    assert cli("import", jsonl(tmp_path / "one.jsonl", one)).stderr == (
        "Imported 0 new statements (3 already recorded).\n"
        "1 row names a statement by ref but differs (use --update to apply it).\n"
    )
    assert snapshot(db_path) == before


def test_update_edits_each_statement_audited_and_relinks_the_reworded(cli, db_path, tmp_path):
    seed(cli, tmp_path)
    edited = changed(
        r1={"text": "Indian missiles struck two targets in Afghanistan."},
        r3={"said_on": "2025-05-12", "speaker": "Nawaz Sharif"},
    )
    edited.append({"ref": "r4", "text": "A new statement.", "speaker": "India"})
    path = jsonl(tmp_path / "edited.jsonl", edited)
    result = cli("import", path, "--update")
    assert (result.exit_code, result.stderr) == (
        0,
        "Imported 1 new statement, 2 updated (1 already recorded).\nRelinked 1 statement whose words changed.\n",
    )
    assert rows(
        db_path,
        "SELECT s.id, text, name, said_on, ref FROM statements s JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id",
    ) == [
        (1, "Indian missiles struck two targets in Afghanistan.", "Pakistan's military", "2025-05-10", "r1"),
        (2, DENIAL, "India", "2025-05-10", "r2"),
        (3, "Talks will resume.", "Nawaz Sharif", "2025-05-12", "r3"),
        (4, "A new statement.", "India", None, "r4"),
    ]
    audit = rows(db_path, "SELECT action, statement_id, note, before, after FROM audit ORDER BY id")
    befores = [json.loads(b) for _, _, _, b, _ in audit]
    # what the statement was known by before: an import of the old row stays corrected
    assert [(b["identity"]["said_on"], b["identity"]["source_id"]) for b in befores] == [
        ("2025-05-10", 1),
        ("2025-05-11", 3),
    ]
    assert [
        (a, s, n, {k: v for k, v in json.loads(b).items() if k != "identity"}, json.loads(af))
        for a, s, n, b, af in audit
    ] == [
        (
            "edit",
            1,
            f"import {path}",
            {"text": CLAIM, "proposition": "indian missiles struck targets in afghanistan"},
            {
                "text": "Indian missiles struck two targets in Afghanistan.",
                "proposition": "indian missiles struck 2 targets in afghanistan",
            },
        ),
        (
            "edit",
            3,
            f"import {path}",
            {"speaker": "Ishaq Dar", "said_on": "2025-05-11"},
            {"speaker": "Nawaz Sharif", "said_on": "2025-05-12"},
        ),
    ]
    # the pair found again keeps its link id, judged anew (not left stale)
    assert rows(
        db_path,
        "SELECT id, a_id, b_id, relation, engine != 'stale: the statement''s words were edited' FROM links",
    ) == [(1, 1, 2, "contradicts", 1)]
    again = cli("import", path, "--update")
    assert again.stderr == "Imported 0 new statements (4 already recorded).\n"
    assert len(rows(db_path, "SELECT id FROM audit")) == 2


def test_update_without_linking_drops_the_links_the_old_words_had(cli, db_path, tmp_path):
    seed(cli, tmp_path)
    edited = changed(r2={"text": "Talks with India will resume."})
    result = cli("import", jsonl(tmp_path / "edited.jsonl", edited), "--update", "--no-link")
    assert result.stderr == (
        "Imported 0 new statements, 1 updated (2 already recorded).\n"
        "Not relinked (--no-link): 1 statement whose words changed; `tracker link` relinks.\n"
    )
    assert rows(db_path, "SELECT id FROM links") == []


def test_an_ambiguous_speaker_in_one_row_rejects_the_whole_file(cli, db_path, tmp_path):
    cli.ok("add", "Talks will resume.", "-s", "Manmohan Singh", "--no-link")
    cli.ok("add", "Talks will not resume.", "-s", "Harbhajan Singh", "--no-link")
    seed(cli, tmp_path)
    before = snapshot(db_path)
    edited = [{"ref": "r9", "text": "A new one.", "speaker": "India"}, *changed(r3={"speaker": "Singh"})]
    assert cli.fails("import", jsonl(tmp_path / "edited.jsonl", edited), "--update") == (
        "Error: row 4: 'Singh' may be Manmohan Singh (id 1) or Harbhajan Singh (id 2): give the speaker's id\n"
    )
    assert snapshot(db_path) == before


def test_a_correction_that_cannot_be_made_rejects_the_whole_file(cli, db_path, tmp_path):
    seed(cli, tmp_path)
    before = snapshot(db_path)
    edited = changed(r1={"text": "Indian drones struck targets."}, r2={"reported_on": "2025-05-01"})
    assert cli.fails("import", jsonl(tmp_path / "edited.jsonl", edited), "--update") == (
        "Error: row 2: reported-on date 2025-05-01 is earlier than said-on date 2025-05-10\n"
    )
    assert snapshot(db_path) == before
    # its twin: the words a statement by the same speaker in the same source already has
    cli.ok("add", "Talks will not resume.", "-s", "Ishaq Dar", "--source", "Geo", "--no-link")
    before = snapshot(db_path)
    twin = changed(r3={"text": "Talks will not resume."})
    assert cli.fails("import", jsonl(tmp_path / "twin.jsonl", twin), "--update") == (
        "Error: row 3: statement 4 already records these words by this speaker in this source;"
        " nothing was changed\n"
    )
    assert snapshot(db_path) == before


def test_a_ref_repeated_later_in_one_file_corrects_the_statement_its_first_row_made(cli, db_path, tmp_path):
    path = jsonl(tmp_path / "twice.jsonl", [ROWS[2], {**ROWS[2], "said_on": "2025-05-12"}])
    result = cli("import", path, "--no-link")
    assert result.stderr == (
        "Imported 1 new statement (1 already recorded).\n"
        "1 row names a statement by ref but differs (use --update to apply it).\n"
    )
    assert rows(db_path, "SELECT said_on FROM statements") == [("2025-05-11",)]


def test_the_library_counts_and_applies_corrections(db_path):
    from tracker.model import NewStatement
    from tracker.store import add_statements, open_db

    db = open_db(db_path)
    add_statements(db, [NewStatement(text="Talks will resume.", speaker="Ishaq Dar", ref="r3")])
    new = [NewStatement(text="Talks will resume.", speaker="Ishaq Dar", said_on="2025-05-12", ref="r3")]
    counted = add_statements(db, new)
    assert (counted.differing, counted.updated) == (1, [])
    applied = add_statements(db, new, update=True, note="from a feed")
    assert (applied.differing, [(e.statement_id, e.changes) for e in applied.updated]) == (
        0,
        [(1, {"said_on": (None, "2025-05-12")})],
    )
    assert db.execute("SELECT note FROM audit").fetchall() == [("from a feed",)]


def test_an_unnamed_speaker_and_a_source_given_without_its_url_are_no_change(cli, db_path, tmp_path):
    police = {"ref": "p1", "text": "The protesters were armed.", "speaker": "police", "source": "Dawn"}
    cli.ok("import", jsonl(tmp_path / "seed.jsonl", [{**police, "url": "https://www.dawn.com/news/1"}]))
    before = rows(db_path, "SELECT speaker_id, source_id FROM statements")
    path = jsonl(tmp_path / "edited.jsonl", [{**police, "said_on": "2025-05-11"}])
    assert (
        cli("import", path, "--update").stderr
        == "Imported 0 new statements, 1 updated (0 already recorded).\n"
    )
    assert rows(db_path, "SELECT speaker_id, source_id FROM statements") == before
    assert [json.loads(after) for (after,) in rows(db_path, "SELECT after FROM audit")] == [
        {"said_on": "2025-05-11"}
    ]
