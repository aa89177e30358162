"""The semantic layer's hooks into linking and claims, used when a ledger's setting `semantic`
is on (`tracker settings set semantic on`, with `pip install 'tracker[semantic]'`).

Words alone miss a claim worded another way ("Islamabad never asked for a truce" / "the halt
came at Pakistan's urging"). With the layer on:

1. candidates: each statement also gets its NEIGHBOURS nearest statements by the cosine of
   their sentence vectors (at least REFUTATION_FLOOR), beside the lexical candidates;
2. relatedness: a pair the lexical judge calls unrelated whose cosine is at least
   MEANING_FLOOR is judged again as related (`relate(a, b, related_threshold=0)`): the stance
   cues — denial, negation, antonyms, the parts of the claim — then decide agrees, contradicts
   or related, and the reasons say `meaning: cosine 0.81`. `relate`'s own rules are unchanged;
   a refutation is worded apart from what it refutes ("Experts debunk claims" / "Spider burrows
   under tourist's skin"), so below the floor, down to REFUTATION_FLOOR, a pair is linked only
   as a contradiction that a denial or negation on one side leads;
3. claims: a statement the judge places on no recorded claim is judged against the recorded
   claim nearest in meaning (CLAIM_NEIGHBOURS, cosine at least CLAIM_FLOOR) the same way, and a
   claim a person records is judged against the statements nearest it as well as those
   full-text search finds.

Nothing is confirmed on meaning alone: a link or attachment with a `meaning` reason is
suggested, for a person to confirm (config.status_for).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from tracker.model import Judgement, Reason, Relation, ReviewStatus

if TYPE_CHECKING:
    from tracker.link.config import Progress, Thresholds
    from tracker.link.pipeline import Found, LinkStats
    from tracker.link.prefilter import Shape

MEANING = "meaning"  # the reason code of a judgement made related by meaning
# Chosen on the dev halves of Emergent (benchmarks/eval_pairs.py, eval_claims.py --semantic):
NEIGHBOURS = 10
MEANING_FLOOR = 0.55
CLAIM_NEIGHBOURS = 1  # a statement joins by meaning only the recorded claim nearest it
CLAIM_FLOOR = 0.50
# below the floors, down to this cosine, only a refutation is linked (eval_pairs.py --sweep)
REFUTATION_FLOOR = 0.40
_REFUTING = frozenset({"denial", "negation"})  # relate's reasons that say one side refutes
# what two sides close in meaning are when one denies and the other affirms
OPPOSITE_POLARITY = Relation.CONTRADICTS


def enabled(db: Database) -> bool:
    from tracker.semantic.store import enabled as on

    return on(db)


def with_meaning(judgement: Judgement, cosine: float) -> Judgement:
    """The judgement of a pair related by meaning: its relation, a score of at least the
    cosine (as 0-100), and the reason `meaning: cosine 0.81` before the similarity."""
    reason = Reason(MEANING, f"cosine {cosine:.2f}")
    cues = tuple(r for r in judgement.reasons if r.code != "similarity")
    rest = tuple(r for r in judgement.reasons if r.code == "similarity")
    return Judgement(judgement.relation, max(judgement.score, round(100 * cosine, 1)), (*cues, reason, *rest))


_GIVEN = 0.001  # a related_threshold that treats every pair as related yet keeps the refusals
_REFUSALS = frozenset({"event", "name"})  # relate's reasons for two claims, however close


def judge_by_meaning(a: str, b: str, cosine: float, floor: float = MEANING_FLOOR) -> Judgement | None:
    """Pure: a pair whose cosine reaches `floor`, judged with relatedness given; None when the
    cosine is lower or the judge finds two claims (`event`: one actor, another act; `name`:
    two things of one kind). Between REFUTATION_FLOOR and `floor` only a contradiction led by
    a denial or negation on one side is kept: a refutation shares little wording, and so less
    meaning, with the claim it refutes."""
    from tracker.judge import relate

    if cosine < min(floor, REFUTATION_FLOOR):
        return None
    # relatedness given, but above zero: relate's refusals (one actor, another act; two things
    # of one kind) still apply, as they do at the default threshold to pairs that reach it
    probe = relate(a, b, related_threshold=_GIVEN)
    if any(r.code in _REFUSALS for r in probe.reasons[:1]):
        return None  # the judge's words say two claims, meaning or not
    judgement = relate(a, b, related_threshold=0)
    if judgement.relation is Relation.UNRELATED:
        return None
    if cosine < floor and not (_refutes(judgement) and _firm(b if judgement.reasons[0].side == "a" else a)):
        return None
    if judgement.relation is Relation.AGREES and all(r.code == "similarity" for r in judgement.reasons):
        # agreement on similarity alone: one side may deny what the other asserts in other words
        judgement = _opposite_polarity(a, b, judgement)
    return with_meaning(judgement, cosine)


def _refutes(judgement: Judgement) -> bool:
    """Does one side refute the other: a contradiction whose first reason is a denial or negation?"""
    return (
        judgement.relation is Relation.CONTRADICTS
        and bool(judgement.reasons)
        and judgement.reasons[0].code in _REFUTING
    )


def _firm(text: str) -> bool:
    """Does a text claim firmly, without a refuting or doubting word ("hoax", "rumours",
    "reportedly", "may")? Only a firm claim is what a refutation worded apart refutes: two texts
    that both speak of hoaxes or rumours are near in meaning by that register alone ("Judd
    Nelson rebuffs rumours that he died" / "Another celebrity death hoax circulates")."""
    from tracker.text import cue_density

    return cue_density(text) == (0.0, 0.0)


def _opposite_polarity(a: str, b: str, judgement: Judgement) -> Judgement:
    """Two sides close in meaning, one denying or negated and the other not, do not agree,
    though the negation bears on none of the other side's words (they share none): "The
    company did not lay off any workers" / "Five hundred employees lost their jobs"."""
    from tracker.claim_analysis import analyse_full
    from tracker.model import Polarity

    xa, xb = analyse_full(a), analyse_full(b)
    if xa.polarity is xb.polarity:
        return judgement
    side, denying = ("a", xa) if xa.polarity is Polarity.DENY else ("b", xb)
    cue = denying.cues[0] if denying.cues else None
    reason = (
        Reason(cue.kind, f"'{cue.text}' in {side}", side, cue.span)
        if cue is not None
        else Reason("polarity", f"{side} denies", side)
    )
    return Judgement(OPPOSITE_POLARITY, judgement.score, (reason, *judgement.reasons))


def meaning_links(
    db: Database,
    focus: Sequence[int] | None,
    texts: dict[int, str],
    limits: Thresholds,
    found: list[Found],
    stats: LinkStats,
    progress: Progress | None,
    *,
    workers: int,
    shapes: dict[int, Shape] | None = None,
) -> list[Found]:
    """The links meaning adds to `found` (the lexical links of the statements of `focus`,
    default all): every statement's vectors are read or encoded, the nearest neighbours of
    `focus` are judged by words first (full-text search misses some) and then by meaning."""
    from tracker.link import replies
    from tracker.link.pipeline import _judge, _texts
    from tracker.semantic.store import STATEMENT, neighbours, vectors

    with stats.timed("preparing"):
        every = _texts(db)
        if shapes is not None:  # a statement stored since the shapes were made waits for the next link
            every = {sid: text for sid, text in every.items() if sid in shapes}
        texts.update(every)
        bare = replies.bare_replies(db)
        replies.answered_texts(texts, bare, every)
    with stats.timed("encoding"):
        ids, matrix = vectors(db, STATEMENT, every, progress=progress, prune=True)
    with stats.timed("finding neighbours"):
        near = neighbours(ids, matrix, focus, NEIGHBOURS, min(MEANING_FLOOR, REFUTATION_FLOOR))
    linked = {(a, b) for a, b, _, _ in found}
    pairs = sorted(pair for pair in near if pair not in linked)
    stats.candidates += len(pairs)
    with stats.timed("judging by meaning"):
        lexical, judged = _judge(pairs, texts, limits, progress, workers=workers, shapes=shapes, bare=bare)
        stats.judged += judged
        added = list(lexical)
        by_words = {(a, b) for a, b, _, _ in lexical}
        for a, b in pairs:
            if (a, b) in by_words or a in bare or b in bare:  # a bare reply: by what it answers only
                continue
            stats.judged += 1
            judgement = judge_by_meaning(texts[a], texts[b], near[(a, b)])
            if judgement is not None and judgement.score >= limits.suggest:
                added.append((a, b, judgement, ReviewStatus.SUGGESTED))
    return added


def claims_by_meaning(
    db: Database, rows: Iterable[dict[str, Any]], sided: set[int]
) -> list[tuple[int, int, Judgement]]:
    """(claim id, statement id, judgement) for the statements of `rows` not in `sided`, judged
    against the recorded claims nearest them in meaning."""
    import numpy as np

    from tracker.claims.records import CANDIDATE
    from tracker.semantic.store import CLAIM, STATEMENT, vectors

    wanted = {int(row["id"]): row["text"] for row in rows if int(row["id"]) not in sided}
    claims = {
        int(r[0]): r[1]
        for r in db.execute(
            "SELECT id, text FROM claims c WHERE origin IN ('user', 'denial') AND merged_into IS NULL"
            f" AND {CANDIDATE}"  # a left-over claim attracts no statement (claims/records.py)
        )
    }
    if not wanted or not claims:
        return []
    claim_ids, claim_matrix = vectors(db, CLAIM, claims, prune=True)
    statement_ids, statement_matrix = vectors(db, STATEMENT, wanted)
    found = []
    take = min(CLAIM_NEIGHBOURS, len(claim_ids))
    for start in range(0, len(statement_ids), 512):
        similarity = statement_matrix[start : start + 512] @ claim_matrix.T
        best = np.argsort(-similarity, axis=1)[:, :take]
        for i, columns in enumerate(best):
            sid = statement_ids[start + i]
            for column in columns:
                claim_id = claim_ids[int(column)]
                judgement = judge_by_meaning(
                    claims[claim_id], wanted[sid], float(similarity[i, column]), CLAIM_FLOOR
                )
                if judgement is not None:
                    found.append((claim_id, sid, judgement))
    return found


def statements_near_claim(
    db: Database, claim_id: int, claim_text: str, exclude: set[int]
) -> list[tuple[int, Judgement]]:
    """(statement id, judgement) for the stored statements nearest a recorded claim in meaning
    (at most STATEMENTS_PER_CLAIM, cosine at least CLAIM_FLOOR, or REFUTATION_FLOOR for a
    refutation), other than `exclude`."""
    import numpy as np

    from tracker.claims.records import STATEMENTS_PER_CLAIM
    from tracker.link.pipeline import _texts
    from tracker.semantic.store import CLAIM, STATEMENT, vectors

    texts = _texts(db)
    if not texts:
        return []
    ids, matrix = vectors(db, STATEMENT, texts)
    _, claim_matrix = vectors(db, CLAIM, {claim_id: claim_text})
    cosines = matrix @ claim_matrix[0]
    found = []
    for row in np.argsort(-cosines)[:STATEMENTS_PER_CLAIM]:
        sid, cosine = ids[int(row)], float(cosines[row])
        if cosine < min(CLAIM_FLOOR, REFUTATION_FLOOR):
            break
        if sid in exclude:
            continue
        judgement = judge_by_meaning(claim_text, texts[sid], cosine, CLAIM_FLOOR)
        if judgement is not None:
            found.append((sid, judgement))
    return found
