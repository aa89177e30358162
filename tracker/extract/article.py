"""Assembly: the statements of a text, and the headline, byline, dateline and outlet of an article."""

from __future__ import annotations

import re

from tracker.extract.cues import (
    BYLINE,
    DATELINE,
    DETERMINERS,
    NOT_OUTLETS,
    OUTLET,
    OUTLET_TRAIL,
    SINGLE_QUOTED,
    SPEAKER_NOUNS,
)
from tracker.extract.extractor import Extractor
from tracker.extract.phrases import title_case
from tracker.extract.resolution import resolve
from tracker.extract.spans import paragraphs, quote_spans, sentence_spans, tokenize
from tracker.model import Article, Extracted, Span
from tracker.patterns import lazy


def extract_statements(text: str, *, date: str | None = None, headline: bool = False) -> list[Extracted]:
    """Every attributed statement in text, in reading order, with character offsets: the
    statements of `extract_article`, which `tracker extract` stores. A byline or dateline is
    not read as speech, and a headline's attribution ("Minister says plant will close") is
    left out, since it repeats the body's; headline=True keeps it, for corpora that annotate
    headlines too.

    date is the article's (ISO, e.g. "2025-05-10"): time phrases ("on Monday") become the
    statements' said_on counted back from it.
    """
    return list(extract_article(text, date=date, headline=headline).statements)


def single_quotes_as_double(text: str) -> str:
    """text with each pair of single quote marks outside double quotes read as double marks.

    British and South Asian papers quote in single marks ('false and baseless'); inside double
    quotes a single-quoted passage is a quote within the quote and stays as it is; so
    do the single marks of a title-case headline. Offsets
    do not change, so spans found in the result are spans of text.
    """
    chars = list(text)
    for lo, hi in paragraphs(text):
        if title_case(tokenize(text, lo, hi)):
            continue  # a headline in title case quotes in single marks: ‘Reeks of Fear’
        doubles = quote_spans(text, lo, hi)
        for m in SINGLE_QUOTED.finditer(text, lo, hi):
            if not any(a < m.end() and m.start() < b for a, b in doubles):
                chars[m.start("open")] = chars[m.start("close")] = '"'
    return "".join(chars)


def _statements(text: str, scan: str, date: str | None) -> list[Extracted]:
    """Statements of text, found in scan (text with its byline and dateline blanked out)."""
    scan = single_quotes_as_double(scan)
    ex = Extractor(scan)
    all_sentences: list[Span] = []
    for para in paragraphs(scan):
        quotes = quote_spans(scan, *para)
        sentences = sentence_spans(scan, *para, quotes)
        all_sentences.extend(sentences)
        ex.labelled(para)
        ex.direct(para, quotes, sentences)
        ex.pending = None
        for sent in sentences:
            ex.described(sent, quotes)
            ex.indirect(sent, quotes)
            ex.learned_from(sent, quotes)
            ex.reported_by(sent, quotes)
        ex.replies(para, sentences)
    ex.found.sort(key=lambda f: (f.content[0], f.cue[0] if f.cue else 0, f.implied))
    return resolve(text, ex.found, all_sentences, date=date)


_CAPS_LABEL = lazy(r"[A-Z][A-Z.'’ -]+:")


def _headline(lines: list[str]) -> str | None:
    if len(lines) < 2:
        return None  # a text of one line is all body: a headline heads something
    first = lines[0].strip()
    words = first.split()
    if sum(bool(_CAPS_LABEL.match(line.lstrip(' "“'))) for line in lines) > 1:
        return None  # "WALLACE: …" on several lines is a transcript: it has no headline
    if not words or len(words) > 25 or BYLINE.match(first) or DATELINE.match(first):
        return None
    if first.endswith((".", "”", '"')) and len(words) > 14:
        return None
    if first.endswith(".") and not title_case(tokenize(first, 0, len(first))):
        return None  # a sentence ending in a full stop opens the body, unless set in title case
    return first


def _outlet_ok(candidate: str | None) -> bool:
    if not candidate:
        return False
    words = candidate.split()
    return (
        words[0].lower() not in DETERMINERS
        and words[-1].lower() not in SPEAKER_NOUNS
        and not any(w.lower().strip(".") in NOT_OUTLETS for w in words)
    )


def _outlet_line(line: str) -> bool:
    """Whether a line under the byline is the outlet's name alone: a few capitalised words
    (the name's own "of" and "the" aside), no sentence, no dateline."""
    words = line.split()
    if not 1 <= len(words) <= 5 or line.rstrip()[-1] in '.!?:;,"”' or DATELINE.match(line):
        return False
    small = {"of", "the", "and", "&"}
    named = all(w[0].isupper() or w[0].isdigit() or w in small for w in words)
    return named and _outlet_ok(line.strip())


def _dateline_outlet_ok(candidate: str | None) -> bool:
    """The name in a dateline's parentheses is the outlet, known or not ("ISLAMABAD (Desk News) —"),
    unless it names a desk or a title rather than an outlet ("(Staff Reporter)", "(Agencies)")."""
    if not candidate:
        return False
    words = candidate.split()
    return words[0].lower() not in DETERMINERS and words[-1].lower().strip(".") not in NOT_OUTLETS


def _place(raw: str) -> str:
    return raw if not raw.isupper() else " ".join(w.capitalize() for w in raw.split())


def _blank(text: str, spans: list[Span]) -> str:
    """text with spans replaced by spaces: offsets stay, the words are no longer read."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def extract_article(text: str, *, date: str | None = None, headline: bool = False) -> Article:
    """Headline, byline author, outlet, dateline place and statements of one article's text.

    date is the article's publication date (ISO): "on Monday" becomes the Monday before it.
    headline=True keeps the headline's own attributions among the statements.
    """
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    title = _headline([line for _, line in lines])
    author = outlet = place = None
    hidden: list[Span] = []
    heads = lines[:4] + lines[-3:]
    for position, (start, line) in enumerate(heads):
        m = BYLINE.match(line)
        if m and author is None:
            author = m.group("author").strip()
            if _outlet_ok(m.group("outlet")):
                outlet = m.group("outlet").strip()
            hidden.append((start, start + len(line)))
            below = heads[position + 1] if position + 1 < len(heads) else None
            if outlet is None and below is not None and _outlet_line(below[1]):
                outlet = below[1].strip()  # "By Irina Popescu" over "Black Sea Herald"
                hidden.append((below[0], below[0] + len(below[1])))
    for start, line in lines[:5]:
        m = DATELINE.match(line)
        if m and m.group().rstrip().endswith(":") and sum(bool(_CAPS_LABEL.match(x)) for _, x in lines) > 1:
            m = None  # "PENCE: …" on several lines is a transcript, not a dateline
        if m:
            place = _place(m.group("place").strip())
            if outlet is None and _dateline_outlet_ok(m.group("outlet")):
                outlet = m.group("outlet").strip()
            hidden.append((start, start + m.end()))
            break
    if outlet is None:
        m = OUTLET.search(text) or OUTLET_TRAIL.search(text)
        if m and _outlet_ok(m.group(1).strip()):
            outlet = m.group(1).strip()
    statements = _statements(text, _blank(text, hidden), date)
    if title and not headline:
        # Attributions in the headline repeat the body; keep the body's, with its context.
        cut = text.find(title) + len(title)
        statements = [s for s in statements if s.content_span[0] >= cut]
    return Article(headline=title, author=author, outlet=outlet, place=place, statements=tuple(statements))
