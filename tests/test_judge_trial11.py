"""What a new user's trial on their own articles (trial 11) showed the judge getting wrong: each
fault judged with its reasons, beside a near miss the rule must leave alone. The words differ
from the minimal pairs' on purpose."""

from __future__ import annotations

from typing import Any

from tracker.judge import relate
from tracker.model import Relation


def judged(a: str, b: str) -> tuple[Relation, float, list[str]]:
    judgement = relate(a, b)
    return judgement.relation, judgement.score, [str(r) for r in judgement.reasons]


# ---------------------------------------------------------------- an event's status

AUDIT = "The audit of the port in Mombasa"
STRIKE = "The ferry strike in Piraeus"
VISIT = "The state visit to Hanoi"


def test_going_ahead_on_schedule_conflicts_with_postponed() -> None:
    assert judged(f"{AUDIT} will go ahead on schedule", f"{AUDIT} has been postponed") == (
        Relation.CONTRADICTS,
        74.3,
        ["antonym: 'proceed' in a vs 'postpone' in b", "similarity: 74/100"],
    )


def test_on_schedule_and_as_scheduled_are_one_status() -> None:
    assert judged(f"{AUDIT} will go ahead on schedule", f"{AUDIT} will go ahead as scheduled") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )


def test_went_ahead_as_planned_conflicts_with_called_off() -> None:
    assert judged(f"{STRIKE} went ahead as planned", f"{STRIKE} was called off") == (
        Relation.CONTRADICTS,
        74.4,
        ["antonym: 'proceed' in a vs 'cancel' in b", "similarity: 74/100"],
    )
    assert judged(f"{STRIKE} was called off", f"{STRIKE} was cancelled") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )


def test_proceeding_conflicts_with_suspended_deferred_and_delayed() -> None:
    assert judged(f"{VISIT} will proceed as planned", f"{VISIT} has been suspended")[2][0] == (
        "antonym: 'proceed' in a vs 'suspend' in b"
    )
    assert judged(f"{VISIT} will proceed as planned", f"{VISIT} was deferred")[:2] == (
        Relation.CONTRADICTS,
        76.2,
    )
    assert judged("The flight to Lima left on schedule", "The flight to Lima was delayed")[:2] == (
        Relation.CONTRADICTS,
        63.6,
    )


def test_not_going_ahead_is_called_off() -> None:
    assert judged(f"{VISIT} will not go ahead", f"{VISIT} was called off") == (
        Relation.AGREES,
        73.3,
        [
            "negation: 'not' in a",
            "antonym: 'proceed' in a vs 'cancel' in b",
            "similarity: 73/100",
        ],
    )


# ---------------------------------------------------------------- a toll that rose


CHAMONIX = "the avalanche near Chamonix"


def test_a_toll_of_a_named_event_that_rose_is_an_update() -> None:
    assert judged(f"Three climbers died in {CHAMONIX}", f"The death toll from {CHAMONIX} rose to six") == (
        Relation.RELATED,
        66.8,
        [f"update: 'death toll from {CHAMONIX.lower()} rose to 6' in b: a later count", "similarity: 67/100"],
    )


def test_two_plain_counts_of_the_dead_still_conflict() -> None:
    assert judged(f"Three climbers died in {CHAMONIX}", f"Six climbers died in {CHAMONIX}")[:2] == (
        Relation.CONTRADICTS,
        85.7,
    )


def test_deaths_and_the_number_killed_that_rose_are_updates() -> None:
    assert judged(f"Three climbers died in {CHAMONIX}", "Deaths rose from three to six") == (
        Relation.RELATED,
        68.6,
        ["update: 'deaths rose from 3 to 6' in b: a later count", "similarity: 69/100"],
    )
    assert judged(
        f"Three climbers died in {CHAMONIX}",
        "The number of people killed in the avalanche has climbed to six",
    )[:2] == (Relation.RELATED, 25.9)


def test_a_plain_toll_of_a_named_event_is_a_count() -> None:
    fire = "the Dhaka factory fire"
    assert judged(f"The death toll in {fire} was 30", f"The {fire[4:]} killed 24 workers") == (
        Relation.CONTRADICTS,
        72.1,
        [
            "number: 'death toll in the dhaka factory fire was 30' in a vs 'killed 24' in b",
            "similarity: 72/100",
        ],
    )
    assert judged(f"The death toll in {fire} rose to 24", f"The {fire[4:]} killed 24 workers") == (
        Relation.AGREES,
        81.9,
        ["similarity: 82/100"],
    )


def test_a_toll_of_another_event_is_not_lifted_by_its_count() -> None:
    assert judged(
        "Nine people died in the floods in Kerala", "The death toll in the Assam landslide climbed to 20"
    )[0] is (Relation.UNRELATED)


def test_a_risen_toll_is_linked_as_related_not_agreeing(cli: Any) -> None:
    cli.ok(
        "add",
        "Two miners died in the explosion at the colliery in Shanxi",
        "-s",
        "Li Wei",
        "--source",
        "Xinhua",
    )
    cli.ok(
        "add",
        "The death toll from the explosion at the colliery in Shanxi rose to five",
        "-s",
        "Zhang Min",
        "--source",
        "Caixin",
    )
    links = cli.json("links")
    assert [
        (x["a_id"], x["b_id"], x["relation"], x["status"], [r["code"] for r in x["reasons"]]) for x in links
    ] == [(1, 2, "related", "suggested", ["update", "similarity"])]
