"""What judge11 mends: a figure put at a number, hedged times, midnight and noon, hedged
denial labels, "in place", blast / explosion and "by" before a number. Each fault is judged with its reasons beside a
near miss the rule must leave alone; the words differ from the minimal pairs' on purpose."""

from __future__ import annotations

import pytest

from tracker.judge import relate
from tracker.judge_numbers import _quantities, _times
from tracker.judge_roles import active
from tracker.link import Thresholds, status_for
from tracker.model import Judgement, Reason, Relation, ReviewStatus
from tracker.text import concepts


def judged(a: str, b: str) -> tuple[Relation, float, list[str]]:
    judgement = relate(a, b)
    return judgement.relation, judgement.score, [str(r) for r in judgement.reasons]


# ---------------------------------------------------------------- put X at N


def test_a_figure_put_at_a_number_counts_what_was_put_there() -> None:
    (found,) = _quantities("police put the crowd at 5000")
    assert (found.nouns, found.text, found.act) == (frozenset({"crowd"}), "the crowd at 5000", None)


def test_two_figures_set_for_one_thing_conflict() -> None:
    assert judged("The board set the fee at 120", "The board set the fee at 80") == (
        Relation.CONTRADICTS,
        73.5,
        [
            "number: 'the fee at 120' in a vs 'the fee at 80' in b",
            "frame: one thing, actor, place and time: the values conflict however the rest scores",
            "similarity: 74/100",
        ],
    )


def test_figures_put_on_two_things_do_not_conflict() -> None:
    assert judged("The board set the fee at 120", "The board set the deposit at 80") == (
        Relation.AGREES,
        45.4,
        ["similarity: 45/100"],
    )


def test_a_figure_put_on_a_pronoun_counts_nothing_the_other_side_could_conflict_with() -> None:
    assert _quantities("officials placed it at 25") == ()
    assert judged("The agency put the number of displaced at 3,000", "The agency put it at 5,000") == (
        Relation.AGREES,
        44.6,
        ["similarity: 45/100"],
    )


# ---------------------------------------------------------------- hedged times


@pytest.mark.parametrize(
    ("text", "minutes", "window"),
    [
        ("the siren sounded around 11.10 p.m.", 1390, (-30, 30)),
        ("the siren sounded shortly after 11 p.m.", 1380, (0, 30)),
        ("the siren sounded just before midnight", 0, (-30, 0)),
        ("the siren sounded at noon", 720, (0, 0)),
    ],
)
def test_a_hedge_before_a_time_widens_it(text: str, minutes: int, window: tuple[int, int]) -> None:
    (time,) = _times(text)
    assert (time.minutes, time.window) == (minutes, window)


def test_hedged_times_that_overlap_do_not_conflict() -> None:
    assert judged("The siren sounded shortly after 11 p.m.", "The siren sounded around 11.10 p.m.") == (
        Relation.AGREES,
        52.5,
        ["similarity: 52/100"],
    )


def test_a_time_outside_a_hedged_one_still_conflicts() -> None:
    assert judged("The siren sounded shortly after 11 p.m.", "The siren sounded at 10.20 p.m.") == (
        Relation.CONTRADICTS,
        63.5,
        ["time: 'shortly after 11 p.m' in a vs '10.20 p.m' in b", "similarity: 64/100"],
    )


def test_times_either_side_of_midnight_are_minutes_apart() -> None:
    assert judged("The train left at 11.58 p.m.", "The train left at 12.01 a.m.")[0] is Relation.AGREES
    assert judged("The train left at 11.58 p.m.", "The train left at 12.40 a.m.")[0] is Relation.CONTRADICTS


def test_a_time_worded_apart_is_one_event_said_two_ways() -> None:
    assert judged("The blast happened at 11.45 p.m.", "The explosion occurred shortly before midnight") == (
        Relation.AGREES,
        66.0,
        ["similarity: 66/100"],
    )


def test_a_blast_and_an_explosion_are_one_thing_not_two_actors() -> None:
    assert judged("The blast happened at 11 p.m.", "The explosion happened at 11 p.m.") == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )


# ---------------------------------------------------------------- hedged denial labels


def test_a_hedged_denial_label_contradicts_with_its_hedge_as_a_reason() -> None:
    assert judged("Claims that the dam burst are most likely a hoax", "The dam burst") == (
        Relation.CONTRADICTS,
        79.6,
        ["denial: 'hoax' in a", "hedge: 'most likely' in a", "similarity: 80/100"],
    )


def test_a_plain_denial_label_has_no_hedge() -> None:
    assert judged("Claims that the dam burst are a hoax", "The dam burst") == (
        Relation.CONTRADICTS,
        87.7,
        ["denial: 'hoax' in a", "similarity: 88/100"],
    )


def test_a_contradiction_its_writer_hedges_is_never_confirmed_without_a_person() -> None:
    denial = Reason("denial", "'false' in a", "a")
    hedged = Judgement(Relation.CONTRADICTS, 99.0, (denial, Reason("hedge", "'almost certainly' in a", "a")))
    sure = Judgement(Relation.CONTRADICTS, 99.0, (denial,))
    assert status_for(hedged, Thresholds()) is ReviewStatus.SUGGESTED
    assert status_for(sure, Thresholds()) is ReviewStatus.CONFIRMED


# ---------------------------------------------------------------- in place


def test_in_place_is_a_state_not_the_verb_put() -> None:
    assert concepts("sanctions remain in place") == ("sanction", "remain", "in-force")


def test_a_state_in_place_contradicts_its_suspension() -> None:
    assert judged("The export ban remains in place", "The export ban has been revoked") == (
        Relation.CONTRADICTS,
        58.0,
        ["antonym: 'in-force' in a vs 'suspend' in b", "similarity: 58/100"],
    )


# ---------------------------------------------------------------- "by" before a number


def test_by_before_a_number_is_a_measure_not_who_acted() -> None:
    assert active("spending fell by 3 percent in ohio") == "spending fell by 3 percent in ohio"
    assert (
        active("the rupee was weakened by $4 billion of sales")
        == "the rupee was weakened by $4 billion of sales"
    )
    assert judged(
        "The rupee was weakened by 4 percent against the dollar",
        "The rupee weakened 4 percent against the dollar",
    ) == (
        Relation.AGREES,
        100.0,
        ["similarity: 100/100"],
    )


def test_by_before_a_party_still_names_who_acted() -> None:
    assert active("the dam was blown up by russian forces") == "russian forces blown up the dam"
