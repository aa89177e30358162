"""Named settings kept in the database (the linker's thresholds, for one)."""

from __future__ import annotations

from sqlite_utils import Database


def get_setting(db: Database, name: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [name]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, name: str, value: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [name, value],
        )
