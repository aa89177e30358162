"""Direct quotes attributed at paragraph level, and the labelled lines of transcripts and headlines."""

from __future__ import annotations

import re

from tracker.extract.cues import ADDRESSEE, DENIAL, DETERMINERS, LABEL, NEGATIVE_REPLY, NOT_LABELS, QUOTE_MARK
from tracker.extract.phrases import (
    REPORTER_HEDGE,
    cue_hedge,
    cue_lemma,
    is_outlet,
    np_left,
    np_right,
)
from tracker.extract.scan import Found, Scan
from tracker.extract.spans import Tok, inner_span, inside, looks_like_title, tokenize, trim
from tracker.model import Kind, Polarity, Span

# A resumed quote that opens with one of these kept its comma: "to negotiate, not to be lectured".
_CONTRAST = frozenset(("not", "but", "and", "or", "because", "which", "who", "although", "though", "yet"))


class DirectQuotes(Scan):
    """Attributes quoted passages to the cue and speaker next to them, and labelled lines."""

    # direct quotes

    def direct(self, para: Span, quotes: list[Span], sentences: list[Span]) -> None:
        text = self.text
        last_direct: Found | None = (
            self.found[-1] if self.found and self.found[-1].kind == Kind.DIRECT else None
        )
        for qa, qb in quotes:
            if any(qa < f.content[1] and f.content[0] < qb for f in self.found):
                continue  # already the content of a transcript line
            inner = inner_span(text, qa, qb)
            words = text[inner[0] : inner[1]].split()
            sent = next((s for s in sentences if s[0] <= qa < s[1]), para)
            # "No," Brandt said: a bare "no" is a reply, never a quoted name
            title = looks_like_title(text, qa, inner) and not NEGATIVE_REPLY.fullmatch(
                text[inner[0] : inner[1]].strip(" .,!")
            )
            item = (None if title else self._quote_after(qb, para, inner)) or self._quote_before(
                qa, sent, inner
            )
            pending, self.pending = self.pending, None
            if item is None and pending is not None and text[para[0] : qa].strip() == "":
                pending.content, pending.kind = inner, Kind.DIRECT
                item = pending
            if item is None and last_direct is not None and len(words) >= 4:
                starts_unit = text[sent[0] : qa].strip() == "" or text[para[0] : qa].strip() == ""
                if starts_unit and not self._has_cue(sent, quotes):
                    # A quote that opens a sentence after another quote continues that speaker.
                    item = Found(
                        inner,
                        None,
                        last_direct.speaker,
                        Kind.DIRECT,
                        lemma=last_direct.lemma,
                        role=last_direct.role,
                        name=last_direct.name,
                    )
            if item is None:
                continue
            resumed = (
                self._join_continuation(item, qb, quotes)
                if item.cue is not None and item.cue[0] >= qb
                else None
            )
            if len(words) < 2 and item.cue is None:
                continue
            if len(words) == 1 and re.fullmatch(r"[\d.,%$]+", words[0]):
                continue
            self.add(item)
            last_direct = item
            if resumed is not None:
                self.add(resumed)  # “We won,” Holt said, “They lost.”: a second sentence of hers
                last_direct = resumed

    def _join_continuation(self, item: Found, qb: int, quotes: list[Span]) -> Found | None:
        """“The dam,” he said, “is safe.”: a quote resumed in lower case after its cue is one quote;
        resumed with a capital, it is the same speaker's next sentence (returned)."""
        text = self.text
        assert item.cue is not None
        end = max(item.cue[1], item.speaker[1] if item.speaker else 0)
        first = item.content
        if "," not in text[first[1] : qb] and not text[qb:end].lstrip().startswith(","):
            return None  # “We won.” he said. “They lost.” is two sentences
        m = re.compile(r"[ \t]*,[ \t]*").match(text, end)
        if m is None:
            return None
        nxt = next((q for q in quotes if q[0] == m.end()), None)
        if nxt is None:
            return None
        second = inner_span(text, *nxt)
        if not text[second[0] : second[1]][:1].islower():
            if len(text[second[0] : second[1]].split()) < 2:
                return None
            return Found(
                second, None, item.speaker, Kind.DIRECT, lemma=item.lemma, role=item.role, name=item.name
            )
        item.pieces = [first, second]
        item.content = (first[0], second[1])
        lead = text[second[0] : second[1]].split()[0].strip(",").lower()
        item.joint = ", " if lead in _CONTRAST else " "  # “… to negotiate,” she said, “not to be …”
        return None

    def _has_cue(self, sent: Span, quotes: list[Span]) -> bool:
        toks = tokenize(self.text, *sent)
        return any(cue_lemma(toks, k) and not inside(t.start, quotes) for k, t in enumerate(toks))

    def _quote_after(self, qb: int, sent: Span, inner: Span) -> Found | None:
        """“…,” X said / “…,” said X / “…” — X told Y."""
        text = self.text
        hi = min(sent[1], qb + 160)
        nxt = QUOTE_MARK.search(text, qb, hi)
        if nxt:
            hi = nxt.start()
        if not re.match(r"\s*[,—–-]?\s*[\w]", text[qb:hi]) or text[qb : qb + 1].isalnum():
            return None
        ending = text[inner[1] - 1 : qb]  # with the quote's last character: “… baseless.”
        toks = tokenize(text, qb, hi)
        for k, t in enumerate(toks[:24]):
            hit = cue_lemma(toks, k)
            if not hit:
                if (
                    t.text in ";!?"
                    or (t.text == "." and not (k + 1 < len(toks) and toks[k + 1].text == ","))
                    or (t.text == "," and k > 0 and not toks[0].cap and toks[0].low not in DETERMINERS)
                ):
                    break  # commas may set off the speaker's title or age: “…,” X, 82, said
                continue
            lemma, last = hit
            if lemma == "according to":
                span = np_right(toks, last + 1)
                if span is None:
                    return None
                return self._make(
                    inner, (t.start, toks[last].end), toks[span[0] : span[1]], Kind.DIRECT, lemma, toks, last
                )
            if k == 0 or (k == 1 and toks[0].text in ",—–-"):
                span = np_right(toks, k + 1)
                if span is None:
                    return None
                sp = toks[span[0] : span[1]]
            else:
                span = np_left(toks, k)
                if span is None or any(x.word for x in toks[(1 if toks[0].text in ",—–-" else 0) : span[0]]):
                    return None
                sp = toks[span[0] : span[1]]
            if (
                "." in ending
                and "," not in ending
                and "?" not in ending
                and "!" not in ending
                and not re.match(r"\s*[,—–-]", text[qb:hi])
            ):
                return None  # “We won.” Trump said… is rare; a full stop usually ends the quote's sentence
            return self._make(inner, (t.start, toks[last].end), sp, Kind.DIRECT, lemma, toks, last)
        return None

    def _quote_before(self, qa: int, sent: Span, inner: Span) -> Found | None:
        """X said: “…” / X said, “…” / adding: “…”."""
        text = self.text
        toks = tokenize(text, sent[0], qa)
        while toks and toks[-1].text in ":,":
            toks.pop()
        if not toks:
            return None
        k = len(toks) - 1
        hit = cue_lemma(toks, k)
        obj: list[Tok] = []
        if not hit and k >= 1:
            # "told reporters: “…”" — the addressee sits between cue and quote.
            for back in range(1, 5):
                if k - back < 0:
                    break
                h = cue_lemma(toks, k - back)
                if h and h[0] in ADDRESSEE:
                    obj = toks[h[1] + 1 :]
                    if any(x.low == "to" for x in obj):
                        break  # "called on Beijing to stop “…”": a scare quote inside what was urged
                    obj = toks[k - back + 1 :]
                    k -= back
                    hit = h
                    break
        if not hit:
            return None
        lemma = hit[0]
        cue_tok = toks[k]
        item = None
        span = np_left(toks, k)
        if span is not None:
            item = self._make(
                inner, (cue_tok.start, cue_tok.end), toks[span[0] : span[1]], Kind.DIRECT, lemma, toks, k
            )
        if item is not None and obj:
            item.via.append(text[cue_tok.start : obj[-1].end])
        return item

    def _make(
        self, content: Span, cue: Span, sp: list[Tok], kind: Kind, lemma: str, toks: list[Tok], cue_idx: int
    ) -> Found | None:
        if cue[0] in self.used_cues:
            return None
        if lemma == "report" and is_outlet(sp):
            # "“…,” the Northern Herald reports.": the paper carried the words, it did not say
            # them; their source is unnamed (as in reported speech, ReportedSpeech._reporters).
            # A quote an outlet "wrote" or "said" is its own published prose ("…,” the Times
            # wrote): the outlet is that quote's author.
            item = Found(content, cue, None, kind, lemma=lemma)
            item.via.append(self.text[min(sp[0].start, cue[0]) : max(sp[-1].end, cue[1])])
            item.hedge = "; ".join(h for h in (cue_hedge(toks, cue_idx), REPORTER_HEDGE) if h)
            return item
        span, role = self.speaker_from(sp, content)
        item = Found(content, cue, span, kind, lemma=lemma, role=role)
        item.hedge = cue_hedge(toks, cue_idx)
        if lemma in DENIAL:
            item.polarity = Polarity.DENY
        if lemma == "tell":
            obj = np_right(toks, cue_idx + 1)
            if obj:
                item.via.append(self.text[cue[0] : toks[obj[1] - 1].end])
        return item

    # transcripts and headlines: "PENCE: …", "Pat Caddell: …"

    def labelled(self, para: Span) -> None:
        text = self.text
        m = LABEL.match(text, para[0], para[1])
        if not m or m.group(1).lower() in NOT_LABELS or m.group(1).split()[0].lower() in NOT_LABELS:
            return
        content = trim(text, m.end(), para[1], ' \t"“”')
        if len(text[content[0] : content[1]].split()) < 3:
            return
        label = m.group(1)
        # Transcripts name speakers in capitals and quote them verbatim; headlines paraphrase.
        kind = Kind.DIRECT if label.isupper() else Kind.INDIRECT
        self.add(Found(content, (m.end(1), m.end(1) + 1), (m.start(1), m.end(1)), kind))
