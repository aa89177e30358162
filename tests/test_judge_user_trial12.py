"""What a new user's trial of the twelfth round found in the judge, pinned."""

from __future__ import annotations

from tracker.judge import relate
from tracker.judge_numbers import _measured
from tracker.model import Relation


def judged(a: str, b: str) -> tuple[Relation, list[str]]:
    judgement = relate(a, b)
    return judgement.relation, [str(r) for r in judgement.reasons]


def test_a_toll_that_stands_at_a_figure_is_a_count_of_the_toll() -> None:
    assert judged("The death toll stood at 43", "The death toll stood at 61") == (
        Relation.CONTRADICTS,
        [
            "number: 'the death toll stood at 43' in a vs 'the death toll stood at 61' in b",
            "frame: one thing, actor, place and time: the values conflict however the rest scores",
            "similarity: 74/100",
        ],
    )
    assert judged("The death toll is 43", "The death toll is now 61")[0] is Relation.CONTRADICTS
    assert judged("The toll stood at 43", "The death toll stood at 43")[0] is Relation.AGREES


def test_the_subject_a_figure_is_the_value_of_is_its_head() -> None:
    assert _measured("officials said on monday that the death toll stood at ") == (
        ["death", "toll"],
        "the death toll stood at ",
    )
    assert _measured("the death toll from the floods in sunamganj stood at ")[0] == ["death", "toll"]
    assert _measured("the number of displaced families in mosul is now ")[0] == ["displaced", "families"]
    assert _measured("it is ")[0] == []  # a pronoun names nothing to count


def test_a_structure_that_held_or_stayed_intact_was_not_breached_or_destroyed() -> None:
    assert judged("The embankment held", "The embankment was breached") == (
        Relation.CONTRADICTS,
        ["antonym: 'held' in a vs 'breached' in b", "similarity: 55/100"],
    )
    assert judged("The bridge was destroyed", "The bridge was undamaged")[1][0] == (
        "antonym: 'destroyed' in a vs 'undamaged' in b"
    )
    assert judged("The dam is intact", "The dam was breached")[0] is Relation.CONTRADICTS
    # a breach denied is a dam intact: negation and antonym cancel
    assert (
        judged("The embankment held overnight", "The embankment was not breached overnight")[0]
        is Relation.AGREES
    )


def test_a_decimal_comma_is_a_decimal_point() -> None:
    """ "47,3 percent", as European outlets write it, is 47.3 percent, not "3 percent"."""
    assert judged("Turnout was 47.3 percent", "Turnout was 47,3 percent") == (
        Relation.AGREES,
        ["similarity: 100/100"],
    )
    assert judged("Turnout was 47,3 percent", "Turnout was 52,1 percent")[1][0] == (
        "number: '47.3 percent' in a vs '52.1 percent' in b"
    )


def test_a_figure_covers_its_rounding_and_no_more() -> None:
    """ "52 percent" may be 52.1 rounded; "52.1" is not "51.8", nor "2 million" "2.5 million"."""
    assert judged("Turnout was 52.1 percent", "Turnout was 52 percent")[0] is Relation.AGREES
    assert judged("Turnout was 52.1 percent", "Turnout was 51.8 percent")[1][0] == (
        "number: '52.1 percent' in a vs '51.8 percent' in b"
    )
    assert judged("2 million people fled", "2.5 million people fled")[0] is Relation.CONTRADICTS
    assert judged("43 people died in the floods", "44 people died in the floods")[0] is Relation.CONTRADICTS


def test_a_candidate_who_conceded_did_not_win() -> None:
    assert judged("I won this election.", "I concede the election to President Orlik.")[1][0] == (
        "antonym: 'won' in a vs 'concede' in b"
    )
    assert judged("Marovic conceded the election", "Marovic did not win the election")[0] is Relation.AGREES


def test_the_army_and_its_troops_are_one_actor() -> None:
    """Two denials, one by the ministry of "the army", one of "troops", say one thing."""
    assert judged(
        "the army had not been deployed at any polling station",
        "denied that troops had entered any polling station",
    ) == (Relation.AGREES, ["similarity: 77/100"])
    assert judged("Militants attacked the convoy", "Troops attacked the convoy")[1][0] == (
        "agent: 'militants' in a vs 'troops' in b"
    )
