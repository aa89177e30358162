"""Stemming, synonyms and concepts: what the words of a claim stand for (re-exported by
tracker.text).

Everything here is pure (strings in, values out) so it can be cached and tested in isolation.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer

from tracker.lexicon import (
    ENTITY_ALIASES,
    IRREGULAR_FORMS,
    MULTIWORD_ALIASES,
    STEM_EXCEPTIONS,
    SYNONYM_PHRASES,
    SYNONYM_WORDS,
    words,
)
from tracker.patterns import lazy
from tracker.tokenise import STOP_WORDS, TEXT_CACHE, normalise, tokens

__all__ = [
    "concept",
    "concept_tokens",
    "concepts",
    "one_spelling",
    "similarity_concepts",
    "spellings",
    "stem",
    "stems",
]

# ---------------------------------------------------------------- stemming and concepts


_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """Snowball's English stem ("attacked" → "attack"), which keeps "militants" ("milit") apart
    from "military" ("militari") and "governor" from "government" ("govern"); a few words it
    would join to another ("authorities" → "author") are kept apart (lexicon.STEM_EXCEPTIONS)."""
    if word.isdigit() or len(word) <= 2:
        return word
    return STEM_EXCEPTIONS.get(word) or one_spelling(_STEMMER.stemWord(word))


_VOWELS = lazy(r"[aeiouy]+")
# British and American spellings of one word, as Snowball leaves their stems: colour / color
# ("colour" / "color"), organise / organize ("organis" / "organiz"), analyse / analyze, centre /
# center ("centr" / "center"), defence / defense ("defenc" / "defens"), catalogue / catalog,
# counsellor / counselor; and the agent nouns spelled -er or -or, whose -er Snowball strips
# (adviser / advisor: "advis" / "advisor"; protester / protestor; conveyer / conveyor).
_VARIANT_RULES = (
    # -our after a consonant or "i", three letters in ("colour", "behaviour"; not "four", "flour")
    (lazy(r"(?:(?<=[a-z]{2}[b-df-hj-np-tv-z])|(?<=[a-z]{3}i))our(?=$|it|hood)"), "or"),
    (lazy(r"(?<=[a-z][aeioun])([tb])r$"), r"\1er"),  # "centr", "theatr", "metr", "fibr"
    (lazy(r"(?<=[a-z]{2}[fct])enc$"), "ens"),  # "defenc", "offenc", "licenc", "pretenc"
    (lazy(r"(?<=[a-z]{3})ogu$"), "og"),  # "catalogu", "dialogu"
    (lazy(r"(?<=[a-z]{3}[ei])llor$"), "lor"),  # "counsellor", "councillor"
)
# -ise and -yse, as Snowball stems the -ize and -yze it leaves whole ("criticis" is what
# "criticize" makes, "critic"; "organis", "organiz")
_ISE = lazy(r"^[a-z]{4,}[iy]s$")
# agent nouns in -or whose -er twin Snowball cuts to the verb: after an s (not "ss":
# "successor"), "st" or "y", past two syllables ("advisor", "protestor", "conveyor"; not
# "pastor", "sensor", "sponsor")
_AGENT_OR = lazy(r"^(?P<base>[a-z]*(?:[^s]s|st|y))or$")
_VARIANT_RUNS = ("our", "tr", "br", "enc", "ogu", "llor")  # what each of _VARIANT_RULES matches
_VARIANT_EXCEPTIONS = frozenset("devour contour detour velour paramour troubadour".split())


def one_spelling(stemmed: str) -> str:
    """One stem for the British and the American spelling of a word (and the -er and -or of an
    agent noun), so that "adviser" and "advisor", "colour" and "color" are one word to the
    judge, in general rather than pair by pair: rules on the stem, each kept from words it
    would join to another ("four", "pastor", "success")."""
    if stemmed in _VARIANT_EXCEPTIONS:
        return stemmed
    agent = _AGENT_OR.match(stemmed) if "or" in stemmed else None
    if agent and len(_VOWELS.findall(agent.group("base"))) >= 2:
        return agent.group("base")
    if ("is" in stemmed or "ys" in stemmed) and _ISE.match(stemmed):
        return str(_STEMMER.stemWord(stemmed[:-1] + "ze"))
    # each rule needs one of these letter runs: a stem with none (most) is left as it is
    if not any(run in stemmed for run in _VARIANT_RUNS):
        return stemmed
    for pattern, replacement in _VARIANT_RULES:
        stemmed = pattern.sub(replacement, stemmed)
    return stemmed


def _stemmed(entries: dict[str, str]) -> dict[str, str]:
    return {stem(word.replace("-", "")): concept for word, concept in entries.items()}


_CONCEPT_OF_STEM = _stemmed(SYNONYM_WORDS)
_CONCEPT_PHRASES = {tuple(stem(w) for w in phrase): concept for phrase, concept in SYNONYM_PHRASES.items()}
_ENTITY_PHRASES = {tuple(name.split()): concept for name, concept in MULTIWORD_ALIASES.items()}
# the phrase lengths that start with a word (entities) or a stem (concepts), longest first:
# most words start none, which spares every slice and lookup
_ENTITY_STARTS: dict[str, list[int]] = {}
_CONCEPT_STARTS: dict[str, list[int]] = {}
for _phrases, _starts in ((_ENTITY_PHRASES, _ENTITY_STARTS), (_CONCEPT_PHRASES, _CONCEPT_STARTS)):
    for _phrase in _phrases:
        _starts.setdefault(_phrase[0], []).append(len(_phrase))
    for _sizes in _starts.values():
        _sizes.sort(reverse=True)


@lru_cache(maxsize=131072)
def concept(word: str) -> str:
    """What one word stands for in a claim: the entity it names ("indian", "islamabad" →
    "country:india", "country:pakistan"), the concept it is a synonym of ("truce" →
    "ceasefire"), or else its stem. Cached by word, as stem() is: concept_tokens asks it of
    every word of every text judged."""
    entity = ENTITY_ALIASES.get(word) if word != "us" else None
    if entity:
        return entity
    stemmed = stem(IRREGULAR_FORMS.get(word, word))
    return _CONCEPT_OF_STEM.get(stemmed, stemmed)


@lru_cache(maxsize=TEXT_CACHE)
def concept_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """Every token of text as (concept, as written): a phrase that names one entity or says
    one thing ("the united states", "asked for", "went on strike") is one token, matched
    before single words; a single word is concept(word)."""
    words = tokens(text)
    stemmed = [stem(w) for w in words]
    out: list[tuple[str, str]] = []
    i, n = 0, len(words)
    while i < n:
        found, size = None, 1
        for length in _ENTITY_STARTS.get(words[i], ()):
            if i + length <= n and (found := _ENTITY_PHRASES.get(words[i : i + length])):
                size = length
                break
        if found is None:
            for length in _CONCEPT_STARTS.get(stemmed[i], ()):
                if i + length <= n and (found := _CONCEPT_PHRASES.get(tuple(stemmed[i : i + length]))):
                    size = length
                    break
        if found is None:
            out.append((concept(words[i]), words[i]))
        else:
            out.append((found, " ".join(words[i : i + size])))
        i += size
    return tuple(out)


@lru_cache(maxsize=TEXT_CACHE)
def concepts(text: str) -> tuple[str, ...]:
    """The concepts of text's informative tokens, in order (concept_tokens without stop words)."""
    return tuple([c for c, w in concept_tokens(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())])


# A hyphenated compound, as normalise() leaves it ("rat-infested", "12-inch", "jong-un").
_COMPOUND = lazy(r"[a-z0-9]+(?:-[a-z0-9]+)+")
# Parts before a hyphen that change the word they join rather than name a thing of their own
# ("de-escalate", "re-open", "ex-minister", "al-Shabab"): such a compound is kept whole.
_BOUND_PREFIXES = words(
    """re de co pre non anti ex un post mid multi semi sub inter over under counter pro mis
    al el"""
)


def _compound_parts(text: str) -> dict[str, tuple[str, ...]]:
    """The hyphenated compounds of text as tokens() joins them ("ratinfested"), each with its
    words, when they are words of their own: not a prefix, not a single letter ("x-rated")."""
    out: dict[str, tuple[str, ...]] = {}
    norm = normalise(text)
    if "-" not in norm:  # most texts: no compound, and no scan for one
        return out
    for match in _COMPOUND.finditer(norm):
        parts = tuple(match.group(0).split("-"))
        if not any(p in _BOUND_PREFIXES or (len(p) == 1 and not p.isdigit()) for p in parts):
            out["".join(parts)] = parts
    return out


@lru_cache(maxsize=TEXT_CACHE)
def similarity_concepts(text: str) -> tuple[str, ...]:
    """concepts(text), with each hyphenated compound as the concepts of its words: one outlet
    writes "rat-infested offices" or "a 12-inch MacBook" where another writes "offices infested
    with rats" or "12 inches", and the shared words are what says they are about one thing.
    Only similarity reads compounds apart; the judge's rules keep "de-escalate" and friends whole."""
    compounds = _compound_parts(text)
    if not compounds:
        return concepts(text)
    out: list[str] = []
    for found, written in concept_tokens(text):
        if written in STOP_WORDS or (len(written) == 1 and not written.isdigit()):
            continue
        parts = compounds.get(written)
        if parts is None:
            out.append(found)
        else:
            out.extend(concept(p) for p in parts if p not in STOP_WORDS and (len(p) > 1 or p.isdigit()))
    return tuple(out)


def stems(text: str) -> frozenset[str]:
    """The set of concepts of the informative words of text (see concepts())."""
    return frozenset(concepts(text))


# ---------------------------------------------------------------- spellings of a concept


def _spellings_of_concepts() -> dict[str, tuple[str, ...]]:
    """Every concept the lexicon knows, with the words and phrases that name it, as a full-text
    index can match them (words as written, phrases spaced): the country name before its
    demonyms and capitals, single words before phrases."""
    joined = {name.replace(" ", ""): name for name in MULTIWORD_ALIASES}
    out: dict[str, list[str]] = {}
    for name, meaning in ENTITY_ALIASES.items():
        if name != "us" and joined.get(name) is None:  # "newdelhi": the phrase "new delhi" says it
            out.setdefault(meaning, []).append(name)
    for phrase, meaning in MULTIWORD_ALIASES.items():
        out.setdefault(meaning, []).append(phrase.removeprefix("the "))
    for word in SYNONYM_WORDS:
        out.setdefault(concept(word.replace("-", "")), []).append(word.replace("-", " "))
    for spelled, meaning in SYNONYM_PHRASES.items():
        out.setdefault(meaning, []).append(" ".join(spelled))
    unique: dict[str, tuple[str, ...]] = {}
    for meaning, names in out.items():
        seen: dict[str, str] = {}
        for name in names:  # "bomb" and "bombing" are one word to a stemming index
            seen.setdefault(" ".join(stem(w) for w in name.split()), name)
        # a phrase holding a word already listed finds nothing more ("pakistani government")
        single = {key for key in seen if " " not in key}
        unique[meaning] = tuple(
            n for key, n in seen.items() if " " not in key or not single & set(key.split())
        )
    return unique


_SPELLINGS = _spellings_of_concepts()


def spellings(word: str, limit: int = 8) -> tuple[str, ...]:
    """word, then up to limit - 1 other words or phrases that name what it stands for
    ("islamabad" → "islamabad", "pakistan", "pakistani", …; "truce" → "truce", "ceasefire",
    "armistice", …): what a full-text query for the word should also find. A word the
    lexicon does not know is only itself."""
    own = stem(word)
    others = [s for s in _SPELLINGS.get(concept(word), ()) if " ".join(stem(w) for w in s.split()) != own]
    return (word, *others[: limit - 1])
