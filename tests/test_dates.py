import pytest

from tracker.dates import lower_bound, parse_date, upper_bound
from tracker.model import InvalidInput


@pytest.mark.parametrize("value", ["2025", "2025-05", "2025-05-10", "2024-02-29"])
def test_partial_iso_dates_are_kept_as_given(value):
    assert parse_date(value) == value


def test_a_time_is_kept_in_canonical_form():
    assert parse_date("2025-05-10T17:00:00Z") == "2025-05-10T17:00:00+00:00"


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13", "2023-02-29", "0000"])
def test_impossible_dates_are_errors(value):
    with pytest.raises(InvalidInput, match="no such date"):
        parse_date(value)


@pytest.mark.parametrize("value", ["yesterday", "10/05/2025", "2025-5-1", "2025-05-10; DROP TABLE x"])
def test_non_iso_dates_are_errors(value):
    with pytest.raises(InvalidInput, match="use ISO 8601"):
        parse_date(value)


def test_empty_date_is_none():
    assert parse_date("  ") is None
    assert parse_date(None) is None


def test_bounds_cover_every_day_a_partial_date_can_mean():
    assert lower_bound("2025") == "2025-01-01"
    assert lower_bound("2025-05") == "2025-05-01"
    assert upper_bound("2025-05") == "2025-05-99"
    assert upper_bound("2025-05-10") == "2025-05-10"
    assert upper_bound("2025-05-10T10:00:00") == "2025-05-10"
