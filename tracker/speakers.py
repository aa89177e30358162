"""Speaker names: splitting a mention into name and role, keys, fuzzy resolution, duplicates.

Pure functions: the store fetches candidates and asks these which one a mention means.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tracker.model import SpeakerKind

# Words that make up titles and roles ("Pakistan's Foreign Minister", "US Secretary of State").
_ROLE_WORDS = frozenset(
    """
    minister ministers foreign prime president vice secretary state of the for and defence defense
    interior home finance external affairs spokesman spokeswoman spokesperson press chief general
    gen lt colonel col major maj captain capt admiral adm ambassador senator sen rep representative
    congressman congresswoman governor gov mayor director deputy head leader chairman chairwoman
    chair ceo commander king queen prince princess sheikh pope judge justice attorney advisor
    adviser national security envoy official officer former acting senior top special us u.s. uk
    federal speaker majority minority whip lieutenant sergeant marshal chancellor premier
    president-elect candidate nominee founder executive treasurer commissioner inspector
    """.split()
)
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev".split())

_KIND_WORDS: dict[SpeakerKind, frozenset[str]] = {
    SpeakerKind.MILITARY: frozenset(
        "military army navy air force forces armed ispr pentagon troops command".split()
    ),
    SpeakerKind.GOVERNMENT: frozenset(
        """government ministry department office cabinet kremlin administration embassy
        parliament presidency white house downing""".split()
    ),
    SpeakerKind.MEDIA: frozenset(
        "media news times post tv television reuters afp bbc cnn press agency newspaper".split()
    ),
    SpeakerKind.ORGANISATION: frozenset(
        """party council commission union committee organisation organization nato un
        group company corporation foundation institute association league""".split()
    ),
}

_POSSESSIVE = re.compile(r"^(.*?['’]s)\s+(.*)$")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Mention:
    """A speaker mention split into the name and the role it was stated with."""

    name: str
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNKNOWN


@dataclass(frozen=True)
class Candidate:
    """A stored speaker offered for resolution: its id, canonical name and alias keys."""

    id: int
    name: str
    keys: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Resolution:
    """The speaker a mention means, or None with the speakers it might have meant."""

    speaker_id: int | None
    ambiguous_with: tuple[int, ...] = ()


def key(name: str) -> str:
    """A comparison key: case, accents, punctuation and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("’", "'").replace("'s ", " ")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", stripped.casefold())).strip()


def _plain(token: str) -> str:
    return token.casefold().strip(".,;:")


def guess_kind(name: str, role: str | None = None) -> SpeakerKind:
    words = set(key(name).split())
    for kind, vocabulary in _KIND_WORDS.items():
        if words & vocabulary:
            return kind
    if role:
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def split_mention(mention: str) -> Mention:
    """Split "Pakistan's Foreign Minister Ishaq Dar" into name "Ishaq Dar" and its role."""
    text = _SPACES.sub(" ", mention.strip())
    if text.casefold().startswith("the "):
        text = text[4:]
    tokens = text.split(" ")
    if any(_plain(t) in word_set for t in tokens for word_set in _KIND_WORDS.values()):
        # an organisation ("the US State Department") is named by the whole mention
        return Mention(text, None, guess_kind(text))
    name_start = len(tokens)
    while name_start > 0:
        token = tokens[name_start - 1]
        plain = _plain(token)
        if not token[:1].isupper() or plain in _ROLE_WORDS or plain in _HONORIFICS:
            break
        if token.endswith(("'s", "’s")):
            break
        name_start -= 1
    if name_start == len(tokens) or name_start == 0:
        return Mention(text, None, guess_kind(text))
    name = " ".join(tokens[name_start:])
    prefix = [t for t in tokens[:name_start] if _plain(t) not in _HONORIFICS]
    role = " ".join(prefix) or None
    return Mention(name, role, SpeakerKind.PERSON)


def _tokens(name_key: str) -> list[str]:
    # single letters are initials ("Donald J. Trump"): they never decide identity
    return [t for t in name_key.split() if len(t) > 1]


def _compatible(a: list[str], b: list[str]) -> bool:
    """Same surname and first names that do not disagree ("Ishaq Dar" / "Dar", not "Ishaq Khan")."""
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0] == b[0] or (a[0][0] == b[0][0] and (len(a[0]) == 1 or len(b[0]) == 1))


def resolve(name: str, candidates: Iterable[Candidate]) -> Resolution:
    """Which candidate `name` means: exact alias, then surname, then a close spelling.

    A name that fits several speakers is not guessed onto one of them.
    """
    wanted = key(name)
    wanted_tokens = _tokens(wanted)
    pool = list(candidates)
    exact = [c.id for c in pool if wanted in c.keys or key(c.name) == wanted]
    if exact:
        return _one(exact)
    if not wanted_tokens:
        return Resolution(None)
    compatible = [
        c.id for c in pool if any(_compatible(wanted_tokens, _tokens(k)) for k in _keys(c))
    ]
    if compatible:
        return _one(compatible)
    close = [
        c.id
        for c in pool
        if len(wanted_tokens) > 1
        and any(
            fuzz.ratio(wanted, k) >= 90
            and len(_tokens(k)) > 1
            and fuzz.ratio(wanted_tokens[-1], _tokens(k)[-1]) >= 75
            for k in _keys(c)
        )
    ]
    return _one(close) if close else Resolution(None)


def _keys(candidate: Candidate) -> set[str]:
    return {key(candidate.name), *candidate.keys}


def _one(ids: Sequence[int]) -> Resolution:
    unique = tuple(dict.fromkeys(ids))
    if len(unique) == 1:
        return Resolution(unique[0])
    return Resolution(None, unique)


def likely_duplicates(speakers: Iterable[Candidate]) -> dict[int, list[int]]:
    """For each speaker, the others that may be the same person (shared surname, close spelling)."""
    pool = list(speakers)
    by_surname: dict[str, list[Candidate]] = {}
    for candidate in pool:
        tokens = _tokens(key(candidate.name))
        if tokens:
            by_surname.setdefault(tokens[-1], []).append(candidate)
    found: dict[int, set[int]] = {}
    for group in by_surname.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                a_tokens, b_tokens = _tokens(key(a.name)), _tokens(key(b.name))
                if _compatible(a_tokens, b_tokens) or fuzz.ratio(key(a.name), key(b.name)) >= 85:
                    found.setdefault(a.id, set()).add(b.id)
                    found.setdefault(b.id, set()).add(a.id)
    return {speaker_id: sorted(others) for speaker_id, others in found.items()}
