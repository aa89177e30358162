"""Each statement's strongest links, found without judging every candidate.

A relink keeps a link only when both its statements count it among their MAX_LINKS strongest
(pipeline.strongest, on the whole list of links relate stores). The score relate gives a short
pair is computed from the statements' shapes (prefilter.link_score), so the candidates can be
ranked before any is judged; but relate may still refuse a pair that score reaches (two
events told in one setting, judge._other_event), and a statement's strongest links are then
the next ones down. So each statement holds its ranking down to its k-th link relate cannot
refuse (`Ranking`; prefilter.could_refuse says which), and `settle` says which pairs relate must judge next until every statement's strongest are
known: first the pairs both statements rank among their strongest, then only those a refusal
could let in. What it keeps is exactly what ranking the whole list of judged links keeps.

A ranking key is the score in tenths << 32 | (LOW - the other statement's id): the larger key
is the stronger link, ties going to the smaller id, as in pipeline._top.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Callable, Collection, Iterable, Mapping

LOW = (1 << 32) - 1  # statement ids fit 32 bits (blocking packs pairs a << 32 | b the same way)
MAYBE_CAP = 64  # links relate could refuse held a statement above its k-th it cannot

_POSSIBLE, _CERTAIN, _LIKELY = 1, 2, 4  # a pair's standing in one statement's ranking


def key(score: float, other: int) -> int:
    """The ranking key of a link to `other` scoring `score`."""
    return round(score * 10) << 32 | (LOW - other)


def pack(a: int, b: int) -> int:
    """A pair as one int, the smaller id first."""
    return a << 32 | b if a < b else b << 32 | a


def ranked_score(rankings: Mapping[int, list[int]], code: int) -> float | None:
    """The score the packed pair is ranked at (in its first statement's ranking), None when
    it is not ranked there."""
    other = LOW - (code & LOW)
    for entry in rankings.get(code >> 32, ()):
        if entry & LOW == other:
            return (entry >> 32) / 10
    return None


class Ranking:
    """Each statement's candidate links down to its k-th strongest that relate cannot refuse
    (those above it are all its k strongest can be), offered one at a time; a pair offered
    again changes nothing. At most `cap` links relate could refuse are held a statement: past
    that its ranking is cut (`cut`), and settle may ask for the whole of it."""

    def __init__(self, k: int, cap: int | None = None):
        self.k, self.cap = k, MAYBE_CAP if cap is None else cap
        self.sure: dict[int, list[int]] = {}  # the k strongest a statement relate cannot refuse
        self.maybe: dict[int, list[int]] = {}  # those it could refuse, above the k-th sure one
        self.cut: dict[int, int] = {}  # statement -> the strongest link it let go (cap)

    def offer(self, a: int, b: int, score: float, refusable: bool = False) -> None:
        tenths = round(score * 10) << 32
        push = self._maybe if refusable else self._sure
        push(a, tenths | (LOW - b))
        push(b, tenths | (LOW - a))

    def _sure(self, sid: int, entry: int) -> None:
        heap = self.sure.setdefault(sid, [])
        if entry in heap:
            return
        if len(heap) < self.k:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
        else:
            return
        if len(heap) == self.k and sid in self.maybe:
            maybe = self.maybe[sid]
            while maybe and maybe[0] < heap[0]:
                heapq.heappop(maybe)  # below the k-th sure link: never among the k strongest

    def _maybe(self, sid: int, entry: int) -> None:
        sure = self.sure.get(sid)
        if sure is not None and len(sure) == self.k and entry < sure[0]:
            return
        heap = self.maybe.setdefault(sid, [])
        if entry in heap:
            return
        heapq.heappush(heap, entry)
        if len(heap) > self.cap:
            dropped = heapq.heappop(heap)
            self.cut[sid] = max(self.cut.get(sid, 0), dropped)

    def rankings(self) -> dict[int, list[int]]:
        """Each statement's keys, strongest first; a cut ranking ends above the strongest link
        it let go (what ranks below that is not known)."""
        out = {}
        for sid in self.sure.keys() | self.maybe.keys():
            entries = sorted([*self.sure.get(sid, ()), *self.maybe.get(sid, ())], reverse=True)
            floor = self.cut.get(sid)
            out[sid] = entries if floor is None else [e for e in entries if e > floor]
        return out


Verdicts = Mapping[int, object]  # packed pair -> what relate stored of it, None when it refused


def _walk_ranking(
    sid: int, ranking: list[int], k: int, verdicts: Verdicts, refusable: Callable[[int], bool]
) -> tuple[list[tuple[int, int]], bool]:
    """A statement's ranking down to its k-th stored link: each pair with its tenths << 6 |
    its mark on this side (possible, likely, certain), and whether fewer than k were stored.
    A pair relate refused is no link and is passed over."""
    walked: list[tuple[int, int]] = []
    stored = unknown = 0
    for entry in ranking:
        if stored >= k:
            break
        code = pack(sid, LOW - (entry & LOW))
        if code in verdicts:
            if verdicts[code] is None:
                continue  # refused: not a link
            mark = _POSSIBLE | (_CERTAIN if stored + unknown < k else 0)
            stored += 1
        elif refusable(code):
            mark = _POSSIBLE | (_LIKELY if stored + unknown < k else 0)
            unknown += 1
        else:
            mark = _POSSIBLE | (_CERTAIN if stored + unknown < k else 0)
            stored += 1
        walked.append((code, (entry >> 32) << 6 | mark))
    return walked, stored < k


def settle(
    rankings: Mapping[int, list[int]],
    cut: Collection[int],
    k: int,
    verdicts: Verdicts,
    refusable: Callable[[int], bool] = lambda code: True,
) -> tuple[set[int], set[int], set[int]]:
    """What the verdicts so far settle: (the pairs kept, the pairs to judge next, the statements
    whose ranking is too short to tell). Nothing to judge and no statement short: the pairs
    kept are exactly those among the k strongest stored links of both their statements.

    A pair is among a statement's k strongest for certain when relate stored it and fewer than
    k links above it are stored or unjudged; it may be while fewer than k above it are known
    to be stored. The pairs both statements rank among their first k not refused are judged
    first; then, for a pair that may be kept and is not for certain, the unjudged pairs above
    it in both rankings (and it). An unjudged pair relate cannot refuse (`refusable` false)
    stands as stored: it is judged only if kept."""
    standing: dict[int, int] = {}  # packed pair -> its tenths << 6 | higher id's marks << 3 | lower's
    open_end: set[int] = set()  # cut rankings that may hold one of their k strongest past the cut
    for sid, ranking in rankings.items():
        walked, short_of_k = _walk_ranking(sid, ranking, k, verdicts, refusable)
        for code, tenths_mark in walked:
            mark = tenths_mark & 0b111
            standing[code] = standing.get(code, tenths_mark & ~0b111) | (
                mark if sid == code >> 32 else mark << 3
            )
        if sid in cut and short_of_k:
            open_end.add(sid)
    kept: set[int] = set()
    likely: set[int] = set()
    deepest: dict[int, int] = {}  # statement -> the weakest key of an unsettled pair it ranks
    past_end: set[int] = set()  # statements an unsettled pair is ranked past the end of
    for code, marks in standing.items():
        a, b = code >> 32, code & LOW
        sides = [(a, b, marks & 0b111), (b, a, marks >> 3 & 0b111)]
        if all(mine & _CERTAIN for _, _, mine in sides):
            kept.add(code)
            continue
        if not all(mine or sid in open_end for sid, _, mine in sides):
            continue  # past the k strongest of one of them
        if all(mine & _LIKELY for _, _, mine in sides):
            likely.add(code)
        for sid, other, mine in sides:
            if mine:
                entry = (marks >> 6) << 32 | (LOW - other)
                deepest[sid] = min(deepest.get(sid, entry), entry)
            else:
                deepest[sid] = -1  # everything it ranks comes first
                past_end.add(sid)
    if likely:
        return kept, likely, set()
    for sid in open_end:  # a pair past the end of two such rankings is in neither of them
        deepest[sid] = -1
        past_end.add(sid)
    todo: set[int] = set()
    for sid, weakest in deepest.items():
        for entry in rankings[sid]:
            if entry < weakest:
                break
            code = pack(sid, LOW - (entry & LOW))
            if code not in verdicts and refusable(code):
                todo.add(code)
    # a statement ranked past its end with nothing left to judge needs the rest of its ranking
    short = {sid for sid in past_end if not any(pack(sid, LOW - (e & LOW)) in todo for e in rankings[sid])}
    return kept, todo, short


def strongest_pairs(links: Iterable[tuple[int, int, float]], k: int) -> set[int]:
    """The pairs (packed) among the k strongest links of both their statements, from a whole
    list: what `settle` must keep (tests compare the two)."""
    ranked: dict[int, list[int]] = {}
    pairs = []
    for a, b, score in links:
        ranked.setdefault(a, []).append(key(score, b))
        ranked.setdefault(b, []).append(key(score, a))
        pairs.append(pack(a, b))
    best = {sid: set(heapq.nlargest(k, entries)) for sid, entries in ranked.items()}
    return {
        code
        for code in pairs
        for a, b in [(code >> 32, code & LOW)]
        if any(e & LOW == LOW - b for e in best[a]) and any(e & LOW == LOW - a for e in best[b])
    }


class Settler:
    """`settle`, round after round, redoing only what the round's verdicts touch: a relink at
    100k settles a dozen times, and settling every ranking again took longer than judging
    the few pairs of its last rounds. Each call returns what settle(rankings, cut, k,
    verdicts, refusable) would return then (tests compare the two round by round). The
    caller adds to `verdicts`, replaces rankings and pops `cut` between calls; the verdicts
    added and the rankings replaced are found here. Pairs are held as packed ints (forked
    judging workers inherit all of this)."""

    def __init__(
        self,
        rankings: dict[int, list[int]],
        cut: dict[int, int],
        k: int,
        verdicts: Verdicts,
        refusable: Callable[[int], bool] = lambda code: True,
    ):
        self.rankings, self.cut, self.k, self.verdicts, self.refusable = rankings, cut, k, verdicts, refusable
        self.seen: dict[int, list[int]] = {}  # statement -> the ranking its walk read
        self.judged: set[int] = set()  # the verdicts the walks read
        self.cuts: set[int] = set()
        self.walks: dict[int, array[int]] = {}  # statement -> the pairs its walk marked
        self.open_end: set[int] = set()
        # pair -> its tenths << 6 | the higher id's mark << 3 | the lower id's, as settle's standing
        self.marks: dict[int, int] = {}
        self.pairs_of: dict[int, list[int]] = {}  # statement -> pairs it was marked in (may repeat)
        self.kept: set[int] = set()
        self.likely: set[int] = set()
        self.reaches: dict[int, dict[int, int]] = {}  # statement -> unsettled pair -> key (-1: past)
        self.deepest: dict[int, int] = {}
        self.todo: dict[int, set[int]] = {}  # statement -> the pairs to judge its ranking holds
        self.pending: set[int] = set()  # statements whose pairs to judge may have changed

    def settle(self) -> tuple[set[int], set[int], set[int]]:
        dirty = {sid for sid, ranking in self.rankings.items() if self.seen.get(sid) is not ranking}
        new = self.verdicts.keys() - self.judged
        self.judged |= new
        for code in new:
            dirty.update((code >> 32, code & LOW))
        cuts = set(self.cut)
        dirty |= cuts ^ self.cuts
        self.cuts = cuts
        touched: set[int] = set()  # pairs to classify again
        for sid in dirty:
            touched |= self._walk(sid)
        deeper: set[int] = set()  # statements whose unsettled pairs changed
        for code in touched:
            self._classify(code, deeper)
        for sid in deeper:
            reach = self.reaches.get(sid)
            value = None if not reach else min(reach.values())
            if value is None:
                self.reaches.pop(sid, None)
            if self.deepest.get(sid) != value:
                if value is None:
                    del self.deepest[sid]
                else:
                    self.deepest[sid] = value
                self.pending.add(sid)
        self.pending |= dirty
        if self.likely:
            return set(self.kept), set(self.likely), set()
        for sid in self.pending:
            weakest = -1 if sid in self.open_end else self.deepest.get(sid)
            if weakest is None:
                self.todo.pop(sid, None)
                continue
            mine = set()
            for entry in self.rankings.get(sid, ()):
                if entry < weakest:
                    break
                code = pack(sid, LOW - (entry & LOW))
                if code not in self.verdicts and self.refusable(code):
                    mine.add(code)
            self.todo[sid] = mine
        self.pending.clear()
        todo: set[int] = set().union(*self.todo.values())
        past = self.open_end | {sid for sid, weakest in self.deepest.items() if weakest == -1}
        short = {
            sid for sid in past if not any(pack(sid, LOW - (e & LOW)) in todo for e in self.rankings[sid])
        }
        return set(self.kept), todo, short

    def _walk(self, sid: int) -> set[int]:
        """Walk a statement's ranking again as settle's first loop does; returns the pairs
        whose marks may have changed."""
        k, verdicts, refusable = self.k, self.verdicts, self.refusable
        ranking = self.rankings.get(sid)
        walked: list[tuple[int, int]] = []
        self.open_end.discard(sid)
        if ranking is not None:
            self.seen[sid] = ranking
            walked, short_of_k = _walk_ranking(sid, ranking, k, verdicts, refusable)
            if sid in self.cut and short_of_k:
                self.open_end.add(sid)
        before = self.walks.get(sid, ())
        self.walks[sid] = array("q", (code for code, _ in walked))
        marked = {code for code, _ in walked}
        for code in before:
            if code not in marked:
                self._mark(code, sid, None)
        for code, tenths_mark in walked:
            self._mark(code, sid, tenths_mark)
        # every pair of the statement: whether it ends open may have changed
        return set(before) | {code for code in self.pairs_of.get(sid, ()) if code in self.marks}

    def _mark(self, code: int, sid: int, tenths_mark: int | None) -> None:
        low = code >> 32
        shift = 0 if sid == low else 3
        marks = self.marks.get(code)
        if tenths_mark is None:
            if marks is not None:
                marks &= ~(0b111 << shift)
                if marks & 0b111111:
                    self.marks[code] = marks
                else:
                    del self.marks[code]
            return
        if marks is None:
            marks = (tenths_mark >> 6) << 6
            for one in (low, code & LOW):
                self.pairs_of.setdefault(one, []).append(code)
        self.marks[code] = marks & ~(0b111 << shift) | (tenths_mark & 0b111) << shift

    def _classify(self, code: int, deeper: set[int]) -> None:
        """settle's second loop for one pair."""
        a, b = code >> 32, code & LOW
        self.kept.discard(code)
        self.likely.discard(code)
        for sid in (a, b):
            reach = self.reaches.get(sid)
            if reach is not None and reach.pop(code, None) is not None:
                deeper.add(sid)
        marks = self.marks.get(code)
        if marks is None:
            return
        sides = ((a, b, marks & 0b111), (b, a, marks >> 3 & 0b111))
        if all(mine & _CERTAIN for _, _, mine in sides):
            self.kept.add(code)
            return
        if not all(mine or sid in self.open_end for sid, _, mine in sides):
            return
        if all(mine & _LIKELY for _, _, mine in sides):
            self.likely.add(code)
        for sid, other, mine in sides:
            entry = (marks >> 6) << 32 | (LOW - other) if mine else -1
            self.reaches.setdefault(sid, {})[code] = entry
            deeper.add(sid)
