"""`tracker speakers …` and `tracker sources list`."""

import json
import sqlite3


def add(cli, text, speaker, *extra):
    cli.ok("add", text, "--speaker", speaker, "--no-link", *extra)


def test_speakers_list_shows_counts_and_likely_duplicates(cli):
    add(cli, "One.", "Pakistan's Foreign Minister Ishaq Dar")
    add(cli, "Two.", "Dar")
    add(cli, "Three.", "Ahmad Dar")
    add(cli, "Four.", "Dar")  # now ambiguous: not guessed onto either
    speakers = cli.json("speakers", "list")
    assert [(s["id"], s["name"], s["statements"]) for s in speakers] == [
        (1, "Ishaq Dar", 2),
        (2, "Ahmad Dar", 1),
        (3, "Dar", 1),
    ]
    assert speakers[2]["possible_duplicates"] == ["Ishaq Dar (id 1)", "Ahmad Dar (id 2)"]


def test_ishaq_khan_is_not_ishaq_dar(cli):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Ishaq Khan")
    assert [s["name"] for s in cli.json("speakers", "list")] == ["Ishaq Dar", "Ishaq Khan"]


def test_alias_then_resolves_new_statements(cli, db_path):
    add(cli, "One.", "Ishaq Dar")
    assert cli.ok("speakers", "alias", "Ishaq Dar", "Pakistan FM") == "1\n"
    add(cli, "Two.", "Pakistan FM")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT DISTINCT speaker_id FROM statements").fetchall() == [(1,)]
    assert cli.json("speakers", "show", "1")["aliases"] == ["Pakistan FM"]


def test_alias_owned_by_another_speaker_is_refused(cli):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Marco Rubio")
    assert cli.fails("speakers", "alias", "Rubio", "Ishaq Dar") == (
        "Error: alias 'Ishaq Dar' already names speaker id 1; merge the two instead\n"
    )


def test_merge_moves_statements_and_keeps_the_name_as_alias(cli, db_path):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Ishak Dar")
    assert cli.ok("speakers", "merge", "1", "2") == "1\n"
    speakers = cli.json("speakers", "list")
    assert [(s["name"], s["statements"], s["aliases"]) for s in speakers] == [("Ishaq Dar", 2, ["Ishak Dar"])]
    add(cli, "Three.", "Ishak Dar")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM speakers").fetchone() == (1,)


def test_merge_with_itself_or_unknown_is_an_error(cli):
    add(cli, "One.", "Ishaq Dar")
    assert cli.fails("speakers", "merge", "1", "Dar") == "Error: cannot merge a speaker with itself\n"
    assert cli.fails("speakers", "merge", "1", "99") == "Error: no speaker with id 99\n"
    assert cli.fails("speakers", "show", "Nobody Known") == "Error: no speaker named 'Nobody Known'\n"


def test_rename_keeps_the_old_name_as_alias(cli):
    add(cli, "One.", "Dar")
    assert cli.ok("speakers", "rename", "Dar", "Ishaq Dar") == "1\n"
    shown = cli.json("speakers", "show", "Dar")
    assert shown["name"] == "Ishaq Dar"
    assert shown["aliases"] == ["Dar"]


def test_ambiguous_speaker_name_asks_for_an_id(cli):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Ahmad Dar")
    assert cli.fails("speakers", "show", "Dar") == (
        "Error: speaker 'Dar' is ambiguous: Ishaq Dar (id 1), Ahmad Dar (id 2); use an id\n"
    )


def test_sources_list_counts_statements_per_report(cli):
    add(cli, "One.", "A", "--source", "Caliber.Az", "--url", "https://caliber.az/a")
    add(cli, "Two.", "B", "--source", "Caliber.Az", "--url", "https://caliber.az/a")
    add(cli, "Three.", "C", "--url", "https://www.dawn.com/news/1")
    assert [(s["outlet"], s["statements"]) for s in cli.json("sources", "list")] == [
        ("Caliber.Az", 2),
        ("dawn.com", 1),
    ]


def speaker_rows(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id, name, role, kind, affiliation FROM speakers ORDER BY id").fetchall()


def filed(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id, speaker_id FROM statements ORDER BY id").fetchall()


def aliases(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT speaker_id, alias FROM speaker_aliases ORDER BY speaker_id, alias"
        ).fetchall()


def singhs(cli):
    """Statements 1-2 under a bare Singh, 3 Rajnath Singh, 4 Manmohan Singh: 1-2 uncertain."""
    add(cli, "Only camps were hit.", "Singh")
    add(cli, "The strikes were measured.", "Singh")
    add(cli, "We struck nine sites.", "Indian Defence Minister Rajnath Singh")
    add(cli, "The economy will grow.", "Manmohan Singh")


def test_uncertain_statements_are_listed_and_shown_with_whom_they_may_be(cli):
    singhs(cli)
    listed = cli.json("speakers", "uncertain")
    assert [row.pop("created_at")[:2] for row in listed] == ["20", "20"]
    assert listed == [
        {
            "id": 1,
            "text": "Only camps were hit.",
            "speaker": "Singh",
            "speaker_id": 1,
            "mention": "Singh",
            "may_be": ["Rajnath Singh (id 2)", "Manmohan Singh (id 3)"],
        },
        {
            "id": 2,
            "text": "The strikes were measured.",
            "speaker": "Singh",
            "speaker_id": 1,
            "mention": "Singh",
            "may_be": ["Rajnath Singh (id 2)", "Manmohan Singh (id 3)"],
        },
    ]
    assert cli.json("show", "1")["speaker_uncertain"] == (
        "uncertain: 'Singh' may be Rajnath Singh (id 2) or Manmohan Singh (id 3)"
    )
    assert cli.json("show", "3")["speaker_uncertain"] is None
    assert "speaker check  uncertain: 'Singh' may be Rajnath Singh (id 2) or Manmohan Singh (id 3)" in cli.ok(
        "show", "1"
    )
    shown = cli.json("speakers", "show", "1")
    assert [(r["id"], r["may_be"]) for r in shown["uncertain_statements"]] == [
        (1, ["Rajnath Singh (id 2)", "Manmohan Singh (id 3)"]),
        (2, ["Rajnath Singh (id 2)", "Manmohan Singh (id 3)"]),
    ]
    assert [(s["name"], s["uncertain"]) for s in cli.json("speakers", "list")] == [
        ("Singh", 2),
        ("Rajnath Singh", 0),
        ("Manmohan Singh", 0),
    ]


def test_split_to_another_speaker_moves_only_those_statements_and_settles_them(cli, db_path):
    singhs(cli)
    assert cli.ok("speakers", "split", "1", "--statements", "2", "--to", "Rajnath Singh") == "2\n"
    assert filed(db_path) == [(1, 1), (2, 2), (3, 2), (4, 3)]
    assert [r["id"] for r in cli.json("speakers", "uncertain")] == [1]
    assert cli.json("show", "2")["speaker_uncertain"] is None


def test_split_to_a_new_name_creates_that_speaker(cli, db_path):
    add(cli, "One.", "Writer 4")
    add(cli, "Two.", "Writer 4")
    add(cli, "Three.", "Writer 4")
    result = cli("speakers", "split", "Writer 4", "--statements", "2, 3", "--name", "Writer 3")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2\n",
        "Moved 2 statements to Writer 3 (id 2).\n",
    )
    assert speaker_rows(db_path) == [
        (1, "Writer 4", None, "unknown", None),
        (2, "Writer 3", None, "unknown", None),
    ]
    assert filed(db_path) == [(1, 1), (2, 2), (3, 2)]
    add(cli, "Four.", "Writer 3")
    assert filed(db_path)[-1] == (4, 2)


def test_split_off_a_new_full_name_flags_what_its_surname_now_leaves_uncertain(cli, db_path):
    add(cli, "We struck nine sites.", "Rajnath Singh")
    add(cli, "Only camps were hit.", "Singh")
    add(cli, "The economy will grow.", "Rajnath Singh")
    assert cli.json("speakers", "uncertain") == []
    cli.ok("speakers", "split", "1", "--statements", "3", "--name", "Former Prime Minister Manmohan Singh")
    assert speaker_rows(db_path)[1] == (2, "Manmohan Singh", "Former Prime Minister", "person", None)
    assert [(r["id"], r["may_be"]) for r in cli.json("speakers", "uncertain")] == [
        (2, ["Rajnath Singh (id 1)", "Manmohan Singh (id 2)"])
    ]


def test_a_file_imported_again_after_a_split_adds_nothing(cli, db_path, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "text,speaker\nOnly camps were hit.,Singh\nWe struck nine sites.,Rajnath Singh\n", encoding="utf-8"
    )
    cli.ok("import", str(path), "--no-link")
    cli.ok("speakers", "split", "1", "--statements", "1", "--to", "Rajnath Singh")
    result = cli("import", str(path), "--no-link")
    assert "Imported 0 new statements (2 already recorded)." in result.stderr
    assert filed(db_path) == [(1, 2), (2, 2)]


def test_split_refuses_what_it_cannot_do_and_writes_nothing(cli, db_path):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Marco Rubio")
    before = (speaker_rows(db_path), filed(db_path))
    assert cli.fails("speakers", "split", "Ishaq Dar", "--statements", "2", "--name", "Ahmad Dar") == (
        "Error: statement 2 is not filed under Ishaq Dar (id 1)\n"
    )
    assert cli.fails("speakers", "split", "Ishaq Dar", "--statements", "1", "--name", "Marco Rubio") == (
        "Error: 'Marco Rubio' already names speaker id 2; use --to 2\n"
    )
    assert cli.fails("speakers", "split", "Ishaq Dar", "--statements", "1") == (
        "Error: give either a new name or a speaker to move the statements to\n"
    )
    assert cli.fails("speakers", "split", "Ishaq Dar", "--statements", "1", "--to", "1") == (
        "Error: the statements are already filed under that speaker\n"
    )
    assert cli.fails("speakers", "split", "Ishaq Dar", "--statements", "1,x", "--name", "A B", code=2) == (
        "Error: --statements takes statement ids separated by commas, not '1,x'"
        " (see 'tracker speakers split --help')\n"
    )
    assert cli.fails("speakers", "split", "Ishaq Dar", "--statements", "9", "--name", "A B") == (
        "Error: no statement with id 9\n"
    )
    assert (speaker_rows(db_path), filed(db_path)) == before


def test_unmerge_undoes_a_merge_exactly(cli, db_path):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Pakistan's Foreign Minister Ishak Dar", "--affiliation", "PML-N")
    cli.ok("speakers", "alias", "2", "FM Dar")
    add(cli, "Three.", "Marco Rubio")
    before = (speaker_rows(db_path), aliases(db_path), filed(db_path))
    result = cli("speakers", "merge", "1", "2")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "1\n",
        "Merged into Ishaq Dar (id 1); undo with `tracker speakers unmerge 1`.\n",
    )
    assert speaker_rows(db_path)[0] == (1, "Ishaq Dar", "Pakistan's Foreign Minister", "unknown", "PML-N")
    assert filed(db_path) == [(1, 1), (2, 1), (3, 3)]
    merges = cli.json("speakers", "merges")
    assert [(m["id"], m["kept"], m["absorbed"], m["statements"], m["undone_at"]) for m in merges] == [
        (1, "Ishaq Dar (id 1)", "Ishak Dar (id 2)", 1, None)
    ]
    result = cli("speakers", "unmerge", "1")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2\n",
        "Unmerged: Ishak Dar (id 2) is a speaker again.\n",
    )
    assert (speaker_rows(db_path), aliases(db_path), filed(db_path)) == before
    assert cli.json("speakers", "merges")[0]["undone_at"] is not None
    assert cli.fails("speakers", "unmerge", "1").startswith("Error: merge 1 was already undone on ")
    assert cli.fails("speakers", "unmerge", "7") == "Error: no speaker merge with id 7\n"


def test_unmerge_leaves_statements_moved_since_where_they_are(cli, db_path):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Ishak Dar")
    add(cli, "Three.", "Ishak Dar")
    add(cli, "Four.", "Marco Rubio")
    cli.ok("speakers", "merge", "1", "2")
    cli.ok("speakers", "split", "1", "--statements", "3", "--to", "Marco Rubio")
    cli.ok("speakers", "unmerge", "1")
    assert filed(db_path) == [(1, 1), (2, 2), (3, 3), (4, 3)]


def test_merging_a_bare_surname_settles_its_flags_and_unmerge_restores_them(cli, db_path):
    singhs(cli)
    cli.ok("speakers", "merge", "Rajnath Singh", "1")
    assert cli.json("speakers", "uncertain") == []
    assert filed(db_path) == [(1, 2), (2, 2), (3, 2), (4, 3)]
    cli.ok("speakers", "unmerge", "1")
    assert filed(db_path) == [(1, 1), (2, 1), (3, 2), (4, 3)]
    assert [r["id"] for r in cli.json("speakers", "uncertain")] == [1, 2]


def test_unmerge_gives_a_new_id_when_the_old_one_was_taken(cli, db_path):
    add(cli, "One.", "Ishaq Dar")
    add(cli, "Two.", "Ishak Dar")
    cli.ok("speakers", "merge", "1", "2")
    add(cli, "Three.", "Marco Rubio")  # sqlite hands id 2 out again
    assert cli.ok("speakers", "unmerge", "1") == "3\n"
    assert speaker_rows(db_path) == [
        (1, "Ishaq Dar", None, "unknown", None),
        (2, "Marco Rubio", None, "unknown", None),
        (3, "Ishak Dar", None, "unknown", None),
    ]
    assert filed(db_path) == [(1, 1), (2, 3), (3, 2)]


def test_confirm_keeps_the_statement_and_clears_its_flag(cli, db_path):
    singhs(cli)
    result = cli("speakers", "confirm", "1", "--statements", "1")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "1\n", "Confirmed 1 as Singh (id 1).\n")
    assert [r["id"] for r in cli.json("speakers", "uncertain")] == [2]
    assert filed(db_path) == [(1, 1), (2, 1), (3, 2), (4, 3)]
    add(cli, "Growth will return.", "Dr Manmohan Singh")
    assert [r["id"] for r in cli.json("speakers", "uncertain")] == [2]  # a confirmed one stays settled


def test_a_file_imported_again_after_a_merge_adds_nothing(cli, db_path, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("text,speaker\nTalks are off.,Ishaq Dar\nTalks resume.,Ishak Dar\n", encoding="utf-8")
    cli.ok("import", str(path), "--no-link")
    cli.ok("speakers", "merge", "1", "2")
    result = cli("import", str(path), "--no-link")
    assert "Imported 0 new statements (2 already recorded)." in result.stderr
    assert filed(db_path) == [(1, 1), (2, 1)]


def speakers_table(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id, name, role, kind FROM speakers ORDER BY id").fetchall()


def reviews(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT statement_id, mention, candidates FROM speaker_reviews ORDER BY 1"
        ).fetchall()


def test_every_resolution_case_of_the_issue_files_as_an_editor_would(cli, db_path):
    cases = [
        ("Writer 4", 1),
        ("Writer 3", 2),  # another number: another writer
        ("John Smith", 3),
        ("Jon Smith", 4),  # another given name: another person, only offered as the same
        ("Singh", 5),
        ("Indian Defence Minister Rajnath Singh", 6),  # never filed under the bare Singh
        ("Manmohan Singh", 7),  # a second full Singh: the bare Singh's statements are flagged
        ("India", 8),
        ("Air India", 9),  # an airline, not its country
        ("Pakistan", 10),
        ("State Bank of Pakistan", 11),  # a bank, named whole
        ("Ishaq Dar", 12),
        ("Deputy PM Ishaq Dar", 12),  # stacked titles go to the role
        ("Dar, Ishaq", 12),  # an inverted name
        ("Lt Gen Ahmed Sharif Chaudhry", 13),
        ("Senator Marco Rubio", 14),
        ("Singh", 5),  # ambiguous now: stays under the bare Singh, flagged
    ]
    for number, (speaker, _) in enumerate(cases, start=1):
        add(cli, f"Statement {number}.", speaker)
    assert filed(db_path) == [(number, speaker_id) for number, (_, speaker_id) in enumerate(cases, start=1)]
    assert speakers_table(db_path) == [
        (1, "Writer 4", None, "unknown"),
        (2, "Writer 3", None, "unknown"),
        (3, "John Smith", None, "unknown"),
        (4, "Jon Smith", None, "unknown"),
        (5, "Singh", None, "unknown"),
        (6, "Rajnath Singh", "Indian Defence Minister", "person"),
        (7, "Manmohan Singh", None, "unknown"),
        (8, "India", None, "government"),
        (9, "Air India", None, "organisation"),
        (10, "Pakistan", None, "government"),
        (11, "State Bank of Pakistan", None, "organisation"),
        (12, "Ishaq Dar", "Deputy PM", "person"),
        (13, "Ahmed Sharif Chaudhry", "Lt Gen", "person"),
        (14, "Marco Rubio", "Senator", "person"),
    ]
    assert reviews(db_path) == [(5, "Singh", "[6, 7]"), (17, "Singh", "[6, 7]")]
    same_as = {
        s["name"]: s["possible_duplicates"] for s in cli.json("speakers", "list") if s["possible_duplicates"]
    }
    assert same_as == {
        "John Smith": ["Jon Smith (id 4)"],
        "Jon Smith": ["John Smith (id 3)"],
        "Singh": ["Rajnath Singh (id 6)", "Manmohan Singh (id 7)"],
        "Rajnath Singh": ["Singh (id 5)"],
        "Manmohan Singh": ["Singh (id 5)"],
    }


POLICE_SAID = "Curfew {title}\n\nBy {author}, {outlet}\n\nPolice said the curfew had {verb} lifted.\n"


def article(tmp_path, name, **fields):
    path = tmp_path / name
    path.write_text(POLICE_SAID.format(**fields), encoding="utf-8")
    return str(path)


def test_police_in_two_articles_are_two_speakers_and_never_a_flip(cli, db_path, tmp_path):
    dawn = article(tmp_path, "dawn.txt", title="lifted", author="Maria Okafor", outlet="Dawn", verb="been")
    reuters = article(
        tmp_path, "reuters.txt", title="stays", author="John Doe", outlet="Reuters", verb="not been"
    )
    cli.ok("extract", dawn, "--date", "2025-05-10")
    cli.ok("extract", reuters, "--date", "2025-05-11")
    assert speakers_table(db_path) == [
        (1, "Police (Dawn, 2025-05-10)", None, "government"),
        (2, "Police (Reuters, 2025-05-11)", None, "government"),
    ]
    assert filed(db_path) == [(1, 1), (2, 2)]
    (pair,) = cli.json("contradictions")
    assert (pair["a_id"], pair["b_id"], pair["flip"]) == (1, 2, False)
    assert cli.json("contradictions", "--flips") == []
    assert cli.json("report", "--section", "flips") == {"flips": []}
    table = cli.ok("contradictions")
    assert "#1 Police (Dawn, 2025-05-10): the curfew had been" in table  # its label says where
    assert "#2 Police (Reuters, 2025-05-11): the curfew had not" in table
    # the same article again: the same speaker, nothing new
    cli.ok("extract", dawn, "--date", "2025-05-10")
    assert filed(db_path) == [(1, 1), (2, 2)]
    assert len(speakers_table(db_path)) == 2


def test_police_contradicting_themselves_in_one_article_is_a_flip(cli, db_path):
    add(cli, "The curfew was lifted.", "Police", "--source", "Dawn", "--reported-on", "2025-05-10")
    cli.ok(
        "add",
        "The curfew was not lifted.",
        "--speaker",
        "police",
        "--source",
        "Dawn",
        "--reported-on",
        "2025-05-10",
    )
    assert filed(db_path) == [(1, 1), (2, 1)]
    assert speakers_table(db_path) == [(1, "Police (Dawn, 2025-05-10)", None, "government")]
    (flip,) = cli.json("contradictions", "--flips")
    assert (flip["a_id"], flip["b_id"], flip["flip"], flip["a_speaker"]) == (
        1,
        2,
        True,
        "Police (Dawn, 2025-05-10)",
    )


def test_unnamed_speakers_of_one_outlet_and_day_in_two_reports_stay_apart(cli, db_path):
    for url, text in (
        ("https://dawn.com/1", "The curfew was lifted."),
        ("https://dawn.com/2", "Shops opened."),
    ):
        for _ in range(2):  # the second time, already recorded
            add(cli, text, "officials", "--source", "Dawn", "--url", url, "--reported-on", "2025-05-10")
    add(cli, "The border is closed.", "Officials")
    add(cli, "The border is open.", "a spokesman", "--said-on", "2025-05-12")
    add(cli, "The border will reopen.", "a senior U.S. official", "--source", "Dawn")
    add(cli, "The border will stay shut.", "senior U.S. officials", "--source", "Dawn")
    assert speakers_table(db_path) == [
        (1, "Officials (Dawn, 2025-05-10)", None, "unknown"),
        (2, "Officials (Dawn, 2025-05-10, source 2)", None, "unknown"),
        (3, "Officials (no source)", None, "unknown"),
        (4, "Spokesman (no source, 2025-05-12)", None, "unknown"),
        (5, "Senior U.S. official (Dawn)", None, "unknown"),
        (6, "Senior U.S. officials (Dawn)", None, "unknown"),
    ]
    assert filed(db_path) == [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6)]
    assert [s["possible_duplicates"] for s in cli.json("speakers", "list")] == [[]] * 6
    assert [row["id"] for row in cli.json("list", "--speaker", "officials")] == [1, 2, 3]
    assert cli.fails("speakers", "show", "officials") == (
        "Error: speaker 'officials' is ambiguous: Officials (Dawn, 2025-05-10) (id 1),"
        " Officials (Dawn, 2025-05-10, source 2) (id 2), Officials (no source) (id 3); use an id\n"
    )
    assert cli.json("speakers", "show", "Officials (no source)")["id"] == 3


def test_a_ledger_that_filed_two_sources_police_as_one_speaker_reports_no_flip_between_them(cli, db_path):
    for text, outlet in [
        ("The curfew was lifted.", "Dawn"),
        ("The curfew was not lifted.", "Reuters"),
        ("The curfew was never lifted.", "Dawn"),
    ]:
        cli.ok("add", text, "--speaker", "Police", "--source", outlet)
    with sqlite3.connect(db_path) as conn:  # as a ledger from before speakers were kept per report
        conn.execute("UPDATE speakers SET name = 'Police' WHERE id = 1")
        conn.execute("UPDATE statements SET speaker_id = 1")
    flips = [(f["a_id"], f["b_id"]) for f in cli.json("contradictions", "--flips")]
    assert flips == [(1, 3)]  # one source's police may flip; two sources' never
    pairs = {(p["a_id"], p["b_id"]): p["flip"] for p in cli.json("contradictions")}
    assert pairs[1, 2] is False
    assert pairs[1, 3] is True


def test_honorifics_are_not_part_of_the_name_and_keep_the_gender_they_show(cli, db_path):
    for number, speaker in enumerate(
        [
            "Mr. Sharif",
            "Dr Ayesha Khan",
            "Ms Baloch",
            "Sir Keir Starmer",
            "Mrs. Gandhi",
            "Mr Sharif",
            "Sharif",
        ],
        start=1,
    ):
        add(cli, f"Statement {number}.", speaker)
    assert speakers_table(db_path) == [
        (1, "Sharif", None, "person"),
        (2, "Ayesha Khan", None, "person"),
        (3, "Baloch", None, "person"),
        (4, "Keir Starmer", None, "person"),
        (5, "Gandhi", None, "person"),
    ]
    assert filed(db_path) == [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 1), (7, 1)]
    assert [(s["name"], s["aliases"]) for s in cli.json("speakers", "list")] == [
        ("Sharif", ["Mr. Sharif"]),
        ("Ayesha Khan", ["Dr Ayesha Khan"]),
        ("Baloch", ["Ms Baloch"]),
        ("Keir Starmer", ["Sir Keir Starmer"]),
        ("Gandhi", ["Mrs. Gandhi"]),
    ]
    add(cli, "Statement 8.", "Mr. Gandhi")  # a man: not the Mrs. Gandhi stored
    add(cli, "Statement 9.", "Lady Starmer")  # a woman: not Sir Keir
    add(cli, "Statement 10.", "Mrs Gandhi")
    assert speakers_table(db_path)[5:] == [(6, "Gandhi", None, "person"), (7, "Starmer", None, "person")]
    assert filed(db_path)[7:] == [(8, 6), (9, 7), (10, 5)]
    same_as = {s["id"]: s["possible_duplicates"] for s in cli.json("speakers", "list")}
    # a man and a woman are never offered as one: Mrs. and Mr. Gandhi, Sir Keir and Lady Starmer
    assert [same_as[i] for i in (4, 5, 6, 7)] == [[], [], [], []]


def test_mr_and_a_surname_resolves_only_while_one_speaker_has_it(cli, db_path):
    add(cli, "One.", "Prime Minister Shehbaz Sharif")
    add(cli, "Two.", "Sharif")
    assert filed(db_path) == [(1, 1), (2, 1)]
    assert reviews(db_path) == []
    add(cli, "Three.", "Nawaz Sharif")
    assert filed(db_path) == [(1, 1), (2, 1), (3, 2)]
    assert reviews(db_path) == [(2, "Sharif", "[1, 2]")]


def test_an_honorific_the_stored_name_cannot_confirm_is_filed_and_flagged(cli, db_path):
    """Nothing shows Donald Trump's gender, so "Mrs. Trump" may be him or another Trump: the
    words stay under the one Trump stored, flagged, never silently his (nor "Mr. Trump")."""
    add(cli, "Tariffs will stay.", "Donald Trump")
    add(cli, "Schools must improve.", "Mrs. Trump")
    add(cli, "Tariffs are good.", "Mr. Trump")
    assert filed(db_path) == [(1, 1), (2, 1), (3, 1)]
    assert reviews(db_path) == [(2, "Mrs. Trump", "[1]"), (3, "Mr. Trump", "[1]")]
    assert [(r["id"], r["may_be"]) for r in cli.json("speakers", "uncertain")] == [
        (2, ["Donald Trump (id 1)"]),
        (3, ["Donald Trump (id 1)"]),
    ]
    # a speaker whose honorific shows the gender is not flagged: "Mr. Sharif" named him
    add(cli, "Talks resume.", "Mr. Sharif")
    add(cli, "Talks resume soon.", "Mr. Sharif")
    assert filed(db_path)[3:] == [(4, 2), (5, 2)]
    assert reviews(db_path)[2:] == []


def test_officials_in_a_place_are_never_filed_as_a_person_named_for_the_place(cli):
    """Nobody named: each report's officials stay apart, and nobody is 'Arland'."""
    cli.ok(
        "add",
        "Tariffs will rise.",
        "-s",
        "Officials in Arland",
        "--source",
        "Dawn",
        "--said-on",
        "2025-05-10",
    )
    cli.ok(
        "add",
        "Tariffs will not rise.",
        "-s",
        "Officials in Arland",
        "--source",
        "Geo",
        "--said-on",
        "2025-05-11",
    )
    cli.ok("add", "The tariffs will cost jobs.", "-s", "Police in Karachi", "--no-link")
    speakers = {row["name"]: row["kind"] for row in cli.json("speakers", "list")}
    assert speakers == {
        "Officials in Arland (Dawn, 2025-05-10)": "organisation",
        "Officials in Arland (Geo, 2025-05-11)": "organisation",
        "Police in Karachi": "government",
    }
    assert cli.ok("contradictions", "--flips") == ""


def _audit(db_path):
    import json

    with sqlite3.connect(db_path) as conn:
        return [
            (action, statement_id, json.loads(before), json.loads(after))
            for action, statement_id, before, after in conn.execute(
                "SELECT action, statement_id, before, after FROM audit ORDER BY id"
            )
        ]


def test_rename_and_a_new_alias_are_audited_and_repeating_them_records_nothing(cli, db_path):
    add(cli, "One.", "Dar")
    cli.ok("speakers", "rename", "Dar", "Ishaq Dar")
    cli.ok("speakers", "rename", "1", "Ishaq Dar")  # its name already: no change, no record
    cli.ok("speakers", "alias", "Ishaq Dar", "Pakistan FM")
    cli.ok("speakers", "alias", "Ishaq Dar", "pakistan fm")  # the same key: nothing new
    assert _audit(db_path) == [
        (
            "speaker rename",
            None,
            {"speaker": {"id": 1, "name": "Dar"}},
            {"speaker": {"id": 1, "name": "Ishaq Dar"}},
        ),
        ("speaker alias", None, {"speaker": {"id": 1, "name": "Ishaq Dar"}}, {"alias": "Pakistan FM"}),
    ]
    assert [row["what"] for row in _table(cli)] == [
        "speaker 1 renamed: 'Dar' → 'Ishaq Dar'",
        "'Pakistan FM' now names Ishaq Dar (id 1)",
    ]
    assert [r["action"] for r in cli.json("audit", "--action", "speaker rename")] == ["speaker rename"]


def _table(cli):
    from tracker.cli.corrections import table_rows
    from tracker.store import open_db
    from tracker.store.corrections import list_audit

    return table_rows(list_audit(open_db()))


def test_speakers_uncertain_lists_the_statements_extraction_left_unresolved(cli, tmp_path):
    article = tmp_path / "board.txt"
    article.write_text('Headline here\nThe board met on Monday.\n"It is final," she said.\n')
    cli.ok("extract", str(article), "--date", "2025-06-01")
    rows = cli.json("speakers", "uncertain")
    assert [(r["id"], r["text"], r["mention"], r["may_be"]) for r in rows] == [
        (1, "It is final", "“she”", ["nobody yet: tracker edit 1 --speaker NAME"])
    ]
    cli.ok("edit", "1", "--speaker", "Maria Kovač")
    assert cli.json("speakers", "uncertain") == []


def test_an_alias_a_person_gave_means_its_speaker_as_written(cli, db_path):
    """`speakers alias` is honoured whole: not split into a title and a surname two speakers
    fit, and not kept apart per report like an unnamed description."""
    add(cli, "The order stays.", "Helen Brandt")
    add(cli, "The tank was empty.", "Tomas Brandt")
    cli.ok("speakers", "alias", "Helen Brandt", "Mayor Brandt")
    cli.ok("speakers", "alias", "Tomas Brandt", "the plant boss")
    add(cli, "The order still stays.", "Mayor Brandt")
    add(cli, "There was no leak.", "the plant boss")
    add(cli, "Fine.", "Mayor Smith")  # no alias: a title and a name, as before
    assert filed(db_path) == [(1, 1), (2, 2), (3, 1), (4, 2), (5, 3)]
    assert reviews(db_path) == []
    assert speakers_table(db_path)[2] == (3, "Smith", "Mayor", "person")


def test_a_speaker_whose_only_statement_is_deleted_is_left_out_of_the_list_and_kept(cli, db_path):
    add(cli, "The dam is safe.", "Brnadt Xq")  # a garbled name, corrected by deleting its statement
    add(cli, "The port will reopen.", "Anna Brandt")
    cli.ok("delete", "1", "--yes")
    result = cli("speakers", "list", "--json")
    assert [(s["id"], s["name"], s["statements"]) for s in json.loads(result.stdout)] == [
        (2, "Anna Brandt", 1)
    ]
    assert result.stderr == (
        "Left out 1 speaker with no statement in the ledger (`tracker speakers list --all` lists it).\n"
    )
    everyone = cli.json("speakers", "list", "--all")
    assert [(s["id"], s["name"], s["statements"]) for s in everyone] == [
        (1, "Brnadt Xq", 0),
        (2, "Anna Brandt", 1),
    ]
    with sqlite3.connect(db_path) as conn:  # kept, so that `tracker restore 1` gives it back its words
        assert conn.execute("SELECT id, name FROM speakers ORDER BY id").fetchall() == [
            (1, "Brnadt Xq"),
            (2, "Anna Brandt"),
        ]
    cli.ok("restore", "1", "--no-link")
    result = cli("speakers", "list", "--json")
    assert [s["name"] for s in json.loads(result.stdout)] == ["Brnadt Xq", "Anna Brandt"]
    assert result.stderr == ""


def test_a_speaker_an_edit_left_with_no_statement_is_left_out_too(cli):
    add(cli, "The dam is safe.", "Brnadt Xq")
    cli.ok("edit", "1", "--speaker", "Anna Brandt")
    result = cli("speakers", "list", "--csv")
    assert result.stdout.splitlines()[1:] == ["2,Anna Brandt,unknown,,,,1,0,"]
    assert result.stderr == (
        "Left out 1 speaker with no statement in the ledger (`tracker speakers list --all` lists it).\n"
    )


def test_a_speaker_of_its_outlets_own_name_is_named_once_in_the_ledger_and_in_links(
    cli, db_path, monkeypatch
):
    add(cli, "The bridge collapsed on Monday.", "Daily Observer", "--source", "Daily Observer")
    add(cli, "The bridge did not collapse on Monday.", "the ministry", "--source", "Daily Observer")
    assert speakers_table(db_path) == [
        (1, "Daily Observer", None, "unknown"),
        (2, "Ministry (Daily Observer)", None, "government"),
    ]
    cli.ok("link")
    (link,) = cli.json("links")
    assert (link["a_speaker"], link["a_source"]) == ("Daily Observer", "Daily Observer")
    monkeypatch.setenv("COLUMNS", "250")  # one line a row
    table = cli.ok("links")
    assert "#1 Daily Observer: The bridge collapsed on Monday." in table
    assert "#2 Ministry (Daily Observer): The bridge did not collapse on Monday." in table


def test_the_seed_offers_new_delhi_as_india_for_a_person_to_merge(cli, db_path):
    from conftest import SEED_ARTICLE

    cli.ok("extract", str(SEED_ARTICLE), "--date", "2025-05-10")
    same_as = {
        s["name"]: s["possible_duplicates"] for s in cli.json("speakers", "list") if s["possible_duplicates"]
    }
    ids = {name: i for i, name, _, _ in speakers_table(db_path)}
    assert same_as == {
        "Indian government": [f"New Delhi (id {ids['New Delhi']})"],
        "India": [f"New Delhi (id {ids['New Delhi']})"],
        "New Delhi": [f"Indian government (id {ids['Indian government']})", f"India (id {ids['India']})"],
    }
    assert len(ids) == 8  # offered, not merged: "New Delhi" may be the city
    cli.ok("speakers", "merge", "India", "New Delhi")
    assert [s["possible_duplicates"] for s in cli.json("speakers", "list") if s["name"] == "India"] == [[]]


# --- trial 8: an office with no name, and a merge that leaves twins --------------------------


def test_the_mayor_of_two_outlets_is_two_speakers_and_never_a_flip(cli, db_path, tmp_path):
    dawn, hindu = tmp_path / "dawn.txt", tmp_path / "hindu.txt"
    dawn.write_text("The bridge is safe, the mayor said.\n")
    hindu.write_text("The bridge is not safe, the mayor said.\n")
    cli.ok("extract", str(dawn), "--source", "Dawn")
    cli.ok("extract", str(hindu), "--source", "The Hindu")
    assert speakers_table(db_path) == [
        (1, "Mayor (Dawn)", None, "person"),
        (2, "Mayor (The Hindu)", None, "person"),
    ]
    assert filed(db_path) == [(1, 1), (2, 2)]
    (pair,) = cli.json("contradictions")
    assert (pair["a_id"], pair["b_id"], pair["flip"]) == (1, 2, False)
    assert cli.json("contradictions", "--flips") == []


def test_the_mayor_twice_in_one_report_is_one_speaker_and_a_named_mayor_stays_named(cli, db_path):
    for text in ("The bridge is safe.", "The bridge is not safe."):
        add(cli, text, "the mayor", "--source", "Dawn", "--reported-on", "2025-05-10")
    add(cli, "The road is open.", "Mayor Ines Roth", "--source", "Dawn", "--reported-on", "2025-05-10")
    add(cli, "The road is shut.", "Ines Roth", "--source", "Reuters")
    assert speakers_table(db_path) == [
        (1, "Mayor (Dawn, 2025-05-10)", None, "person"),
        (2, "Ines Roth", "Mayor", "person"),
    ]
    assert filed(db_path) == [(1, 1), (2, 1), (3, 2), (4, 2)]


def test_an_extracted_minister_named_in_the_report_is_that_minister(cli, db_path, tmp_path):
    path = tmp_path / "herald.txt"
    path.write_text(
        "Water Minister Tomas Brandt said the dam was safe. The road is closed, the minister said.\n"
    )
    cli.ok("extract", str(path), "--source", "Herald")
    assert speakers_table(db_path) == [(1, "Tomas Brandt", "Water Minister", "person")]
    assert filed(db_path) == [(1, 1), (2, 1)]


def test_merge_says_which_statements_now_have_the_same_words_and_speaker(cli, db_path):
    add(cli, "The dam is safe.", "Tomas Brandt", "--source", "Dawn")
    add(cli, "The dam is safe.", "T. Brandtt", "--source", "Reuters")
    add(cli, "The road is open.", "T. Brandtt", "--source", "Reuters")
    result = cli("speakers", "merge", "1", "2")
    assert result.exit_code == 0
    assert result.stdout == "1\n"
    assert result.stderr.splitlines() == [
        "Merged into Tomas Brandt (id 1); undo with `tracker speakers unmerge 1`.",
        "Statements #1 and #2 now have the same words and speaker: `tracker delete 2` or keep both.",
    ]
    assert filed(db_path) == [(1, 1), (2, 1), (3, 1)]


def test_merge_of_speakers_with_different_words_says_nothing_more(cli):
    add(cli, "The dam is safe.", "Tomas Brandt")
    add(cli, "The road is open.", "T. Brandtt")
    result = cli("speakers", "merge", "1", "2")
    assert result.stderr.splitlines() == [
        "Merged into Tomas Brandt (id 1); undo with `tracker speakers unmerge 1`."
    ]


def test_the_mayor_of_an_article_that_names_one_mayor_is_that_mayor(cli, db_path, tmp_path):
    path = tmp_path / "dawn.txt"
    path.write_text(
        "The bridge is closed, the mayor said. Mayor Ines Roth later said the town is safe.\n\n"
        "The road is shut, the minister said. Water Minister Tomas Brandt said the dam was fine."
        " Foreign Minister Ana Ruiz said talks went well.\n"
    )
    cli.ok("extract", str(path), "--source", "Dawn", "--no-link")
    assert speakers_table(db_path) == [
        (1, "Ines Roth", "Mayor", "person"),
        (2, "Minister (Dawn)", None, "person"),  # two ministers named: which one is not guessed
        (3, "Tomas Brandt", "Water Minister", "person"),
        (4, "Ana Ruiz", "Foreign Minister", "person"),
    ]
    assert filed(db_path) == [(1, 1), (2, 1), (3, 2), (4, 3), (5, 4)]
