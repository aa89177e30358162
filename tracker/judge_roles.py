"""Antonyms, acts and roles: words that say opposite things ("won" / "lost"), converse acts
("lend" / "borrow"), the passive made active, and parties that swap roles ("X took over Y" /
"Y took over X").

Part of judging (tracker.judge).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from tracker.judge_similarity import _overlap
from tracker.lexicon import (
    ACTOR_GROUPS,
    CONCEPT_ANTONYMS,
    CONVERSE_CONCEPTS,
    RECIPROCAL_ACTS,
    SLOT_FILLERS_TO_SKIP,
    SYMMETRIC_ACTS,
)
from tracker.model import Reason
from tracker.patterns import lazy
from tracker.text import STOP_WORDS, Analysis, concept, concept_tokens, concepts, tokens
from tracker.tokenise import TEXT_CACHE

__all__ = ["RECIPROCAL_CONCEPTS", "ROLE_OVERLAP", "SYMMETRIC_CONCEPTS", "active", "unknown_parties"]


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
import:export north:south east:west work:fail function:fail sign:veto attend:skip attend:boycott
resign:stay resign:remain accept:declin approv:block collaps:succeed captur:lost captur:lose
grant:refus grant:deni reopen:close reopen:shut expand:shrink prais:critici
strength:weaken improv:worsen boost:cut intact:breach intact:collaps intact:destroy intact:damag
undamag:destroy undamag:collaps held:breach held:burst won:conced win:conced victor:conced
"""
_ANTONYMS: dict[str, frozenset[str]] = {}
for _pair in _ANTONYM_PAIRS.split():
    _x, _y = _pair.split(":")
    _ANTONYMS[_x] = _ANTONYMS.get(_x, frozenset()) | {_y}
    _ANTONYMS[_y] = _ANTONYMS.get(_y, frozenset()) | {_x}
_INFLECTIONS = frozenset(["", "s", "es", "d", "ed", "ing", "ning", "ned", "n", "ly", "er", "est"])
_NEG_PREFIX = lazy(r"^(?:un|non|de|dis|il|ir|im|in)(?=[a-z]{4})")
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
    # in the order of the words (and of the antonyms' keys), not of a set: the reason names
    # one antonym, the same one whatever PYTHONHASHSEED is
    for key, word in fa.items():
        for other in sorted(_ANTONYMS[key]):
            if other in fb and other not in fa and key not in fb:
                return Reason("antonym", f"'{word}' in a vs '{fb[other]}' in b")
    ta, tb = tokens(a.proposition), tokens(b.proposition)
    wa, wb = frozenset(ta), frozenset(tb)
    for word in dict.fromkeys(ta):
        m = _NEG_PREFIX.match(word)
        if word not in wb and m and m.group(0) in _PREFIX_SAFE and word[m.end() :] in wb - wa:
            return Reason("antonym", f"'{word}' in a vs '{word[m.end() :]}' in b")
    for word in dict.fromkeys(tb):
        m = _NEG_PREFIX.match(word)
        if word not in wa and m and m.group(0) in _PREFIX_SAFE and word[m.end() :] in wa - wb:
            return Reason("antonym", f"'{word[m.end() :]}' in a vs '{word}' in b")
    return None


# ---------------------------------------------------------------- persons

# Pronouns of the first and second person: who they mean depends on who speaks and to whom,
# so that "your government attacked us" and "we attacked your government", said by two
# speakers, may name one party or two.
_FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
_SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
_LOWER_US = lazy(r"\bus\b")  # "us", not "US": normalising lowers the United States too


def _persons(proposition: str, text: str) -> tuple[str, ...]:
    """The first- and second-person pronouns of a claim, in order."""
    lower_us = bool(_LOWER_US.search(text))
    return tuple(
        w
        for w in tokens(proposition)
        if w in _SECOND_PERSON or (w in _FIRST_PERSON and (w != "us" or lower_us))
    )


def unknown_parties(a: Analysis, b: Analysis, text_a: str, text_b: str) -> Reason | None:
    """Two claims that both name parties by person, by the first and the second ("your
    government", "us"), in other places: who "you" and "we" are depends on each speaker, so
    neither a swap of roles nor one party can be read into them. The same persons in the same
    places ("your army shelled our villages", twice) are compared as any words are."""
    wa, wb = _persons(a.proposition, text_a), _persons(b.proposition, text_b)
    # the persons in order, a run of one person as one ("you want to lose your files")
    pa, pb = ([k for k, _ in groupby(w in _SECOND_PERSON for w in words)] for words in (wa, wb))
    if not pa or not pb or pa == pb or {True, False} - set(pa + pb):
        return None  # a second person beside no first ("deletes your files") is no party
    side, word = next((s, w) for s, words in (("a", wa), ("b", wb)) for w in words if w in _SECOND_PERSON)
    return Reason("persons", f"'{word}' in {side}: whom a second person means depends on who speaks", side)


_PASSIVE = lazy(
    r"^(?P<patient>.+?)\s+(?:(?:was|were|is|are|has been|have been|had been|been|being|got|get|gets)\s+"
    r"(?P<verb>[a-z]+(?:\s+[a-z]+){0,3}?)|(?P<bare>[a-z]+(?:ed|en)))\s+by\s+(?![\d$£€])(?P<agent>.+?)(?P<rest>(?:,|\s+(?:and|which|who|in|on|at|after|before|during|as)\s).*)?$"
)


@lru_cache(maxsize=TEXT_CACHE)
def active(proposition: str) -> str:
    """A passive claim in the active voice, for comparing who did what to whom: "the dam was
    blown up by russian forces" → "russian forces blown up the dam" (concepts make "blown"
    "blew"). "By" before a number or a sum gives a measure, not who acted ("declined by 1.9
    percent"). Anything else is returned as it is."""
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
    if _agentless_passive(a.proposition) or _agentless_passive(b.proposition):
        return None  # "only children were enrolled in the trial": its subject is acted on
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
    settings = [frozenset(t for t in (x, y) if _in_a_setting(p.proposition, t)) for p in (a, b)]
    # "india attacked militants in pakistan" / "pakistan attacked … in india": each party acts
    # in one claim and is the place in the other, which is a swap too
    place_swapped = len(settings[0]) == len(settings[1]) == 1 and settings[0] | settings[1] == {x, y}
    if (settings[0] or settings[1]) and not place_swapped:
        return None  # "floods killed 30 people" / "30 people died in the floods": no object
    if frozenset(ca) & SYMMETRIC_CONCEPTS:
        return None
    if frozenset(ca) & RECIPROCAL_CONCEPTS:
        return Reason("reciprocal", f"'{_shown(x)}' and '{_shown(y)}' each accuse the other")
    return Reason("roles", f"'{_shown(x)}' and '{_shown(y)}' swap roles")


# where, why or when something happened (not "over", "into": "took over Corus" has an object)
_SETTING_PREPOSITIONS = frozenset("in at near inside outside within around amid during after before".split())


def _in_a_setting(proposition: str, term: str) -> bool:
    """Does a party stand only after a preposition of place, cause or time ("died in the
    floods"), where it is where or why something happened, not who did it or to whom?"""
    tokens_ = [(c, w) for c, w in concept_tokens(active(proposition)) if w not in SLOT_FILLERS_TO_SKIP]
    places = [i for i, (c, _) in enumerate(tokens_) if c == term]
    return bool(places) and all(i > 0 and tokens_[i - 1][1] in _SETTING_PREPOSITIONS for i in places)


_AGENTLESS = lazy(
    r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b"
    # a headline drops the auxiliary: "leader killed in us strike", "minister arrested at airport"
    r"|\b[a-z]{3,}(?:ed|en)\s+(?:in|at|near|during|after)\b"
)


def _agentless_passive(proposition: str) -> bool:
    """A passive that names no one who acted ("were enrolled in the trial"): the parties of
    such a claim stand in another order than an active claim's without swapping roles."""
    return bool(_AGENTLESS.search(proposition)) and " by " not in proposition


_FRAME_ONLY = frozenset("to from by".split())
ROLE_OVERLAP = 0.8  # headlines that share less reorder their words freely: no swap is read into them


@lru_cache(maxsize=TEXT_CACHE)
def _frame(proposition: str) -> tuple[str, ...]:
    """The proposition's concepts with the prepositions that say who gives and who gets, and
    each converse act ("lend" / "borrow") under one name."""
    tokens_ = [c for c, w in concept_tokens(proposition) if w in _FRAME_ONLY or w not in STOP_WORDS]
    return tuple(_CONVERSE_KEY.get(w, w) for w in tokens_ if len(w) > 1 or w.isdigit())


_CONVERSE_KEY = {
    word: "~".join(sorted(pair)) for pair in sorted(CONVERSE_CONCEPTS, key=sorted) for word in pair
}


def _sides_swapped(ca: tuple[str, ...], cb: tuple[str, ...]) -> tuple[str, str] | None:
    """The first words of what stands before and after the act when a's are b's the other way
    round: "tata steel took corus" / "corus took tata steel" gives ("tata", "corus"). What
    both end with ("… in jenin") is where or when, and stays out of the comparison."""
    tail = 0
    while tail < min(len(ca), len(cb)) - 3 and ca[-1 - tail] == cb[-1 - tail]:
        tail += 1
    if tail:
        ca, cb = ca[:-tail], cb[:-tail]
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
