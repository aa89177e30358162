"""One side's blocking index: prefix filtering keyed on pairs of stems, over packed postings.

A statement lists its stems rarest first; any partner sharing enough of its weight shares one
of the first few (its prefix). Keys are pairs of prefix stems, so a partner must hit several.
"""

from __future__ import annotations

import itertools
import math
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from tracker.link.prefilter import _WEIGHTS, Shape, _heaviest_partner
from tracker.model import TrackerError

# Shared stems counted through pair keys: a pair sharing m stems holds m·(m-1)/2 keys. Past 4,
# longer prefixes cost more postings than the count saves (100k: 4 → 8.0M candidates, 6 → 8.2M).
KEY_STEMS = 4


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


class SideIndex:
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

    def __init__(
        self,
        shapes: dict[int, Shape],
        side: int,
        smaller: float,
        larger: float,
        share: float,
        required: Sequence[set[int]] = (),
        *,
        keyed: bool = True,
    ):
        self.side, self.smaller, self.share = side, smaller, share
        df: Counter[str] = Counter()
        for sides, passage in shapes.values():
            if not passage:
                df.update(sides[side][0])
        common = sorted((w for w, n in df.items() if n > 1), key=lambda w: (df[w], w))
        self.ranks = {w: rank for rank, w in enumerate(common)}
        self.span = len(common)
        ordered = sorted(
            (sides[side][1], sid)
            for sid, (sides, passage) in shapes.items()
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
        self.keys = (
            {
                lacking: self._build(
                    larger,
                    [p for p, sid in enumerate(self.ids) if all(sid in self.required[i] for i in lacking)],
                    whole=not lacking,
                )
                for lacking in set(self.lacking)
            }
            if keyed
            else {}
        )

    def order(self, stems: frozenset[str]) -> list[tuple[int, float]]:
        ranks = self.ranks
        return sorted((ranks[w], _WEIGHTS[w]) for w in stems if w in ranks)

    def _build(
        self, larger: float, positions: Iterable[int], whole: bool = False
    ) -> tuple[Postings, Postings]:
        """Pair keys, and single stems heavy enough to link alone, -> the positions holding them.
        In an index of every statement (`whole`), a key only one statement holds pairs nothing:
        whoever probes a key holds it too (its probe prefix is within its index prefix), so
        such keys are dropped (a third of the postings in the 10k benchmark)."""
        span = self.span
        pairs = Postings(span * span, len(self.ids))
        singles = Postings(span, len(self.ids))
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

    def reaching(self, position: int, keys: tuple[Postings, Postings]) -> set[int]:
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
        hits = Counter(
            itertools.chain.from_iterable(
                pairs.between(stems[i] * span + b) for i in range(len(stems)) for b in stems[i + 1 :]
            )
        )
        alone = set(itertools.chain.from_iterable(singles.between(rank) for rank, w in order if w >= need))
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


def _hits(index: Postings, keys: list[int], low: int, high: int, least: int) -> set[int]:
    """Positions in [low, high) holding at least `least` of the keys."""
    if high <= low:
        return set()
    found = itertools.chain.from_iterable(index.between(key, low, high) for key in keys)
    if least <= 1:
        return set(found)
    counts = Counter(found)
    return {p for p, n in counts.items() if n >= least}


class Postings:
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
