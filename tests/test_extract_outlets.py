"""Outlets, audiences, nested clauses and places in attribution: faults users found."""

from __future__ import annotations

from tracker.extract import extract_statements


def fields(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(s.content, s.speaker, s.via, s.hedge) for s in extract_statements(text)]


# --- an outlet that reports a quote is its via, never its speaker ---------------------------


def test_quote_an_outlet_reports_names_no_speaker():
    assert fields('"The dam will hold," the Northern Herald reports.') == [
        ("The dam will hold", None, "the Northern Herald reports", "unnamed source")
    ]


def test_quote_reported_by_an_inverted_outlet_names_no_speaker():
    assert fields('"The dam will hold," reports the Northern Herald.') == [
        ("The dam will hold", None, "reports the Northern Herald", "unnamed source")
    ]


def test_quote_an_outlet_reports_before_it_names_no_speaker():
    assert fields('The Northern Herald reports: "The dam will hold."') == [
        ("The dam will hold.", None, "The Northern Herald reports", "unnamed source")
    ]


def test_quote_a_speaker_said_keeps_the_speaker_and_the_outlet_as_via():
    assert fields('"The dam will hold," Brandt said, the Northern Herald reports.') == [
        ("The dam will hold", "Brandt", "the Northern Herald reports", None)
    ]


def test_reported_clause_an_outlet_reports_still_names_no_speaker():
    assert fields("The dam will hold, the Northern Herald reports.") == [
        ("The dam will hold", None, "the Northern Herald reports", "unnamed source")
    ]


# --- "The Herald has learned from officials that …" -----------------------------------------


def test_outlet_learned_from_officials_makes_them_the_source():
    assert fields("The Herald has learned from officials that the dam will be closed.") == [
        ("the dam will be closed", "officials", "The Herald has learned", "unnamed source")
    ]


def test_outlet_told_by_a_named_source_makes_her_the_speaker():
    assert fields("Radio Coastline was told by Mayor Anna Brandt that the dam will be closed.") == [
        ("the dam will be closed", "Anna Brandt", "Radio Coastline was told", None)
    ]


def test_outlet_learned_with_no_source_names_no_speaker():
    assert fields("The Northern Herald has learned that the dam will be closed.") == [
        ("the dam will be closed", None, "The Northern Herald has learned", "unnamed source")
    ]


def test_outlet_learned_that_someone_said_is_that_speakers_via():
    assert fields("The Herald has learned that Brandt said the dam will be closed.") == [
        ("the dam will be closed", "Brandt", "The Herald has learned", None)
    ]


def test_a_person_who_learned_something_reports_nothing():
    assert fields("Brandt has learned that the dam will be closed.") == []


# --- whom a closing "told" names: a broadcaster or outlet is via, an audience is not ---------


def test_told_a_broadcaster_is_via():
    assert fields("The dam is safe, Brandt told local television.") == [
        ("The dam is safe", "Brandt", "told local television", None)
    ]
    assert fields("The dam is safe, Brandt told the BBC.") == [
        ("The dam is safe", "Brandt", "told the BBC", None)
    ]
    assert fields("The dam is safe, Brandt told Reuters.") == [
        ("The dam is safe", "Brandt", "told Reuters", None)
    ]


def test_told_a_bare_audience_is_not_via():
    assert fields("The dam is safe, Brandt told reporters.") == [("The dam is safe", "Brandt", None, None)]
    assert fields("The dam is safe, Brandt told parliament.") == [("The dam is safe", "Brandt", None, None)]


# --- an office with no name in a sentence set in a place ------------------------------------


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(s.content, s.speaker) for s in extract_statements(text)]


def test_an_office_in_a_place_is_never_the_holder_of_another_place():
    text = "Mayor Tom Ruiz of Belmont opened the dam. In Arland, the mayor said the dam is safe."
    assert speakers(text) == [("the dam is safe", "the mayor of Arland")]


def test_an_office_in_a_place_keeps_its_place_in_the_next_statement():
    text = "In Arland, the mayor said the dam is safe. The mayor added that the road is open."
    assert speakers(text) == [
        ("the dam is safe", "the mayor of Arland"),
        ("the road is open", "the mayor of Arland"),
    ]


def test_a_named_speaker_in_a_place_keeps_the_name():
    assert speakers("In Arland, Brandt said the dam is safe.") == [("the dam is safe", "Brandt")]


# --- a relative clause with its own cue inside a reported clause -----------------------------


def test_a_relative_clause_with_its_own_cue_is_left_out_of_the_outer_clause():
    text = "Brandt said the dam is safe, but the road, which police said was closed, is open."
    assert speakers(text) == [
        ("the dam is safe, but the road is open", "Brandt"),
        ("the road was closed", "police"),
    ]
    found = extract_statements(text)
    assert [text[a:b] for a, b in [s.content_span for s in found]] == [
        "the dam is safe, but the road, which police said was closed, is open",
        "the road, which police said was closed",
    ]


def test_a_relative_clause_an_object_cue_governs_spans_the_phrase_and_its_clause():
    text = "The attack, which New Delhi blames on militants, killed four."
    assert speakers(text) == [("The attack was blamed on militants", "New Delhi")]
    (found,) = extract_statements(text)
    assert (
        text[found.content_span[0] : found.content_span[1]]
        == "The attack, which New Delhi blames on militants"
    )
