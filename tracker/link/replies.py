"""Bare replies ("Completely untrue.", "Nonsense.", "denied the accusation"): statements whose
words do not name what they answer, linked only through the claim they answer.

The linker reads a bare reply as what it answers (`answered_texts`), so that candidates and
scores come from that claim and never from the bare words two replies share; `follows` then
turns relate's verdict on the claims into the reply's link: a denial of X contradicts a
statement of X and agrees with another denial of X, and nothing else links it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from sqlite_utils import Database

from tracker.model import Judgement, Polarity, Reason, Relation

ANSWERS = "answers"  # the reason a reply's link gives for reading what it answers
_NEGATING = frozenset({"denial", "negation"})  # relate's codes for "one side says X is not so"
_PLAIN = _NEGATING | {"similarity"}


class Reply(NamedTuple):
    answers: str  # the claim it answers, as the article named it
    denies: bool


def is_bare(text: str, answers: str | None) -> bool:
    """Whether a statement is a reply whose own words do not say what it answers."""
    return bool(answers) and answers.casefold() not in text.casefold()  # type: ignore[union-attr]


def bare_replies(db: Database) -> dict[int, Reply]:
    """Every bare reply in the ledger, by statement id (one read of the statements answering)."""
    rows = db.execute("SELECT id, text, answers, polarity FROM statements WHERE answers IS NOT NULL")
    return {
        int(sid): Reply(answers, polarity == Polarity.DENY.value)
        for sid, text, answers, polarity in rows
        if is_bare(text, answers)
    }


def answered_texts(
    texts: dict[int, str], replies: dict[int, Reply], ids: Iterable[int] | None = None
) -> None:
    """Put in `texts` what each bare reply answers in place of its words (those of `ids` only,
    when given; every reply otherwise)."""
    for sid in replies if ids is None else ids:
        if sid in replies:
            texts[sid] = replies[sid].answers


def answered_propositions(propositions: dict[int, str], replies: dict[int, Reply]) -> None:
    """The propositions of what the bare replies answer, in place of their own words'."""
    from tracker.text import analyse_full

    for sid, reply in replies.items():
        if sid in propositions:
            propositions[sid] = analyse_full(reply.answers).proposition


def reply_candidates(
    texts: dict[int, str], ids: Iterable[int], replies: dict[int, Reply]
) -> set[tuple[int, int]]:
    """The pairs of the statements `ids` with the bare replies sharing an informative word with
    them (a reply by what it answers): the pairs full-text search on their words cannot find.
    `texts` must hold every reply's (answered) text; it receives them."""
    from tracker.text import informative_terms

    answered_texts(texts, replies)
    index: dict[str, list[int]] = {}
    for sid, reply in replies.items():
        for term in informative_terms(reply.answers, 16):
            index.setdefault(term, []).append(sid)
    pairs: set[tuple[int, int]] = set()
    for sid in ids:
        for term in informative_terms(texts[sid], 16):
            pairs.update((sid, o) if sid < o else (o, sid) for o in index.get(term, ()) if o != sid)
    return pairs


def follows(judgement: Judgement, a: Reply | None, b: Reply | None) -> Judgement | None:
    """The link of a pair with a bare reply, from relate's `judgement` of what each says or
    answers: when that is one claim (agrees) or one side's denial of the other (contradicts by
    negation alone), the relation follows from how many of the replies deny; else no link."""
    if judgement.relation is Relation.AGREES:
        same = True
    elif judgement.relation is Relation.CONTRADICTS and _negation_only(judgement.reasons):
        same = False
    else:
        return None
    denials = sum(1 for reply in (a, b) if reply is not None and reply.denies)
    relation = Relation.AGREES if same == (denials % 2 == 0) else Relation.CONTRADICTS
    bare = {side for side, reply in (("a", a), ("b", b)) if reply is not None}
    answering = tuple(
        Reason(ANSWERS, f"{side} answers '{reply.answers}'", side)
        for side, reply in (("a", a), ("b", b))
        if reply is not None
    )
    # relate's spans point into what a reply answers, not into the reply's words
    judged = tuple(replace(r, span=None) if r.side in bare else r for r in judgement.reasons)
    return Judgement(relation, judgement.score, answering + judged)


def _negation_only(reasons: Iterable[Reason]) -> bool:
    codes = {r.code for r in reasons}
    return bool(codes & _NEGATING) and codes <= _PLAIN
