"""Misreadings from the 2026-12-02 trial of `tracker extract` on a new user's own articles:
each form with its exact stored statements, beside a near miss that must not change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import article
from tracker.claim_analysis import analyse
from tracker.extract import extract_statements


def said(text: str) -> list[tuple[object, ...]]:
    return [(s.speaker, s.cue, s.content, s.kind.value, s.hedge) for s in extract_statements(text)]


def stored(db_path: Path) -> list[tuple[object, ...]]:
    """(speaker, its kind, text, kind, hedge, source) of every stored statement, in order."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT sp.name, sp.kind, st.text, st.kind, st.hedge, src.outlet FROM statements st"
            " JOIN speakers sp ON sp.id = st.speaker_id LEFT JOIN sources src ON src.id = st.source_id"
            " ORDER BY st.id"
        ).fetchall()


# --- 1. a blame is the deed and whom it is blamed on -------------------------------------------


def test_a_blame_stores_the_deed_and_whom_it_is_blamed_on(cli, db_path, tmp_path):
    path = article(
        tmp_path,
        "market.txt",
        "Blast in the market\nPolice blamed the attack on militants. "
        "The governor blamed the rebels for the fire at the depot.\n",
    )
    cli.ok("extract", path, "--source", "Valley Times", "--no-link")
    assert stored(db_path) == [
        ("Police (Valley Times)", "government", "the attack was blamed on militants", "indirect", None, "Valley Times"),
        ("Governor (Valley Times)", "person", "the rebels were to blame for the fire at the depot", "indirect", None, "Valley Times"),
    ]  # fmt: skip


def test_a_blame_s_particle_is_the_last_on_and_a_comma_closes_whom_it_names():
    assert said("The governor blamed the attack on the convoy on militants.") == [
        ("The governor", "blamed", "the attack on the convoy was blamed on militants", "indirect", None)
    ]
    assert said("The army, blaming the attack on militants, closed the road.") == [
        ("The army", "blaming", "the attack was blamed on militants", "indirect", None)
    ]


def test_a_blame_with_a_day_after_on_names_nobody_blamed():
    # near miss: "on Monday" is when, so the words stay as they are
    assert said("The mayor blamed the delays on Monday.") == [
        ("The mayor", "blamed", "the delays on Monday", "indirect", None)
    ]


# --- 2. quotation marks in a stored text balance -----------------------------------------------


def test_a_proposition_ending_inside_a_quotation_keeps_its_closing_mark():
    assert analyse("the move was “a provocation.”").proposition == 'the move was "a provocation"'
    assert analyse("“a bomb” had gone off in New York").proposition == '"a bomb" had gone off in new york'
    # near miss: balanced already, as written
    assert analyse("it a “provocation”").proposition == 'it a "provocation"'
    # the text itself leaves a quotation open: the lone mark is dropped, never left open
    assert (
        analyse('the drill was a "dangerous provocation').proposition
        == "the drill was a dangerous provocation"
    )


def test_reported_words_that_open_a_quotation_run_to_its_close():
    text = (
        'He told the club that he wants a foreign policy "focused on core interests -- so important'
        ' -- promoting stability and easing tensions."'
    )
    ((_speaker, cue, content, kind, _hedge),) = said(text)
    assert content == (
        'he wants a foreign policy "focused on core interests -- so important -- promoting stability'
        ' and easing tensions."'
    )
    assert (cue, kind) == ("told", "indirect")


def test_the_stored_proposition_of_a_quoted_ending_is_balanced(cli, db_path, tmp_path):
    path = article(
        tmp_path,
        "drills.txt",
        "Drills near the border\nThe ministry said the move was “a provocation.” "
        "The ministry said the drill was a “routine” exercise.\n",
    )
    cli.ok("extract", path, "--source", "Valley Times", "--no-link")
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT text, proposition FROM statements ORDER BY id").fetchall()
    assert rows == [
        ("the move was “a provocation.”", 'the move was "a provocation"'),
        ("the drill was a “routine” exercise", 'the drill was a "routine" exercise'),
    ]


# --- 3. people of a place speak as a group, never the place ------------------------------------


def test_plural_people_in_a_place_are_an_unnamed_group_never_the_place(cli, db_path, tmp_path):
    path = article(
        tmp_path,
        "audit.txt",
        "Audit finds gaps\nAuditors in Tallinn said the accounts were incomplete. Prosecutors in"
        " Constanta said the contract was void. Officials in Kyiv said the power plant was safe."
        " Inspectors at the port said the cargo was safe.\n",
    )
    cli.ok("extract", path, "--source", "Baltic Wire", "--no-link")
    assert stored(db_path) == [
        ("Auditors in Tallinn (Baltic Wire)", "organisation", "the accounts were incomplete", "indirect", None, "Baltic Wire"),
        ("Prosecutors in Constanta (Baltic Wire)", "organisation", "the contract was void", "indirect", None, "Baltic Wire"),
        ("Officials in Kyiv (Baltic Wire)", "organisation", "the power plant was safe", "indirect", "unnamed source", "Baltic Wire"),
        ("Inspectors at the port (Baltic Wire)", "organisation", "the cargo was safe", "indirect", None, "Baltic Wire"),
    ]  # fmt: skip


def test_a_place_s_own_police_and_one_worker_keep_their_kind(cli, db_path, tmp_path):
    # near misses: "police in Kyiv" are Kyiv's police; one worker is no group
    path = article(
        tmp_path,
        "kyiv.txt",
        "Night in Kyiv\nPolice in Kyiv said the road was closed. A worker at the plant said the alarm rang.\n",
    )
    cli.ok("extract", path, "--source", "Baltic Wire", "--no-link")
    assert stored(db_path) == [
        ("Police in Kyiv", "government", "the road was closed", "indirect", None, "Baltic Wire"),
        ("Worker at the plant (Baltic Wire)", "unknown", "the alarm rang", "indirect", None, "Baltic Wire"),
    ]  # fmt: skip


# --- 4. "the worker" is the one worker named before ---------------------------------------------


def test_the_worker_is_the_one_worker_at_the_plant_named_before(cli, db_path, tmp_path):
    path = article(
        tmp_path,
        "fire.txt",
        "Fire at the plant\nA worker at the plant said the alarm did not sound. The company said the"
        " alarm was tested in May.\nThe worker said smoke filled the hall within minutes.\n",
    )
    cli.ok("extract", path, "--source", "Valley Times", "--no-link")
    assert stored(db_path) == [
        ("Worker at the plant (Valley Times)", "unknown", "the alarm did not sound", "indirect", None, "Valley Times"),
        ("Company (Valley Times)", "organisation", "the alarm was tested in May", "indirect", None, "Valley Times"),
        ("Worker at the plant (Valley Times)", "unknown", "smoke filled the hall within minutes", "indirect", None, "Valley Times"),
    ]  # fmt: skip


def test_the_technician_is_the_one_technician_named_before():
    assert said(
        "A technician at Velmar Shipyards said the crane was faulty. Velmar Shipyards said the crane"
        " was inspected in May. The technician said the inspection had been rushed."
    ) == [
        ("A technician at Velmar Shipyards", "said", "the crane was faulty", "indirect", None),
        ("Velmar Shipyards", "said", "the crane was inspected in May", "indirect", None),
        ("A technician at Velmar Shipyards", "said", "the inspection had been rushed", "indirect", None),
    ]


def test_the_worker_after_two_workers_stays_unresolved_and_says_so(cli, db_path, tmp_path):
    path = article(
        tmp_path,
        "two.txt",
        "Fire at the plant\nA worker at the plant said the alarm did not sound. A worker at the depot"
        " said the trucks were late.\nThe worker said smoke filled the hall within minutes.\n",
    )
    cli.ok("extract", path, "--source", "Valley Times", "--no-link")
    assert stored(db_path) == [
        ("Worker at the plant (Valley Times)", "unknown", "the alarm did not sound", "indirect", None, "Valley Times"),
        ("Worker at the depot (Valley Times)", "unknown", "the trucks were late", "indirect", None, "Valley Times"),
        ("unresolved (“The worker”, two.txt:119)", "unknown", "smoke filled the hall within minutes", "indirect", None, "Valley Times"),
    ]  # fmt: skip


# --- 5. an article stored without a source gets the one given when extracted again -------------

PORT = "Port strike\nThe harbour board said the cranes were idle. Officials said the strike would end on Friday.\n"


def test_extracting_again_with_a_source_gives_the_stored_statements_that_source(cli, db_path, tmp_path):
    path = article(tmp_path, "port.txt", PORT)
    cli.ok("extract", path, "--no-link")
    assert [row[5] for row in stored(db_path)] == [None, None]
    result = cli("extract", path, "--source", "Coast Post", "--no-link")
    assert result.exit_code == 0
    assert "Stored 0 new statements (2 already recorded) from 1 article." in result.stderr
    assert "Filled in the source Coast Post of 2 statements stored without one." in result.stderr
    assert stored(db_path) == [
        ("harbour board", "organisation", "the cranes were idle", "indirect", None, "Coast Post"),
        ("Officials (Coast Post)", "unknown", "the strike would end on Friday", "indirect", "unnamed source", "Coast Post"),
    ]  # fmt: skip
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM appearances").fetchone() == (0,)
        assert conn.execute("SELECT action, note, before, after FROM audit ORDER BY id").fetchall() == [
            ("edit", "extracted again with --source", '{"source": null}', '{"source": "Coast Post"}'),
            ("edit", "extracted again with --source", '{"source": null}', '{"source": "Coast Post"}'),
        ]
    # a third time adds nothing and fills nothing
    again = cli("extract", path, "--source", "Coast Post", "--no-link")
    assert "Stored 0 new statements (2 already recorded) from 1 article." in again.stderr
    assert "Filled in" not in again.stderr


def test_another_article_sharing_a_sentence_leaves_the_sourceless_one_alone(cli, db_path, tmp_path):
    # near miss: only an article every statement of which is stored is the one extracted before
    cli.ok("extract", article(tmp_path, "port.txt", PORT), "--no-link")
    other = PORT.replace("on Friday", "next week")
    result = cli("extract", article(tmp_path, "other.txt", other), "--source", "Coast Post", "--no-link")
    assert "Filled in" not in result.stderr
    assert [(row[2], row[5]) for row in stored(db_path)] == [
        ("the cranes were idle", None),
        ("the strike would end on Friday", None),
        ("the strike would end next week", "Coast Post"),
    ]
