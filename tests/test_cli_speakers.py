"""`tracker speakers …` and `tracker sources list`."""

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
        (1, "Ishaq Dar", 2), (2, "Ahmad Dar", 1), (3, "Dar", 1)]
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
    assert [(s["name"], s["statements"], s["aliases"]) for s in speakers] == [
        ("Ishaq Dar", 2, ["Ishak Dar"])]
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
        ("Caliber.Az", 2), ("dawn.com", 1)]
