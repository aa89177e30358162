"""Text helpers for judging statements: normalising, sentences, tokens, and claim analysis.

Everything here is pure (strings in, values out) so it can be cached and tested in isolation.

The code lives in three modules, re-exported here so that callers need only this one:
tracker.tokenise (normalising, sentences and tokens), tracker.concepts (stemming, synonyms
and concepts) and tracker.claim_analysis (cues and claim analysis).
"""

from __future__ import annotations

from tracker.claim_analysis import Analysis, Cue, analyse, analyse_full, cue_density
from tracker.concepts import concept, concept_tokens, concepts, stem, stems
from tracker.tokenise import (
    STOP_WORDS,
    index_words,
    informative_terms,
    informative_words,
    is_adverb,
    normalise,
    sentences,
    tokens,
)

__all__ = [
    "STOP_WORDS",
    "Analysis",
    "Cue",
    "analyse",
    "analyse_full",
    "concept",
    "concept_tokens",
    "concepts",
    "cue_density",
    "index_words",
    "informative_terms",
    "informative_words",
    "is_adverb",
    "normalise",
    "sentences",
    "stem",
    "stems",
    "tokens",
]
