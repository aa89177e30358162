"""Similarity of two statements' wording: weighted overlap of their concepts and edit distance.

Part of judging (tracker.judge re-exports every public name); its weights are named constants
the linker's candidate bounds and pre-filter are computed from.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from tracker.concepts import similarity_concepts

__all__ = [
    "CONTAINMENT_WEIGHT",
    "DICE_WEIGHT",
    "FULL_DICE",
    "ONE_WORD_DAMPING",
    "TEXT_SIDE_FACTOR",
    "TOKEN_SET_WEIGHT",
    "TOKEN_SORT_WEIGHT",
    "length_damping",
    "similarity",
    "stem_list",
    "stem_weight",
]

# Below this weighted Dice of the stems, the whole score shrinks in proportion: edit distance
# only adds to what shared informative words establish (a pair sharing "obama" and a few
# letter runs scored 47 before). The linker derives its candidate bounds from this.
FULL_DICE = 0.5
# The shares of similarity's four terms (they sum to 1), and what the whole texts count for
# against the propositions: the linker's candidate bounds and pre-filter are computed from these.
DICE_WEIGHT = 0.45  # weighted Dice of the two stem sets
CONTAINMENT_WEIGHT = 0.25  # the shared stem weight, as a share of the lighter side's
TOKEN_SET_WEIGHT = 0.15  # rapidfuzz token_set_ratio of the sorted stem sets
TOKEN_SORT_WEIGHT = 0.15  # rapidfuzz token_sort_ratio of the stems in order
TEXT_SIDE_FACTOR = 0.9  # the normalised texts' similarity counts this much of the propositions'


def stem_list(text: str) -> tuple[str, ...]:
    """The concepts (stems, synonyms and entity aliases made one) of text's informative
    words, in order, compounds read as their words: what similarity compares
    (concepts.similarity_concepts)."""
    return similarity_concepts(text)


def stem_weight(term: str) -> float:
    """How much sharing this stem says two texts are about the same thing, in units of 0.04.

    Only ratios of weights are used, and whole numbers add up exactly in any order: a set's
    order varies with PYTHONHASHSEED, and a sum of 0.72s and 1.08s in another order can be
    another float, which rounding turned into a score 0.1 apart."""
    # Numbers and long words are rarer in news, so they say more about what a text is about.
    if term.isdigit():
        return 40.0
    # an entity ("country:india") weighs as its name does
    return 15.0 + 3 * min(len(term) - term.find(":") - 1, 8)


def _overlap(sa: frozenset[str], sb: frozenset[str]) -> tuple[float, float]:
    """Weighted Dice and containment (of the smaller side) of two stem sets, 0-1."""
    if not sa or not sb:
        return 0.0, 0.0
    shared = sum(stem_weight(t) for t in sa & sb)
    wa = sum(stem_weight(t) for t in sa)
    wb = sum(stem_weight(t) for t in sb)
    return 2 * shared / (wa + wb), shared / min(wa, wb)


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0-100 similarity of two statements' wording, combining word overlap and edit distance.

    Texts sharing little of their informative words' weight (Dice below FULL_DICE) are damped
    in proportion, so that character-level likeness cannot make up for missing content; short
    texts and texts of very different lengths are damped too.
    """
    la, lb = stem_list(a), stem_list(b)
    sa, sb = frozenset(la), frozenset(lb)
    if not sa or not sb:
        return 0.0
    dice, contain = _overlap(sa, sb)
    ja, jb = " ".join(sorted(sa)), " ".join(sorted(sb))
    fuzzy = fuzz.token_set_ratio(ja, jb) / 100
    sort = fuzz.token_sort_ratio(" ".join(la), " ".join(lb)) / 100
    return combined(dice, contain, fuzzy, sort, len(sa), len(sb))


def combined(dice: float, contain: float, fuzzy: float, ordered: float, size_a: int, size_b: int) -> float:
    """The 0-100 score of the parts of a similarity, in one order of operations: the linker
    computes scores from stems itself (link.prefilter.link_score) and must get the same float."""
    score = (
        DICE_WEIGHT * dice
        + CONTAINMENT_WEIGHT * contain
        + TOKEN_SET_WEIGHT * fuzzy
        + TOKEN_SORT_WEIGHT * ordered
    ) * min(1.0, dice / FULL_DICE)
    score *= length_damping(size_a, size_b)
    return round(100 * min(1.0, score), 1)


ONE_WORD_DAMPING = 0.6  # a side of one informative word matches too easily ("obama")


def length_damping(na: int, nb: int) -> float:
    """What similarity keeps (0-1) of two sides of na and nb distinct concepts: a side of one
    word, and sides of very different lengths, match too easily. The linker's pre-filter
    applies the same factor."""
    small = min(na, nb)
    damping = ONE_WORD_DAMPING if small == 1 else 1.0
    ratio = max(na, nb) / small
    if ratio > 3:
        damping *= max(0.6, 1 - 0.05 * (ratio - 3))
    return damping
