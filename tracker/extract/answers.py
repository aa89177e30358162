"""What a statement answers: the claim a denial, rating or elliptical reply responds to."""

from __future__ import annotations

import re

from tracker.extract.cues import (
    ANAPHORIC_CLAIM,
    BARE_DENIAL,
    CALLED,
    CLAIMANT,
    DENIAL,
    DIRECT_QUESTION,
    ELLIPTICAL_DENIAL,
    NAMED_CLAIM,
    NEGATIVE_REPLY,
    QUOTE_MARK,
    RATED_AS,
    REPLIED_CLAIM,
)
from tracker.extract.scan import Found, Scan
from tracker.extract.spans import inner_span, trim
from tracker.extract.times import TIME_PHRASE
from tracker.lexicon import DENIAL_RATINGS
from tracker.model import Kind, Polarity, Span


class Answers(Scan):
    """Finds the claim a denial, rating or reply answers, in its own or the previous sentence."""

    def _answered(self, item: Found) -> None:
        """What a denial or rating answers: "dismissed reports that X as 'untrue'" answers X and
        says "untrue"; "denied claims by Indian media that X" answers X, which Indian media claimed."""
        text = self.text
        a, b = item.content
        rated = RATED_AS.match(text, a, b)
        if not rated and item.lemma in ("call", "describe"):
            rated = CALLED.match(text, a, b)  # "called the figure “a fabrication”"
        quoted = rated is not None and text[rated.start("rating")] in '“"'
        if rated and (item.lemma in DENIAL or (item.lemma in ("describe", "call") and quoted)):
            obj, rating = rated.span("obj"), self._rating(*rated.span("rating"))
            marks = list(QUOTE_MARK.finditer(text, *rating))
            if len(marks) == 2 and marks[0].start() == rating[0] and marks[1].end() == rating[1]:
                item.content, item.kind = trim(text, *inner_span(text, *rating), chars=" ,;:."), Kind.DIRECT
            else:
                item.content = rating
            item.answers = self.object_answers(item, obj)
            words = text[rating[0] : rating[1]]
            if item.lemma in DENIAL or DENIAL_RATINGS.search(words) or ELLIPTICAL_DENIAL.search(words):
                item.polarity = Polarity.DENY
            return
        if item.polarity is not Polarity.DENY or item.cue is None:
            return
        lead = text[item.cue[1] : a]
        if not re.search(r"\bthat\s*$", lead):
            return  # "denied the allegations": what they alleged is for replies() to find
        item.answers = item.content
        by = CLAIMANT.search(lead)
        if by:
            who = trim(text, item.cue[1] + by.start("who"), item.cue[1] + by.end("who"))
            noun = (item.cue[1] + by.start("noun"), item.cue[1] + by.end("noun"))
            claimant = Found(item.content, noun, who, Kind.PARAPHRASE, lemma="claim", implied=True)
            item.extra.append(claimant)

    def object_answers(self, item: Found, obj: Span) -> Span | None:
        """What a denial's object names: the claim in "reports that X", the claim just reported
        for "the figure", else the object itself."""
        claim = NAMED_CLAIM.match(self.text, *obj)
        if claim:
            return claim.span("claim")
        if ANAPHORIC_CLAIM.fullmatch(self.text[obj[0] : obj[1]]):
            return self._previous_claim(item)  # "the figure": the claim just reported
        return obj

    def _rating(self, a: int, b: int) -> Span:
        """The rating words: a quote up to its closing mark, else the words without a trailing
        time phrase ("as “completely untrue” on Friday")."""
        text = self.text
        if text[a] in '“"':
            close = QUOTE_MARK.search(text, a + 1, b)
            if close:
                return trim(text, a, close.end(), chars=" ,;:.")
        return self._untimed(a, b)

    def _untimed(self, a: int, b: int) -> Span:
        """The words a..b without a trailing time phrase ("the accusation on Tuesday")."""
        tail = TIME_PHRASE.search(self.text, a, b)
        if tail and trim(self.text, tail.end(), b)[0] >= b:
            b = tail.start()
        return trim(self.text, a, b, chars=" ,;:.")

    def _previous_claim(self, item: Found) -> Span | None:
        """The content of the latest statement by someone else in this or the previous sentence."""
        start = self.sentences[-1][0] if self.sentences else 0
        for other in reversed(self.found):
            if (
                other.content[1] <= item.content[0]
                and other.content[0] >= start
                and other.speaker != item.speaker
            ):
                return other.content
        return None

    # what a reply answers

    def replies(self, para: Span, sentences: list[Span]) -> None:
        """An elliptical denial or reply ("Completely untrue.", "a fabrication") answers the claim
        its sentence or the sentence before names: "Asked about reports that X, …", "reports that X"."""
        text = self.text
        before = self.sentences[-1:] if self.sentences else []
        for item in self.found:
            if item.answers is not None or item.implied or not (para[0] <= item.content[0] < para[1]):
                continue
            content = text[item.content[0] : item.content[1]]
            elliptical = len(content.split()) <= 8 and ELLIPTICAL_DENIAL.search(content)
            untimed = self._untimed(*item.content)
            anaphoric = item.polarity is Polarity.DENY and ANAPHORIC_CLAIM.fullmatch(
                text[untimed[0] : untimed[1]]
            )
            if anaphoric:
                item.content = untimed  # "denied the accusation on Tuesday": when is said_on's
            negative = NEGATIVE_REPLY.fullmatch(content.strip(" .,!")) is not None
            if not (elliptical or anaphoric or negative):
                continue
            own = next((s for s in sentences if s[0] <= item.content[0] < s[1]), None)
            if own is None:
                continue
            index = sentences.index(own)
            earlier = sentences[index - 1 : index] if index else before
            for sent in [own, *earlier]:
                claim = self._claim_named(sent, item, asked_only=negative and not elliptical)
                if claim:
                    item.answers = claim
                    if elliptical or negative or item.lemma in DENIAL:
                        item.polarity = Polarity.DENY
                    break
            if item.answers is None and elliptical and BARE_DENIAL.match(content.strip(" \"“”'‘’")):
                item.polarity = Polarity.DENY  # "Completely untrue," whether or not it names what
            if item.answers is None and item.polarity is Polarity.DENY:
                # "Police said the gang set the fire. The gang denied the accusation." (or called
                # it "a fabrication"): it answers what police said
                item.answers = self._accusation_before(item, (earlier or [own])[0][0])
        self.sentences.extend(sentences)

    def _accusation_before(self, item: Found, start: int) -> Span | None:
        """What someone other than the denier asserted last, from `start` up to the denial; None
        when it may be the denier's own ("Police said X. Police in Lagos denied the reports.")."""
        denier = self._speaker_words(item)
        for other in reversed(self.found):
            if other is item or other.content[1] > item.content[0] or other.content[0] < start:
                continue
            if other.polarity is Polarity.AFFIRM and other.answers is None:
                return None if _may_be_one(denier, self._speaker_words(other)) else other.content
        return None

    def _speaker_words(self, item: Found) -> list[str]:
        return self.text[item.speaker[0] : item.speaker[1]].lower().split() if item.speaker else []

    def _claim_named(self, sent: Span, item: Found, *, asked_only: bool = False) -> Span | None:
        """The claim or question a sentence names; a bare "No." answers only a question."""
        question = trim(self.text, *sent, chars=" \t\n")
        if question[1] <= item.content[0] - 1 and DIRECT_QUESTION.fullmatch(self.text, *question):
            return (question[0], question[1] - 1)  # "Was the outbreak covered up?" "Absolutely not."
        for m in REPLIED_CLAIM.finditer(self.text, sent[0], sent[1]):
            if asked_only and not m.group("question"):
                continue
            group = "claim" if m.group("claim") else "question"
            span = trim(self.text, *m.span(group))
            if not (item.content[0] <= span[0] < item.content[1]) and span[1] > span[0]:
                return span
        return None


def _may_be_one(a: list[str], b: list[str]) -> bool:
    """Whether two speaker phrases may name one speaker: one opens the other ("police", "police
    in Lagos") or both end in one noun ("the ministry", "the foreign ministry")."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return long[: len(short)] == short or a[-1] == b[-1]
