"""What a new user's trial on their own articles (trial 11) showed the judge getting wrong: each
fault judged with its reasons, beside a near miss the rule must leave alone. The words differ
from the minimal pairs' on purpose."""

from __future__ import annotations

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
