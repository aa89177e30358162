"""Assembly: the statements of a text, and the headline, byline and outlet of an article."""

from __future__ import annotations

from tracker.extract.cues import BYLINE, DETERMINERS, OUTLET, OUTLET_TRAIL, SPEAKER_NOUNS
from tracker.extract.extractor import Extractor
from tracker.extract.resolution import resolve
from tracker.extract.spans import paragraphs, quote_spans, sentence_spans
from tracker.model import Article, Extracted, Span


def extract_statements(text: str) -> list[Extracted]:
    """Every attributed statement in text, in reading order, with character offsets."""
    ex = Extractor(text)
    all_sentences: list[Span] = []
    for para in paragraphs(text):
        quotes = quote_spans(text, *para)
        sentences = sentence_spans(text, *para, quotes)
        all_sentences.extend(sentences)
        ex.labelled(para)
        ex.direct(para, quotes, sentences)
        ex.pending = None
        for sent in sentences:
            ex.described(sent, quotes)
            ex.indirect(sent, quotes)
    ex.found.sort(key=lambda f: (f.content[0], f.cue[0] if f.cue else 0))
    return resolve(text, ex.found, all_sentences)


def _headline(lines: list[str]) -> str | None:
    if not lines:
        return None
    first = lines[0].strip()
    words = first.split()
    if not words or len(words) > 25 or BYLINE.match(first):
        return None
    if first.endswith((".", "”", '"')) and len(words) > 14:
        return None
    return first


def extract_article(text: str) -> Article:
    """Headline, byline author, outlet and statements of one article's text."""
    lines = [line for line in text.splitlines() if line.strip()]
    headline = _headline(lines)
    author = None
    for line in lines[:3] + lines[-3:]:
        m = BYLINE.match(line)
        if m:
            author = m.group(1).strip()
            break
    outlet = None
    m = OUTLET.search(text) or OUTLET_TRAIL.search(text)
    if m:
        candidate = m.group(1).strip()
        if (
            candidate.split()[0].lower() not in DETERMINERS
            and candidate.split()[-1].lower() not in SPEAKER_NOUNS
        ):
            outlet = candidate
    statements = extract_statements(text)
    if headline:
        # Attributions in the headline repeat the body; keep the body's, with its context.
        cut = text.find(headline) + len(headline)
        statements = [s for s in statements if s.content_span[0] >= cut]
    return Article(headline=headline, author=author, outlet=outlet, statements=tuple(statements))
