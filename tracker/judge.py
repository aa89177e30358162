"""Judging two statements: similarity, polarity, numbers, dates and antonyms → relation + reasons."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from tracker.lexicon import (
    ACTOR_GROUPS,
    CONCEPT_ANTONYMS,
    CONVERSE_CONCEPTS,
    IDENTIFIER_NOUNS,
    NEGATIVE_CONCEPTS,
    RECIPROCAL_ACTS,
    SYMMETRIC_ACTS,
)
from tracker.model import Judgement, Modality, Polarity, Reason, Relation
from tracker.parts import part_conflicts, proper_names
from tracker.text import (
    STOP_WORDS,
    Analysis,
    Cue,
    analyse_full,
    concept,
    concept_tokens,
    concepts,
    cue_density,
    informative_words,
    sentences,
    stem,
    tokens,
)

__all__ = [
    "AGREE_THRESHOLD",
    "CONTAINMENT_WEIGHT",
    "DICE_WEIGHT",
    "ENGINE_VERSION",
    "FULL_DICE",
    "RELATED_THRESHOLD",
    "TEXT_SIDE_FACTOR",
    "TOKEN_SET_WEIGHT",
    "TOKEN_SORT_WEIGHT",
    "active",
    "is_passage",
    "length_damping",
    "relate",
    "similarity",
    "stem_list",
    "stem_weight",
]

ENGINE_VERSION = "relate-4"
RELATED_THRESHOLD = 25.0  # below this similarity two statements are unrelated
AGREE_THRESHOLD = 25.0  # an unhedged pair this similar, with nothing in conflict, is said to agree
# Below this weighted Dice of the stems, the whole score shrinks in proportion: edit distance
# only adds to what shared informative words establish (a pair sharing "obama" and a few
# letter runs scored 47 before). The linker derives its candidate bounds from this.
FULL_DICE = 0.5
# The shares of similarity's four terms (they sum to 1), and what the whole texts count for
# against the propositions: the linker's candidate bounds and pre-filter are computed from these.
DICE_WEIGHT = 0.45  # weighted Dice of the two stem sets
CONTAINMENT_WEIGHT = 0.25  # the shared stem weight, as a share of the lighter side's
TOKEN_SET_WEIGHT = 0.15  # rapidfuzz token_set_ratio of the sorted stem sets
TOKEN_SORT_WEIGHT = 0.15  # rapidfuzz token_sort_ratio of the stems in order
TEXT_SIDE_FACTOR = 0.9  # the normalised texts' similarity counts this much of the propositions'

# ---------------------------------------------------------------- similarity


def stem_list(text: str) -> tuple[str, ...]:
    """The concepts (stems, synonyms and entity aliases made one) of text's informative
    words, in order: what similarity compares (text.concepts)."""
    return concepts(text)


def stem_weight(term: str) -> float:
    """How much sharing this stem says two texts are about the same thing."""
    # Numbers and long words are rarer in news, so they say more about what a text is about.
    if term.isdigit():
        return 1.6
    # an entity ("country:india") weighs as its name does
    return 0.6 + min(len(term) - term.find(":") - 1, 8) * 0.12


def _overlap(sa: frozenset[str], sb: frozenset[str]) -> tuple[float, float]:
    """Weighted Dice and containment (of the smaller side) of two stem sets, 0-1."""
    if not sa or not sb:
        return 0.0, 0.0
    shared = sum(stem_weight(t) for t in sa & sb)
    wa = sum(stem_weight(t) for t in sa)
    wb = sum(stem_weight(t) for t in sb)
    return 2 * shared / (wa + wb), shared / min(wa, wb)


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """0-100 similarity of two statements' wording, combining word overlap and edit distance.

    Texts sharing little of their informative words' weight (Dice below FULL_DICE) are damped
    in proportion, so that character-level likeness cannot make up for missing content; short
    texts and texts of very different lengths are damped too.
    """
    la, lb = stem_list(a), stem_list(b)
    sa, sb = frozenset(la), frozenset(lb)
    if not sa or not sb:
        return 0.0
    dice, contain = _overlap(sa, sb)
    ja, jb = " ".join(sorted(sa)), " ".join(sorted(sb))
    fuzzy = fuzz.token_set_ratio(ja, jb) / 100
    sort = fuzz.token_sort_ratio(" ".join(la), " ".join(lb)) / 100
    score = (
        DICE_WEIGHT * dice
        + CONTAINMENT_WEIGHT * contain
        + TOKEN_SET_WEIGHT * fuzzy
        + TOKEN_SORT_WEIGHT * sort
    ) * min(1.0, dice / FULL_DICE)
    score *= length_damping(len(sa), len(sb))
    return round(100 * min(1.0, score), 1)


ONE_WORD_DAMPING = 0.6  # a side of one informative word matches too easily ("obama")


def length_damping(na: int, nb: int) -> float:
    """What similarity keeps (0-1) of two sides of na and nb distinct concepts: a side of one
    word, and sides of very different lengths, match too easily. The linker's pre-filter
    applies the same factor."""
    small = min(na, nb)
    damping = ONE_WORD_DAMPING if small == 1 else 1.0
    ratio = max(na, nb) / small
    if ratio > 3:
        damping *= max(0.6, 1 - 0.05 * (ratio - 3))
    return damping


# ---------------------------------------------------------------- numbers, dates, times

_APPROX_LOW = r"at least|more than|over|upwards of|in excess of|no fewer than|no less than|above|beyond"
_APPROX_HIGH = r"up to|fewer than|less than|under|below|at most|no more than|nearly|almost"
_APPROX_NEAR = r"about|around|some|approximately|roughly|an estimated|estimated|close to|circa|approx"
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_QUANTITY = re.compile(
    rf"(?:\b(?P<approx>{_APPROX_LOW}|{_APPROX_HIGH}|{_APPROX_NEAR})\s+)?"
    r"(?<![\d:.])(?P<value>\d+(?:\.\d+)?)(?:\s*(?:to|-|or)\s*(?P<upper>\d+(?:\.\d+)?))?(?!\s*(?:am|pm|a\.m|p\.m|:\d))"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion))?"
    r"(?P<percent>\s*%|\s*(?:percent|per cent))?(?P<rest>(?:[\s-]+[a-z][a-z']*){0,3})"
)
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<m{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    r"\b(?:" + _MONTH.format(n=1) + r"\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|(?<![\d.])(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(n=2) + r"\b)"
)
_YEAR = re.compile(r"\b(?:in|since|of|by|during|from)\s+(19[5-9]\d|20[0-4]\d)\b")
_ZONES = {
    "ist": 330,
    "india time": 330,
    "indian time": 330,
    "indian standard time": 330,
    "india standard time": 330,
    "pkt": 300,
    "pakistan time": 300,
    "pakistan standard time": 300,
    "pst": -480,
    "pdt": -420,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "et": -300,
    "pt": -480,
    "gmt": 0,
    "utc": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "jst": 540,
    "aest": 600,
    "gst": 240,
    "ast": 180,
}
_TIME = re.compile(
    r"\b(?P<h>\d{1,2})(?::(?P<min>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"(?:\s*\(?(?P<zone>" + "|".join(sorted((re.escape(z) for z in _ZONES), key=len, reverse=True)) + r")\b)?"
)
_NUMBER_STOP = STOP_WORDS | {"of", "per", "cent", "percent", "year", "years", "old", "times", "time"}


@dataclass(frozen=True)
class _Quantity:
    low: float
    high: float
    nouns: frozenset[str]
    text: str
    span: tuple[int, int]
    act: str | None = None  # what the count is of: "killed 40 people" (kill), "displaced 200,000"


def _interval(value: float, approx: str | None) -> tuple[float, float]:
    if approx is None:
        # A round figure is often a rounding of a precise one: "2,000 tip" for "2,084 tip".
        if value >= 100 and value % 10 ** int(math.log10(value) - 0.0001) == 0:
            return value * 0.88, value * 1.12
        return value, value
    if re.fullmatch(_APPROX_LOW, approx):
        return value, math.inf
    if re.fullmatch(_APPROX_HIGH, approx):
        return 0.0, value
    return value * 0.8, value * 1.2


@lru_cache(maxsize=32768)
def _quantities(norm: str) -> tuple[_Quantity, ...]:
    found = []
    for m in _QUANTITY.finditer(norm):
        value = float(m.group("value"))
        if m.group("scale"):
            value *= _SCALES[m.group("scale")]
        if _named_by_number(norm, m.start("value")):
            continue  # "route 9": a name, not a count
        raw = re.findall(r"[a-z][a-z']*", m.group("rest"))
        if m.group("percent"):
            nouns = frozenset({"percent"})  # "turnout was 82 percent": a share of what the claim names
        else:
            if not raw or raw[0] in STOP_WORDS or (1900 <= value <= 2049 and not m.group("scale")):
                continue  # a year, or a bare amount: nothing says what is counted
            words = [w for w in raw if w not in _NUMBER_STOP]
            nouns = frozenset(stem(w) for w in words[:2] if w not in _MONTH_NAMES)
            if not nouns:
                continue
        low, high = _interval(value, m.group("approx"))
        if m.group("upper"):
            high = max(high, float(m.group("upper")) * (_SCALES[m.group("scale")] if m.group("scale") else 1))
        before = re.findall(r"[a-z][a-z']*", norm[max(0, m.start() - 30) : m.start()])[-1:]
        act = concept(before[0]) if before and before[0] not in STOP_WORDS else None
        found.append(_Quantity(low, high, nouns, m.group(0).strip(), m.span(), act))
    return tuple(found)


_NAMING_NUMBER = re.compile(r"\b([a-z]+)\s+(\d+[a-z]?)\b")


def _named_by_number(norm: str, position: int) -> bool:
    before = norm[max(0, position - 24) : position].split()
    return bool(before) and before[-1] in IDENTIFIER_NOUNS


@lru_cache(maxsize=32768)
def _identifiers(norm: str) -> dict[str, str]:
    """Things a number names, noun → number: {"route": "9"} for "route 9 is closed"."""
    return {m.group(1): m.group(2) for m in _NAMING_NUMBER.finditer(norm) if m.group(1) in IDENTIFIER_NOUNS}


def _other_names(a: Analysis, b: Analysis) -> Reason | None:
    """ "Route 9" in one, "Route 4" in the other: two things, whatever else the two share."""
    ia, ib = _identifiers(a.proposition), _identifiers(b.proposition)
    for noun in sorted(ia.keys() & ib.keys()):
        if ia[noun] != ib[noun]:
            return Reason("name", f"'{noun} {ia[noun]}' in a vs '{noun} {ib[noun]}' in b")
    return None


_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _month(name: str) -> int:
    return _MONTHS[name[:3]]


@lru_cache(maxsize=32768)
def _dates(norm: str) -> tuple[tuple[int, int, tuple[int, int]], ...]:
    out = []
    for m in _DATE.finditer(norm):
        month = m.group("m1") or m.group("m2")
        day = int(m.group("d1") or m.group("d2"))
        if month == "may" and m.group("d2") is None and not re.search(r"\bmay\s+\d", m.group(0)):
            continue
        if 1 <= day <= 31:
            out.append((_month(month), day, m.span()))
    return tuple(out)


@lru_cache(maxsize=32768)
def _times(norm: str) -> tuple[tuple[int, bool, str, tuple[int, int]], ...]:
    out = []
    for m in _TIME.finditer(norm):
        hour, minute = int(m.group("h")), int(m.group("min") or 0)
        if hour > 12 or minute > 59:
            continue
        pm = m.group("ampm").startswith("p")
        minutes = (hour % 12 + (12 if pm else 0)) * 60 + minute
        zone = m.group("zone")
        if zone:
            minutes = (minutes - _ZONES[zone]) % 1440
        out.append((minutes, zone is not None, m.group(0), m.span()))
    return tuple(out)


def _other_counts(a: Analysis, b: Analysis) -> Reason | None:
    """ "Killed 40 people" / "displaced 200,000 people": counts of two acts in one event, two
    aspects of it rather than one claim (unless a also has b's count: "… and injured 300")."""
    qa, qb = _quantities(a.proposition), _quantities(b.proposition)
    for x in qa:
        for y in qb:
            number = re.search(r"\d+(?:\.\d+)?", y.text)
            if (
                x.act
                and y.act
                and x.act != y.act
                and (x.nouns <= y.nouns or y.nouns <= x.nouns)
                and not (
                    number and re.search(rf"(?<![\d.]){re.escape(number.group(0))}(?![\d.])", a.proposition)
                )
            ):
                return Reason("aspect", f"'{x.text}' in a and '{y.text}' in b count different things")
    return None


def _number_conflicts(a: Analysis, b: Analysis) -> list[Reason]:
    reasons: list[Reason] = []
    qa, qb = _quantities(a.proposition), _quantities(b.proposition)
    for x in qa:
        # The same thing counted: one side's nouns all appear on the other ("six indian jets", "3 jets").
        # Counts of two acts ("killed 40", "displaced 200,000 people") are two counts.
        same = [
            y
            for y in qb
            if (x.nouns <= y.nouns or y.nouns <= x.nouns)
            and (x.act is None or y.act is None or x.act == y.act)
        ]
        if same and all(y.high < x.low or x.high < y.low for y in same):
            y = same[0]
            reasons.append(
                Reason(
                    "number",
                    f"'{x.text}' in a vs '{y.text}' in b",
                    None,
                    (a.prop_offset + x.span[0], a.prop_offset + x.span[1]),
                )
            )
            break
    da, db = _dates(a.proposition), _dates(b.proposition)
    # other days of one month conflict; other months are often other events
    if (
        da
        and db
        and not {d[:2] for d in da} & {d[:2] for d in db}
        and {d[0] for d in da} & {d[0] for d in db}
    ):
        reasons.append(
            Reason("date", f"{da[0][0]:02d}-{da[0][1]:02d} in a vs {db[0][0]:02d}-{db[0][1]:02d} in b")
        )
    ta, tb = _times(a.proposition), _times(b.proposition)
    if ta and tb:
        comparable = [(p, q) for p in ta for q in tb if p[1] == q[1]]
        if comparable and not any(abs(p[0] - q[0]) <= 5 for p, q in comparable):
            p, q = comparable[0]
            reasons.append(Reason("time", f"'{p[2]}' in a vs '{q[2]}' in b"))
    return reasons


# ---------------------------------------------------------------- antonyms

_ANTONYM_PAIRS = """
escalat:deescal confirm:deny confirm:denie confirm:refut accept:reject approv:reject
approv:veto alive:dead alive:die alive:died alive:killed surviv:die surviv:died surviv:killed
won:lost win:lose win:lost won:lose victor:defeat increas:decreas increas:cut rise:fall
rose:fell rais:lower rais:cut gain:loss profit:loss open:close open:shut guilt:innoc
convict:acquit legal:illegal true:false real:fake genuin:fake authen:fake support:oppos
allow:ban allow:forbid allow:prohib permit:ban lift:impos includ:exclud hire:fire hire:sack
join:leave join:quit enter:exit arriv:depart present:absent success:failur succeed:fail
pass:fail male:female boy:girl husban:wife agre:disagr like:dislik possib:imposs abl:unabl
honest:dishon safe:danger peace:war victor:loss ally:enemy friend:enemy friend:foe
admit:deny admit:denie start:end start:stop begin:end resum:suspen resum:halt launch:cancel
held:cancel hold:cancel found:missing found:lost captur:escape arrest:releas detain:releas
free:detain free:captiv freed:held up:down higher:lower more:fewer more:less above:below
earli:later before:after first:last mostly:rarely always:never everyone:nobody all:none
inno:guilt legit:fake confirmed:unconfirmed verifi:unverifi proven:unprove certain:uncertain
likely:unlikely withdr:deploy withdr:advanc retreat:advanc ceasefi:offens resign:appoint
elect:defeat marri:divorc pregna:miscar born:died birth:death wear:remov buy:sell bought:sold
import:export north:south east:west
"""
_ANTONYMS: dict[str, frozenset[str]] = {}
for _pair in _ANTONYM_PAIRS.split():
    _x, _y = _pair.split(":")
    _ANTONYMS[_x] = _ANTONYMS.get(_x, frozenset()) | {_y}
    _ANTONYMS[_y] = _ANTONYMS.get(_y, frozenset()) | {_x}
_INFLECTIONS = frozenset(["", "s", "es", "d", "ed", "ing", "ning", "ned", "n", "ly", "er", "est"])
_NEG_PREFIX = re.compile(r"^(?:un|non|de|dis|il|ir|im|in)(?=[a-z]{4})")
_PREFIX_SAFE = frozenset("un non de".split())  # "in"/"im"/"dis" make too many unrelated words


def _stem_forms(text: str) -> dict[str, str]:
    """Antonym keys (word prefixes) present in text, mapped to the word that carries them."""
    out: dict[str, str] = {}
    for word in tokens(text):
        for size in (7, 6, 5, 4, 3, 2):
            key = word[:size]
            if (
                key in _ANTONYMS
                and key not in out
                and (len(word) - size <= 4 if size >= 5 else word[size:] in _INFLECTIONS)
            ):
                out[key] = word
    return out


def _concept_opposites(a: Analysis, b: Analysis, pairs: frozenset[frozenset[str]]) -> tuple[str, str] | None:
    """A concept only a has and one only b has that say opposite things: ("increase", "decrease")."""
    ca, cb = frozenset(concepts(a.proposition)), frozenset(concepts(b.proposition))
    for x in sorted(ca - cb):
        for y in sorted(cb - ca):
            if frozenset((x, y)) in pairs:
                return x, y
    return None


def _antonym(a: Analysis, b: Analysis) -> Reason | None:
    opposite = _concept_opposites(a, b, CONCEPT_ANTONYMS)
    if opposite:
        return Reason("antonym", f"'{opposite[0]}' in a vs '{opposite[1]}' in b")
    converse = _concept_opposites(a, b, CONVERSE_CONCEPTS)
    if converse:
        return Reason("converse", f"'{converse[0]}' in a vs '{converse[1]}' in b")
    fa, fb = _stem_forms(a.proposition), _stem_forms(b.proposition)
    for key, word in fa.items():
        for other in _ANTONYMS[key]:
            if other in fb and other not in fa and key not in fb:
                return Reason("antonym", f"'{word}' in a vs '{fb[other]}' in b")
    wa, wb = set(tokens(a.proposition)), set(tokens(b.proposition))
    for word in wa - wb:
        m = _NEG_PREFIX.match(word)
        if m and m.group(0) in _PREFIX_SAFE and word[m.end() :] in wb - wa:
            return Reason("antonym", f"'{word}' in a vs '{word[m.end() :]}' in b")
    for word in wb - wa:
        m = _NEG_PREFIX.match(word)
        if m and m.group(0) in _PREFIX_SAFE and word[m.end() :] in wa - wb:
            return Reason("antonym", f"'{word[m.end() :]}' in a vs '{word}' in b")
    return None


_PASSIVE = re.compile(
    r"^(?P<patient>.+?)\s+(?:(?:was|were|is|are|has been|have been|had been|been|being|got|get|gets)\s+"
    r"(?P<verb>[a-z]+(?:\s+[a-z]+){0,3}?)|(?P<bare>[a-z]+(?:ed|en)))\s+by\s+(?P<agent>.+?)(?P<rest>(?:,|\s+(?:and|which|who|in|on|at|after|before|during|as)\s).*)?$"
)


@lru_cache(maxsize=32768)
def active(proposition: str) -> str:
    """A passive claim in the active voice, for comparing who did what to whom: "the dam was
    blown up by russian forces" → "russian forces blown up the dam" (concepts make "blown"
    "blew"). Anything else is returned as it is."""
    m = _PASSIVE.match(proposition)
    if not m or len(m.group("agent").split()) > 6:
        return proposition
    verb = m.group("verb") or m.group("bare")
    return f"{m.group('agent')} {verb} {m.group('patient')}{m.group('rest') or ''}"


def _players(words: tuple[str, ...], names: frozenset[str]) -> list[str]:
    """The parties a claim names, in order: proper names, countries, groups of people, and
    whatever goes "from" one "to" another."""
    out: list[str] = []
    for i, word in enumerate(words):
        after_preposition = i > 0 and words[i - 1] in _FRAME_ONLY and word not in _FRAME_ONLY
        if (word in names or ":" in word or word in _ACTORS or after_preposition) and word not in out:
            out.append(word)
    return out


def _shared_players(a: Analysis, b: Analysis, names: frozenset[str]) -> int:
    named = frozenset(concept(n) for n in names)
    ra = _players(_frame(active(a.proposition)), named)
    rb = _players(_frame(active(b.proposition)), named)
    return len(set(ra) & set(rb))


def _roles_swapped(a: Analysis, b: Analysis, names: frozenset[str]) -> Reason | None:
    """ "Tata Steel took over Corus" vs "Corus took over Tata Steel": one set of words, the
    parties in the other order (after a passive is made active: "Corus was taken over by Tata
    Steel" is no swap)."""
    ta, tb = _frame(active(a.proposition)), _frame(active(b.proposition))
    ca, cb = tuple(w for w in ta if w not in _FRAME_ONLY), tuple(w for w in tb if w not in _FRAME_ONLY)
    if len(ca) < 3 or len(cb) < 3 or _overlap(frozenset(ca), frozenset(cb))[0] < ROLE_OVERLAP:
        return None
    named = frozenset(concept(n) for n in names)
    ra, rb = _players(ta, named), _players(tb, named)
    pa, pb = [w for w in ra if w in rb], [w for w in rb if w in ra]
    if len(pa) < 2 or pa == pb:
        sides = _sides_swapped(ca, cb)  # "X took over Y" / "Y took over X", whoever X and Y are
        if sides is None:
            return None
        x, y = sides
    else:
        x, y = next((x, y) for x, y in zip(pa, pb, strict=True) if x != y)
        # a party acts on the other: what stands between them (the act, "from … to") is shared
        if not _between(ta, x, y) & _between(tb, x, y):
            return None
    if frozenset(ca) & SYMMETRIC_CONCEPTS:
        return None
    if frozenset(ca) & RECIPROCAL_CONCEPTS:
        return Reason("reciprocal", f"'{_shown(x)}' and '{_shown(y)}' each accuse the other")
    return Reason("roles", f"'{_shown(x)}' and '{_shown(y)}' swap roles")


_FRAME_ONLY = frozenset("to from by".split())
ROLE_OVERLAP = 0.8  # headlines that share less reorder their words freely: no swap is read into them


@lru_cache(maxsize=32768)
def _frame(proposition: str) -> tuple[str, ...]:
    """The proposition's concepts with the prepositions that say who gives and who gets, and
    each converse act ("lend" / "borrow") under one name."""
    tokens_ = [c for c, w in concept_tokens(proposition) if w in _FRAME_ONLY or w not in STOP_WORDS]
    return tuple(_CONVERSE_KEY.get(w, w) for w in tokens_ if len(w) > 1 or w.isdigit())


_CONVERSE_KEY = {word: "~".join(sorted(pair)) for pair in CONVERSE_CONCEPTS for word in pair}


def _sides_swapped(ca: tuple[str, ...], cb: tuple[str, ...]) -> tuple[str, str] | None:
    """The first words of what stands before and after the act when a's are b's the other way
    round: "tata steel took corus" / "corus took tata steel" gives ("tata", "corus")."""
    for i in range(1, len(ca) - 1):
        for size in range(1, len(ca) - i):
            act = ca[i : i + size]
            before_a, after_a = ca[:i], ca[i + size :]
            if cb == after_a + act + before_a:
                return before_a[0], after_a[0]
    return None


def _between(words: tuple[str, ...], x: str, y: str) -> frozenset[str]:
    i, j = sorted((words.index(x), words.index(y)))
    return frozenset(words[i + 1 : j]) - {x, y}


def _shown(term: str) -> str:
    return term.split(":", 1)[-1]


_ACTORS = frozenset(concept(w) for w in ACTOR_GROUPS)
RECIPROCAL_CONCEPTS = frozenset(concept(w) for w in RECIPROCAL_ACTS)
SYMMETRIC_CONCEPTS = frozenset(concept(w) for w in SYMMETRIC_ACTS)


# ---------------------------------------------------------------- judging


_CLAUSE_STOP = re.compile(
    r"[,;:.?!\"(]|\s-\s|\b(?:and|but|if|because|while|when|after|before|as|so|who|which)\b"
)


def _aligned(negated: Analysis, other: Analysis) -> bool:
    """Does a plain negation bear on words the other side asserts?

    "Four reasons not to give up hope if Apple buys Path" negates hope, not the purchase.
    Denial verbs and labels always bear on the claim they wrap.
    """
    if any(cue.kind != "negation" for cue in negated.cues):
        return True
    theirs = frozenset(stem_list(other.proposition))
    norm = negated.norm
    for cue in negated.cues:
        left = norm[: cue.span[0]]
        stops = list(_CLAUSE_STOP.finditer(left))
        before = left[stops[-1].end() :] if stops else left
        after_text = norm[cue.span[1] :]
        stop = _CLAUSE_STOP.search(after_text)
        after = after_text[: stop.start()] if stop else after_text
        if _JUDGES_THE_WHOLE.match(after):
            return True  # "update: not true" says the whole report is false
        # "no soldiers were killed" denies soldiers, not the killing: it bears on the other side
        # only if that side names them
        window = stem_list(after)[:1] if cue.text == "no" else stem_list(before)[-3:] + stem_list(after)[:6]
        if theirs & frozenset(window):
            return True
    return False


_JUDGES_THE_WHOLE = re.compile(r"\s*(?:true|real|correct|accurate|the case)\b")
_LABEL_NOUN = re.compile(
    r"\b(?:hoax(?:es)?|fake[sd]?|fabricat\w+|false|bogus|myths?|pranks?|spoofs?|scams?|satire|libel)\b"
)
_LABEL_UNDONE = re.compile(r"(?:\bno|\bnot|\bnot a|\bnot an|n't a|n't an)\s+(?:\w+\s+)?$")
_DEATH = frozenset("dead death deaths died dies die dying".split())


def _content_stem(word: str) -> str:
    return "die" if word in _DEATH else stem(word)


def _label_on_claim(xa: Analysis, xb: Analysis) -> Reason | None:
    """A falsity label that modifies the claim's own words: "another death hoax" for "X is dead".

    analyse() only trusts predicative labels ("is a hoax"); as a modifier a label says what
    is false, so it denies the claim when it modifies a word of the claim.
    """
    theirs = frozenset(_content_stem(w) for w in informative_words(xa.proposition))
    norm = xb.norm
    for m in _LABEL_NOUN.finditer(norm):
        left = norm[max(0, m.start() - 30) : m.start()]
        if _LABEL_UNDONE.search(left) or _in_question_text(norm, m.start()):
            continue
        before = re.findall(r"[a-z0-9']+", left)[-1:]
        if before and before[0].endswith("'s"):
            continue  # "the actor's fake account": the label is the account's, not the actor's
        if before and before[0] not in STOP_WORDS and _content_stem(before[0]) in theirs:
            return Reason("denial", f"'{before[0]} {m.group(0)}' in b", "b", m.span())
    return None


def _in_question_text(norm: str, position: int) -> bool:
    end = re.search(r"[.!?]", norm[position:])
    return bool(end and end.group(0) == "?")


def _polarity_reason(side: str, analysis: Analysis) -> Reason:
    cue = analysis.cues[0]
    code = "negation" if cue.kind == "negation" else "denial"
    return Reason(code, f"'{cue.text}' in {side}", side, cue.span)


def _hedge_gap(xa: Analysis, xb: Analysis) -> list[Reason]:
    """Hedges (or question / conditional modality) that one side has and the other lacks.

    A side hedged in any way ("may have", "allegedly", "believed to") only reports what a firm
    side asserts or denies; two hedged sides report one claim alike ("could" / "may"). Of a's
    hedges only its attribution's and the tentative ones count: relate(a, b) asks how b stands
    to a's claim, and a claim may name what it is about ("video shows", "claim").
    """
    ha = tuple(h for h in xa.hedges if _outside(h, xa) or _TENTATIVE.fullmatch(h.text))
    hb = xb.hedges
    if ha and hb:
        return []
    reasons = []
    for side, hedges, analysis, other in (("a", ha, xa, xb), ("b", hb, xb, xa)):
        if hedges:
            reasons.append(Reason("hedge", f"'{hedges[0].text}' in {side}", side, hedges[0].span))
        elif analysis.modality in _UNASSERTED and other.modality not in _UNASSERTED:
            reasons.append(Reason("modality", f"{analysis.modality.value} in {side}", side))
    return reasons


# Hedges by which a side says a thing may have happened, not that it is said to have: such a
# report stands beside a denial as well as beside a firm claim ("reportedly captured Goma" /
# "did not capture Goma"). "Claims", "reports", "rumours" are what denials deny.
_TENTATIVE = re.compile(
    r"may|might|could|may have|might have|could have|possibly|probably|likely|perhaps|maybe"
    r"|reportedly|allegedly|apparently|purportedly|supposedly|presumably|believed to|thought to"
    r"|suspected|suspects?|appears? to|seems? to|not sure|unconfirmed|unverified|suggests?|suggested"
    r"|rumou?red|exit polls?"
)


def _hedged_claim_denied(hedges: list[Reason], xa: Analysis, xb: Analysis) -> bool:
    """A tentative report against a firm denial: "reportedly captured Goma" / "did not capture
    Goma" (a denial that is itself hedged, "likely a hoax", still leans against the claim)."""
    for reason in hedges:
        mine, other = (xa, xb) if reason.side == "a" else (xb, xa)
        tentative = reason.code == "modality" or any(_TENTATIVE.fullmatch(h.text) for h in mine.hedges)
        if tentative and mine.polarity is Polarity.AFFIRM and other.polarity is Polarity.DENY:
            return True
    return False


_UNASSERTED = (Modality.QUESTION, Modality.CONDITIONAL)


def _outside(cue: Cue, analysis: Analysis) -> bool:
    """Is a hedge in the attribution around a's claim rather than inside the claim itself?

    relate(a, b) asks how b stands to a's claim: a claim that is itself tentative ("X could
    be traded") is simply the claim; only b's hedging, or a's attribution, withholds support.
    """
    start = cue.span[0]
    return start < analysis.prop_offset or start >= analysis.prop_offset + len(analysis.proposition)


def _negative_act(a: Analysis, b: Analysis) -> Reason | None:
    """A side that says an act was refused, ruled out or abandoned ("refused bail", "ruled out
    scrapping") says what a negation says; counted only where the other side lacks it."""
    ca, cb = frozenset(concepts(a.proposition)), frozenset(concepts(b.proposition))
    for side, mine, theirs, analysis in (("a", ca, cb, a), ("b", cb, ca, b)):
        if analysis.polarity is Polarity.DENY:
            continue  # "refused to join": the negation already says it
        for word in sorted((mine - theirs) & NEGATIVE_CONCEPTS):
            return Reason("negation", f"'{word}' in {side}", side)
    return None


def _judge_short(a: str, b: str, threshold: float) -> Judgement:
    xa, xb = analyse_full(a), analyse_full(b)
    score = round(
        max(similarity(xa.proposition, xb.proposition), similarity(xa.norm, xb.norm) * TEXT_SIDE_FACTOR), 1
    )
    sim_reason = Reason("similarity", f"{score:.0f}/100")
    if score < threshold:
        return Judgement(Relation.UNRELATED, score, (sim_reason,))

    conflicts: list[Reason] = []
    flips = 0
    off_claim: Reason | None = None  # a negation about something the other side does not claim
    if xa.polarity != xb.polarity:
        side, analysis, other = ("a", xa, xb) if xa.cues else ("b", xb, xa)
        if _aligned(analysis, other):
            flips += 1
            conflicts.append(_polarity_reason(side, analysis))
        else:
            off_claim = _polarity_reason(side, analysis)
    elif xb.polarity is Polarity.AFFIRM:
        label = _label_on_claim(xa, xb)
        if label:
            flips += 1
            conflicts.append(label)
    antonym = _antonym(xa, xb)
    names = proper_names(a) | proper_names(b)
    if antonym and antonym.code == "converse" and _shared_players(xa, xb, names) < 2:
        antonym = None  # "gave a man 100" / "the man received 100": one event, told from each side
    if antonym:
        flips += 1
        conflicts.append(antonym)
    else:
        refusal = _negative_act(xa, xb)
        if refusal:
            flips += 1
            conflicts.append(refusal)
    numeric = _number_conflicts(xa, xb)
    roles = _roles_swapped(xa, xb, names) if not numeric else None
    if roles and roles.code == "reciprocal":
        return Judgement(Relation.RELATED, score, (roles, sim_reason))
    if roles:
        flips += 1
        conflicts.append(roles)
    if numeric:
        conflicts.extend(numeric)

    named = _other_names(xa, xb) or (None if numeric else _other_counts(xa, xb))
    if named:
        # About another thing of the same kind: neither agreeing nor contradicting.
        return Judgement(Relation.RELATED, score, (named, sim_reason))
    hedges = _hedge_gap(xa, xb)
    if hedges and (flips % 2 == 0 or _hedged_claim_denied(hedges, xa, xb)):
        # One side only reports, asks or supposes what the other asserts or denies.
        return Judgement(Relation.RELATED, score, (*hedges, *conflicts, sim_reason))
    if off_claim and score >= AGREE_THRESHOLD:
        # "No soldiers were killed" / "Four civilians were killed": the denial is of another thing
        return Judgement(Relation.RELATED, score, (off_claim, *conflicts, sim_reason))
    found = part_conflicts(active(xa.proposition), active(xb.proposition), proper_names(a), proper_names(b))
    # a refilled word that is also an antonym is the antonym's flip, not another filler
    shown = {
        w for r in conflicts if r.code in ("antonym", "converse") for w in re.findall(r"'([^']+)'", r.detail)
    }
    parts = tuple(Reason(p.part, p.detail) for p in found if not {p.a, p.b} & shown)
    if parts and not roles:
        # One part filled differently: the same claim about another actor, target, place or
        # time. Both asserting it, they conflict; one denying it, they need not.
        if flips % 2 == 0:
            return Judgement(Relation.CONTRADICTS, score, (*parts, *conflicts, sim_reason))
        return Judgement(Relation.RELATED, score, (*parts, *conflicts, sim_reason))
    if flips % 2 == 1 or numeric:
        return Judgement(Relation.CONTRADICTS, score, (*conflicts, sim_reason))
    if flips:
        # Two flips cancel: "X did not win" against "X lost" says the same thing.
        return Judgement(Relation.AGREES, score, (*conflicts, sim_reason))
    if score >= AGREE_THRESHOLD or threshold <= 0:
        return Judgement(Relation.AGREES, score, (sim_reason,))
    return Judgement(Relation.RELATED, score, (sim_reason,))


LONG_WORDS = 60  # a text of more words than this (and more than two sentences) is a passage


def is_passage(text: str) -> bool:
    """Is text a passage, judged by its sentences closest to the claim rather than as a whole?"""
    return len(tokens(text)) > LONG_WORDS and len(sentences(text)) > 2


def _best_sentences(a: str, passage: str, k: int = 3) -> list[tuple[float, str]]:
    """The k sentences of passage that share the most informative words with a."""
    target = frozenset(stem_list(a))
    scored = []
    for position, sentence in enumerate(sentences(passage)):
        words = frozenset(stem_list(sentence))
        if not words:
            continue
        shared = sum(stem_weight(t) for t in target & words)
        # The opening of a news body restates the headline's claim most often.
        scored.append((shared * (1.15 if position < 3 else 1.0), sentence))
    scored.sort(key=lambda item: -item[0])
    return scored[:k]


PASSAGE_REFUTE = 0.35  # refuting words per 100 words above which a passage disputes a claim
PASSAGE_HEDGE = 1.2  # hedging words per 100 words above which a passage only reports a claim


def _judge_passage(a: str, b: str, threshold: float) -> Judgement:
    target = frozenset(stem_list(a))
    body = frozenset(stem_list(b))
    if not target:
        return Judgement(Relation.UNRELATED, 0.0, (Reason("similarity", "0/100"),))
    cover = sum(stem_weight(t) for t in target & body) / sum(stem_weight(t) for t in target)
    best = _best_sentences(a, b)
    judged = [_judge_short(a, sentence, 0.0) for _, sentence in best]
    top = max((j.score for j in judged), default=0.0)
    score = round(min(100.0, 0.6 * 100 * cover + 0.4 * top), 1)
    sim_reason = Reason("similarity", f"{score:.0f}/100 (passage)")
    if score < threshold:
        return Judgement(Relation.UNRELATED, score, (sim_reason,))
    claim = analyse_full(a)
    refute, hedge = cue_density(b)
    density = Reason("passage", f"{refute:.1f} refuting and {hedge:.1f} hedging words per 100", "b")
    cue_reasons = tuple(r for j in judged for r in j.reasons if r.code in ("denial", "negation"))[:1]
    if claim.hedges or claim.modality is Modality.QUESTION:
        # A hedged claim can only be reported on, whatever the passage says.
        return Judgement(
            Relation.RELATED, score, (Reason("hedge", f"'{claim.hedge or '?'}' in a", "a"), sim_reason)
        )
    if refute >= PASSAGE_REFUTE:
        relation = Relation.AGREES if claim.polarity is Polarity.DENY else Relation.CONTRADICTS
        return Judgement(relation, score, (*cue_reasons, density, sim_reason))
    lead = [
        j
        for j in judged[:1]
        if j.relation is Relation.CONTRADICTS and any(r.code == "denial" for r in j.reasons)
    ]
    if lead:
        return Judgement(Relation.CONTRADICTS, score, (*lead[0].reasons[:1], density, sim_reason))
    if hedge <= PASSAGE_HEDGE:
        return Judgement(Relation.AGREES, score, (density, sim_reason))
    return Judgement(Relation.RELATED, score, (density, sim_reason))


def relate(a: str, b: str, *, related_threshold: float | None = None) -> Judgement:
    """Judge how statement b stands to statement a: agrees, contradicts, related or unrelated.

    b may be a whole passage (an article body); then the few sentences most related to a
    decide. related_threshold (0-100) overrides RELATED_THRESHOLD; 0 treats every pair as
    being about the same thing (a stance task).
    """
    threshold = RELATED_THRESHOLD if related_threshold is None else related_threshold
    if is_passage(b):
        return _judge_passage(a, b, threshold)
    return _judge_short(a, b, threshold)
