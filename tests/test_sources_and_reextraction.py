"""Faults a new user found: sources told apart by article, a URL given as the source, an
article extracted again with a date, nouns read as hedges, rows with no speaker, and speakers
who share a name."""

from __future__ import annotations

import json
import sqlite3

from sqlite_utils import Database

from tracker.migrations import migrations
from tracker.store import open_db

TWO_ARTICLES = (
    "text,speaker,source,title,author\n"
    "The dam will open in May.,Ali Khan,Dawn,Dam to open,Sara Ahmed\n"
    "Prices will fall next year.,Omar Farooq,Dawn,Prices forecast,Bilal Shah\n"
)


def rows(db_path, sql, params=()):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


# --- 1. a source without a URL is one article of its outlet ---------------------------------


def test_two_articles_of_one_outlet_without_urls_are_two_sources(cli, db_path):
    cli.ok("import", "-", "--no-link", input=TWO_ARTICLES)
    assert rows(db_path, "SELECT id, outlet, url, title, author FROM sources ORDER BY id") == [
        (1, "Dawn", None, "Dam to open", "Sara Ahmed"),
        (2, "Dawn", None, "Prices forecast", "Bilal Shah"),
    ]
    listed = cli.json("list")
    assert [(s["speaker"], s["source_id"], s["title"], s["author"]) for s in listed] == [
        ("Ali Khan", 1, "Dam to open", "Sara Ahmed"),
        ("Omar Farooq", 2, "Prices forecast", "Bilal Shah"),
    ]
    assert [(s["id"], s["title"], s["statements"]) for s in cli.json("sources", "list")] == [
        (1, "Dam to open", 1),
        (2, "Prices forecast", 1),
    ]


def test_each_article_is_cited_by_its_own_title_in_exports(cli, db_path):
    cli.ok("import", "-", "--no-link", input=TWO_ARTICLES)
    exported = [json.loads(line) for line in cli.ok("export", "statements", "--format", "jsonl").splitlines()]
    assert [(row["text"], row["title"], row["author"]) for row in exported] == [
        ("The dam will open in May.", "Dam to open", "Sara Ahmed"),
        ("Prices will fall next year.", "Prices forecast", "Bilal Shah"),
    ]


def test_a_row_without_a_title_never_cites_a_titled_article(cli, db_path):
    cli.ok("import", "-", "--no-link", input=TWO_ARTICLES)
    cli.ok("add", "Rents will rise.", "--speaker", "Ali Khan", "--source", "Dawn")
    assert cli.json("show", "3")["title"] is None
    assert rows(db_path, "SELECT id, title FROM sources WHERE id = 3") == [(3, None)]


def test_a_row_of_the_same_article_that_omits_the_author_and_date_is_that_article(cli, db_path):
    cli.ok(
        "import",
        "-",
        "--no-link",
        input="text,speaker,source,title,author,reported_on\n"
        "The dam will open in May.,Ali Khan,Dawn,Dam to open,Sara Ahmed,2025-05-10\n"
        "The dam cost too much.,Omar Farooq,Dawn,Dam to open,,\n",
    )
    assert rows(db_path, "SELECT id, title, author, published FROM sources") == [
        (1, "Dam to open", "Sara Ahmed", "2025-05-10")
    ]
    assert rows(db_path, "SELECT source_id FROM statements ORDER BY id") == [(1,), (1,)]


def test_an_untitled_report_by_another_author_is_another_source(cli, db_path):
    cli.ok(
        "import",
        "-",
        "--no-link",
        input="text,speaker,source,author\nThe dam will open.,Ali Khan,Dawn,Sara Ahmed\n"
        "The dam will close.,Omar Farooq,Dawn,Bilal Shah\n",
    )
    assert rows(db_path, "SELECT id, title, author FROM sources ORDER BY id") == [
        (1, None, "Sara Ahmed"),
        (2, None, "Bilal Shah"),
    ]


def test_importing_two_articles_again_adds_nothing(cli, db_path):
    cli.ok("import", "-", "--no-link", input=TWO_ARTICLES)
    result = cli("import", "-", "--no-link", input=TWO_ARTICLES)
    assert result.stderr == "Imported 0 new statements (2 already recorded).\n"
    assert rows(db_path, "SELECT count(*) FROM sources") == [(2,)]


def test_a_url_names_its_source_whatever_outlet_a_row_gives(cli, db_path):
    url = "https://www.dawn.com/news/1"
    cli.ok("add", "The dam will open.", "--speaker", "Ali Khan", "--url", url)
    cli.ok("add", "The dam will close.", "--speaker", "Ali Khan", "--source", "Dawn", "--url", url)
    assert rows(db_path, "SELECT id, outlet, url FROM sources") == [(1, "dawn.com", url)]


def test_editing_in_a_url_keeps_the_articles_title(cli, db_path):
    cli.ok("import", "-", "--no-link", input=TWO_ARTICLES)
    cli.ok("edit", "2", "--url", "https://www.dawn.com/news/2", "--no-link")
    shown = cli.json("show", "2")
    assert (shown["source"], shown["url"], shown["title"], shown["author"]) == (
        "Dawn",
        "https://www.dawn.com/news/2",
        "Prices forecast",
        "Bilal Shah",
    )


# --- 2. --source URL ----------------------------------------------------------------------


def test_a_url_given_as_the_source_is_kept_without_its_credentials(cli, db_path):
    cli.ok(
        "add",
        "The dam will open.",
        "--speaker",
        "Ali Khan",
        "--source",
        "https://user:pw@www.dawn.com/news/1",
    )
    assert rows(db_path, "SELECT outlet, url FROM sources") == [("dawn.com", "https://www.dawn.com/news/1")]
    assert rows(db_path, "SELECT count(*) FROM sources WHERE outlet LIKE '%pw%' OR url LIKE '%pw%'") == [(0,)]


def test_an_imported_url_as_the_source_is_kept(cli, db_path):
    cli.ok(
        "import",
        "-",
        "--no-link",
        input="text,speaker,source\nThe dam will open.,Ali Khan,https://u:p@dawn.com/news/7?x=1\n",
    )
    assert rows(db_path, "SELECT outlet, url FROM sources") == [("dawn.com", "https://dawn.com/news/7?x=1")]


# --- 3. an article extracted again ----------------------------------------------------------

POLICE = (
    "Bridge closed after storm\n\n"
    "KARACHI (Dawn): Police said the bridge would stay closed until Friday.\n\n"
    'The mayor, Omar Farooq, said: "We will reopen it when it is safe."\n'
)


def test_extracting_again_with_a_date_fills_in_the_missing_date(cli, db_path, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text(POLICE)
    cli.ok("extract", str(article), "--no-link")
    before = rows(db_path, "SELECT id, speaker_id, reported_on FROM statements ORDER BY id")
    assert [r[2] for r in before] == [None, None]
    result = cli("extract", str(article), "--date", "2025-05-10", "--no-link", "--json")
    assert result.exit_code == 0
    assert result.stderr == (
        "Stored 0 new statements (2 already recorded) from 1 article.\n"
        "Filled in the date 2025-05-10 of 2 statements stored without one.\n"
    )
    assert rows(db_path, "SELECT id, speaker_id, reported_on FROM statements ORDER BY id") == [
        (i, speaker, "2025-05-10") for i, speaker, _ in before
    ]
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]
    assert rows(db_path, "SELECT published FROM sources") == [("2025-05-10",)]
    assert rows(db_path, "SELECT name FROM speakers ORDER BY id") == [
        ("Police (Dawn, 2025-05-10)",),
        ("Omar Farooq",),
    ]
    assert rows(db_path, "SELECT action, statement_id, note FROM audit ORDER BY id") == [
        ("edit", 1, "extracted again with --date"),
        ("edit", 2, "extracted again with --date"),
    ]
    again = cli("extract", str(article), "--date", "2025-05-10", "--no-link", "--json")
    assert again.stderr == "Stored 0 new statements (2 already recorded) from 1 article.\n"


def test_extracting_again_with_another_date_keeps_the_stored_one_and_says_so(cli, db_path, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text(POLICE)
    cli.ok("extract", str(article), "--date", "2025-05-10", "--no-link")
    before = rows(db_path, "SELECT * FROM statements")
    result = cli("extract", str(article), "--date", "2025-05-11", "--no-link", "--json")
    assert result.exit_code == 0
    assert result.stderr == (
        "Stored 0 new statements, 2 new appearances (0 already recorded) from 1 article.\n"
        "Note: the article is stored with the date 2025-05-10; 2025-05-11 is recorded as another"
        " appearance (a mistyped date: `tracker delete --appearances-in 2`; a wrong stored one:"
        " `tracker edit ID --reported-on`).\n"
    )
    assert rows(db_path, "SELECT * FROM statements") == before
    assert rows(db_path, "SELECT statement_id, reported_on FROM appearances ORDER BY id") == [
        (1, "2025-05-11"),
        (2, "2025-05-11"),
    ]


def test_an_article_without_an_outlet_extracted_again_is_recognised(cli, db_path, tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text("Storm update\n\nPolice said the bridge would stay closed until Friday.\n")
    cli.ok("extract", str(article), "--no-link")
    result = cli("extract", str(article), "--date", "2025-05-10", "--no-link")
    assert result.stderr.splitlines()[:3] == [
        f"Note: {article} names no outlet, so its statements get no source and its headline and byline"
        " are not kept; give --source OUTLET to record where it was reported.",
        "Stored 0 new statements (1 already recorded) from 1 article.",
        "Filled in the date 2025-05-10 of 1 statement stored without one.",
    ]
    assert rows(
        db_path, "SELECT s.reported_on, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
    ) == [("2025-05-10", "Police (no source, 2025-05-10)")]


def test_another_article_that_shares_a_sentence_is_not_the_one_extracted_before(cli, db_path, tmp_path):
    first, second = tmp_path / "a1.txt", tmp_path / "a2.txt"
    first.write_text(
        "Police said the road was closed.\n\nThe mayor said the bridge would reopen on Friday.\n"
    )
    second.write_text("Police said the road was closed.\n\nResidents said the floods had receded by noon.\n")
    cli.ok("extract", str(first), "--no-link")
    result = cli("extract", str(second), "--date", "2025-06-01", "--no-link")
    assert result.stderr.splitlines() == [
        f"Note: {second} names no outlet, so its statements get no source and its headline and byline"
        " are not kept; give --source OUTLET to record where it was reported.",
        "Stored 2 new statements (0 already recorded) from 1 article.",
    ]
    assert rows(
        db_path,
        "SELECT s.id, s.reported_on, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id",
    ) == [
        (1, None, "Police (no source)"),  # the first article's keeps no date it never had
        (2, None, "Mayor (no source)"),  # an unnamed mayor is kept per report too
        (3, "2025-06-01", "Police (no source, 2025-06-01)"),
        (4, "2025-06-01", "Residents (no source, 2025-06-01)"),
    ]
    assert rows(db_path, "SELECT count(*) FROM audit WHERE note = 'extracted again with --date'") == [(0,)]


def test_an_article_extracted_again_without_its_source_is_the_sourced_one(cli, db_path, tmp_path):
    """No source is not another source: without --source, the article stored from Dawn is
    found in the same words at the same places, and nothing is stored twice under speakers
    labelled "(no source)"."""
    article = tmp_path / "plain.txt"
    article.write_text("Storm update\n\nPolice said the bridge would stay closed until Friday.\n")
    cli.ok("extract", str(article), "--date", "2025-05-10", "--source", "Dawn", "--no-link")
    for extra in (["--date", "2025-05-10"], []):
        result = cli("extract", str(article), *extra, "--no-link")
        assert result.exit_code == 0
        assert result.stderr.splitlines()[:2] == [
            f"Note: {article} names no outlet; it was extracted before from Dawn, and its statements"
            " are that article's.",
            "Stored 0 new statements (1 already recorded) from 1 article.",
        ]
    assert rows(
        db_path,
        "SELECT s.reported_on, sp.name, so.outlet FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
        " JOIN sources so ON so.id = s.source_id",
    ) == [("2025-05-10", "Police (Dawn, 2025-05-10)", "Dawn")]
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]


def test_an_article_in_two_sources_extracted_without_one_is_neither(cli, db_path, tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text("Storm update\n\nPolice said the bridge would stay closed until Friday.\n")
    cli.ok("extract", str(article), "--source", "Dawn", "--no-link")
    cli.ok("extract", str(article), "--source", "Geo", "--no-link")
    result = cli("extract", str(article), "--no-link")
    assert result.stderr.splitlines()[:2] == [
        f"Note: {article} names no outlet, so its statements get no source and its headline and byline"
        " are not kept; give --source OUTLET to record where it was reported.",
        "Stored 1 new statement (0 already recorded) from 1 article.",
    ]


# --- 4. hedges ------------------------------------------------------------------------------


def test_nouns_are_no_hedges(cli, db_path):
    cli.ok(
        "add", "The company would cooperate fully with investigators.", "--speaker", "Ali Khan", "--no-link"
    )
    cli.ok("add", "Sources close to the firm said the deal was off.", "--speaker", "Ali Khan", "--no-link")
    cli.ok("add", "Sources say the deal is off.", "--speaker", "Ali Khan", "--no-link")
    cli.ok("add", "The deal is under investigation.", "--speaker", "Ali Khan", "--no-link")
    assert rows(db_path, "SELECT hedge FROM statements ORDER BY id") == [
        (None,),
        (None,),
        ("sources say",),
        ("investigation",),
    ]


def test_extract_dry_run_shows_the_hedge_add_stores(cli, db_path, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Talks stall\n\nThe spokesman said the talks could collapse next week.\n\n"
        "Ali Khan reportedly said the company would cooperate fully with investigators.\n"
    )
    shown = json.loads(cli.ok("extract", str(article), "--dry-run", "--json"))
    stored = []
    for row in shown:
        number = cli.ok("add", row["text"], "--speaker", "Someone", "--no-link").strip()
        stored.append(cli.json("show", number)["hedge"])
    assert [row["hedge"] for row in shown] == ["could", "reportedly"]
    assert stored == ["could", None]  # "reportedly" is the attribution's, which add is not given
    cli.ok("extract", str(article), "--no-link")
    assert rows(db_path, "SELECT hedge FROM statements WHERE char_start IS NOT NULL ORDER BY id") == [
        ("could",),
        ("reportedly",),
    ]


def test_m013_derives_again_a_hedge_that_was_a_noun(tmp_path):
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m013_sources_by_article"])
    old.execute("INSERT INTO speakers (name, kind) VALUES ('Ali Khan', 'person')")
    for text, hedge, digest in (
        ("The company would cooperate fully with investigators.", "investigators", "h1"),
        ("Sources close to the firm said the deal may be off.", "sources", "h2"),
        ("The company will cooperate.", "sources", "h3"),  # set by a person: not its words
        ("Sources close to the firm said so.", "Sources", "h4"),  # as a person typed it, not as derived
        ("The deal may be off, sources said.", "sources", "h5"),  # the engine wrote its first: "may"
        ("Police told investigators nothing.", "investigators", "h6"),
    ):
        old.execute(
            "INSERT INTO statements (text, speaker_id, kind, polarity, modality, hedge, content_hash)"
            " VALUES (?, 1, 'direct', 'affirm', 'assertion', ?, ?)",
            [text, hedge, digest],
        )
    old.execute("INSERT INTO sources (outlet, title) VALUES ('Dawn', 'A')")
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert db.execute("SELECT hedge FROM statements ORDER BY id").fetchall() == [
        (None,),
        ("may",),
        ("sources",),
        ("Sources",),
        ("sources",),
        (None,),
    ]
    audit = db.execute(
        "SELECT by, action, statement_id, note, before, after FROM audit ORDER BY id"
    ).fetchall()
    note = "upgrade m013: a noun is no hedge; derived again from the words"
    assert audit == [
        ("tracker", "reanalyse", 1, note, '{"hedge": "investigators"}', '{"hedge": null}'),
        ("tracker", "reanalyse", 2, note, '{"hedge": "sources"}', '{"hedge": "may"}'),
        ("tracker", "reanalyse", 6, note, '{"hedge": "investigators"}', '{"hedge": null}'),
    ]
    db.execute("INSERT INTO sources (outlet, title) VALUES ('Dawn', 'B')")  # another article: allowed
    assert db.execute("SELECT title FROM sources ORDER BY id").fetchall() == [("A",), ("B",)]


# --- 5. import rows with no speaker ---------------------------------------------------------


def test_an_import_row_with_no_speaker_is_refused_and_nothing_written(cli, db_path):
    stderr = cli.fails(
        "import", "-", input="text,speaker,source\nThe dam will open.,Ali Khan,Dawn\nNobody knows.,,Dawn\n"
    )
    assert (
        stderr == "Error: row 3: speaker is empty (give it, or --speaker-missing unknown to keep the row)\n"
    )
    assert rows(db_path, "SELECT count(*) FROM statements") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM sources") == [(0,)]


def test_a_file_with_no_speaker_column_says_so(cli, db_path):
    stderr = cli.fails("import", "-", input="text,source\nThe dam will open.,Dawn\n")
    assert stderr == (
        "Error: row 2: no speaker: the file has no 'speaker' column"
        " (give it, or --speaker-missing unknown to keep the row)\n"
    )
    assert rows(db_path, "SELECT count(*) FROM statements") == [(0,)]


def test_speaker_missing_names_whom_to_file_speakerless_rows_under(cli, db_path):
    cli.ok(
        "import",
        "-",
        "--speaker-missing",
        "unknown",
        "--no-link",
        input='[{"text": "Nobody knows.", "speaker": "  "}, {"text": "Maybe so."}]',
    )
    assert rows(
        db_path, "SELECT s.text, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id"
    ) == [
        ("Nobody knows.", "Unknown (no source)"),  # nobody named, kept per report as "officials" are
        ("Maybe so.", "Unknown (no source)"),
    ]


# --- 6. speakers who share a name -----------------------------------------------------------


def two_brandts(cli):
    cli.ok("add", "The bridge will reopen.", "--speaker", "Mayor Brandt", "--source", "Dawn", "--no-link")
    cli.ok("add", "The vote is delayed.", "--speaker", "Anna Brandt", "--source", "Tribune", "--no-link")


def test_a_surname_that_a_placeholder_and_a_fuller_name_share_is_ambiguous_in_edit(cli, db_path):
    two_brandts(cli)
    stderr = cli.fails("edit", "2", "--speaker", "Brandt")
    assert stderr == "Error: 'Brandt' may be Brandt (id 1) or Anna Brandt (id 2): give the speaker's id\n"
    assert rows(db_path, "SELECT speaker_id FROM statements ORDER BY id") == [(1,), (2,)]


def test_a_speaker_filter_that_fits_two_speakers_is_an_error(cli, db_path):
    two_brandts(cli)
    stderr = cli.fails("list", "--speaker", "Brandt")
    assert stderr == "Error: 'Brandt' may be Brandt (id 1) or Anna Brandt (id 2): give the speaker's id\n"
    assert [s["id"] for s in cli.json("list", "--speaker", "2")] == [2]


def test_a_bare_surname_two_speakers_fit_is_stored_and_flagged(cli, db_path):
    two_brandts(cli)
    cli.ok("add", "The vote is in June.", "--speaker", "Brandt", "--source", "Tribune", "--no-link")
    assert rows(db_path, "SELECT statement_id, mention, candidates FROM speaker_reviews") == [
        (3, "Brandt", "[1, 2]")
    ]


def test_tables_tell_apart_speakers_who_share_a_name(cli, db_path):
    cli.ok(
        "add",
        "The bridge will reopen.",
        "--speaker",
        "Brandt",
        "--affiliation",
        "Springfield",
        "--source",
        "Dawn",
        "--no-link",
    )
    cli.ok(
        "add",
        "Taxes will rise.",
        "--speaker",
        "Brandt",
        "--affiliation",
        "Shelbyville",
        "--source",
        "Tribune",
        "--no-link",
    )
    cli.ok("add", "Rates will hold.", "--speaker", "Omar Farooq", "--source", "Dawn", "--no-link")
    listed = cli.ok("list")
    assert "Brandt (id 1)" in listed and "Brandt (id 2)" in listed and "Omar Farooq (id" not in listed
    names = [line.split("   ")[1].strip() for line in cli.ok("speakers", "list").splitlines()[3:6]]
    assert names == ["Brandt (in Dawn)", "Brandt (in Tribune)", "Omar Farooq"]
    assert [s["name"] for s in cli.json("speakers", "list")] == ["Brandt", "Brandt", "Omar Farooq"]


def test_claimreview_cites_the_author_of_the_rated_statements_own_article(cli, db_path):
    cli.ok("import", "-", "--no-link", input=TWO_ARTICLES)
    cli.ok("verdict", "2", "--rating", "false")
    (review,) = json.loads(cli.ok("export", "verdicts", "--format", "claimreview"))
    assert review["itemReviewed"]["appearance"] == [
        {
            "@type": "CreativeWork",
            "author": {"@type": "Person", "name": "Bilal Shah"},
            "publisher": {"@type": "Organization", "name": "Dawn"},
        }
    ]


def test_rows_filed_as_unknown_are_nobody_named_per_report_so_they_make_no_flip(cli, db_path):
    cli.ok(
        "import",
        "-",
        "--speaker-missing",
        "unknown",
        input="text,speaker,source\nThe dam was breached on Monday.,,Dawn\nThe dam was not breached on Monday.,,Times\n",
    )
    assert rows(db_path, "SELECT id, name FROM speakers ORDER BY id") == [
        (1, "Unknown (Dawn)"),
        (2, "Unknown (Times)"),
    ]
    assert [(c["a_speaker"], c["b_speaker"], c["flip"]) for c in cli.json("contradictions", "--json")] == [
        ("Unknown (Dawn)", "Unknown (Times)", False)
    ]
    assert cli.ok("contradictions", "--flips") == ""


# --- trial 8: extracted again without a date after a dated run ------------------------------

HERALD = (
    "Minister says the crack is small\n\nBy Jonas Weber, Northern Herald\n\n"
    "The crack is only 10 metres long, Water Minister Tomas Brandt said.\n"
    "Repairs will cost 3 million euros, the ministry said in a statement.\n"
)
ALL_STATEMENTS = (
    "SELECT s.id, sp.name, s.source_id, s.reported_on FROM statements s"
    " JOIN speakers sp ON sp.id = s.speaker_id ORDER BY s.id"
)


def test_extracting_again_without_a_date_after_a_dated_run_adds_nothing(cli, db_path, tmp_path):
    article = tmp_path / "herald.txt"
    article.write_text(HERALD)
    cli.ok("extract", str(article), "--date", "2026-03-04", "--no-link")
    stored = [
        (1, "Tomas Brandt", 1, "2026-03-04"),
        (2, "Ministry (Northern Herald, 2026-03-04)", 1, "2026-03-04"),
    ]
    assert rows(db_path, ALL_STATEMENTS) == stored
    result = cli("extract", str(article), "--no-link", "--json")
    assert result.exit_code == 0
    assert result.stderr == "Stored 0 new statements (2 already recorded) from 1 article.\n"
    assert [s["id"] for s in json.loads(result.stdout)] == [1, 2]
    assert rows(db_path, ALL_STATEMENTS) == stored
    assert rows(db_path, "SELECT count(*) FROM speakers") == [(2,)]
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM sources") == [(1,)]


def test_extracting_again_without_a_date_after_two_dates_adds_nothing(cli, db_path, tmp_path):
    article = tmp_path / "herald.txt"
    article.write_text(HERALD)
    cli.ok("extract", str(article), "--date", "2026-03-04", "--no-link")
    cli.ok("extract", str(article), "--date", "2026-03-06", "--no-link")
    appearances = "SELECT statement_id, source_id, reported_on FROM appearances ORDER BY id"
    before = rows(db_path, appearances)
    assert before == [(1, 2, "2026-03-06"), (2, 2, "2026-03-06")]
    result = cli("extract", str(article), "--no-link")
    assert result.stderr == "Stored 0 new statements (2 already recorded) from 1 article.\n"
    assert rows(db_path, appearances) == before
    assert rows(db_path, "SELECT id, published FROM sources ORDER BY id") == [
        (1, "2026-03-04"),
        (2, "2026-03-06"),
    ]
    assert rows(db_path, "SELECT count(*) FROM statements") == [(2,)]


def test_an_undated_article_extracted_again_undated_after_being_dated_adds_nothing(cli, db_path, tmp_path):
    article = tmp_path / "herald.txt"
    article.write_text(HERALD)
    cli.ok("extract", str(article), "--no-link")
    cli.ok("extract", str(article), "--date", "2026-03-10", "--no-link")
    stored = rows(db_path, ALL_STATEMENTS)
    assert stored == [
        (1, "Tomas Brandt", 1, "2026-03-10"),
        (2, "Ministry (Northern Herald, 2026-03-10)", 1, "2026-03-10"),
    ]
    result = cli("extract", str(article), "--no-link")
    assert result.stderr == "Stored 0 new statements (2 already recorded) from 1 article.\n"
    assert rows(db_path, ALL_STATEMENTS) == stored
    assert rows(db_path, "SELECT count(*) FROM appearances") == [(0,)]


def test_a_dated_article_with_a_statement_deleted_extracted_again_without_a_date_adds_nothing(
    cli, db_path, tmp_path
):
    article = tmp_path / "herald.txt"
    article.write_text(HERALD)
    cli.ok("extract", str(article), "--date", "2026-03-04", "--no-link")
    cli.ok("delete", "1", "--yes")
    result = cli("extract", str(article), "--no-link")
    assert result.stderr == (
        "Stored 0 new statements (1 already recorded, 1 corrected or deleted by hand) from 1 article.\n"
    )
    assert rows(db_path, ALL_STATEMENTS) == [(2, "Ministry (Northern Herald, 2026-03-04)", 1, "2026-03-04")]
    assert rows(db_path, "SELECT count(*) FROM speakers") == [(2,)]
    assert rows(db_path, "SELECT count(*) FROM sources") == [(1,)]
