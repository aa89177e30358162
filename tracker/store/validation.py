"""Checking a NewStatement before it is written, and deriving its claim (the costly part)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from tracker.dates import lower_bound, parse_date, upper_bound
from tracker.model import InvalidInput, Kind, Modality, NewStatement, Polarity, SpeakerKind
from tracker.patterns import lazy

# one statement, unless the ledger's max_text_chars setting says otherwise; a whole article
# belongs in `tracker extract`
MAX_TEXT_CHARS = 20_000
MAX_FIELD_CHARS = 2_000


def clean_field(value: str | None, field: str, *, limit: int = MAX_FIELD_CHARS) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise InvalidInput(f"{field} contains a NUL byte")
    value = value.strip()
    if len(value) > limit:
        raise InvalidInput(f"{field} is too long ({len(value):,} characters; at most {limit:,})")
    return value or None


# what stands between a URL's "//" and its host's "@": a user name and often a password
_CREDENTIALS = lazy(r"^((?:[a-z][a-z0-9+.-]*:)?//)[^/?#]*@", re.IGNORECASE)


def without_credentials(url: str) -> str:
    """The URL without the user name and password before its host: a ledger is shared and
    exported, a password must not be (https://user:pw@cnn.com:443/x → https://cnn.com:443/x).
    Only a URL with an authority ("//") has credentials: in mailto:a@b.com, "a" is no user."""
    return _CREDENTIALS.sub(r"\1", url) if "@" in url else url


# quotation marks that open and close a quote, in the styles news text uses
_OPENING_QUOTES = "\"'“„«‘‹"
_CLOSING_QUOTES = "\"'”“»’›"


def infer_kind(text: str) -> str:
    """The kind of a statement given without one: a direct quote when its words stand in
    quotation marks ("“We will respond.”"), else unknown. Words without marks may be the
    speaker's own or a reporter's account of them; calling them a quote would put them in
    the speaker's mouth."""
    words = text.strip().rstrip(".,;:!? ")
    quoted = len(words) >= 2 and words[0] in _OPENING_QUOTES and words[-1] in _CLOSING_QUOTES
    return Kind.DIRECT.value if quoted else Kind.UNKNOWN.value


def clean_choice(value: str | None, field: str, allowed: list[str], default: str | None) -> str | None:
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value not in allowed:
        raise InvalidInput(f"invalid {field} {value!r}: use one of {', '.join(allowed)}")
    return value


@dataclass(frozen=True)
class Prepared:
    """A validated NewStatement, ready to write."""

    new: NewStatement
    text: str
    speaker: str
    kind: str
    said_on: str | None
    reported_on: str | None
    published: str | None
    modality: str
    polarity: str
    proposition: str
    hedge: str | None
    tags: list[str]


class Checked(NamedTuple):  # a tuple: a frozen dataclass took 3 µs a row to build
    """A validated NewStatement whose claim is not analysed yet (analysis is the costly part)."""

    new: NewStatement  # its optional text fields cleaned (a copy when cleaning changed one)
    text: str
    speaker: str
    kind: str
    modality: str | None  # None: the claim's
    polarity: str | None
    tags: list[str]
    said_on: str | None
    reported_on: str | None
    published: str | None
    hedge: str | None  # None: the claim's


ClaimValues = tuple[str, str, str, "str | None"]  # proposition, polarity, modality, hedge
# the allowed values, listed once: Enum.values() per row was a tenth of an import's time
_CHOICES: dict[type, list[str]] = {e: e.values() for e in (Kind, SpeakerKind, Modality, Polarity)}
_CLEANED_FIELDS = ("role", "affiliation", "source", "url", "title", "author", "cue", "via", "ref", "answers")


def check_statement(new: NewStatement, *, max_text_chars: int = MAX_TEXT_CHARS) -> Checked:
    """Every check of `prepare`, in the same order, without the claim analysis; the text may
    hold at most `max_text_chars` characters (the ledger's setting: `max_text_chars(db)`)."""
    if new.text is None or not new.text.strip():
        raise InvalidInput("statement text is empty")
    if "\x00" in new.text:
        raise InvalidInput("statement text contains a NUL byte")
    text = new.text.strip()
    if len(text) > max_text_chars:
        raise InvalidInput(
            f"statement text is too long ({len(text):,} characters; at most {max_text_chars:,}, "
            "the max_text_chars setting)"
        )
    speaker = clean_field(new.speaker, "speaker")
    if not speaker:
        raise InvalidInput("speaker is empty")
    if speaker.isdigit():
        # every command that takes a speaker reads a bare number as an id ("tracker edit 3
        # --speaker 5"): stored as a name, "5" would be a speaker no filter could name
        raise InvalidInput(
            f"speaker '{speaker}' is a number: give the speaker's name (a stored speaker's id is for edit)"
        )
    cleaned: dict[str, Any] = {}
    for name in _CLEANED_FIELDS:
        value = getattr(new, name)
        tidy = clean_field(value, name)
        if name in ("url", "source") and tidy and "://" in tidy:
            tidy = without_credentials(tidy)
        if tidy != value:
            cleaned[name] = tidy
    source = cleaned.get("source", new.source)
    if source and "://" in source and not cleaned.get("url", new.url):
        cleaned["url"] = source  # an article's address given as its source: the outlet is its host
    if cleaned:  # a cleaned copy: the caller's statement stays as it was given
        new = replace(new, **cleaned)
    kind = clean_choice(new.kind, "kind", _CHOICES[Kind], None) or infer_kind(text)
    clean_choice(new.speaker_kind, "speaker kind", _CHOICES[SpeakerKind], None)
    modality = clean_choice(new.modality, "modality", _CHOICES[Modality], None)
    polarity = clean_choice(new.polarity, "polarity", _CHOICES[Polarity], None)
    tags = sorted({t.strip() for t in new.tags if t and t.strip()})
    said_on = parse_date(new.said_on, field="said-on date")
    reported_on = parse_date(new.reported_on, field="reported-on date")
    check_dates(said_on, reported_on)
    return Checked(
        new=new,
        text=text,
        speaker=speaker,
        kind=kind,
        modality=modality,
        polarity=polarity,
        tags=tags,
        said_on=said_on,
        reported_on=reported_on,
        published=parse_date(new.published, field="published date"),
        hedge=clean_field(new.hedge, "hedge"),
    )


def check_dates(said_on: str | None, reported_on: str | None) -> None:
    """A statement cannot be reported before it was said (of partial dates: before every day
    the said-on date can mean, so 2025-05 and 2025-05-03 pass), nor be dated in the future,
    which is said first: a mistyped year is the likelier slip."""
    check_not_future(said_on, "said-on date")
    check_not_future(reported_on, "reported-on date")
    if said_on and reported_on and upper_bound(reported_on) < lower_bound(said_on):
        raise InvalidInput(f"reported-on date {reported_on} is earlier than said-on date {said_on}")


def check_not_future(value: str | None, field: str) -> None:
    """A date after tomorrow (a day's grace for time zones) is refused, named as it was given."""
    if value and lower_bound(value) > _tomorrow():
        raise InvalidInput(f"{field} {value} is in the future")


def _tomorrow() -> str:
    from datetime import UTC, datetime, timedelta

    return (datetime.now(UTC) + timedelta(days=1)).date().isoformat()


def claim_values(text: str) -> ClaimValues:
    from tracker.text import (
        analyse,  # judging code is loaded only by commands that write
    )

    claim = analyse(text)
    return claim.proposition, claim.polarity.value, claim.modality.value, claim.hedge


def analyse_many(texts: list[str]) -> list[ClaimValues]:
    """Claim values of many texts."""
    return [claim_values(text) for text in texts]


def analyse_in_worker(texts: list[str]) -> list[ClaimValues]:
    """`analyse_many` in an import's worker process, which sees each text once: its
    analysis caches would never hit, only grow (to ~50 MiB a worker at 65,536 entries)."""
    from tracker import text

    claims = analyse_many(texts)
    text.analyse_full.cache_clear()
    text.normalise.cache_clear()
    return claims


def stored_hedge(stated: str | None, analysed: str | None) -> str | None:
    """The hedge a statement is stored with: the one stated (by a person, or by extraction
    from its attribution: "reportedly said"), else the one its own words carry ("may")."""
    return stated or analysed


def hedge_of(text: str, stated: str | None = None) -> str | None:
    """What `add` stores as the hedge of `text`: what `extract --dry-run` shows too."""
    return stored_hedge(stated, None if stated else claim_values(text.strip())[3])


def complete(checked: Checked, claim: ClaimValues) -> Prepared:
    proposition, polarity, modality, hedge = claim
    return Prepared(
        new=checked.new,
        text=checked.text,
        speaker=checked.speaker,
        kind=checked.kind,
        said_on=checked.said_on,
        reported_on=checked.reported_on,
        published=checked.published,
        modality=checked.modality or modality or Modality.ASSERTION.value,
        polarity=checked.polarity or polarity or Polarity.AFFIRM.value,
        proposition=proposition,
        hedge=stored_hedge(checked.hedge, hedge),
        tags=checked.tags,
    )


def prepare(new: NewStatement) -> Prepared:
    """Validate one statement and derive its claim; raises InvalidInput naming the field."""
    checked = check_statement(new)
    return complete(checked, claim_values(checked.text))


_FINAL_STOP = lazy(r"[\s.!;:,…]+$")


def identity_words(text: str) -> str:
    """The words that make a statement the same statement: case, spacing, curly or straight
    apostrophes and a final full stop do not count ("We have won a 7 percent raise." is what
    "we have won a 7 percent raise" says); a question mark does."""
    words = " ".join(text.casefold().replace("’", "'").split())
    return _FINAL_STOP.sub("", words) or words


def content_hash(text: str, speaker_id: int, source_id: int | None) -> str:
    """Identity of a statement: the same words, by the same speaker, in the same source."""
    words = identity_words(text)
    return hashlib.sha256(f"{speaker_id}\x1f{source_id or ''}\x1f{words}".encode()).hexdigest()


def content_hashes(text: str, speaker_id: int, source_id: int | None) -> tuple[str, str]:
    """`content_hash` with the source and without it (the words and speaker alone, which a
    repeat in another source shares), the text normalised once."""
    words = identity_words(text)
    return (
        hashlib.sha256(f"{speaker_id}\x1f{source_id or ''}\x1f{words}".encode()).hexdigest(),
        hashlib.sha256(f"{speaker_id}\x1f\x1f{words}".encode()).hexdigest(),
    )
