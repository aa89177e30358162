"""Extraction faults from the 2026-12-01 new-user trial: each form with its exact fields, and
a near miss beside it that must not change."""

from __future__ import annotations

import pytest

from tracker.extract import extract_statements
from tracker.model import Kind, Modality, Polarity


def fields(text: str) -> list[tuple[object, ...]]:
    return [
        (s.speaker, s.role, s.cue, s.content, s.polarity, s.answers, s.implied)
        for s in extract_statements(text)
    ]


A, D = Polarity.AFFIRM, Polarity.DENY


@pytest.mark.parametrize("cue", ["repeated", "retorted", "quipped", "assured"])
def test_common_cues_closing_a_quote_are_known(cue):
    assert fields(f'"There is no risk to the town," Brandt {cue}.') == [
        ("Brandt", None, cue, "There is no risk to the town", A, None, False)
    ]


def test_repeated_before_a_noun_is_an_adjective_and_before_its_object_needs_that():
    assert fields("The talks failed despite repeated warnings from the ministry.") == []
    assert fields("The minister repeated her pledge to phase out coal.") == []
    assert fields("Brandt repeated that there was no risk to the town.") == [
        ("Brandt", None, "repeated", "there was no risk to the town", A, None, False)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "A crack has opened in the dam wall, said chief engineer Farah Naz on Monday.",
            "Farah Naz",
            "chief engineer",
        ),
        ("A crack has opened in the dam wall, said Farah Naz in Kessel.", "Farah Naz", None),
        ("A crack has opened in the dam wall, said the engineer on Monday.", "the engineer", None),
    ],
)
def test_an_inverted_attribution_may_end_in_a_time_or_place(text, speaker, role):
    assert fields(text) == [(speaker, role, "said", "A crack has opened in the dam wall", A, None, False)]


def test_an_inverted_attribution_followed_by_content_is_not_one():
    # near miss: what follows the name is a clause, not a time phrase
    assert fields("A crack has opened, said Farah Naz who inspected the wall yesterday.") == []


def test_two_closing_attributions_each_say_their_own_clause():
    assert fields("The dam is safe, Brandt said, but the road is closed, police said.") == [
        ("Brandt", None, "said", "The dam is safe", A, None, False),
        ("police", None, "said", "the road is closed", A, None, False),
    ]
    assert fields("Brandt said the dam is safe, but the road is closed, police said.") == [
        ("Brandt", None, "said", "the dam is safe", A, None, False),
        ("police", None, "said", "the road is closed", A, None, False),
    ]
    assert fields("The dam is safe, Brandt said, but police said the road is closed.") == [
        ("Brandt", None, "said", "The dam is safe", A, None, False),
        ("police", None, "said", "the road is closed", A, None, False),
    ]


def test_an_insertion_without_a_second_speaker_still_says_the_whole_sentence():
    # near misses: nobody else is named, so the clause after the conjunction stays the speaker's
    assert fields("The dam is safe, Brandt said, but the road is closed.") == [
        ("Brandt", None, "said", "The dam is safe, Brandt said, but the road is closed", A, None, False)
    ]
    assert fields("Brandt said the dam is safe, but the road is closed.") == [
        ("Brandt", None, "said", "the dam is safe, but the road is closed", A, None, False)
    ]
    found = fields("The relatives, who asked to see the video, watched it on Thursday, lawyers said.")
    assert [f for f in found if f[0] == "lawyers"] == [
        (
            "lawyers",
            None,
            "said",
            "The relatives, who asked to see the video, watched it on Thursday",
            A,
            None,
            False,
        )
    ]


def test_a_possessive_claim_is_the_possessor_s_implied_claim_not_a_speaker_called_brandt_s():
    assert fields('Naz dismissed Brandt\'s claim that the crack was small as "nonsense."') == [
        ("Brandt", None, "claim", "the crack was small", A, None, True),
        ("Naz", None, "dismissed", "nonsense", D, "the crack was small", False),  # the claim, not whose
    ]
    found = extract_statements("Naz rejected the minister's claim that the crack was small as false.")
    assert [(s.speaker, s.kind, s.content, s.implied) for s in found] == [
        ("the minister", Kind.PARAPHRASE, "the crack was small", True),
        ("Naz", Kind.INDIRECT, "false", False),
    ]


def test_a_verb_after_a_name_is_still_a_cue():
    # near miss: no possessive, so "claims" is what Brandt does
    assert fields("Brandt claims that the crack was small.") == [
        ("Brandt", None, "claims", "the crack was small", A, None, False)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "role", "content"),
    [
        (
            "According to Naz's lawyer, Mira Hahn, the suspension is unlawful.",
            "Mira Hahn",
            "Naz's lawyer",
            "the suspension is unlawful",
        ),
        (
            "The town will not be evacuated, according to the mayor, Ines Roth.",
            "Ines Roth",
            "the mayor",
            "The town will not be evacuated",
        ),
        (
            "According to the mayor, Ines Roth, the town will not be evacuated.",
            "Ines Roth",
            "the mayor",
            "the town will not be evacuated",
        ),
        (
            "According to Ines Roth, the mayor, the town will not be evacuated.",
            "Ines Roth",
            "the mayor",
            "the town will not be evacuated",
        ),
        (
            "According to the operator, Velden Power, the plant is safe.",
            "Velden Power",
            "the operator",
            "the plant is safe",
        ),
    ],
)
def test_according_to_a_role_and_a_name_in_apposition_the_name_speaks(text, speaker, role, content):
    assert [(s.speaker, s.role, s.content) for s in extract_statements(text)] == [(speaker, role, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # near misses: a list, or a name the content is about, is not an apposition
        (
            "According to the ministry, Kessel, Brun and Olt will be evacuated.",
            "the ministry",
            "Kessel, Brun and Olt will be evacuated",
        ),
        (
            "According to police, Ines Roth, 34, was arrested on Monday.",
            "police",
            "Ines Roth, 34, was arrested on Monday",
        ),
        (
            "According to the mayor, the town will not be evacuated.",
            "the mayor",
            "the town will not be evacuated",
        ),
    ],
)
def test_according_to_without_an_apposition_keeps_its_phrase(text, speaker, content):
    assert [(s.speaker, s.role, s.content) for s in extract_statements(text)] == [(speaker, None, content)]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (
            "An official who spoke on condition of anonymity said the evacuation was being planned.",
            "on condition of anonymity; unnamed source",
        ),
        (
            "An official speaking on condition of anonymity said the evacuation was being planned.",
            "on condition of anonymity; unnamed source",
        ),
        (
            "An official who declined to be named said the evacuation was being planned.",
            "who declined to be named; unnamed source",
        ),
    ],
)
def test_an_anonymous_source_set_off_by_a_clause_still_speaks_and_is_hedged(text, hedge):
    found = extract_statements(text)
    assert [(s.speaker, s.content, s.hedge) for s in found] == [
        ("An official", "the evacuation was being planned", hedge)
    ]


def test_the_object_of_a_relative_clause_before_the_cue_never_speaks():
    found = extract_statements("An official who visited the dam said the evacuation was being planned.")
    assert [(s.speaker, s.content) for s in found] == [("An official", "the evacuation was being planned")]
    # near miss: "who" right before the name makes the name the relative clause's subject
    found = extract_statements("Shifting rains could affect farmers who depend on rivers, Mr. Obama said.")
    assert [(s.speaker, s.content) for s in found] == [
        ("Mr. Obama", "Shifting rains could affect farmers who depend on rivers")
    ]


def test_he_is_not_the_last_speaker_when_someone_else_opened_the_sentence_before():
    text = '"The shelters are ready," Roth said. Brandt nodded. "We are prepared," he said.'
    assert [(s.speaker, s.content) for s in extract_statements(text)] == [
        ("Roth", "The shelters are ready"),
        (None, "We are prepared"),
    ]
    # near misses: nobody named between, or a sentence whose subject is no name
    text = '"The shelters are ready," Roth said. "We are prepared," he said.'
    assert [s.speaker for s in extract_statements(text)] == ["Roth", "Roth"]
    text = '"The shelters are ready," Roth said. Rain fell. "We are prepared," he said.'
    assert [s.speaker for s in extract_statements(text)] == ["Roth", "Roth"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Water Minister Tomas Brandt visited the dam. He said it was safe.", "Tomas Brandt"),
        ("Chief Engineer Farah Naz inspected the wall. She said it was cracked.", "Farah Naz"),
        ("Water Minister Tomas Brandt visited the dam. Brandt nodded. He said it was safe.", "Tomas Brandt"),
        ("Brandt visited the dam. He said it was safe.", "Brandt"),
        ("Tomas Brandt visited the dam. He said it was safe.", "Tomas Brandt"),
    ],
)
def test_a_title_before_a_name_does_not_block_the_pronoun_after_it(text, speaker):
    assert [(s.speaker, s.content) for s in extract_statements(text)] == [
        (speaker, text.split("said ")[1][:-1])
    ]


def test_a_titled_name_inside_reported_words_is_not_who_he_is():
    text = (
        "Trump said praise from Russian President Vladimir Putin would not affect his policy. "
        "He said Putin was a leader."
    )
    assert [s.speaker for s in extract_statements(text)] == ["Trump", "Trump"]


@pytest.mark.parametrize(
    ("text", "speaker", "content", "answers"),
    [
        ('Will the town be evacuated? "No," Brandt said.', "Brandt", "No", "Will the town be evacuated"),
        ('Is the dam safe? "Never," Brandt said.', "Brandt", "Never", "Is the dam safe"),
        ('Did the dam break? "No," the ministry said.', "the ministry", "No", "Did the dam break"),
        ("Did the dam break? The ministry said no.", "The ministry", "no", "Did the dam break"),
        ("Did the dam break? The ministry said no, never.", "The ministry", "no, never", "Did the dam break"),
        (
            "Asked whether the dam would break, the ministry said no.",
            "the ministry",
            "no",
            "the dam would break",
        ),
    ],
)
def test_a_bare_no_or_never_answers_the_question_before_it(text, speaker, content, answers):
    assert fields(text) == [(speaker, None, "said", content, D, answers, False)]


def test_a_bare_no_nobody_asked_for_answers_nothing():
    # near misses: no question, or "no" opening more words, is no reply to anything
    assert fields("The ministry said no.") == []
    assert fields('"No," Brandt said.') == [("Brandt", None, "said", "No", A, None, False)]
    assert fields("Did the council sell the land? Holt said no to the plan.") == [
        ("Holt", None, "said", "no to the plan", A, None, False)
    ]


def test_the_person_asked_is_who_answers_and_the_asking_is_a_question():
    found = extract_statements('Reporters asked Brandt whether the town would be evacuated. "No," he said.')
    assert [(s.speaker, s.content, s.modality, s.polarity, s.answers) for s in found] == [
        ("Reporters", "whether the town would be evacuated", Modality.QUESTION, A, None),
        ("Brandt", "No", Modality.ASSERTION, D, "the town would be evacuated"),
    ]


def test_a_role_set_off_before_the_name_is_the_role_never_the_content():
    found = extract_statements("The army was on standby, a defence analyst, Peter Okoro, said.")
    assert [(s.speaker, s.role, s.content, s.kind) for s in found] == [
        ("Peter Okoro", "a defence analyst", "The army was on standby", Kind.INDIRECT)
    ]
    found = extract_statements('"We are ready," the mayor, Ines Roth, said.')
    assert [(s.speaker, s.role, s.content, s.kind) for s in found] == [
        ("Ines Roth", "the mayor", "We are ready", Kind.DIRECT)
    ]
    # near miss: a clause set off before the name stays content
    found = extract_statements("The army was on standby, the roads were closed, Peter Okoro said.")
    assert [(s.speaker, s.role, s.content) for s in found] == [
        ("Peter Okoro", None, "The army was on standby, the roads were closed")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Brandt's claim that the crack was small was false.", "the crack was small"),
        ("Brandt's claim that the crack was small drew criticism.", "the crack was small"),
        (
            "Brandt's claim that the crack was widened by floods angered engineers.",
            "the crack was widened by floods",
        ),
        ("Brandt's claim that the dam was built in 1978 is wrong.", "the dam was built in 1978"),
    ],
)
def test_a_possessive_claim_opening_the_sentence_ends_before_the_main_verb(text, content):
    assert fields(text) == [("Brandt", None, "claim", content, A, None, True)]
