"""Resolution: speaker names for pronouns and short names, dates, modality and reporting chain.

A pronoun ("he", "she", "it") or a bare description ("the ministry") resolves only to an
antecedent it is compatible with (person or organisation, gender where the text shows it),
and only when that antecedent is clearly the likeliest: the speaker just quoted, or the only
candidate of the right gender. When two candidates remain, or the text has moved from one
side (country) to another with nothing to tell which one is meant, the speaker stays
unresolved (None, with the mention's span kept): a ledger must never guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from tracker.extract.cues import (
    ANONYMITY,
    BUSINESS_NAME_WORDS,
    BUSINESS_NOUNS,
    COMMIT_CUES,
    CUE_FORMS,
    DETERMINERS,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_WORDS,
    MODAL_COMMIT,
    MODAL_COND,
    MODAL_IF,
    MODAL_OWN,
    ORGANISATION_NAME_WORDS,
    ORGANISATION_ROLES,
    PLACE_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEAKER_NOUNS,
    TITLES,
    UNNAMED_SOURCES,
    VIA_PATTERNS,
)
from tracker.extract.phrases import split_role
from tracker.extract.scan import Found
from tracker.extract.spans import Tok, paragraphs, tokenize
from tracker.extract.times import MONTHS, TIME_PHRASE, said_on
from tracker.lexicon import AUDIENCE_NOUNS, ENTITY_ALIASES, MULTIWORD_ALIASES, PERSON_NAME_COUNTRIES
from tracker.model import Extracted, Kind, Modality, Span
from tracker.patterns import lazy

_RECENT_SENTENCES = 3  # a pronoun points at someone named in the last three sentences
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_CAPITALISED = lazy(r"\b([A-Z][\w-]+)(?:['’]s)?\b")
_SIDE_WORD = lazy(r"[A-Za-z][\w-]*")


@dataclass
class Entity:
    """Someone the text has named: a person or an organisation, with what the text shows."""

    name: str
    person: bool
    maybe_person: bool = False  # a lone capitalised word: "Lynch" may be a person, never an "it"
    gender: str | None = None
    side: str | None = None
    role: str | None = None
    last: int = 0  # offset of the latest mention
    spoke_last: int = -1  # offset of the latest statement made

    @property
    def first(self) -> str | None:
        parts = [
            p for p in self.name.split() if p.lower().rstrip(".") not in {h.rstrip(".") for h in HONORIFICS}
        ]
        return parts[0] if len(parts) >= 2 else None


@dataclass
class Cast:
    """The entities of one text, in the order the text brings them up."""

    entities: list[Entity] = field(default_factory=list)
    first_names: dict[str, str] = field(default_factory=dict)  # first name → gender shown
    named_at: dict[str, list[int]] = field(default_factory=dict)  # capitalised word → offsets

    reported: list[Span] = field(default_factory=list)  # contents of statements
    text: str = ""
    sentence_starts: list[int] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)

    def paragraph_start(self, at: int) -> int:
        k = bisect_right(self.paragraph_starts, at) - 1
        return self.paragraph_starts[k] if k >= 0 else 0

    def named_in_sentence(self, entity: Entity, at: int) -> bool:
        """Whether the pronoun's own sentence names the entity before it, outside reported words."""
        k = bisect_right(self.sentence_starts, at) - 1
        start = self.sentence_starts[k] if k >= 0 else 0
        word = entity.name.split()[-1] if entity.maybe_person else entity.name
        offset = self.text.find(word, start, at)
        while offset >= 0:
            if (
                not any(a <= offset < b for a, b in self.reported)
                and not self.text[offset + len(word) : offset + len(word) + 1].isalnum()
            ):
                return True
            offset = self.text.find(word, offset + 1, at)
        return False

    def sentences_between(self, a: int, b: int) -> int:
        return bisect_right(self.sentence_starts, b) - bisect_right(self.sentence_starts, a)

    def refresh(self, at: int) -> None:
        """Count every later use of a person's surname ("Stumpf", "Warren’s") as a mention,
        except inside what someone is reported to have said: there it is not the topic."""
        for e in self.entities:
            if e.maybe_person:
                for offset in self.named_at.get(e.name.split()[-1], ()):
                    if e.last < offset < at and not any(a <= offset < b for a, b in self.reported):
                        e.last = offset

    def find(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def mention(self, name: str, at: int, role: str | None, spoke: bool) -> Entity:
        entity = self.find(name)
        if entity is None:
            if organisation(name, role):
                entity = Entity(name, False)  # never "he" or "she"
            else:
                person = looks_like_person(name) or (role is not None and _person_role(role))
                entity = Entity(name, person, maybe_person=person or _maybe_person(name))
            self.entities.append(entity)
        entity.last = max(entity.last, at)
        if spoke:
            entity.spoke_last = max(entity.spoke_last, at)
        if role and not entity.role:
            entity.role = role
        entity.side = entity.side or side_of(f"{role or ''} {name}")
        if entity.maybe_person and entity.gender is None:
            entity.gender = gender_of(f"{role or ''} {name}") or (self.first_names.get(entity.first or ""))
        self.learn(entity)
        return entity

    def learn(self, entity: Entity, gender: str | None = None) -> None:
        if gender and entity.gender is None:
            entity.gender = gender
        if entity.gender and entity.first:
            self.first_names.setdefault(entity.first, entity.gender)

    def pronoun(self, low: str, at: int) -> Entity | None:
        """The antecedent of "he"/"she"/"it"/"they" at offset at, or None when unsure."""
        gender = _GENDER.get(low)
        self.refresh(at)
        if low in ("he", "she"):
            pool = [e for e in self.entities if e.maybe_person and e.gender in (None, gender)]
        elif low == "it":
            pool = [e for e in self.entities if not e.maybe_person]
        else:  # "they": an organisation or a group, never one named person
            pool = [e for e in self.entities if not e.maybe_person]
        pool = [e for e in pool if e.last <= at]
        here = [e for e in pool if self.named_in_sentence(e, at)]
        if len(here) == 1 and (gender is None or here[0].gender in (None, gender)):
            return here[0]  # "India launched …, targeting what it describes as …"
        # People the pronoun cannot be: the other gender, shown by the text outside quotes.
        ruled_out = [
            e
            for e in self.entities
            if e.maybe_person
            and gender
            and e.gender not in (None, gender)
            and e.last <= at
            and not any(a <= e.last < b for a, b in self.reported)  # named in a quote: not the topic
        ]
        chosen = (
            self._likeliest(pool, gender) or self._previous_subject(pool, at) or self._sole_recent(pool, at)
        )
        if (
            chosen is not None
            and chosen.gender is None
            and any(e.name.split()[-1] == chosen.name.split()[-1] for e in ruled_out)
        ):
            return None  # "Ishaq Dar" of unknown gender and "Mr Dar": "she" is neither for sure
        last_speaker = max(
            (e for e in self.entities if e.maybe_person and 0 <= e.spoke_last <= at),
            key=lambda e: e.spoke_last,
            default=None,
        )
        if (
            chosen is not None
            and last_speaker is not None
            and last_speaker is not chosen
            and last_speaker in ruled_out
            and chosen.last < self.paragraph_start(at)
        ):
            # The last to speak cannot be "she"; reaching past them is safe only within the
            # pronoun's own paragraph (Singh told …; Baloch called …; "He said …").
            return None
        if chosen is not None and self.sentences_between(chosen.last, at) > _RECENT_SENTENCES:
            return None  # named too long ago to be what a pronoun points at
        return chosen

    def _previous_subject(self, pool: list[Entity], at: int) -> Entity | None:
        """The person who spoke in the sentence just before, in the pronoun's own paragraph, when
        nobody was named since and everyone the text shows of the pronoun's gender is in an
        earlier paragraph: "Okonkwo told parliament …. She said …" is Okonkwo."""
        speakers = [e for e in pool if e.spoke_last >= 0]
        if not speakers:
            return None
        top = max(speakers, key=lambda e: e.spoke_last)
        start = self.paragraph_start(at)
        if (
            top.spoke_last < start
            or top.last < start
            or self.sentences_between(top.spoke_last, at) != 1
            or any(e is not top and e.last >= start for e in pool)
        ):
            return None
        return top

    def _sole_recent(self, pool: list[Entity], at: int) -> Entity | None:
        """The one candidate named in the pronoun's sentence or the one before, when no other
        candidate was named in the last few: "The Energy Minister, Maria Kovač, spoke on
        Thursday. “It is final,” she said." is Kovač."""
        named = [e for e in pool if not any(a <= e.last < b for a, b in self.reported)]
        recent = [e for e in named if self.sentences_between(e.last, at) <= 1]
        if len(recent) != 1:
            return None
        if any(e is not recent[0] and self.sentences_between(e.last, at) <= _RECENT_SENTENCES for e in pool):
            return None
        return recent[0]

    def described(self, head: str, at: int) -> Entity | None:
        """The antecedent of "the ministry", "the spokeswoman": the one entity so called. A
        role naming another office ("Vice President", "Prime Minister") is not "the president"
        or "the minister": nobody is then the antecedent, as where two could be. A "name" that is
        only such a word (the headline's "Minister admits …") names nobody, so it is no rival."""
        pool = [
            e
            for e in self.entities
            if e.last < at
            and re.search(rf"\b{re.escape(head)}\b", f"{e.role or ''} {e.name}", re.IGNORECASE)
            and e.name.lower() not in TITLES
            and e.name.lower() not in SPEAKER_NOUNS
        ]
        if not pool and head in BUSINESS_NOUNS:
            pool = [e for e in self.entities if e.last < at and business(e.name)]
        if len(pool) != 1 or _another_office(pool[0].role, head):
            return None
        return pool[0]

    @staticmethod
    def _likeliest(pool: list[Entity], gender: str | None) -> Entity | None:
        """The one entity the text clearly means, or None.

        Either the text shows the pronoun's gender for exactly one candidate (and nobody of
        unknown gender has spoken since), or one candidate is at once the last to speak and
        the last named, and the speaker before it was not on another side.
        """
        if not pool:
            return None
        speakers = sorted((e for e in pool if e.spoke_last >= 0), key=lambda e: e.spoke_last, reverse=True)
        shown = [e for e in pool if gender is not None and e.gender == gender]
        if len(shown) == 1:
            chosen = shown[0]
            if any(e.gender is None and e.spoke_last > chosen.last for e in speakers):
                return None
            return chosen if chosen.spoke_last >= 0 or chosen.gender else None
        if not speakers:
            return None
        top = speakers[0]
        if any(e is not top and e.last > top.last for e in pool):
            return None  # someone else was named after the last speaker
        if len(speakers) > 1 and top.side and speakers[1].side and top.side != speakers[1].side:
            return None  # the text moved between sides; without evidence, do not pick one
        return top


def organisation(name: str, role: str | None = None) -> bool:
    """Whether a name, or the role set beside it, says it is an organisation, never a person:
    "Velden Power", "Brightplate Ltd", "The operator, Velden Power"."""
    if role is not None and _person_role(role):
        return False  # "UN Ambassador Samantha Power"
    parts = name.split()
    if parts and parts[-1].lower() in ORGANISATION_NAME_WORDS and parts[0].lower() not in HONORIFICS:
        return True
    return organisation_role(role)


def business(name: str) -> bool:
    """Whether a name reads as a business's, which "the company" may stand for: "Dobrogea
    Chemicals", "Brightplate Ltd"; never a ministry, a party or a newspaper."""
    parts = name.split()
    return (
        len(parts) >= 2
        and parts[-1].lower() in BUSINESS_NAME_WORDS
        and parts[0].lower() not in HONORIFICS
        and "and" not in parts  # two businesses together are neither one
    )


_ROLE_HEAD_ENDS = frozenset("with of at for from in on to".split())


def organisation_role(role: str | None) -> bool:
    """Whether a role names what an organisation is: "The operator", "the plant's owner"; not
    "an engineer with the Water Development Board", whose head, before "with", is a person's."""
    words = [w.lower().strip(".,") for w in (role or "").split()]
    cut = next((i for i, w in enumerate(words) if w in _ROLE_HEAD_ENDS), len(words))
    return (
        bool(words) and words[-1] in ORGANISATION_ROLES and cut > 0 and words[cut - 1] in ORGANISATION_ROLES
    )


def looks_like_person(name: str) -> bool:
    parts = name.split()
    if not parts or parts[0].lower() in DETERMINERS or organisation(name):
        return False
    if parts[0].lower() in HONORIFICS:
        return True
    if (
        side_of(name)
        and len(parts) <= 2
        and not any(p[:1].isupper() and side_of(p) is None for p in parts[-1:])
    ):
        return False  # "New Delhi", "Pakistan's military"
    return (
        2 <= len(parts) <= 4
        and all(p[:1].isupper() for p in parts)
        and not any(p.lower() in SPEAKER_NOUNS or p.lower() in TITLES for p in parts)
        and not any(p.endswith(("'s", "’s")) for p in parts)
    )


def _maybe_person(name: str) -> bool:
    """A lone capitalised word that is not a country, a capital or a common noun: a surname."""
    return (
        " " not in name
        and name[:1].isupper()
        and name.lower() not in SPEAKER_NOUNS
        and side_of(name) is None
        and not name.isupper()
    )


def _person_role(role: str) -> bool:
    return any(w.lower().strip(".,") in TITLES or w.lower() in HONORIFICS for w in role.split())


def gender_of(words: str) -> str | None:
    low = {w.lower().strip(".,'’") for w in words.split()}
    female, male = bool(low & FEMALE_WORDS), bool(low & MALE_WORDS)
    return "f" if female and not male else "m" if male and not female else None


def side_of(words: str) -> str | None:
    """The country a name or role belongs to ("Indian Defence Minister", "Pakistan's")."""
    low = words.lower().replace("’", "'")
    for phrase, entity in MULTIWORD_ALIASES.items():
        if phrase.startswith("the ") or phrase not in low:
            continue  # the plain test first: a regex search for each of ~80 phrases is slow
        if re.search(rf"\b{re.escape(phrase)}\b", low):
            return entity
    spelled = list(_SIDE_WORD.finditer(words.replace("’", "'")))
    for at, found in enumerate(spelled):
        word = found.group()
        if word.lower() in PERSON_NAME_COUNTRIES and word[:1].isupper() and _in_a_name(words, spelled, at):
            continue
        country = ENTITY_ALIASES.get(word.lower().removesuffix("'s").replace("-", ""))
        if country:
            return country
    return None


_COMPASS = frozenset("north south east west northern southern eastern western central".split())


def _in_a_name(text: str, spelled: list[re.Match[str]], at: int) -> bool:
    """Whether a country's name that is also a first name or surname is a person's here: next
    to a name-like word ("Jordan Peterson", "Jim Jordan"), never to a title or a noun of an
    organisation or place ("Georgia Secretary of State", "Jordan Valley Authority")."""
    near = [spelled[x] for x in (at - 1, at + 1) if 0 <= x < len(spelled)]
    return any(
        _name_like(other.group())
        and not text[min(other.end(), spelled[at].end()) : max(other.start(), spelled[at].start())].strip()
        for other in near
    )


def _name_like(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and low not in SPEAKER_NOUNS
        and low not in TITLES
        and low not in HONORIFICS
        and low not in ORGANISATION_ROLES
        and low not in ORGANISATION_NAME_WORDS
        and low not in BUSINESS_NAME_WORDS
        and low not in PLACE_NOUNS
        and low not in _COMPASS
        and low.removesuffix("'s") not in ENTITY_ALIASES
    )


def _quote_closed(text: str, span: Span) -> Span:
    """span, ending inside a quotation it opens (a foreign policy "focused on …, so important),
    carried on to the closing mark when the paragraph has one before another opens: quotation
    marks in a statement's words balance."""
    a, b = span
    open_ = False
    for ch in text[a:b]:
        if ch == "“":
            open_ = True
        elif ch == "”":
            open_ = False
        elif ch == '"':
            open_ = not open_
    if not open_:
        return span
    for at in range(b, min(len(text), b + 600)):
        ch = text[at]
        if ch in "\n“":
            break
        if ch in '”"':
            return a, at + 1
    return span


def _modality(content: str, lemma: str) -> Modality:
    if content.rstrip('”"’ ').endswith("?"):
        return Modality.QUESTION
    if lemma == "ask" and re.match(r"\W*(?:whether|if)\b", content, re.IGNORECASE):
        return Modality.QUESTION  # "asked whether the town would be evacuated" asserts nothing
    if MODAL_IF.search(content):
        return Modality.CONDITIONAL
    if lemma in COMMIT_CUES or MODAL_COMMIT.search(content) or MODAL_OWN.match(content):
        return Modality.COMMITMENT
    if MODAL_COND.search(content):
        return Modality.CONDITIONAL
    return Modality.ASSERTION


def _outside(spans: list[Span], a: int, b: int) -> bool:
    return not any(s <= a < e or s < b <= e for s, e in spans)


# Whom a speaker told or spoke to, up to a place or time after it: "told reporters in Lahore".
_ADDRESSED = lazy(
    r"(?:told|tell|tells|telling|to)\s+(?P<whom>.+?)(?:\s+(?:in|at|on|of|during|after|before)\b.*)?$"
)


def _audience(phrase: str) -> bool:
    """Whether a "told X" / "to X" phrase names an audience ("reporters", "parliament", "a
    rally") rather than whom the words reached us through ("the BBC", "Rubio")."""
    m = _ADDRESSED.match(phrase)
    return m is not None and m.group("whom").split()[-1].lower().strip(".,;'’") in AUDIENCE_NOUNS


def _via(text: str, sent: Span, item: Found, contents: list[Span]) -> list[str]:
    """Reporting-chain phrases in the sentence outside the content: "to local television";
    an audience it was said to is not one."""
    found = [phrase for phrase in item.via if not _audience(phrase)]
    for rx in VIA_PATTERNS:
        for m in rx.finditer(text, sent[0], sent[1]):
            if not _outside([item.content], m.start(1), m.end(1)):
                continue
            phrase = m.group(1).strip()
            if phrase and not _audience(phrase) and not any(phrase in f or f in phrase for f in found):
                found.append(phrase)
    return found


# What opens a piece of a sentence that sets another time against the one reported: ", not on Tuesday".
_CONTRAST_OPENER = lazy(r"\s*(?:(?:and|but)\s+)?(?:not|never|rather\s+than|instead\s+of)\b", re.IGNORECASE)
_PIECE_BREAKS = ",;—–()"


def _piece(text: str, sent: Span, a: int, b: int) -> Span:
    """The stretch of the sentence between the breaks (commas, dashes, brackets) around a..b."""
    lo = max((text.rfind(c, sent[0], a) for c in _PIECE_BREAKS), default=-1)
    his = [h for h in (text.find(c, b, sent[1]) for c in _PIECE_BREAKS) if h != -1]
    return (lo + 1 if lo >= sent[0] else sent[0]), (min(his) if his else sent[1])


def _another_time(text: str, sent: Span, item: Found, a: int, b: int) -> bool:
    """Whether the time phrase at a..b is set apart from the cue: in a piece of the sentence that
    the cue is not in, which contrasts it (", not on Tuesday night") or reports another
    speaker ("as Peruvian authorities had said")."""
    lo, hi = _piece(text, sent, a, b)
    if item.cue and lo <= item.cue[0] < hi:
        return False
    if _CONTRAST_OPENER.match(text, lo, hi):
        return True
    return any(
        CUE_FORMS.get(t.low) and not t.cap and not t.low.endswith("ing")  # "speaking on Monday" is the cue's
        for t in tokenize(text, lo, hi)
        if not (t.start < b and a < t.end)
    )


def _when(text: str, sent: Span, item: Found, contents: list[Span]) -> str | None:
    """The time phrase of the cue's clause: the one nearest the cue, outside every content and
    never one the sentence sets apart from the cue (", not on Tuesday night as … had said")."""
    anchor = item.cue[0] if item.cue else item.content[0]
    best: tuple[int, str] | None = None
    for m in TIME_PHRASE.finditer(text, sent[0], sent[1]):
        if not _outside(contents, m.start(), m.end()) or _another_time(text, sent, item, m.start(), m.end()):
            continue
        distance = abs(m.start() - anchor)
        if best is None or distance < best[0]:
            best = (distance, m.group().strip())
    return best[1] if best else None


def _hedge(text: str, sent: Span, item: Found, mention: str | None, after: Span | None = None) -> str | None:
    hedges = [item.hedge] if item.hedge else []
    spans = [sent]
    if after is not None and _ANONYMOUS_AFTER.match(text, after[0], after[1]):
        spans.append(after)  # "… said X. They spoke on condition of anonymity because …"
    for lo, hi in spans:
        for m in ANONYMITY.finditer(text, lo, hi):
            if _outside([item.content], m.start(), m.end()) and m.group().lower() not in hedges:
                hedges.append(m.group().lower())
    if mention and UNNAMED_SOURCES.search(mention) and "unnamed source" not in hedges:
        hedges.append("unnamed source")
    return "; ".join(hedges) or None


# A sentence that says the sources just quoted were anonymous.
_ANONYMOUS_AFTER = lazy(
    r"\s*(?:they|he|she|both|the (?:officials?|sources?|people))\s+(?:spoke|were speaking|was speaking|asked|requested)\b",
    re.IGNORECASE,
)


def _next_sentence(sentences: list[Span], sent: Span) -> Span | None:
    later = [s for s in sentences if s[0] >= sent[1]]
    return min(later) if later else None


def _surname_owner(cast: Cast, mention: str) -> str | None:
    """ "Dar" → "Ishaq Dar" when one person of the text has that surname; else the mention."""
    owners = [e for e in cast.entities if e.person and e.name != mention and e.name.split()[-1] == mention]
    # "Democrat Hillary Clinton" and "Hillary Clinton" are one person; "Manmohan Singh" another
    full = {
        e.name for e in owners if not any(o.name != e.name and e.name.endswith(" " + o.name) for o in owners)
    }
    return full.pop() if len(full) == 1 else None


# Words before an office that make it another office: the Vice President is not the president.
_OTHER_OFFICE = frozenset(
    "vice deputy former prime acting shadow assistant associate under ex junior interim co lieutenant".split()
)


def _another_office(role: str | None, head: str) -> bool:
    """Whether a role holding the word `head` names another office than "the HEAD" does."""
    words = re.split(r"[\s\-]+", (role or "").lower())
    if head not in words:
        return False
    before = words[: words.index(head)]
    return any(w in _OTHER_OFFICE for w in before)


def _description_head(mention: str) -> str | None:
    """ "the ministry" / "the spokeswoman" → the head noun, when the mention is nothing else."""
    words = mention.split()
    if len(words) == 2 and words[0].lower() in ("the", "this") and words[1].islower():
        head = words[1].lower()
        if head in SPEAKER_NOUNS or head in TITLES or head in ROLE_NOUNS:
            return head  # "the worker" after "a worker at the plant": an occupation says whom too
    return None


# A place that opens the sentence, outside the speaker's mention: "In Arland, the mayor said …".
_PLACE_OPENING = lazy(r"\s*In\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*,")


def _sentence_place(text: str, sentences: list[Span], at: int) -> str | None:
    sent = next((s for s in sentences if s[0] <= at < s[1]), None)
    m = _PLACE_OPENING.match(text, sent[0], sent[1]) if sent else None
    return m.group("place") if m and m.end() <= at else None


def _name_for(
    cast: Cast, item: Found, mention: str | None, at: int, place: str | None = None
) -> tuple[str | None, Entity | None]:
    """The speaker's name (None when unresolved) and the entity it is, for one statement.

    An office with no name in a sentence set in a place ("In Arland, the mayor said") is the
    one holder the text places there, else "the mayor of Arland": never a holder named
    without that place (the mayor of Belmont is not Arland's)."""
    if item.name is not None:
        return item.name, cast.find(item.name)
    if mention is None:
        return None, None
    low = mention.lower()
    if low in ("he", "she", "it", "they"):
        entity = cast.pronoun(low, at)
        if entity is not None and low in _GENDER:
            cast.learn(entity, _GENDER[low])
        return (entity.name, entity) if entity else (None, None)
    if low in PRONOUNS:  # "we", "I", "you": the speaker is whoever the quote belongs to
        return mention, None
    head = _description_head(mention)
    if head is not None and place is not None:
        placed = [
            e
            for e in cast.entities
            if re.search(rf"\b{re.escape(head)}\b", f"{e.role or ''} {e.name}", re.IGNORECASE)
            and re.search(rf"\b{re.escape(place)}\b", f"{e.role or ''} {e.name}")
        ]
        if len(placed) == 1:
            return placed[0].name, placed[0]
        return (None, None) if placed else (f"{mention} of {place}", None)
    if head is not None and cast.find(mention) is not None:
        return mention, cast.find(mention)  # said again: "the ministry … and called for …"
    if head is not None:
        entity = cast.described(head, at)
        if entity is not None:
            return entity.name, entity
        competing = [
            e
            for e in cast.entities
            if re.search(rf"\b{re.escape(head)}\b", f"{e.role or ''} {e.name}".lower())
        ]
        return (None, None) if competing else (mention, None)
    if " " not in mention and mention[:1].isupper():
        owner = _surname_owner(cast, mention)
        if owner:
            return owner, cast.find(owner)
        if mention.lower() in PERSON_NAME_COUNTRIES and any(
            e.person and e.first == mention for e in cast.entities
        ):
            return None, None  # "Chad Smith said … Chad said …": the man or the country, unsure
        return mention, None
    if mention.split()[0].lower() in HONORIFICS:
        # "Mrs. Clinton" is Hillary, not Bill: only a full name whose gender the text shows
        owner = _surname_owner(cast, mention.split()[-1])
        entity = cast.find(owner) if owner else None
        if entity is not None and entity.gender is not None and entity.gender == gender_of(mention):
            return entity.name, entity
    return mention, None


_DOCUMENT = lazy(
    r"(?:the|that|this|its|their|his|her)\s+(?:[\w-]+\s+)?(statement|release|communiqu[eé]|letter|post)",
    re.IGNORECASE,
)


def _around(text: str, f: Found) -> str:
    """The words of a statement's attribution: from before its speaker to where its content starts."""
    assert f.speaker is not None
    lo = min(f.speaker[0], f.cue[0] if f.cue else f.speaker[0])
    start = max(text.rfind(".", 0, lo), text.rfind("\n", 0, lo), 0)
    return (
        text[start : f.content[0]]
        if f.content[0] > lo
        else text[start:lo] + text[f.content[1] : f.content[1] + 40]
    )


def _issuer(
    text: str, found: list[Found], names: dict[int, tuple[str | None, str | None]], event: int, said: str
) -> str | None:
    """Who issued "the statement" that speaks: the last speaker before it said in one."""
    m = _DOCUMENT.fullmatch(said)
    if m is None:
        return None
    noun = m.group(1).lower()[:7]
    here = found[event].speaker
    assert here is not None
    earlier = [
        (f.speaker[0], names[j][0])
        for j, f in enumerate(found)
        if j in names
        and f.speaker
        and f.speaker[0] < here[0]
        and not f.implied
        and re.search(rf"\b(?:in|issued) an? (?:[\w-]+ )?{noun}", _around(text, f), re.IGNORECASE)
    ]
    return max(earlier)[1] if earlier and max(earlier)[1] else None


def _named_people(text: str, reported: list[Span] | None = None) -> list[tuple[int, str, str]]:
    """People the text names, with a title or honorific or by a full name alone: (offset,
    name, title; "" for none). A titled name inside a longer capitalised run ("Water Minister
    Tomas Brandt") and a lone surname opening a sentence ("Brandt nodded.") count only outside
    what someone is reported to have said."""
    toks = tokenize(text, 0, len(text))
    found = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if (t.low in TITLES or t.low in HONORIFICS) and (t.cap or (k + 1 < len(toks) and toks[k + 1].cap)):
            j = k + 1
            while (
                j < len(toks)
                and toks[j].cap
                and toks[j].word
                and (toks[j].low in TITLES or toks[j].low in ROLE_NOUNS or toks[j].low == "of")
            ):
                j += 1
            title_end = toks[j - 1].end
            if j + 2 < len(toks) and toks[j].text == "," and t.cap:
                j += 1  # "The Energy Minister, Maria Kovač, …": the name set off after the title
            name: list[Tok] = []
            while (
                j < len(toks) and toks[j].cap and toks[j].word and toks[j].low not in TITLES and len(name) < 3
            ):
                if toks[j].low in SPEAKER_NOUNS or toks[j].text.endswith(("'s", "’s")):
                    name = []
                    break
                name.append(toks[j])
                j += 1
            appositive = bool(name) and text[title_end : name[0].start].strip() == ","
            if appositive and (j >= len(toks) or toks[j].text != ","):
                name = []  # "Minister, Kovač said" is no apposition; "the Minister, Maria Kovač," is
            if name and (len(name) >= 2 or t.low in HONORIFICS):
                found.append((name[0].start, text[name[0].start : name[-1].end], text[t.start : title_end]))
            k = j
            continue
        if t.cap and t.word and (k == 0 or not toks[k - 1].cap):
            # a full name with no title ("Grace Okafor met the lawyer"): a person a later "she"
            # may mean, so a pronoun cannot reach past her to the speaker before
            run = [t]  # the whole capitalised run: a title-case headline is no name
            while (
                k + len(run) < len(toks)
                and toks[k + len(run)].cap
                and toks[k + len(run)].word
                and "\n" not in text[run[-1].end : toks[k + len(run)].start]  # "Floods\nRuiz" is two lines
            ):
                run.append(toks[k + len(run)])
            k += len(run)
            if run[0].low == "by":
                continue  # a byline names the writer, not someone the story is about
            while run and run[0].low in _NOT_NAMES:
                run = run[1:]
            name_text = text[run[0].start : run[-1].end] if run else ""
            place = k < len(toks) and toks[k].low in PLACE_NOUNS  # "the Mamaia Sat district"
            if (
                2 <= len(run) <= 3
                and not place
                and not any(w.low in _NOT_NAMES for w in run)
                and looks_like_person(name_text)
            ):
                found.append((run[0].start, name_text, ""))
            elif not run or any(a <= run[0].start < b for a, b in reported or ()):
                pass
            elif (titled := _titled_run(text, run)) is not None:
                found.append(titled)  # "Water Minister Tomas Brandt visited the dam."
            elif (subject := _lone_subject(text, toks, k - len(run), run)) is not None:
                found.append(subject)  # "Brandt nodded.": someone a later "he" may mean
            continue
        k += 1
    return found


def _titled_run(text: str, run: list[Tok]) -> tuple[int, str, str] | None:
    """ "Water Minister Tomas Brandt": a capitalised run whose title sits inside it, the name
    (two or three words, a person's) after the title."""
    if len(run) < 3 or not any(t.low in TITLES for t in run[:-2]):
        return None
    span, role = split_role(text, run)
    name = text[span[0] : span[1]]
    if role is None or not 2 <= len(name.split()) <= 3 or not looks_like_person(name):
        return None
    return span[0], name, role


# Verbs whose object is the person who then answers: "Reporters asked Brandt whether …".
_ASKING = frozenset(("asked", "pressed", "questioned"))
# Verbs a lone surname opening a sentence does ("Brandt nodded."), past tense but not a cue.
_SUBJECT_VERB = lazy(r"[a-z]{3,}ed|[a-z]+(?:ew|ook|ood|ent|ame|ave|oke|ose|ought|aught|ft|lt)")


def _lone_subject(text: str, toks: list[Tok], k: int, run: list[Tok]) -> tuple[int, str, str] | None:
    """A lone capitalised word opening a sentence as the subject of a past-tense verb ("Brandt
    nodded.", "Roth left the room."): a person of unknown gender, between a pronoun and whoever
    spoke before. Never a word the text also writes in lower case, a noun for people, a country."""
    if len(run) != 1 or k + 1 >= len(toks):
        return None
    word, verb = run[0], toks[k + 1]
    asked = k > 0 and toks[k - 1].low in _ASKING and verb.low in ("whether", "if", "about", "to")
    if k > 0 and toks[k - 1].text not in '.!?"”' and not asked:
        return None  # only a sentence's first word: mid-sentence capitals are names already counted
    low = word.low
    if (
        low in _NOT_NAMES
        or low in SPEAKER_NOUNS
        or low in TITLES
        or low in HONORIFICS
        or low.endswith(("'s", "’s"))
        or not word.text.isalpha()
        or word.text.isupper()
        or side_of(word.text) is not None
        or re.search(rf"\b{re.escape(low)}\b", text) is not None  # "Rain fell", "rain" elsewhere
        # "Patriot Coal" elsewhere is a company's name; "Tomas Brandt" a person already counted
        or re.search(rf"\b{re.escape(word.text)}\s+[A-Z]|[A-Z][\w'’-]*\s+{re.escape(word.text)}\b", text)
        or not verb.word
        or verb.cap
        or (not asked and (CUE_FORMS.get(verb.low) or not _SUBJECT_VERB.fullmatch(verb.low)))
    ):
        return None
    return word.start, word.text, ""


# Capitalised words that open a sentence or name a time, never a person's name.
_NOT_NAMES = frozenset(
    w.lower()
    for w in (
        *MONTHS,
        *"monday tuesday wednesday thursday friday saturday sunday".split(),
        *"on in at after before during when while but and or so yet if as since then the a an".split(),
        *"this that these those his her their its our my we they he she it i you".split(),
    )
)


def resolve(
    text: str, found: list[Found], sentences: list[Span], *, date: str | None = None
) -> list[Extracted]:
    """Give each statement a speaker name (or None when unsure), its date, hedge and chain."""
    cast = Cast(text=text)
    for m in _CAPITALISED.finditer(text):
        cast.named_at.setdefault(m.group(1), []).append(m.start())
    contents = [f.content for f in found]
    cast.reported = contents
    cast.sentence_starts = sorted(a for a, _ in sentences)
    cast.paragraph_starts = [a for a, _ in paragraphs(text)]
    names: dict[int, tuple[str | None, str | None]] = {}
    events: list[tuple[int, int, int | None, tuple[str, str] | None]] = []
    for index, item in enumerate(found):
        at = item.speaker[0] if item.speaker else (item.cue[0] if item.cue else item.content[0])
        events.append((at, 1, index, None))
    for at, person_name, title in _named_people(text, contents):
        if not any(f.speaker and f.speaker[0] <= at < f.speaker[1] for f in found):
            events.append((at, 0, None, (person_name, title)))
    for at, _, event, person in sorted(events, key=lambda e: (e[0], e[1])):
        if event is None:
            assert person is not None
            cast.mention(person[0], at, person[1], spoke=False)
            continue
        item = found[event]
        said = text[item.speaker[0] : item.speaker[1]] if item.speaker else None
        if item.implied:  # "claims by Polish media": named in passing, never the topic
            names[event] = (said, said)
            continue
        issuer = _issuer(text, found, names, event, said) if said else None
        if issuer is not None:  # "“…,” the statement said": whoever issued the statement
            assert said is not None
            item.via.append(said)
            names[event] = (issuer, said)
            continue
        name, entity = _name_for(cast, item, said, at, _sentence_place(text, sentences, at))
        if name and entity is None and name.lower() not in PRONOUNS:
            entity = cast.mention(name, at, item.role, spoke=True)
        elif entity is not None:
            cast.mention(entity.name, at, item.role, spoke=True)
        if entity is not None and entity.maybe_person and item.lemma in ("say", "tell", "add", "insist"):
            first = text[item.content[0] : item.content[1]].split()[:1]
            if first and first[0].lower() in ("he", "she"):
                cast.learn(entity, _GENDER[first[0].lower()])  # "Baloch said she …"
        names[event] = (name, said)
    out: list[Extracted] = []
    for index, item in enumerate(found):
        name, mention = names[index]
        sent = next((s for s in sentences if s[0] <= item.content[0] < s[1]), item.content)
        if item.cue:
            sent = next((s for s in sentences if s[0] <= item.cue[0] < s[1]), sent)
        if not item.pieces and item.kind is not Kind.DIRECT:
            item.content = _quote_closed(text, item.content)
        content = (
            item.joint.join(text[a:b] for a, b in item.pieces)
            if item.pieces
            else text[item.content[0] : item.content[1]]
        )
        when = _when(text, sent, item, contents)
        out.append(
            Extracted(
                speaker=name,
                speaker_span=item.speaker,
                cue=text[item.cue[0] : item.cue[1]] if item.cue else None,
                cue_span=item.cue,
                content=content,
                content_span=item.content,
                kind=item.kind,
                polarity=item.polarity,
                role=item.role,
                hedge=_hedge(text, sent, item, mention, _next_sentence(sentences, sent)),
                via="; ".join(_via(text, sent, item, contents)) or None,
                modality=_modality(content, item.lemma),
                said_when=when,
                said_on=said_on(when, date) if when else None,
                answers=text[item.answers[0] : item.answers[1]] if item.answers else None,
                answers_span=item.answers,
                implied=item.implied,
            )
        )
    return out
