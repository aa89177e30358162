"""Normalising text, and splitting it into sentences and tokens (re-exported by tracker.text).

Everything here is pure (strings in, values out) so it can be cached and tested in isolation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tracker.lexicon import ABBREVIATIONS, NUMBER_ABBREVIATIONS, words
from tracker.patterns import lazy

# Entries of each cache keyed by one text (a statement, its proposition, its active form…):
# a relink judges a statement against many others in a worker, so its analysis should be
# made once there. At 32,768 entries the 100k corpus's ~53k statements (each several keys)
# evicted one another and were analysed again for most pairs.
TEXT_CACHE = 1 << 18

__all__ = [
    "STOP_WORDS",
    "index_words",
    "informative_terms",
    "informative_words",
    "is_adverb",
    "normalise",
    "sentences",
    "tokens",
]

# ---------------------------------------------------------------- normalising

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
_URL = lazy(r"(?:https?://|www\.)\S+", re.I)
_HANDLE = lazy(r"(?<![\w@])@\w+")
_HASH = lazy(r"#(?=\w)")
_THOUSANDS = lazy(r"(?<=\d),(?=\d{3}\b)")
# A decimal comma, as European outlets write one, before what it measures: "47,3 percent",
# "2,5 million", "12,5 km" (not "sections 3,4 and 5", which measures nothing)
_DECIMAL_COMMA = lazy(
    r"(?<=\d),(?=\d{1,2}\s*(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b|thousand\b"
    r"|km\b|kg\b|metres\b|meters\b|degrees\b))"
)
_SCALE_SUFFIX = lazy(r"\b(\d+(?:\.\d+)?)\s?(k|m|mn|mln|bn|b|tn)\b")
# what every match of _SCALE_SUFFIX holds (a digit, a space or none, a suffix's first letter),
# found by a quick scan from digit to digit: most texts with a number have no suffix
_SCALE_HINT = lazy(r"\d\s?[kmbt]")
_SCALE_WORDS = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mln": "million",
    "bn": "billion",
    "b": "billion",
    "tn": "trillion",
}


def _scale_word(match: re.Match[str]) -> str:
    """ "$40m", "40m people": 40 million; "a breach of 40 m" (a space, no currency): 40 metres."""
    number, suffix = match.group(1), match.group(2)
    spaced = match.end(1) < match.start(2)
    if suffix == "m" and spaced and not re.search(r"[$£€¥₹]\s?$", match.string[: match.start()]):
        return f"{number} metres"
    return f"{number} {_SCALE_WORDS[suffix]}"


_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# The lookahead names the letters a match can start with ("a dozen" too): on the many texts
# with none of them at a word's start the scan fails fast, position by position.
_NUMBER_WORD = lazy(
    "(?=["
    + "".join(sorted({word[0] for word in [*_TENS, *_UNITS, "a", "dozen"]}))
    + "])"
    + r"\b(?:("
    + "|".join(_TENS)
    + r")(?:[- ]("
    + "|".join(list(_UNITS)[:9])
    + r"))?|("
    + "|".join(_UNITS)
    + r")|(a )?(dozen))\b"
)


def _number_word(match: re.Match[str]) -> str:
    tens, unit, single, _, dozen = match.groups()
    if tens:
        return str(_TENS[tens] + (_UNITS[unit] if unit else 0))
    if single:
        return str(_UNITS[single])
    return "12" if dozen else match.group(0)


_DOZENS = lazy(r"\b(" + "|".join(list(_UNITS)[:12]) + r"|\d+) dozen\b")


def _dozens(match: re.Match[str]) -> str:
    count = match.group(1)
    return str(12 * (int(count) if count.isdigit() else _UNITS[count]))


# A capitalised "Un" after a capitalised word is the end of a name ("Kim Jong Un"), written as
# "Kim Jong-un" writes it, so that it is not the UN ("UN", "U.N." and "the UN" are)
_NAME_UN = lazy(r"\b([A-Z][a-z]+) Un\b")


@lru_cache(maxsize=TEXT_CACHE)
def normalise(text: str) -> str:
    """Lowercase; unify quotes and dashes; drop URLs, @handles and '#'; numbers as digits.

    Each substitution runs only on a text it can change (a URL needs "://" or "www.", a
    handle "@", …): most statements have none of them, and the scans were a fifth of judging
    a new pair. Spaces are collapsed by split(), which splits on exactly what \\s matches."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    elif "`" in text:  # the one ASCII character _QUOTES maps
        text = text.translate(_QUOTES)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _HANDLE.sub(" ", text)
    if " Un" in text:
        text = _NAME_UN.sub(r"\1-Un", text)
    if "#" in text:
        text = _HASH.sub("", text)
    text = text.lower()
    if "," in text:
        text = _DECIMAL_COMMA.sub(".", _THOUSANDS.sub("", text))
    if "dozen" in text:
        text = _DOZENS.sub(_dozens, text)
    text = _NUMBER_WORD.sub(_number_word, text)
    if _SCALE_HINT.search(text):
        text = _SCALE_SUFFIX.sub(_scale_word, text)
    return " ".join(text.split())


# ---------------------------------------------------------------- sentences and tokens

# A sentence's end, a blank line, or a line break before a capital. tracker.extract has its own
# splitter (within a paragraph, never inside a quote, as spans): one for both moved the figures.
_SENTENCE_BREAK = lazy(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z\"'])")
_ABBREV_TAIL = lazy(
    r"(?:\b(?:" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS)) + r")|\b[A-Z])\.[\"')\]]*\s*$", re.I
)
_NUMBER_ABBREV_TAIL = lazy(r"\b(?:" + "|".join(sorted(NUMBER_ABBREVIATIONS)) + r")\.\s*$", re.I)


def sentences(text: str) -> list[str]:
    """Split text into sentences, keeping abbreviations such as "Mr." and "U.S." whole."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        piece = text[start : match.start()]
        if "\n" not in match.group(0) and (
            _ABBREV_TAIL.search(text[max(0, match.start() - 8) : match.end()])
            or (
                text[match.end() : match.end() + 1].isdigit()
                and _NUMBER_ABBREV_TAIL.search(text[max(0, match.start() - 8) : match.end()])
            )
        ):
            continue
        if piece.strip():
            parts.append(piece.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


# A word of normalised text for matching; tracker.extract tokenises raw text with offsets.
_WORD = lazy(r"[a-z0-9]+(?:[.:][0-9]+)?(?:'[a-z]+)?")

STOP_WORDS: frozenset[str] = words(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having
    he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm
    i've if in into is isn't it it's its itself just let's me more most my myself nor of off on
    once only or other ought our ours ourselves out over own same she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to too under until up upon
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's with won't would wouldn't you you'd you'll
    you're you've your yours yourself yourselves will may might must shall says said say
    told tells according report reports reported reportedly new via just now get gets got
    one s t yet like also still even"""
)


@lru_cache(maxsize=TEXT_CACHE)
def tokens(text: str) -> tuple[str, ...]:
    """Word tokens of the normalised text (hyphenated words joined, possessive 's dropped).

    Joined, "de-escalate" keeps its prefix for relate's antonyms; the FTS5 index splits
    hyphenated words instead, so FTS queries use index_words().
    """
    norm = normalise(text).replace("-", "")
    if "'s" not in norm:  # no possessive to drop
        return tuple(_WORD.findall(norm))
    return tuple(t[:-2] if t.endswith("'s") else t for t in _WORD.findall(norm))


def informative_words(text: str) -> list[str]:
    """Tokens that are not stop words (order kept, duplicates kept)."""
    return [t for t in tokens(text) if t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]


def index_words(text: str) -> list[str]:
    """informative_words() with hyphenated words split, as the FTS5 index (unicode61) splits
    them: "re-engaged" gives "re", "engaged", which an FTS5 query can match ("reengaged" never)."""
    return informative_words(normalise(text).replace("-", " "))


_CUE_WORDS = words(
    """denied denies deny denying refuted refutes rejected rejects dismissed dismisses claimed
    claims claim alleged allegedly allegations reportedly apparently strongly firmly false
    baseless hoax fake debunked rumour rumor rumours rumors confirmed confirms stated statement
    announced added asserted assertions insisted not never no"""
)


# Words of six letters or more ending in -ly are nearly all manner adverbs ("strongly",
# "reportedly"), which say how, not what; shorter ones are mostly not ("July", "Italy", "rally",
# "ugly"). These longer ones are nouns, verbs, adjectives or names, and tell what a text is about.
_LY_WORDS = words(
    """family families assembly anomaly monopoly supply comply multiply weekly monthly yearly
    hourly nightly quarterly biweekly costly deadly friendly unfriendly elderly lonely lovely
    lively orderly ghastly unruly homily sicily beverly kimberly reilly philly grizzly
    shapely"""
)


def is_adverb(word: str) -> bool:
    """An -ly manner adverb ("strongly", "allegedly"), not "family", "Italy", "July" or "rally"."""
    return len(word) >= 6 and word.endswith("ly") and not word.endswith("fly") and word not in _LY_WORDS


def informative_terms(text: str, k: int = 12) -> list[str]:
    """Up to k distinct plain lowercase words for a full-text (FTS5) query, most telling first.

    Longer words and numbers come first: they are rarer and so more discriminating.
    """
    seen: dict[str, int] = {}
    for position, word in enumerate(index_words(text)):
        if word.isalnum() and word not in seen and word not in _CUE_WORDS and not is_adverb(word):
            seen[word] = position
    ranked = sorted(seen, key=lambda w: (-(min(len(w), 9) + (3 if w.isdigit() else 0)), seen[w]))
    return ranked[:k]
