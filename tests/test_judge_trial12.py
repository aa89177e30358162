"""What trial 12 showed the judge getting wrong: "May" before a day read as the modal, counts
of the missing or rescued held against counts of the dead, a count range read as its upper
end, and "saved" apart from "rescued". Each fault judged with its reasons, beside a near miss
the rule must leave alone; the words differ from the minimal pairs' on purpose."""

from __future__ import annotations

from tracker.concepts import concept
from tracker.judge import relate
from tracker.judge_numbers import _dates
from tracker.model import Relation
from tracker.text import analyse_full, normalise


def judged(a: str, b: str) -> tuple[Relation, float, list[str]]:
    judgement = relate(a, b)
    return judgement.relation, judgement.score, [str(r) for r in judgement.reasons]


# ---------------------------------------------------------------- "May" before a day

DOCKS = "Dockworkers in Rotterdam walked out"


def test_may_before_a_day_or_a_range_of_days_is_the_month_not_a_hedge() -> None:
    for text in (
        "The strikes happened on May 3-5",
        f"{DOCKS} May 4th",
        f"{DOCKS} May 21st-23rd",
        "May 3-5 strikes shut the port",
    ):
        assert analyse_full(text).hedges == (), text


def test_may_before_a_verb_or_a_figure_with_letters_stays_a_hedge() -> None:
    assert [c.text for c in analyse_full("Dockworkers in Rotterdam may walk out").hedges] == ["may"]
    assert [c.text for c in analyse_full("The council may 10x the parking fines").hedges] == ["may"]


def test_may_with_a_day_range_is_read_as_those_days() -> None:
    norm = normalise(f"{DOCKS} May 3-5")
    assert [d[:2] for d in _dates(norm)] == [(5, 3), (5, 4), (5, 5)]
    assert [d[:2] for d in _dates(normalise(f"{DOCKS} May 4th"))] == [(5, 4)]


def test_a_day_inside_a_may_range_agrees_with_no_hedge_reason() -> None:
    assert judged(f"{DOCKS} May 3-5", f"{DOCKS} May 4th") == (Relation.AGREES, 79.0, ["similarity: 79/100"])


def test_may_with_a_date_beside_no_date_agrees_rather_than_hedges() -> None:
    assert judged(f"{DOCKS} May 4th", DOCKS) == (Relation.AGREES, 94.6, ["similarity: 95/100"])


def test_other_days_of_may_for_one_walkout_conflict_by_date() -> None:
    assert judged(f"{DOCKS} on May 4th", f"{DOCKS} on May 9th") == (
        Relation.CONTRADICTS,
        86.8,
        ["date: 05-04 in a vs 05-09 in b", "similarity: 87/100"],
    )
    assert judged(f"{DOCKS} May 3-5", f"{DOCKS} May 9")[2][0] == "date: 05-03 to 05-05 in a vs 05-09 in b"


def test_modal_may_still_hedges_beside_a_firm_report() -> None:
    assert judged("Dockworkers in Rotterdam may walk out", DOCKS) == (
        Relation.RELATED,
        100.0,
        ["hedge: 'may' in a", "similarity: 100/100"],
    )


# ---------------------------------------------------------------- save is rescue


def test_save_and_rescue_are_one_concept() -> None:
    assert {concept(w) for w in ("save", "saved", "saving", "rescue", "rescued", "rescues")} == {"rescue"}


def test_saved_and_rescued_swimmers_agree_and_other_counts_conflict() -> None:
    bondi = "three swimmers off Bondi beach"
    assert judged(f"Lifeguards saved {bondi}", f"Lifeguards rescued {bondi}") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )
    assert judged(f"Lifeguards saved {bondi}", "Lifeguards rescued five swimmers off Bondi beach")[:2] == (
        Relation.CONTRADICTS,
        85.7,
    )


def test_saves_and_rescues_are_one_act_not_two_patients() -> None:
    assert judged("Navy saves 50 refugees off Lesbos", "Navy rescues 50 refugees off Lesbos") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )
    assert judged("Navy saves 50 refugees off Lesbos", "Navy rescues 20 refugees off Lesbos")[2][0] == (
        "number: '50 refugees off lesbos' in a vs '20 refugees off lesbos' in b"
    )
