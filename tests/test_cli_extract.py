"""`tracker extract` on the seed article and on bad input."""

import json
import sqlite3

import pytest

from conftest import SEED_ARTICLE


def stored(db_path, sql="SELECT count(*) FROM statements"):
    if not db_path.exists():
        return 0
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchone()[0]


def test_extract_stores_the_seed_statements_with_provenance(cli, db_path):
    found = json.loads(cli.ok("extract", str(SEED_ARTICLE), "--date", "2025-05-10", "--json", "--no-link"))
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    assert len(found) == stored(db_path) >= 10
    # what a relative pronoun stands for is put in its place; the offsets are the words it came from
    rebuilt = {
        "blames": (
            "a deadly attack on tourists in Indian-administered Kashmir last month was blamed on Pakistan-based militants",
            "a deadly attack on tourists in Indian-administered Kashmir last month, which New Delhi blames on Pakistan-based militants",
        ),
        "describes": (
            "targeting “terrorist infrastructure”",
            "targeting what it describes as “terrorist infrastructure”",
        ),
    }
    for row in found:
        words = article[row["char_start"] : row["char_end"]]
        assert (row["text"], words) == rebuilt.get(row["cue"], (words, words))
    dar = next(row for row in found if row["text"].startswith("If India stops here"))
    assert (dar["speaker"], dar["kind"], dar["modality"]) == ("Ishaq Dar", "direct", "conditional")
    assert dar["source"] == "Caliber.Az" and dar["author"] == "Vafa Guliyeva"
    denial = next(row for row in found if row["polarity"] == "deny")
    assert denial["speaker"] == "India"
    assert denial["text"] == "denied claims that its missiles had struck targets in Afghanistan"
    shown = cli.json("show", str(denial["id"]))
    assert (shown["source"], shown["reported_on"], shown["cue"]) == ("Caliber.Az", "2025-05-10", "denied")
    assert (shown["char_start"], shown["char_end"]) == (denial["char_start"], denial["char_end"])


def test_short_names_and_roles_resolve_to_one_speaker(cli):
    cli.ok("extract", str(SEED_ARTICLE), "--no-link")
    dar = [s for s in cli.json("speakers", "list") if s["name"] == "Ishaq Dar"]
    assert len(dar) == 1
    assert dar[0]["role"] == "Pakistan’s Foreign Minister"
    assert dar[0]["kind"] == "person"
    assert dar[0]["statements"] >= 3


def test_re_extracting_the_same_article_adds_nothing(cli, db_path):
    cli.ok("extract", str(SEED_ARTICLE), "--no-link")
    before = stored(db_path)
    result = cli("extract", str(SEED_ARTICLE), "--no-link")
    assert result.exit_code == 0
    assert f"Stored 0 new statements ({before} already recorded) from 1 article." in result.stderr
    assert stored(db_path) == before


def test_extract_stopped_after_it_stored_says_how_many_are_stored(cli, db_path, monkeypatch):
    from tracker.cli import render

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "table", interrupted)  # while it shows what it stored
    result = cli("extract", str(SEED_ARTICLE), "--no-link")
    assert result.exit_code == 130
    assert result.stderr.endswith(f"Interrupted: the {stored(db_path)} new statements are stored.\n")
    assert stored(db_path) > 1


def test_dry_run_shows_but_stores_nothing(cli, db_path):
    out = cli.ok("extract", str(SEED_ARTICLE), "--dry-run")
    assert "Ishaq Dar" in out and "denied" in out
    assert stored(db_path) == 0


def test_extract_reads_stdin(cli, db_path):
    found = json.loads(
        cli.ok(
            "extract",
            "-",
            "--json",
            "--no-link",
            "--source",
            "Dawn",
            input='Talks stall\n"We will respond," Defence Minister Khawaja Asif said.\n',
        )
    )
    assert [(r["speaker"], r["role"], r["text"], r["source"], r["title"]) for r in found] == [
        ("Khawaja Asif", "Defence Minister", "We will respond", "Dawn", "Talks stall")
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "Error: article {path}: empty\n"),
        (b"   \n\n", "Error: article {path}: empty\n"),
        (b"\x7fELF\x00\x01", "Error: article {path}: binary data (NUL byte at 4)\n"),
        (b"caf\xe9 said", "Error: article {path}: not valid UTF-8 (byte 3)\n"),
    ],
)
def test_bad_articles_are_one_line_errors_and_store_nothing(cli, db_path, tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert cli.fails("extract", str(SEED_ARTICLE), str(path)) == message.format(path=path)
    assert stored(db_path) == 0


def test_missing_file_and_bad_date_are_errors(cli, db_path):
    assert cli.fails("extract", "nope.txt") == "Error: article nope.txt: no such file\n"
    assert cli.fails("extract", str(SEED_ARTICLE), "--date", "2025-13-01", code=2) == (
        "Error: invalid --date '2025-13-01': no such date (see 'tracker extract --help')\n"
    )
    assert stored(db_path) == 0


def test_the_demo_reports_india_s_denial_against_the_pakistani_claim(cli):
    """What `make demo` does: extract the seed article, import the claim India denied."""
    from conftest import ROOT

    cli.ok("extract", str(SEED_ARTICLE), "--date", "2025-05-10")
    cli.ok("import", str(ROOT / "data" / "seed-claim.jsonl"))
    pairs = cli.json("contradictions")
    assert [(p["a_speaker"], p["b_speaker"]) for p in pairs] == [("India", "Pakistan's military")]
    assert pairs[0]["a_text"] == "denied claims that its missiles had struck targets in Afghanistan"
    assert pairs[0]["b_text"] == "Indian missiles struck targets in Afghanistan."
    assert pairs[0]["reason"].startswith("denial: 'denied'")


ARTICLE = (
    "Dam row deepens\n"
    "By Maria Okafor, Dawn\n"
    "ISLAMABAD (Dawn) — Pakistan's Foreign Office on Monday rejected reports that the Mangla dam"
    " had been breached.\n"
    "Asked about reports that the spillway had failed, spokeswoman Mumtaz Zahra Baloch said:"
    ' "Completely untrue."\n'
    'She said she would "not comment on rumours".\n'
    "He said the dam was safe.\n"
)


def test_extract_stores_said_on_answers_byline_and_dateline(cli, db_path, tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    found = json.loads(cli.ok("extract", str(path), "--date", "2025-05-10", "--json", "--no-link"))
    assert [(r["speaker"], r["text"], r["said_on"], r["answers"]) for r in found[:2]] == [
        (
            "Pakistan's Foreign Office",
            "rejected reports that the Mangla dam had been breached",
            "2025-05-05",
            "the Mangla dam had been breached",
        ),
        ("Mumtaz Zahra Baloch", "Completely untrue.", None, "the spillway had failed"),
    ]
    assert {(r["source"], r["author"], r["title"]) for r in found} == {
        ("Dawn", "Maria Okafor", "Dam row deepens")
    }
    assert stored(db_path, "SELECT said_on FROM statements WHERE id = 1") == "2025-05-05"
    assert stored(db_path, "SELECT answers FROM statements WHERE id = 2") == "the spillway had failed"
    shown = cli.json("show", "2")
    assert (shown["answers"], shown["polarity"], shown["speaker"]) == (
        "the spillway had failed",
        "deny",
        "Mumtaz Zahra Baloch",
    )
    assert "answers      the spillway had failed" in cli.ok("show", "2")


def test_an_unresolved_pronoun_is_stored_under_its_own_marked_speaker(cli, db_path, tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    found = json.loads(cli.ok("extract", str(path), "--json", "--no-link"))
    he = next(r for r in found if r["text"] == "the dam was safe")
    # "He": the only person named is a woman, so the statement is kept and nobody is guessed
    offset = ARTICLE.index("He said")
    assert he["speaker"] == f"unresolved (“He”, {path.name}:{offset})"
    assert he["said_on"] is None  # no --date: a weekday names no day
    other = tmp_path / "other.txt"
    other.write_text("Talks stall\nHe said the talks had stalled again.\n", encoding="utf-8")
    cli.ok("extract", str(other), "--no-link")
    names = stored(db_path, "SELECT group_concat(name, ' | ') FROM speakers WHERE name LIKE 'unresolved%'")
    assert names == f"unresolved (“He”, {path.name}:{offset}) | unresolved (“He”, {other.name}:12)"


def test_a_one_line_article_in_single_quotes_is_extracted_and_stored(cli, db_path, tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(
        "The water ministry dismissed reports that the dam had been breached as 'completely untrue'.\n",
        encoding="utf-8",
    )
    found = json.loads(cli.ok("extract", str(path), "--json", "--no-link"))
    assert [(r["speaker"], r["text"], r["polarity"], r["answers"]) for r in found] == [
        ("The water ministry", "completely untrue", "deny", "the dam had been breached")
    ]
    assert stored(db_path, "SELECT answers FROM statements WHERE id = 1") == "the dam had been breached"


def test_an_unknown_outlet_in_a_dateline_is_the_source_and_she_is_not_a_man(cli, db_path, tmp_path):
    text = (
        "Talks to resume\n"
        "ISLAMABAD (Desk News) — Deputy Prime Minister Ishaq Dar said he would travel to Kabul.\n"
        '"We will not be intimidated," she said.\n'
    )
    path = tmp_path / "talks.txt"
    path.write_text(text, encoding="utf-8")
    found = json.loads(cli.ok("extract", str(path), "--json", "--no-link"))
    offset = text.index("she said")
    assert [(r["speaker"], r["source"]) for r in found] == [
        ("Ishaq Dar", "Desk News"),
        (f"unresolved (“she”, {path.name}:{offset})", "Desk News"),
    ]
    assert stored(db_path, "SELECT count(*) FROM statements") == 2


def test_a_quote_split_around_its_cue_is_stored_as_its_halves_joined(cli, db_path, tmp_path):
    text = 'Bridge to reopen\n"The bridge," the engineer said, "will reopen on Friday."\n'
    path = tmp_path / "bridge.txt"
    path.write_text(text, encoding="utf-8")
    found = json.loads(cli.ok("extract", str(path), "--json", "--no-link"))
    start = text.index("The bridge")
    assert [(r["speaker"], r["text"], r["char_start"], r["char_end"]) for r in found] == [
        ("the engineer", "The bridge will reopen on Friday.", start, len(text) - 2)
    ]
    assert stored(db_path, "SELECT text FROM statements WHERE id = 1") == "The bridge will reopen on Friday."


VELDEN = (
    "Velden plant to close\n"
    "The Energy Minister, Maria Kovač, on Thursday repeated her pledge to phase out coal.\n"
    '"The Velden plant will close by 2027," she said at a press conference, according to the Daily Courier.\n'
    "The plant's operator, Velden Power, said about 300 workers would lose their jobs.\n"
    "The ministry said the Velden coal plant will close by 2027, Northern Herald reports.\n"
)


def test_extract_stores_each_statement_in_the_right_mouth_with_its_chain(cli, db_path):
    cli.ok("extract", "-", "--no-link", input=VELDEN)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT sp.name, s.role, s.text, s.via, s.hedge FROM statements s"
            " JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.char_start"
        ).fetchall()
    assert rows == [
        ("Maria Kovač", None, "The Velden plant will close by 2027", "according to the Daily Courier", None),
        ("Velden Power", "The plant's operator", "about 300 workers would lose their jobs", None, None),
        (
            "Ministry (Northern Herald)",
            None,
            "the Velden coal plant will close by 2027",
            "Northern Herald reports",
            None,
        ),
    ]


def test_dry_run_shows_what_the_api_returns(cli):
    import tracker

    shown = json.loads(cli.ok("extract", "-", "--dry-run", "--json", input=VELDEN))
    assert [row["text"] for row in shown] == [s.content for s in tracker.extract_statements(VELDEN)]


def test_an_organisation_named_beside_its_role_is_stored_as_an_organisation(cli, db_path):
    cli.ok("extract", "-", "--no-link", input=VELDEN)
    with sqlite3.connect(db_path) as conn:
        kinds = dict(conn.execute("SELECT name, kind FROM speakers").fetchall())
    assert kinds == {
        "Maria Kovač": "unknown",
        "Velden Power": "organisation",
        "Ministry (Northern Herald)": "government",
    }


def test_an_outlet_is_stored_as_the_chain_of_what_it_reports_and_an_audience_nowhere(cli, db_path, tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(
        "Harbour deal stalls\n\n"
        "The port authority will delay the harbour expansion by a year, Radio Coastline has learned.\n\n"
        "The mayor, Anna Brandt, said the city would not pay for the dredging, Radio Coastline has learned.\n\n"
        "The dredging contract was cancelled last week, the Northern Herald reports.\n\n"
        "Brandt told reporters that the council had not been consulted.\n"
    )
    cli.ok("extract", str(article), "--source", "Coast Daily", "--no-link")
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT sp.name, s.text, s.via, s.hedge FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
            " ORDER BY s.id"
        ).fetchall()
    assert rows == [
        (
            f"unresolved (no speaker named, {article.name}:21)",
            "The port authority will delay the harbour expansion by a year",
            "Radio Coastline has learned",
            "unnamed source",
        ),
        ("Anna Brandt", "the city would not pay for the dredging", "Radio Coastline has learned", None),
        (
            f"unresolved (no speaker named, {article.name}:214)",
            "The dredging contract was cancelled last week",
            "the Northern Herald reports",
            "unnamed source",
        ),
        ("Anna Brandt", "the council had not been consulted", None, None),
    ]


def test_encoding_reads_an_article_as_import_does(cli, db_path, tmp_path):
    path = tmp_path / "cz.txt"
    path.write_bytes(
        "Minister Lipavský said the ceasefire would hold.\n\nThe café will stay open, Brandt said.\n".encode(
            "cp1250"
        )
    )
    # bad bytes name their line; nothing is stored, from this file or the one before it
    assert cli.fails("extract", str(SEED_ARTICLE), str(path), "--encoding", "utf-8") == (
        f"Error: article {path}: line 1 (byte 16): not valid UTF-8\n"
    )
    assert cli.fails("extract", str(path), "--encoding", "klingon", code=2) == (
        "Error: unknown encoding 'klingon' (see 'tracker extract --help')\n"
    )
    assert stored(db_path) == 0
    cli.ok("extract", str(path), "--encoding", "cp1250", "--no-link")
    assert stored(db_path, "SELECT count(*) FROM statements") == 2
    with sqlite3.connect(db_path) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM statements ORDER BY id")]
    assert texts == ["the ceasefire would hold", "The café will stay open"]


def test_a_direct_denial_is_only_its_quoted_words(cli):
    article = 'Ostria\'s foreign ministry denied the accusation, calling it "a fabrication."\n'
    found = json.loads(cli.ok("extract", "-", "--dry-run", "--json", input=article))
    row = next(r for r in found if r["cue"] == "denied")
    got = (row["speaker"], row["kind"], row["polarity"], row["text"])
    assert got == ("Ostria's foreign ministry", "direct", "deny", "a fabrication")
    assert article[row["char_start"] : row["char_end"]] == "a fabrication"


def test_extract_says_when_an_article_names_no_outlet(cli, db_path, tmp_path):
    named, bare = tmp_path / "named.txt", tmp_path / "bare.txt"
    named.write_text("Storm hits coast\nBy Ana Lee\nHarbour Times\n\nThe mayor said the sea wall held.\n")
    bare.write_text("Storm hits coast\nBy Ana Lee\n\nThe mayor said the sea wall held.\n")
    result = cli("extract", str(named), str(bare), "--db", db_path)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    assert notes == [
        f"Note: {bare} names no outlet, so its statements get no source and its headline and byline"
        " are not kept; give --source OUTLET to record where it was reported."
    ]
    with sqlite3.connect(db_path) as conn:
        sources = conn.execute("SELECT outlet, title, author FROM sources").fetchall()
    assert sources == [("Harbour Times", "Storm hits coast", "Ana Lee")]
    result = cli("extract", str(bare), "--source", "Coast FM", "--dry-run")
    assert [line for line in result.stderr.splitlines() if line.startswith("Note:")] == []


def test_a_reply_takes_its_side_on_the_recorded_claim_it_answers(cli, tmp_path):
    """ "Completely untrue." answers "the spillway had failed": its words are in no statement,
    so the claims that hold them are where it is looked for, and the side is the reply's."""
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli.ok("claim", "add", "The spillway of the Mangla dam had failed")
    cli.ok("extract", str(path))
    shown = cli.json("claim", "show", "1")
    reply = next(s for s in shown["statements"] if s["id"] == 2)
    assert (reply["stance"], reply["status"], reply["reasons"][0]["detail"]) == (
        "denies",
        "suggested",
        "answers 'the spillway had failed'",
    )


def test_a_claim_in_a_spokeswomans_words_names_her(cli, tmp_path):
    """ "She said she would not comment": the role "spokeswoman" shows who "she" can be."""
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli.ok("extract", str(path), "--no-link")
    cli.ok("link")
    texts = sorted(claim["text"] for claim in cli.json("claims"))
    assert texts == [
        'Mumtaz Zahra Baloch would "not comment on rumours"',
        "The Mangla dam had been breached.",
        "The spillway had failed.",
        "the dam was safe",  # "He": nobody the article names can be him
    ]


def test_a_retraction_denies_the_speakers_own_claim_and_is_a_flip(cli, tmp_path):
    """ "Retracted his claim that X" denies X (his claim, named by "his claim", is no cue of
    its own), so it stands against what he said before, as a flip."""
    first, second = tmp_path / "r1.txt", tmp_path / "r2.txt"
    first.write_text(
        "Toll disputed\n\nOpposition leader Kamal Hossain said on Thursday that more than 200 people"
        " had died in the Sunamganj floods.\n",
        encoding="utf-8",
    )
    second.write_text(
        "Hossain backs down\n\nOpposition leader Kamal Hossain on Saturday retracted his claim that more"
        " than 200 people had died in the Sunamganj floods.\n",
        encoding="utf-8",
    )
    cli.ok("extract", str(first), "--source", "Sylhet Post", "--date", "2026-06-19")
    found = json.loads(
        cli.ok("extract", str(second), "--source", "Sylhet Post", "--date", "2026-06-21", "--json")
    )
    assert [(r["speaker"], r["cue"], r["polarity"], r["answers"], r["said_on"]) for r in found] == [
        (
            "Kamal Hossain",
            "retracted",
            "deny",
            "more than 200 people had died in the Sunamganj floods",
            "2026-06-20",
        )
    ]
    flips = cli.json("contradictions", "--flips")
    assert [(p["a_id"], p["b_id"], p["reason"]) for p in flips] == [
        (1, 2, "claim: opposite sides of claim 1: more than 200 people had died in the Sunamganj floods")
    ]
