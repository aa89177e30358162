"""Phrases around a cue: the cue's lemma, speaker noun phrases, subjects, clauses, hedges, roles."""

from __future__ import annotations

import re

from tracker.extract.cues import (
    ADVERBS,
    ANONYMITY,
    CAPITAL_STOPS,
    CLAUSE_VERBS,
    CUE_FORMS,
    DETERMINERS,
    EVIDENCE_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    INSERTION_OPENERS,
    NON_CLAUSE_OPENERS,
    NP_STOPS,
    PARTICIPLES,
    PARTICLE_CUES,
    PLACE_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEAKER_END_ADVERBS,
    SPEAKER_MODIFIERS,
    SPEAKER_NOUNS,
    TITLE_SMALL,
    TITLES,
)
from tracker.extract.spans import Tok
from tracker.extract.times import is_time_phrase
from tracker.lexicon import HEDGES_IN_ATTRIBUTION, OUTLET_NAME_WORDS
from tracker.model import Span


def cue_lemma(tokens: list[Tok], i: int) -> tuple[str, int] | None:
    """The cue lemma at token i and the index of its last token, or None."""
    low = tokens[i].low
    if tokens[i].cap and low != "according":
        return None  # "State" in "the US State Department" is a name, not a cue
    if low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
        return "according to", i + 1
    if low in ("point", "points", "pointed") and i + 1 < len(tokens) and tokens[i + 1].low == "out":
        return "point out", i + 1
    particle = call_particle(tokens, i) or particle_cue(tokens, i)
    if particle:
        return particle
    lemma = CUE_FORMS.get(low)
    if lemma and lemma != "point out":
        return lemma, i
    return None


def call_particle(tokens: list[Tok], i: int) -> tuple[str, int] | None:
    """ "called on X to …" and "called for …" are cues of their own (not "called on Monday")."""
    if tokens[i].low not in ("call", "calls", "called", "calling") or i + 2 >= len(tokens):
        return None
    nxt, after = tokens[i + 1].low, tokens[i + 2]
    if (
        nxt in ("on", "upon")
        and not is_time_phrase(f"on {after.text}")
        and any(t.low == "to" for t in tokens[i + 3 : i + 10])  # "called on India to …"
    ):
        return "call on", i + 1
    if nxt == "for" and after.word:
        return "call for", i + 1
    return None


def particle_cue(tokens: list[Tok], i: int) -> tuple[str, int] | None:
    """ "spoke of …", "talked about …", "commented on …", "railed against …": a verb and its
    particle report what was said about something (never "on Monday": that is when)."""
    if i + 2 >= len(tokens):
        return None
    at = i + 1
    if tokens[at].low.endswith("ly") and len(tokens[at].low) > 4 and i + 3 < len(tokens):
        at += 1  # "spoke emotionally of …"
    lemma = PARTICLE_CUES.get((tokens[i].low, tokens[at].low))
    if lemma is None or not tokens[at + 1].word or is_time_phrase(f"{tokens[at].text} {tokens[at + 1].text}"):
        return None
    return lemma, at


# "officials in Arland said": the people are the speaker, the place after the preposition is not.
_PEOPLE_AT = frozenset(("at", "from", "in"))


def _people(tok: Tok) -> bool:
    """A noun for people that a place can follow: "officials", "steelmakers" (a plural), or
    an occupation: "a worker at the plant" is the worker, never the plant."""
    low = tok.low
    if low in SPEAKER_NOUNS or low in GROUP_NOUNS or low in ROLE_NOUNS:
        return True
    if low.endswith("s") and (low[:-1] in ROLE_NOUNS or low[:-1] in TITLES):
        return True  # a plural of an occupation or a title: "auditors in Tallinn"
    return (
        low.endswith(("ers", "ists", "ians", "ants", "ents", "men"))
        and low.isalpha()
        and low not in NP_STOPS
        and low not in CUE_FORMS
    )


def _people_at(toks: list[Tok], k: int) -> bool:
    """Whether token k is the "at" of "engineers at the site", "a worker at the plant"."""
    return toks[k].low in _PEOPLE_AT and k > 0 and _people(toks[k - 1])


def _is_np_start(tok: Tok, nxt: Tok | None) -> bool:
    low = tok.low
    if low in DETERMINERS or low in PRONOUNS or low in HONORIFICS:
        return True
    if tok.cap and low not in CAPITAL_STOPS:
        return True
    if low.isdigit():
        return True
    if (
        low in SPEAKER_MODIFIERS
        and nxt is not None
        and (nxt.low in SPEAKER_NOUNS or nxt.low in SPEAKER_MODIFIERS)
    ):
        return True  # "local officials said", "senior police officials said"
    # Bare plural or mass nouns can open a speaker phrase: "sources said", "chairman of X".
    return (low in SPEAKER_NOUNS or low in TITLES) and (
        nxt is None or not nxt.word or nxt.low in SPEAKER_NOUNS or nxt.low in ("of", "for", "at") or nxt.cap
    )


def _is_head(tok: Tok) -> bool:
    low = tok.low
    if low in PRONOUNS:
        return True
    if low in SPEAKER_NOUNS or low.rstrip("s") in SPEAKER_NOUNS or low in TITLES or is_evidence(tok):
        return True  # a person, or a record that shows something: "polling averages show"
    return tok.cap and low not in CAPITAL_STOPS and low not in DETERMINERS


def time_tail(toks: list[Tok], j: int) -> int:
    """Index where a time phrase ending just before token j starts ("on Monday"), or j."""
    for n in range(min(6, j), 0, -1):
        if toks[j - n].word and is_time_phrase(" ".join(t.text for t in toks[j - n : j])):
            return j - n
    return j


def _place_tail(toks: list[Tok]) -> bool:
    """ "officials in Valmora province": a place named by a name and a lowercase place noun."""
    return (
        len(toks) >= 4
        and toks[-1].low in PLACE_NOUNS
        and toks[-2].cap
        and any(t.low in _PEOPLE_AT for t in toks[1:-2])
    )


def _people_at_place(toks: list[Tok]) -> bool:
    """ "inspectors at the port", "auditors in Tallinn": people, headed by their noun, then where
    they are (a determined phrase or a name), which is never the speaker on its own."""
    for k in range(1, len(toks) - 1):
        if _people_at(toks, k) and all(t.word for t in toks[:k]):
            after = toks[k + 1]
            return after.low in DETERMINERS or after.cap
    return False


def _name_period(toks: list[Tok], k: int) -> bool:
    """Whether the period at k belongs to a name: "John G. Roberts Jr. spoke"."""
    if toks[k].text != "." or k == 0:
        return False
    before = toks[k - 1]
    return before.low in ("jr", "sr") or (len(before.text) == 1 and before.text.isupper())


# Endings of lowercase nouns for people ("a local resident", "defence analyst"): before a name only.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "eer", "ee", "ive", "ary")


def _role_word(tok: Tok) -> bool:
    """A word naming what someone is, that can title a name right after it."""
    low = tok.low
    if low in TITLES or low in SPEAKER_NOUNS or low in ROLE_NOUNS:
        return True
    return not tok.cap and low.isalpha() and len(low) > 3 and low.endswith(_PERSON_ENDINGS)


def descriptor_name(toks: list[Tok]) -> int | None:
    """Where the name starts in "chief engineer Farah Naz": a lowercase title before a name.

    The title is up to three lowercase words ending in a word for a person; the name is up to
    four capitalised words (initials with their stops), the first not a sentence word.
    """
    k = 0
    while k < len(toks) and not toks[k].cap and toks[k].word:
        low = toks[k].low
        if (
            low in NP_STOPS
            or low in DETERMINERS
            or low in PRONOUNS
            or low in ADVERBS
            or CUE_FORMS.get(low)
            or low in PARTICIPLES
            or not low.replace("-", "").isalpha()
        ):
            return None
        k += 1
    if not 1 <= k <= 3 or not _role_word(toks[k - 1]):
        return None
    name = toks[k:]
    words_in_name = [t for t in name if t.word]
    if not 1 <= len(words_in_name) <= 4 or name[0].low in CAPITAL_STOPS:
        return None
    if not all((t.word and t.cap) or _name_period(toks, k + m) for m, t in enumerate(name)):
        return None
    return k


def _np_ok(toks: list[Tok]) -> bool:
    """Whether tokens form a plausible speaker phrase."""
    if not toks or len(toks) > 10:
        return False
    if descriptor_name(toks) is not None:
        return True  # "senior engineer Farah Naz": the lowercase title heads the name
    if is_time_phrase(" ".join(t.text for t in toks)):
        return False  # "Monday" in "the Foreign Office on Monday rejected" is when, not who
    if len(toks) > 1 and _name_period(toks, len(toks) - 1):
        return toks[-2].cap and _np_ok(toks[:-1])  # "John G. Roberts Jr." ends with its period
    if not _is_head(toks[-1]) and not _place_tail(toks) and not _people_at_place(toks):
        # Any noun can head a determined phrase right before a cue: "the announcer said".
        head = toks[-1].low
        determined = toks[0].low in DETERMINERS or (toks[0].cap and toks[0].low.endswith(("'s", "’s")))
        if not (
            determined
            and len(toks) > 1
            and head.isalpha()
            and not head.endswith("ly")
            and head not in NP_STOPS
            and head not in ADVERBS
            and head not in DETERMINERS
            and head not in CUE_FORMS
        ):
            return False
    if not _is_np_start(toks[0], toks[1] if len(toks) > 1 else None):
        return False
    if any(t.low in NP_STOPS and t.low != "and" and not _people_at(toks, k) for k, t in enumerate(toks)):
        return False
    if any(not t.word and t.text not in "&-'’." for t in toks):
        return False
    if toks[0].low in PRONOUNS and len(toks) > 1:
        return False
    lower_run = 0
    for k, t in enumerate(toks):  # long lowercase runs are clauses, not names
        if _people_at(toks, k):
            lower_run = 0  # "a worker at the plant": where the person works is a phrase of its own
            continue
        lower_run = lower_run + 1 if (not t.cap and t.low not in SPEAKER_NOUNS) else 0
        if lower_run > 3:
            return False
    return True


def np_left(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before token index end: (first, last+1) or None."""
    found = _np_left(toks, end, skip_time=True) or _np_left(toks, end, skip_time=False)
    if found is not None:
        return _relative_subject(toks, found)
    return _anonymous_left(toks, end)


def _relative_subject(toks: list[Tok], found: tuple[int, int]) -> tuple[int, int] | None:
    """ "An official who visited the dam said": the phrase before the cue is the relative
    clause's object; who speaks is the phrase "who" stands for (None when there is none)."""
    for m in range(found[0] - 1, max(-1, found[0] - 9), -1):
        t = toks[m]
        if m == found[0] - 1 and t.low == "who":
            return found  # "the man who Trump said …": Trump is the relative clause's subject
        if _reduced_relative(toks, m):
            outer = _np_left(toks, m, skip_time=False)
            return outer if outer is not None and outer[1] == m else found
        if t.low in ("that", "which") and _relative_pronoun(toks, m):
            outer = _np_left(toks, m, skip_time=False)
            return outer if outer is not None and outer[1] == m else found
        if not t.word or t.low in ("that", "which", "whom") or CUE_FORMS.get(t.low):
            return found
        if t.low == "who":
            if m == 0 or toks[m - 1].text == ",":
                return found  # "…, who met Trump, said" sets its clause off: the appositive's
            outer = _np_left(toks, m, skip_time=False)
            return outer if outer is not None and outer[1] == m else None
    return found


# -ing words that are prepositions, not a participle after a noun: "including", "during".
_ING_PREPOSITIONS = frozenset(
    (
        "according",
        "concerning",
        "considering",
        "during",
        "following",
        "including",
        "regarding",
        "notwithstanding",
    )
)


def _reduced_relative(toks: list[Tok], m: int) -> bool:
    """Whether token m is the participle of "the union representing the crew": a lowercase
    -ing word right after a noun, its object being the phrase a cue follows."""
    t = toks[m]
    return (
        m > 0
        and not t.cap
        and t.low.endswith("ing")
        and len(t.low) > 5
        and t.low not in _ING_PREPOSITIONS
        and not CUE_FORMS.get(t.low)
        and toks[m - 1].word
        and toks[m - 1].low not in NP_STOPS
        and toks[m - 1].low not in DETERMINERS
        and not CUE_FORMS.get(toks[m - 1].low)
    )


def _relative_pronoun(toks: list[Tok], m: int) -> bool:
    """Whether "that"/"which" at m opens a relative clause on the noun before it ("the ferry that
    sank on Lake Titicaca"), not a clause a cue or a name reports ("told reporters that the
    minister …"): a noun no cue governs before it, a verb after it."""
    if m == 0 or m + 1 >= len(toks):
        return False
    before, after = toks[m - 1], toks[m + 1]
    if (
        not before.word
        or before.low in NP_STOPS
        or any(CUE_FORMS.get(t.low) for t in toks[max(0, m - 3) : m])
    ):
        return False
    return (
        after.word
        and not after.cap
        and after.low.isalpha()
        and after.low not in DETERMINERS
        and after.low not in PRONOUNS
        and after.low not in NP_STOPS
        and not (_people(after) and not _takes_object(toks, m + 2))
    )


def _takes_object(toks: list[Tok], k: int) -> bool:
    """Whether token k opens an object: "represents the families" is a verb, "officials said" a subject."""
    return k < len(toks) and (toks[k].low in DETERMINERS or toks[k].low in PRONOUNS or toks[k].cap)


# What sets off an anonymous source before its cue: "who spoke", "speaking", "talking".
_ANONYMITY_OPENERS = frozenset(("who", "speaking", "talking"))


def _anonymous_left(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """ "An official who spoke on condition of anonymity said": the phrase before the clause
    that says why the source is not named (kept as the hedge, never the speaker or content)."""
    for m in range(end - 1, max(0, end - 16), -1):
        if not toks[m].word:
            return None
        if toks[m].low in _ANONYMITY_OPENERS:
            if not ANONYMITY.search(" ".join(t.text for t in toks[m:end])):
                return None
            found = _np_left(toks, m, skip_time=False)
            return found if found is not None and found[1] == m else None
    return None


def _before_cue_adverb(tok: Tok) -> bool:
    """An adverb between a speaker and its cue; a capitalised "First" is a name's ("America First")."""
    return tok.low in ADVERBS or (tok.low in SPEAKER_END_ADVERBS and not tok.cap)


def _np_left(toks: list[Tok], end: int, *, skip_time: bool) -> tuple[int, int] | None:
    j = end
    while True:
        before = j
        if skip_time:
            j = time_tail(toks, j)
        while j > 0 and _before_cue_adverb(toks[j - 1]):
            j -= 1
        if j == before:
            break
    if j == 0:
        return None
    if toks[j - 1].text == ",":
        return _appositive(toks, j - 1)
    if toks[j - 1].low in ("who", "which", "that") and j >= 2:
        # "a letter from his doctor that says …": the relative pronoun stands for the phrase before it;
        # "Trump, who said …" / "the European Union, which contended …" set it off with a comma.
        end = j - 2 if toks[j - 2].text == "," and toks[j - 1].low in ("who", "which") and j >= 3 else j - 1
        found = _np_left(toks, end, skip_time=False)
        return found if found is not None and found[1] == end else None
    if toks[j - 1].text == ")":
        # "Rep. Stephen Lynch (D-Mass.) said": the party tag sits between name and cue.
        opening = next((m for m in range(j - 2, max(-1, j - 10), -1) if toks[m].text == "("), None)
        if opening is None or opening == 0:
            return None
        j = opening
    i = j
    while i > 0:
        t = toks[i - 1]
        if not (t.word or t.text in "&-'’" or _name_period(toks, i - 1)):
            break
        low = t.low
        if low == "and":
            if i - 2 >= 0 and toks[i - 2].cap and i < j and (toks[i].cap or toks[i].low in DETERMINERS):
                i -= 1
                continue
            break
        if low in _PEOPLE_AT and i >= 2 and _people(toks[i - 2]) and i < j:
            i -= 1  # "engineers at the site", "officials from the ministry", "officials in Arland"
            continue
        if low in NP_STOPS and low not in ("of", "for"):
            break
        if t.cap and low in CAPITAL_STOPS:
            break
        if (
            not t.cap
            and (CUE_FORMS.get(low) or low in PARTICIPLES)
            and not (i >= 2 and i < j and toks[i - 2].low in ("the", "a", "an"))
        ):
            break  # but after an article a cue word is a noun: "the state water board said"
        i -= 1
        if low in DETERMINERS and low not in ("one", "two", "three", "all", "both", "some", "many", "most"):
            if i > 0 and toks[i - 1].low in ("of", "for"):
                continue
            if i >= 2 and toks[i - 1].low in _PEOPLE_AT and _people(toks[i - 2]):
                continue
            break
        if low in PRONOUNS and i == j - 1:
            break
    for k in range(i, j):  # prefer the longest plausible phrase
        if _np_ok(toks[k:j]):
            return _of_object(toks, i, k, j)
    return None


def _of_object(toks: list[Tok], i: int, k: int, j: int) -> tuple[int, int]:
    """ "Survivors of the sinking said", "the relatives' association of the victims said": a
    phrase found right after "of" or "for" is what the speaker is of; the speaker is the head
    before it with all that follows ("Survivors of the sinking"), when that head is a phrase."""
    if k - 1 <= i or toks[k - 1].low not in ("of", "for"):
        return k, j
    head = _np_left(toks, k - 1, skip_time=False)
    if head is None or head[1] != k - 1 or head[0] < i:
        return k, j
    return head[0], j


def _appositive(toks: list[Tok], comma: int) -> tuple[int, int] | None:
    """In "NAME, the title, said", "the title, NAME, said" or "NAME, who …, said", the name."""
    inner = np_left(toks, comma)
    if inner is not None and inner[0] >= 2 and toks[inner[0] - 1].text == ",":
        outer = np_left(toks, inner[0] - 1)
        if outer is not None:
            if toks[inner[0]].low in DETERMINERS or not toks[inner[0]].cap:
                return outer
            return inner
    # Up to three comma-separated insertions (relative clause, place, medium) before the cue.
    end = comma
    for _ in range(3):
        start = next((m for m in range(end - 1, max(-1, end - 25), -1) if toks[m].text in ',;:“”"()'), None)
        if start is None or toks[start].text != "," or start == 0:
            return None
        first = toks[start + 1] if start + 1 < end else None
        if first is None or not (
            first.low in INSERTION_OPENERS
            or first.low.isdigit()
            or first.low.endswith("ing")
            or first.low in DETERMINERS
            or first.low in SPEAKER_NOUNS
            or first.low in TITLES
            or first.cap
        ):
            return None
        outer = np_left(toks, start)
        if outer is not None and outer[1] == start:
            return outer
        end = start
    return None


REPORTER_HEDGE = "unnamed source"  # an outlet reports words whose source it does not name


def is_outlet(phrase: list[Tok]) -> bool:
    """Whether a capitalised phrase names a news outlet: "the Northern Herald", "Radio Coastline"."""
    names = [t for t in phrase if t.word and t.low not in DETERMINERS]
    return (
        bool(names)
        and all(t.cap for t in names)
        and (names[-1].low in OUTLET_NAME_WORDS or names[0].low in ("radio", "channel"))
    )


def np_right(toks: list[Tok], start: int) -> tuple[int, int] | None:
    """The speaker phrase starting at token index start (for "said X" / "according to X")."""
    j = start
    while j < len(toks) and (toks[j].word or toks[j].text in "&-'’") and j - start < 12:
        low = toks[j].low
        if low in NP_STOPS and low not in ("of", "for", "and"):
            break
        if low == "and" and not (j + 1 < len(toks) and toks[j + 1].cap):
            break
        if j > start and toks[j].cap and low in CAPITAL_STOPS:
            break
        j += 1
    for k in range(j, start, -1):
        if _np_ok(toks[start:k]):
            return start, k
    return None


def _titled_name(toks: list[Tok], start: int) -> tuple[int, int] | None:
    """ "The port authority's board chairwoman, Linda Park, declined …": the name after the title."""
    c1 = next((k for k in range(start, min(len(toks), start + 10)) if toks[k].text == ","), None)
    if c1 is None or c1 == start:
        return None
    if not any(t.low in TITLES or t.low in SPEAKER_NOUNS for t in toks[start:c1]):
        return None
    c2 = next((k for k in range(c1 + 1, min(len(toks), c1 + 6)) if toks[k].text == ","), None)
    if c2 is None or c2 == c1 + 1 or not all(t.cap and t.word for t in toks[c1 + 1 : c2]):
        return None
    return (c1 + 1, c2) if _np_ok(toks[c1 + 1 : c2]) else None


def subject(toks: list[Tok]) -> tuple[int, int] | None:
    """The grammatical subject of a sentence, skipping a leading adverbial up to a comma."""
    start = 0
    if toks and toks[0].low in CAPITAL_STOPS | {"in", "on"}:
        for k, t in enumerate(toks[:12]):
            if t.text == ",":
                start = k + 1
                break
        else:
            return None
    named = _titled_name(toks, start)
    if named is not None:
        return named
    j = start
    while j < len(toks) and (toks[j].word or toks[j].text in "&-'’") and j - start < 10:
        low = toks[j].low
        if j > start and (
            (low in NP_STOPS and low not in ("of", "for")) or low in ADVERBS or CUE_FORMS.get(low)
        ):
            break
        if (
            j > start
            and not toks[j].cap
            and low not in SPEAKER_NOUNS
            and low not in ("of", "for")
            and toks[j - 1].low not in DETERMINERS
        ):
            break
        j += 1
    for k in range(j, start, -1):
        if _np_ok(toks[start:k]):
            return start, k
    return None


def title_case(toks: list[Tok]) -> bool:
    """Whether a sentence is a headline in title case ("New Poll Shows Bump For Clinton")."""
    words = [t for t in toks if t.word and t.text[:1].isalpha() and t.low not in TITLE_SMALL]
    return len(words) >= 4 and sum(t.cap for t in words) >= 0.85 * len(words)


def is_evidence(tok: Tok) -> bool:
    low = tok.low
    return low in EVIDENCE_NOUNS or (low.endswith("s") and low[:-1] in EVIDENCE_NOUNS)


def clause_at(toks: list[Tok], j: int) -> bool:
    """Whether a finite clause starts at token j: a short subject, then a finite verb."""
    if j >= len(toks) or not toks[j].word:
        return False
    first = toks[j]
    if re.fullmatch(
        r"(?:it|he|she|they|we|i|you|there|that)[’']s|(?:they|we|you|i)[’'](?:re|ve|ll|d)", first.low
    ):
        return True
    if first.low in CLAUSE_VERBS or first.low in NON_CLAUSE_OPENERS:
        return False
    for m in range(j + 1, min(len(toks), j + 8)):
        t = toks[m]
        if not t.word and t.text not in "'’-":
            return False
        if t.low in CLAUSE_VERBS or (
            t.low.endswith("ed") and toks[m - 1].low not in DETERMINERS and not t.cap and len(t.low) > 4
        ):
            return m > j or first.low in PRONOUNS
    return False


def cue_hedge(toks: list[Tok], k: int) -> str | None:
    """A hedge adverb in the cue's own clause: "Dar reportedly told", "said, reportedly"."""
    for step in (-1, 1):
        m = k + step
        while 0 <= m < len(toks) and abs(m - k) <= 4 and toks[m].word:
            if toks[m].low in HEDGES_IN_ATTRIBUTION:
                return toks[m].low
            m += step
    return None


def split_role(text: str, toks: list[Tok]) -> tuple[Span, str | None]:
    """Separate a title from a name: "Pakistan’s Foreign Minister Ishaq Dar" → name span, role."""
    full: Span = (toks[0].start, toks[-1].end)
    title_at = None
    for k, t in enumerate(toks[:-1]):
        if t.low in TITLES:
            title_at = k
    described = descriptor_name(toks)
    if described is not None:  # "chief engineer Farah Naz": the lowercase words are the title
        return (toks[described].start, toks[-1].end), text[toks[0].start : toks[described - 1].end]
    if title_at is None:
        return full, None
    name_from = title_at + 1
    # "Chief Engineer Farah Naz": an occupation after the title belongs to it.
    while name_from < len(toks) - 1 and toks[name_from].cap and _role_word(toks[name_from]):
        name_from += 1
    # "Secretary of State Marco Rubio": the department belongs to the title.
    if name_from + 1 < len(toks) and toks[name_from].low == "of" and toks[name_from + 1].cap:
        name_from += 2
    name = toks[name_from:]
    if not name or len([t for t in name if t.word]) > 4 or not all(t.cap or t.text == "." for t in name):
        return full, None
    if any(t.low in SPEAKER_NOUNS or t.low in TITLES for t in name):
        return full, None
    role = text[toks[0].start : toks[name_from - 1].end]
    return (name[0].start, name[-1].end), role
