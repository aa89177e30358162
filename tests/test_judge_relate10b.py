"""What judge10b mends, one fault at a time: each judged with its reasons, beside a near miss the
rule must leave alone. The words differ from the minimal pairs' on purpose."""

from __future__ import annotations

from tracker.judge import relate
from tracker.model import Relation


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
        56.0,
        ["denial: 'denied' in a", "similarity: 56/100"],
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
