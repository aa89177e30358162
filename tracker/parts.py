"""The parts of a claim: who acted, on whom or what, where and when — and where two differ.

Two statements that share every word but one can still contradict: "Indian drones struck
Lahore" and "Pakistani drones struck Lahore". A bag of stems cannot see that; an alignment of
the two claims can. The propositions are aligned word by word, after names that mean one
thing are made one word ("New Delhi", "Indian" → india); where the alignment replaces one
filler of a part with a different filler of the same kind (a country for a country, a group of
people for a group, a month for a month), the two sides fill that part differently and
conflict. A part only one side fills ("struck Lahore" / "struck Lahore in May") is no conflict.

Pure: strings in, values out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from tracker.lexicon import (
    ACTOR_GROUPS,
    CAPITALS,
    CONCEPT_ANTONYMS,
    GENERIC_FILLERS,
    MONTHS,
    PLACE_PREPOSITIONS,
    SLOT_FILLERS_TO_SKIP,
    WEEKDAYS,
)
from tracker.patterns import lazy
from tracker.text import STOP_WORDS, concept, concept_tokens, is_adverb
from tracker.tokenise import TEXT_CACHE

__all__ = [
    "CONFLICT_CODES",
    "PART_CODES",
    "PartConflict",
    "canonical_tokens",
    "kindred_words",
    "other_event",
    "part_conflicts",
    "proper_names",
    "title_case",
]

# The reason codes of parts filled differently, and with them every code by which the judge
# says two claims conflict in what they claim (rather than in polarity).
PART_CODES = frozenset({"agent", "patient", "place", "time"})
CONFLICT_CODES = PART_CODES | {"number", "date", "roles", "name"}


@dataclass(frozen=True)
class PartConflict:
    """One part of the claim that the two sides fill differently."""

    part: str  # "agent", "patient", "place" or "time"
    a: str  # the filler in a, as written (lower case)
    b: str

    @property
    def detail(self) -> str:
        return f"'{self.a}' in a vs '{self.b}' in b"


REFILL_FRAME = 2  # words shared around a refilled stretch of no known kind, for it to count
REFILL_WORDS = 3  # at most this many words on either side of such a stretch
FRAME_SHARE = 0.75  # of the shorter side's other words, what must match for a refilled part to count
_MONTH_CONTEXT = frozenset("in on since by until till from of early late mid last next this during".split())
_YEAR = lazy(r"^(?:1[89]\d\d|20\d\d)$")


# Levels of government, each one actor: "the province" and "the federal government" are two
# actors of one act, as two named ones are; "the government" names no level and may be either.
_LEVELS = {
    "federal": "national",
    "central": "national",
    "national": "national",
    "provincial": "region",
    "state": "region",
    "regional": "region",
    "local": "local",
    "municipal": "local",
    "city": "local",
    "county": "local",
}
_GOVERNING = frozenset(
    "government governments authorities authority administration council officials".split()
)
_LEVEL_NOUNS = {"province": "region", "provinces": "region", "municipality": "local", "council": "local"}
_UNLEVELLED = frozenset(concept(w) for w in ("government", "authorities", "administration", "officials"))


@lru_cache(maxsize=TEXT_CACHE)
def canonical_tokens(proposition: str) -> tuple[tuple[str, str], ...]:
    """The proposition's words as (canonical, as written) pairs: what text.concept_tokens makes
    of them (names that mean one thing are one word: "new delhi", "indian" and "india" are all
    india; synonyms one concept; other words their stem), months by their full name, articles
    dropped, and "may" a month only where a date can stand (after "in", "on", … or before a day)."""
    words = concept_tokens(proposition)
    out: list[tuple[str, str]] = []
    skip = -1
    for i, (canonical, word) in enumerate(words):
        if word in SLOT_FILLERS_TO_SKIP or i == skip:
            continue
        after = words[i + 1][1] if i + 1 < len(words) else ""
        if word in _LEVELS and after in _GOVERNING:
            # "the federal government", "provincial authorities": one actor, a level of government
            out.append((f"level:{_LEVELS[word]}", f"{word} {after}"))
            skip = i + 1
            continue
        if word in _LEVEL_NOUNS and after != "of":
            out.append((f"level:{_LEVEL_NOUNS[word]}", word))  # "the province", not "province of Sindh"
            continue
        if word == "may":
            before = out[-1][1] if out else ""
            after = words[i + 1][1] if i + 1 < len(words) else ""
            if before not in _MONTH_CONTEXT and not after.isdigit():
                out.append(("may#modal", word))
                continue
        out.append((MONTHS.get(word) or canonical, word))
    return tuple(out)


_WORD = lazy(r"[A-Za-z][\w'-]*")


def _title_case(words: list[re.Match[str]], capital: list[re.Match[str]]) -> bool:
    return len(capital) > 0.6 * len(words) and len(words) > 3


def title_case(text: str) -> bool:
    """Is text written as a title ("Scorpion Stings Woman On Plane"), so that its capitals do
    not tell which words are names?"""
    words = list(_WORD.finditer(text))
    return _title_case(words, [m for m in words if m.group(0)[0].isupper()])


_SENTENCE_START = lazy(r"(?:^|[.!?:;\"“‘(]\s*)$")


@lru_cache(maxsize=TEXT_CACHE)
def proper_names(text: str) -> frozenset[str]:
    """Words written with a capital where a sentence does not start (lower-cased): "Lahore",
    "Khan". Nothing when most words are capitalised, as in a title-case headline."""
    words = list(_WORD.finditer(text))
    capital = [m for m in words if m.group(0)[0].isupper()]
    if not words or _title_case(words, capital):
        return frozenset()
    names = set()
    for m in capital:
        if not _SENTENCE_START.search(text[: m.start()]):
            names.add(m.group(0).lower().replace("-", "").removesuffix("'s"))
    return frozenset(names)


_ACTOR_CONCEPTS = frozenset(concept(word) for word in ACTOR_GROUPS)
_GENERIC_CONCEPTS = frozenset(concept(word) for word in GENERIC_FILLERS)


def _kind(canonical: str, written: str, before: str | None, names: frozenset[str]) -> str | None:
    """What kind of filler a word is, when it is a kind whose fillers exclude each other."""
    if canonical in MONTHS or canonical in WEEKDAYS:
        return "time"
    if _YEAR.match(canonical):  # a year where a date can stand: "in 2019", "May 2019"
        return "time" if before in _MONTH_CONTEXT or before in MONTHS else None
    if canonical.startswith("country:"):
        return "country"
    if canonical.startswith("city:"):
        return "name"
    if canonical in _ACTOR_CONCEPTS or canonical.startswith(("group:", "level:")):
        return "group"
    if written in names:
        return "name"
    return None


def _content(canonical: str, written: str) -> bool:
    """A word that can fill a part of a claim: not a stop word, a number (the judge compares
    numbers itself), a modal or a loose description ("people", "forces")."""
    return (
        written not in STOP_WORDS
        and canonical != "may#modal"
        and not any(ch.isdigit() for ch in written)
        and canonical not in _GENERIC_CONCEPTS
        and len(written) > 2
    )


def _as_place(canonical: list[str], written: tuple[tuple[str, str], ...], i: int) -> str:
    """A capital after "in", "at", … is the city, not the government it stands for elsewhere."""
    word = written[i][1].replace(" ", "")
    if word in CAPITALS and i > 0 and canonical[i - 1] in PLACE_PREPOSITIONS:
        return f"city:{word}"
    return canonical[i]


def _spelled_alike(x: str, y: str) -> bool:
    from rapidfuzz.distance import OSA

    if any(ch.isdigit() for ch in x + y):
        return x == y  # 2014 and 2004 are two years
    # one letter for a short word or another first letter ("Gaddafi" / "Qaddafi"), two for a
    # longer one ("Kobane" / "Kobani"): "Rwanda" / "Uganda" are two countries
    return OSA.distance(x, y) <= (1 if min(len(x), len(y)) <= 5 or x[0] != y[0] else 2)


# Past tenses that do not end in -ed and are seldom anything else (not "cut", "set", "left",
# "found", "shot", which are as often nouns or present tenses): what news says was done.
_IRREGULAR_PAST = frozenset(
    """arose ate became began bent bled blew broke brought built bought caught chose clung came
    crept dealt did dove drank drew drove dug fell felt fled flew fought forbade forgave froze gave
    got grew hid held hung kept knew lent lost made meant met paid ran rang rode rose sang sank
    sat said sent shook shrank slid slew sold sought spent spoke sprang stole stood struck stuck
    swore swept swung swam took taught tore told thought threw understood undertook upheld withdrew
    won wore wove wrote""".split()
)


def _past_verb(word: str) -> bool:
    """Is a word, as written, a verb in the past tense ("fired", "shrank")? Two claims that
    differ only in one word past their first, one of them a past tense, say two acts of one
    subject on one object, or one act in two words ("fired" / "launched" a missile; "refused"
    / "did not grant" bail): not one part filled by two fillers. Antonyms are judged apart."""
    return word in _IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed"))


_DETERMINER = r"(?:the|this|that|these|those|a|an|its|his|her|their|our|my|your)"


_DESCRIBING = lazy(r"\b(?:the|this|that)\s+")
_DETERMINED = lazy(rf"\b{_DETERMINER}\s+")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


def _after(determiners: re.Pattern[str], text: str, word: str) -> bool:
    """Does word stand whole right after one of the determiners (with the whitespace after it)?
    That is re.search(determiners.pattern + re.escape(word) + r"\b", text), without a pattern
    compiled for each word: the judge asks it of words no other pair has, and compiling them
    cost more than the rest of part_conflicts (and pushed the re module's cached patterns out)."""
    if not word or word[0].isspace():  # \s+ could leave a space to the word: search as written
        return re.search(determiners.pattern + re.escape(word) + r"\b", text) is not None
    for found in determiners.finditer(text):
        end = found.end() + len(word)
        # \b after the word: a word character on one side of `end` only
        if text.startswith(word, found.end()) and (
            (end < len(text) and _is_word(text[end])) != _is_word(text[end - 1])
        ):
            return True
    return False


def _describes(a: str, x: str, names_a: frozenset[str], b: str, y: str, names_y: frozenset[str]) -> bool:
    """Does one side describe ("the town") what the other names ("Kessel", a proper name or
    the bare word that opens its claim)? Then the two may be one thing, not two fillers."""

    def described(text: str, word: str) -> bool:
        return _after(_DESCRIBING, text, word)

    def named(text: str, word: str, names: frozenset[str]) -> bool:
        bare = not _after(_DETERMINED, text, word)
        return bare and (word in names or text.startswith(f"{word} "))

    return (described(a, x) and named(b, y, names_y)) or (described(b, y) and named(a, x, names_a))


def _part(kind: str, before: str | None, position: int) -> str:
    if kind == "time":
        return "time"
    if before == "by":
        return "agent"  # a passive's by-phrase names who acted
    if before in PLACE_PREPOSITIONS:
        return "place"
    return "agent" if position == 0 else "patient"


def part_conflicts(
    a: str, b: str, names_a: frozenset[str] = frozenset(), names_b: frozenset[str] = frozenset()
) -> tuple[PartConflict, ...]:
    """The parts that propositions a and b fill with different fillers of the same kind.

    names_a and names_b are the proper names of each side's original text (proper_names()):
    two different names in one part ("struck Lahore" / "struck Karachi") conflict too. Only
    one-word-for-one-word replacements between aligned stretches count: a longer rewording is
    a paraphrase (or another claim), which the similarity judges, not this.
    """
    xa, xb = canonical_tokens(a), canonical_tokens(b)
    ca, cb = [c for c, _ in xa], [c for c, _ in xb]
    if not ca or not cb:
        return ()
    opcodes = SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes()
    changed = [op for op in opcodes if op[0] != "equal"]
    found: list[PartConflict] = []
    seen_a = set(ca)
    seen_b = set(cb)
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "replace":
            continue
        # The filler must sit in a shared frame: what stands on each side of it is the same on
        # both sides (or one side ends there), else the stretch is reworded, not refilled.
        left = n == 0 or opcodes[n - 1][0] == "equal"
        right = n == len(opcodes) - 1 or opcodes[n + 1][0] == "equal" or i2 == len(ca) or j2 == len(cb)
        if not (left and right):
            continue
        before = ca[i1 - 1] if i1 > 0 else None
        if i2 - i1 == 1 and j2 - j1 == 1:
            x, y = _as_place(ca, xa, i1), _as_place(cb, xb, j1)
            wx, wy = xa[i1][1], xb[j1][1]
            if x == y or frozenset((x, y)) in CONCEPT_ANTONYMS:
                continue  # antonyms are judged apart
            if wx in names_a and wy in names_b and _spelled_alike(wx, wy):
                continue  # "Kobane" / "Kobani": one name spelled two ways
            if x in seen_b or y in seen_a:
                continue  # both sides name both: a reordering (roles), not another filler
            if {x, y} & _UNLEVELLED and (x.startswith("level:") or y.startswith("level:")):
                continue  # "the government" / "the federal government": one may be the other
            kind = _kind(x, wx, before, names_a)
            if kind is not None and _kind(y, wy, cb[j1 - 1] if j1 > 0 else None, names_b) == kind:
                found.append(PartConflict(_part(kind, before, i1), wx, wy))
                continue
        # Words of no known kind: a part refilled only where it is all that differs, every
        # word of it a content word, in a frame of at least REFILL_FRAME words ("the governor"
        # / "the government has the final say"; "former president" / "former police chief").
        if (
            len(changed) == 1
            and (i2 - i1 == j2 - j1 <= REFILL_WORDS)  # one word for two is more often a detail added
            # "the town" may be the one "Kessel" names: a description of a name is no other filler
            and not (i2 - i1 == 1 and _describes(a, xa[i1][1], names_a, b, xb[j1][1], names_b))
            # a past tense refilled is an act, not a filler ("fired" / "launched" a missile)
            and not (i2 - i1 == 1 and i1 > 0 and (_past_verb(xa[i1][1]) or _past_verb(xb[j1][1])))
            and not any(len(w) == len(v) and _spelled_alike(w, v) for _, w in xa[i1:i2] for _, v in xb[j1:j2])
            and len(ca) - (i2 - i1) >= REFILL_FRAME
            and all(_content(c, w) for c, w in xa[i1:i2] + xb[j1:j2])
            and not {c for c, _ in xa[i1:i2]} & {c for c, _ in xb[j1:j2]}
            and not any(frozenset((c, d)) in CONCEPT_ANTONYMS for c, _ in xa[i1:i2] for d, _ in xb[j1:j2])
        ):
            written_a = " ".join(w for _, w in xa[i1:i2])
            written_b = " ".join(w for _, w in xb[j1:j2])
            found.append(PartConflict(_part("other", before, i1), written_a, written_b))
    if found:
        # The rest of the claim must be the same claim: most of what is not refilled matches.
        matched = sum(i2 - i1 for op, i1, i2, _, _ in opcodes if op == "equal")
        if matched < FRAME_SHARE * (min(len(ca), len(cb)) - len(found)):
            return ()
    return tuple(found)


KINDRED_PREFIX = 5  # letters two words of one root share at least
KINDRED_SHARE = 0.6  # and at least this share of the shorter word


def _kindred(x: str, y: str) -> bool:
    """Two words of one root that are not one word: "police" / "policy", "minister" /
    "ministry", "community" / "communication" (their stems differ, their openings agree)."""
    common = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        common += 1
    return common >= KINDRED_PREFIX and common >= KINDRED_SHARE * min(len(x), len(y))


def kindred_words(a: str, b: str) -> tuple[str, str] | None:
    """The one word by which propositions a and b differ, when it is a word of one root written
    two ways that name two things ("the police" / "the policy", "minister" / "ministry"): a
    spelling check would take one for a typo of the other (part_conflicts leaves such pairs
    alone), yet they are two things. None otherwise."""
    xa, xb = canonical_tokens(a), canonical_tokens(b)
    ca, cb = [c for c, _ in xa], [c for c, _ in xb]
    changed = [op for op in SequenceMatcher(None, ca, cb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(changed) != 1 or len(ca) < 3:
        return None
    op, i1, i2, j1, j2 = changed[0]
    if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
        return None
    x, y = xa[i1][1], xb[j1][1]
    if x in STOP_WORDS or y in STOP_WORDS or any(ch.isdigit() for ch in x + y) or len(x) != len(y):
        return None  # words of two lengths are two fillers (part_conflicts judges those)
    if not _kindred(x, y) or not _spelled_alike(x, y):
        return None
    return x, y


# ---------------------------------------------------------------- one setting, two events

EVENT_WORDS = 4  # at least this many words of what is done, on the two sides together
EVENT_SIDE = 2  # and on each side: one word ("landed", "launch") is as often a paraphrase


def _setting(canonical: str, written: str, names: frozenset[str]) -> bool:
    """A word that says who, where or when rather than what was done: a country or group, a
    proper name, a month, day or year, a number."""
    return (
        ":" in canonical
        or written in names
        or canonical in MONTHS
        or canonical in WEEKDAYS
        or any(ch.isdigit() for ch in written)
    )


# Verbs that frame the act rather than name it: "is going to acquire", "plans to sell".
_FRAME_VERBS = frozenset("going trying try tries tried plan plans planned want wants wanted set".split())


def _said(proposition: str) -> list[tuple[str, str]]:
    """The informative words of a proposition as (canonical, as written), in order."""
    return [
        (c, w)
        for c, w in canonical_tokens(proposition)
        if w not in STOP_WORDS
        and w not in PLACE_PREPOSITIONS
        and w not in _FRAME_VERBS
        and c != "may#modal"
        and len(w) > 1
        and not is_adverb(w)
    ]


def other_event(
    a: str, b: str, names_a: frozenset[str] = frozenset(), names_b: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """What each side says was done, when propositions a and b share only who did it, where
    and when: "India struck Lahore" / "India's cricket team won in Lahore" (("struck", "cricket
    team won")). The words both sides open with are their subject; past it, neither side's
    predicate shares a word with the other's but names, places, times and numbers. Two
    statements about one actor in one place that say different things happened are two
    claims, not one claim agreed with. None when the sides share more, or say too little.

    names_a and names_b are the proper names of each side's text (proper_names()); a side
    written as a title (title_case()) names none, so the caller leaves it alone."""
    xa, xb = _said(a), _said(b)
    names = names_a | names_b
    lead = 0
    while lead < min(len(xa), len(xb)) and xa[lead][0] == xb[lead][0]:
        lead += 1
    if lead == 0:
        return None
    rest_a = [(c, w) for c, w in xa[lead:] if not _setting(c, w, names)]
    rest_b = [(c, w) for c, w in xb[lead:] if not _setting(c, w, names)]
    if min(len(rest_a), len(rest_b)) < EVENT_SIDE or len(rest_a) + len(rest_b) < EVENT_WORDS:
        return None
    if {c for c, _ in rest_a} & {c for c, _ in xb} or {c for c, _ in rest_b} & {c for c, _ in xa}:
        return None
    return " ".join(w for _, w in rest_a), " ".join(w for _, w in rest_b)
