"""Linking: candidates found, judged by relate() and written as links, for new statements
(link_new) or for all of them again (relink_all).

A few new statements query FTS5 once each (candidates.py); many (an import, a relink) are
blocked in one pass over all statements in memory (blocking.py). Either way the pre-filter
drops the pairs relate() cannot link, and relate() judges the rest, in worker processes
when there are many. A relink judges fewer: the score relate would give a short pair is
computed from the statements' shapes (prefilter.link_score), the candidates stream from the
blocking workers into each statement's ranking of its strongest links (ranking.py), and
relate judges the links kept, and the pairs it could refuse where a refusal could let
another link in.
"""

from __future__ import annotations

import json
import math
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field

from sqlite_utils import Database

from tracker.claims import reattach
from tracker.claims.attach import Judged, judge_attachments, store_attachments
from tracker.judge import ENGINE_VERSION, relate, relate_scored
from tracker.judge_numbers import FRAME
from tracker.link import config, ranking, replies
from tracker.link.candidates import _DocFrequency, fts_candidates
from tracker.link.config import WORKERS, Progress, Thresholds, status_for, thresholds
from tracker.link.prefilter import MARGIN, Lead, Shape, _shapes, could_link, could_refuse, link_score
from tracker.model import Judgement, Reason, Relation, ReviewStatus
from tracker.parallel import Workers, bulk_objects, kept_workers
from tracker.store import now, write_transaction

BATCH_MIN = 200  # from this many new statements, one blocking pass beats one query each
_STORED = (Relation.AGREES, Relation.CONTRADICTS, Relation.RELATED)
_SIDED = frozenset({Relation.AGREES.value, Relation.CONTRADICTS.value})
OVERSHADOWED = "overshadowed"  # the reason a link that would take a side is stored as related


@dataclass
class LinkStats:
    """What a linking run did: candidate pairs, pairs judged by relate() (the rest cannot reach
    the suggest threshold or, relinking, are not among the strongest links of a statement),
    links written by relation, stale links removed, and the seconds each stage took."""

    judged: int = 0
    candidates: int = 0
    stored: Counter[str] = field(default_factory=Counter)
    removed: int = 0
    attached: int = 0  # statement → claim attachments written
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
    return _column(db, "text", ids)


def _propositions(db: Database, ids: Iterable[int] | None = None) -> dict[int, str]:
    """The propositions stored with the statements (analysed when each was written, and again
    by each migration that changes the analysis)."""
    return _column(db, "proposition", ids)


def _column(db: Database, column: str, ids: Iterable[int] | None) -> dict[int, str]:
    """One column of the statements (of those with these ids), by id."""
    if ids is None:
        return {int(r[0]): r[1] for r in db.execute(f"SELECT id, {column} FROM statements")}
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        out.update(
            (int(r[0]), r[1])
            for r in db.execute(f"SELECT id, {column} FROM statements WHERE id IN ({marks})", chunk)
        )
    return out


Found = tuple[int, int, Judgement, ReviewStatus]


# what judging workers share: texts, shapes, thresholds, the propositions stored (when known),
# the bare replies (their texts in `texts` are what they answer)
_Judging = tuple[dict[int, str], dict[int, Shape], Thresholds, Mapping[int, str], Mapping[int, replies.Reply]]


# a batch of pairs to judge, and the score blocking ranked each at when it is known (None:
# relate scores it)
_Batch = tuple[Sequence[tuple[int, int]], Sequence[float | None] | None]


def _judge_some(shared: _Judging, batch: _Batch) -> tuple[list[Found], int]:
    """Judge the pairs that pass the pre-filter; returns what to store and how many were judged."""
    texts, shapes, limits, propositions, bare = shared
    pairs, scores = batch
    floor = limits.suggest - MARGIN  # from here up, blocking's score is relate's (link_score)
    found = []
    judged = 0
    for i, (a, b) in enumerate(pairs):
        if not could_link(shapes[a], shapes[b], limits.suggest):
            continue
        judged += 1
        score = scores[i] if scores is not None else None
        if score is None or score < floor or not propositions or shapes[b][1]:  # b a passage
            judgement = relate(texts[a], texts[b], related_threshold=limits.suggest)
        else:
            judgement = relate_scored(
                texts[a], texts[b], limits.suggest, (propositions[a], propositions[b], score)
            )
        if bare and (a in bare or b in bare):
            followed = replies.follows(judgement, bare.get(a), bare.get(b))
            if followed is None:
                continue
            judgement = followed
        if judgement.relation in _STORED and judgement.score >= limits.suggest:
            found.append((a, b, judgement, status_for(judgement, limits)))
    return found, judged


def strongest(found: list[Found], k: int | None = None) -> list[Found]:
    """The links each of whose statements counts it among its k strongest (ties by the other
    statement's id). A statement that shares vocabulary with hundreds of others keeps the few
    that say most; a claim repeated by dozens is held together by its claim, not every pair."""
    kept = _top(
        ((a, b, judgement.score) for a, b, judgement, _ in found), config.MAX_LINKS if k is None else k
    )
    return [f for f in found if (f[0], f[1]) in kept]


def _top(
    links: Iterable[tuple[int, int, float]], k: int, only: set[int] | None = None
) -> set[tuple[int, int]]:
    """The pairs that are among the k strongest links of both their statements (of a statement
    in `only`, when given: the others' ranks are not known here)."""
    pairs = list(links)
    ranked: dict[int, list[tuple[float, int]]] = {}
    for a, b, score in pairs:
        ranked.setdefault(a, []).append((-score, b))
        ranked.setdefault(b, []).append((-score, a))
    best = {sid: {other for _, other in sorted(values)[:k]} for sid, values in ranked.items()}

    def keeps(sid: int, other: int) -> bool:
        return (only is not None and sid not in only) or other in best[sid]

    return {(a, b) for a, b, _ in pairs if keeps(a, b) and keeps(b, a)}


# --- relinking by ranking first (ranking.py): relate judges the links kept, and what a
# refusal could let in


def _ranked(
    shapes: dict[int, Shape],
    refusable: Callable[[int], bool],
    threshold: float,
    workers: int,
    progress: Progress | None,
) -> tuple[ranking.Ranking, set[int], int]:
    """Every statement's candidate links by the score computed from the shapes, down to its k-th
    link relate cannot refuse (ranking.Ranking); the pairs only relate can score (with a
    passage); how many candidates the blocking indexes turned up. Candidates stream from the blocking workers: no list of them
    all is held."""
    top = ranking.Ranking(config.MAX_LINKS)
    unscored: set[int] = set()
    offer = top.offer

    def sink(codes: array[int], scores: array[float]) -> None:
        for code, score in zip(codes, scores, strict=True):
            if math.isnan(score):
                unscored.add(code)
            else:
                offer(code >> 32, code & ranking.LOW, score, refusable(code))

    from tracker.link import blocking

    examined = blocking.scored_candidates(shapes, threshold, workers, sink, progress)
    return top, unscored, examined


def _verdicts(
    codes: Iterable[int],
    judging: _JudgingWorkers,
    progress: Progress | None,
    verdicts: dict[int, Found | None],
    rankings: Mapping[int, list[int]],
) -> int:
    """Judge the packed pairs, recording what relate stores of each (or None); returns how many
    relate judged. relate is given the score each pair is ranked at (none: it scores it)."""
    codes = sorted(codes)
    pairs = [(c >> 32, c & ranking.LOW) for c in codes]
    if not pairs:
        return 0
    scores = [ranking.ranked_score(rankings, c) for c in codes]
    # a few pairs are judged here, until the workers have started: starting them would cost
    # more than they save
    found, judged = _judged(judging, pairs, progress, here=len(pairs) < _CHUNK, scores=scores)
    verdicts.update(dict.fromkeys(a << 32 | b for a, b in pairs))
    verdicts.update((f[0] << 32 | f[1], f) for f in found)
    return judged


class _Disagrees(Exception):
    """relate judged a pair otherwise than the shapes said it would (another score, or a refusal
    where none can be): ranking before judging cannot be trusted, so every candidate is judged."""


def _whole_rankings(
    shapes: dict[int, Shape],
    focus: set[int],
    threshold: float,
    workers: int,
    verdicts: dict[int, Found | None],
    judge: Callable[[set[int]], int],
) -> dict[int, list[int]]:
    """The whole rankings of a few statements (blocking indexes only them): for a statement
    whose ranking was cut above links relate's refusals let in."""
    from tracker.link import blocking

    pairs, _ = blocking._block_few(shapes, focus, threshold, workers)
    codes = {a << 32 | b for a, b in pairs}
    judge(
        {
            c
            for c in codes
            if c not in verdicts and link_score(shapes[c >> 32], shapes[c & ranking.LOW], threshold) is None
        }
    )
    out: dict[int, list[int]] = {sid: [] for sid in focus}
    for code in codes:
        a, b = code >> 32, code & ranking.LOW
        if code in verdicts:
            verdict = verdicts[code]
            if verdict is None:
                continue
            score: float | None = verdict[2].score
        else:
            score = link_score(shapes[a], shapes[b], threshold)
        if score is None or score < threshold:
            continue
        for sid, other in ((a, b), (b, a)):
            if sid in focus:
                out[sid].append(ranking.key(score, other))
    for entries in out.values():
        entries.sort(reverse=True)
    return out


def _relink_ranked(
    texts: dict[int, str],
    shapes: dict[int, Shape],
    propositions: Mapping[int, str],
    leads: dict[int, Lead],
    limits: Thresholds,
    progress: Progress | None,
    workers: int,
    stats: LinkStats,
    bare: dict[int, replies.Reply],
) -> list[Found]:
    """The links relinking keeps, judging only what ranking.settle asks for: the links kept
    and the pairs relate could refuse above a link a refusal could let in. The same links as
    judging every candidate and keeping `strongest` (tests compare the two). A pair with a
    bare reply may be refused whatever its score (replies.follows)."""

    def refusable(code: int) -> bool:
        a, b = code >> 32, code & ranking.LOW
        return a in bare or b in bare or could_refuse(leads.get(a), leads.get(b))

    with stats.timed("finding candidates"):
        top, unscored, stats.candidates = _ranked(shapes, refusable, limits.suggest, workers, progress)
    verdicts: dict[int, Found | None] = {}
    rankings: dict[int, list[int]] = {}

    def judge(codes: set[int]) -> int:
        count = _verdicts(codes, judging, progress, verdicts, rankings)
        stats.judged += count
        return count

    # one set of judging workers for every round: each keeps what it analysed of a statement
    with stats.timed("judging"), _judging(texts, shapes, limits, workers, propositions, bare=bare) as judging:
        judge(unscored)  # a pair with a passage: only relate can score it
        for code in unscored:
            if (found := verdicts[code]) is not None:
                top.offer(found[0], found[1], found[2].score)
        rankings.update(top.rankings())
        cut = top.cut
        settler = ranking.Settler(rankings, cut, config.MAX_LINKS, verdicts, refusable)
        while True:
            kept, todo, short = settler.settle()
            todo |= {code for code in kept if code not in verdicts}  # a link kept is judged
            if short:
                rankings.update(_whole_rankings(shapes, short, limits.suggest, workers, verdicts, judge))
                for sid in short:
                    cut.pop(sid, None)
            if not todo and not short:
                break
            judge(todo)
            for code in todo:  # relate's word against the shapes': a refusal where one can be, or their score
                found, a, b = verdicts[code], code >> 32, code & ranking.LOW
                if found is None and not refusable(code):
                    raise _Disagrees(f"relate refused {a} and {b}, which no event lead joins")
                if found is not None and found[2].score != link_score(shapes[a], shapes[b], limits.suggest):
                    raise _Disagrees(f"relate scored {a} and {b} otherwise than their shapes")
    return [f for f in (verdicts[code] for code in sorted(kept)) if f is not None]


def overshadowed(
    links: Iterable[tuple[int, int, float]], best: dict[int, float] | None = None
) -> dict[tuple[int, int], tuple[float, float]]:
    """The pairs scoring more than config.OVERSHADOW_MARGIN below the strongest link of each of
    their statements, with those two strongest scores. `best`: a statement's strongest score
    among links not given here (the stored links of a statement only some of whose links are)."""
    pairs = list(links)
    top = dict(best or {})
    for a, b, score in pairs:
        top[a] = max(top.get(a, score), score)
        top[b] = max(top.get(b, score), score)
    margin = config.OVERSHADOW_MARGIN
    return {(a, b): (top[a], top[b]) for a, b, score in pairs if score < min(top[a], top[b]) - margin}


def _framed(reasons: Iterable[Reason]) -> bool:
    """Did the judge find two values said of one thing in one frame (judge_numbers.one_frame)?
    Two speakers who each repeat their figure disagree however close their repeats are: such
    a link keeps its side, however far below their strongest it scores."""
    return any(r.code == FRAME for r in reasons)


def _overshadow(judgement: Judgement, best: tuple[float, float]) -> Judgement:
    """The judgement of an overshadowed link: related, saying which side it would have taken."""
    reason = Reason(
        OVERSHADOWED,
        f"{judgement.relation.value} at {judgement.score:.0f}, far below the strongest links"
        f" of both statements ({best[0]:.0f}, {best[1]:.0f})",
    )
    return Judgement(Relation.RELATED, judgement.score, (reason, *judgement.reasons))


def shaded(found: list[Found], limits: Thresholds, rejected: Iterable[tuple[int, int]] = ()) -> list[Found]:
    """The links found, those that take a side and are overshadowed (see `overshadowed`) as
    related links: a statement with near copies elsewhere is not set for or against another by
    the little vocabulary they share. The `rejected` pairs (a person said they are no link)
    overshadow nothing, as when links are added one statement at a time."""
    gone = set(rejected)
    weak = overshadowed((a, b, judgement.score) for a, b, judgement, _ in found if (a, b) not in gone)
    out = []
    for a, b, judgement, status in found:
        if (a, b) in weak and judgement.relation.value in _SIDED and not _framed(judgement.reasons):
            judgement = _overshadow(judgement, weak[(a, b)])
            status = status_for(judgement, limits)
        out.append((a, b, judgement, status))
    return out


# a stored link: id, score, reviewed by a person, relation, reasons (JSON)
_StoredLink = tuple[int, float, bool, str, str]


def _touching(db: Database, ids: Iterable[int]) -> dict[tuple[int, int], _StoredLink]:
    """The links no one rejected that touch the given statements, by pair."""
    links: dict[tuple[int, int], _StoredLink] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for column in ("a_id", "b_id"):
            for link_id, a, b, score, reviewed, relation, reasons in db.execute(
                f"SELECT id, a_id, b_id, score, reviewed_at IS NOT NULL, relation, reasons FROM links"
                f" WHERE {column} IN ({marks}) AND status != 'rejected'",
                chunk,
            ):
                links[(a, b)] = (link_id, score, bool(reviewed), relation, reasons)
    return links


def _bound_stored(db: Database, touched: set[int]) -> list[tuple[int, int]]:
    """After new links: drop the unreviewed links that are no longer among the MAX_LINKS
    strongest of a statement they touch. Returns the pairs dropped."""
    if not touched:
        return []
    links = _touching(db, touched)
    kept = _top(((a, b, row[1]) for (a, b), row in links.items()), config.MAX_LINKS, touched)
    weak = [pair for pair, row in links.items() if not row[2] and pair not in kept]
    db.conn.executemany("DELETE FROM links WHERE id = ?", [(links[pair][0],) for pair in weak])
    return weak


def _strongest_scores(db: Database, ids: Iterable[int], *, sided: bool = False) -> dict[int, float]:
    """Each statement's strongest score among its links that no one rejected (`sided`: its
    agrees and contradicts links only)."""
    best: dict[int, float] = {}
    wanted = sorted(ids)
    # `+relation`: the column's index finds the links; with 500 ids SQLite read every sided
    # link of the ledger through the index on relation instead (claims/attach.py _links_of)
    relation = " AND +relation IN ('agrees', 'contradicts')" if sided else ""
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for column in ("a_id", "b_id"):
            for sid, score in db.execute(
                f"SELECT {column}, max(score) FROM links WHERE {column} IN ({marks})"
                f" AND status != 'rejected'{relation} GROUP BY {column}",
                chunk,
            ):
                best[sid] = max(best.get(sid, score), score)
    return best


def _shade_stored(db: Database, touched: set[int], limits: Thresholds) -> dict[tuple[int, int], str]:
    """After new links: the unreviewed links of the statements touched that take a side and
    are now overshadowed by stronger links of both their statements are stored as related (a
    relink judges every link afresh; this only follows the new links). Returns the pairs
    changed, with the relation each had."""
    if not touched:
        return {}
    links = _touching(db, touched)
    others = {sid for pair in links for sid in pair} - touched
    weak = overshadowed(((a, b, row[1]) for (a, b), row in links.items()), _strongest_scores(db, others))
    updates, changed = [], {}
    for pair, best in weak.items():
        link_id, score, reviewed, relation, reasons = links[pair]
        if reviewed or relation not in _SIDED:
            continue
        stored = tuple(
            Reason(r["code"], r["detail"], r.get("side"), tuple(r["span"]) if r.get("span") else None)
            for r in json.loads(reasons or "[]")
        )
        if _framed(stored):
            continue
        judgement = _overshadow(Judgement(Relation(relation), score, stored), best)
        data = judgement.to_dict()
        changed[pair] = relation
        updates.append(
            (
                data["relation"],
                json.dumps(data["reasons"], ensure_ascii=False),
                status_for(judgement, limits).value,
                link_id,
            )
        )
    db.conn.executemany("UPDATE links SET relation = ?, reasons = ?, status = ? WHERE id = ?", updates)
    return changed


def unshade_stored(db: Database, ids: Iterable[int]) -> set[int]:
    """After a link of the given statements went (rejected): their unreviewed links stored as
    related because they were overshadowed and that are no longer take back the side they
    would have taken, as a relink gives them. Returns the statements of the links changed."""
    wanted = set(ids)
    if not wanted:
        return set()
    limits = thresholds(db)
    links = _touching(db, wanted)
    others = {sid for pair in links for sid in pair} - wanted
    weak = overshadowed(((a, b, row[1]) for (a, b), row in links.items()), _strongest_scores(db, others))
    updates: list[tuple[str, str, str, int]] = []
    changed: set[int] = set()
    for pair, (link_id, score, reviewed, relation, reasons) in links.items():
        said = json.loads(reasons or "[]")
        if reviewed or pair in weak or relation != Relation.RELATED.value or not said:
            continue
        if said[0].get("code") != OVERSHADOWED:
            continue
        side = str(said[0]["detail"]).split(" ", 1)[0]  # "contradicts at 47, far below ..."
        if side not in _SIDED:
            continue
        judgement = Judgement(
            Relation(side),
            score,
            tuple(
                Reason(r["code"], r["detail"], r.get("side"), tuple(r["span"]) if r.get("span") else None)
                for r in said[1:]
            ),
        )
        data = judgement.to_dict()
        updates.append(
            (
                data["relation"],
                json.dumps(data["reasons"], ensure_ascii=False),
                status_for(judgement, limits).value,
                link_id,
            )
        )
        changed.update(pair)
    db.conn.executemany("UPDATE links SET relation = ?, reasons = ?, status = ? WHERE id = ?", updates)
    return changed


def recheck_overshadowing(db: Database, ids: Iterable[int]) -> set[int]:
    """After links of the given statements went or came back (a statement deleted or restored,
    a rejection undone, a strongest link bounded away): their unreviewed links take back the
    side an overshadowing link that went had kept from them (`unshade_stored`), and those a
    link that came back overshadows are stored as related again. Returns the statements of
    the links changed (their claim joins may move with them)."""
    wanted = set(ids)
    if not wanted:
        return set()
    changed = unshade_stored(db, wanted)
    shaded = _shade_stored(db, wanted, thresholds(db))
    return changed | {sid for pair in shaded for sid in pair}


def _displaced(db: Database, ids: list[int]) -> list[int]:
    """Of the given statements, those tracker attached to a claim through a link more than
    config.OVERSHADOW_MARGIN below their strongest agrees or contradicts link no one rejected:
    a join that attaching now would not make (claims/attach.py `_through_founders`)."""
    out = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        joins: dict[int, float] = {}
        for sid, score, reasons in db.execute(
            "SELECT statement_id, score, reasons FROM claim_statements WHERE founder = 0"
            f" AND reviewed_by IS NULL AND status != 'rejected' AND statement_id IN ({marks})",
            chunk,
        ):
            if any(r.get("code") == "claim" for r in json.loads(reasons or "[]")):
                joins[sid] = max(joins.get(sid, score), score)
        if not joins:
            continue
        best = _strongest_scores(db, joins, sided=True)
        out += [
            sid for sid, score in joins.items() if score < best.get(sid, score) - config.OVERSHADOW_MARGIN
        ]
    return sorted(out)


_CHUNK = 2_000  # pairs per task: small enough for steady progress, large enough to be cheap


def _judge(
    pairs: Sequence[tuple[int, int]],
    texts: dict[int, str],
    limits: Thresholds,
    progress: Progress | None,
    *,
    workers: int = 1,
    shapes: dict[int, Shape] | None = None,
    propositions: Mapping[int, str | None] | None = None,
    bare: Mapping[int, replies.Reply] | None = None,
) -> tuple[list[Found], int]:
    """Links among the candidate pairs (in pair order) and how many pairs relate() judged;
    without `shapes`, the statements are shaped from the `propositions` stored with them, and
    analysed where none is (`bare`: the bare replies, whose texts are what they answer)."""
    if shapes is None:
        known = {sid: proposition for sid, proposition in (propositions or {}).items() if proposition}
        shapes = _shapes(texts, sorted({i for pair in pairs for i in pair}), workers, known)
    with _judging(texts, shapes, limits, workers, bare=bare) as judging:
        return _judged(judging, pairs, progress)


_JudgingWorkers = Workers[_Judging, _Batch, tuple[list[Found], int]]


def _judging(
    texts: dict[int, str],
    shapes: dict[int, Shape],
    limits: Thresholds,
    workers: int,
    propositions: Mapping[int, str] | None = None,
    *,
    bare: Mapping[int, replies.Reply] | None = None,
) -> AbstractContextManager[_JudgingWorkers]:
    """Workers that judge pairs of these statements, batch after batch (in this process when
    there are few statements); with the `propositions` stored, relate takes the score a pair
    was ranked at (_judge_some)."""
    parallel = workers > 1 and len(shapes) >= config.PARALLEL_MIN
    shared = (texts, shapes, limits, propositions or {}, bare or {})
    return kept_workers(_judge_some, shared, workers if parallel else 1)


def _judged(
    judging: _JudgingWorkers,
    pairs: Sequence[tuple[int, int]],
    progress: Progress | None,
    *,
    here: bool = False,
    scores: Sequence[float | None] | None = None,
) -> tuple[list[Found], int]:
    """`_judge` by the judging workers given (`here`: a batch not worth starting them for;
    `scores`: each pair's score from blocking, None where relate must score it)."""
    size = max(1, min(_CHUNK, math.ceil(len(pairs) / judging.workers)))  # a small batch: all workers
    chunks: list[_Batch] = [
        (pairs[i : i + size], None if scores is None else scores[i : i + size])
        for i in range(0, len(pairs), size)
    ]
    found: list[Found] = []
    judged = done = 0
    for chunk, (some, count) in zip(chunks, judging.map(chunks, here=here), strict=True):
        found.extend(some)
        judged += count
        done += len(chunk[0])
        if progress is not None:
            progress(done, len(pairs), "judging pairs")
    return found, judged


def _stored_pairs(db: Database, found: list[Found]) -> set[tuple[int, int]]:
    """Which of the pairs found are stored as links already (all links read at once when
    there are many)."""
    if len(found) >= 5_000:
        return {(int(r[0]), int(r[1])) for r in db.execute("SELECT a_id, b_id FROM links")}
    firsts = sorted({a for a, _, _, _ in found})
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(firsts), 500):
        chunk = firsts[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(f"SELECT a_id, b_id FROM links WHERE a_id IN ({marks})", chunk)
        pairs.update((int(r[0]), int(r[1])) for r in rows)
    return pairs


def _reasons_json(reasons: tuple[Reason, ...]) -> str:
    """The reasons as Judgement.to_dict and json.dumps write them (fields in order, None left
    out), without dataclasses.asdict, which deep-copies each reason: a fifth of a relink's
    writing at 20k."""
    fields = ((("code", r.code), ("detail", r.detail), ("side", r.side), ("span", r.span)) for r in reasons)
    return json.dumps([{k: v for k, v in named if v is not None} for named in fields], ensure_ascii=False)


def _write(db: Database, found: list[Found], stats: LinkStats) -> None:
    """Store the links found. A pair already stored keeps its row and id, updated in place
    unless a person reviewed it (their decision stands whatever the engine says); only new
    pairs are inserted, so a link id names one pair across relinks (an upsert would spend an
    AUTOINCREMENT id on every pair it updates)."""
    stamp = now()
    stored = _stored_pairs(db, found)
    updates, inserts = [], []
    for a, b, judgement, status in found:
        relation = judgement.relation.value
        values = [relation, round(judgement.score, 1), _reasons_json(judgement.reasons), status.value]
        if (a, b) in stored:
            updates.append([*values, ENGINE_VERSION, a, b])
        else:
            inserts.append([a, b, *values, ENGINE_VERSION, stamp])
        stats.stored[relation] += 1
    db.conn.executemany(
        """UPDATE links SET relation = ?, score = ?, reasons = ?, status = ?, engine = ?
           WHERE a_id = ? AND b_id = ? AND reviewed_at IS NULL""",
        updates,
    )
    db.conn.executemany(
        """INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        inserts,
    )


def _pairs_for(
    db: Database,
    ids: list[int],
    texts: dict[int, str],
    progress: Progress | None,
    workers: int,
    stats: LinkStats,
    bare: dict[int, replies.Reply],
) -> tuple[set[tuple[int, int]], dict[int, Shape] | None]:
    """Candidate pairs of the new statements `ids` (stats.candidates: how many were examined),
    and every statement's shape when blocking (rather than FTS queries) found them. `texts`
    and the shapes read each bare reply of `bare` as what it answers."""
    total = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    if len(ids) >= BATCH_MIN:
        with stats.timed("preparing"):
            texts.update(_texts(db))
            replies.answered_texts(texts, bare)
            propositions = _propositions(db)
            replies.answered_propositions(propositions, bare)
            shapes = _shapes(texts, texts, workers, propositions)
        # a tenth of the statements or more: index everyone; fewer: index only the new ones
        from tracker.link import blocking  # the batch linker, which linking a few never loads

        block = blocking._block if len(ids) * 10 >= total else blocking._block_few
        with stats.timed("finding candidates"):
            blocked, stats.candidates = block(shapes, set(ids), thresholds(db).suggest, workers, progress)
        return blocked, shapes
    df = _DocFrequency(db)
    pairs: set[tuple[int, int]] = set()
    with stats.timed("finding candidates"):
        for done, sid in enumerate(ids, start=1):
            for other, _ in fts_candidates(db, texts[sid], exclude=sid, df=df):
                pairs.add((sid, other) if sid < other else (other, sid))
            if progress is not None and (done % 50 == 0 or done == len(ids)):
                progress(done, len(ids), "finding candidates")
        # a bare reply is found by what it answers, which no statement's words hold
        pairs |= replies.reply_candidates(texts, ids, bare)
    with stats.timed("preparing"):
        missing = {i for pair in pairs for i in pair} - texts.keys()
        texts.update(_texts(db, missing))
        replies.answered_texts(texts, bare, missing)
    stats.candidates = len(pairs)
    return pairs, None


def _judges_by_meaning(db: Database) -> bool:
    """Whether the ledger has the semantic layer on (tracker/semantic is imported only here)."""
    from tracker.semantic.store import enabled

    return enabled(db)


def _by_meaning(
    db: Database,
    focus: list[int] | None,
    texts: dict[int, str],
    limits: Thresholds,
    found: list[Found],
    stats: LinkStats,
    progress: Progress | None,
    workers: int,
    shapes: dict[int, Shape] | None,
) -> list[Found]:
    """The semantic layer's links (link/meaning.py), when the ledger has it on; else none."""
    if not _judges_by_meaning(db):
        return []
    from tracker.link.meaning import meaning_links
    from tracker.semantic import require_extra

    require_extra()  # the ledger judges by meaning: without the extra, nothing is written

    return meaning_links(db, focus, texts, limits, found, stats, progress, workers=workers, shapes=shapes)


def link_new(
    db: Database, ids: Iterable[int], *, progress: Progress | None = None, workers: int = WORKERS
) -> LinkStats:
    """Link the given (new) statements to every related stored statement."""
    with bulk_objects():
        return _link_new(db, ids, progress, workers)


def _link_new(db: Database, ids: Iterable[int], progress: Progress | None, workers: int) -> LinkStats:
    wanted = sorted(set(ids))
    stats = LinkStats()
    if not wanted:
        return stats
    limits = thresholds(db)
    with stats.timed("preparing"):
        texts = _texts(db, wanted)
        bare = replies.bare_replies(db)
        replies.answered_texts(texts, bare, wanted)
    ids = [i for i in wanted if i in texts]
    found_pairs, shapes = _pairs_for(db, ids, texts, progress, workers, stats, bare)
    with stats.timed("judging"):
        pairs = sorted(found_pairs)
        # FTS found the pairs: their statements are shaped from the propositions stored, as
        # batch linking shapes them (analysing an add's fifty candidates was half its linking);
        # a bare reply's is what it answers
        stored = None if shapes is not None else _propositions(db, {i for pair in pairs for i in pair})
        if stored is not None:
            replies.answered_propositions(stored, bare)
        found, stats.judged = _judge(
            pairs, texts, limits, progress, workers=workers, shapes=shapes, propositions=stored, bare=bare
        )
    found += _by_meaning(db, wanted, texts, limits, found, stats, progress, workers, shapes)
    with stats.timed("judging"):  # the new statements' sides on claims, with no lock held
        judged = judge_attachments(db, wanted)
    # the links and the claim sides they imply, in one transaction: one is never stored alone
    with write_transaction(db):
        with stats.timed("writing"):
            touched, changed = _store_new_links(db, found, limits, stats)
        with stats.timed("attaching claims"):
            stats.attached = _attach_new(db, judged, touched, changed)
    return stats


def _store_new_links(
    db: Database, found: list[Found], limits: Thresholds, stats: LinkStats
) -> tuple[set[int], set[int]]:
    """Write the new links, bound and shade the stored ones they touch; returns the statements
    touched, and those whose side on a link changed (shaded or unshaded)."""
    _write(db, found, stats)
    touched = {i for a, b, _, _ in found for i in (a, b)}
    dropped = _bound_stored(db, touched)
    stats.removed = len(dropped)
    # a link bounded away may have been the strongest of its other statement
    unshaded = unshade_stored(db, {sid for pair in dropped for sid in pair})
    new = {(a, b) for a, b, _, _ in found}
    shaded_now = _shade_stored(db, touched, limits)
    for pair, relation in shaded_now.items():
        if pair in new:  # counted as the side it would have taken
            stats.stored[relation] -= 1
            stats.stored[Relation.RELATED.value] += 1
    stats.stored = +stats.stored  # no relation counted 0
    return touched, {sid for pair in shaded_now for sid in pair} | unshaded


def _attach_new(db: Database, judged: Judged, touched: set[int], changed: set[int]) -> int:
    """Attach the new statements (`judged`) to claims, and again the stored ones the new links
    moved: first those they take far nearer something else than the link they joined a claim
    through (as a relink places them, before the new ones), last those whose side changed."""
    wanted = set(judged.wanted)
    displaced = _displaced(db, sorted(touched - wanted))
    attached = reattach(db, displaced) if displaced else 0
    attached += store_attachments(db, judged)
    stale = changed - wanted  # a statement whose side was overshadowed may have joined a claim through it
    return attached + (reattach(db, sorted(stale)) if stale else 0)


def relink_all(db: Database, *, progress: Progress | None = None, workers: int = WORKERS) -> LinkStats:
    """Judge every candidate pair again; unreviewed links no longer found are removed."""
    with bulk_objects():
        return _relink_all(db, progress, workers)


def _relink_all(db: Database, progress: Progress | None, workers: int) -> LinkStats:
    stats = LinkStats()
    limits = thresholds(db)
    with stats.timed("preparing"):
        texts = _texts(db)
        bare = replies.bare_replies(db)
        replies.answered_texts(texts, bare)
        leads: dict[int, Lead] = {}
        propositions = _propositions(db)
        replies.answered_propositions(propositions, bare)
        shapes = _shapes(texts, texts, workers, propositions, leads)
    # the sides on claims, with no lock held; before the judging workers fork, so that they
    # inherit the analyses of the denials it made (a quarter of the statements at 100k)
    # rather than make them again, each of them (its time is counted with judging, after
    # finding candidates, so that --timings names the stages in the order they mean)
    started = time.perf_counter()
    sides = judge_attachments(db, texts, forget=True)
    sides_seconds = time.perf_counter() - started
    found: list[Found] | None = None
    if not _judges_by_meaning(db):  # meaning adds links to every lexical one: it needs them all
        try:
            found = _relink_ranked(texts, shapes, propositions, leads, limits, progress, workers, stats, bare)
        except _Disagrees:
            found = None
    if found is None:
        with stats.timed("finding candidates"):
            from tracker.link import blocking

            pairs, candidates = blocking._block(shapes, None, limits.suggest, workers, progress)
            stats.candidates = stats.candidates or candidates
        with stats.timed("judging"):
            found, judged = _judge(
                sorted(pairs), texts, limits, progress, workers=workers, shapes=shapes, bare=bare
            )
            stats.judged += judged
        found += _by_meaning(db, None, texts, limits, found, stats, progress, workers, shapes)
        found = strongest(found)
    rejected = db.execute("SELECT a_id, b_id FROM links WHERE status = ?", [ReviewStatus.REJECTED.value])
    found = shaded(found, limits, {(int(a), int(b)) for a, b in rejected})
    keep = {(a, b) for a, b, _, _ in found}
    stats.seconds["judging"] = stats.seconds.get("judging", 0.0) + sides_seconds
    with write_transaction(db):  # the links and the claim sides they imply, as in link_new
        with stats.timed("writing"):
            _write(db, found, stats)
            stale = [
                (int(r[0]),)
                for r in db.execute("SELECT id, a_id, b_id FROM links WHERE reviewed_at IS NULL")
                if (r[1], r[2]) not in keep
            ]
            db.conn.executemany("DELETE FROM links WHERE id = ?", stale)
            stats.removed = len(stale)
        with stats.timed("attaching claims"):
            stats.attached = store_attachments(db, sides)  # those stored meanwhile keep theirs
    return stats
