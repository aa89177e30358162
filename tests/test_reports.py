"""`tracker report` and `timeline` on the seed statements plus three more, with links written
directly so that every section is checked row by row, independent of the linker."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
EXTRA = [
    {
        "ref": "x-7",
        "text": "Indian missiles hit targets in Afghanistan.",
        "speaker": "Taliban spokesman Zabihullah Mujahid",
        "source": "Dawn",
        "url": "https://dawn.example/1",
        "said_on": "2025-05-09",
        "reported_on": "2025-05-11",
    },
    {
        "ref": "x-8",
        "text": "We will not stop, whatever India does.",
        "speaker": "Ishaq Dar",
        "source": "Geo News",
        "said_on": "2025-05-12",
        "reported_on": "2025-05-12",
    },
    {
        "ref": "x-9",
        "text": "The ball is now in India's court.",
        "speaker": "the Foreign Office",
        "source": "Geo News",
        "said_on": "2025-05",
        "reported_on": "2025-05-13",
    },
]
# (a, b, relation, status), inserted in this order: link ids 1..6; a person decided those
# confirmed or rejected (they are reviewed)
LINKS = [
    (5, 6, "contradicts", "confirmed"),
    (6, 7, "agrees", "confirmed"),
    (1, 8, "contradicts", "suggested"),  # Dar against Dar: a flip
    (2, 9, "agrees", "suggested"),
    (3, 8, "contradicts", "rejected"),
    (3, 4, "agrees", "rejected"),
]
T = {
    1: "If India stops here, then we will consider to stop here.",
    2: "The ball is in India's court.",
    5: "India's missiles did not strike targets in Afghanistan; the allegations are false and baseless.",
    6: "Indian missiles struck targets in Afghanistan.",
    7: EXTRA[0]["text"],
    8: EXTRA[1]["text"],
    9: EXTRA[2]["text"],
}


@pytest.fixture
def ledger(cli, db_path, tmp_path):
    cli.ok("import", str(SEED), "--no-link")
    extra = tmp_path / "extra.jsonl"
    extra.write_text("\n".join(json.dumps(row) for row in EXTRA) + "\n")
    cli.ok("import", str(extra), "--no-link")
    with sqlite3.connect(db_path) as conn:
        for a, b, relation, status in LINKS:
            conn.execute(
                "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at, reviewed_at)"
                " VALUES (?, ?, ?, 80.0, '[]', ?, 'test', '2025-05-14T00:00:00+00:00', ?)",
                [a, b, relation, status, None if status == "suggested" else "2025-05-15T00:00:00+00:00"],
            )
    cli.ok("verdict", "6", "--rating", "false", "--evidence", "https://check.example/6", "--by", "Desk")
    return db_path


def report(cli, *args):
    data = json.loads(cli.ok("report", "--format", "json", *args))
    for row in data["verdicts"]:
        row.pop("date")  # today
    return data


def test_report_counts_statements_per_speaker_and_outlet(cli, ledger):
    data = report(cli)
    assert data["speakers"] == [
        {"speaker": "Ishaq Dar", "statements": 3},
        {"speaker": "Foreign Office", "statements": 1},
        {"speaker": "India", "statements": 1},
        {"speaker": "Indian military", "statements": 1},
        {"speaker": "Pakistan's military", "statements": 1},
        {"speaker": "US State Department", "statements": 1},
        {"speaker": "Zabihullah Mujahid", "statements": 1},
    ]
    assert data["outlets"] == [
        {"outlet": "Caliber.Az", "statements": 6},
        {"outlet": "Geo News", "statements": 2},
        {"outlet": "Dawn", "statements": 1},
    ]


def test_report_lists_open_then_reviewed_contradictions_never_rejected(cli, ledger):
    assert report(cli)["contradictions"] == [
        {
            "link": 3,
            "claim": None,
            "state": "open",
            "flip": True,
            "a_id": 1,
            "a_speaker": "Ishaq Dar",
            "a_text": T[1],
            "b_id": 8,
            "b_speaker": "Ishaq Dar",
            "b_text": T[8],
            "reason": "similar wording",
            "review": "tracker link confirm 3 (or reject 3)",
        },
        {
            "link": 1,
            "claim": None,
            "state": "reviewed",
            "flip": False,
            "a_id": 5,
            "a_speaker": "India",
            "a_text": T[5],
            "b_id": 6,
            "b_speaker": "Pakistan's military",
            "b_text": T[6],
            "reason": "similar wording",
            "review": None,
        },
    ]


def test_report_finds_the_flip_earlier_statement_first(cli, ledger):
    assert report(cli)["flips"] == [
        {
            "speaker": "Ishaq Dar",
            "link": 3,
            "state": "open",
            "earlier_id": 1,
            "earlier_date": "2025-05-10",
            "earlier_text": T[1],
            "later_id": 8,
            "later_date": "2025-05-12",
            "later_text": T[8],
        },
    ]


def test_report_corroborated_claims_need_two_outlets_and_two_speakers(cli, ledger):
    assert report(cli)["corroborated"] == [
        {
            "statement_id": 2,
            "claim": T[2],
            "statements": 2,
            "appearances": 2,
            "ids": [2, 9],
            "speakers": ["Ishaq Dar (suggested)", "Foreign Office (suggested)"],  # link 4 is suggested
            "outlets": ["Caliber.Az", "Geo News"],
        },
        {
            "statement_id": 6,
            "claim": T[6],
            "statements": 2,
            "appearances": 2,
            "ids": [6, 7],
            "speakers": ["Pakistan's military", "Zabihullah Mujahid"],
            "outlets": ["Caliber.Az", "Dawn"],
        },
    ]


def test_report_disputed_pairs_without_a_claim_show_each_side_once(cli, ledger):
    # no claims here (imported without linking): each side is what its statements say
    assert report(cli)["disputed"] == [
        {
            "claim_id": None,
            "claim": T[1],
            "for": ["Ishaq Dar"],
            "against": ["Ishaq Dar"],
            "for_ids": [1],
            "against_ids": [8],
            "counter_claim": T[8],
            "verdict": None,
            "review": "tracker link confirm 3 (or reject 3)",
        },
        {
            "claim_id": None,
            "claim": T[5],
            "for": ["India"],
            "against": ["Pakistan's military", "Zabihullah Mujahid"],
            "for_ids": [5],
            "against_ids": [6, 7],
            "counter_claim": T[6],
            "verdict": None,
            "review": None,
        },
    ]


def test_report_verdicts_and_unverified_repeated_claims(cli, ledger):
    data = report(cli)
    assert data["verdicts"] == [
        {
            "statement_id": 6,
            "speaker": "Pakistan's military",
            "claim": T[6],
            "rating": "false",
            "by": "Desk",
            "evidence_url": "https://check.example/6",
            "covers": [7],
        },
    ]
    # the 6-7 cluster has a verdict; 2-9 has none
    assert data["unverified"] == [
        {
            "statement_id": 2,
            "claim": T[2],
            "statements": 2,
            "appearances": 2,
            "ids": [2, 9],
            "speakers": ["Ishaq Dar (suggested)", "Foreign Office (suggested)"],  # link 4 is suggested
            "outlets": ["Caliber.Az", "Geo News"],
        },
    ]


def test_a_cluster_rated_only_unverified_is_still_unverified(cli, ledger):
    cli.ok("verdict", "9", "--rating", "unverified")
    assert [r["statement_id"] for r in report(cli)["unverified"]] == [2]
    cli.ok("verdict", "9", "--rating", "true")
    assert report(cli)["unverified"] == []


def test_report_lag_uses_full_dates_only(cli, ledger):
    assert report(cli)["lag"] == [
        {"outlet": "Caliber.Az", "statements": 6, "mean_days": 0.0, "median_days": 0.0, "max_days": 0},
        {"outlet": "Dawn", "statements": 1, "mean_days": 2.0, "median_days": 2.0, "max_days": 2},
        {"outlet": "Geo News", "statements": 1, "mean_days": 0.0, "median_days": 0.0, "max_days": 0},
    ]


def test_report_filters_select_statements_and_the_links_that_touch_them(cli, ledger):
    data = report(cli, "--speaker", "Ishaq Dar")
    assert data["speakers"] == [{"speaker": "Ishaq Dar", "statements": 3}]
    assert [r["link"] for r in data["contradictions"]] == [3]
    assert [r["statement_id"] for r in data["corroborated"]] == [2]
    assert data["verdicts"] == []
    assert [r["outlet"] for r in data["lag"]] == ["Caliber.Az", "Geo News"]
    assert report(cli, "--source", "Dawn")["speakers"] == [{"speaker": "Zabihullah Mujahid", "statements": 1}]


def test_report_markdown_has_a_heading_a_sentence_and_a_table_per_section(cli, ledger):
    md = cli.ok("report", "--format", "md")
    assert md.startswith(
        "# Statement report\n\n9 statements by 7 speakers in 3 outlets; 2 contradictions, "
        "1 flip, 1 verdict.\n\n## Statements per speaker\n\nHow many statements each speaker made.\n\n"
        "| speaker | statements |\n|---|---|\n| Ishaq Dar | 3 |\n"
    )
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Statements per speaker",
        "## Statements per outlet",
        "## Contradictions",
        "## Flips",
        "## Claims",
        "## Corroborated claims",
        "## Disputed claims",
        "## Verdicts",
        "## Unverified claims repeated",
        "## Reporting lag per outlet",
    ]
    assert "| 6 | Pakistan's military | Indian missiles struck targets in Afghanistan. | false | Desk |" in md


def test_report_markdown_says_none_for_an_empty_section(cli, db_path):
    cli.ok("add", "A claim.", "-s", "A", "--no-link")
    md = cli.ok("report", "--format", "md")
    assert "## Flips\n\nSpeakers who contradicted themselves.\n\nNone.\n" in md


def test_report_csv_is_long_form_one_cell_per_line(cli, ledger):
    rows = list(csv.reader(io.StringIO(cli.ok("report", "--format", "csv"))))
    assert rows[:5] == [
        ["section", "row", "field", "value"],
        ["speakers", "1", "speaker", "Ishaq Dar"],
        ["speakers", "1", "statements", "3"],
        ["speakers", "2", "speaker", "Foreign Office"],
        ["speakers", "2", "statements", "1"],
    ]
    assert ["corroborated", "2", "outlets", "Caliber.Az; Dawn"] in rows
    assert ["lag", "2", "mean_days", "2.0"] in rows


def test_report_table_prints_every_non_empty_section(cli, ledger):
    out = cli.ok("report")
    assert out.startswith("9 statements by 7 speakers in 3 outlets")
    for title in (
        "Statements per speaker",
        "Contradictions",
        "Flips",
        "Corroborated claims",
        "Disputed claims",
        "Verdicts",
        "Unverified claims repeated",
        "Reporting lag per outlet",
    ):
        assert title in out


def test_report_rejects_an_unknown_format(cli, ledger):
    assert "use one of table, md, csv, json" in cli.fails("report", "--format", "xml", code=2)


def test_timeline_orders_by_date_and_marks_earlier_links(cli, ledger):
    rows = json.loads(cli.ok("timeline", "--format", "json"))
    assert [(r["id"], r["date"], r["marks"]) for r in rows] == [
        (9, "2025-05", ""),  # a partial date sorts before the full dates inside it
        (7, "2025-05-09", ""),
        (1, "2025-05-10", ""),
        (2, "2025-05-10", "≈ #9"),  # suggested: no person confirmed it
        (3, "2025-05-10", ""),
        (4, "2025-05-10", ""),
        (5, "2025-05-10", ""),
        (6, "2025-05-10", "✗ #5 ✓ #7"),
        (8, "2025-05-12", "✗ #1"),
    ]
    assert (rows[7]["contradicts"], rows[7]["agrees"], rows[7]["agrees_unchecked"]) == ([5], [7], [])
    assert (rows[3]["agrees"], rows[3]["agrees_unchecked"]) == ([9], [9])


def test_timeline_puts_undated_statements_last_and_filters(cli, ledger):
    cli.ok("add", "Undated remark.", "-s", "Ishaq Dar", "--no-link")
    rows = json.loads(cli.ok("timeline", "--format", "json", "--speaker", "Ishaq Dar"))
    assert [(r["id"], r["marks"]) for r in rows] == [(1, ""), (2, "≈ #9"), (8, "✗ #1"), (10, "")]


def test_timeline_markdown_and_csv(cli, ledger):
    md = cli.ok("timeline", "--format", "md", "--tag", "afghanistan")
    assert md.splitlines()[:5] == [
        "# Timeline",
        "",
        "| id | date | speaker | source | text | marks |",
        "|---|---|---|---|---|---|",
        f"| 5 | 2025-05-10 | India | Caliber.Az | {T[5]} |  |",
    ]
    assert md.splitlines()[5] == f"| 6 | 2025-05-10 | Pakistan's military | Caliber.Az | {T[6]} | ✗ #5 ✓ #7 |"
    rows = list(csv.DictReader(io.StringIO(cli.ok("timeline", "--format", "csv"))))
    assert rows[-1]["marks"] == "✗ #1" and rows[-1]["contradicts"] == "1"


def test_report_claims_section_is_the_claims_table_with_both_sides(cli, db_path):
    cli.ok("add", "Pakistan requested the ceasefire on Saturday.", "-s", "Ishaq Dar", "--source", "Dawn")
    cli.ok("add", "Pakistan never requested the ceasefire.", "-s", "Foreign Office", "--source", "Geo News")
    cli.ok(
        "add", "Pakistan requested the ceasefire, officials said.", "-s", "officials", "--source", "Reuters"
    )
    cli.ok("add", "The monsoon flooded Karachi.", "-s", "Weather office")  # a claim of one: not shown
    claims = json.loads(cli.ok("report", "--section", "claims", "--json"))["claims"]
    assert claims == [
        {
            "claim_id": 1,
            "claim": "Pakistan requested the ceasefire on Saturday.",
            "supports": 2,
            "denies": 1,
            "discusses": 0,
            # tracker's guesses, not yet a person's, say so (the founder's side is certain)
            "for": ["Ishaq Dar", "Officials (Reuters) (suggested)"],
            "against": ["Foreign Office (suggested)"],
            "outlets_for": ["Dawn", "Reuters"],
            "outlets_against": ["Geo News"],
            "verdict": None,
        }
    ]
    # a filter that selects one side still shows the claim whole; one that selects none, nothing
    only_dar = json.loads(cli.ok("report", "--section", "claims", "--json", "--speaker", "Ishaq Dar"))
    assert only_dar["claims"] == claims
    weather = json.loads(cli.ok("report", "--section", "claims", "--json", "--speaker", "Weather office"))
    assert weather["claims"] == []
    assert cli.ok("report", "--section", "claims", "--csv").splitlines() == [
        "section,row,field,value",
        "claims,1,claim_id,1",
        "claims,1,claim,Pakistan requested the ceasefire on Saturday.",
        "claims,1,for,Ishaq Dar; Officials (Reuters) (suggested)",
        "claims,1,against,Foreign Office (suggested)",
        "claims,1,discusses,0",
        "claims,1,verdict,",
    ]


def test_statements_on_opposite_sides_of_a_claim_are_marked_in_the_timeline(cli, db_path):
    cli.ok("add", "The dam was safe.", "-s", "Engineer", "--said-on", "2025-01-01", "--no-link")
    cli.ok("add", "Rain fell all week.", "-s", "Farmer", "--said-on", "2025-01-02", "--no-link")
    cli.ok("claim", "add", "The dam was safe")
    cli.ok("claim", "attach", "2", "1", "--stance", "denies")
    rows = cli.json("timeline")
    assert [(r["id"], r["contradicts"], r["marks"]) for r in rows] == [(1, [], ""), (2, [1], "✗ #1")]
    # a person who confirmed that the two agree has the last word: no contradiction, no mark
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at, reviewed_at)"
            " VALUES (1, 2, 'agrees', 80.0, '[]', 'confirmed', 'test', '2025-05-14T00:00:00+00:00',"
            " '2025-05-15T00:00:00+00:00')"
        )
    assert cli.json("contradictions") == []
    rows = cli.json("timeline")
    assert [(r["id"], r["contradicts"], r["agrees"], r["marks"]) for r in rows] == [
        (1, [], [], ""),
        (2, [], [1], "✓ #1"),
    ]


# --- claims in the report ---------------------------------------------------------------------

STRUCK = "Indian missiles struck targets in Afghanistan."
DENIED = "India denied claims that its missiles struck targets in Afghanistan."
NEVER = "India's missiles never struck Afghanistan."
KHOST = "Kabul said the strikes hit Khost province."


@pytest.fixture
def afghanistan(cli):
    """Statement 1 supports claim 1, 2 and 3 deny it (links 1: 1-2, 2: 1-3 contradict, link 3:
    2-3 agrees); 4, linked to nothing, is attached by hand as supporting it."""
    cli.ok("add", STRUCK, "-s", "Pakistan's military", "--source", "Dawn")
    cli.ok("add", DENIED, "-s", "India", "--source", "The Hindu")
    cli.ok("add", NEVER, "-s", "Vikram Misri", "--source", "The Hindu")
    cli.ok("add", KHOST, "-s", "Zabihullah Mujahid", "--source", "Tolo", "--no-link")
    cli.ok("claim", "attach", "4", "1", "--stance", "supports")
    assert [(c["id"], c["text"]) for c in cli.json("claims")] == [(1, STRUCK)]
    return cli


def test_report_disputes_a_claim_once_with_both_sides_and_the_review_still_open(afghanistan, cli):
    cli.ok("link", "reject", "3")  # the two denials no longer agree: two pairs, one dispute
    assert report(cli)["disputed"] == [
        {
            "claim_id": 1,
            "claim": STRUCK,
            "for": ["Pakistan's military", "Zabihullah Mujahid"],  # 4 by hand
            "against": ["India (suggested)", "Vikram Misri (suggested)"],
            "for_ids": [1, 4],
            "against_ids": [2, 3],
            "counter_claim": None,
            "verdict": None,
            "review": "tracker claim review --claim 1",
        }
    ]


def test_report_contradictions_name_the_claim_and_the_command_that_decides_each(afghanistan, cli):
    rows = report(cli)["contradictions"]
    assert [(r["link"], r["claim"], r["a_id"], r["b_id"], r["state"], r["review"]) for r in rows] == [
        (1, None, 1, 2, "open", "tracker link confirm 1 (or reject 1)"),
        (None, 1, 2, 4, "open", "tracker claim review --claim 1"),  # as strong as 1-2: after it
        (2, None, 1, 3, "open", "tracker link confirm 2 (or reject 2)"),
        (None, 1, 3, 4, "open", "tracker claim review --claim 1"),
    ]
    markdown = cli.ok("report", "--format", "md", "--section", "contradictions")
    assert "In *why*, a is the row's first statement and b its second." in markdown
    assert (
        "| link | claim | state | # | speaker | says | # | speaker | says | why | decide with |" in markdown
    )


def test_a_claim_rated_true_is_not_an_unverified_repeated_claim_on_either_side(afghanistan, cli):
    denials = {
        "statement_id": 2,
        "claim": DENIED,
        "statements": 2,
        "appearances": 2,
        "ids": [2, 3],
        "speakers": ["India (suggested)", "Vikram Misri (suggested)"],  # their agreement is suggested
        "outlets": ["The Hindu"],
    }
    assert report(cli)["unverified"] == [denials]
    cli.ok("verdict", "1", "--rating", "true")  # rates claim 1, which 2 and 3 deny
    data = report(cli)
    assert [(c["claim_id"], c["verdict"]) for c in data["claims"]] == [(1, "true")]
    assert data["unverified"] == []
    cli.ok("verdict", "1", "--rating", "unverified")  # only `unverified`: still to check
    assert report(cli)["unverified"] == [denials]


def test_contradictions_say_how_to_decide_the_open_ones(afghanistan, cli):
    result = cli("contradictions")
    assert result.exit_code == 0
    assert result.stderr == (
        "To decide the suggested ones: `tracker review --relation contradicts` (or `tracker link"
        " confirm ID`) for links; `tracker claim review --claim 1` for the sides of claim 1.\n"
    )
    header = next(line for line in result.stdout.splitlines() if "statement a" in line)
    assert header.split() == ["link", "claim", "status", "score", "statement", "a", "statement", "b", "why"]
    assert [(r["id"], r["claim_id"]) for r in cli.json("contradictions")] == [
        (1, None),
        (None, 1),
        (2, None),
        (None, 1),
    ]


def _link(db_path, a: int, b: int, relation: str, status: str = "suggested") -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)"
            " VALUES (?, ?, ?, 70.0, '[]', ?, 'test', '2025-05-14T00:00:00+00:00')",
            [a, b, relation, status],
        )


def test_an_agrees_link_between_statements_of_two_claims_puts_no_speaker_on_the_other(cli, ledger):
    # 2 (Dar) and 9 (Foreign Office) agree by a link; each supports a claim of its own
    cli.ok("claim", "add", "Desk note alpha")  # words no statement shares: sides set by hand
    cli.ok("claim", "add", "Desk note beta")
    cli.ok("claim", "attach", "2", "1", "--stance", "supports")
    cli.ok("claim", "attach", "9", "2", "--stance", "supports")
    assert [r["ids"] for r in report(cli)["corroborated"]] == [[6, 7]]
    # on one claim both, the link makes them one corroborated claim again
    cli.ok("claim", "attach", "9", "1", "--stance", "supports")
    assert [(r["ids"], r["speakers"]) for r in report(cli)["corroborated"]] == [
        ([2, 9], ["Ishaq Dar (suggested)", "Foreign Office (suggested)"]),  # link 4 is suggested
        ([6, 7], ["Pakistan's military", "Zabihullah Mujahid"]),
    ]


def test_a_member_of_a_chain_on_another_claim_only_is_left_out_of_a_corroborated_claim(cli, ledger):
    # 6 and 7 agree on claim 1; 4 (Indian military, Caliber.Az) agrees with 7 but supports claim 2 only
    _link(ledger, 4, 7, "agrees")
    cli.ok("claim", "add", "Desk note alpha")
    cli.ok("claim", "add", "Desk note beta")
    for sid, claim in ((6, "1"), (7, "1"), (4, "2")):
        cli.ok("claim", "attach", str(sid), claim, "--stance", "supports")
    rows = {r["statement_id"]: r for r in report(cli)["corroborated"]}
    assert (rows[6]["ids"], rows[6]["speakers"]) == ([6, 7], ["Pakistan's military", "Zabihullah Mujahid"])


def test_disputed_contradicted_by_is_the_words_of_the_links_other_side_and_each_claim_is_once(cli, ledger):
    # claim 1: 6 supports, 8 denies (a disputed claim); claim 2, a person's words: 5 supports
    cli.ok("claim", "add", "Desk note alpha")
    cli.ok("claim", "add", "Desk note beta")
    cli.ok("claim", "attach", "6", "1", "--stance", "supports")
    cli.ok("claim", "attach", "8", "1", "--stance", "denies")
    cli.ok("claim", "attach", "5", "2", "--stance", "supports")
    rows = report(cli)["disputed"]
    assert [r["claim_id"] for r in rows] == [1, None]
    first = rows[0]
    assert (first["claim"], first["for"], first["against"]) == (
        "Desk note alpha",
        ["Pakistan's military"],
        ["Ishaq Dar", "India"],
    )
    # link 1 (5 – 6, contradicts) is folded into claim 1's row: 5's words, not claim 2's text
    assert (first["against_ids"], first["counter_claim"]) == ([5, 8], T[5])
    assert "Desk note beta" not in json.dumps(rows)


LEGEND = (
    "Marks: ✗ #id contradicts that earlier statement · ✓ #id agrees with it, as a person confirmed · "
    "≈ #id agrees, as only the engine judged · ± #id judged both to agree and to contradict, "
    "no person has settled which (review it) · ↻ a repeat of that statement.\n"
)


def test_a_timeline_row_has_one_mark_per_earlier_statement_and_a_legend(cli, db_path):
    """India's denial (#5) and Pakistan's claim (#6) stand on opposite sides of claim 4; an
    agrees link between them too would mark #6 both ✗ #5 and ≈ #5. One mark says it was judged
    both ways until a person settles it."""
    cli.ok("import", str(SEED))
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM links")
        link = conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status)"
            " VALUES (5, 6, 'agrees', 70, '[]', 'suggested')"
        ).lastrowid
    row = cli.json("timeline")[5]
    assert (row["id"], row["marks"], row["contradicts"], row["agrees"], row["conflicting"]) == (
        6,
        "± #5",
        [],
        [],
        [5],
    )
    result = cli("timeline")
    assert result.exit_code == 0 and result.stderr == LEGEND
    assert result.stdout.splitlines()[-2].rstrip().endswith("± #5")
    cli.ok("link", "confirm", str(link))  # a person's word settles it
    row = cli.json("timeline")[5]
    assert (row["marks"], row["contradicts"], row["agrees"], row["conflicting"]) == ("✓ #5", [], [5], [])
    markdown = cli.ok("timeline", "--format", "md")
    assert markdown.endswith("\n\n" + LEGEND)


def test_bare_replies_corroborate_nothing_and_are_no_second_voice(cli, db_path):
    """Two replies, "Completely untrue.", answer different claims: the engine links their words
    as agreeing, sure of itself, and they made a corroborated claim "Completely untrue."; one
    linked to a speaker repeating themself made that speaker's claim look corroborated."""
    for outlet, asked, who in (
        ("Dawn", "the spillway had failed", "spokeswoman Mumtaz Zahra Baloch"),
        ("Geo", "the Ravi bridge had collapsed", "minister Ahsan Iqbal"),
    ):
        article = f'Row\nBy Ali Khan, {outlet}\nLAHORE ({outlet}) — Asked about reports that {asked}, {who} said: "Completely untrue."\n'
        cli.ok("extract", "-", "--date", "2025-05-10", input=article)
    assert [(s["text"], s["answers"]) for s in cli.json("list")] == [
        ("Completely untrue.", "the spillway had failed"),
        ("Completely untrue.", "the Ravi bridge had collapsed"),
    ]
    assert cli.json("report", "--section", "corroborated") == {"corroborated": []}
    cli.ok(
        "add", "The spillway of the Mangla dam failed on Monday.", "-s", "Water ministry", "--source", "Dawn"
    )
    cli.ok("add", "The Mangla dam spillway failed on Monday.", "-s", "Water ministry", "--source", "Geo")
    with sqlite3.connect(db_path) as conn:  # a reply the engine joined to the ministry's words
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status) VALUES (2, 4, 'agrees', 90, '[]', 'confirmed')"
        )
    assert cli.json("report", "--section", "corroborated") == {"corroborated": []}
    cli.ok(
        "add",
        "The spillway of the Mangla dam failed on Monday, officials said.",
        "-s",
        "WAPDA",
        "--source",
        "The News",
    )
    assert [
        (r["claim"], r["ids"], r["speakers"], r["outlets"])
        for r in cli.json("report", "--section", "corroborated")["corroborated"]
    ] == [
        (
            "The spillway of the Mangla dam failed on Monday.",
            [3, 4, 5],
            ["Water ministry (auto-confirmed)", "WAPDA (auto-confirmed)"],
            ["Dawn", "Geo", "The News"],
        )
    ]
