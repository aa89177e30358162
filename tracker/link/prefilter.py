"""What relate() can score, found without running it: each statement's stems prepared once
(its shape), the exact pre-filter `could_link`, and the bounds on shared stem weight that
blocking builds its indexes on.

relate() scores a short pair by judge.similarity() of the two propositions (and of the whole
normalised texts, times TEXT_SIDE_FACTOR) and stores nothing below the suggest threshold.
Most candidate pairs score far below it, so the same similarity is computed here from each
statement's stems prepared once, and relate() only judges the pairs that can reach it. Every
weight here is the judge's own, imported: a pre-filter with other numbers would drop links.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from tracker.judge import (
    CONTAINMENT_WEIGHT,
    DICE_WEIGHT,
    FULL_DICE,
    TEXT_SIDE_FACTOR,
    TOKEN_SET_WEIGHT,
    TOKEN_SORT_WEIGHT,
    active,
    is_passage,
    length_damping,
    stem_list,
    stem_weight,
)
from tracker.judge_numbers import _identifiers, _opens
from tracker.judge_similarity import combined
from tracker.link import config
from tracker.parallel import fan_out
from tracker.parts import _said, title_case
from tracker.text import analyse_full, normalise

MARGIN = 1.0  # the pre-filter passes pairs this far below the threshold: rounding never costs a link
_EDIT_WEIGHT = TOKEN_SET_WEIGHT + TOKEN_SORT_WEIGHT  # both edit-distance terms at their best

_Side = tuple[frozenset[str], float, str, str]  # stems, their weight, sorted set, stems in order
Shape = tuple[tuple[_Side, ...], bool]  # (proposition, normalised text) sides; is a passage


def _shape(text: str, proposition: str | None = None) -> Shape:
    """A statement's sides as relate sees them; `proposition` is the one stored when the
    statement was written (the same analysis relate runs), which saves analysing it again."""
    return _built(*_stems(text, proposition))


_Stems = tuple[tuple[str, ...], tuple[str, ...], bool]  # proposition's stems, text's, is a passage


def _stems(text: str, proposition: str | None = None) -> _Stems:
    return _prepared(text, proposition)[0]


# What relate's refusals of a pair its score reaches need the two statements to share: the
# event lead (judge._other_event) and the names of a kind that open the claim ("route" of
# "Route 9 is closed": judge_numbers._other_names). None: nothing relate could refuse.
Lead = tuple[str | None, frozenset[str]] | None


def _prepared(text: str, proposition: str | None, leads: bool = False) -> tuple[_Stems, Lead]:
    """The stems of a statement's two sides, and (when asked) its event lead."""
    if proposition is None:
        analysis = analyse_full(text)
        proposition, norm = analysis.proposition, analysis.norm
    else:
        norm = normalise(text)
    stems = stem_list(proposition), stem_list(norm), is_passage(text)
    return stems, (_event_lead(text, proposition, norm) if leads else None)


def _event_lead(text: str, proposition: str, norm: str) -> Lead:
    """What relate's refusals of a pair scoring the threshold need the two statements to share.
    judge._other_event calls two sentences one setting with two events only when, both
    propositions and both whole texts read in the active voice, they open with the same
    informative word (parts.other_event's subject; parts._said the words it reads), and
    neither is a title; judge_numbers._other_names calls them two things when both claims open
    with a name of one kind ("Route 9" / "Route 4"). None: relate never refuses this statement
    a link its score reaches."""
    names = frozenset(noun for noun in _identifiers(proposition) if _opens(proposition, noun))
    event = None
    if not title_case(text):
        said, said_norm = _said(active(proposition)), _said(active(norm))
        if said and said_norm:
            event = sys.intern(f"{said[0][0]} {said_norm[0][0]}")
    return (event, names) if event is not None or names else None


def could_refuse(lead_a: Lead, lead_b: Lead) -> bool:
    """Can relate refuse a short pair whose score reaches the threshold? Only when both
    statements have the same event lead, or open with names of one kind; tests hold this on
    whole corpora."""
    if lead_a is None or lead_b is None:
        return False
    return (lead_a[0] is not None and lead_a[0] == lead_b[0]) or bool(lead_a[1] & lead_b[1])


def _built(stems: tuple[str, ...], norm_stems: tuple[str, ...], passage: bool) -> Shape:
    first = _side(stems)
    # most statements are their proposition: one side object serves both (it halves the memory
    # of a shape, and shapes are most of what linking a million statements holds)
    return (first, first if norm_stems == stems else _side(norm_stems)), passage


def _side(listed: tuple[str, ...]) -> _Side:
    unique = frozenset(listed)
    # fsum: the same weight whatever order the set iterates in (it varies with the hash seed)
    return unique, math.fsum(map(_WEIGHTS.__getitem__, unique)), " ".join(sorted(unique)), " ".join(listed)


def _stems_some(leads: bool, items: list[tuple[int, str, str | None]]) -> list[tuple[int, _Stems, Lead]]:
    return [(sid, *_prepared(text, proposition, leads)) for sid, text, proposition in items]


def _shapes(
    texts: dict[int, str],
    ids: Iterable[int],
    workers: int,
    propositions: dict[int, str] | None = None,
    leads: dict[int, Lead] | None = None,
) -> dict[int, Shape]:
    """Each statement's stems and weights, analysed once (in worker processes when many), and
    into `leads` when given, each statement's event lead (_event_lead).
    Workers send back the stems in order and the sets are made here: a set unpickled from
    another process can iterate in another order than the one relate makes from the same
    stems, and similarity's sums (link_score) must add in relate's order."""
    known = propositions or {}
    items = [(sid, texts[sid], known.get(sid)) for sid in ids]
    want = leads is not None
    if workers <= 1 or len(items) < config.PARALLEL_MIN:
        parts: Iterable[list[tuple[int, _Stems, Lead]]] = [_stems_some(want, items)]
        return _gathered(parts, leads)
    size = max(500, len(items) // (workers * 8))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    with fan_out(_stems_some, chunks, want, workers) as results:
        return _gathered(results, leads)


def _gathered(
    parts: Iterable[list[tuple[int, _Stems, Lead]]], leads: dict[int, Lead] | None
) -> dict[int, Shape]:
    shapes = {}
    for part in parts:
        for sid, stems, lead in part:
            shapes[sid] = _built(*stems)
            if leads is not None:
                leads[sid] = lead if lead is None or lead[0] is None else (sys.intern(lead[0]), lead[1])
    return shapes


class _Weights(dict[str, float]):
    def __missing__(self, term: str) -> float:
        value = self[term] = stem_weight(term)
        return value


_WEIGHTS = _Weights()


def _side_reaches(x: _Side, y: _Side, need: float) -> bool:
    """Does judge.similarity of two sides reach `need` (0-100)? The word overlap comes first;
    the two edit-distance terms are computed only while they can matter."""
    sa, wa, ja, la = x
    sb, wb, jb, lb = y
    if not sa or not sb:
        return False
    shared = sum(map(_WEIGHTS.__getitem__, sa & sb))
    dice = 2 * shared / (wa + wb)
    overlap = DICE_WEIGHT * dice + CONTAINMENT_WEIGHT * shared / min(wa, wb)
    damping = min(1.0, dice / FULL_DICE) * length_damping(len(sa), len(sb))
    need = need / 100 / damping if damping else math.inf
    if overlap + _EDIT_WEIGHT < need:
        return False
    overlap += TOKEN_SET_WEIGHT * fuzz.token_set_ratio(ja, jb) / 100
    if overlap + TOKEN_SORT_WEIGHT < need:
        return False
    return overlap + TOKEN_SORT_WEIGHT * fuzz.token_sort_ratio(la, lb) / 100 >= need


def _side_score(x: _Side, y: _Side, need: float) -> float:
    """judge.similarity of two sides when it can reach `need` (0-100), else 0.0: _side_reaches'
    bounds first, then the score from the same terms, summed in the same order as similarity
    sums them, so the same float (tests compare it with relate's score on whole corpora)."""
    sa, wa, ja, la = x
    sb, wb, jb, lb = y
    if not sa or not sb:
        return 0.0
    weigh = _WEIGHTS.__getitem__
    shared = sum(map(weigh, sa & sb))
    dice = 2 * shared / (wa + wb)
    overlap = DICE_WEIGHT * dice + CONTAINMENT_WEIGHT * shared / min(wa, wb)
    damping = min(1.0, dice / FULL_DICE) * length_damping(len(sa), len(sb))
    bound = need / 100 / damping if damping else math.inf
    if overlap + _EDIT_WEIGHT < bound:
        return 0.0
    fuzzy = fuzz.token_set_ratio(ja, jb) / 100
    if overlap + TOKEN_SET_WEIGHT * fuzzy + TOKEN_SORT_WEIGHT < bound:
        return 0.0
    ordered = fuzz.token_sort_ratio(la, lb) / 100
    if overlap + TOKEN_SET_WEIGHT * fuzzy + TOKEN_SORT_WEIGHT * ordered < bound:
        return 0.0
    # similarity weighs each side by a plain sum in the set's order (the shapes keep an fsum)
    wa, wb = sum(map(weigh, sa)), sum(map(weigh, sb))
    dice, contain = 2 * shared / (wa + wb), shared / min(wa, wb)
    return combined(dice, contain, fuzzy, ordered, len(sa), len(sb))


def link_score(a: Shape, b: Shape, threshold: float) -> float | None:
    """relate(a, b)'s score when it can reach `threshold` (below it, a lower score or 0.0),
    computed from the shapes without judging; None when only relate can tell (b is a passage).
    A short pair scoring at least the threshold is stored (agrees, contradicts or related)
    unless relate finds two events in one setting (could_refuse), so linking ranks a
    statement's links by this score and judges only those it must."""
    if b[1]:
        return None
    floor = threshold - MARGIN
    (pa, na), (pb, nb) = a[0], b[0]
    score = _side_score(pa, pb, floor)
    if na is not pa or nb is not pb:  # the texts' side can only win when it differs
        score = max(score, _side_score(na, nb, floor / TEXT_SIDE_FACTOR) * TEXT_SIDE_FACTOR)
    return round(score, 1)


def could_link(a: Shape, b: Shape, threshold: float) -> bool:
    """Can relate(a, b) score at least threshold? False only when it cannot: relate scores a
    short pair by the similarity of the propositions, or of the whole texts times TEXT_SIDE_FACTOR."""
    if b[1]:
        return True  # b is a passage: relate judges it sentence by sentence
    floor = threshold - MARGIN
    return _side_reaches(a[0][0], b[0][0], floor) or _side_reaches(a[0][1], b[0][1], floor / TEXT_SIDE_FACTOR)


# --- bounds on shared stem weight, for blocking ---------------------------------------------


def _least(gain: Callable[[float], float], need: float) -> float:
    """The least x in [0, 1] with gain(x) >= need (gain non-decreasing), rounded down; 1 if none."""
    if gain(1.0) < need:
        return 1.0
    low, high = 0.0, 1.0
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (low, mid) if gain(mid) >= need else (mid, high)
    return low * (1 - 1e-9)


def _score_shares(threshold: float) -> tuple[float, float]:
    """The share (0-1) of judge.similarity each side must reach: the proposition's score
    counts whole, the text's times TEXT_SIDE_FACTOR."""
    return (threshold - MARGIN) / 100, (threshold - MARGIN) / (100 * TEXT_SIDE_FACTOR)


def overlap_bounds(threshold: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Least shared stem weight, as a share of one side's weight, for relate to reach threshold.

    judge.similarity (before its length damping, which only lowers it) is at most
    (DICE_WEIGHT·Dice + CONTAINMENT_WEIGHT·containment + both edit-distance weights)
    ·min(1, Dice / FULL_DICE), with Dice <= containment <= 1. So the smaller side must share
    at least c of its weight (containment c, Dice at most c), and the larger side at least
    d/(2-d) of its own (Dice d at containment 1, where the smaller side is the shared stems
    alone). Returned per side of relate's score, proposition (threshold) and normalised text
    (threshold / TEXT_SIDE_FACTOR): ((c, larger share), ...).
    """
    out = []
    for need in _score_shares(threshold):
        c = _least(
            lambda x: ((DICE_WEIGHT + CONTAINMENT_WEIGHT) * x + _EDIT_WEIGHT) * min(1.0, x / FULL_DICE), need
        )
        d = _least(
            lambda x: (DICE_WEIGHT * x + (CONTAINMENT_WEIGHT + _EDIT_WEIGHT)) * min(1.0, x / FULL_DICE), need
        )
        out.append((c, d / (2 - d)))
    return out[0], out[1]


def _heaviest_partner(shared: float, weight: float, share: float) -> float:
    """The heaviest partner (stem weight, at least `weight`) with which sharing `shared` weight
    can still reach `share` of judge.similarity (the bound of overlap_bounds, solved for the
    partner's weight: Dice falls as the partner grows)."""
    c0 = CONTAINMENT_WEIGHT * shared / weight + _EDIT_WEIGHT  # containment and edit distance at their best
    if DICE_WEIGHT * FULL_DICE + c0 >= share:  # reached below FULL_DICE: (DICE_WEIGHT D + c0) D / F = share
        dice = (-c0 + math.sqrt(c0 * c0 + 4 * DICE_WEIGHT * share * FULL_DICE)) / (2 * DICE_WEIGHT)
    else:
        dice = (share - c0) / DICE_WEIGHT
    if dice > 1:
        return 0.0
    return (2 * shared / dice - weight) * (1 + 1e-9) if dice > 0 else math.inf
