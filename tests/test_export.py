"""`tracker export`: every kind and format, spreadsheet-safe CSV, a lossless round trip,
atomic output files and ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tracker.export import AtomicOutput, csv_safe

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
VOLATILE = ("created_at",)
RICH = {
    "ref": "r-7",
    "text": "Casualties rose to 40, officials said — “not 12”.",
    "speaker": "Pakistan's Information Minister Attaullah Tarar",
    "speaker_kind": "person",
    "affiliation": "Pakistan",
    "source": "Dawn",
    "url": "https://dawn.example/a?x=1&y=2",
    "title": "Strikes: the toll",
    "author": "A. Reporter",
    "published": "2025-05-12",
    "said_on": "2025-05",
    "reported_on": "2025-05-12",
    "kind": "paraphrase",
    "cue": "said",
    "via": "at a press conference; citing officials",
    "hedge": "allegedly",
    "tags": ["casualties", "india-pakistan-2025"],
}
TRICKY = [
    '=HYPERLINK("http://evil")',
    "+1 more",
    "-5% growth",
    "@SUM(A1)",
    "\tindented",
    "\rcarriage",
    "'=already quoted",
    'Plain, with "quotes"\nand a newline — ünïcode',
]


def seed(cli, db=None):
    extra = ["--db", str(db)] if db else []
    cli.ok("import", str(SEED), "--no-link", *extra)
    cli.ok("import", "-", "--format", "json", "--no-link", *extra, input=json.dumps([RICH]))


def comparable(rows):
    return [{k: v for k, v in row.items() if k not in VOLATILE} for row in rows]


def test_json_export_imports_into_an_empty_database_and_exports_the_same(cli, tmp_path):
    seed(cli)
    first = cli.ok("export", "statements", "--format", "json")
    dump = tmp_path / "statements.json"
    dump.write_text(first)
    other = tmp_path / "other.db"
    cli.ok("import", str(dump), "--no-link", "--db", str(other))
    second = cli.ok("export", "statements", "--format", "json", "--db", str(other))
    before, after = json.loads(first), json.loads(second)
    assert comparable(after) == comparable(before)
    rich = after[-1]
    assert {k: rich[k] for k in RICH if k != "speaker"} == {k: v for k, v in RICH.items() if k != "speaker"}
    assert (rich["speaker"], rich["role"], rich["speaker_kind"]) == (
        "Attaullah Tarar",
        "Pakistan's Information Minister",
        "person",
    )
    assert [r["ref"] for r in after] == ["seed-1", "seed-2", "seed-3", "seed-4", "seed-5", "seed-6", "r-7"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_exports_round_trip_too(cli, tmp_path, fmt):
    seed(cli)
    for i, text in enumerate(TRICKY):
        cli.ok("add", "-s", "Tester", "--tag", "=tag", "--no-link", "--ref", f"t{i}", "--", text)
    dump = tmp_path / f"statements.{fmt}"
    cli.ok("export", "statements", "-o", str(dump))
    other = tmp_path / "other.db"
    cli.ok("import", str(dump), "--no-link", "--db", str(other))
    before = json.loads(cli.ok("export", "statements"))
    after = json.loads(cli.ok("export", "statements", "--db", str(other)))
    assert comparable(after) == comparable(before)


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cli):
    for i, text in enumerate(TRICKY):
        cli.ok("add", "-s", "Tester", "--no-link", "--ref", f"t{i}", "--", text)
    rows = list(csv.DictReader(io.StringIO(cli.ok("export", "statements", "--format", "csv"))))
    assert [r["text"] for r in rows] == [
        '\'=HYPERLINK("http://evil")',
        "'+1 more",
        "'-5% growth",
        "'@SUM(A1)",
        "indented",  # leading whitespace is stripped when a statement is stored
        "carriage",
        "''=already quoted",
        'Plain, with "quotes"\nand a newline — ünïcode',
    ]


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=x", "''=x"),
        ("'quoted", "'quoted"),
        ("a=b", "a=b"),
        (None, ""),
        (["a", "-b"], "a; -b"),
        (True, "true"),
        (3, "3"),
    ],
)
def test_csv_safe(value, cell):
    assert csv_safe(value) == cell


def test_jsonl_is_one_statement_per_line(cli):
    seed(cli)
    lines = cli.ok("export", "statements", "--format", "jsonl").splitlines()
    assert [json.loads(line)["ref"] for line in lines] == [
        "seed-1",
        "seed-2",
        "seed-3",
        "seed-4",
        "seed-5",
        "seed-6",
        "r-7",
    ]


def test_markdown_export_is_a_table_that_cannot_be_broken_by_its_cells(cli):
    cli.ok("add", "a | b <script>\nnext", "-s", "Tester", "--no-link")
    md = cli.ok("export", "statements", "--format", "md")
    assert md.splitlines() == [
        "# Statements",
        "",
        "| id | speaker | role | text | source | said_on | reported_on | kind | cue | via | hedge | tags | ref |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        "| 1 | Tester |  | a \\| b &lt;script&gt;<br>next |  |  |  | unknown |  |  |  |  |  |",
    ]


def test_output_file_is_written_atomically(cli, tmp_path):
    seed(cli)
    target = tmp_path / "out.csv"
    target.write_text("old content")
    result = cli("export", "statements", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"Wrote 7 statements to {target}.\n"
    assert target.read_text().startswith("id,ref,text,")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".tracker-")) == []


def test_an_export_gets_the_mode_new_files_get_and_says_how_many_in_words(cli, tmp_path):
    """An export is to be shared (unlike the ledger, which is its owner's only)."""
    import os
    import stat

    cli.ok("add", "The dam is safe.", "-s", "Board", "--no-link")
    cli.ok("verdict", "1", "--rating", "false")
    old = os.umask(0o022)
    try:
        result = cli("export", "verdicts", "-o", str(tmp_path / "cr.json"))
    finally:
        os.umask(old)
    assert result.stderr == f"Wrote 1 verdict to {tmp_path / 'cr.json'}.\n"
    assert stat.S_IMODE((tmp_path / "cr.json").stat().st_mode) == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    (tmp_path / "out").mkdir()
    tmp_path = tmp_path / "out"
    target = tmp_path / "out.json"
    target.write_text("old content")
    with pytest.raises(RuntimeError), AtomicOutput(str(target)) as out:
        out.write("half of it")
        raise RuntimeError("disk full")
    assert target.read_text() == "old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_output_into_a_missing_directory_is_an_error(cli, tmp_path):
    seed(cli)
    assert cli.fails("export", "statements", "-o", str(tmp_path / "no" / "out.json")) == (
        f"Error: cannot write {tmp_path / 'no' / 'out.json'}: directory does not exist\n"
    )


def test_format_comes_from_the_output_suffix(cli, tmp_path):
    seed(cli)
    cli.ok("export", "speakers", "-o", str(tmp_path / "s.md"))
    assert (tmp_path / "s.md").read_text().startswith("# Speakers\n\n| id | name | kind |")


def _links(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM links")
        for a, b, relation, status in [
            (5, 6, "contradicts", "confirmed"),
            (6, 7, "agrees", "suggested"),
            (3, 4, "agrees", "rejected"),
        ]:
            conn.execute(
                "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)"
                ' VALUES (?, ?, ?, 75.0, \'[{"code": "denial", "detail": "denied"}]\', ?, \'test\', \'x\')',
                [a, b, relation, status],
            )


def test_links_contradictions_speakers_and_verdicts_export(cli, db_path):
    seed(cli)
    _links(db_path)
    cli.ok("verdict", "6", "--rating", "unverified")
    cli.ok("verdict", "6", "--rating", "false", "--by", "Desk")
    links = json.loads(cli.ok("export", "links"))
    assert [(r["id"], r["relation"], r["status"]) for r in links] == [
        (1, "contradicts", "confirmed"),
        (2, "agrees", "suggested"),
        (3, "agrees", "rejected"),
    ]
    assert links[0]["reasons"] == [{"code": "denial", "detail": "denied"}]
    contradictions = list(csv.DictReader(io.StringIO(cli.ok("export", "contradictions", "--format", "csv"))))
    assert [(r["a_id"], r["b_id"], r["reason"]) for r in contradictions] == [("5", "6", "denial: denied")]
    speakers = [json.loads(line) for line in cli.ok("export", "speakers", "--format", "jsonl").splitlines()]
    assert [s["name"] for s in speakers][:2] == ["Ishaq Dar", "US State Department"]
    verdicts = json.loads(cli.ok("export", "verdicts"))
    assert [(v["statement_id"], v["rating"], v["current"]) for v in verdicts] == [
        (6, "unverified", False),
        (6, "false", True),
    ]
    report = json.loads(cli.ok("export", "report"))
    assert report["verdicts"][0]["covers"] == []  # 7 only suggested as agreeing: no verdict passes
    assert cli.ok("export", "report", "--format", "md").startswith("# Statement report\n")


def test_claimreview_has_the_schema_org_structure(cli, db_path):
    seed(cli)
    cli.ok(
        "add",
        "Indian missiles hit targets in Afghanistan.",
        "-s",
        "Zabihullah Mujahid",
        "--source",
        "Dawn",
        "--url",
        "https://dawn.example/2",
        "--said-on",
        "2025-05-09",
        "--no-link",
    )
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE sources SET url = 'https://caliber.example/1' WHERE outlet = 'Caliber.Az'")
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at, reviewed_at)"
            " VALUES (6, 8, 'agrees', 80, '[]', 'confirmed', 'test', 'x', 'y')"  # a person confirmed it
        )
    cli.ok("verdict", "6", "--rating", "unverified")
    cli.ok(
        "verdict",
        "6",
        "--rating",
        "false",
        "--evidence",
        "https://check.example/6",
        "--note",
        "No strike found.",
        "--by",
        "Desk",
    )
    cli.ok("verdict", "1", "--rating", "unverified")
    reviews = json.loads(cli.ok("export", "verdicts", "--format", "claimreview"))
    assert len(reviews) == 2  # the latest verdict of each rated statement; none inherited
    unverified, false = reviews
    today = false["datePublished"]
    assert false == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "Indian missiles struck targets in Afghanistan.",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "Pakistan's military"},
            "appearance": [
                {
                    "@type": "CreativeWork",
                    "url": "https://caliber.example/1",
                    "datePublished": "2025-05-10",
                    "author": {"@type": "Person", "name": "Vafa Guliyeva"},
                    "publisher": {"@type": "Organization", "name": "Caliber.Az"},
                },
                {
                    "@type": "CreativeWork",
                    "url": "https://dawn.example/2",
                    "datePublished": "2025-05-09",
                    "publisher": {"@type": "Organization", "name": "Dawn"},
                },
            ],
            "datePublished": "2025-05-10",
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "datePublished": today,
        "author": {"@type": "Person", "name": "Desk"},
        "url": "https://check.example/6",
        "reviewBody": "No strike found.",
    }
    assert len(today) == 10 and today[4] == "-"
    assert unverified["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Ishaq Dar",
        "jobTitle": "Pakistan's Foreign Minister",
    }
    assert unverified["reviewRating"] == {"@type": "Rating", "alternateName": "Unverified"}
    assert unverified["author"] == {"@type": "Organization", "name": "unknown"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["statements", "--format", "claimreview"], "claimreview exports verdicts only"),
        (["statements", "--format", "xml"], "use one of csv, json, jsonl, md, html, claimreview"),
        (["everything"], "use one of statements, links, contradictions, speakers, verdicts, audit, report"),
    ],
)
def test_bad_export_arguments_are_usage_errors(cli, args, message):
    assert message in cli.fails("export", *args, code=2)


@pytest.mark.parametrize(
    "how", [("-o", "OUT.html"), ("-o", "OUT.htm"), ("-o", "OUT.txt", "--format", "html")]
)
def test_export_report_to_an_html_file_writes_the_report_page(cli, tmp_path, how):
    """`export` picks HTML from -o report.html as it picks CSV from .csv: the same page
    `tracker report --format html` writes, byte for byte."""
    cli.ok("import", str(SEED))
    cli.ok("report", "--format", "html", "-o", str(tmp_path / "report.html"))
    out = tmp_path / how[1].replace("OUT", "export")
    result = cli("export", "report", *(str(out) if a == how[1] else a for a in how))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote the report to {out}.\n")
    assert out.read_bytes() == (tmp_path / "report.html").read_bytes()
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n")


def test_export_report_as_html_to_stdout_is_the_page(cli, tmp_path):
    cli.ok("import", str(SEED))
    cli.ok("report", "--format", "html", "-o", str(tmp_path / "report.html"))
    assert cli.ok("export", "report", "--format", "html") == (tmp_path / "report.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("what", ["statements", "links", "contradictions", "speakers", "verdicts"])
def test_only_the_report_exports_as_html_and_nothing_is_written(cli, tmp_path, what):
    cli.ok("import", str(SEED))
    assert cli.fails("export", what, "-o", str(tmp_path / "out.html"), code=2) == (
        "Error: Invalid value for --format: html exports the report only (see 'tracker export --help')\n"
    )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(("out", ".tracker-"))] == []


def _speakers_of(db):
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT s.id, sp.name, sp.kind, sp.role, s.role FROM statements s"
            " JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id"
        ).fetchall()


def test_a_round_trip_gives_back_named_per_report_and_placeholder_speakers(cli, tmp_path, db_path):
    article = tmp_path / "herald.txt"
    article.write_text(
        "Minister says the crack is small\n\nBy Jonas Weber, Northern Herald\n\n"
        "The crack is only 10 metres long, Water Minister Tomas Brandt said.\n"
        "Repairs will cost 3 million euros, the ministry said in a statement.\n"
        "The army has not been placed on standby, a defence ministry spokesman said.\n"
    )
    cli.ok("extract", str(article), "--no-link")
    cli.ok(
        "import",
        "-",
        "--format",
        "csv",
        "--speaker-missing",
        "unknown",
        "--no-link",
        input="text,speaker,source,said_on\nThe gates were opened.,,Radio Kessel,2026-03-06\n",
    )
    cli.ok(
        "add",
        "The road is closed.",
        "-s",
        "Ministry (Northern Herald)",
        "--source",
        "Radio Kessel",
        "--no-link",
    )
    expected = [
        (1, "Tomas Brandt", "person", "Water Minister", "Water Minister"),
        (2, "Ministry (Northern Herald)", "government", None, None),
        (3, "Defence ministry spokesman (Northern Herald)", "government", None, None),
        (4, "Unknown (Radio Kessel, 2026-03-06)", "unknown", None, None),
        (5, "Ministry (Northern Herald)", "government", None, None),
    ]
    assert _speakers_of(db_path) == expected
    dump, other = tmp_path / "st.json", tmp_path / "rt.db"
    cli.ok("export", "statements", "-o", str(dump))
    cli.ok("import", str(dump), "--no-link", "--db", str(other))
    assert _speakers_of(other) == expected
    with sqlite3.connect(db_path) as a, sqlite3.connect(other) as b:
        listed = "SELECT id, name, kind, role FROM speakers ORDER BY id"
        assert b.execute(listed).fetchall() == a.execute(listed).fetchall()
