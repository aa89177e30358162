"""What a scan of one text holds: the statements found so far and the speakers they name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extract.cues import APPOS_AFTER, APPOS_BEFORE, DETERMINERS
from tracker.extract.phrases import split_role
from tracker.extract.spans import Tok
from tracker.model import Kind, Polarity, Span
from tracker.patterns import lazy

_ANONYMOUS = lazy(r"(?:not )?to be (?:named|identified)", re.IGNORECASE)


@dataclass
class Found:
    """A statement under construction; turned into Extracted at the end."""

    content: Span
    cue: Span | None
    speaker: Span | None
    kind: Kind
    lemma: str = "say"
    role: str | None = None
    name: str | None = None  # the speaker as resolved, when it differs from the mention
    hedge: str | None = None
    via: list[str] = field(default_factory=list)
    polarity: Polarity = Polarity.AFFIRM
    answers: Span | None = None  # the claim a denial or reply answers, when the text names it
    implied: bool = False  # a claim the text implies someone made ("claims by X that …")
    extra: list[Found] = field(default_factory=list)  # implied claims found with this one
    # A quote split around its cue ("The dam," he said, "is safe."): the quoted pieces, whose
    # words joined are the content; `content` then spans from the first piece to the last.
    pieces: list[Span] = field(default_factory=list)
    joint: str = " "


class Scan:
    """Holds the text and the statements found so far while scanning it once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Found] = []
        self.used_cues: set[int] = set()
        # "X said:" closing a paragraph hands its speaker to the quote that opens the next one.
        self.pending: Found | None = None
        self.sentences: list[Span] = []  # of the paragraphs read so far
        # A relative clause with its own cue inside the reported clause being read: left out of it.
        self.hole: Span | None = None

    # speaker bookkeeping

    def speaker_from(self, toks: list[Tok], content: Span | None = None) -> tuple[Span, str | None]:
        span, role = split_role(self.text, toks)
        if role is None:
            # An apposition next to the name is its role: "Trump, the Republican nominee,";
            # never the content itself ("According to police, the blast happened at noon").
            after = APPOS_AFTER.match(self.text, span[1])
            before = APPOS_BEFORE.search(self.text, 0, span[0])
            if after and content is not None and after.start(1) < content[1] and content[0] < after.end(1):
                after = None
            if before and content is not None and before.start(1) < content[1] and content[0] < before.end(1):
                before = None
            if after and after.group(1).split()[0].lower() in DETERMINERS | {"a", "an"}:
                role = after.group(1)
            elif before and before.end() == span[0] and before.group(1)[:1].isalpha():
                role = before.group(1)
        return span, role

    def add(self, item: Found) -> None:
        if _ANONYMOUS.fullmatch(self.text[item.content[0] : item.content[1]]):
            return  # "who asked not to be named" is a hedge on the statement it sets off
        if item.cue:
            self.used_cues.add(item.cue[0])
        self.found.append(item)
        self.found.extend(item.extra)
