"""Time phrases around a cue ("on Monday", "late on Saturday", "this week") and the date they
name relative to the article's date. A time phrase is never a speaker."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.patterns import lazy

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH = r"(?:" + "|".join(MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
# Lowercase, tokens joined by single spaces (the extractor's view) or raw text (case-insensitive).
TIME_PHRASE = lazy(
    r"\b(?:(?:early|late|earlier|later)\s+)?(?:on\s+)?"
    r"(?:" + _WEEKDAY + _PART + r"?"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:\s+\d{4})?)\b"
    r"|\b(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:week|weekend|month|year|morning|afternoon|evening)\b"
    r"|\b(?:yesterday|today|tonight)\b"
    r"|\bin\s+(?:" + _MONTH + r"\s+)?(?:19|20)\d{2}\b",  # "in 2008", "in May 2025"
    re.IGNORECASE,
)


def is_time_phrase(words: str) -> bool:
    """Whether words (as written or lowercased) are a time phrase and nothing else."""
    return TIME_PHRASE.fullmatch(words.strip()) is not None


def said_on(phrase: str, published: str | None) -> str | None:
    """The date (or partial date) a time phrase names, counted back from the article's date.

    "on Monday" in an article of Saturday 2025-05-10 is 2025-05-05: news reports the past, so
    a weekday is the latest such day on or before the article's date. Without a date, None.
    """
    if not published or len(published) < 10:
        return None
    try:
        anchor = date.fromisoformat(published[:10])
    except ValueError:
        return None
    low = " ".join(phrase.lower().replace(",", " , ").split())
    for k, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            return (anchor - timedelta(days=(anchor.weekday() - k) % 7)).isoformat()
    if re.search(r"\byesterday\b", low):
        return (anchor - timedelta(days=1)).isoformat()
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", low):
        return anchor.isoformat()
    month = _month(low)
    if month:
        day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?! ?\d{3})", low)
        year_m = re.search(r"\b(\d{4})\b", low)
        if day_m:
            year = int(year_m.group(1)) if year_m else anchor.year
            try:
                found = date(year, month, int(day_m.group(1)))
            except ValueError:
                return None
            if not year_m and found > anchor + timedelta(days=7):
                found = found.replace(year=year - 1)  # "on December 30" in a January article
            return found.isoformat()
    year_only = re.fullmatch(r"in (\d{4})", low)
    if year_only:
        return year_only.group(1)
    if "this week" in low or "this weekend" in low:
        monday = anchor - timedelta(days=anchor.weekday())
        return anchor.strftime("%Y-%m") if monday.month == anchor.month else str(anchor.year)
    if "last week" in low or "last weekend" in low:
        start = anchor - timedelta(days=anchor.weekday() + 7)
        end = start + timedelta(days=6)
        return start.strftime("%Y-%m") if start.month == end.month else str(start.year)
    if "this month" in low:
        return anchor.strftime("%Y-%m")
    if "last month" in low:
        previous = anchor.replace(day=1) - timedelta(days=1)
        return previous.strftime("%Y-%m")
    if "this year" in low:
        return str(anchor.year)
    if "last year" in low:
        return str(anchor.year - 1)
    return None


def _month(low: str) -> int | None:
    for word in re.findall(r"[a-z]+", low):
        if word in MONTHS:
            return MONTHS.index(word) + 1
        if word in _MONTH_ABBR and word != "may":
            return _MONTH_ABBR[word]
    return None
