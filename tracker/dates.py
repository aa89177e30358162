"""Partial ISO 8601 dates: `2025`, `2025-05`, `2025-05-10` (and a time, which is kept)."""

from __future__ import annotations

from datetime import date, datetime

from tracker.model import InvalidInput
from tracker.patterns import lazy

_PARTIAL = lazy(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str | None, *, field: str = "date") -> str | None:
    """Validate a partial ISO date and return it in canonical form, or None for empty input."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    match = _PARTIAL.match(value)
    if match:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise InvalidInput(f"invalid {field} {value!r}: no such date") from None
        if int(year) < 1:
            raise InvalidInput(f"invalid {field} {value!r}: no such date")
        return value
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            f"invalid {field} {value!r}: use ISO 8601, e.g. 2025, 2025-05 or 2025-05-10"
        ) from None
    return parsed.isoformat()


def lower_bound(value: str) -> str:
    """The first day a partial date can mean, as YYYY-MM-DD (for range filters)."""
    return (value + "-01-01")[:10] if len(value) < 10 else value[:10]


def upper_bound(value: str) -> str:
    """A string >= every day a partial date can mean (`2025-05` -> `2025-05-99`)."""
    return (value + "-99-99")[:10] if len(value) < 10 else value[:10]
