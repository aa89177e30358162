"""Speaker names: splitting a mention into name and role, keys, resolution, duplicates.

Pure functions: the store fetches candidates and asks these which one a mention means. The
rules are an editor's: a different number, a different given name or a different
organisation is a different speaker; a surname alone names someone only while one speaker
has it; organisations are matched by their whole name only; a close spelling is offered as a
possible duplicate, never merged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tracker.lexicon import (
    CAPITALS,
    ENTITY_ALIASES,
    GENERIC_SPEAKER_INSTITUTIONS,
    GENERIC_SPEAKER_PEOPLE,
    GENERIC_SPEAKER_QUALIFIERS,
    HONORIFIC_GENDERS,
    MULTIWORD_ALIASES,
)
from tracker.model import SpeakerKind
from tracker.patterns import lazy

# Words that make up titles and roles ("Pakistan's Foreign Minister", "Deputy PM", "Lt. Gen.").
_ROLE_WORDS = frozenset(
    """
    minister ministers foreign prime president vice secretary state of the for and defence defense
    interior home finance external affairs information spokesman spokeswoman spokesperson press
    chief general gen lt colonel col major maj captain capt admiral adm ambassador senator sen rep
    representative congressman congresswoman governor gov mayor director deputy head leader
    chairman chairwoman chair ceo cfo coo commander king queen prince princess sheikh pope judge
    justice attorney advisor adviser national security envoy official officer former acting
    senior top special us u.s. uk federal speaker majority minority whip lieutenant sergeant sgt
    marshal chancellor premier president-elect candidate nominee founder executive treasurer
    commissioner inspector pm fm dpm cm mp mla mep dg brig brigadier cdr commodore
    rear imam ayatollah mufti cleric cardinal archbishop rabbi baroness duchess countess
    """.split()
)
_HONORIFICS = frozenset(HONORIFIC_GENDERS)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_SKIPPED = _SUFFIXES | _HONORIFICS  # words of a name that never decide who it is
# The word before a name that makes it the object of a title or an organisation ("Bank of
# England", "State Bank of Pakistan"), not a person's name.
_CONNECTORS = frozenset("of for and on de du al".split())
# "Officials in Arland": a capitalised word after one of these is where the speakers are, not who
_PLACE_PREPOSITIONS = frozenset("in at from near across inside outside within around throughout".split())

# Phrases (as keys) that say what kind of speaker a name is; the first kind that matches wins.
_KIND_PHRASES: dict[SpeakerKind, tuple[str, ...]] = {
    SpeakerKind.MILITARY: (
        "military",
        "army",
        "navy",
        "air force",
        "airforce",
        "forces",
        "armed forces",
        "ispr",
        "pentagon",
        "troops",
        "command",
        "marines",
    ),
    SpeakerKind.GOVERNMENT: (
        "government",
        "ministry",
        "department",
        "office",
        "cabinet",
        "kremlin",
        "administration",
        "embassy",
        "parliament",
        "presidency",
        "white house",
        "downing street",
        "secretariat",
        "senate",
        "congress",
        "assembly",
        "court",
        "police",
    ),
    SpeakerKind.MEDIA: (
        "media",
        "news",
        "times",
        "post",
        "tv",
        "television",
        "reuters",
        "afp",
        "bbc",
        "cnn",
        "press agency",
        "news agency",
        "newspaper",
        "radio",
    ),
    SpeakerKind.ORGANISATION: (
        "party",
        "council",
        "commission",
        "union",
        "committee",
        "organisation",
        "organization",
        "nato",
        "un",
        "eu",
        "group",
        "company",
        "corporation",
        "foundation",
        "institute",
        "association",
        "league",
        "bank",
        "airline",
        "airlines",
        "airways",
        "chamber",
        "university",
        "federation",
        "fund",
        "authority",
        "board",
        "agency",
        "pac",
        "coalition",
        "campaign",
        "alliance",
        "caucus",
        "society",
        "network",
        "initiative",
        "center",
        "centre",
        "club",
    ),
}
# Single words that head an organisation's name: a person's name never runs through them.
_ORGANISATION_WORDS = frozenset(
    phrase
    for phrases in _KIND_PHRASES.values()
    for phrase in phrases
    if " " not in phrase and phrase not in {"post", "times", "news", "tv"}
) | {"force"}
_PERSON_LIKE = frozenset({SpeakerKind.PERSON.value, SpeakerKind.UNKNOWN.value})

_POSSESSIVE = lazy(r"['’]s$")
_NON_WORD = lazy(r"[^\w\s]")
_SPACES = lazy(r"\s+")
_INVERTED = lazy(r"^([^,]+),\s*([^,]+)$")
_SCOPE = lazy(r"^(.+?) \(([^()]*)\)$")  # "Police (Dawn, 2025-05-10)"

# Offices and occupations one person holds ("the mayor", "a minister", "Naz's lawyer"): with no
# name beside them, not one person across reports (which mayor?), so kept per report as an
# unnamed "police" is. Plurals are unnamed people ("ministers said").
_OFFICES = frozenset(
    """
    mayor mayors minister ministers president presidents premier chancellor governor governors
    secretary ambassador ambassadors envoy envoys senator senators congressman congresswoman
    lawmaker lawmakers legislator legislators mp mps councillor councillors councilor
    councilors commander commanders general generals chief chiefs director directors chairman
    chairwoman chairperson ceo head leader leaders judge judges prosecutor prosecutors
    commissioner inspector superintendent sheriff deputy lawyer lawyers attorney attorneys
    engineer engineers manager managers principal captain colonel admiral king queen prince
    pope treasurer negotiator negotiators adviser advisers advisor advisors
    """.split()
)
# Offices that are also surnames ("Angus King", "John Major"): capitalised, they name an
# office only among title words ("Police Chief", "Attorney General").
_SURNAME_OFFICES = frozenset("king queen prince pope judge head chief general captain major sheriff".split())


@dataclass(frozen=True)
class Mention:
    """A speaker mention split into the name and the role it was stated with."""

    name: str
    role: str | None = None
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    honorific: str | None = None  # as written: "Mr.", "Dr", "Sir"

    @property
    def gender(self) -> str | None:
        """The gender the honorific shows ("Mrs." female, "Sir" male, "Dr" none)."""
        return HONORIFIC_GENDERS.get(_plain(self.honorific)) if self.honorific else None

    @property
    def as_written(self) -> str:
        """The name with its honorific ("Mr. Sharif"): an alias that keeps the gender shown."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name


@dataclass(frozen=True)
class Candidate:
    """A stored speaker offered for resolution: its id, canonical name, alias keys and kind."""

    id: int
    name: str
    keys: frozenset[str] = field(default_factory=frozenset)
    kind: str = SpeakerKind.UNKNOWN.value
    affiliation: str | None = None


@dataclass(frozen=True)
class Resolution:
    """The speaker a mention means, or None with the speakers it might have meant.

    `partial` is true when the mention names less than a whole person ("Singh", "I. Dar"):
    what it resolves to must be checked again when another speaker with that surname arrives.
    `exact` is true when the speakers it might have meant all bear the name itself.
    """

    speaker_id: int | None
    ambiguous_with: tuple[int, ...] = ()
    partial: bool = False
    exact: bool = False


@dataclass(frozen=True)
class Name:
    """A person's name as identity sees it: given names (initials kept), surname, numbers."""

    given: tuple[str, ...]
    surname: str
    numbers: tuple[str, ...]

    @property
    def partial(self) -> bool:
        """Only a surname, or initials before it: it may name any of several people (a
        number names one: "Writer 4")."""
        return bool(self.surname) and not self.numbers and all(len(g) == 1 for g in self.given)


def key(name: str) -> str:
    """A comparison key: case, accents, punctuation and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("’", "'").replace("'s ", " ")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", stripped.casefold())).strip()


def _plain(token: str) -> str:
    return token.casefold().strip(".,;:")


def _is_role(plain: str) -> bool:
    """A title word, hyphenated ones too ("Secretary-General", "Lt-Gen")."""
    return plain in _ROLE_WORDS or all(part in _ROLE_WORDS for part in plain.split("-"))


def _is_place(name_key: str) -> bool:
    """A country or a capital as the lexicon knows it ("India", "New Delhi", "Islamabad")."""
    found = ENTITY_ALIASES.get(name_key.replace(" ", "")) or MULTIWORD_ALIASES.get(name_key)
    if found is None and name_key.startswith("the "):
        # "the Netherlands", "the Gambia", "the Vatican": the country's own name, article first
        bare = name_key.removeprefix("the ")
        found = ENTITY_ALIASES.get(bare.replace(" ", ""))
        return found == f"country:{bare.replace(' ', '-')}"
    return bool(found and found.startswith("country:"))


def _has_phrase(name_key: str, phrase: str) -> bool:
    return f" {phrase} " in f" {name_key} "


def guess_kind(name: str, role: str | None = None) -> SpeakerKind:
    """What a name names: an organisation by its words, a government by its place, else a
    person when stated with a role."""
    name_key = key(name)
    words = name_key.split()
    if words and words[0] == "air" and not _has_phrase(name_key, "air force"):
        return SpeakerKind.ORGANISATION  # an airline: "Air India", "Air France"
    for kind, phrases in _KIND_PHRASES.items():
        if any(_has_phrase(name_key, phrase) for phrase in phrases):
            return kind
    if _is_place(name_key):
        return SpeakerKind.GOVERNMENT
    if ENTITY_ALIASES.get(name_key, "").startswith("group:"):
        return SpeakerKind.ORGANISATION
    if role:
        return SpeakerKind.PERSON
    return SpeakerKind.UNKNOWN


def _uninvert(text: str) -> tuple[str, str | None]:
    """ "Dar, Ishaq" → "Ishaq Dar"; "Ishaq Dar, Foreign Minister" → the name and its role."""
    found = _INVERTED.match(text)
    if found is None:
        return text, None
    first, second = found.group(1).strip(), found.group(2).strip()
    second_words = [_plain(t) for t in second.split()]
    if any(_is_role(w) or w in _ORGANISATION_WORDS for w in second_words):
        return first, second  # an appositive role
    first_words = first.split()
    if (
        1 <= len(first_words) <= 2
        and 1 <= len(second_words) <= 3
        and all(t[:1].isupper() for t in [*first_words, *second.split()])
        and not _is_place(key(first))
        and not _is_place(key(second))
        and not set(second_words) & _SUFFIXES
    ):
        return f"{second} {first}", None
    return text, None


def split_mention(mention: str) -> Mention:
    """Split "Pakistan's Foreign Minister Ishaq Dar" into name "Ishaq Dar" and its role.

    A person's name is the run of capitalised words at the end that are no title, honorific
    or organisation word; whatever stands before it is the role. When that run is the object
    of "of" ("State Bank of Pakistan") or there is none ("the Indian military"), the whole
    mention is one name, and its words say its kind.
    """
    text = _SPACES.sub(" ", mention.strip())
    if text.casefold().startswith("the "):
        text = text[4:]
    bare, scope = scoped(text)
    if scope is not None:
        # "Ministry (Northern Herald)", a label kept for one report (or "Imran Khan (PTI)"):
        # one name, never split inside its parentheses
        unnamed = generic_key(bare)
        return Mention(text, None, guess_kind(bare) if unnamed is None else unnamed_kind(unnamed))
    text, appositive = _uninvert(text)
    tokens = text.split(" ")
    name_start = len(tokens) - 1 if _surname_is_a_title_word(tokens) else len(tokens)
    while name_start > 0:
        token = tokens[name_start - 1]
        plain = _plain(token)
        if (
            not token[:1].isupper()
            or _is_role(plain)
            or plain in _HONORIFICS
            or plain in _ORGANISATION_WORDS
            or _POSSESSIVE.search(token)
        ):
            break
        name_start -= 1
    if 0 < name_start < len(tokens) and _plain(tokens[name_start - 1]) in _CONNECTORS:
        # "Prime Minister of Pakistan Shehbaz Sharif": the place belongs to the title
        while name_start < len(tokens) - 1 and _is_place(key(tokens[name_start])):
            name_start += 1
        if _plain(tokens[name_start - 1]) in _CONNECTORS:
            return _whole(text, appositive)
    if name_start == len(tokens) or name_start == 0:
        return _whole(text, appositive)
    if _plain(tokens[name_start - 1]) in _PLACE_PREPOSITIONS:
        return _whole(text, appositive)
    if all(t[:1].isupper() and _plain(t) in _ORGANISATION_WORDS for t in tokens[:name_start]):
        return _whole(text, appositive)  # "Radio Leeds", "Bank Alfalah": one organisation's name
    name = " ".join(tokens[name_start:])
    if guess_kind(name) not in (SpeakerKind.UNKNOWN, SpeakerKind.PERSON):
        return _whole(text, appositive)
    prefix = [t for t in tokens[:name_start] if _plain(t) not in _HONORIFICS]
    honorifics = [t for t in tokens[:name_start] if _plain(t) in _HONORIFICS]
    role = " ".join(prefix).rstrip(" ,;:") or appositive
    honorific = honorifics[-1] if honorifics else None
    kind = SpeakerKind.PERSON if role or honorific else SpeakerKind.UNKNOWN
    last = role.split()[-1] if role else ""
    head = _plain(last)
    if head in _ORGANISATION_WORDS and last[:1].islower() and not honorific:
        # "The catering company, Brightplate": what the role's head noun names is the name's kind
        kind = guess_kind(head)
        if kind in (SpeakerKind.UNKNOWN, SpeakerKind.PERSON):
            kind = SpeakerKind.ORGANISATION
    return Mention(name, role, kind, honorific)


def _surname_is_a_title_word(tokens: list[str]) -> bool:
    """ "Senator Angus King": a title, a given name, then a surname that is also a title word."""
    if len(tokens) < 3:
        return False
    before, given, last = tokens[-3], tokens[-2], tokens[-1]
    plain = _plain(given)
    return (
        last[:1].isupper()
        and _is_role(_plain(last))
        and given[:1].isupper()
        and not _is_role(plain)
        and plain not in _HONORIFICS
        and plain not in _ORGANISATION_WORDS
        and not _POSSESSIVE.search(given)
        and not _is_place(key(given))
        and (_is_role(_plain(before)) or _plain(before) in _HONORIFICS)
    )


def _whole(text: str, role: str | None) -> Mention:
    kind = guess_kind(text, role)
    return Mention(text, role if kind is SpeakerKind.PERSON else None, kind)


def scoped(name: str) -> tuple[str, str | None]:
    """A name and the scope it was given: "Police (Dawn, 2025-05-10)" → "Police", "Dawn, …"."""
    found = _SCOPE.match(name.strip())
    return (found.group(1), found.group(2)) if found else (name.strip(), None)


def generic_key(name: str) -> str | None:
    """The key of a speaker nobody names ("police", "officials", "a spokesman", "the
    ministry"), scope and articles dropped; None for a name that names someone.

    An unnamed group of people stays unnamed whatever qualifies it ("Indian officials", "a
    senior police spokesman"); an institution only while nothing says whose it is ("local
    police", but not "Punjab police" or "the Indian military").
    """
    bare = scoped(name)[0]
    words = key(bare).split()
    if not words:
        return None
    cut = next((i for i, w in enumerate(words) if i and (w in _PLACE_PREPOSITIONS or w == "of")), None)
    if cut is not None:
        # "officials in Arland" are still nobody named; "police in Karachi" are Karachi's police
        if (
            words[cut - 1] not in GENERIC_SPEAKER_PEOPLE
            and not _unnamed_office(bare, words[:cut])
            and not (words[cut] in _PLACE_PREPOSITIONS and _plural_people(words[:cut]))
        ):
            return None
        words, place = words[:cut], words[cut:]
    else:
        place = []
    head, before = words[-1], words[:-1]
    if place and _plural_people(words):
        pass  # "auditors in Tallinn", "prosecutors in Constanta": people nobody names, and where
    elif (
        head not in GENERIC_SPEAKER_PEOPLE
        and not (
            head in GENERIC_SPEAKER_INSTITUTIONS and all(w in GENERIC_SPEAKER_QUALIFIERS for w in before)
        )
        and not _unnamed_office(bare, words)
    ):
        return None
    while before and before[0] in ("a", "an", "the", "some"):
        before = before[1:]
    return " ".join([*before, head, *place])


# Endings of a plural noun for people by what they do: "auditors", "engineers", "economists".
_AGENT_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ents", "men")


def _plural_people(words: list[str]) -> bool:
    """Whether words (a key, before "in …") are a plural noun for people, with at most an
    article or a qualifier: "auditors", "the prosecutors", "local doctors"; never a name of
    an organisation ("the Times", "Reporters Without Borders" have other words)."""
    head, before = words[-1], [w for w in words[:-1] if w not in GENERIC_SPEAKER_QUALIFIERS]
    if before or head in _ORGANISATION_WORDS or not head.isalpha():
        return False
    singular = head[:-1]
    return (
        (head in GENERIC_SPEAKER_PEOPLE and head.endswith(("s", "men", "people")))
        or (head.endswith("s") and (singular in _OFFICES or singular in GENERIC_SPEAKER_PEOPLE))
        or (len(head) > 5 and head.endswith(_AGENT_PLURALS))
    )


def _unnamed_office(bare: str, words: list[str]) -> bool:
    """Whether `words` (the key of `bare`, up to any "of …") name an office and nobody holding
    it: "the mayor", "the Pakistani foreign minister", "Naz's lawyer", "Water Minister", but
    not "Senator Angus King" (split to "Angus King" before this) or "Angus King"."""
    head = words[-1]
    if head not in _OFFICES:
        return False
    written = _SPACES.sub(" ", _NON_WORD.sub(" ", bare.replace("’", "'").replace("'s ", " "))).split()
    head_as_written = written[len(words) - 1] if len(written) >= len(words) else head
    if not head_as_written[:1].isupper():
        return True  # a common noun, whatever qualifies it
    if head in _SURNAME_OFFICES:  # "Police Chief", but not "King" alone: maybe Mr King
        return len(words) > 1 and all(_is_role(w) or w in _ORGANISATION_WORDS or w in _OFFICES for w in words)
    return True


def unnamed_kind(unnamed: str) -> SpeakerKind:
    """The kind of a speaker nobody names, by its generic key: an office's holder is a person
    ("mayor"), else what its words say ("ministry": government)."""
    words = unnamed.split()
    cut = next((i for i, w in enumerate(words) if i and (w in _PLACE_PREPOSITIONS or w == "of")), len(words))
    if cut < len(words) and words[cut] in _PLACE_PREPOSITIONS and _plural_people(words[:cut]):
        return SpeakerKind.ORGANISATION  # "auditors in Tallinn": a group, never one person
    if words and words[cut - 1] in _OFFICES:
        head = words[cut - 1]
        if head.endswith("s") and head[:-1] in _OFFICES:
            return SpeakerKind.ORGANISATION  # "prosecutors", "ministers": several, never one person
        return SpeakerKind.PERSON
    return guess_kind(unnamed)


def office_holder(mention: str, named: Iterable[tuple[str, str | None]]) -> tuple[str, str] | None:
    """The one person of a report (name, role) whose role is the office a mention with no
    name names: "the mayor" and "Mayor Ines Roth" in one article are one mayor. None when
    the mention names someone, or no one or several people there hold that office."""
    unnamed = generic_key(mention)
    if unnamed is None or " of " in f" {unnamed} " or not _unnamed_office(mention, unnamed.split()):
        return None
    words = unnamed.split()
    holders: dict[str, tuple[str, str]] = {}
    for name, role in named:
        if role and generic_key(name) is None and _office_words(role) == words:
            holders.setdefault(key(name), (name, role))
    return next(iter(holders.values())) if len(holders) == 1 else None


def _office_words(role: str) -> list[str]:
    """A role's words, all of them: "the president" is not the Vice President, "the minister"
    not the Prime Minister, and "the foreign minister" not Spain's Foreign Minister when the
    article may name another country's (kept apart, never filed under the wrong person)."""
    return key(role).split()


def is_generic(name: str) -> bool:
    """Whether the name is a speaker nobody names: never joined across sources, never a flip."""
    return generic_key(name) is not None


def told_apart(name: str, speaker_id: int | None, shared: set[str]) -> str:
    """A speaker's name as a table shows it: with its id where another speaker has the name
    too ("Brandt (id 1)" beside "Brandt (id 2)")."""
    return f"{name} (id {speaker_id})" if speaker_id is not None and name.casefold() in shared else name


def _unarticled(name: str) -> list[str]:
    words = name.split()
    while len(words) > 1 and key(words[0]) in ("a", "an", "the", "some"):
        words = words[1:]
    return words


def scope_label(name: str, outlet: str | None, published: str | None) -> str:
    """The name of a speaker nobody names as kept for one report: "Police (Dawn, 2025-05-10)",
    "Officials (no source)"; an outlet of the speaker's own name is said once ("Daily
    Observer" in the Daily Observer, "Daily Observer (2025-05-10)")."""
    bare = " ".join(_unarticled(scoped(name)[0]))
    bare = bare[:1].upper() + bare[1:]
    if outlet and key(" ".join(_unarticled(outlet))) == key(bare):
        outlet = None
    elif not outlet:
        outlet = "no source"
    scope = ", ".join(part for part in (outlet, published) if part)
    return f"{bare} ({scope})" if scope else bare


def with_source(label: str, source_id: int) -> str:
    """A scope label told apart from another report of one outlet and day by its source id:
    "Police (Dawn, 2025-05-10, source 2)", "Daily Observer (source 2)"."""
    if label.endswith(")") and scoped(label)[1] is not None:
        return f"{label[:-1]}, source {source_id})"
    return f"{label} (source {source_id})"


def said_where(speaker: str, where: str) -> str:
    """What a statement's provenance adds after its speaker's name: nothing the name says
    already ("Police (Dawn, 2025-05-10)" kept per report; "Daily Observer" in the Daily
    Observer), else `where`."""
    if not where or speaker.endswith(f"({where})"):
        return ""
    outlet, _, rest = where.partition(", ")
    bare = " ".join(_unarticled(scoped(speaker)[0]))
    if key(" ".join(_unarticled(outlet))) == key(bare):
        return "" if not rest or speaker.endswith(f"({rest})") else rest
    return where


def gender_of(keys: Iterable[str]) -> str | None:
    """The gender the honorifics among a speaker's alias keys show ("mr sharif": male);
    None when they show none, or disagree."""
    shown = {HONORIFIC_GENDERS.get(k.split()[0]) for k in keys if k}
    shown.discard(None)
    return shown.pop() if len(shown) == 1 else None


def parse_name(name_key: str) -> Name:
    """A key's given names, surname and numbers ("writer 4": surname writer, number 4)."""
    words = name_key.split()
    numbers: tuple[str, ...] = ()
    if _SKIPPED.intersection(words) or any(w.isdigit() for w in words):
        numbers = tuple(w for w in words if w.isdigit())
        words = [w for w in words if not w.isdigit() and w not in _SKIPPED]
    while words and len(words[-1]) == 1:  # "Dar I." ends in an initial: it is no surname
        words.pop()
    if not words:
        return Name((), "", numbers)
    return Name(tuple(words[:-1]), words[-1], numbers)


def surname(name_key: str) -> str:
    """`parse_name(name_key).surname`, at a fraction of its cost (an index asks it of every name)."""
    words = name_key.split()
    if words and (len(words[-1]) == 1 or words[-1] in _SKIPPED or words[-1].isdigit()):
        return parse_name(name_key).surname
    return words[-1] if words else ""


def _given_fits(short: str, full: str) -> bool:
    return (
        short == full
        or (len(short) == 1 and full.startswith(short))
        or (len(full) == 1 and short.startswith(full))
    )


def names_fit(mention: Name, stored: Name) -> bool:
    """The mention may be a shorter way of writing the stored name: the same surname and
    numbers, and given names that the stored ones continue ("Dar", "I. Dar" and "Ishaq Dar"
    fit "Ishaq Dar"; "Imran Dar", "Ishaq Ahmad Dar" and "Writer 3" do not fit "Ishaq Dar" or
    "Writer 4"). A fuller mention never fits a shorter stored name: "Rajnath Singh" is not
    filed under a bare "Singh"."""
    if not mention.surname or mention.surname != stored.surname or mention.numbers != stored.numbers:
        return False
    if len(mention.given) > len(stored.given):
        return False
    if mention.given and stored.given and not _given_fits(mention.given[0], stored.given[0]):
        return False
    rest = iter(stored.given[1:])
    return all(any(_given_fits(g, s) for s in rest) for g in mention.given[1:])


def person_like(kind: str | SpeakerKind | None) -> bool:
    value = kind.value if isinstance(kind, SpeakerKind) else kind
    return value is None or value in _PERSON_LIKE


def resolve(
    name: str,
    candidates: Iterable[Candidate],
    kind: SpeakerKind | None = None,
    affiliation: str | None = None,
    gender: str | None = None,
) -> Resolution:
    """Which candidate `name` means: its exact name or alias, else (a person only) the one
    stored name it is a shorter form of; a stated affiliation that differs from a speaker's
    rules that speaker out, and so does a gender its honorifics show ("Mrs." is not a "Mr.").
    A speaker nobody names ("police") means every one kept under that name, one per source.
    A name that fits several speakers is not guessed."""
    wanted = key(name)
    pool = [c for c in candidates if not gender or gender_of(c.keys) in (None, gender)]
    affiliations = {c.id: key(c.affiliation) or None if c.affiliation else None for c in pool}
    wanted_affiliation = key(affiliation) or None if affiliation else None
    exact = [c.id for c in pool if wanted in c.keys or key(c.name) == wanted]
    kind = kind or guess_kind(name)
    parsed = parse_name(wanted)
    partial = person_like(kind) and parsed.partial
    if exact and partial and parsed.surname:
        # "Brandt" is a placeholder's very name and the surname of "Anna Brandt": either
        exact += [c for c in _fuller(parsed, pool) if c not in exact]
    if exact:
        return choose(exact, wanted_affiliation, affiliations.get, partial, exact=True)
    unnamed = generic_key(name)
    if unnamed is not None:
        same = [c.id for c in pool if generic_key(c.name) == unnamed]
        return choose(same, wanted_affiliation, affiliations.get, exact=True)
    if not person_like(kind) or not parsed.surname:
        return Resolution(None)
    fits = _fuller(parsed, pool)
    return choose(fits, wanted_affiliation, affiliations.get, partial or bool(fits))


def _fuller(parsed: Name, pool: Iterable[Candidate]) -> list[int]:
    """The person-like candidates a (shorter) name fits."""
    return [
        c.id
        for c in pool
        if person_like(c.kind)
        and not is_generic(c.name)
        and any(names_fit(parsed, parse_name(k)) for k in _keys(c))
    ]


def _keys(candidate: Candidate) -> set[str]:
    return {key(candidate.name), *candidate.keys}


def choose(
    ids: Sequence[int],
    affiliation: str | None,
    affiliation_of: Callable[[int], str | None],
    partial: bool = False,
    *,
    exact: bool = False,
) -> Resolution:
    """The one of `ids` a mention means: the only one, or the only one of the stated
    affiliation (a key); speakers of another affiliation are other people."""
    unique = tuple(dict.fromkeys(ids))
    if affiliation:
        same = [i for i in unique if affiliation_of(i) == affiliation]
        if len(same) == 1:
            return Resolution(same[0], partial=partial)
        unique = tuple(i for i in unique if affiliation_of(i) in (None, affiliation))
    if len(unique) == 1:
        return Resolution(unique[0], partial=partial)
    return Resolution(None, unique, partial=partial, exact=exact and bool(unique))


def fuller_fits(mention_key: str, stored: Iterable[tuple[int, str]]) -> list[int]:
    """The speakers (id, key) whose name the mention is a strictly shorter form of: those a
    surname alone could mean. More than one, and the statements filed under it are uncertain."""
    parsed = parse_name(mention_key)
    return sorted(
        {
            speaker_id
            for speaker_id, other in stored
            if other != mention_key
            and names_fit(parsed, other_name := parse_name(other))
            and other_name != parsed  # "mr singh" is no fuller than "singh"
        }
    )


def _genders_differ(a: Candidate, b: Candidate) -> bool:
    first, second = gender_of(a.keys), gender_of(b.keys)
    return first is not None and second is not None and first != second


def _country_voice(name_key: str) -> tuple[str, bool] | None:
    """The country a name speaks for, and whether it does so as its capital or seat of
    government ("new delhi": india, True; "the indian government": india, False); None for any
    other name, a body of the government among them ("state department", "white house")."""
    words = [w for w in name_key.split() if w != "the"]
    joined = "".join(words)
    if joined in CAPITALS:
        return ENTITY_ALIASES[joined], True
    core = "".join(w for w in words if w not in ("government", "of"))
    found = ENTITY_ALIASES.get(core, "")
    return (found, False) if found.startswith("country:") else None


def _capital_pairs(speakers: Iterable[Candidate]) -> list[tuple[int, int]]:
    """Speakers that may be one government: a capital or seat of government and its country
    ("New Delhi" and "India", "the Kremlin" and "Russia"), or two of the country's capitals.
    Only offered: "New Delhi" may be the city, and "Washington" a person."""
    voices: dict[str, list[tuple[int, bool]]] = {}
    for candidate in speakers:
        if candidate.kind in (SpeakerKind.PERSON.value, SpeakerKind.MEDIA.value) or is_generic(
            candidate.name
        ):
            continue
        voice = _country_voice(key(candidate.name))
        if voice is not None:
            voices.setdefault(voice[0], []).append((candidate.id, voice[1]))
    return [
        (a, b)
        for group in voices.values()
        for i, (a, a_capital) in enumerate(group)
        for b, b_capital in group[i + 1 :]
        if a_capital or b_capital
    ]


def likely_duplicates(speakers: Iterable[Candidate]) -> dict[int, list[int]]:
    """For each speaker, the others that may be the same (one name a shorter form of the
    other, or a close spelling, or a capital standing for its country's government); different
    numbers or genders are never the same speaker."""
    speakers = list(speakers)
    pool = [c for c in speakers if person_like(c.kind) and not is_generic(c.name)]
    by_surname: dict[str, list[tuple[Candidate, Name]]] = {}
    for candidate in pool:
        parsed = parse_name(key(candidate.name))
        if parsed.surname:
            by_surname.setdefault(parsed.surname[:3], []).append((candidate, parsed))
    found: dict[int, set[int]] = {}
    for group in by_surname.values():
        for i, (a, a_name) in enumerate(group):
            for b, b_name in group[i + 1 :]:
                if a_name.numbers != b_name.numbers or _genders_differ(a, b):
                    continue  # "Writer 3" and "Writer 4", "Mr. Gandhi" and "Mrs. Gandhi"
                if (
                    names_fit(a_name, b_name)
                    or names_fit(b_name, a_name)
                    or fuzz.ratio(key(a.name), key(b.name)) >= 85
                ):
                    found.setdefault(a.id, set()).add(b.id)
                    found.setdefault(b.id, set()).add(a.id)
    for first, second in _capital_pairs(speakers):
        found.setdefault(first, set()).add(second)
        found.setdefault(second, set()).add(first)
    return {speaker_id: sorted(others) for speaker_id, others in found.items()}
