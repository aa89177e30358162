"""Numbers, dates and times in two statements, and where they conflict: other counts of one
thing, other days of one month, other times of day, things named by other numbers ("route 9").

Part of judging (tracker.judge).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.lexicon import COUNTED_OUTCOMES, CURRENCY_WORDS, IDENTIFIER_NOUNS, WEEKDAYS
from tracker.model import Reason
from tracker.patterns import lazy
from tracker.text import STOP_WORDS, Analysis, concept, concepts
from tracker.tokenise import TEXT_CACHE

_APPROX_LOW = r"at least|more than|over|upwards of|in excess of|no fewer than|no less than|above|beyond"
_APPROX_HIGH = r"up to|fewer than|less than|under|below|at most|no more than|nearly|almost"
# Bounds that leave the figure out: "more than 60" is not 60, nor is "less than 40" 40 ("at
# least", "up to", "at most" take it in; "nearly", "almost" are near it and take it in too)
_STRICT = frozenset(
    "more than|over|upwards of|in excess of|above|beyond|fewer than|less than|under|below".split("|")
)
_APPROX_NEAR = r"about|around|some|approximately|roughly|an estimated|estimated|close to|circa|approx"
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A count range is every count in it: "10 to 20", "10-20", "10 or 20", and "between 10 and 20"
# (only after "between" does "and" join the two ends: "10 and 20 people" may be two counts).
_QUANTITY = lazy(
    rf"(?:\b(?P<approx>{_APPROX_LOW}|{_APPROX_HIGH}|{_APPROX_NEAR}|(?P<between>between))\s+)?"
    r"(?:(?P<currency>[$£€¥₹])\s?)?(?<![\d:.])(?P<value>\d+(?:\.\d+)?|\ba(?=\s+(?:hundred|thousand|million|billion)\b))(?:\s*(?:to|-|or|(?(between)and|(?!)))\s*(?P<upper>\d+(?:\.\d+)?))?(?!\s*(?:am|pm|a\.m|p\.m|:\d))"
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
_DATE = lazy(
    r"\b(?:" + _MONTH.format(n=1) + r"\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|(?<![\d.])(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(n=2) + r"\b)"
)
# A range of days is every day in it: "between May 3 and May 5", "from 3 to 5 June", "May
# 3-5", "3 June to 5 June". Without "between" or "from" it takes "to", "until", "through" or
# a dash: "on May 3 and May 5" are two days.
_LINK = r"\s*(?P<link>and|to|until|till|through|[-\u2013])\s*"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_RANGE = lazy(
    r"\b(?:(?P<lead>between|from)\s+)?(?:"
    + _MONTH.format(n="a1")
    + r"\.?\s+(?P<da1>\d{1,2})"
    + _ORD
    + _LINK.replace("link", "linka")
    + r"(?:"
    + _MONTH.format(n="a2")
    + r"\.?\s+)?(?P<da2>\d{1,2})"
    + _ORD
    + r"\b|(?<![\d.])(?P<db1>\d{1,2})"
    + _ORD
    + r"(?:\s+(?:of\s+)?"
    + _MONTH.format(n="b1")
    + r")?"
    + _LINK.replace("link", "linkb")
    + r"(?P<db2>\d{1,2})"
    + _ORD
    + r"\s+(?:of\s+)?"
    + _MONTH.format(n="b2")
    + r"\b)"
)
_YEAR = lazy(r"\b(?:in|since|of|by|during|from)\s+(19[5-9]\d|20[0-4]\d)\b")
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
# How far a hedge before a time widens it, in minutes before and after the time said:
# "around 11.10 p.m." is 10.40-11.40, "shortly after 11 p.m." 11-11.30, "after 11 p.m." any time
# in the six hours after. As "about 40" does for a count (_interval), a widened time conflicts
# only with a time outside it.
_TIME_NEAR = 30
_TIME_OPEN = 360
_TIME_HEDGES: dict[str, tuple[int, int]] = {
    **dict.fromkeys(
        ("around", "about", "roughly", "approximately", "approx", "circa", "some time around", "close to"),
        (-_TIME_NEAR, _TIME_NEAR),
    ),
    **dict.fromkeys(("shortly after", "just after", "soon after", "minutes after"), (0, _TIME_NEAR)),
    **dict.fromkeys(("shortly before", "just before", "minutes before"), (-_TIME_NEAR, 0)),
    "after": (0, _TIME_OPEN),
    "before": (-_TIME_OPEN, 0),
}
_TIME_WORDS = {"midnight": 0, "noon": 720, "midday": 720}
_TIME = lazy(
    r"(?:\b(?P<hedge>" + "|".join(sorted(_TIME_HEDGES, key=len, reverse=True)) + r")\s+(?:at\s+)?)?"
    r"\b(?:(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|(?P<word>" + "|".join(_TIME_WORDS) + r")\b)"
    r"(?:\s*\(?(?P<zone>" + "|".join(sorted((re.escape(z) for z in _ZONES), key=len, reverse=True)) + r")\b)?"
)
TIME_TOLERANCE = 5  # minutes: "11.02 p.m." and "11 p.m." are one time said two ways
# A range of times is one window, from its first time to its last: "between 10 p.m. and
# midnight", "from 9 to 11 a.m." (the first takes the half of the day that makes the window
# shortest), "10 p.m. to midnight". Without "between" or "from" it takes "to", "until" or a
# dash, and a first time that says its half of the day ("at 10 p.m. and at midnight" is two).
_CLOCK = r"(?P<h{0}>\d{{1,2}})(?:[:.](?P<min{0}>\d{{2}}))?\s*(?P<ampm{0}>a\.?m\.?|p\.?m\.?)?(?![a-z\d])"
_TIME_RANGE = lazy(
    r"\b(?:(?P<lead>between|from)\s+)?(?:"
    + _CLOCK.format(1)
    + r"|(?P<word1>"
    + "|".join(_TIME_WORDS)
    + r")\b)\s*(?P<link>and|to|until|till|through|[-\u2013])\s*(?:"
    + _CLOCK.format(2)
    + r"|(?P<word2>"
    + "|".join(_TIME_WORDS)
    + r")\b)"
    r"(?:\s*\(?(?P<zone>" + "|".join(sorted((re.escape(z) for z in _ZONES), key=len, reverse=True)) + r")\b)?"
)
# Units of measure, as written after a number ("40 metres", "a 40-metre breach", "10-km"):
# a quantity in one counts one dimension, in the unit of the first word here, so that "40
# metres" and "0.04 km" agree and "40-metre" and "10 metres" conflict. Years stay out: "over
# 10 years" and "in 20 years" are most often two spans, not two accounts of one.
_UNIT_WORDS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("metre", "metres", "meter", "meters", "m"), ("length", 1.0)),
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers", "km", "kms"), ("length", 1e3)),
    **dict.fromkeys(("centimetre", "centimetres", "centimeter", "centimeters", "cm"), ("length", 0.01)),
    **dict.fromkeys(("millimetre", "millimetres", "millimeter", "millimeters", "mm"), ("length", 0.001)),
    **dict.fromkeys(("mile", "miles"), ("length", 1609.344)),
    **dict.fromkeys(("foot", "feet", "ft"), ("length", 0.3048)),
    **dict.fromkeys(("yard", "yards"), ("length", 0.9144)),
    **dict.fromkeys(("inch", "inches"), ("length", 0.0254)),
    **dict.fromkeys(("kilogram", "kilograms", "kilo", "kilos", "kg", "kgs"), ("mass", 1.0)),
    **dict.fromkeys(("gram", "grams"), ("mass", 0.001)),
    **dict.fromkeys(("tonne", "tonnes", "ton", "tons"), ("mass", 1e3)),
    **dict.fromkeys(("hectare", "hectares"), ("area", 1e4)),
    **dict.fromkeys(("acre", "acres"), ("area", 4046.86)),
    **dict.fromkeys(("minute", "minutes"), ("duration", 60.0)),
    **dict.fromkeys(("hour", "hours"), ("duration", 3600.0)),
    **dict.fromkeys(("day", "days"), ("duration", 86400.0)),
    **dict.fromkeys(("week", "weeks"), ("duration", 604800.0)),
}
_NUMBER_STOP = STOP_WORDS | {"of", "per", "cent", "percent", "year", "years", "old", "times", "time"}


@dataclass(frozen=True)
class _Quantity:
    low: float
    high: float
    nouns: frozenset[str]  # the concepts of what is counted ("workers"); none for "9 injured"
    text: str
    span: tuple[int, int]
    act: str | None = None  # what the count is of: "killed 40 people" (kill), "displaced 200,000"
    purpose: str = ""  # what a sum of money is for or goes to, as written: "school", "land"

    def counts_as(self, other: _Quantity) -> bool:
        """Do both count one thing, so that two values conflict? One side's nouns all stand on
        the other ("six indian jets", "3 jets") and no two acts differ ("killed 40",
        "displaced 200,000 people" are two counts); a count of nothing but an outcome ("9
        injured") counts only that outcome."""
        if not (self.nouns <= other.nouns or other.nouns <= self.nouns):
            return False
        if self.act is not None and other.act is not None:
            return self.act == other.act
        return bool(self.nouns and other.nouns)


# A plain figure is written to a precision: "52 percent" may be 52.1 rounded, "52.1" not 52.4.
# It covers the values within this share of its last written digit's unit (a third: "2 million"
# is not "2.5 million", which a reader takes for another figure).
ROUNDING = 0.3


def _interval(value: float, approx: str | None, step: float = 0.0) -> tuple[float, float]:
    """The values a figure covers; `step`: the unit of its last written digit (0.1 for
    "52.1 percent", a million for "2 million")."""
    if approx is None:
        # A round figure is often a rounding of a precise one: "2,000 tip" for "2,084 tip".
        if value >= 100 and value % 10 ** int(math.log10(value) - 0.0001) == 0:
            return value * 0.88, value * 1.12
        return value - ROUNDING * step, value + ROUNDING * step
    if re.fullmatch(_APPROX_LOW, approx):
        return (math.nextafter(value, math.inf) if approx in _STRICT else value), math.inf
    if re.fullmatch(_APPROX_HIGH, approx):
        return 0.0, (math.nextafter(value, -math.inf) if approx in _STRICT else value)
    return value * 0.8, value * 1.2


@lru_cache(maxsize=TEXT_CACHE)
def _quantities(norm: str) -> tuple[_Quantity, ...]:
    found = []
    for m in _QUANTITY.finditer(norm):
        value = 1.0 if m.group("value") == "a" else float(m.group("value"))  # "a million people"
        if m.group("scale"):
            value *= _SCALES[m.group("scale")]
        if _named_by_number(norm, m.start("value")):
            continue  # "route 9": a name, not a count
        raw = re.findall(r"[a-z][a-z']*", m.group("rest"))
        unit_factor = 0.0
        factor = _UNIT_WORDS[raw[0]][1] if raw and raw[0] in _UNIT_WORDS and not m.group("percent") else 1.0
        purpose: tuple[str, ...] = ()
        measured = ""
        if m.group("percent"):
            nouns = frozenset({"percent"})  # "turnout was 82 percent": a share of what the claim names
        elif m.group("currency") or (raw and raw[0] in CURRENCY_WORDS):
            # "paid $5 million for the land", "5 million euros to get the port moving": money in
            # that currency, and what it is for or whom it goes to if said
            currency = m.group("currency") or CURRENCY_WORDS[raw[0]]
            purpose = _paid_for(norm, m.end("value"), raw)
            nouns = frozenset({f"money:{currency}", *(concept(w) for w in purpose)})
        else:
            if 1900 <= value <= 2049 and not m.group("scale"):
                continue  # a year
            if not raw or raw[0] in STOP_WORDS:
                # a bare amount counts what it is the figure of ("put the crowd at 5,000"), or nothing
                raw, measured = _measured(norm[: m.start()])
                if not raw:
                    continue
            unit = _UNIT_WORDS.get(raw[0])
            if unit:
                # "40 metres", "a 10-km breach": a measure in one unit, and what it measures
                value *= factor
                unit_factor = factor
                words = [w for w in raw[1:] if w not in _NUMBER_STOP][:1]
                nouns = frozenset({f"unit:{unit[0]}", *(concept(w) for w in words if w not in _MONTH_NAMES)})
            else:
                words = [w for w in raw if w not in _NUMBER_STOP]
                nouns = frozenset(concept(w) for w in words[:2] if w not in _MONTH_NAMES)
            if not nouns:
                continue
        written = m.group("value")
        step = (10.0 ** -len(written.partition(".")[2]) if written != "a" else 1.0) * (
            _SCALES[m.group("scale")] if m.group("scale") else 1.0
        )
        if unit_factor:
            step *= unit_factor
        low, high = _interval(value, None if m.group("between") else m.group("approx"), step)
        if m.group("upper"):
            scale = _SCALES[m.group("scale")] if m.group("scale") else 1
            high = max(high, float(m.group("upper")) * scale * factor + ROUNDING * step)
        before = re.findall(r"[a-z][a-z']*", norm[max(0, m.start() - 30) : m.start()])
        if any(n.startswith("money:") for n in nouns):
            before = [w for w in before if w not in STOP_WORDS]  # "put in 5 million euros": put
        act = concept(before[-1]) if before and before[-1] not in STOP_WORDS else None
        # "14 workers were injured", "9 hurt": the outcome after the count is what it counts,
        # as "injured 14 workers" says before it ("covid 19 killed …" names, and is left alone)
        outcome = sorted(nouns & COUNTED_OUTCOMES)
        if outcome and act is None:
            act, nouns = outcome[0], nouns - {outcome[0]}
        text = measured + m.group(0).strip()
        found.append(_Quantity(low, high, nouns, text, m.span(), act, " ".join(purpose)))
    return tuple(found)


# "Police put the crowd at 5,000", "officials placed the number of cases at 300": the figure
# is of the thing put at it. A pronoun ("placed it at 25") names nothing here, so that figure
# counts nothing another side could conflict with.
_MEASURED = lazy(
    r"\b(?:put|puts|putting|placed|places|placing|set|sets|setting|estimated|estimates|estimating"
    r"|pegged|pegs|pegging)\s+(?P<what>(?:[a-z][a-z']*\s+){1,5}?)at\s+$"
)


# "The death toll stood at 43", "the toll is now 61", "turnout remained at 40": the figure is
# the value of the subject, as much as "put the toll at 43" says it is.
_STATED = lazy(
    r"\b(?P<what>(?:[a-z][a-z']*\s+){1,9}?)(?:stood|stands|standing|remained|remains|was|were|is|are"
    r"|has\s+been|have\s+been|had\s+been)\s+(?:(?:now|currently|officially|still)\s+)?(?:at\s+)?$"
)
# Where the subject before "stood at" begins (after "officials said that") and where its head
# ends (before "from the floods"); "the number of displaced families": the families.
_CLAUSE_OPENERS = frozenset("that said says and but which who while when as".split())
_PREPOSITIONS = frozenset("of from in at on for by after across among since during with".split())
_CONTAINERS = frozenset("number count total tally figure".split())


def _measured(before: str) -> tuple[list[str], str]:
    """The words of what a bare figure measures, if the text before it puts something at it
    ("the crowd at") or says it is the value of something ("the death toll stood at"), and that
    phrase as written."""
    m = _MEASURED.search(before)
    if m is not None:
        return [w for w in m.group("what").split() if w not in _NUMBER_STOP][-2:], before[m.start("what") :]
    m = _STATED.search(before)
    if m is None:
        return [], ""
    words = [(w.group(), m.start("what") + w.start()) for w in re.finditer(r"\S+", m.group("what"))]
    opened = max((i + 1 for i, (w, _) in enumerate(words) if w in _CLAUSE_OPENERS), default=0)
    subject = words[opened:]
    if not subject:
        return [], ""
    head = [w for w, _ in subject]
    cut = next((i for i, w in enumerate(head) if w in _PREPOSITIONS), len(head))
    if cut < len(head) and head[cut] == "of" and cut and head[cut - 1] in _CONTAINERS:
        rest = head[cut + 1 :]
        head = rest[: next((i for i, w in enumerate(rest) if w in _PREPOSITIONS), len(rest))]
    else:
        head = head[:cut]
    return [w for w in head if w not in _NUMBER_STOP][-2:], before[subject[0][1] :]


_PURPOSE_PREPOSITIONS = frozenset("for on to towards into".split())
PURPOSE_WORDS = 2  # "for roads and bridges": roads, bridges


def _paid_for(norm: str, value_end: int, raw: list[str]) -> tuple[str, ...]:
    """What a sum of money is for or goes to, in words: "$5 million for the new school"
    (school), "$2 million to the museum" (museum), "$5 million contract" (contract); none for a
    bare sum or one followed by a day ("$5 million on monday")."""
    if raw and raw[0] in CURRENCY_WORDS:
        raw = raw[1:]
    if raw and raw[0] in _PURPOSE_PREPOSITIONS:
        # read past the three words the quantity holds: "for the new" stops short of "school"
        after = re.findall(r"[a-z][a-z']*", norm[value_end:])
        raw = after[after.index(raw[0]) + 1 :][: 2 + PURPOSE_WORDS]  # room for "the", "new"
    elif not raw or raw[0] in STOP_WORDS:
        return ()
    return tuple(w for w in raw if w not in _NUMBER_STOP and w not in _DAY_NAMES)[:PURPOSE_WORDS]


_NAMING_NUMBER = lazy(r"\b([a-z]+)\s+(\d+[a-z]?)\b")


def _named_by_number(norm: str, position: int) -> bool:
    before = norm[max(0, position - 24) : position].split()
    return bool(before) and before[-1] in IDENTIFIER_NOUNS


@lru_cache(maxsize=TEXT_CACHE)
def _identifiers(norm: str) -> dict[str, str]:
    """Things a number names, noun → number: {"route": "9"} for "route 9 is closed"."""
    return {m.group(1): m.group(2) for m in _NAMING_NUMBER.finditer(norm) if m.group(1) in IDENTIFIER_NOUNS}


SUBJECT_WORDS = 3  # a name this near the start of both claims names what they are about


def _other_names(a: Analysis, b: Analysis) -> tuple[Reason, bool] | None:
    """ "Route 9" in one, "Route 4" in the other: two things, whatever else the two share.

    With it, whether the name opens both claims: "Route 9 is closed" / "Route 4 is closed" are
    about two roads (the claims' subjects differ); "the train leaves from platform 9" /
    "… platform 4" say two things of one train (a part of one claim filled differently)."""
    ia, ib = _identifiers(a.proposition), _identifiers(b.proposition)
    for noun in sorted(ia.keys() & ib.keys()):
        if ia[noun] != ib[noun]:
            reason = Reason("name", f"'{noun} {ia[noun]}' in a vs '{noun} {ib[noun]}' in b")
            return reason, _opens(a.proposition, noun) and _opens(b.proposition, noun)
    return None


def _opens(proposition: str, noun: str) -> bool:
    return noun in proposition.split()[:SUBJECT_WORDS]


_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


_DAY_NAMES = _MONTH_NAMES | WEEKDAYS


def _month(name: str) -> int:
    return _MONTHS[name[:3]]


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February of any year


def _date_ranges(norm: str) -> list[tuple[int, int, tuple[int, int]]]:
    """Every day of each range of days in norm (see _DATE_RANGE), each with the range's span:
    within a month or into the next, a month at most."""
    out: list[tuple[int, int, tuple[int, int]]] = []
    for m in _DATE_RANGE.finditer(norm):
        link = m.group("linka") or m.group("linkb")
        if not m.group("lead") and link == "and":
            continue
        first_name = m.group("ma1") or m.group("mb1") or m.group("mb2")
        last_name = m.group("ma2") or m.group("ma1") or m.group("mb2")
        first, last = _month(first_name), _month(last_name)
        d1, d2 = int(m.group("da1") or m.group("db1")), int(m.group("da2") or m.group("db2"))
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            continue
        if first == last and d1 <= d2:
            days = [(first, d) for d in range(d1, d2 + 1)]
        elif last == first % 12 + 1 and d2 < d1:
            days = [(first, d) for d in range(d1, _MONTH_DAYS[first - 1] + 1)]
            days += [(last, d) for d in range(1, d2 + 1)]
        else:
            continue
        out.extend((month, day, m.span()) for month, day in days)
    return out


def _first_days(dates: tuple[tuple[int, int, tuple[int, int]], ...]) -> str:
    """The first date said, as MM-DD, or the first range as "MM-DD to MM-DD"."""
    days = [d for d in dates if d[2] == dates[0][2]]
    first, last = days[0], days[-1]
    shown = f"{first[0]:02d}-{first[1]:02d}"
    return shown if len(days) == 1 else f"{shown} to {last[0]:02d}-{last[1]:02d}"


@lru_cache(maxsize=TEXT_CACHE)
def _dates(norm: str) -> tuple[tuple[int, int, tuple[int, int]], ...]:
    out = _date_ranges(norm)
    spans = {span for _, _, span in out}
    for m in _DATE.finditer(norm):
        if any(a <= m.start() < b for a, b in spans):
            continue  # a day of a range is one of its days, already there
        month = m.group("m1") or m.group("m2")
        day = int(m.group("d1") or m.group("d2"))
        if month == "may" and m.group("d2") is None and not re.search(r"\bmay\s+\d", m.group(0)):
            continue
        if 1 <= day <= 31:
            out.append((_month(month), day, m.span()))
    return tuple(out)


@dataclass(frozen=True)
class _Time:
    minutes: int  # of the day, in UTC when a zone is said
    zoned: bool
    text: str
    window: tuple[int, int] = (0, 0)  # minutes before and after it that a hedge allows

    def conflicts(self, other: _Time) -> bool:
        """Are the two times, each widened by its hedge, apart by more than the tolerance?
        Times are on a clock: 11.50 p.m. and 12.10 a.m. are twenty minutes apart."""
        apart = (other.minutes - self.minutes + 720) % 1440 - 720
        low, high = apart + other.window[0], apart + other.window[1]
        return high < self.window[0] - TIME_TOLERANCE or low > self.window[1] + TIME_TOLERANCE


def _clock(m: re.Match[str], n: int) -> tuple[int, bool] | None:
    """The minutes of the day of a range's nth time, and whether it says its half of the day."""
    if m.group(f"word{n}"):
        return _TIME_WORDS[m.group(f"word{n}")], True
    hour, minute = int(m.group(f"h{n}")), int(m.group(f"min{n}") or 0)
    if hour > 12 or minute > 59:
        return None
    ampm = m.group(f"ampm{n}")
    return (hour % 12 + (12 if ampm and ampm.startswith("p") else 0)) * 60 + minute, ampm is not None


def _time_ranges(norm: str) -> list[tuple[_Time, tuple[int, int]]]:
    """Each range of times in norm as one window (see _TIME_RANGE), with its span."""
    out = []
    for m in _TIME_RANGE.finditer(norm):
        first, last = _clock(m, 1), _clock(m, 2)
        if first is None or last is None or not last[1]:
            continue
        if not m.group("lead") and (m.group("link") == "and" or not first[1]):
            continue
        start, end = first[0], last[0]
        if not first[1]:
            # "from 10 to 11 p.m.", "between 11 and 1 a.m.": the half that makes it shortest
            start = min((start, start + 720), key=lambda t: (end - t) % 1440)
        span = (end - start) % 1440
        zone = m.group("zone")
        if zone:
            start -= _ZONES[zone]
        out.append((_Time(start % 1440, zone is not None, m.group(0), (0, span)), m.span()))
    return out


@lru_cache(maxsize=TEXT_CACHE)
def _times(norm: str) -> tuple[_Time, ...]:
    ranges = _time_ranges(norm)
    out = [time for time, _ in ranges]
    for m in _TIME.finditer(norm):
        if any(a <= m.start() < b for _, (a, b) in ranges):
            continue  # a time of a range is its window's edge, not a time of its own
        if m.group("word"):
            minutes = _TIME_WORDS[m.group("word")]
        else:
            hour, minute = int(m.group("h")), int(m.group("min") or 0)
            if hour > 12 or minute > 59:
                continue
            pm = m.group("ampm").startswith("p")
            minutes = (hour % 12 + (12 if pm else 0)) * 60 + minute
        zone = m.group("zone")
        if zone:
            minutes = (minutes - _ZONES[zone]) % 1440
        window = _TIME_HEDGES[m.group("hedge")] if m.group("hedge") else (0, 0)
        out.append(_Time(minutes, zone is not None, m.group(0), window))
    return tuple(out)


_NUMBER = lazy(r"\d+(?:\.\d+)?")
_STANDALONE_NUMBER = lazy(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


@lru_cache(maxsize=TEXT_CACHE)
def _numbers(text: str) -> frozenset[str]:
    """The numbers standing alone in a text (not part of a longer number)."""
    return frozenset(_STANDALONE_NUMBER.findall(text))


def _other_counts(a: Analysis, b: Analysis) -> Reason | None:
    """ "Killed 40 people" / "displaced 200,000 people": counts of two acts in one event, two
    aspects of it rather than one claim (unless a also has b's count: "… and injured 300")."""
    qa, qb = _quantities(a.proposition), _quantities(b.proposition)
    if not qa or not qb:
        return None
    in_a = _numbers(a.proposition)
    for x in qa:
        for y in qb:
            number = _NUMBER.search(y.text)
            if (
                x.act
                and y.act
                and x.act != y.act
                and (x.nouns <= y.nouns or y.nouns <= x.nouns)
                and not (number and number.group(0) in in_a)
            ):
                return Reason("aspect", f"'{x.text}' in a and '{y.text}' in b count different things")
    return None


def _other_purposes(a: Analysis, b: Analysis) -> Reason | None:
    """ "Donated $5 million to the hospital" / "$2 million to the museum": sums of one currency
    for two things, two gifts rather than two accounts of one."""
    for x in _quantities(a.proposition):
        for y in _quantities(b.proposition):
            money = {n for n in x.nouns & y.nouns if n.startswith("money:")}
            fx, fy = x.nouns - money, y.nouns - money
            if money and fx and fy and not (fx <= fy or fy <= fx):
                return Reason(
                    "aspect", f"a sum for '{x.purpose}' in a and for '{y.purpose}' in b: different things"
                )
    return None


def _apart(x: _Quantity, y: _Quantity) -> bool:
    """Do two counts of one thing leave no value in common? A plain figure covers its
    rounding (ROUNDING), so a bound that leaves it out is not apart from it: "more than 60
    were arrested" is how a report rounds the count another gives as "60". A bound on the
    other side ("at most 60") and a figure past it ("more than 200", "199") are apart."""
    return y.high < x.low or x.high < y.low


def _number_conflicts(a: Analysis, b: Analysis) -> list[Reason]:
    reasons: list[Reason] = []
    qa, qb = _quantities(a.proposition), _quantities(b.proposition)
    for x in qa:
        # The same thing counted: one side's nouns all appear on the other ("six indian jets", "3 jets").
        # Counts of two acts ("killed 40", "displaced 200,000 people") are two counts.
        same = [y for y in qb if x.counts_as(y)]
        if same and all(_apart(x, y) for y in same):
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
        reasons.append(Reason("date", f"{_first_days(da)} in a vs {_first_days(db)} in b"))
    ta, tb = _times(a.proposition), _times(b.proposition)
    if ta and tb:
        comparable = [(p, q) for p in ta for q in tb if p.zoned == q.zoned]
        if comparable and all(p.conflicts(q) for p, q in comparable):
            p, q = comparable[0]
            reasons.append(Reason("time", f"'{p.text}' in a vs '{q.text}' in b"))
    return reasons


FRAME = "frame"  # the reason code of a number conflict in one frame: no overshadowing hides it
_UNIT_CONCEPTS = frozenset(concept(w) for w in _UNIT_WORDS)


def one_frame(a: Analysis, b: Analysis) -> Reason | None:
    """ "The breach is 40 m" / "the breach is 10 m": two values said of one thing, with no other
    actor, place, time or detail on either side (what is left when the numbers go is the same
    claim: a side that adds a detail may be about another thing, as the LIAR corpus shows). Two speakers who each repeat their figure disagree, however close
    their repeats are (link.pipeline.overshadowed leaves a link with this reason its side)."""
    ca = {c for c in concepts(a.proposition) if not c.isdigit()}
    cb = {c for c in concepts(b.proposition) if not c.isdigit()}
    shared = ca & cb
    if len(shared) < 2 or not shared - _UNIT_CONCEPTS or ca != cb:
        return None
    return Reason(FRAME, "one thing, actor, place and time: the values conflict however the rest scores")


# Acts of handing over money: "had not contributed any money" and "paid 5 million euros" are
# one act, and a nil sum of it conflicts with a sum.
_PAYING = (
    r"(?:pa(?:y|ys|id|ying)|contribut(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|g(?:ive|ives|ave|iven|iving)"
    r"|sp(?:end|ends|ent|ending)|invest(?:s|ed|ing)?|l(?:end|ends|ent|ending)|provid(?:e|es|ed|ing)"
    r"|pledg(?:e|es|ed|ing)|transferr?(?:s|ed|ing)?|hand(?:s|ed|ing)? over|put(?:s|ting)? in|chip(?:s|ped)? in)"
)
_MONEY = (
    r"(?:money|funds?|funding|cash|penny|pennies|cent|cents|dime|dollars?|euros?|pounds?|rupees?|yuan|yen)"
)
_NIL_SUM = lazy(
    rf"\b(?:(?:not|never|no longer)\s+|n't\s+)(?:\w+\s+)?(?P<verb>{_PAYING})\s+(?:any|a single|a|one)\s+"
    rf"(?P<what>{_MONEY})\b"
    rf"|\b(?P<verb2>{_PAYING})\s+(?:no|not (?:a|one)(?: single)?)\s+(?:\w+\s+)?(?P<what2>{_MONEY})\b"
)
_AMOUNT = lazy(
    r"\D*\d[\d.]*(?:\s*(?:hundred|thousand|million|billion|trillion))?(?:\s+(?:"
    + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")\b)?"
)
_PAYING_BEFORE = lazy(rf"\b{_PAYING}\b(?=(?:\s+\S+){{0,2}}\s*$)")


def nil_sum(a: Analysis, b: Analysis) -> tuple[Reason, str, str] | None:
    """A side that says no money was handed over ("had not contributed any money to the
    settlement") against one that names a sum handed over ("paid 5 million euros towards the
    settlement"): the reason, and the two propositions as they read with the sum said as the
    nil side says it ("had contributed money towards the settlement"), for their similarity.
    When both say what the money is for and it is two things, an `aspect` reason and no texts."""
    for side, mine, other in (("a", a, b), ("b", b, a)):
        nil = _NIL_SUM.search(mine.proposition)
        if nil is None:
            continue
        verb, what = nil.group("verb") or nil.group("verb2"), nil.group("what") or nil.group("what2")
        for q in _quantities(other.proposition):
            if q.high <= 0 or not any(n.startswith("money:") for n in q.nouns):
                continue
            paying = _PAYING_BEFORE.search(other.proposition[: q.span[0]])
            if paying is None:
                continue
            after = re.findall(r"[a-z][a-z']*", mine.proposition[nil.end() :])[:3]
            recipient = _paid_for(mine.proposition, nil.end(), after)
            mine_for = frozenset(concept(w) for w in recipient)
            their_for = frozenset(n for n in q.nouns if not n.startswith("money:"))
            if mine_for and their_for and not mine_for & their_for:
                # "gave no money to the school" / "gave $5,000 to the hospital": two recipients
                other_side = "b" if side == "a" else "a"
                detail = f"no money for '{' '.join(recipient)}' in {side} and a sum for '{q.purpose}' in {other_side}"
                return Reason("aspect", f"{detail}: different things"), "", ""
            amount = _AMOUNT.match(q.text)
            end = q.span[0] + (amount.end() if amount else len(q.text))
            said = other.proposition[: paying.start()] + f"{verb} {what}" + other.proposition[end:]
            sum_text = other.proposition[q.span[0] : end].strip()
            reason = Reason(
                "number",
                f"'{nil.group(0).strip()}' in {side} vs '{sum_text}' in {'b' if side == 'a' else 'a'}",
            )
            texts = (mine.proposition, said) if side == "a" else (said, mine.proposition)
            return reason, texts[0], texts[1]
    return None
