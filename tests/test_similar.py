"""`similar`: retrieval over statements and their sources' titles, and the query cleaning."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from conftest import OTHER
from tracker import search
from tracker.migrations import migrations
from tracker.store import NewStatement, add_statements, open_db


def test_a_statement_is_found_by_its_source_title(db) -> None:
    # The claim's wording shares nothing with the query; the fact-check's headline does.
    items = [NewStatement(text=t, speaker="Someone") for t in OTHER]
    items.append(
        NewStatement(
            text="A photograph shows a politician's home surrounded by a tall barrier.",
            speaker="unknown",
            source="Snopes",
            url="https://example.org/fc/1",
            title="Did Obama Build a Wall Around His Mansion?",
        )
    )
    ids = [a.id for a in add_statements(db, items)]
    rows = search.similar(db, "Obama built a ten foot wall around his mansion", 3)
    assert rows[0]["id"] == ids[-1]
    assert rows[0]["source"] == "Snopes"
    assert set(rows[0]) == {"id", "ref", "text", "speaker", "source", "score"}


def test_a_source_title_given_later_is_searched_too(db) -> None:
    first = NewStatement(
        text="Barrier photographed at the residence.", speaker="X", source="Desk", url="https://example.org/a"
    )
    (added,) = add_statements(db, [first])
    assert search.similar(db, "mansion wall obama") == []
    add_statements(
        db,
        [
            NewStatement(
                text="Another line from it.",
                speaker="X",
                source="Desk",
                url="https://example.org/a",
                title="Obama mansion wall",
            )
        ],
    )
    assert added.id in [r["id"] for r in search.similar(db, "mansion wall obama")]


def test_the_rarest_shared_word_decides_over_common_ones(db) -> None:
    common = [f"Trump said the president will speak about the border on day {n}." for n in range(12)]
    ids = [
        a.id
        for a in add_statements(
            db,
            [
                NewStatement(text=t, speaker="S")
                for t in [*common, "Kirchmeier published posts about the pipeline protest."]
            ],
        )
    ]
    rows = search.similar(db, "Sheriff Kirchmeier and President Trump speak about the border", 2)
    assert rows[0]["id"] == ids[-1]


def test_query_words_keep_the_poster_but_drop_handle_date_and_links() -> None:
    text = "Wow #AustralianFires pic.twitter.com/abc — Bio Div (@CenterForBioDiv) January 14, 2020"
    assert search.query_words(text) == ["wow", "australian", "fires", "bio", "div"]


def test_query_words_split_glued_hashtags_and_camel_case_handles() -> None:
    text = "Thanks @JoeBiden #elpaso#aoc#StateOfTheUnion"
    assert search.query_words(text) == ["thanks", "joe", "biden", "elpaso", "aoc", "state", "union"]


def test_an_older_database_gets_the_title_index_filled(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m002_sources_fts"])
    old.execute("INSERT INTO sources (outlet, title) VALUES ('Snopes', 'Obama mansion wall')")
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert db.execute("SELECT rowid FROM sources_fts WHERE sources_fts MATCH 'mansion'").fetchall() == [(1,)]


def test_words_common_to_many_statements_do_not_drive_the_search(db, monkeypatch) -> None:
    monkeypatch.setattr(search, "COMMON_CAP", 3)  # "missiles" is in 4 statements: common here
    missiles = [f"Missiles were tested in the {place}." for place in ("desert", "sea", "hills")]
    ids = [
        a.id
        for a in add_statements(
            db,
            [
                NewStatement(text=t, speaker="Someone")
                for t in [*OTHER, *missiles, "Indian missiles struck targets in Afghanistan."]
            ],
        )
    ]
    assert search._counts(db, ["missiles", "afghanistan"]) == {"missiles": 3, "afghanistan": 1}
    rows = search.similar(db, "missiles afghanistan", 3)
    assert rows[0]["id"] == ids[-1]
    # only common words: they are all there is to search with
    assert sorted(r["id"] for r in search.similar(db, "missiles", 10)) == ids[-4:]


def test_an_articles_headline_speaks_for_none_of_its_statements(db) -> None:
    """A news article's headline is every statement's in it, so it lifts none of them: the
    statement that says what is asked comes first, and the others score on their own words."""
    article = {
        "source": "Daily Meghna",
        "url": "https://example.org/floods",
        "title": "Floods kill 43 in Sunamganj",
    }
    items = [
        NewStatement(
            text="At least 43 people have died in flash floods across Sunamganj",
            speaker="Farida Rahman",
            **article,
        ),
        NewStatement(
            text="the army had been deployed to evacuate residents", speaker="Farida Rahman", **article
        ),
        NewStatement(text="Completely untrue", speaker="Board spokesman", **article),
    ]
    ids = [a.id for a in add_statements(db, items)]
    rows = search.similar(db, "how many people died in the Sunamganj floods", 3)
    assert [r["id"] for r in rows] == ids
    assert [r["score"] for r in rows[1:]] == [0.0, 0.0]
