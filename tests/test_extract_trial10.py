"""Words filed under the wrong speaker in the 2026-12-02 new-user trial: each form with its
exact fields at the extractor and in the ledger, beside a near miss that must not change."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tracker.extract import extract_statements


def said(text: str) -> list[tuple[object, ...]]:
    return [(s.speaker, s.role, s.cue, s.content, s.hedge) for s in extract_statements(text)]


def speakers_of(db_path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT sp.name, st.text FROM statements st JOIN speakers sp ON sp.id = st.speaker_id ORDER BY st.id"
        ).fetchall()


@pytest.mark.parametrize(
    ("text", "speaker", "hedge"),
    [
        (
            "A nurse at the district hospital, who spoke on condition of anonymity, said beds had run out.",
            "A nurse at the district hospital",
            "on condition of anonymity",
        ),
        (
            "A technician at Velmar Shipyards, who asked not to be named, said the crane was faulty.",
            "A technician at Velmar Shipyards",
            "who asked not to be named",
        ),
        ("A worker at the mine said the shaft had flooded.", "A worker at the mine", None),
    ],
)
def test_an_unnamed_person_at_an_organisation_speaks_never_the_organisation(text, speaker, hedge):
    (found,) = said(text)
    assert (found[0], found[4]) == (speaker, hedge)


def test_a_document_from_an_organisation_is_still_the_document():
    # near miss: a letter is no person, so nothing changes
    assert said("A letter from the ministry said fees would rise.") == [
        ("A letter from the ministry", None, "said", "fees would rise", None)
    ]


def test_an_anonymous_insider_is_kept_for_the_report_apart_from_the_named_firm(cli, db_path, tmp_path):
    path = tmp_path / "yard.txt"
    path.write_text(
        "Crane collapse\nVelmar Shipyards said the crane was inspected in May. "
        "A technician at Velmar Shipyards, who asked not to be named, said the crane was faulty.\n",
        encoding="utf-8",
    )
    cli.ok("extract", str(path), "--source", "Coast Post", "--no-link")
    assert speakers_of(db_path) == [
        ("Velmar Shipyards", "the crane was inspected in May"),
        ("Technician at Velmar Shipyards (Coast Post)", "the crane was faulty"),
    ]
