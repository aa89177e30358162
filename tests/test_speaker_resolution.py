"""Speaker resolution in the database, case by case, as a careful editor would file them:
the exact speaker rows (name, role, kind), which speaker each statement is filed under, and
which statements are flagged as uncertain."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tracker.model import NewStatement
from tracker.store import add_statement, add_statements, list_speakers, open_db


def speakers(db: Any) -> list[tuple[int, str, str | None, str]]:
    return [tuple(row) for row in db.execute("SELECT id, name, role, kind FROM speakers ORDER BY id")]


def filed(db: Any) -> dict[str, int]:
    """Statement text → the id of the speaker it is filed under."""
    return dict(db.execute("SELECT text, speaker_id FROM statements ORDER BY id").fetchall())


def roles(db: Any) -> dict[str, str | None]:
    return dict(db.execute("SELECT text, role FROM statements ORDER BY id").fetchall())


def flagged(db: Any) -> dict[str, tuple[str, list[int]]]:
    """Statement text → (the name it was filed under, the speakers it may be)."""
    rows = db.execute(
        "SELECT s.text, r.mention, r.candidates FROM speaker_reviews r"
        " JOIN statements s ON s.id = r.statement_id ORDER BY s.id"
    ).fetchall()
    return {text: (mention, json.loads(candidates)) for text, mention, candidates in rows}


def same_as(db: Any) -> dict[str, list[str]]:
    return {
        row["name"]: row["possible_duplicates"] for row in list_speakers(db) if row["possible_duplicates"]
    }


def add(db: Any, *pairs: tuple[str, str]) -> None:
    for text, speaker in pairs:
        add_statement(db, NewStatement(text=text, speaker=speaker))


@pytest.fixture
def db(tmp_path: Any) -> Any:
    return open_db(tmp_path / "t.db")


def test_different_numbers_are_different_speakers_and_not_offered_as_one(db):
    add(db, ("a", "Writer 4"), ("b", "Writer 3"), ("c", "Writer 4"))
    assert speakers(db) == [(1, "Writer 4", None, "unknown"), (2, "Writer 3", None, "unknown")]
    assert filed(db) == {"a": 1, "b": 2, "c": 1}
    assert same_as(db) == {}
    assert flagged(db) == {}


def test_a_different_given_name_is_another_speaker_offered_as_a_possible_duplicate(db):
    add(db, ("a", "John Smith"), ("b", "Jon Smith"), ("c", "Jon Smith"))
    assert speakers(db) == [(1, "John Smith", None, "unknown"), (2, "Jon Smith", None, "unknown")]
    assert filed(db) == {"a": 1, "b": 2, "c": 2}
    assert same_as(db) == {"John Smith": ["Jon Smith (id 2)"], "Jon Smith": ["John Smith (id 1)"]}


def test_a_bare_surname_stored_first_is_flagged_when_a_second_full_name_arrives(db):
    add(
        db,
        ("Only camps were hit.", "Singh"),
        ("We struck nine sites.", "Indian Defence Minister Rajnath Singh"),
    )
    # one full Singh: the bare one stays its own speaker, offered as possibly him, not flagged
    assert speakers(db) == [
        (1, "Singh", None, "unknown"),
        (2, "Rajnath Singh", "Indian Defence Minister", "person"),
    ]
    assert filed(db) == {"Only camps were hit.": 1, "We struck nine sites.": 2}
    assert flagged(db) == {}
    assert same_as(db) == {"Singh": ["Rajnath Singh (id 2)"], "Rajnath Singh": ["Singh (id 1)"]}
    add(db, ("The economy will grow.", "Manmohan Singh"), ("Talks are off.", "Singh"))
    assert speakers(db)[2:] == [(3, "Manmohan Singh", None, "unknown")]
    assert filed(db) == {
        "Only camps were hit.": 1,
        "We struck nine sites.": 2,
        "The economy will grow.": 3,
        "Talks are off.": 1,
    }
    assert flagged(db) == {"Only camps were hit.": ("Singh", [2, 3]), "Talks are off.": ("Singh", [2, 3])}


def test_a_surname_resolves_while_one_speaker_has_it_and_is_flagged_not_moved_when_another_arrives(db):
    add(db, ("We struck nine sites.", "Rajnath Singh"), ("Only camps were hit.", "Singh"))
    assert filed(db) == {"We struck nine sites.": 1, "Only camps were hit.": 1}
    assert flagged(db) == {}
    add(db, ("The economy will grow.", "Manmohan Singh"))
    assert filed(db)["Only camps were hit."] == 1  # kept where it was, and said to be uncertain
    assert flagged(db) == {"Only camps were hit.": ("Singh", [1, 2])}
    add(db, ("Talks are off.", "Singh"))  # now ambiguous: filed under a bare Singh, flagged
    assert speakers(db) == [
        (1, "Rajnath Singh", None, "unknown"),
        (2, "Manmohan Singh", None, "unknown"),
        (3, "Singh", None, "unknown"),
    ]
    assert filed(db)["Talks are off."] == 3
    assert flagged(db)["Talks are off."] == ("Singh", [1, 2])


def test_a_full_name_never_lands_on_a_bare_surname_speaker(db):
    add(db, ("a", "Singh"), ("b", "Indian Defence Minister Rajnath Singh"), ("c", "Manmohan Singh"))
    assert filed(db) == {"a": 1, "b": 2, "c": 3}


def test_initials_resolve_to_the_one_speaker_they_fit_until_another_fits_them(db):
    add(db, ("a", "Ishaq Dar"), ("b", "Ahmad Dar"), ("c", "I. Dar"))
    assert filed(db) == {"a": 1, "b": 2, "c": 1}
    assert flagged(db) == {}
    add(db, ("d", "Imran Dar"))
    assert flagged(db) == {"c": ("I. Dar", [1, 3])}


@pytest.mark.parametrize("first, second", [("India", "Air India"), ("Air India", "India")])
def test_an_airline_is_not_its_country(db, first, second):
    add(db, ("a", first), ("b", second))
    kinds = {"India": "government", "Air India": "organisation"}
    assert speakers(db) == [(1, first, None, kinds[first]), (2, second, None, kinds[second])]
    assert filed(db) == {"a": 1, "b": 2}
    assert same_as(db) == {}


def test_organisations_keep_their_whole_name_and_are_never_persons(db):
    add(
        db,
        ("a", "Pakistan"),
        ("b", "State Bank of Pakistan"),
        ("c", "England"),
        ("d", "Bank of England"),
        ("e", "Ministry of External Affairs"),
        ("f", "Ministry of Home Affairs"),
        ("g", "the Ministry of External Affairs"),
    )
    assert speakers(db) == [
        (1, "Pakistan", None, "government"),
        (2, "State Bank of Pakistan", None, "organisation"),
        (3, "England", None, "unknown"),
        (4, "Bank of England", None, "organisation"),
        (5, "Ministry of External Affairs", None, "government"),
        (6, "Ministry of Home Affairs", None, "government"),
    ]
    assert filed(db) == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 5}
    assert roles(db) == dict.fromkeys("abcdefg")


def test_stacked_titles_go_to_the_role_and_the_name_stays_whole(db):
    add(
        db,
        ("a", "Ishaq Dar"),
        ("b", "Deputy PM Ishaq Dar"),
        ("c", "Deputy Prime Minister Ishaq Dar"),
        ("d", "Foreign Minister Ishaq Dar"),
        ("e", "Dar, Ishaq"),
        ("f", "Lt Gen Ahmed Sharif Chaudhry"),
        ("g", "Lt. Gen. Ahmed Sharif Chaudhry"),
        ("h", "Senator Marco Rubio"),
        ("i", "US Secretary of State Marco Rubio"),
    )
    assert speakers(db) == [
        (1, "Ishaq Dar", "Deputy PM", "person"),  # the first role stated fills what "Ishaq Dar" left open
        (2, "Ahmed Sharif Chaudhry", "Lt Gen", "person"),
        (3, "Marco Rubio", "Senator", "person"),
    ]
    assert filed(db) == {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 2, "g": 2, "h": 3, "i": 3}
    assert roles(db) == {
        "a": None,
        "b": "Deputy PM",
        "c": "Deputy Prime Minister",
        "d": "Foreign Minister",
        "e": None,
        "f": "Lt Gen",
        "g": "Lt. Gen.",
        "h": "Senator",
        "i": "US Secretary of State",
    }


def test_an_inverted_name_is_the_same_speaker_whichever_comes_first(db):
    add(db, ("a", "Dar, Ishaq"), ("b", "Ishaq Dar"))
    assert speakers(db) == [(1, "Ishaq Dar", None, "unknown")]
    assert filed(db) == {"a": 1, "b": 1}


def test_the_issue_cases_in_one_import_file_as_they_do_one_by_one(tmp_path):
    rows = [
        ("a", "Writer 4"),
        ("b", "Writer 3"),
        ("c", "John Smith"),
        ("d", "Jon Smith"),
        ("e", "Singh"),
        ("f", "Indian Defence Minister Rajnath Singh"),
        ("g", "Manmohan Singh"),
        ("h", "India"),
        ("i", "Air India"),
        ("j", "Pakistan"),
        ("k", "State Bank of Pakistan"),
        ("l", "Ishaq Dar"),
        ("m", "Deputy PM Ishaq Dar"),
        ("n", "Dar, Ishaq"),
        ("o", "Singh"),
        ("p", "Rubio"),
        ("q", "Marco Rubio"),
    ]
    one_by_one = open_db(tmp_path / "one.db")
    add(one_by_one, *rows)
    bulk = open_db(tmp_path / "bulk.db")
    add_statements(bulk, [NewStatement(text=text, speaker=speaker) for text, speaker in rows])
    for db in (one_by_one, bulk):
        assert speakers(db) == [
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
            (13, "Rubio", None, "unknown"),
            (14, "Marco Rubio", None, "unknown"),
        ]
        assert filed(db) == {
            "a": 1,
            "b": 2,
            "c": 3,
            "d": 4,
            "e": 5,
            "f": 6,
            "g": 7,
            "h": 8,
            "i": 9,
            "j": 10,
            "k": 11,
            "l": 12,
            "m": 12,
            "n": 12,
            "o": 5,
            "p": 13,
            "q": 14,
        }
        assert flagged(db) == {"e": ("Singh", [6, 7]), "o": ("Singh", [6, 7])}


def test_a_statement_stated_with_another_organisation_is_not_filed_under_a_person(db):
    add(db, ("a", "Reuters"), ("b", "Reuters News"), ("c", "Pakistan Air Force"), ("d", "Air Force"))
    assert speakers(db) == [
        (1, "Reuters", None, "media"),
        (2, "Reuters News", None, "media"),
        (3, "Pakistan Air Force", None, "military"),
        (4, "Air Force", None, "military"),
    ]
    assert filed(db) == {"a": 1, "b": 2, "c": 3, "d": 4}


def test_a_different_stated_affiliation_is_another_speaker_and_a_bare_name_between_them_is_flagged(db):
    for text, speaker, affiliation in [
        ("a", "Ahmed Khan", "PTI"),
        ("b", "Ahmed Khan", "PML-N"),
        ("c", "Ahmed Khan", None),
        ("d", "Ahmed Khan", "pti"),
        ("e", "Khan", "PML-N"),
    ]:
        add_statement(db, NewStatement(text=text, speaker=speaker, affiliation=affiliation))
    assert [tuple(r) for r in db.execute("SELECT id, name, affiliation FROM speakers ORDER BY id")] == [
        (1, "Ahmed Khan", "PTI"),
        (2, "Ahmed Khan", "PML-N"),
    ]
    assert filed(db) == {"a": 1, "b": 2, "c": 1, "d": 1, "e": 2}
    assert flagged(db) == {"c": ("Ahmed Khan", [1, 2])}
    assert [(row["id"], row["possible_duplicates"]) for row in list_speakers(db)] == [
        (1, ["Ahmed Khan (id 2)"]),
        (2, ["Ahmed Khan (id 1)"]),
    ]


def test_unnamed_speakers_file_per_report_in_one_import_as_they_do_one_by_one(tmp_path):
    rows = [
        NewStatement(text="a", speaker="Police", source="Dawn", reported_on="2025-05-10"),
        NewStatement(text="b", speaker="police", source="Reuters", reported_on="2025-05-10"),
        NewStatement(text="c", speaker="the police", source="Dawn", reported_on="2025-05-10"),
        NewStatement(text="d", speaker="Police", source="Dawn", reported_on="2025-05-11"),
        NewStatement(text="e", speaker="officials", source="Dawn", reported_on="2025-05-10"),
        NewStatement(text="f", speaker="Punjab Police", source="Dawn", reported_on="2025-05-10"),
        NewStatement(text="g", speaker="Punjab Police", source="Reuters", reported_on="2025-05-10"),
    ]
    one_by_one = open_db(tmp_path / "one.db")
    for row in rows:
        add_statement(one_by_one, row)
    bulk = open_db(tmp_path / "bulk.db")
    add_statements(bulk, rows)
    for db in (one_by_one, bulk):
        assert speakers(db) == [
            (1, "Police (Dawn, 2025-05-10)", None, "government"),
            (2, "Police (Reuters, 2025-05-10)", None, "government"),
            (3, "Police (Dawn, 2025-05-11)", None, "government"),
            (4, "Officials (Dawn, 2025-05-10)", None, "unknown"),
            (5, "Punjab Police", None, "government"),  # named: one force, whoever reports it
        ]
        assert filed(db) == {"a": 1, "b": 2, "c": 1, "d": 3, "e": 4, "f": 5, "g": 5}
        assert flagged(db) == {}
        assert add_statements(db, rows).new_count == 0  # imported again: nothing new
