"""What a new user's trial (four articles of their own) showed the judge getting wrong: each
fault judged with its reasons, beside a near miss the rule must leave alone. The words differ
from the minimal pairs' on purpose."""

from __future__ import annotations

from tracker.judge import relate
from tracker.model import Relation


def judged(a: str, b: str) -> tuple[Relation, float, list[str]]:
    judgement = relate(a, b)
    return judgement.relation, judgement.score, [str(r) for r in judgement.reasons]


# ---------------------------------------------------------------- two causes of one event


def test_two_causes_of_one_explosion_conflict() -> None:
    assert judged("The explosion was caused by a gas leak", "A drone attack caused the explosion") == (
        Relation.CONTRADICTS,
        58.0,
        ["agent: 'gas leak' in a vs 'drone attack' in b", "similarity: 58/100"],
    )


def test_one_cause_worded_two_ways_agrees() -> None:
    assert judged("The explosion was caused by a gas leak", "The explosion was caused by a leak of gas") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )


def test_blame_is_a_claim_of_cause() -> None:
    assert judged("The crash was blamed on icy roads", "A tyre blowout caused the crash") == (
        Relation.CONTRADICTS,
        54.6,
        ["agent: 'icy roads' in a vs 'tyre blowout' in b", "similarity: 55/100"],
    )
    assert judged("Icy roads were to blame for the crash", "Icy roads caused the crash") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )


def test_a_cause_contained_in_the_other_is_no_conflict() -> None:
    assert (
        judged("The explosion was caused by a leak", "A gas leak caused the explosion")[0] is Relation.AGREES
    )


# ---------------------------------------------------------------- by whom, from where


def test_by_whom_against_from_where_is_related_not_agreement() -> None:
    assert judged("The drone was launched by the Free Valta Front", "The drone was launched from Ostria") == (
        Relation.RELATED,
        60.4,
        ["origin: where from in b, by whom in the other", "similarity: 60/100"],
    )


def test_two_named_doers_of_one_passive_conflict() -> None:
    assert judged("The drone was launched by the Free Valta Front", "The drone was launched by Ostria") == (
        Relation.CONTRADICTS,
        60.4,
        ["agent: 'free valta front' in a vs 'ostria' in b", "similarity: 60/100"],
    )


def test_two_bodies_named_in_the_active_are_left_to_similarity() -> None:
    # "the Pentagon" / "the US Defense Department" may be one body: no passive names a doer
    assert judged(
        "The Pentagon confirmed the strike in Yemen",
        "The US Defense Department confirmed the strike in Yemen",
    ) == (Relation.AGREES, 70.1, ["similarity: 70/100"])  # "Yemen" is a country concept


# ---------------------------------------------------------------- casualty counts as measures


def test_a_toll_that_had_risen_is_a_later_count_not_a_denial() -> None:
    assert judged("The death toll had risen to 14", "The explosion killed 12 people") == (
        Relation.RELATED,
        68.8,
        ["update: 'death toll had risen to 14' in a: a later count", "similarity: 69/100"],
    )


def test_a_plain_toll_against_another_count_of_the_killed_contradicts() -> None:
    assert judged("The death toll was 14", "The explosion killed 12 people") == (
        Relation.CONTRADICTS,
        68.8,
        ["number: 'death toll was 14' in a vs 'killed 12' in b", "similarity: 69/100"],
    )
    assert judged("The death toll had risen to 12", "The explosion killed 12 people")[0] is Relation.AGREES


def test_two_counts_of_the_killed_still_contradict() -> None:
    assert judged("The explosion killed 12 people", "The explosion killed 14 people") == (
        Relation.CONTRADICTS,
        78.1,
        [
            "number: '12 people' in a vs '14 people' in b",
            "frame: one thing, actor, place and time: the values conflict however the rest scores",
            "similarity: 78/100",
        ],
    )


def test_taken_to_hospital_and_still_in_hospital_are_two_measures() -> None:
    assert judged("25 people had been taken to hospital", "31 people remained in hospital") == (
        Relation.RELATED,
        52.5,  # "taken" is a form of "take"
        ["measure: 'taken to hospital' in a vs 'remained in hospital' in b", "similarity: 52/100"],
    )


def test_the_hospitalised_and_the_dead_are_two_measures() -> None:
    assert judged("25 people were taken to hospital after the blast", "11 people died after the blast") == (
        Relation.RELATED,
        49.8,
        ["measure: 'taken to hospital' in a vs 'dead' in b", "similarity: 50/100"],
    )


# ---------------------------------------------------------------- a denial that names no claim


def test_a_denial_of_an_unnamed_accusation_never_agrees_with_the_accusation() -> None:
    assert judged(
        "This was a deliberate act of terror carried out by the Free Valta Front",
        "The Free Valta Front has rejected the accusation",
    ) == (
        Relation.RELATED,
        54.5,
        [
            "denial: 'has rejected the accusation' in b denies an accusation it does not name",
            "similarity: 54/100",
        ],
    )


def test_nor_contradicts_a_denial_it_may_repeat() -> None:
    assert judged(
        "The Free Valta Front has rejected the accusation", "The Free Valta Front did not attack the depot"
    ) == (
        Relation.RELATED,
        59.5,
        [
            "denial: 'has rejected the accusation' in a denies an accusation it does not name",
            "similarity: 60/100",
        ],
    )


def test_a_denial_that_names_the_claim_still_contradicts_it() -> None:
    relation, _, reasons = judged(
        "The Free Valta Front carried out the attack", "The Free Valta Front denied carrying out the attack"
    )
    assert (relation, reasons[0]) == (Relation.CONTRADICTS, "denial: 'denied' in b")


# ---------------------------------------------------------------- clock times of one event


def test_two_clock_times_of_one_event_on_one_day_conflict() -> None:
    assert judged("The blast happened at 11 p.m. on Friday", "The blast happened at 6 a.m. on Friday") == (
        Relation.CONTRADICTS,
        79.2,
        [
            "time: '11 p.m.' in a vs '6 a.m.' in b",
            "frame: one thing, actor, place and time: the values conflict however the rest scores",
            "similarity: 79/100",
        ],
    )


def test_late_on_one_day_and_early_on_the_next_conflict() -> None:
    assert judged("The blast happened late on Friday", "The blast happened early on Saturday") == (
        Relation.CONTRADICTS,
        58.2,
        ["time: 'friday' in a vs 'saturday' in b", "similarity: 58/100"],
    )


def test_minutes_after_a_dot_are_read_as_minutes() -> None:
    # "11.10 p.m." is ten past eleven, not "10 p.m."; three minutes apart is one time
    assert judged("The blast happened at 11 p.m.", "The blast happened at 11.10 p.m.")[2][0] == (
        "time: '11 p.m' in a vs '11.10 p.m' in b"
    )
    assert judged("The blast happened at 11 p.m.", "The blast happened at 11.03 p.m.")[0] is Relation.AGREES
