"""The judge's caches keyed by one text only save work: relate() judges a pair alike whether
every analysis of its statements comes from a cache or is derived afresh, and the caches hold
a relink's statements (several keys each) rather than evicting one another in a worker."""

from __future__ import annotations

import functools

from tracker import claim_analysis, concepts, judge_numbers, judge_roles, judge_similarity, parts, tokenise
from tracker.judge import relate
from tracker.tokenise import TEXT_CACHE

STATEMENTS = [
    "The journalist was freed on Monday",
    "The journalist was detained in captivity on Monday",
    "Rebels captured the town",
    "Rebels lost the town and had to escape",
    "Says the unemployment rate in Texas fell to 4 percent in 2012",
    "It is false that the unemployment rate in Texas fell to 4 percent in 2012",
    "Germany paid 5 million euros to the fund",
    "France had not contributed any money to the fund",
    "The train to Leeds leaves from platform 9",
    "The train to Leeds leaves from platform 4",
]
PAIRS = [(a, b) for a in STATEMENTS for b in STATEMENTS if a != b]


def _text_caches() -> list[functools._lru_cache_wrapper[object]]:
    modules = (claim_analysis, concepts, judge_numbers, judge_roles, judge_similarity, parts, tokenise)
    found = {
        id(f): f
        for m in modules
        for f in vars(m).values()
        if isinstance(f, functools._lru_cache_wrapper) and f.cache_parameters()["maxsize"] == TEXT_CACHE
    }
    return list(found.values())


def test_relate_judges_alike_from_a_cold_cache_and_a_warm_one() -> None:
    caches = _text_caches()
    cold = []
    for a, b in PAIRS:
        for cache in caches:
            cache.cache_clear()
        cold.append(relate(a, b))
    warm = [relate(a, b) for a, b in PAIRS]
    assert warm == cold


def test_every_cache_keyed_by_one_text_holds_a_100k_relink() -> None:
    # the 100k LIAR corpus has 53,378 statements; each is cached under several texts
    assert TEXT_CACHE >= 4 * 53_378
    names = sorted(f.__qualname__ for f in _text_caches())
    assert names == [
        "_dates",
        "_frame",
        "_identifiers",
        "_numbers",
        "_quantities",
        "_side",
        "_times",
        "active",
        "analyse_full",
        "canonical_tokens",
        "concept_tokens",
        "concepts",
        "normalise",
        "proper_names",
        "similarity_concepts",
        "tokens",
    ]


def _similarity_from_the_pair(a: str, b: str) -> float:
    """judge_similarity.similarity as it was computed before each text's side was cached."""
    from rapidfuzz import fuzz

    la, lb = judge_similarity.stem_list(a), judge_similarity.stem_list(b)
    sa, sb = frozenset(la), frozenset(lb)
    if not sa or not sb:
        return 0.0
    dice, contain = judge_similarity._overlap(sa, sb)
    fuzzy = fuzz.token_set_ratio(" ".join(sorted(sa)), " ".join(sorted(sb))) / 100
    ordered = fuzz.token_sort_ratio(" ".join(la), " ".join(lb)) / 100
    return judge_similarity.combined(dice, contain, fuzzy, ordered, len(sa), len(sb))


def test_similarity_from_each_texts_cached_side_is_the_pairs_own() -> None:
    texts = [*STATEMENTS, "", "the of and", "Rat-infested offices in New Delhi", "offices infested with rats"]
    scores = [judge_similarity.similarity(a, b) for a in texts for b in texts]
    assert scores == [_similarity_from_the_pair(a, b) for a in texts for b in texts]
    assert (
        judge_similarity.similarity("Rat-infested offices in New Delhi", "offices infested with rats") == 88.8
    )
