"""Correcting the ledger: `tracker edit`, `delete`, `restore`, the audit trail, and the small
conventions a new user found (unknown filters, dates out of order, re-extraction, db info)."""

import csv
import io
import json
import sqlite3

from conftest import SEED_ARTICLE
from tracker.cli.corrections import describe
from tracker.store.validation import content_hash

CLAIM = "Indian missiles struck targets in Afghanistan."
DENIAL = "India denied that its missiles had struck targets in Afghanistan."
# what an edit of the seed's statements keeps of them in its audit record
CLAIM_AS_FILED = {
    "content_hash": content_hash(CLAIM, 1, 1),
    "words_hash": content_hash(CLAIM, 1, None),
    "source_id": 1,
    "said_on": "2025-05-10",
    "reported_on": None,
}
DENIAL_AS_FILED = {
    "content_hash": content_hash(DENIAL, 2, 2),
    "words_hash": content_hash(DENIAL, 2, None),
    "source_id": 2,
    "said_on": "2025-05-10",
    "reported_on": None,
}


def rows(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def seed(cli, db_path):
    """Two statements, one link (contradicts, 1 → 2), one claim both take sides on."""
    cli.ok("add", CLAIM, "-s", "Pakistan's military", "--source", "Dawn", "--said-on", "2025-05-10")
    cli.ok("add", DENIAL, "-s", "India", "--source", "Caliber.Az", "--said-on", "2025-05-10")
    assert rows(db_path, "SELECT id, a_id, b_id, relation FROM links") == [(1, 1, 2, "contradicts")]


def audit(db_path):
    return [
        (action, statement_id, by, note, json.loads(before or "null"), json.loads(after or "null"))
        for action, statement_id, by, note, before, after in rows(
            db_path, "SELECT action, statement_id, by, note, before, after FROM audit ORDER BY id"
        )
    ]


def snapshot(db_path):
    """Everything an edit or delete could touch."""
    return [
        rows(db_path, f"SELECT * FROM {table} ORDER BY 1, 2")
        for table in ("statements", "speakers", "sources", "links", "claim_statements", "verdicts", "audit")
    ]


# --- edit ---------------------------------------------------------------------------------


def test_edit_text_reanalyses_keeps_fts_consistent_and_records_before_and_after(cli, db_path):
    seed(cli, db_path)
    result = cli(
        "edit", "1", "--text", "Indian drones struck targets in Afghanistan.", "--note", "typo", "--by", "ana"
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "text: 'Indian missiles struck targets in Afghanistan.' → 'Indian drones struck targets in Afghanistan.'\n"
        "proposition: 'indian missiles struck targets in afghanistan' → 'indian drones struck targets in afghanistan'\n"
    )
    assert result.stderr.splitlines()[0] == "Edited statement 1 (audit record 1)."
    assert result.stderr.splitlines()[-1].startswith("Relinked: ")
    assert rows(db_path, "SELECT text, proposition FROM statements WHERE id = 1") == [
        ("Indian drones struck targets in Afghanistan.", "indian drones struck targets in afghanistan")
    ]
    assert cli.ok("db", "check") == "ok\n"
    assert [s["id"] for s in cli.json("search", "drones")] == [1]
    assert [s["id"] for s in cli.json("search", "missiles")] == [2]
    assert audit(db_path) == [
        (
            "edit",
            1,
            "ana",
            "typo",
            {
                "text": CLAIM,
                "proposition": "indian missiles struck targets in afghanistan",
                # what a row extracted or imported again with the old words is known by
                "identity": CLAIM_AS_FILED,
            },
            {
                "text": "Indian drones struck targets in Afghanistan.",
                "proposition": "indian drones struck targets in afghanistan",
            },
        )
    ]


def test_edit_text_drops_a_persons_link_decision_to_unreviewed_and_keeps_the_link_id(
    cli, db_path, monkeypatch
):
    seed(cli, db_path)
    monkeypatch.setattr("getpass.getuser", lambda: "ana")
    cli.ok("link", "confirm", "1")
    result = cli(
        "edit", "2", "--text", "India denied that its missiles had struck any targets in Afghanistan."
    )
    assert result.exit_code == 0
    assert "The words changed: 1 reviewed link back to unreviewed." in result.stderr
    assert rows(db_path, "SELECT id, a_id, b_id, relation, status, reviewed_by FROM links") == [
        (1, 1, 2, "contradicts", "suggested", None)
    ]
    (_, _, _, _, before, _) = audit(db_path)[1]  # after the link decision
    assert before["reviewed_links"] == [
        {"link": 1, "with": 1, "relation": "contradicts", "status": "confirmed", "by": "ana"}
    ]


def test_edit_text_removes_links_the_new_words_no_longer_make(cli, db_path):
    seed(cli, db_path)
    result = cli("edit", "2", "--text", "The central bank raised interest rates by half a point.")
    assert result.exit_code == 0
    assert rows(db_path, "SELECT count(*) FROM links") == [(0,)]
    assert cli.ok("db", "check") == "ok\n"


def test_edit_that_keeps_the_words_keeps_a_persons_link_decision(cli, db_path):
    seed(cli, db_path)
    cli.ok("link", "confirm", "1")
    result = cli("edit", "2", "--said-on", "2025-05-11")
    assert (result.exit_code, result.stdout) == (0, "said_on: '2025-05-10' → '2025-05-11'\n")
    assert result.stderr == (
        "Edited statement 2 (audit record 2).\nLinks and claims kept: the words are unchanged.\n"
    )
    assert rows(db_path, "SELECT id, status FROM links") == [(1, "confirmed")]


def test_edit_speaker_reassigns_to_a_stored_speaker_through_resolution(cli, db_path):
    seed(cli, db_path)
    cli.ok("add", "The ball is in India's court.", "-s", "Pakistan's Foreign Minister Ishaq Dar", "--no-link")
    result = cli("edit", "3", "--speaker", "Dar")
    assert (result.exit_code, result.stdout) == (0, "")  # "Dar" is Ishaq Dar already: nothing changes
    assert result.stderr == "Nothing changed: statement 3 already has these values.\n"
    result = cli("edit", "1", "--speaker", "Foreign Minister Dar")
    assert result.exit_code == 0
    assert result.stdout == (
        "speaker: \"Pakistan's military\" → 'Ishaq Dar'\nrole: (none) → 'Foreign Minister'\n"
    )
    assert rows(
        db_path,
        "SELECT s.id, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id",
    ) == [
        (1, "Ishaq Dar"),
        (2, "India"),
        (3, "Ishaq Dar"),
    ]


def test_edit_speaker_to_a_new_name_creates_the_speaker_and_by_id_uses_it(cli, db_path):
    seed(cli, db_path)
    assert cli("edit", "1", "--speaker", "ISPR").exit_code == 0
    (speaker_id,) = rows(db_path, "SELECT id FROM speakers WHERE name = 'ISPR'")[0]
    assert cli("edit", "2", "--speaker", str(speaker_id)).exit_code == 0
    assert rows(db_path, "SELECT speaker_id FROM statements ORDER BY id") == [(speaker_id,), (speaker_id,)]
    assert cli.fails("edit", "2", "--speaker", "99") == "Error: no speaker with id 99\n"


def test_edit_refuses_a_speaker_name_that_fits_two_speakers_and_writes_nothing(cli, db_path):
    seed(cli, db_path)
    cli.ok("add", "Talks will resume.", "-s", "Manmohan Singh", "--no-link")
    cli.ok("add", "Talks will not resume.", "-s", "Harbhajan Singh", "--no-link")
    before = snapshot(db_path)
    assert cli.fails("edit", "1", "--speaker", "Singh") == (
        "Error: 'Singh' may be Manmohan Singh (id 3) or Harbhajan Singh (id 4): give the speaker's id\n"
    )
    assert snapshot(db_path) == before


def test_edit_to_an_unnamed_speaker_keeps_one_per_report_as_add_does(cli, db_path):
    cli.ok("add", "Pakistan requested the ceasefire.", "-s", "Ishaq Dar", "--source", "Dawn", "--no-link")
    cli.ok("add", "Pakistan never requested it.", "-s", "Foreign Office", "--source", "Geo News", "--no-link")
    cli.ok("add", "The talks resumed, officials said.", "-s", "officials", "--source", "Reuters", "--no-link")
    # "officials" in Geo News are not Reuters' officials, and not a name to refuse as ambiguous
    assert (
        cli.ok("edit", "2", "--speaker", "officials")
        == "speaker: 'Foreign Office' → 'Officials (Geo News)'\n"
    )
    # with a new source in the same edit, the speaker is the one kept for that report
    assert cli.ok("edit", "1", "--speaker", "officials", "--source", "Reuters") == (
        "speaker: 'Ishaq Dar' → 'Officials (Reuters)'\nsource: 'Dawn' → 'Reuters'\n"
    )
    assert rows(
        db_path,
        "SELECT s.id, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id",
    ) == [(1, "Officials (Reuters)"), (2, "Officials (Geo News)"), (3, "Officials (Reuters)")]


def test_edit_source_and_url_and_clearing_them(cli, db_path):
    seed(cli, db_path)
    assert cli("edit", "1", "--source", "Reuters", "--url", "https://reuters.com/a").exit_code == 0
    assert rows(
        db_path,
        "SELECT src.outlet, src.url FROM statements s JOIN sources src ON src.id = s.source_id WHERE s.id = 1",
    ) == [("Reuters", "https://reuters.com/a")]
    result = cli("edit", "1", "--source", "", "--url", "")
    assert result.stdout == "source: 'Reuters' → (none)\nurl: 'https://reuters.com/a' → (none)\n"
    assert rows(db_path, "SELECT source_id FROM statements WHERE id = 1") == [(None,)]


def test_edit_with_no_field_is_a_usage_error(cli, db_path):
    seed(cli, db_path)
    assert cli.fails("edit", "1", "--note", "why", code=2) == (
        "Error: nothing to change: give --text, --speaker, --source, --url, --said-on or --reported-on\n"
    )
    assert rows(db_path, "SELECT count(*) FROM audit") == [(0,)]


def test_edit_with_the_values_it_has_changes_nothing_and_exits_0(cli, db_path):
    seed(cli, db_path)
    before = snapshot(db_path)
    result = cli("edit", "1", "--text", CLAIM, "--said-on", "2025-05-10")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "Nothing changed: statement 1 already has these values.\n",
    )
    assert snapshot(db_path) == before


def test_edit_refuses_bad_values_and_writes_nothing(cli, db_path):
    seed(cli, db_path)
    before = snapshot(db_path)
    assert cli.fails("edit", "1", "--reported-on", "2025-05-01") == (
        "Error: reported-on date 2025-05-01 is earlier than said-on date 2025-05-10\n"
    )
    assert cli.fails("edit", "1", "--text", " ") == "Error: statement text is empty\n"
    assert cli.fails("edit", "1", "--said-on", "2025-13", code=2) == (
        "Error: invalid --said-on date '2025-13': no such date (see 'tracker edit --help')\n"
    )
    assert cli.fails("edit", "9", "--said-on", "2025") == "Error: no statement with id 9\n"
    # the same words by the same speaker in the same source are statement 2 already
    assert cli.fails("edit", "1", "--text", DENIAL, "--speaker", "India", "--source", "Caliber.Az") == (
        "Error: statement 2 already records these words by this speaker in this source; nothing was changed\n"
    )
    assert snapshot(db_path) == before


# --- delete and restore -------------------------------------------------------------------


def test_delete_without_yes_and_no_terminal_refuses_and_deletes_nothing(cli, db_path):
    seed(cli, db_path)
    before = snapshot(db_path)
    assert cli.fails("delete", "1") == "Error: deleting needs --yes when stdin is not a terminal\n"
    assert snapshot(db_path) == before


def test_delete_at_a_terminal_asks_first_and_a_no_deletes_nothing(cli, db_path, monkeypatch):
    seed(cli, db_path)
    cli.ok("verdict", "1", "--rating", "false")
    monkeypatch.setattr("tracker.cli.corrections._interactive", lambda: True)
    before = snapshot(db_path)
    result = cli("delete", "1", input="n\n")
    assert result.exit_code == 1  # stdout holds the runner's echo of the answer
    assert result.stderr == (
        "Delete statement 1 (Pakistan's military: 'Indian missiles struck targets in Afghanistan.')"
        " with 1 link, 1 claim attachment, 1 verdict? [y/N]:Aborted.\n"
    )
    assert snapshot(db_path) == before
    # the prompt cut short (Ctrl-D, or stdin at its end): "Aborted.", exit 1, no traceback
    result = cli("delete", "1", input="")
    assert (result.exit_code, result.stderr) == (
        1,
        "Delete statement 1 (Pakistan's military: 'Indian missiles struck targets in Afghanistan.')"
        " with 1 link, 1 claim attachment, 1 verdict? [y/N]:Aborted.\n",
    )
    assert snapshot(db_path) == before
    assert cli("delete", "1", input="y\n").exit_code == 0
    assert rows(db_path, "SELECT id FROM statements") == [(2,)]


def test_delete_removes_the_statement_its_links_attachments_and_verdicts(cli, db_path):
    seed(cli, db_path)
    cli.ok("verdict", "1", "--rating", "false")
    result = cli("delete", "1", "--yes", "--note", "wrong article")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "Deleted statement 1 with 1 link, 1 claim attachment, 1 verdict"
        " (audit record 1; `tracker restore 1` brings it back).\n"
    )
    assert rows(db_path, "SELECT id FROM statements") == [(2,)]
    assert rows(db_path, "SELECT count(*) FROM links") == [(0,)]
    assert rows(db_path, "SELECT statement_id FROM claim_statements") == [(2,)]
    assert rows(db_path, "SELECT count(*) FROM verdicts") == [(0,)]
    assert cli.ok("db", "check") == "ok\n"
    assert [s["id"] for s in cli.json("search", "Afghanistan")] == [2]
    message = cli.fails("show", "1")
    assert message.startswith("Error: statement 1 was deleted (")
    assert message.endswith(": `tracker restore 1` brings it back\n")
    action, statement_id, _, note, before, after = audit(db_path)[0]
    assert (action, statement_id, note, after) == ("delete", 1, "wrong article", None)
    assert (before["text"], before["speaker"], before["source"]) == (CLAIM, "Pakistan's military", "Dawn")


def test_restore_brings_back_the_statement_under_its_id_with_what_was_deleted(cli, db_path):
    seed(cli, db_path)
    cli.ok("link", "confirm", "1")
    cli.ok("verdict", "1", "--rating", "false")
    before = snapshot(db_path)[:6]
    cli.ok("delete", "1", "--yes")
    result = cli("restore", "1")
    assert result.exit_code == 0
    assert (
        result.stderr == "Restored statement 1 with 1 link, 1 claim attachment, 1 verdict (audit record 3).\n"
    )
    assert snapshot(db_path)[:6] == before
    assert cli.ok("db", "check") == "ok\n"
    assert sorted(s["id"] for s in cli.json("search", "Afghanistan")) == [1, 2]
    assert [a[0] for a in audit(db_path)] == ["link confirm", "delete", "restore"]
    assert cli.fails("restore", "1") == "Error: statement 1 is in the ledger: nothing to restore\n"


def test_a_new_statement_never_takes_a_deleted_statements_id(cli, db_path):
    seed(cli, db_path)
    cli.ok("delete", "2", "--yes")
    assert cli.ok("add", "Talks will resume.", "-s", "Ishaq Dar", "--no-link") == "3\n"
    assert cli("restore", "2").exit_code == 0
    assert rows(db_path, "SELECT id FROM statements ORDER BY id") == [(1,), (2,), (3,)]


def test_restore_leaves_out_a_link_to_a_statement_deleted_since(cli, db_path):
    seed(cli, db_path)
    cli.ok("delete", "1", "--yes")
    cli.ok("delete", "2", "--yes")
    result = cli("restore", "1")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[:2] == [
        "Restored statement 1 with 1 claim attachment (audit record 3).",
        "Left out 1 link: what they named is gone.",
    ]
    assert rows(db_path, "SELECT count(*) FROM links") == [(0,)]
    assert cli.ok("db", "check") == "ok\n"


def test_restore_refuses_a_statement_recorded_again_and_one_never_deleted(cli, db_path):
    seed(cli, db_path)
    cli.ok("delete", "1", "--yes")
    cli.ok("add", CLAIM, "-s", "Pakistan's military", "--source", "Dawn", "--no-link")
    before = snapshot(db_path)
    assert cli.fails("restore", "1") == (
        "Error: statement 1 was recorded again as statement 3; nothing was restored\n"
    )
    assert cli.fails("restore", "7") == "Error: no deleted statement with id 7\n"
    assert snapshot(db_path) == before


# --- the audit trail ----------------------------------------------------------------------


def test_show_lists_the_history_and_audit_lists_every_change(cli, db_path):
    seed(cli, db_path)
    cli.ok("edit", "2", "--said-on", "2025-05-11", "--by", "ana", "--note", "date from the wire")
    cli.ok("delete", "1", "--yes", "--by", "ben")
    history = cli.json("show", "2")["history"]
    assert [(h["action"], h["by"], h["note"], h["before"], h["after"]) for h in history] == [
        (
            "edit",
            "ana",
            "date from the wire",
            {"said_on": "2025-05-10", "identity": DENIAL_AS_FILED},
            {"said_on": "2025-05-11"},
        )
    ]
    table = cli.ok("show", "2")
    assert "History" in table and "said_on: '2025-05-10' → '2025-05-11'" in table
    listed = cli.json("audit")
    assert [(r["id"], r["action"], r["statement_id"], r["by"]) for r in listed] == [
        (1, "edit", 2, "ana"),
        (2, "delete", 1, "ben"),
    ]
    assert [r["id"] for r in cli.json("audit", "--statement", "1")] == [2]
    assert [r["id"] for r in cli.json("audit", "--action", "edit")] == [1]
    assert [r["id"] for r in cli.json("audit", "--limit", "1")] == [2]
    parsed = list(csv.DictReader(io.StringIO(cli.ok("audit", "--csv"))))
    assert [(r["id"], r["action"], json.loads(r["after"] or "null")) for r in parsed] == [
        ("1", "edit", {"said_on": "2025-05-11"}),
        ("2", "delete", None),
    ]
    lines = cli.ok("audit", "--nl").splitlines()
    assert [json.loads(line)["action"] for line in lines] == ["edit", "delete"]
    assert "deleted Pakistan's military: 'Indian missiles struck targets in Afghanistan.'" in cli.ok("audit")


def test_audit_of_an_untouched_ledger_says_so(cli):
    result = cli("audit")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No changes recorded.\n")


def test_an_edit_is_recorded_as_the_os_user_when_no_one_is_named(cli, db_path, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "desk")
    seed(cli, db_path)
    cli.ok("edit", "1", "--said-on", "2025-05-09")
    assert [a[2] for a in audit(db_path)] == ["desk"]


def test_export_audit_writes_every_record_in_the_format_of_the_file(cli, db_path, tmp_path):
    seed(cli, db_path)
    cli.ok("edit", "1", "--said-on", "2025-05-09", "--by", "ana")
    cli.ok("delete", "2", "--yes", "--by", "ana")
    out = tmp_path / "audit.csv"
    result = cli("export", "audit", "-o", str(out))
    assert (result.exit_code, result.stderr) == (0, f"Wrote 2 audit records to {out}.\n")
    parsed = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["id"], r["action"], r["statement_id"], r["by"]) for r in parsed] == [
        ("1", "edit", "1", "ana"),
        ("2", "delete", "2", "ana"),
    ]
    exported = json.loads(cli.ok("export", "audit", "--format", "json"))
    assert exported[0]["before"] == {"said_on": "2025-05-10", "identity": CLAIM_AS_FILED}
    assert exported[1]["before"]["row"]["text"] == DENIAL


def test_the_audit_table_is_created_by_migration_7(db_path):
    assert rows(db_path, "SELECT name FROM _sqlite_migrations WHERE name = 'm007_audit'") == [("m007_audit",)]
    assert [c[1] for c in rows(db_path, "PRAGMA table_info(audit)")] == [
        "id",
        "at",
        "by",
        "action",
        "statement_id",
        "note",
        "before",
        "after",
    ]


# --- conventions a new user found ---------------------------------------------------------


def test_filters_naming_an_unknown_speaker_or_source_are_errors(cli, db_path):
    seed(cli, db_path)
    assert cli.fails("list", "--speaker", "Nobody") == "Error: no speaker named 'Nobody'\n"
    assert cli.fails("list", "--speaker", "99") == "Error: no speaker with id 99\n"
    assert cli.fails("list", "--source", "Nowhere") == "Error: no source named 'Nowhere'\n"
    assert cli.fails("contradictions", "--speaker", "Nobody") == "Error: no speaker named 'Nobody'\n"
    assert cli.fails("report", "--claim", "99") == "Error: no claim '99'\n"
    assert [s["id"] for s in cli.json("list", "--speaker", "India")] == [2]
    assert [s["id"] for s in cli.json("list", "--source", "dawn")] == [1]


def test_a_date_range_that_ends_before_it_starts_is_an_error(cli, db_path):
    seed(cli, db_path)
    message = "Error: --since 2025-05-12 is later than --until 2025-05-01: nothing could match\n"
    assert cli.fails("contradictions", "--since", "2025-05-12", "--until", "2025-05-01") == message
    assert cli.fails("list", "--since", "2025-05-12", "--until", "2025-05-01") == message
    # a month and a day in it overlap: not an error
    assert cli("list", "--since", "2025-05", "--until", "2025-05-01").exit_code == 0


def test_a_known_speaker_with_nothing_in_range_still_lists_nothing(cli, db_path):
    seed(cli, db_path)
    result = cli("list", "--speaker", "India", "--since", "2026")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No statements.\n")


def test_reported_before_said_is_refused_by_add_and_import(cli, db_path, tmp_path):
    assert cli.fails(
        "add", "Talks will resume.", "-s", "Dar", "--said-on", "2025-05-10", "--reported-on", "2025-05-09"
    ) == ("Error: reported-on date 2025-05-09 is earlier than said-on date 2025-05-10\n")
    rows_file = tmp_path / "rows.jsonl"
    rows_file.write_text(
        '{"text": "Talks will resume.", "speaker": "Dar", "said_on": "2025-05", "reported_on": "2025-05-03"}\n'
        '{"text": "Talks will not resume.", "speaker": "Dar", "said_on": "2025-05-10", "reported_on": "2025-04"}\n',
        encoding="utf-8",
    )
    assert cli.fails("import", str(rows_file)) == (
        "Error: row 2: reported-on date 2025-04 is earlier than said-on date 2025-05-10\n"
    )
    assert rows(db_path, "SELECT count(*) FROM statements") == [(0,)]


def test_a_date_in_the_future_is_refused_by_add_import_and_edit(cli, db_path, tmp_path):
    from datetime import UTC, datetime, timedelta

    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    later = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    assert cli.fails("add", "Talks will resume.", "-s", "Dar", "--said-on", later) == (
        f"Error: said-on date {later} is in the future\n"
    )
    rows_file = tmp_path / "rows.jsonl"
    rows_file.write_text('{"text": "Talks will resume.", "speaker": "Dar", "reported_on": "2099"}\n')
    assert cli.fails("import", str(rows_file)) == "Error: row 1: reported-on date 2099 is in the future\n"
    assert rows(db_path, "SELECT count(*) FROM statements") == [(0,)]
    cli.ok("add", "Talks will resume.", "-s", "Dar", "--said-on", tomorrow, "--no-link")  # a time zone ahead
    assert cli.fails("edit", "1", "--said-on", later) == f"Error: said-on date {later} is in the future\n"
    assert rows(db_path, "SELECT said_on FROM statements") == [(tomorrow,)]


def test_a_future_said_on_date_is_named_as_such_though_it_also_follows_the_report(cli, db_path):
    cli.ok("add", "Talks will resume.", "-s", "Dar", "--said-on", "2025-05-10", "--reported-on", "2025-05-11")
    # a mistyped year: the report date is earlier too, but the future is what is wrong
    assert (
        cli.fails("edit", "1", "--said-on", "2099-05-01")
        == "Error: said-on date 2099-05-01 is in the future\n"
    )
    assert rows(db_path, "SELECT said_on, reported_on FROM statements") == [("2025-05-10", "2025-05-11")]


def test_extracting_an_article_again_with_a_source_records_nothing_new(cli, db_path):
    first = cli("extract", str(SEED_ARTICLE), "--source", "X", "--no-link")
    assert first.stderr.splitlines()[-1] == "Stored 15 new statements (0 already recorded) from 1 article."
    again = cli("extract", str(SEED_ARTICLE), "--source", "X", "--no-link")
    assert again.stderr == "Stored 0 new statements (15 already recorded) from 1 article.\n"
    assert rows(db_path, "SELECT count(*) FROM statements") == [(15,)]


def test_db_info_has_every_machine_format(cli, db_path):
    seed(cli, db_path)
    cli.ok("add", CLAIM, "-s", "Pakistan's military", "--source", "Geo", "--no-link")  # an appearance
    cli.ok("edit", "2", "--said-on", "2025-05-11")
    found = cli.json("db", "info")
    assert {k: v for k, v in found.items() if k != "migrations"} == {
        "statements": 2,
        "appearances": 1,
        "speakers": 2,
        "sources": 3,
        "links": 1,
        "verdicts": 0,
        "audit": 1,
    }
    assert "m007_audit" in found["migrations"]
    (line,) = cli.ok("db", "info", "--nl").splitlines()
    assert json.loads(line) == found
    (parsed,) = list(csv.DictReader(io.StringIO(cli.ok("db", "info", "--csv"))))
    assert (parsed["statements"], parsed["appearances"], parsed["audit"]) == ("2", "1", "1")
    assert parsed["migrations"].split("; ") == found["migrations"]
    assert cli.fails("db", "info", "--json", "--csv", code=2).startswith("Error: ")


def test_link_decisions_and_speaker_merges_and_splits_are_in_the_audit_trail(cli, db_path, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "desk")
    seed(cli, db_path)
    cli.ok("link", "reject", "1")
    cli.ok("add", "Talks will resume.", "-s", "Harbhajan Singh", "--no-link")
    cli.ok("add", "Talks will not resume.", "-s", "Singh Harbhajan", "--no-link")
    cli.ok("speakers", "merge", "3", "4")
    cli.ok("speakers", "unmerge", "1")
    cli.ok("speakers", "split", "3", "--statements", "3", "--name", "H. Singh")
    listed = cli.json("audit")
    assert [(r["action"], r["by"], r["statement_id"], r["after"]["statements"]) for r in listed] == [
        ("link reject", "desk", None, [1, 2]),
        ("speaker merge", "desk", None, [4]),
        ("speaker unmerge", "desk", None, [4]),
        ("speaker split", "desk", None, [3]),
    ]
    assert (listed[0]["before"], listed[0]["after"]["status"]) == (
        {"link": 1, "status": "suggested", "relation": "contradicts"},
        "rejected",
    )
    assert [h["action"] for h in cli.json("show", "4")["history"]] == ["speaker merge", "speaker unmerge"]
    assert [h["action"] for h in cli.json("show", "2")["history"]] == ["link reject"]
    table = cli.ok("audit")
    assert "link 1 (#1 – #2): suggested → rejected" in table
    assert "Singh Harbhajan (id 4) merged into Harbhajan Singh (id 3), 1 statement" in table
    assert "1 statement moved from Harbhajan Singh to H. Singh" in table


def test_a_persons_claim_decisions_are_in_the_statements_history(cli, db_path):
    seed(cli, db_path)
    cli.ok("claim", "detach", "2", "1")
    cli.ok("claim", "attach", "2", "1", "--stance", "denies")
    history = cli.json("show", "2")["history"]
    assert [(h["action"], h["before"], h["after"]) for h in history] == [
        (
            "claim detach",
            {"claim": 1, "stance": "denies", "status": "suggested"},
            {"claim": 1, "stance": "denies", "status": "rejected"},
        ),
        (
            "claim attach",
            {"claim": 1, "stance": "denies", "status": "rejected"},
            {"claim": 1, "stance": "denies", "status": "confirmed"},
        ),
    ]
    table = cli.ok("audit")
    assert "detach: claim 1, suggested → rejected" in table and "attach: claim 1, denies" in table


def test_edit_reads_the_new_words_from_stdin(cli, db_path):
    seed(cli, db_path)
    result = cli(
        "edit", "1", "--text", "-", "--no-link", input="Indian drones struck targets in Afghanistan.\n"
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == "Not relinked (--no-link): `tracker link` relinks."
    assert rows(db_path, "SELECT text FROM statements WHERE id = 1") == [
        ("Indian drones struck targets in Afghanistan.",)
    ]
    assert rows(db_path, "SELECT count(*) FROM links") == [(0,)]  # the old words' link is not left standing


def test_reassigning_an_uncertain_statement_settles_its_speaker_check(cli, db_path):
    cli.ok("add", "Talks will resume.", "-s", "Manmohan Singh", "--affiliation", "INC", "--no-link")
    cli.ok("add", "Talks will not resume.", "-s", "Harbhajan Singh", "--affiliation", "AAP", "--no-link")
    cli.ok("add", "Talks are over.", "-s", "Singh", "--no-link")
    assert rows(db_path, "SELECT statement_id FROM speaker_reviews") == [(3,)]
    cli.ok("edit", "3", "--speaker", "1")
    assert rows(db_path, "SELECT count(*) FROM speaker_reviews") == [(0,)]
    assert rows(db_path, "SELECT speaker_id FROM statements WHERE id = 3") == [(1,)]
    assert cli.json("show", "3")["speaker_uncertain"] is None


def test_restore_files_the_statement_under_the_speaker_its_own_was_merged_into(cli, db_path):
    seed(cli, db_path)
    cli.ok("delete", "1", "--yes")
    cli.ok("add", "Talks will resume.", "-s", "ISPR", "--no-link")
    cli.ok("speakers", "merge", "ISPR", "Pakistan's military")
    assert cli("restore", "1").exit_code == 0
    assert rows(
        db_path, "SELECT sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = 1"
    ) == [("ISPR",)]
    assert cli.ok("db", "check") == "ok\n"


def test_a_relabelled_link_and_an_undone_review_are_in_the_audit_trail(cli, db_path, db):
    from tracker.link.review import link_decision, relabel_link, restore_link

    seed(cli, db_path)
    before = link_decision(db, 1)
    relabel_link(db, 1, "related", by="ana")
    restore_link(db, 1, before)
    listed = cli.json("audit")
    assert [
        (r["action"], r["before"], {k: r["after"][k] for k in ("status", "relation")}) for r in listed
    ] == [
        (
            "link relabel",
            {"link": 1, "status": "suggested", "relation": "contradicts"},
            {"status": "confirmed", "relation": "related"},
        ),
        (
            "link undo",
            {"link": 1, "status": "confirmed", "relation": "related"},
            {"status": "suggested", "relation": "contradicts"},
        ),
    ]
    assert "link 1 (#1 – #2): suggested → confirmed, contradicts → related" in cli.ok("audit")


def test_a_claim_a_statement_founded_in_its_words_reads_as_the_corrected_words(cli, db_path):
    cli.ok("add", "The plant's operator", "-s", "Velden Power", "--source", "Herald")
    result = cli("edit", "1", "--text", "About 300 workers at Velden would lose their jobs.")
    assert result.exit_code == 0
    assert (
        "Claim 1, which it founded, now reads 'About 300 workers at Velden would lose their jobs.'.\n"
        in result.stderr
    )
    with sqlite3.connect(db_path) as conn:
        claims = conn.execute("SELECT id, text, proposition, origin FROM claims ORDER BY id").fetchall()
        sides = conn.execute(
            "SELECT claim_id, statement_id, stance, founder FROM claim_statements"
        ).fetchall()
    assert claims == [
        (
            1,
            "About 300 workers at Velden would lose their jobs.",
            "about 300 workers at velden would lose their jobs",
            "statement",
        )
    ]
    assert sides == [(1, 1, "supports", 1)]
    assert cli.ok("db", "check") == "ok\n"


# --- corrections that stay corrected ------------------------------------------------------


def extract_seed(cli):
    return cli("extract", str(SEED_ARTICLE), "--date", "2025-05-10", "--no-link")


def test_extracting_an_article_again_keeps_what_a_person_deleted_or_corrected(cli, db_path):
    assert extract_seed(cli).exit_code == 0
    cli.ok("delete", "7", "--yes")
    cli.ok("edit", "1", "--text", "a willingness to pause military operations", "--no-link")
    cli.ok("edit", "5", "--speaker", "Pakistan", "--no-link")
    cli.ok("edit", "8", "--reported-on", "2025-05-11", "--no-link")
    before = snapshot(db_path)
    again = extract_seed(cli)
    assert again.exit_code == 0
    assert again.stderr == (
        "Stored 0 new statements (11 already recorded, 4 corrected or deleted by hand) from 1 article.\n"
    )
    assert snapshot(db_path) == before
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]
    # once restored, the deleted statement is in the ledger again: recorded, not corrected
    cli.ok("restore", "7", "--no-link")
    assert extract_seed(cli).stderr == (
        "Stored 0 new statements (12 already recorded, 3 corrected or deleted by hand) from 1 article.\n"
    )
    assert rows(db_path, "SELECT count(*) FROM statements") == [(15,)]


def test_importing_a_file_again_keeps_a_deleted_row_deleted_and_an_edit_edited(cli, db_path, tmp_path):
    rows_file = tmp_path / "rows.csv"
    rows_file.write_text(
        "text,speaker,source,said_on\n"
        f"{CLAIM},Pakistan's military,Dawn,2025-05-10\n"
        f"{DENIAL},India,Caliber.Az,2025-05-10\n"
        "Talks will resume.,Ishaq Dar,Dawn,2025-05-11\n",
        encoding="utf-8",
    )
    cli.ok("import", str(rows_file), "--no-link")
    cli.ok("delete", "1", "--yes")
    cli.ok("edit", "3", "--said-on", "2025-05-12")
    result = cli("import", str(rows_file), "--no-link")
    assert (result.exit_code, result.stderr) == (
        0,
        "Imported 0 new statements (1 already recorded, 2 corrected or deleted by hand).\n",
    )
    assert rows(db_path, "SELECT id, said_on FROM statements ORDER BY id") == [
        (2, "2025-05-10"),
        (3, "2025-05-12"),
    ]
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]


def test_a_deleted_statements_words_by_its_speaker_in_another_outlet_stay_deleted(cli, db_path, tmp_path):
    seed(cli, db_path)
    cli.ok("delete", "1", "--yes")
    rows_file = tmp_path / "repeat.jsonl"
    rows_file.write_text(
        json.dumps({"text": CLAIM, "speaker": "Pakistan's military", "source": "Reuters"}) + "\n",
        encoding="utf-8",
    )
    result = cli("import", str(rows_file), "--no-link")
    assert (
        result.stderr == "Imported 0 new statements (0 already recorded, 1 corrected or deleted by hand).\n"
    )
    assert rows(db_path, "SELECT id FROM statements") == [(2,)]
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]


def test_adding_a_deleted_statement_by_hand_records_it_anew(cli, db_path):
    seed(cli, db_path)
    cli.ok("delete", "1", "--yes")
    result = cli(
        "add", CLAIM, "-s", "Pakistan's military", "--source", "Dawn", "--said-on", "2025-05-10", "--no-link"
    )
    assert (result.exit_code, result.stdout) == (0, "3\n")


def test_delete_restore_and_the_audit_trail_count_a_statements_links_alike(cli, db_path):
    seed(cli, db_path)
    cli.ok(
        "add",
        "Indian missiles did strike targets in Afghanistan on Saturday.",
        "-s",
        "Taliban",
        "--source",
        "Reuters",
    )
    # statement 2 is b of one link and a of another
    assert rows(db_path, "SELECT a_id, b_id FROM links WHERE 2 IN (a_id, b_id) ORDER BY id") == [
        (1, 2),
        (2, 3),
    ]
    deleted = cli("delete", "2", "--yes")
    assert deleted.stderr == (
        "Deleted statement 2 with 2 links, 1 claim attachment"
        " (audit record 1; `tracker restore 2` brings it back).\n"
    )
    restored = cli("restore", "2", "--no-link")
    assert restored.stderr == "Restored statement 2 with 2 links, 1 claim attachment (audit record 2).\n"
    from tracker.cli.corrections import describe

    assert [describe(record) for record in cli.json("audit")] == [
        f"deleted India: {DENIAL!r} (with 2 links, 1 claim attachment)",
        "restored with 2 links, 1 claim attachment",
    ]


def test_edit_says_when_the_statement_now_repeats_another(cli, db_path):
    seed(cli, db_path)
    cli.ok("add", CLAIM, "-s", "Ishaq Dar", "--source", "Reuters", "--no-link")
    result = cli("edit", "3", "--speaker", "Pakistan's military", "--no-link")
    assert result.exit_code == 0
    assert result.stderr == (
        "Edited statement 3 (audit record 1).\n"
        "Statement 3 now has the same words and speaker as #1: `tracker delete 3` or keep both.\n"
        "Links and claims kept: the words are unchanged.\n"
    )
    assert rows(db_path, "SELECT id, speaker_id FROM statements ORDER BY id") == [(1, 1), (2, 2), (3, 1)]


# --- an appearance recorded by mistake ---------------------------------------------------------

BRIDGE = (
    "Bridge to reopen\n\nThe mayor, Anna Brandt, said the bridge would reopen in May.\n\n"
    "The engineer said the cables were sound and the deck was safe.\n"
)


def mistyped(cli, db_path, tmp_path):
    """An article extracted on its date, then again with a mistyped --date: two repeats."""
    article = tmp_path / "bridge.txt"
    article.write_text(BRIDGE)
    cli.ok("extract", str(article), "--source", "Dawn", "--date", "2025-05-10", "--no-link")
    cli.ok("extract", str(article), "--source", "Dawn", "--date", "2025-05-01", "--no-link")
    assert rows(db_path, "SELECT id, statement_id, reported_on FROM appearances ORDER BY id") == [
        (1, 1, "2025-05-01"),
        (2, 2, "2025-05-01"),
    ]
    return article


def test_delete_appearance_removes_one_repeat_audited_and_restore_brings_it_back(cli, db_path, tmp_path):
    article = mistyped(cli, db_path, tmp_path)
    (source_id,) = rows(db_path, "SELECT source_id FROM appearances WHERE id = 1")[0]
    result = cli("delete", "1", "--appearance", "2", "--yes", "--note", "mistyped date", "--by", "desk")
    assert (result.exit_code, result.stderr) == (
        0,
        "Deleted appearance 2 of statement 1 (Dawn, 2025-05-01) (audit record 1;"
        " `tracker restore 1 --appearances` brings it back).\n",
    )
    assert rows(db_path, "SELECT id, statement_id FROM appearances") == [(2, 2)]
    [(action, statement_id, by, note, before, after)] = audit(db_path)
    assert (action, statement_id, by, note, after) == ("appearance delete", 1, "desk", "mistyped date", None)
    assert (before["number"], before["source"]) == (2, "Dawn")
    assert {k: before["appearance"][k] for k in ("id", "statement_id", "source_id", "reported_on")} == {
        "id": 1,
        "statement_id": 1,
        "source_id": source_id,
        "reported_on": "2025-05-01",
    }
    # the same mistake again records nothing: a correction stays made
    result = cli("extract", str(article), "--source", "Dawn", "--date", "2025-05-01", "--no-link")
    assert result.stderr == (
        "Stored 0 new statements (1 already recorded, 1 corrected or deleted by hand) from 1 article.\n"
    )
    assert rows(db_path, "SELECT id, statement_id FROM appearances") == [(2, 2)]
    assert describe({"action": action, "before": before, "after": after}) == (
        "deleted appearance 2 (Dawn, 2025-05-01)"
    )
    result = cli("restore", "1", "--appearances")
    assert (result.exit_code, result.stderr) == (
        0,
        "Restored 1 appearance of statement 1 (Dawn, 2025-05-01) (audit record 2).\n",
    )
    assert rows(db_path, "SELECT id, statement_id, source_id, reported_on FROM appearances ORDER BY id") == [
        (1, 1, source_id, "2025-05-01"),
        (2, 2, source_id, "2025-05-01"),
    ]
    assert [(a, s) for a, s, *_ in audit(db_path)] == [("appearance delete", 1), ("appearance restore", 1)]
    restored = audit(db_path)[1]
    assert describe({"action": restored[0], "before": restored[4], "after": restored[5]}) == (
        "restored 1 appearance"
    )
    assert cli.fails("restore", "1", "--appearances") == (
        "Error: statement 1 has no deleted appearance to restore\n"
    )


def test_delete_appearance_refuses_the_statements_own_report_a_missing_one_and_no_yes(cli, db_path, tmp_path):
    mistyped(cli, db_path, tmp_path)
    before = snapshot(db_path), rows(db_path, "SELECT * FROM appearances ORDER BY id")
    assert cli.fails("delete", "1", "--appearance", "2") == (
        "Error: deleting needs --yes when stdin is not a terminal\n"
    )
    assert cli.fails("delete", "1", "--appearance", "1", "--yes") == (
        "Error: appearance 1 is statement 1's own report: `tracker edit 1 --source/--reported-on`"
        " corrects it, `tracker delete 1` deletes the statement\n"
    )
    assert cli.fails("delete", "1", "--appearance", "3", "--yes") == (
        "Error: statement 1 has no appearance 3 (it has 2: `tracker show 1` lists them)\n"
    )
    assert cli.fails("delete", "9", "--appearance", "2", "--yes") == "Error: no statement with id 9\n"
    assert (snapshot(db_path), rows(db_path, "SELECT * FROM appearances ORDER BY id")) == before


def test_delete_appearance_at_a_terminal_asks_first(cli, db_path, tmp_path, monkeypatch):
    mistyped(cli, db_path, tmp_path)
    monkeypatch.setattr("tracker.cli.corrections._interactive", lambda: True)
    result = cli("delete", "2", "--appearance", "2", input="n\n")
    assert (result.exit_code, result.stderr) == (
        1,
        "Delete appearance 2 of statement 2 (Dawn, 2025-05-01)? [y/N]:Aborted.\n",
    )
    assert rows(db_path, "SELECT id FROM appearances ORDER BY id") == [(1,), (2,)]
    assert cli("delete", "2", "--appearance", "2", input="y\n").exit_code == 0
    assert rows(db_path, "SELECT id FROM appearances ORDER BY id") == [(1,)]


def test_delete_appearances_in_a_source_undoes_a_mistyped_extraction_and_restore_brings_them_back(
    cli, db_path, tmp_path
):
    article = mistyped(cli, db_path, tmp_path)
    assert rows(db_path, "SELECT DISTINCT source_id FROM appearances") == [(2,)]
    assert cli.fails("delete", "--appearances-in", "2") == (
        "Error: deleting needs --yes when stdin is not a terminal\n"
    )
    result = cli("delete", "--appearances-in", "2", "--yes", "--note", "mistyped date")
    assert (result.exit_code, result.stderr) == (
        0,
        "Deleted 2 appearances in source 2 (Dawn, 2025-05-01) of statements 1, 2 (audit records 1–2;"
        " `tracker restore --appearances-in 2` brings them back).\n",
    )
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]
    assert [(a, s, note, before["number"]) for a, s, _, note, before, _ in audit(db_path)] == [
        ("appearance delete", 1, "mistyped date", 2),
        ("appearance delete", 2, "mistyped date", 2),
    ]
    result = cli("extract", str(article), "--source", "Dawn", "--date", "2025-05-01", "--no-link")
    assert result.stderr == (
        "Stored 0 new statements (0 already recorded, 2 corrected or deleted by hand) from 1 article.\n"
    )
    assert cli.fails("delete", "--appearances-in", "2", "--yes") == (
        "Error: source 2 holds no appearance (`tracker sources list --all` lists every source)\n"
    )
    result = cli("restore", "--appearances-in", "2")
    assert (result.exit_code, result.stderr) == (
        0,
        "Restored 2 appearances in source 2 of statements 1, 2 (audit records 3–4).\n",
    )
    assert rows(db_path, "SELECT id, statement_id, source_id FROM appearances ORDER BY id") == [
        (1, 1, 2),
        (2, 2, 2),
    ]
    assert cli.fails("restore", "--appearances-in", "2") == (
        "Error: source 2 has no deleted appearance to restore\n"
    )


def test_delete_needs_an_id_or_a_source_and_an_unknown_source_is_an_error(cli, db_path, tmp_path):
    mistyped(cli, db_path, tmp_path)
    before = snapshot(db_path), rows(db_path, "SELECT * FROM appearances ORDER BY id")
    usage = (
        "Error: Invalid value for ID: give a statement's ID, or --appearances-in SOURCE without one"
        " (see 'tracker {} --help')\n"
    )
    assert cli.fails("delete", "--yes", code=2) == usage.format("delete")
    assert cli.fails("delete", "1", "--appearances-in", "2", "--yes", code=2) == usage.format("delete")
    assert cli.fails("restore", code=2) == usage.format("restore")
    assert cli.fails("delete", "--appearances-in", "7", "--yes") == "Error: no source with id 7\n"
    assert (snapshot(db_path), rows(db_path, "SELECT * FROM appearances ORDER BY id")) == before


def test_delete_appearances_in_a_source_at_a_terminal_asks_first(cli, db_path, tmp_path, monkeypatch):
    mistyped(cli, db_path, tmp_path)
    monkeypatch.setattr("tracker.cli.corrections._interactive", lambda: True)
    result = cli("delete", "--appearances-in", "2", input="n\n")
    assert (result.exit_code, result.stderr) == (
        1,
        "Delete 2 appearances in source 2 (of statements 1, 2)? [y/N]:Aborted.\n",
    )
    assert rows(db_path, "SELECT id FROM appearances ORDER BY id") == [(1,), (2,)]


def _listed_sources(cli, *extra):  # type: ignore[no-untyped-def]
    result = cli("sources", "list", "--json", *extra)
    assert result.exit_code == 0
    return [
        (s["id"], s["outlet"], s["published"], s["statements"], s["appearances"])
        for s in json.loads(result.stdout)
    ], result.stderr


def test_a_source_whose_appearances_are_all_deleted_is_left_out_of_sources_list_and_back_on_restore(
    cli, db_path, tmp_path
):
    mistyped(cli, db_path, tmp_path)
    assert _listed_sources(cli) == ([(1, "Dawn", "2025-05-10", 2, 0), (2, "Dawn", "2025-05-01", 0, 2)], "")
    cli.ok("delete", "--appearances-in", "2", "--yes")
    assert _listed_sources(cli) == (
        [(1, "Dawn", "2025-05-10", 2, 0)],
        "Left out 1 source with no statement or appearance in the ledger (`tracker sources list --all` lists it).\n",
    )
    assert _listed_sources(cli, "--all") == (
        [(1, "Dawn", "2025-05-10", 2, 0), (2, "Dawn", "2025-05-01", 0, 0)],
        "",
    )
    assert rows(db_path, "SELECT id FROM sources ORDER BY id") == [(1,), (2,)]  # kept for restore
    cli.ok("restore", "--appearances-in", "2")
    assert _listed_sources(cli) == ([(1, "Dawn", "2025-05-10", 2, 0), (2, "Dawn", "2025-05-01", 0, 2)], "")


def test_a_source_whose_only_statement_is_deleted_is_left_out_and_back_on_restore(cli, db_path):
    cli.ok("add", "The dam will open.", "--speaker", "Ali Khan", "--source", "Dawn", "--no-link")
    cli.ok("add", "Prices will fall.", "--speaker", "Ali Khan", "--source", "Geo", "--no-link")
    cli.ok("delete", "2", "--yes")
    result = cli("sources", "list", "--csv")
    assert (result.exit_code, result.stdout.splitlines(), result.stderr) == (
        0,
        ["id,outlet,url,title,author,published,statements", "1,Dawn,,,,,1"],
        "Left out 1 source with no statement or appearance in the ledger (`tracker sources list --all` lists it).\n",
    )
    cli.ok("restore", "2", "--no-link")
    assert [(s["outlet"], s["statements"]) for s in cli.json("sources", "list")] == [("Dawn", 1), ("Geo", 1)]


def test_audit_limit_counts_the_records_the_table_shows(cli, db_path, monkeypatch):
    """The table leaves out edits that changed nothing (`said_on: (none) → (none)`, recorded by
    an older extraction): --limit N still shows the newest N of what it lists."""
    from tracker.store import open_db
    from tracker.store.corrections import record

    monkeypatch.setenv("LOGNAME", "desk")
    cli.ok("add", "The ball is in India's court.", "-s", "Ishaq Dar", "--no-link")
    cli.ok("edit", "1", "--said-on", "2025-05-10")
    db = open_db(db_path)
    with db.conn:
        record(db, "edit", statement_id=1, before={"said_on": None}, after={"said_on": None})
    db.close()
    shown = [line.strip() for line in cli.ok("audit", "--limit", "1").splitlines()[3:] if line.strip()]
    assert len(shown) == 1 and shown[0].startswith("1 ")
    assert shown[0].endswith("desk   edit     1           said_on: (none) → '2025-05-10'")
    assert [r["id"] for r in cli.json("audit", "--limit", "1")] == [2]  # machines get every record
