"""Text geometry: tokens with offsets, paragraphs, quotes and sentences as character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.cues import (
    PARAGRAPH,
    QUOTE_MARK,
    SENTENCE_END_IN_PARAGRAPH,
    TITLE_LEADS,
    WORD_OR_MARK,
)
from tracker.lexicon import ABBREVIATIONS, NUMBER_ABBREVIATIONS
from tracker.model import Span
from tracker.patterns import lazy


@dataclass
class Tok:
    """A word or punctuation mark of the text, with its absolute offsets."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    """Word and punctuation tokens of text[lo:hi] with absolute offsets."""
    return [Tok(m.group(), lo + m.start(), lo + m.end()) for m in WORD_OR_MARK.finditer(text[lo:hi])]


def trim(text: str, lo: int, hi: int, chars: str = " \t\n,;:.—–-") -> Span:
    """Shrink [lo, hi) past surrounding whitespace and clause punctuation."""
    while lo < hi and text[lo] in chars:
        lo += 1
    while hi > lo and text[hi - 1] in chars:
        hi -= 1
    return lo, hi


def paragraphs(text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def quote_spans(text: str, lo: int, hi: int) -> list[Span]:
    """Spans of quoted passages in a paragraph, including their quote marks."""
    spans: list[Span] = []
    open_at: int | None = None
    for m in QUOTE_MARK.finditer(text, lo, hi):
        mark = m.group()
        if open_at is None:
            if mark != "”":
                open_at = m.start()
        elif mark != "“":
            spans.append((open_at, m.end()))
            open_at = None
        else:
            open_at = m.start()  # an unclosed quote followed by a new one: restart
    if open_at is not None:
        # News convention: a quote running on to the next paragraph is left open.
        end = trim(text, open_at, hi, " \t")[1]
        if end - open_at > 20:
            spans.append((open_at, end))
    return spans


def inner_span(text: str, qa: int, qb: int) -> Span:
    """The quoted words of a quote span, without marks or trailing clause punctuation."""
    a = qa + (2 if text.startswith("''", qa) else 1)
    b = qb
    if text.startswith("''", qb - 2) and qb - 2 >= a:
        b = qb - 2
    elif text[qb - 1] in '"”':
        b = qb - 1
    return trim(text, a, b, " \t,;:—–-")


def looks_like_title(text: str, qa: int, inner: Span) -> bool:
    """A quoted name (a show, book or operation) rather than speech."""
    before = text[max(0, qa - 12) : qa].split()
    if before and before[-1].lower() in TITLE_LEADS:
        return True
    words = text[inner[0] : inner[1]].strip(" ,.?!").split()
    return 0 < len(words) <= 6 and all(
        w[:1].isupper() or w.lower() in ("of", "the", "a", "and", "in", "on", "for", "to") for w in words
    )


def inside(pos: int, spans: list[Span]) -> bool:
    return any(a < pos < b for a, b in spans)


_NUMBER_NEXT = lazy(r"\s+\d")


def sentence_spans(text: str, lo: int, hi: int, quotes: list[Span]) -> list[Span]:
    """Sentence spans in a paragraph; never splits inside a quote or after an abbreviation."""
    out: list[Span] = []
    start = lo
    for m in SENTENCE_END_IN_PARAGRAPH.finditer(text, lo, hi):
        if inside(m.end(), quotes):
            continue
        before = text[start : m.start()].split()
        last = before[-1].lower().strip('("“') if before else ""
        if (
            last in ABBREVIATIONS
            or (last in NUMBER_ABBREVIATIONS and _NUMBER_NEXT.match(text, m.end(), hi))
            or (len(last) == 1 and last.isalpha())
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last)
        ):
            continue
        out.append((start, m.end()))
        start = m.end()
    if start < hi:
        out.append((start, hi))
    return [s for s in (trim(text, a, b, " \t") for a, b in out) if s[1] > s[0]]
