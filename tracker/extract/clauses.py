"""Tests the reported-speech scan (reported.py) asks of a clause's tokens: a demonstrative
"that" or a relative one, the claim noun before "that", the addressee after a cue, what
"blames" puts after its object, and where a clause breaks at commas (pure: tokens in)."""

from __future__ import annotations

import re

from tracker.extract.cues import (
    ADDRESSEE,
    ANAPHORIC_CLAIM,
    CONTENT_NOUNS,
    CUE_FORMS,
    DETERMINERS,
    PARTICIPLES,
    TIME_WORDS,
)
from tracker.extract.phrases import np_left
from tracker.extract.scan import Found
from tracker.extract.spans import Tok

# A verb form between a cue and "that" makes the "that" a relative pronoun inside the content:
# "said the company had never stored chlorine in the tank that ruptured".
AUXILIARIES = frozenset(
    "is was are were be been being will would has have had do does did can could should may might must shall".split()
)
# Nouns of a time phrase a determiner may open between a cue and its "that": "said this week that".
TIME_NOUNS = frozenset("day week month year morning afternoon evening night weekend time".split())


def demonstrative_claim(toks: list[Tok], m: int) -> bool:
    """ "rejected that account.", "disputed that figure on Monday": "that" before a noun that
    points back at a claim, with nothing after the noun but the sentence's end or its time."""
    if (
        toks[m].low != "that"
        or m + 1 >= len(toks)
        or not ANAPHORIC_CLAIM.fullmatch(f"that {toks[m + 1].low}")
    ):
        return False
    rest = toks[m + 2 :]
    return (
        not rest
        or not rest[0].word
        or rest[0].low in ("on", "in", "as", "last", "this", "yesterday", "today")
    )


def names_content(toks: list[Tok], m: int) -> bool:
    """ "retracted his claim that …", "rejected her earlier claim that …": a cue word that is the
    noun naming the content, right before its "that", is no cue of its own."""
    return toks[m].low in CONTENT_NOUNS and m + 1 < len(toks) and toks[m + 1].low == "that"


def relative_that(between: list[Tok], lemma: str) -> bool:
    """Whether the "that" after `between` opens a relative clause in the content, not the
    content itself: a noun phrase right after a cue that takes no addressee is the content's
    subject ("said the dam that broke was old"), unless it is a time phrase ("said this week
    that"); after "told the BBC" it is the addressee."""
    return (
        bool(between)
        and lemma not in ADDRESSEE
        and between[0].low in DETERMINERS
        and not any(b.low in TIME_WORDS or b.low in TIME_NOUNS for b in between)
    )


def bare_addressee(toks: list[Tok], start: int) -> tuple[int, int] | None:
    """Whom "told" names when it is no speaker phrase and closes the clause: "told local
    television", "told parliament" (a run of up to three plain words before the sentence's
    end or a comma)."""
    end = start
    while end < len(toks) and toks[end].word and end - start < 4:
        if toks[end].low in AUXILIARIES or toks[end].low == "that" or toks[end].low in CUE_FORMS:
            return None
        end += 1
    if end == start or end - start > 3 or (end < len(toks) and toks[end].text not in ".,;!?"):
        return None
    return start, end


# What follows "called" when it names no words: a phone call or a phrasal verb ("called into a
# radio show", "called in sick", "called off the strike"); "called the plan a sham" names.
CALL_PARTICLES = frozenset(("into", "in", "off", "back", "up", "out", "at", "from", "to", "by"))

# What "blames" puts after its object: the cause ("blames the attack on militants") or the
# blamed one's fault ("blames the militants for the attack"), and how a claim of cause says it.
BLAME_PARTICLES = {"on": "blamed on", "for": "to blame for"}
PLURAL_DETERMINERS = frozenset(("these", "those", "both", "many", "several", "some", "two", "three"))
SINGULAR_DETERMINERS = frozenset(("a", "an", "this", "that", "each", "every", "one"))
HEAD_ENDS = frozenset(("of", "on", "in", "at", "to", "from", "by", "near", "against", "over", "last", "this"))


def blame_joint(phrase: list[Tok], particle: str) -> str:
    """The words joining what a relative "which" stands for to the rest of a blame: "the attack
    was blamed on", "the strikes were blamed on", "the militants were to blame for"; the verb
    agrees with the phrase's head noun (the word before its first preposition)."""
    head = next((phrase[m - 1] for m in range(1, len(phrase)) if phrase[m].low in HEAD_ENDS), phrase[-1])
    if phrase[0].low in SINGULAR_DETERMINERS:
        plural = False
    else:
        plural = phrase[0].low in PLURAL_DETERMINERS or bool(re.fullmatch(r"[a-z]+[^isu]s", head.low))
    return f" {'were' if plural else 'was'} {BLAME_PARTICLES[particle]} "


def blame_object(item: Found, toks: list[Tok]) -> None:
    """ "Police blamed the attack on militants": what police said is that the attack was the
    militants' doing, so the words are the deed and whom it is blamed on, joined as a relative
    "which … blames on" is ("the attack was blamed on militants"; "blamed the rebels for the
    fire": "the rebels were to blame for the fire"). The particle is the first "for", or the
    last "on" that opens no date ("blamed the attack on the convoy on militants")."""
    words = [t for t in toks if item.content[0] <= t.start < item.content[1]]
    at = None
    for m in range(1, len(words) - 1):
        low = words[m].low
        if low == "for" and at is None:
            at = m
            break
        if low == "on" and words[m + 1].low not in TIME_WORDS and not words[m + 1].text[:1].isdigit():
            at = m  # the last such "on" before any "for"
        elif low == "for":
            break
    if at is None or not all(w.word for w in words[:at]):
        return
    # whom it is blamed on is a noun phrase: a comma after it closes it ("blaming the attack on
    # militants, closed the road")
    stop = next((w for w in words[at + 1 :] if w.text in ",;—–"), None)
    end = stop.start if stop is not None else item.content[1]
    item.pieces = [(words[0].start, words[at - 1].end), (words[at + 1].start, end)]
    item.content = (item.content[0], end)
    item.joint = blame_joint(words[:at], words[at].low)


def cue_clause(toks: list[Tok], start: int) -> bool:
    """Whether a subject and a reporting verb start at `start`: "the rebels said nothing"."""
    for m in range(start + 1, min(len(toks), start + 8)):
        if not toks[m].word:
            return False
        if CUE_FORMS.get(toks[m].low) and not toks[m].cap and toks[m].low not in PARTICIPLES:
            return np_left(toks, m) == (start, m)
    return False


def covers(item: Found, at: int) -> bool:
    """Whether `at` lies in a statement's words: inside its span but not in a gap between its
    pieces (a relative clause left out of it, which has its own speaker)."""
    return item.content[0] <= at < item.content[1] and not any(
        first[1] < at < second[0] for first, second in zip(item.pieces, item.pieces[1:], strict=False)
    )


def split_commas(toks: list[Tok]) -> list[list[Tok]]:
    parts: list[list[Tok]] = [[]]
    for x in toks:
        if x.text == ",":
            parts.append([])
        else:
            parts[-1].append(x)
    return parts
