"""Values shared by every part of tracker: enums, judgements, extracted statements, errors."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class TrackerError(Exception):
    """An error a user can act on: the CLI prints it as one line and exits 1."""


class NotFound(TrackerError):
    """An id or name that is not in the database."""


class InvalidInput(TrackerError):
    """Input that cannot be stored: empty text, an impossible date, a malformed file."""


class StrEnum(enum.StrEnum):
    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class Relation(StrEnum):
    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    RELATED = "related"
    UNRELATED = "unrelated"


class Kind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    PARAPHRASE = "paraphrase"
    # given without a kind and not in quotation marks: it may be the speaker's words or a
    # report of them, and nothing says which (store.validation.infer_kind)
    UNKNOWN = "unknown"


class Polarity(StrEnum):
    AFFIRM = "affirm"
    DENY = "deny"


class Modality(StrEnum):
    ASSERTION = "assertion"
    CONDITIONAL = "conditional"
    COMMITMENT = "commitment"
    QUESTION = "question"


class SpeakerKind(StrEnum):
    PERSON = "person"
    GOVERNMENT = "government"
    MILITARY = "military"
    ORGANISATION = "organisation"
    MEDIA = "media"
    UNKNOWN = "unknown"


class ReviewStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class ConfirmedBy(StrEnum):
    """Who set a confirmed link or claim side: a person's review, or the engine sure of itself
    (a score at the confirm threshold). Only a person's confirmation passes a verdict on."""

    PERSON = "person"
    ENGINE = "engine"


def status_label(status: str, confirmed_by: str | None) -> str:
    """A review status as a person reads it: what the engine confirmed is `auto-confirmed`, so
    that it is never taken for a person's confirmation."""
    if status == ReviewStatus.CONFIRMED.value and confirmed_by == ConfirmedBy.ENGINE.value:
        return "auto-confirmed"
    return status


class Rating(StrEnum):
    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    HALF_TRUE = "half-true"
    MISLEADING = "misleading"
    FALSE = "false"
    PANTS_ON_FIRE = "pants-on-fire"
    UNVERIFIED = "unverified"


Span = tuple[int, int]


@dataclass(frozen=True)
class Reason:
    """One thing that decided a judgement, e.g. code="denial", detail="'denied' in b"."""

    code: str
    detail: str
    side: str | None = None  # "a", "b" or None when it is about the pair
    span: Span | None = None  # character offsets in that side's text

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


def reason_dicts(reasons: tuple[Reason, ...]) -> list[dict[str, Any]]:
    """The reasons as dicts, fields in order and None left out: what asdict gives, without its
    deep copy of each reason (a fifth of attaching a relink's 50k statements to claims)."""
    return [
        {
            k: v
            for k, v in (("code", r.code), ("detail", r.detail), ("side", r.side), ("span", r.span))
            if v is not None
        }
        for r in reasons
    ]


@dataclass(frozen=True)
class Judgement:
    """What relate(a, b) decided, with the reasons that decided it."""

    relation: Relation
    score: float  # 0-100 similarity of the underlying propositions
    reasons: tuple[Reason, ...] = ()

    def led_by(self, reason: Reason) -> Judgement:
        """The same judgement with `reason` first: why it was made on these words."""
        return Judgement(self.relation, self.score, (reason, *self.reasons))

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation.value,
            "score": round(self.score, 1),
            "reasons": reason_dicts(self.reasons),
        }

    def explain(self) -> str:
        return "; ".join(str(reason) for reason in self.reasons)


@dataclass(frozen=True)
class Claim:
    """A statement's text reduced to the claim it makes (see text.analyse)."""

    text: str
    proposition: str  # normalised claim, attribution wrappers and denial cues removed
    polarity: Polarity = Polarity.AFFIRM
    modality: Modality = Modality.ASSERTION
    hedge: str | None = None
    cues: tuple[str, ...] = ()  # denial / negation cues found


@dataclass(frozen=True)
class Extracted:
    """One attributed statement found in article text (see extract.extract_statements)."""

    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None
    content: str
    content_span: Span
    kind: Kind = Kind.INDIRECT
    polarity: Polarity = Polarity.AFFIRM
    role: str | None = None
    hedge: str | None = None
    via: str | None = None
    modality: Modality = Modality.ASSERTION
    said_when: str | None = None  # the time phrase of the cue's clause: "on Monday"
    said_on: str | None = None  # the date it names, counted from the article's date
    answers: str | None = None  # the claim a denial or reply answers, when the text names it
    answers_span: Span | None = None
    # True for a claim the text says someone made without reporting them saying it: in
    # "X denied claims by Indian media that Y", Indian media claimed Y (kind paraphrase).
    implied: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("kind", "polarity", "modality"):
            data[key] = data[key].value
        for key in ("speaker_span", "cue_span", "content_span", "answers_span"):
            if data[key] is not None:
                data[key] = list(data[key])
        return data


@dataclass(frozen=True)
class Article:
    """What extraction found around the statements: headline, byline, outlet."""

    headline: str | None = None
    author: str | None = None
    outlet: str | None = None
    place: str | None = None  # the dateline's place: "ISLAMABAD (Dawn) —" → "Islamabad"
    statements: tuple[Extracted, ...] = field(default_factory=tuple)


@dataclass
class NewStatement:
    """What a user gives to record one statement (the fields of `tracker add` and `import`)."""

    text: str
    speaker: str
    role: str | None = None
    affiliation: str | None = None
    speaker_kind: str | None = None
    source: str | None = None  # the outlet
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    said_on: str | None = None
    reported_on: str | None = None
    kind: str | None = None  # None: inferred from the words (store.validation.infer_kind)
    cue: str | None = None
    via: str | None = None
    hedge: str | None = None
    modality: str | None = None
    polarity: str | None = None
    tags: list[str] = field(default_factory=list)
    ref: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    answers: str | None = None  # the claim this statement answers (a denial's object, a reply's question)
    # where a reader found it (a spreadsheet row, header = 1; a JSON data row), for its errors
    row: int | None = field(default=None, compare=False, repr=False)
    # a row of a `tracker export`: "statement" (one with its own id: never folded into another
    # by its words) or "appearance" (one more appearance of the statement read just before it)
    exported: str | None = None
