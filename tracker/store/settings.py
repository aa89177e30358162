"""Named settings kept in the database (the linker's thresholds, for one)."""

from __future__ import annotations

from sqlite_utils import Database

from tracker.model import InvalidInput
from tracker.store.connection import write_transaction
from tracker.store.validation import MAX_TEXT_CHARS

MAX_TEXT_SETTING = "max_text_chars"
# a reader refuses a cell beyond 1,000,000 bytes, so a longer limit could never be reached
MAX_TEXT_CEILING = 1_000_000
STORE_SETTINGS: dict[str, tuple[int, str]] = {
    MAX_TEXT_SETTING: (MAX_TEXT_CHARS, "longest statement text (characters) that add and import accept"),
}


def get_setting(db: Database, name: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [name]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, name: str, value: str) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [name, value],
        )


def max_text_chars(db: Database) -> int:
    """The longest statement text this ledger accepts."""
    raw = get_setting(db, MAX_TEXT_SETTING)
    return int(raw) if raw is not None else MAX_TEXT_CHARS


def set_max_text_chars(db: Database, raw: str) -> int:
    """Validate and store the longest statement text: a whole number of characters."""
    try:
        value = int(raw.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_TEXT_CEILING:
        raise InvalidInput(
            f"{MAX_TEXT_SETTING} must be a whole number from 1 to {MAX_TEXT_CEILING:,}, not {raw!r}"
        )
    set_setting(db, MAX_TEXT_SETTING, str(value))
    return value


def store_settings(db: Database) -> list[dict[str, object]]:
    """The store's settings with their value, default and meaning (as link.settings lists its own)."""
    return [
        {"key": MAX_TEXT_SETTING, "value": max_text_chars(db), "default": default, "description": text}
        for default, text in STORE_SETTINGS.values()
    ]
