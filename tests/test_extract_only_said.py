"""Extraction stores only what was said: a blame ends where the reporter's next clause begins,
a denial of "the accusation" answers the accusation before it and founds no claim of its own,
and a relative pronoun stands for the phrase it replaces."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tracker.extract import extract_statements
from tracker.model import Kind, Polarity


def said(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(s.speaker, s.cue, s.content) for s in extract_statements(text)]


# --- a blame ends where a coordinated clause with its own subject begins ---------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Farmers in Puno blamed the mining consortium, but officials in Oruro were more cautious.", "the mining consortium"),
        ("The energy ministry accused the contractor of delaying the pipeline; the contractor said nothing.", "the contractor of delaying the pipeline"),
        ("The nurses' union praised the pay deal, whereas the hospital trusts stayed silent.", "the pay deal"),
    ],
)  # fmt: skip
def test_a_blame_ends_where_a_clause_with_its_own_subject_begins(text, content):
    (found,) = extract_statements(text)
    assert found.content == content
    assert text[found.content_span[0] : found.content_span[1]] == content


def test_a_blame_on_someone_ends_at_a_clause_with_its_own_subject_and_says_who_is_blamed():
    # the words are the deed and whom it is blamed on (tests/test_extract_trial11.py)
    text = "The mayor of Ghent blamed the flooding on blocked drains, while residents pointed to the new ring road."
    (found,) = extract_statements(text)
    assert found.content == "the flooding was blamed on blocked drains"
    assert text[found.content_span[0] : found.content_span[1]] == "the flooding on blocked drains"


def test_a_coordinated_object_with_no_subject_of_its_own_stays_in_the_blame():
    text = "The union condemned the cuts, the closures and the layoffs, but not the wage freeze."
    assert said(text) == [
        ("The union", "condemned", "the cuts, the closures and the layoffs, but not the wage freeze")
    ]


def test_a_clause_after_but_stays_in_what_was_said():
    # a said-cue reports a clause, which may go on after "but": only a noun-phrase object ends there
    text = "The harbour master said the pier was safe, but the ferries would stay in port."
    assert said(text) == [
        ("The harbour master", "said", "the pier was safe, but the ferries would stay in port")
    ]
    text = (
        "The Kenyan electoral board announced it will hire 900 clerks, and it will count every ballot twice."
    )
    assert said(text) == [
        (
            "The Kenyan electoral board",
            "announced",
            "it will hire 900 clerks, and it will count every ballot twice",
        )
    ]


# --- a denial that names no claim ------------------------------------------------------------


def test_a_denial_of_the_accusation_answers_the_accusation_reported_before_it():
    text = (
        "Prosecutors in Valdora said the harbour authority had falsified its safety logs.\n\n"
        "The harbour authority denied the accusation on Tuesday.\n"
    )
    first, denial = extract_statements(text)
    assert (denial.speaker, denial.content, denial.polarity) == (
        "The harbour authority",
        "the accusation",
        Polarity.DENY,
    )
    assert denial.answers == first.content == "the harbour authority had falsified its safety logs"


def test_a_denial_rating_the_accusation_answers_the_accusation_reported_before_it():
    text = (
        "Auditors in Tallinn said the port authority had hidden its losses.\n\n"
        "The port authority denied the accusation, calling it “a fabrication”.\n"
    )
    first, denial = extract_statements(text)
    assert (denial.content, denial.kind, denial.polarity) == ("a fabrication", Kind.DIRECT, Polarity.DENY)
    assert denial.answers == first.content == "the port authority had hidden its losses"


def test_a_denial_of_the_reports_answers_no_statement_of_the_deniers_own():
    text = "Police in Lagos said the gang had set the fire. Police later rejected the reports."
    assert [(s.cue, s.answers) for s in extract_statements(text)] == [("said", None), ("rejected", None)]


def test_a_denial_of_the_accusation_with_nothing_before_it_answers_nothing():
    (found,) = extract_statements("The Mekong Fisheries Board denied the accusation.")
    assert (found.content, found.polarity, found.answers) == ("the accusation", Polarity.DENY, None)


def test_a_denial_naming_a_claim_still_answers_it():
    (found,) = extract_statements("The rail operator denied claims that the brakes had failed.")
    assert (found.content, found.answers) == ("the brakes had failed", "the brakes had failed")


ARTICLE = """Tarsen port strike enters second week

Prosecutors in Valdora said the harbour authority had falsified its safety logs.

The harbour authority denied the accusation on Tuesday.

Separately, the Tarsen Dockers' Union denied any involvement in the sabotage of the cranes.

The shipping ministry rejected the reports.

The port's insurer denied claims that the cranes had been uninsured.
"""


def _stored(db_path: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT text, polarity, answers FROM statements ORDER BY id").fetchall()


def test_extract_stores_denials_with_their_words_and_founds_only_named_claims(cli, db_path, tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    cli.ok("extract", str(path), "--date", "2025-03-14")
    assert _stored(db_path) == [
        ("the harbour authority had falsified its safety logs", "affirm", None),
        ("denied the accusation", "deny", "the harbour authority had falsified its safety logs"),
        ("denied any involvement in the sabotage of the cranes", "deny", None),
        ("rejected the reports", "deny", None),
        ("denied claims that the cranes had been uninsured", "deny", "the cranes had been uninsured"),
    ]
    claims = {c["text"]: (c["supports_speakers"], c["denies_speakers"]) for c in cli.json("claims")}
    assert claims == {
        "the harbour authority had falsified its safety logs": (
            ["Prosecutors in Valdora (no source, 2025-03-14)"],
            ["harbour authority"],
        ),
        "The cranes had been uninsured.": ([], ["port's insurer"]),
    }


# --- a relative pronoun stands for its antecedent --------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "span"),
    [
        ("The floods, which the council blames on poor drainage, closed roads in Leeds.", "The floods were blamed on poor drainage", "The floods, which the council blames on poor drainage"),
        ("The crisis, which the opposition blames on the central bank, deepened in Ankara.", "The crisis was blamed on the central bank", "The crisis, which the opposition blames on the central bank"),
        ("Troops searched for the rebels, whom the army blames for the ambush near Goma.", "the rebels were to blame for the ambush near Goma", "the rebels, whom the army blames for the ambush near Goma"),
    ],
)  # fmt: skip
def test_a_blame_in_a_relative_clause_blames_the_phrase_the_pronoun_stands_for(text, content, span):
    (found,) = extract_statements(text)
    assert (found.content, found.kind) == (content, Kind.INDIRECT)
    assert text[found.content_span[0] : found.content_span[1]] == span


def test_what_the_actor_describes_is_the_object_of_its_act():
    text = "Colombia's navy launched a raid on Sunday, targeting what it describes as “cocaine laboratories”."
    (found,) = extract_statements(text)
    assert (found.cue, found.kind, found.content) == (
        "describes",
        Kind.INDIRECT,
        "targeting “cocaine laboratories”",
    )


def test_what_someone_else_describes_is_not_the_object_of_the_act():
    # the minister did not mock the reform: the description alone is the minister's
    text = "Critics in Lisbon mocked what the finance minister called “a bold reform”."
    assert ("the finance minister", "called", "a bold reform") in said(text)
    assert [s.kind for s in extract_statements(text) if s.cue == "called"] == [Kind.DIRECT]


def test_extract_stores_the_seed_claims_new_delhi_and_india_make(cli, db_path):
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_5d60781b92935417.txt"
    found = json.loads(cli.ok("extract", str(seed), "--dry-run", "--json"))
    by_cue = {row["cue"]: (row["speaker"], row["kind"], row["text"]) for row in found}
    assert by_cue["blames"] == (
        "New Delhi",
        "indirect",
        "a deadly attack on tourists in Indian-administered Kashmir last month was blamed on Pakistan-based militants",
    )
    assert by_cue["describes"] == ("India", "indirect", "targeting “terrorist infrastructure”")


# --- a call that names no words --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean senator called into a radio programme on Friday.",
        "The dockers' union called off the strike after talks in Rotterdam.",
        "The Ugandan health minister called in to a town hall on malaria.",
    ],
)
def test_a_call_with_a_particle_is_no_statement(text):
    assert extract_statements(text) == []


def test_a_call_naming_its_object_is_a_statement():
    text = "The Chilean senator called the pension plan a disgrace."
    assert said(text) == [("The Chilean senator", "called", "the pension plan a disgrace")]


@pytest.mark.parametrize(
    ("denial", "names_none"),
    [
        ("denied the accusation", True),
        ("has rejected the reports", True),
        ("denied any involvement in the bombing of the embassy", True),
        ("denied responsibility for the outage", True),
        ("denied claims that the embassy had been bombed", False),
        ("denied that it had any role in the bombing", False),
        ("rejected the budget", False),
    ],
)
def test_a_denial_founds_a_claim_only_where_its_words_name_one(denial, names_none):
    from tracker.judge_denials import names_no_claim

    assert names_no_claim(denial) is names_none
