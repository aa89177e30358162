"""Finding candidate pairs (FTS5, or blocking on shared rare words) and storing judged links.

Two paths find the same kind of candidates: the statements that share the most of a
statement's rarest words. A few new statements query FTS5 once each; many (an import, a
relink) are blocked in one pass over all statements in memory, so that linking is never
N slow queries.
"""

from __future__ import annotations

import functools
import gc
import heapq
import itertools
import json
import math
import os
import time
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from sqlite_utils import Database

from tracker.model import (
    InvalidInput,
    Judgement,
    NotFound,
    Relation,
    ReviewStatus,
    TrackerError,
)
from tracker.parallel import stop_pool, worker_pool
from tracker.store import _rows, get_setting, now, set_setting

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)

# Settings: name -> (default, what it means). Defaults are calibrated on SemEval STS
# headlines (2013-2015, relate's score against the gold 0-5 similarity).
SUGGEST = "suggest_threshold"
CONFIRM = "confirm_threshold"
# 45: 96 % of pairs about the same event (gold >= 3) score at least this; suggestions are cheap to review.
DEFAULT_SUGGEST = 45.0
# 90: 99 % of pairs scoring this are about the same event, so a person need not check them.
DEFAULT_CONFIRM = 90.0
# A contradiction is an accusation and a hedged pair only reports a claim: a person confirms
# those unless the wording is all but identical.
CAREFUL_CONFIRM = 97.0
SETTINGS: dict[str, tuple[float, str]] = {
    SUGGEST: (DEFAULT_SUGGEST, "score (0-100) from which a link is stored as suggested"),
    CONFIRM: (DEFAULT_CONFIRM, "score (0-100) from which a link is confirmed without review"),
}

CANDIDATES = 50  # per statement: FTS top-50 finds ~98 % of brute-force links at 100k (MEASUREMENTS.md)
QUERY_TERMS = 6  # the rarest words of a statement; more words make FTS slow without finding more
COMMON_CAP = 10_000  # a word in more documents than this is common whatever the exact count
BATCH_MIN = 200  # from this many new statements, one blocking pass beats one query each
BLOCK_CAP = COMMON_CAP  # a stem in more statements than this never finds candidates (300 lost 25 % of links at 10k)
# Batch blocking: prefix filtering on relate's overlap bound, keyed on pairs of stems, finds
# every pair that can reach the threshold. A passage has no bound: it probes its PREFIX rarest
# stems, at most BUDGET postings (rarer stems first; the first always counts), and keeps the
# PER partners with the highest bound.
PREFIX = 8
PER = 100
BUDGET = 1_000
MARGIN = 1.0  # the pre-filter passes pairs this far below the threshold: rounding never costs a link
WORKERS = min(os.cpu_count() or 1, 8)
# Shared stems counted through pair keys: a pair sharing m stems holds m·(m-1)/2 keys. Past 4,
# longer prefixes cost more postings than the count saves (100k: 4 → 8.0M candidates, 6 → 8.2M).
KEY_STEMS = 4
PARALLEL_MIN = 5_000  # statements: below this, starting worker processes costs more than it saves
FAN_OUT_CHUNKS = 64  # tasks per blocking pass: even work across workers, and a moving progress bar
_STORED = (Relation.AGREES, Relation.CONTRADICTS, Relation.RELATED)
_CAREFUL_CODES = frozenset({"hedge", "modality"})


# --- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    suggest: float = DEFAULT_SUGGEST
    confirm: float = DEFAULT_CONFIRM


def thresholds(db: Database) -> Thresholds:
    values = {}
    for name, (default, _) in SETTINGS.items():
        raw = get_setting(db, name)
        values[name] = float(raw) if raw is not None else default
    return Thresholds(values[SUGGEST], values[CONFIRM])


def settings(db: Database) -> list[dict[str, Any]]:
    """Every setting with its value, default and meaning."""
    current = thresholds(db)
    value = {SUGGEST: current.suggest, CONFIRM: current.confirm}
    return [
        {"key": name, "value": value[name], "default": default, "description": text}
        for name, (default, text) in SETTINGS.items()
    ]


def set_threshold(db: Database, name: str, raw: str) -> float:
    """Validate and store one threshold: a number 0-100, suggest never above confirm."""
    if name not in SETTINGS:
        raise InvalidInput(f"unknown setting {name!r}: use one of {', '.join(SETTINGS)}")
    try:
        value = float(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a number from 0 to 100, not {raw!r}") from None
    if not 0 <= value <= 100 or math.isnan(value):
        raise InvalidInput(f"{name} must be a number from 0 to 100, not {raw!r}")
    current = thresholds(db)
    suggest = value if name == SUGGEST else current.suggest
    confirm = value if name == CONFIRM else current.confirm
    if suggest > confirm:
        raise InvalidInput(
            f"{SUGGEST} ({suggest:g}) must not be above {CONFIRM} ({confirm:g})"
        )
    set_setting(db, name, f"{value:g}")
    return value


def status_for(judgement: Judgement, limits: Thresholds) -> ReviewStatus:
    """Suggested, or confirmed when the score is high enough for no one to check it."""
    careful = judgement.relation is Relation.CONTRADICTS or any(
        r.code in _CAREFUL_CODES for r in judgement.reasons
    )
    needed = max(limits.confirm, CAREFUL_CONFIRM) if careful else limits.confirm
    return ReviewStatus.CONFIRMED if judgement.score >= needed else ReviewStatus.SUGGESTED


# --- candidates ----------------------------------------------------------------------------


def _terms(text: str) -> list[str]:
    from tracker.text import informative_terms

    return informative_terms(text, 16)


def fts_phrase(word: str) -> str:
    """word as an FTS5 phrase: quoted, so that no word is read as query syntax."""
    return '"' + word.replace('"', '""') + '"'


class _DocFrequency:
    """How many statements contain a word, capped (common is common), remembered per run."""

    def __init__(self, db: Database):
        self.db = db
        self.known: dict[str, int] = {}

    def __call__(self, word: str) -> int:
        if word not in self.known:
            row = self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM statements_fts WHERE statements_fts MATCH ? "
                "LIMIT ?)",
                [fts_phrase(word), COMMON_CAP],
            ).fetchone()
            self.known[word] = int(row[0])
        return self.known[word]


def rare_terms(db: Database, text: str, k: int = QUERY_TERMS, df: _DocFrequency | None = None) -> list[str]:
    """The k words of text found in the fewest stored statements (words found in none are dropped)."""
    df = df or _DocFrequency(db)
    counted = [(df(word), position, word) for position, word in enumerate(_terms(text))]
    return [word for count, _, word in sorted(c for c in counted if c[0] > 0)[:k]]


def fts_candidates(
    db: Database,
    text: str,
    *,
    limit: int = CANDIDATES,
    exclude: int | None = None,
    k: int = QUERY_TERMS,
    df: _DocFrequency | None = None,
) -> list[tuple[int, float]]:
    """(statement id, bm25 relevance > 0) of the statements sharing text's rarest words, best first."""
    words = rare_terms(db, text, k, df)
    if not words:
        return []
    match = " OR ".join(fts_phrase(w) for w in words)
    rows = db.execute(
        "SELECT rowid, -bm25(statements_fts) FROM statements_fts WHERE statements_fts MATCH ? "
        "ORDER BY bm25(statements_fts) LIMIT ?",
        [match, limit + 1],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows if r[0] != exclude][:limit]


def _least(gain: Callable[[float], float], need: float) -> float:
    """The least x in [0, 1] with gain(x) >= need (gain non-decreasing), rounded down; 1 if none."""
    if gain(1.0) < need:
        return 1.0
    low, high = 0.0, 1.0
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (low, mid) if gain(mid) >= need else (mid, high)
    return low * (1 - 1e-9)


def overlap_bounds(threshold: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Least shared stem weight, as a share of one side's weight, for relate to reach threshold.

    judge.similarity (before its length damping, which only lowers it) is at most
    (DICE_WEIGHT·Dice + CONTAINMENT_WEIGHT·containment + both edit-distance weights)
    ·min(1, Dice / FULL_DICE), with Dice <= containment <= 1. So the smaller side must share at least c of its weight (containment c, Dice at most
    c), and the larger side at least d/(2-d) of its own (Dice d at containment 1, where the
    smaller side is the shared stems alone). Returned per side of relate's score, proposition
    (threshold) and normalised text (threshold / TEXT_SIDE_FACTOR): ((c, larger share), ...).
    """
    from tracker.judge import CONTAINMENT_WEIGHT, DICE_WEIGHT, FULL_DICE

    edit = _edit_weight()
    out = []
    for need in _score_shares(threshold):
        c = _least(lambda x: ((DICE_WEIGHT + CONTAINMENT_WEIGHT) * x + edit) * min(1.0, x / FULL_DICE), need)
        d = _least(lambda x: (DICE_WEIGHT * x + (CONTAINMENT_WEIGHT + edit)) * min(1.0, x / FULL_DICE), need)
        out.append((c, d / (2 - d)))
    return out[0], out[1]


def block_candidates(
    texts: dict[int, str],
    *,
    focus: Iterable[int] | None = None,
    shapes: dict[int, _Shape] | None = None,
    threshold: float = DEFAULT_SUGGEST,
    workers: int = 1,
    per: int = PER,
    k: int = PREFIX,
    budget: int = BUDGET,
) -> set[tuple[int, int]]:
    """Pairs (a < b) relate could score at least `threshold`: every such pair (with a statement
    of `focus`, default all), found in one pass by prefix filtering and checked by `could_link`.

    Each side of relate's score (propositions, and whole texts) is blocked on its own: a pair
    relate can link on a side shares enough of both statements' stems there (`_SideIndex`).
    A passage (judged sentence by sentence, so no bound holds) keeps the `per` partners sharing
    its k rarest stems that could score highest, probing at most `budget` postings; those pairs
    are left for relate to judge.
    """
    if shapes is None:
        shapes = _shapes(texts, texts, workers)
    focus_set = None if focus is None else set(focus)
    return _block(shapes, focus_set, threshold, workers, per=per, k=k, budget=budget)[0]


def _block(
    shapes: dict[int, _Shape], wanted: set[int] | None, threshold: float, workers: int,
    progress: Progress | None = None, *, per: int = PER, k: int = PREFIX, budget: int = BUDGET,
) -> tuple[set[tuple[int, int]], int]:
    """block_candidates, and how many candidate pairs the indexes turned up."""
    required = [] if wanted is None else [wanted]
    # a statement whose whole text has the stems of its proposition scores lower on that side
    # (times TEXT_SIDE_FACTOR): the text side only matters for pairs with another kind of statement
    own_text = {sid for sid, ((prop, norm), _) in shapes.items() if prop != norm}
    sides = [
        (side, smaller, larger, share, required + [own_text] * side)
        for side, ((smaller, larger), share) in enumerate(
            zip(overlap_bounds(threshold), _score_shares(threshold))
        )
    ]
    reports = [
        None if progress is None else functools.partial(_report, progress, f"finding candidates ({n}/2)")
        for n in (1, 2)
    ]
    with _bulk_objects():
        if workers > 1 and len(shapes) >= PARALLEL_MIN:
            # Each side's index is built in one process: the sides run side by side, the text
            # side in a process of its own, each with half the workers for probing.
            pairs, examined = _in_parallel(
                functools.partial(_block_side, shapes, sides[1], threshold, workers // 2),
                functools.partial(_block_side, shapes, sides[0], threshold, workers - workers // 2, reports[0]),
            )
            if reports[1] is not None:
                reports[1](1, 1)
        else:
            pairs, examined = set(), 0
            for side, report in zip(sides, reports):
                found, count = _block_side(shapes, side, threshold, workers, report)
                pairs |= found
                examined += count
        passages = [sid for sid, (_, passage) in shapes.items() if passage]
        if passages:
            near = _passage_candidates(shapes, passages, wanted, per=per, k=k, budget=budget)
            pairs |= near
            examined += len(near)
    return pairs, examined


def _passage_candidates(
    shapes: dict[int, _Shape], passages: list[int], focus: set[int] | None, *,
    per: int = PER, k: int = PREFIX, budget: int = BUDGET,
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


_SideSpec = tuple[int, float, float, float, list[set[int]]]  # side, smaller, larger, share, required


def _block_side(
    shapes: dict[int, _Shape], side: _SideSpec, threshold: float, workers: int,
    report: Callable[[int, int], None] | None = None,
) -> tuple[set[tuple[int, int]], int]:
    """The pairs one side of relate's score could link, and how many candidates it examined."""
    number, smaller, larger, share, required = side
    index = _SideIndex(shapes, number, smaller, larger, share, required)
    return _fan_out(_check_some, list(range(len(index.ids))), (index, index.partners, shapes, threshold),
                    workers, report)


def _block_few(
    shapes: dict[int, _Shape], focus: set[int], threshold: float, workers: int,
    progress: Progress | None = None,
) -> tuple[set[tuple[int, int]], int]:
    """block_candidates for a focus of a few statements among many: only the focus is
    indexed, and every statement looks itself up in that index (`_SideIndex.reaching`), so
    the cost is one pass over the statements, not an index of all of them."""
    pairs: set[tuple[int, int]] = set()
    examined = 0
    with _bulk_objects():
        for number, ((smaller, larger), share) in enumerate(zip(overlap_bounds(threshold), _score_shares(threshold))):
            index = _SideIndex(shapes, number, smaller, larger, share, keyed=False)
            keys = index._build(larger, [p for p, sid in enumerate(index.ids) if sid in focus])
            report = None if progress is None else \
                functools.partial(_report, progress, f"finding candidates ({number + 1}/2)")
            reach = functools.partial(index.reaching, keys=keys)
            found, count = _fan_out(_check_some, list(range(len(index.ids))), (index, reach, shapes, threshold),
                                    workers, report)
            pairs |= found
            examined += count
        passages = [sid for sid, (_, passage) in shapes.items() if passage]
        if passages:
            near = _passage_candidates(shapes, passages, focus)
            pairs |= near
            examined += len(near)
    return pairs, examined


def _in_parallel(
    background: Callable[[], tuple[set[tuple[int, int]], int]],
    foreground: Callable[[], tuple[set[tuple[int, int]], int]],
) -> tuple[set[tuple[int, int]], int]:
    """Both results, merged: `background` in a forked process (which may start workers of
    its own, and leaves Ctrl-C to this one), `foreground` here."""
    import multiprocessing
    import pickle

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(background, sender))
    gc.freeze()  # what the process inherits is never scanned (and so copied) by it
    try:
        process.start()
    finally:
        gc.unfreeze()
    sender.close()
    try:
        pairs, examined = foreground()
        outcome, payload = pickle.loads(receiver.recv_bytes())
        if outcome == "error":
            raise RuntimeError(f"blocking failed in a worker process: {payload}")
        found, count = payload
        pairs.update(divmod(code, 1 << 32) for code in found)
        return pairs, examined + count
    finally:
        receiver.close()
        process.terminate()
        process.join()


def _send_result(work: Callable[[], tuple[set[tuple[int, int]], int]], sender: Any) -> None:
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        pairs, count = work()
        message = ("ok", (array("q", (a << 32 | b for a, b in pairs)), count))
    except Exception as error:  # reported to the parent, which raises it
        message = ("error", f"{type(error).__name__}: {error}")
    sender.send_bytes(pickle.dumps(message))
    sender.close()


@contextmanager
def _bulk_objects() -> Iterator[None]:
    """No garbage collection while linking holds millions of small objects (texts, stems,
    index lists, judgements; none in a cycle): the collector would rescan them again and again
    (half the time of building an index, 8 % of a whole relink at 100k), and in forked workers
    it would touch, and so copy, every page they share with the parent."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _score_shares(threshold: float) -> tuple[float, float]:
    """The share (0-1) of relate's similarity each side must reach: the proposition's score
    counts whole, the text's times TEXT_SIDE_FACTOR."""
    from tracker.judge import TEXT_SIDE_FACTOR

    return (threshold - MARGIN) / 100, (threshold - MARGIN) / (100 * TEXT_SIDE_FACTOR)


def _edit_weight() -> float:
    """Both edit-distance terms of judge.similarity at their best."""
    from tracker.judge import TOKEN_SET_WEIGHT, TOKEN_SORT_WEIGHT

    return TOKEN_SET_WEIGHT + TOKEN_SORT_WEIGHT


def _heaviest_partner(shared: float, weight: float, share: float) -> float:
    """The heaviest partner (stem weight, at least `weight`) with which sharing `shared` weight
    can still reach `share` of relate's similarity (the bound of overlap_bounds, solved for the
    partner's weight: Dice falls as the partner grows)."""
    from tracker.judge import CONTAINMENT_WEIGHT, DICE_WEIGHT, FULL_DICE

    c0 = CONTAINMENT_WEIGHT * shared / weight + _edit_weight()  # containment and edit distance at their best
    if DICE_WEIGHT * FULL_DICE + c0 >= share:  # reached below FULL_DICE: (DICE_WEIGHT D + c0) D / F = share
        dice = (-c0 + math.sqrt(c0 * c0 + 4 * DICE_WEIGHT * share * FULL_DICE)) / (2 * DICE_WEIGHT)
    else:
        dice = (share - c0) / DICE_WEIGHT
    if dice > 1:
        return 0.0
    return (2 * shared / dice - weight) * (1 + 1e-9) if dice > 0 else math.inf


def _prefix(order: list[tuple[int, float]], need: float, k: int) -> list[int]:
    """Prefix filtering: the stems (rarest first) that hold the first k stems a statement shares
    with any partner sharing at least `need` of its weight. Past them, what is left plus the
    k-1 heaviest stems before it weighs less than `need`."""
    rest = math.fsum(w for _, w in order)
    heaviest: list[float] = []
    out = []
    for rank, weight in order:
        if rest + sum(heaviest) < need:
            break
        out.append(rank)
        rest -= weight
        heaviest = sorted((*heaviest, weight), reverse=True)[: k - 1]
    return out


class _SideIndex:
    """One side's blocking index: statements in (weight, id) order, and the positions of those
    holding each pair of stems (and each single stem heavy enough to link alone).

    A pair relate can link on this side shares at least `smaller` of the lighter statement's
    stem weight and `larger` of the heavier one's (overlap_bounds), so at least m stems; its
    first m shared stems (rarest first) lie in both statements' prefixes (`_prefix`), and each
    pair of them is a key both hold. The heavier statement indexes the pairs of its prefix for
    up to KEY_STEMS shared stems; the lighter one probes the heavier positions, with the stems
    the partner's weight demands: the heavier the partner, the more stems they must share
    (`_heaviest_partner`), the more keys it must hit, m·(m-1)/2.
    """

    def __init__(self, shapes: dict[int, _Shape], side: int, smaller: float, larger: float,
                 share: float, required: Sequence[set[int]] = (), *, keyed: bool = True):
        self.side, self.smaller, self.share = side, smaller, share
        df: Counter[str] = Counter()
        for sides, passage in shapes.values():
            if not passage:
                df.update(sides[side][0])
        common = sorted((w for w, n in df.items() if n > 1), key=lambda w: (df[w], w))
        self.ranks = {w: rank for rank, w in enumerate(common)}
        self.span = len(common)
        ordered = sorted(
            (sides[side][1], sid) for sid, (sides, passage) in shapes.items()
            if not passage and sides[side][0]
        )
        self.ids = [sid for _, sid in ordered]
        self.weights = [weight for weight, _ in ordered]
        self.stems = [shapes[sid][0][side][0] for sid in self.ids]
        # Only pairs with a member of each required set count: a statement outside some of
        # them probes an index of the statements inside those (built once per combination).
        self.required = list(required)
        self.lacking = [
            tuple(i for i, wanted in enumerate(self.required) if sid not in wanted) for sid in self.ids
        ]
        self.larger = larger
        self._least: dict[int, int] = {}
        self.keys = {
            lacking: self._build(larger, [
                p for p, sid in enumerate(self.ids) if all(sid in self.required[i] for i in lacking)
            ], whole=not lacking)
            for lacking in set(self.lacking)
        } if keyed else {}

    def order(self, stems: frozenset[str]) -> list[tuple[int, float]]:
        ranks = self.ranks
        return sorted((ranks[w], _WEIGHTS[w]) for w in stems if w in ranks)

    def _build(
        self, larger: float, positions: Iterable[int], whole: bool = False
    ) -> tuple[_Postings, _Postings]:
        """Pair keys, and single stems heavy enough to link alone, -> the positions holding them.
        In an index of every statement (`whole`), a key only one statement holds pairs nothing:
        whoever probes a key holds it too (its probe prefix is within its index prefix), so
        such keys are dropped (a third of the postings in the 10k benchmark)."""
        span = self.span
        pairs = _Postings(span * span, len(self.ids))
        singles = _Postings(span, len(self.ids))
        for position in positions:
            order = self.order(self.stems[position])
            need = larger * self.weights[position] - 1e-9
            stems = _prefix(order, need, KEY_STEMS)
            pairs.add(position, [a * span + b for i, a in enumerate(stems) for b in stems[i + 1 :]])
            singles.add(position, [rank for rank, weight in order if weight >= need])
        pairs.close(shared_only=whole)
        singles.close(shared_only=whole)
        return pairs, singles

    def partners(self, position: int) -> set[int]:
        """Heavier positions that could link with the statement at `position`."""
        order, weight = self.order(self.stems[position]), self.weights[position]
        if not order:
            return set()
        pairs, singles = self.keys[self.lacking[position]]
        need = self.smaller * weight - 1e-9
        # Band m holds the partners too heavy to link sharing fewer than m stems: positions
        # ends[m-2] to ends[m-1] (the first band starts after this statement).
        heavy = list(itertools.accumulate(sorted((w for _, w in order), reverse=True)))
        widest = _heaviest_partner(weight, weight, self.share)
        ends = [position + 1]
        for m in range(1, KEY_STEMS + 1):
            last = m == KEY_STEMS or m >= len(heavy)
            limit = widest if last else min(widest, _heaviest_partner(heavy[m - 1], weight, self.share))
            ends.append(max(ends[-1], bisect_right(self.weights, limit, ends[-1])))
            if last:
                break
        sizes = _prefix_sizes(order, need, len(ends) - 1)
        stems = [rank for rank, _ in order[: sizes[-1]]]
        span = self.span
        # keys in prefix order: the pairs among the first n stems are the first n(n-1)/2 keys
        keys = [stems[i] * span + stems[j] for j in range(1, len(stems)) for i in range(j)]
        two = sizes[1] if len(sizes) > 1 else 0
        # one or two shared stems: a pair key, or (first band) one stem heavy enough alone
        found = _hits(pairs, keys[: two * (two - 1) // 2], ends[0], ends[min(2, len(ends) - 1)], 1)
        for rank, w in order:
            if w >= need:
                found.update(singles.between(rank, ends[0], ends[1]))
        for m in range(3, len(ends)):
            if ends[m] > ends[m - 1]:
                n = sizes[m - 1]
                found |= _hits(pairs, keys[: n * (n - 1) // 2], ends[m - 1], ends[m], m * (m - 1) // 2)
        return found

    def reaching(self, position: int, keys: tuple[_Postings, _Postings]) -> set[int]:
        """Positions in `keys` (an index of a few statements, `_build`) that could link with
        the statement at `position`, lighter or heavier. Both sides use their longest prefix
        (for the weaker need of the heavier side), so a pair's first m shared stems lie in
        both, and the pair holds m·(m-1)/2 of the keys, m as the lighter side's need demands
        (one shared stem, heavy enough for the lighter side, is heavy enough for both)."""
        order = self.order(self.stems[position])
        weight = self.weights[position]
        need = self.larger * weight - 1e-9
        stems = _prefix(order, need, KEY_STEMS)
        pairs, singles = keys
        span = self.span
        hits = Counter(itertools.chain.from_iterable(
            pairs.between(stems[i] * span + b) for i in range(len(stems)) for b in stems[i + 1 :]
        ))
        alone = set(itertools.chain.from_iterable(
            singles.between(rank) for rank, w in order if w >= need
        ))
        found = set()
        for other in hits.keys() | alone:
            if other == position:
                continue
            lighter = position if (weight, position) < (self.weights[other], other) else other
            low, high = sorted((weight, self.weights[other]))
            if high > _heaviest_partner(low, low, self.share):
                continue  # too heavy for the lighter one to share enough of it
            least = self.least_shared(lighter)
            if hits[other] >= max(1, least * (least - 1) // 2) or (least == 1 and other in alone):
                found.add(other)
        return found

    def least_shared(self, position: int) -> int:
        """How many stems (up to KEY_STEMS) the statement must share with any partner: its
        heaviest stems must reach what it needs to share as the lighter side."""
        if position not in self._least:
            need = self.smaller * self.weights[position] - 1e-9
            total, count = 0.0, 0
            for weight in sorted((w for _, w in self.order(self.stems[position])), reverse=True):
                total += weight
                count += 1
                if total >= need or count == KEY_STEMS:
                    break
            self._least[position] = max(count, 1)
        return self._least[position]


def _prefix_sizes(order: list[tuple[int, float]], need: float, k: int) -> list[int]:
    """len(_prefix(order, need, j)) for j = 1..k, in one pass."""
    rest = math.fsum(w for _, w in order)
    heaviest: list[float] = []
    sizes = [len(order)] * k
    open_from = 0  # sizes[:open_from] are settled
    for i, (_, weight) in enumerate(order):
        while open_from < k and rest + sum(heaviest[:open_from]) < need:
            sizes[open_from] = i
            open_from += 1
        if open_from == k:
            break
        rest -= weight
        heaviest = sorted((*heaviest, weight), reverse=True)[: k - 1]
    return sizes


def _hits(index: _Postings, keys: list[int], low: int, high: int, least: int) -> set[int]:
    """Positions in [low, high) holding at least `least` of the keys."""
    if high <= low:
        return set()
    found = itertools.chain.from_iterable(index.between(key, low, high) for key in keys)
    if least <= 1:
        return set(found)
    counts = Counter(found)
    return {p for p, n in counts.items() if n >= least}


class _Postings:
    """Keys (below `keys`) -> the positions (below `positions`) holding them, packed: each
    posting is one 8-byte code, key << bits | position, in sorted arrays of key ranges. A dict
    of lists cost about 100 bytes a posting, 1.3 GB an index at a million statements."""

    def __init__(self, keys: int, positions: int):
        self.bits = max(1, positions.bit_length())
        if (max(1, keys) << self.bits) >= 1 << 63:
            raise TrackerError(
                f"too many distinct words to link {positions:,} statements in one pass "
                "(a blocking key no longer fits 63 bits)"
            )
        # two to four key ranges a position: each range is sorted on its own (sorting never
        # holds a big list) and a lookup searches a few dozen codes
        self.shift = max(0, keys.bit_length() - positions.bit_length() - 2)
        self.ranges: list[array[int]] = [array("q") for _ in range((keys >> self.shift) + 1)]

    def add(self, position: int, keys: Iterable[int]) -> None:
        bits, shift, ranges = self.bits, self.shift, self.ranges
        for key in keys:
            ranges[key >> shift].append(key << bits | position)

    def close(self, *, shared_only: bool = False) -> None:
        """Sort each range: by key, then position. With `shared_only`, drop the keys only one
        position holds."""
        bits = self.bits
        for i, codes in enumerate(self.ranges):
            if codes:
                ordered = sorted(codes)
                if shared_only:
                    held = Counter(code >> bits for code in ordered)
                    ordered = [code for code in ordered if held[code >> bits] > 1]
                self.ranges[i] = array("q", ordered)

    def between(self, key: int, low: int = 0, high: int | None = None) -> Iterable[int]:
        """The positions in [low, high) holding `key`, in increasing order."""
        codes = self.ranges[key >> self.shift]
        base = key << self.bits
        start = bisect_left(codes, base | low)
        end = bisect_left(codes, base + (1 << self.bits if high is None else high), start)
        return map(base.__rsub__, codes[start:end]) if end > start else ()


_SHARED: Any = None  # what forked blocking workers inherit instead of receiving it pickled


def _fan_out(
    work: Callable[[list[int]], tuple[array[int], int]], ids: list[int], shared: Any, workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[set[tuple[int, int]], int]:
    """Run `work` over ids, in forked workers past PARALLEL_MIN. It returns the pairs it keeps,
    packed a << 32 | b (cheap to send across processes), and how many it examined."""
    global _SHARED
    _SHARED = shared
    parallel = workers > 1 and len(ids) >= PARALLEL_MIN
    parts = FAN_OUT_CHUNKS if parallel or progress is not None else 1
    chunks = [ids[i::parts] for i in range(parts)]  # interleaved: costs vary along ids
    pairs: set[tuple[int, int]] = set()
    examined = done = 0
    try:
        pool = _pool(workers) if parallel else None
        try:
            results = pool.imap_unordered(work, chunks) if pool is not None else map(work, chunks)
            for found, count in results:
                pairs.update(divmod(code, 1 << 32) for code in found)
                examined += count
                done += 1
                if progress is not None:
                    progress(done, parts)
        finally:
            if pool is not None:
                stop_pool(pool)
    finally:
        _SHARED = None
    return pairs, examined


def _check_some(positions: list[int]) -> tuple[array[int], int]:
    """The pairs some statements could link (their index partners that pass the pre-filter)
    and how many partners they examined."""
    index, partners_of, shapes, threshold = _SHARED
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
    union: dict[int, frozenset[str]], df: Counter[str], passages: list[int],
    focus: set[int] | None, per: int, k: int, budget: int,
    weights: dict[int, tuple[float, float]], workers: int = 1,
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
    return _fan_out(_ranked_some, passages, (rare, postings, df, weights, focus, per, budget), workers)[0]


def _ranked_some(ids: list[int]) -> tuple[array[int], int]:
    """The likeliest partners of some statements, packed a << 32 | b to cross processes cheaply."""
    from tracker.judge import CONTAINMENT_WEIGHT, DICE_WEIGHT

    rare, postings, df, weights, focus, per, budget = _SHARED
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
            o: w * (2 * DICE_WEIGHT / (mine + (weights[o][1] or 1.0)) + CONTAINMENT_WEIGHT / min(mine, weights[o][1] or 1.0))
            for o, w in shared.items()
        }
        for other in heapq.nlargest(per, bound, key=lambda o: (bound[o], -o)):
            if focus is None or sid in focus or other in focus:
                found.add((sid << 32 | other) if sid < other else (other << 32 | sid))
    return array("q", sorted(found)), len(found)


def _pool(workers: int) -> Any:
    # fork: workers inherit the texts and indexes instead of receiving them pickled; frozen, the
    # inherited objects are never scanned by a worker's garbage collector (which would copy
    # every page it touched)
    gc.freeze()
    try:
        return worker_pool(workers, fork=True)
    finally:
        gc.unfreeze()


# --- pre-filter ----------------------------------------------------------------------------
# relate() scores a short pair by relate.similarity() of the two propositions (and of the
# whole normalised texts, times 0.9) and stores nothing below the suggest threshold. Most
# candidate pairs score far below it, so the same similarity is computed here from each
# statement's stems prepared once, and relate() only judges the pairs that can reach it.

_Side = tuple[frozenset[str], float, str, str]  # stems, their weight, sorted set, stems in order
_Shape = tuple[tuple[_Side, ...], bool]  # (proposition, normalised text) sides; is a passage


def _shape(text: str, proposition: str | None = None) -> _Shape:
    """A statement's sides as relate sees them; `proposition` is the one stored when the
    statement was written (the same analysis relate runs), which saves analysing it again."""
    from tracker.judge import is_passage, stem_list
    from tracker.text import analyse_full, normalise

    if proposition is None:
        analysis = analyse_full(text)
        proposition, norm = analysis.proposition, analysis.norm
    else:
        norm = normalise(text)
    stems, norm_stems = stem_list(proposition), stem_list(norm)
    first = _side(stems)
    # most statements are their proposition: one side object serves both (it halves the memory
    # of a shape, and shapes are most of what linking a million statements holds)
    sides = (first, first if norm_stems == stems else _side(norm_stems))
    return sides, is_passage(text)


def _side(listed: tuple[str, ...]) -> _Side:
    unique = frozenset(listed)
    # fsum: the same weight whatever order the set iterates in (it varies with the hash seed)
    return unique, math.fsum(map(_WEIGHTS.__getitem__, unique)), " ".join(sorted(unique)), " ".join(listed)


def _shapes_some(items: list[tuple[int, str, str | None]]) -> list[tuple[int, _Shape]]:
    return [(sid, _shape(text, proposition)) for sid, text, proposition in items]


def _shapes(
    texts: dict[int, str], ids: Iterable[int], workers: int, propositions: dict[int, str] | None = None
) -> dict[int, _Shape]:
    """Each statement's stems and weights, analysed once (in worker processes when many)."""
    known = propositions or {}
    items = [(sid, texts[sid], known.get(sid)) for sid in ids]
    if workers <= 1 or len(items) < PARALLEL_MIN:
        return dict(_shapes_some(items))
    size = max(500, len(items) // (workers * 8))
    pool = _pool(workers)
    try:
        parts = pool.map(_shapes_some, [items[i : i + size] for i in range(0, len(items), size)])
    finally:
        stop_pool(pool)
    return {sid: shape for part in parts for sid, shape in part}


class _Weights(dict[str, float]):
    def __missing__(self, term: str) -> float:
        from tracker.judge import stem_weight

        value = self[term] = stem_weight(term)
        return value


_WEIGHTS = _Weights()


class _Scoring(NamedTuple):
    fuzz: Any
    full_dice: float
    dice: float
    containment: float
    token_set: float
    token_sort: float
    edit: float
    text_side: float


@lru_cache(maxsize=1)
def _scorers() -> _Scoring:
    # imported once, not per pair: the pre-filter runs millions of times
    from rapidfuzz import fuzz

    from tracker import judge

    return _Scoring(
        fuzz, judge.FULL_DICE, judge.DICE_WEIGHT, judge.CONTAINMENT_WEIGHT, judge.TOKEN_SET_WEIGHT,
        judge.TOKEN_SORT_WEIGHT, _edit_weight(), judge.TEXT_SIDE_FACTOR,
    )


def _side_reaches(x: _Side, y: _Side, need: float) -> bool:
    """Does relate.similarity of two sides reach `need` (0-100)? The word overlap comes first;
    the two edit-distance terms are computed only while they can matter."""
    sa, wa, ja, la = x
    sb, wb, jb, lb = y
    if not sa or not sb:
        return False
    fuzz, FULL_DICE, dice_weight, containment, token_set, token_sort, edit, _ = _scorers()
    shared = sum(map(_WEIGHTS.__getitem__, sa & sb))
    dice = 2 * shared / (wa + wb)
    overlap = dice_weight * dice + containment * shared / min(wa, wb)
    damping = min(1.0, dice / FULL_DICE)
    small = min(len(sa), len(sb))
    if small < 3:
        damping *= 0.75 + 0.125 * small
    ratio = max(len(sa), len(sb)) / small
    if ratio > 3:
        damping *= max(0.6, 1 - 0.05 * (ratio - 3))
    need = need / 100 / damping if damping else math.inf
    if overlap + edit < need:
        return False
    overlap += token_set * fuzz.token_set_ratio(ja, jb) / 100
    if overlap + token_sort < need:
        return False
    return bool(overlap + token_sort * fuzz.token_sort_ratio(la, lb) / 100 >= need)


def could_link(a: _Shape, b: _Shape, threshold: float) -> bool:
    """Can relate(a, b) score at least threshold? False only when it cannot: relate scores a
    short pair by the similarity of the propositions, or of the whole texts times TEXT_SIDE_FACTOR."""
    if b[1]:
        return True  # b is a passage: relate judges it sentence by sentence
    floor = threshold - MARGIN
    return _side_reaches(a[0][0], b[0][0], floor) or _side_reaches(
        a[0][1], b[0][1], floor / _scorers().text_side
    )


# --- linking -------------------------------------------------------------------------------


@dataclass
class LinkStats:
    """What a linking run did: candidate pairs, pairs judged by relate() (the rest cannot reach
    the suggest threshold), links written by relation, stale links removed, and the seconds
    each stage took."""

    judged: int = 0
    candidates: int = 0
    stored: Counter[str] = field(default_factory=Counter)
    removed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started

    def timings(self) -> str:
        """`preparing 5.0 s, finding candidates 31.2 s, ...`: where the time went."""
        return ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in self.seconds.items())

    @property
    def links(self) -> int:
        return sum(self.stored.values())

    def summary(self) -> str:
        parts = ", ".join(f"{n} {relation}" for relation, n in sorted(self.stored.items()))
        return f"{self.links} link{'s' if self.links != 1 else ''}" + (f" ({parts})" if parts else "")


def _texts(db: Database, ids: Iterable[int] | None = None) -> dict[int, str]:
    if ids is None:
        return {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")}
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(
            (int(r[0]), r[1])
            for r in db.execute(f"SELECT id, text FROM statements WHERE id IN ({marks})", chunk)
        )
    return out


def _propositions(db: Database) -> dict[int, str]:
    """The propositions stored with the statements (analysed when each was written)."""
    return {int(r[0]): r[1] for r in db.execute("SELECT id, proposition FROM statements")}


Found = tuple[int, int, Judgement, ReviewStatus]


def _judge_some(pairs: Sequence[tuple[int, int]]) -> tuple[list[Found], int]:
    """Judge the pairs that pass the pre-filter; returns what to store and how many were judged."""
    from tracker.judge import relate

    texts, shapes, limits = _JUDGE
    found = []
    judged = 0
    for a, b in pairs:
        if not could_link(shapes[a], shapes[b], limits.suggest):
            continue
        judged += 1
        judgement = relate(texts[a], texts[b], related_threshold=limits.suggest)
        if judgement.relation in _STORED and judgement.score >= limits.suggest:
            found.append((a, b, judgement, status_for(judgement, limits)))
    return found, judged


_JUDGE: Any = None  # what forked judging workers share: (texts, shapes, limits)
_CHUNK = 2_000  # pairs per task: small enough for steady progress, large enough to be cheap


def _judge(
    pairs: Sequence[tuple[int, int]],
    texts: dict[int, str],
    limits: Thresholds,
    progress: Progress | None,
    *,
    workers: int = 1,
    shapes: dict[int, _Shape] | None = None,
) -> tuple[list[Found], int]:
    """Links among the candidate pairs (in pair order) and how many pairs relate() judged."""
    global _JUDGE
    if shapes is None:
        shapes = _shapes(texts, sorted({i for pair in pairs for i in pair}), workers)
    chunks = [pairs[i : i + _CHUNK] for i in range(0, len(pairs), _CHUNK)]
    _JUDGE = (texts, shapes, limits)
    found: list[Found] = []
    judged = done = 0
    pool = _pool(workers) if workers > 1 and len(shapes) >= PARALLEL_MIN else None
    try:
        results: Iterable[tuple[list[Found], int]] = (
            map(_judge_some, chunks) if pool is None else pool.imap(_judge_some, chunks)
        )
        for chunk, (some, count) in zip(chunks, results):
            found.extend(some)
            judged += count
            done += len(chunk)
            if progress is not None:
                progress(done, len(pairs), "judging pairs")
    finally:
        if pool is not None:
            stop_pool(pool)  # every result is in, or something failed: either way, stop them
        _JUDGE = None
    return found, judged


def _write(db: Database, found: list[tuple[int, int, Judgement, ReviewStatus]], stats: LinkStats) -> None:
    from tracker.judge import ENGINE_VERSION

    stamp = now()
    rows = []
    for a, b, judgement, status in found:
        data = judgement.to_dict()
        rows.append(
            [a, b, data["relation"], data["score"], json.dumps(data["reasons"], ensure_ascii=False),
             status.value, ENGINE_VERSION, stamp]
        )
        stats.stored[data["relation"]] += 1
    # A link a person reviewed (reviewed_at set) keeps their decision whatever the engine says.
    db.conn.executemany(
        """INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(a_id, b_id) DO UPDATE SET
             relation = excluded.relation, score = excluded.score, reasons = excluded.reasons,
             status = excluded.status, engine = excluded.engine
           WHERE links.reviewed_at IS NULL""",
        rows,
    )


def _pairs_for(
    db: Database, ids: list[int], texts: dict[int, str], progress: Progress | None, workers: int,
    stats: LinkStats,
) -> tuple[set[tuple[int, int]], dict[int, _Shape] | None]:
    """Candidate pairs of the new statements `ids` (stats.candidates: how many were examined),
    and every statement's shape when blocking (rather than FTS queries) found them."""
    total = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    if len(ids) >= BATCH_MIN:
        with stats.timed("preparing"):
            texts.update(_texts(db))
            shapes = _shapes(texts, texts, workers, _propositions(db))
        # a tenth of the statements or more: index everyone; fewer: index only the new ones
        block = _block if len(ids) * 10 >= total else _block_few
        with stats.timed("finding candidates"):
            pairs, stats.candidates = block(shapes, set(ids), thresholds(db).suggest, workers, progress)
        return pairs, shapes
    df = _DocFrequency(db)
    pairs: set[tuple[int, int]] = set()
    with stats.timed("finding candidates"):
        for done, sid in enumerate(ids, start=1):
            for other, _ in fts_candidates(db, texts[sid], exclude=sid, df=df):
                pairs.add((sid, other) if sid < other else (other, sid))
            if progress is not None and (done % 50 == 0 or done == len(ids)):
                progress(done, len(ids), "finding candidates")
    with stats.timed("preparing"):
        missing = {i for pair in pairs for i in pair} - texts.keys()
        texts.update(_texts(db, missing))
    stats.candidates = len(pairs)
    return pairs, None


def link_new(
    db: Database, ids: Iterable[int], *, progress: Progress | None = None, workers: int = WORKERS
) -> LinkStats:
    """Link the given (new) statements to every related stored statement."""
    with _bulk_objects():
        return _link_new(db, ids, progress, workers)


def _link_new(db: Database, ids: Iterable[int], progress: Progress | None, workers: int) -> LinkStats:
    wanted = sorted(set(ids))
    stats = LinkStats()
    if not wanted:
        return stats
    limits = thresholds(db)
    with stats.timed("preparing"):
        texts = _texts(db, wanted)
    found_pairs, shapes = _pairs_for(db, [i for i in wanted if i in texts], texts, progress, workers, stats)
    with stats.timed("judging"):
        pairs = sorted(found_pairs)
        found, stats.judged = _judge(pairs, texts, limits, progress, workers=workers, shapes=shapes)
    with stats.timed("writing"), db.atomic():
        _write(db, found, stats)
    return stats


def relink_all(db: Database, *, progress: Progress | None = None, workers: int = WORKERS) -> LinkStats:
    """Judge every candidate pair again; unreviewed links no longer found are removed."""
    with _bulk_objects():
        return _relink_all(db, progress, workers)


def _relink_all(db: Database, progress: Progress | None, workers: int) -> LinkStats:
    stats = LinkStats()
    limits = thresholds(db)
    with stats.timed("preparing"):
        texts = _texts(db)
        shapes = _shapes(texts, texts, workers, _propositions(db))
    with stats.timed("finding candidates"):
        found_pairs, stats.candidates = _block(shapes, None, limits.suggest, workers, progress)
        pairs = sorted(found_pairs)
    with stats.timed("judging"):
        found, stats.judged = _judge(pairs, texts, limits, progress, workers=workers, shapes=shapes)
    keep = {(a, b) for a, b, _, _ in found}
    with stats.timed("writing"), db.atomic():
        _write(db, found, stats)
        stale = [
            (int(r[0]),)
            for r in db.execute("SELECT id, a_id, b_id FROM links WHERE reviewed_at IS NULL")
            if (r[1], r[2]) not in keep
        ]
        db.conn.executemany("DELETE FROM links WHERE id = ?", stale)
        stats.removed = len(stale)
    return stats


# --- review --------------------------------------------------------------------------------


def _review(db: Database, link_id: int, status: ReviewStatus, by: str | None) -> dict[str, Any]:
    with db.atomic():
        cursor = db.execute(
            "UPDATE links SET status = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?",
            [status.value, now(), by, link_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"no link with id {link_id}")
    return next(_rows(db, "SELECT * FROM links WHERE id = ?", [link_id]))


def confirm_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person confirms a link: relinking never changes it again."""
    return _review(db, link_id, ReviewStatus.CONFIRMED, by)


def reject_link(db: Database, link_id: int, *, by: str | None = None) -> dict[str, Any]:
    """A person rejects a link: it is never listed or re-suggested."""
    return _review(db, link_id, ReviewStatus.REJECTED, by)


def suggested_links(db: Database, *, relation: str | None = None) -> list[dict[str, Any]]:
    """Links waiting for a person, strongest first, with both statements."""
    from tracker.reports import list_links

    return list_links(db, relation=relation, status=ReviewStatus.SUGGESTED.value)
