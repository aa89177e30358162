"""Counts of casualties as measures: a death toll, the killed, the dead, fatalities and lives
lost are one measure, and two numbers of it conflict; the taken to hospital, the still in
hospital and the injured are other measures, and a number of one does not conflict with a
number of another ("25 taken to hospital" / "11 died").

A toll said to have risen to a number ("the death toll had risen to 14") is a count at some
later time: against another count of the dead it is an update, not a denial, so the pair is
related, not a contradiction. Two plain counts ("killed 12" / "killed 14") contradict. A count
with "at least", "more than" … is left to tracker.judge_numbers, whose intervals judge it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.model import Reason, Relation
from tracker.patterns import lazy
from tracker.tokenise import TEXT_CACHE

_N = r"(?P<n>\d+(?:,\d{3})*)"
_WHO = r"(?:\s+[a-z]+){0,2}?"  # "12 people", "12 civilians", "12 local residents"
_BE = r"(?:\s+(?:had|have|has|were|was|are|is|been|being))*"
_RISEN = r"(?P<update>risen|rose|climbed|grown|grew|increased|jumped)"
# What a toll is of, between it and its verb: "the death toll from the blast", "in the Peru bus
# crash", "of Monday's quake"; only before a verb ("was", "rose"), so that no number of the
# event ("the toll in the 2015 flood") is read as the count
_OF_WHAT = r"(?:\s+(?:from|in|of|after|at)(?:\s+[a-z0-9'-]+){1,8}?)"

# (measure, pattern): the first that matches a proposition says what it counts
_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "dead",
        lazy(
            r"\b(?:death toll|toll|number of (?:the )?dead|number of deaths)"
            + _BE
            + r"(?:\s+"
            + _RISEN
            + r")?\s+(?:to|at|of|reached)?\s*"
            + _N
            + r"\b"
        ),
    ),
    (
        # a toll, or a count of the dead, of an event named ("the death toll from the blast
        # was 4", "rose to 4"), or said to have risen from a count ("deaths climbed from 2 to
        # 4"; "the number of people killed in the crash has risen to 15")
        "dead",
        lazy(
            r"\b(?:death toll|toll|deaths|fatalities|number of (?:the )?dead|number of deaths"
            r"|number of (?:people |those )?killed|number of (?:people |those )?who died)"
            + _OF_WHAT
            + r"?(?=\s+(?:had|have|has|were|was|are|is|been|risen|rose|climbed|grown|grew|increased|jumped)\b)"
            + _BE
            + r"(?:\s+"
            + _RISEN
            + r")?(?:\s+from\s+\d+(?:,\d{3})*)?\s+(?:to|at)?\s*"
            + _N
            + r"\b"
        ),
    ),
    ("dead", lazy(r"\b(?:killed|killing|kills|kill)\s+" + _N + r"\b")),
    (
        "dead",
        lazy(
            r"\b"
            + _N
            + _WHO
            + _BE
            + r"\s+(?:killed|died|dead|deaths|fatalities|(?:lives\s+(?:were\s+)?lost)|lost their lives)\b"
        ),
    ),
    (
        "remained in hospital",
        lazy(r"\b" + _N + _WHO + _BE + r"\s+(?:remain|remains|remained|still)\s+in\s+hospital\b"),
    ),
    (
        "taken to hospital",
        lazy(
            r"\b"
            + _N
            + _WHO
            + _BE
            + r"\s+(?:(?:taken|rushed|admitted|brought|sent)\s+to\s+(?:the\s+)?hospitals?|hospitali[sz]ed)\b"
        ),
    ),
    ("injured", lazy(r"\b" + _N + _WHO + _BE + r"\s+(?:injured|wounded|hurt)\b")),
)

_HEDGED = lazy(
    r"\b(?:at least|more than|over|upwards of|no fewer than|nearly|almost|about|around|some|up to|roughly)\s+\d"
)


@dataclass(frozen=True)
class Toll:
    measure: str
    count: int
    text: str  # the counting phrase as written
    update: bool  # "had risen to 14": a later count


# A word each of _MEASURES needs, as written: most claims count no casualties, and this check
# spares them eight scans
_MEASURE_WORDS = (
    "toll",
    "dead",
    "death",
    "fatalit",
    "kill",
    "died",
    "lives",
    "hospital",
    "injured",
    "wounded",
    "hurt",
)


@lru_cache(maxsize=TEXT_CACHE)
def toll(proposition: str) -> Toll | None:
    """What casualty measure a claim counts, and how many, if it counts one plainly."""
    if not any(word in proposition for word in _MEASURE_WORDS):
        return None
    if _HEDGED.search(proposition):
        return None
    for measure, pattern in _MEASURES:
        m = pattern.search(proposition)
        if m:
            update = "update" in m.groupdict() and m.group("update") is not None
            return Toll(measure, int(m.group("n").replace(",", "")), m.group(0), update)
    return None


_TOLL_ONLY = lazy(
    r"^(?:the\s+)?(?:death toll|toll|deaths|fatalities|number of (?:the )?dead|number of deaths"
    r"|number of (?:people |those )?killed|number of (?:people |those )?who died)\b"
    # "the death toll from the blast": a toll of a named event is not bare (the events decide)
    r"(?!\s+(?:from|in|of|after|at)\s+(?!\d))"
)


def toll_similarity(a: str, b: str) -> float | None:
    """How alike a bare toll ("the death toll had risen to 14", which names no event) and
    another count of the dead are: as alike as their counts said one way ("14 people died" /
    "12 people died"). None unless one side is a bare toll and both count the dead."""
    ta, tb = toll(a), toll(b)
    if ta is None or tb is None or ta.measure != "dead" or tb.measure != "dead":
        return None
    if not (_TOLL_ONLY.match(a) or _TOLL_ONLY.match(b)):
        return None  # "the flood killed 12" / "the quake killed 14": the events decide
    from tracker.judge_similarity import similarity

    return round(similarity(f"{ta.count} people died", f"{tb.count} people died"), 1)


def toll_relation(a: str, b: str) -> tuple[Relation, Reason] | None:
    """How two casualty counts stand: other measures are related; one measure, other numbers,
    contradict unless one is an update ("had risen to"), which is related."""
    ta, tb = toll(a), toll(b)
    if ta is None or tb is None:
        return None
    if ta.measure != tb.measure:
        return Relation.RELATED, Reason("measure", f"'{ta.measure}' in a vs '{tb.measure}' in b")
    if ta.count == tb.count:
        return None
    if ta.update or tb.update:
        side = "a" if ta.update else "b"
        return Relation.RELATED, Reason(
            "update", f"'{(ta if ta.update else tb).text}' in {side}: a later count", side
        )
    return Relation.CONTRADICTS, Reason("number", f"'{ta.text}' in a vs '{tb.text}' in b")
