"""Blocking: the candidate pairs of many statements, found in one pass over them in memory.

The statements that share the most of a statement's rarest words are its candidates, as in
candidates.py; an import or a relink finds them all at once here, never by N slow queries.
Prefix filtering on relate's overlap bound (prefilter.overlap_bounds, index.SideIndex) finds
every pair that can reach the threshold, and `could_link` checks each where it is found.
"""

from __future__ import annotations

import functools
import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from tracker.judge import CONTAINMENT_WEIGHT, DICE_WEIGHT
from tracker.link import config
from tracker.link.candidates import COMMON_CAP
from tracker.link.config import DEFAULT_SUGGEST, Progress
from tracker.link.index import SideIndex
from tracker.link.prefilter import (
    _WEIGHTS,
    Shape,
    _score_shares,
    _shapes,
    could_link,
    link_score,
    overlap_bounds,
)
from tracker.parallel import bulk_objects, fan_out, in_parallel

S = TypeVar("S")

# a stem in more statements than this never finds candidates (300 lost 25 % of links at 10k)
BLOCK_CAP = COMMON_CAP
# A passage has no bound: it probes its PREFIX rarest stems, at most BUDGET postings (rarer
# stems first; the first always counts), and keeps the PER partners with the highest bound.
PREFIX = 8
PER = 100
BUDGET = 1_000
FAN_OUT_CHUNKS = 64  # tasks per blocking pass: even work across workers, and a moving progress bar

Pairs = tuple[set[tuple[int, int]], int]  # pairs (a < b), and how many candidates were examined
_Packed = tuple["array[int]", int]  # the same, each pair packed a << 32 | b to cross processes cheaply
_SideSpec = tuple[int, float, float, float, list[set[int]]]  # side, smaller, larger, share, required
_Scored = tuple["array[int]", "array[float]", int]  # packed pairs, their scores, candidates examined


def block_candidates(
    texts: dict[int, str],
    *,
    focus: Iterable[int] | None = None,
    shapes: dict[int, Shape] | None = None,
    threshold: float = DEFAULT_SUGGEST,
    workers: int = 1,
    per: int = PER,
    k: int = PREFIX,
    budget: int = BUDGET,
) -> set[tuple[int, int]]:
    """Pairs (a < b) relate could score at least `threshold`: every such pair (with a statement
    of `focus`, default all), found in one pass by prefix filtering and checked by `could_link`.

    Each side of relate's score (propositions, and whole texts) is blocked on its own: a pair
    relate can link on a side shares enough of both statements' stems there (`SideIndex`).
    A passage (judged sentence by sentence, so no bound holds) keeps the `per` partners sharing
    its k rarest stems that could score highest, probing at most `budget` postings; those pairs
    are left for relate to judge.
    """
    if shapes is None:
        shapes = _shapes(texts, texts, workers)
    focus_set = None if focus is None else set(focus)
    return _block(shapes, focus_set, threshold, workers, per=per, k=k, budget=budget)[0]


def _block(
    shapes: dict[int, Shape],
    wanted: set[int] | None,
    threshold: float,
    workers: int,
    progress: Progress | None = None,
    *,
    per: int = PER,
    k: int = PREFIX,
    budget: int = BUDGET,
) -> Pairs:
    """block_candidates, and how many candidate pairs the indexes turned up."""
    sides = _sides(shapes, wanted, threshold)
    reports = [
        None if progress is None else functools.partial(_report, progress, f"finding candidates ({n}/2)")
        for n in (1, 2)
    ]
    with bulk_objects():
        if workers > 1 and len(shapes) >= config.PARALLEL_MIN:
            # Each side's index is built in one process: the sides run side by side, the text
            # side in a process of its own with half the workers, the propositions' side (three
            # to four times the work) probing with all of them (see scored_candidates).
            (found, count), (pairs, examined) = in_parallel(
                functools.partial(
                    _packed, functools.partial(_block_side, shapes, sides[1], threshold, workers // 2)
                ),
                functools.partial(_block_side, shapes, sides[0], threshold, workers, reports[0]),
            )
            pairs.update(_unpack(found))
            examined += count
            if reports[1] is not None:
                reports[1](1, 1)
        else:
            pairs, examined = set(), 0
            for side, report in zip(sides, reports, strict=True):
                side_pairs, side_count = _block_side(shapes, side, threshold, workers, report)
                pairs |= side_pairs
                examined += side_count
        passages = [sid for sid, (_, passage) in shapes.items() if passage]
        if passages:
            near = _passage_candidates(shapes, passages, wanted, per=per, k=k, budget=budget)
            pairs |= near
            examined += len(near)
    return pairs, examined


def _sides(shapes: dict[int, Shape], wanted: set[int] | None, threshold: float) -> list[_SideSpec]:
    """What each side's index needs: its number, overlap bounds, score share, required sets."""
    required = [] if wanted is None else [wanted]
    # a statement whose whole text has the stems of its proposition scores lower on that side
    # (times TEXT_SIDE_FACTOR): the text side only matters for pairs with another kind of statement
    own_text = {sid for sid, ((prop, norm), _) in shapes.items() if prop != norm}
    return [
        (side, smaller, larger, share, required + [own_text] * side)
        for side, ((smaller, larger), share) in enumerate(
            zip(overlap_bounds(threshold), _score_shares(threshold), strict=True)
        )
    ]


Sink = Callable[["array[int]", "array[float]"], None]  # packed pairs and their scores (nan: ask relate)


def scored_candidates(
    shapes: dict[int, Shape],
    threshold: float,
    workers: int,
    sink: Sink,
    progress: Progress | None = None,
) -> int:
    """Every pair of statements relate would store (score at least `threshold`), as _block
    finds them, with relate's score (prefilter.link_score) or nan where only relate can tell
    (a passage), handed to `sink` in parts as they are found: nothing holds them all. Returns
    how many candidates the indexes turned up. A pair may be handed over more than once."""
    sides = _sides(shapes, None, threshold)
    reports = [
        None if progress is None else functools.partial(_report, progress, f"finding candidates ({n}/2)")
        for n in (1, 2)
    ]
    with bulk_objects():
        if workers > 1 and len(shapes) >= config.PARALLEL_MIN:
            # The text side in a process of its own, its pairs sent back at the end; the
            # propositions' side, three to four times the work (every statement has one, few
            # a text of another wording), probes with every worker meanwhile: with half of
            # them, one core sat idle for most of the pass once the text side was done.
            (codes, scores, count), examined = in_parallel(
                functools.partial(_scored_side, shapes, sides[1], threshold, workers // 2, None),
                functools.partial(_score_side, shapes, sides[0], threshold, workers, sink, reports[0]),
            )
            sink(codes, scores)
            examined += count
            if reports[1] is not None:
                reports[1](1, 1)
        else:
            examined = sum(
                _score_side(shapes, side, threshold, workers, sink, report)
                for side, report in zip(sides, reports, strict=True)
            )
        passages = [sid for sid, (_, passage) in shapes.items() if passage]
        if passages:
            near = sorted(_passage_candidates(shapes, passages, None))
            codes, scores = array("q"), array("d")
            for a, b in near:
                score = link_score(shapes[a], shapes[b], threshold)
                if score is None or score >= threshold:
                    codes.append(a << 32 | b)
                    scores.append(math.nan if score is None else score)
            sink(codes, scores)
            examined += len(near)
    return examined


def _score_side(
    shapes: dict[int, Shape],
    side: _SideSpec,
    threshold: float,
    workers: int,
    sink: Sink,
    report: Callable[[int, int], None] | None = None,
) -> int:
    """One side's pairs relate would store, with their scores, to `sink` as workers find them."""
    number, smaller, larger, share, required = side
    index = SideIndex(shapes, number, smaller, larger, share, required)
    ids = list(range(len(index.ids)))
    parallel = workers > 1 and len(ids) >= config.PARALLEL_MIN
    parts = FAN_OUT_CHUNKS if parallel or report is not None else 1
    chunks = [ids[i::parts] for i in range(parts)]  # interleaved: costs vary along ids
    examined = done = 0
    shared = (index, index.partners, shapes, threshold)
    # in chunk order: the sink sees the pairs in the same order however many workers find them
    with fan_out(_score_some, chunks, shared, workers if parallel else 1) as results:
        for codes, scores, count in results:
            sink(codes, scores)
            examined += count
            done += 1
            if report is not None:
                report(done, parts)
    return examined


def _scored_side(
    shapes: dict[int, Shape],
    side: _SideSpec,
    threshold: float,
    workers: int,
    report: Callable[[int, int], None] | None,
) -> _Scored:
    """_score_side's pairs gathered, to be sent from another process."""
    codes, scores = array("q"), array("d")

    def keep(more_codes: array[int], more_scores: array[float]) -> None:
        codes.extend(more_codes)
        scores.extend(more_scores)

    count = _score_side(shapes, side, threshold, workers, keep, report)
    return codes, scores, count


def _score_some(shared: _Check, positions: list[int]) -> _Scored:
    """_check_some with relate's score of each pair: only the pairs relate would store, or
    must judge itself (score nan)."""
    index, partners_of, shapes, threshold = shared
    ids = index.ids
    codes, scores = array("q"), array("d")
    examined = 0
    for position in positions:
        sid = ids[position]
        partners = partners_of(position)
        examined += len(partners)
        for other in partners:
            oid = ids[other]
            a, b = (sid, oid) if sid < oid else (oid, sid)
            score = link_score(shapes[a], shapes[b], threshold)
            if score is None:
                score = math.nan
            elif score < threshold:
                continue
            codes.append(a << 32 | b)
            scores.append(score)
    return codes, scores, examined


def _passage_candidates(
    shapes: dict[int, Shape],
    passages: list[int],
    focus: set[int] | None,
    *,
    per: int = PER,
    k: int = PREFIX,
    budget: int = BUDGET,
) -> set[tuple[int, int]]:
    df: Counter[str] = Counter()
    union: dict[int, frozenset[str]] = {}
    for sid, ((prop, norm), _) in shapes.items():
        union[sid] = words = prop[0] | norm[0]
        df.update(words)
    sizes = {sid: (prop[1], norm[1]) for sid, ((prop, norm), _) in shapes.items()}
    return _passage_partners(union, df, passages, focus, per, k, budget, sizes)


def _report(progress: Progress, stage: str, done: int, total: int) -> None:
    progress(done, total, stage)


def _block_side(
    shapes: dict[int, Shape],
    side: _SideSpec,
    threshold: float,
    workers: int,
    report: Callable[[int, int], None] | None = None,
) -> Pairs:
    """The pairs one side of relate's score could link, and how many candidates it examined."""
    number, smaller, larger, share, required = side
    index = SideIndex(shapes, number, smaller, larger, share, required)
    return _gather_pairs(
        _check_some, list(range(len(index.ids))), (index, index.partners, shapes, threshold), workers, report
    )


def _block_few(
    shapes: dict[int, Shape],
    focus: set[int],
    threshold: float,
    workers: int,
    progress: Progress | None = None,
) -> Pairs:
    """block_candidates for a focus of a few statements among many: only the focus is
    indexed, and every statement looks itself up in that index (`SideIndex.reaching`), so
    the cost is one pass over the statements, not an index of all of them."""
    pairs: set[tuple[int, int]] = set()
    examined = 0
    with bulk_objects():
        for number, ((smaller, larger), share) in enumerate(
            zip(overlap_bounds(threshold), _score_shares(threshold), strict=True)
        ):
            index = SideIndex(shapes, number, smaller, larger, share, keyed=False)
            keys = index._build(larger, [p for p, sid in enumerate(index.ids) if sid in focus])
            report = (
                None
                if progress is None
                else functools.partial(_report, progress, f"finding candidates ({number + 1}/2)")
            )
            reach = functools.partial(index.reaching, keys=keys)
            found, count = _gather_pairs(
                _check_some, list(range(len(index.ids))), (index, reach, shapes, threshold), workers, report
            )
            pairs |= found
            examined += count
        passages = [sid for sid, (_, passage) in shapes.items() if passage]
        if passages:
            near = _passage_candidates(shapes, passages, focus)
            pairs |= near
            examined += len(near)
    return pairs, examined


def _packed(work: Callable[[], Pairs]) -> _Packed:
    """work's pairs, packed to be sent from another process."""
    pairs, count = work()
    return array("q", (a << 32 | b for a, b in pairs)), count


def _unpack(codes: Iterable[int]) -> Iterator[tuple[int, int]]:
    return (divmod(code, 1 << 32) for code in codes)


def _gather_pairs(
    work: Callable[[S, list[int]], _Packed],
    ids: list[int],
    shared: S,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> Pairs:
    """Run `work` over ids, in forked workers past PARALLEL_MIN, and merge the pairs it keeps
    (packed: cheap to send across processes) and the counts of what it examined."""
    parallel = workers > 1 and len(ids) >= config.PARALLEL_MIN
    parts = FAN_OUT_CHUNKS if parallel or progress is not None else 1
    chunks = [ids[i::parts] for i in range(parts)]  # interleaved: costs vary along ids
    pairs: set[tuple[int, int]] = set()
    examined = done = 0
    with fan_out(work, chunks, shared, workers if parallel else 1, ordered=False) as results:
        for found, count in results:
            pairs.update(_unpack(found))
            examined += count
            done += 1
            if progress is not None:
                progress(done, parts)
    return pairs, examined


# what checking workers share: the index, the partners of a position in it, shapes, threshold
_Check = tuple[SideIndex, Callable[[int], set[int]], dict[int, Shape], float]


def _check_some(shared: _Check, positions: list[int]) -> _Packed:
    """The pairs some statements could link (their index partners that pass the pre-filter)
    and how many partners they examined."""
    index, partners_of, shapes, threshold = shared
    ids = index.ids
    found = array("q")
    examined = 0
    for position in positions:
        sid = ids[position]
        mine = shapes[sid]
        partners = partners_of(position)
        examined += len(partners)
        for other in partners:
            oid = ids[other]
            if could_link(mine, shapes[oid], threshold):
                found.append((sid << 32 | oid) if sid < oid else (oid << 32 | sid))
    return found, examined


def _passage_partners(
    union: dict[int, frozenset[str]],
    df: Counter[str],
    passages: list[int],
    focus: set[int] | None,
    per: int,
    k: int,
    budget: int,
    weights: dict[int, tuple[float, float]],
    workers: int = 1,
) -> set[tuple[int, int]]:
    """For each of `passages`, the `per` statements sharing its k rarest stems that could score
    highest on relate's overlap terms (DICE_WEIGHT·Dice + CONTAINMENT_WEIGHT·containment of the
    shared weight)."""
    postings: dict[str, array[int]] = defaultdict(lambda: array("q"))
    rare = {}
    for sid in passages:
        rare[sid] = sorted((w for w in union[sid] if 1 < df[w] <= BLOCK_CAP), key=lambda w: (df[w], w))[:k]
    wanted = {w for words in rare.values() for w in words}
    for sid, words in union.items():
        for w in words & wanted:
            postings[w].append(sid)
    shared = (rare, postings, df, weights, focus, per, budget)
    return _gather_pairs(_ranked_some, passages, shared, workers)[0]


# what ranking workers share: each passage's rarest stems, the statements holding each stem,
# stem counts, statements' (proposition, text) weights, the focus, per and budget
_Ranked = tuple[
    dict[int, list[str]],
    dict[str, "array[int]"],
    Counter[str],
    dict[int, tuple[float, float]],
    set[int] | None,
    int,
    int,
]


def _ranked_some(shared_by_all: _Ranked, ids: list[int]) -> _Packed:
    """The likeliest partners of some statements, packed a << 32 | b to cross processes cheaply."""
    rare, postings, df, weights, focus, per, budget = shared_by_all
    found: set[int] = set()
    for sid in ids:
        shared: dict[int, float] = defaultdict(float)
        probed = 0
        for w in rare[sid]:
            probed += df[w]
            if probed > budget and probed > df[w]:
                break
            weight = _WEIGHTS[w]
            for other in postings[w]:
                shared[other] += weight
        shared.pop(sid, None)
        mine = weights[sid][1] or 1.0
        bound = {
            o: w
            * (
                2 * DICE_WEIGHT / (mine + (weights[o][1] or 1.0))
                + CONTAINMENT_WEIGHT / min(mine, weights[o][1] or 1.0)
            )
            for o, w in shared.items()
        }
        for other in heapq.nlargest(per, bound, key=lambda o: (bound[o], -o)):
            if focus is None or sid in focus or other in focus:
                found.add((sid << 32 | other) if sid < other else (other << 32 | sid))
    return array("q", sorted(found)), len(found)
