"""What judge10b mends, one fault at a time: each judged with its reasons, beside a near miss the
rule must leave alone. The words differ from the minimal pairs' on purpose."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.judge import relate
from tracker.judge_numbers import one_frame
from tracker.link import pipeline
from tracker.model import Relation
from tracker.text import analyse_full, normalise


def judged(a: str, b: str) -> tuple[Relation, float, list[str]]:
    judgement = relate(a, b)
    return judgement.relation, judgement.score, [str(r) for r in judgement.reasons]


# ---------------------------------------------------------------- a denial of who did it


def test_denying_who_ordered_an_act_does_not_deny_the_act() -> None:
    assert judged("The mayor denied she ordered the evacuation", "The town was evacuated") == (
        Relation.RELATED,
        63.3,
        ["denial: 'denied' in a", "similarity: 63/100"],
    )


def test_denying_that_the_act_took_place_still_contradicts_it() -> None:
    assert judged("The mayor denied the evacuation took place", "The town was evacuated") == (
        Relation.CONTRADICTS,
        62.4,
        ["denial: 'denied' in a", "similarity: 62/100"],
    )


def test_denying_involvement_or_responsibility_does_not_deny_the_event() -> None:
    assert judged("The minister denied involvement in the bombing", "The bombing happened")[0] is (
        Relation.RELATED
    )
    assert judged("The army denied responsibility for the attack", "Militants attacked the base")[0] is (
        Relation.RELATED
    )


def test_a_denial_of_agency_contradicts_a_side_that_names_that_agency() -> None:
    assert judged("The mayor denied ordering the evacuation", "The mayor ordered the evacuation") == (
        Relation.CONTRADICTS,
        89.3,
        ["denial: 'denied' in a", "similarity: 89/100"],
    )
    assert judged("The army denied responsibility for the attack", "The army was responsible for the attack")[
        0
    ] is (Relation.CONTRADICTS)


# ---------------------------------------------------------------- measures with units


def test_a_hyphenated_unit_adjective_is_a_length_compared_with_another() -> None:
    assert judged(
        "Engineers found a 40-metre breach in the dam", "Engineers found a breach of 10 metres in the dam"
    ) == (
        # similarity reads "40-metre" as "40 metre", sharing "metre" with "10 metres"
        Relation.CONTRADICTS,
        83.8,
        ["number: '40-metre breach in' in a vs '10 metres in the' in b", "similarity: 84/100"],
    )
    # read apart, the two figures and two units are four unshared words beside one shared one
    assert judged("a 40-metre breach", "a 10-km breach")[:2] == (Relation.CONTRADICTS, 30.9)


def test_one_length_in_two_units_agrees() -> None:
    assert judged("The wall is 40 metres high", "The wall is 0.04 km high")[0] is Relation.AGREES
    assert judged("The road is 2 to 3 km long", "The road is 2500 metres long")[0] is Relation.AGREES
    assert judged("The strike lasted 2 days", "The strike lasted 48 hours")[0] is Relation.AGREES


def test_m_after_a_spaced_number_is_metres_and_after_a_currency_millions() -> None:
    assert normalise("the breach is 40 m") == "the breach is 40 metres"
    assert normalise("$40 m for the dam") == "$40 million for the dam"
    assert normalise("40m people") == "40 million people"
    assert judged("Naz said the breach is 40 m", "Brandt said the breach is 10 m")[2] == [
        "number: '40 metres' in a vs '10 metres' in b",
        "frame: one thing, actor, place and time: the values conflict however the rest scores",
        "similarity: 71/100",
    ]


# ---------------------------------------------------------------- levels of government


def test_two_levels_of_government_as_the_actor_of_one_act_conflict() -> None:
    assert judged("The province ordered the evacuation", "The federal government ordered the evacuation") == (
        Relation.CONTRADICTS,
        64.1,
        ["agent: 'province' in a vs 'federal government' in b", "similarity: 64/100"],
    )
    assert judged(
        "Local authorities ordered the evacuation", "The federal government ordered the evacuation"
    )[2] == ["agent: 'local authorities' in a vs 'federal government' in b", "similarity: 55/100"]


def test_the_government_names_no_level_and_may_be_the_federal_one() -> None:
    assert judged(
        "The government ordered the evacuation", "The federal government ordered the evacuation"
    ) == (
        Relation.AGREES,
        92.4,
        ["similarity: 92/100"],
    )
    assert judged("The province ordered the evacuation", "The government ordered the evacuation")[0] is (
        Relation.AGREES
    )


def test_a_nil_sum_by_another_level_of_government_is_another_claim() -> None:
    assert judged(
        "The province paid 3 million rupees to the flood fund",
        "The federal government had not given any money to the flood fund",
    )[::2] == (
        Relation.RELATED,
        ["agent: 'province' in a vs 'federal government' in b", "similarity: 71/100"],
    )


# ---------------------------------------------------------------- common verbs of one act


def test_put_placed_and_set_a_figure_are_one_estimate() -> None:
    assert judged("Police put the toll at 12", "Police placed the toll at 12") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )
    assert judged("Police put the toll at 12", "Police set the toll at 12")[0] is Relation.AGREES


def test_slashed_lowered_and_boosted_are_a_decrease_and_an_increase() -> None:
    assert judged("The bank slashed rates", "The bank raised rates")[2] == [
        "antonym: 'decrease' in a vs 'increase' in b",
        "similarity: 67/100",
    ]
    assert judged("The bank lowered rates", "The bank reduced rates")[0] is Relation.AGREES
    assert judged("The firm boosted output", "The firm increased output")[0] is Relation.AGREES
    assert judged("The airline paused flights", "The airline suspended flights")[0] is Relation.AGREES


# ---------------------------------------------------------------- a number dispute of two speakers


def _breach_dispute(cli: Any) -> list[tuple[int, int, str, list[str]]]:
    for text, speaker, source in [
        ("The breach is 40 m", "Lena Naz", "Daily Post"),
        ("The breach is 40 metres", "Lena Naz", "Evening Star"),
        ("The breach is 10 m", "Otto Brandt", "Daily Post"),
        ("The breach is 10 metres", "Otto Brandt", "Evening Star"),
    ]:
        cli.ok("add", text, "-s", speaker, "--source", source)
    shown = cli.json("contradictions", "--status", "all", "--json")
    return sorted(
        (row["a_id"], row["b_id"], row["relation"], [r["code"] for r in row["reasons"]]) for row in shown
    )


def test_two_speakers_who_each_repeat_their_figure_are_shown_contradicting(cli: Any, db_path: Any) -> None:
    assert _breach_dispute(cli) == [
        (a, b, "contradicts", ["number", "frame", "similarity"]) for a, b in [(1, 3), (1, 4), (2, 3), (2, 4)]
    ]
    assert judged("The breach is 40 m", "The breach is 10 metres") == (
        Relation.CONTRADICTS,
        70.8,
        [
            "number: '40 metres' in a vs '10 metres' in b",
            "frame: one thing, actor, place and time: the values conflict however the rest scores",
            "similarity: 71/100",
        ],
    )


def test_without_the_frame_such_a_dispute_is_overshadowed_by_the_repeats(
    cli: Any, db_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_framed", lambda reasons: False)
    assert _breach_dispute(cli) == []


def test_a_number_conflict_beside_another_actor_or_detail_is_in_no_one_frame() -> None:
    assert judged("Police said 12 people died in the fire", "Doctors said 15 people died in the blaze")[
        0
    ] is (Relation.CONTRADICTS)
    assert (
        one_frame(analyse_full("12 people died in the fire"), analyse_full("15 people died in the blaze"))
        is None
    )
    assert one_frame(analyse_full("the fire killed 12"), analyse_full("the fire killed 15")) is not None
