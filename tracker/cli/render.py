"""Human output: rich tables and panels, and the one helper every read command emits through."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from typing import Any

Column = tuple[str, str]  # (key in the row, header shown to humans)
# wide columns take most of the width left over; short ones never wrap
WIDE_COLUMNS = frozenset(
    {
        "text",
        "text_a",
        "text_b",
        "reasons",
        "reason",
        "why",
        "proposition",
        "other_text",
        "note",
        "title",
        "statement_a",
        "statement_b",
        "what",
    }
)
SHORT_VALUE = 12  # a column whose values are all this short keeps its natural width
SHORT_COLUMNS = frozenset(
    {
        "id",
        "a_id",
        "b_id",
        "other_id",
        "said_on",
        "reported_on",
        "published",
        "kind",
        "polarity",
        "score",
        "status",
        "statements",
        "relation",
        "rating",
        "count",
        "created_at",
        "at",
        "supports",
        "denies",
        "discusses",
    }
)


# on a narrow terminal these give way, last first, so the texts keep room to be read
OPTIONAL_COLUMNS = ("kind", "polarity", "discusses")
MIN_TEXT_WIDTH = 30


def _fitting(rows: Sequence[dict[str, Any]], columns: Sequence[Column], width: int) -> list[Column]:
    """The columns worth showing in `width`: empty ones go, and optional ones while the wide
    texts would be squeezed under MIN_TEXT_WIDTH."""
    kept = [(key, header) for key, header in columns if any(cell(row.get(key)) for row in rows)]
    if not any(key in WIDE_COLUMNS for key, _ in kept):
        return kept

    def spare() -> int:
        natural = sum(
            max(len(header), *(len(cell(row.get(key))) for row in rows)) + 3
            for key, header in kept
            if key not in WIDE_COLUMNS
        )
        return width - natural

    for optional in reversed(OPTIONAL_COLUMNS):
        if spare() >= MIN_TEXT_WIDTH:
            break
        kept = [column for column in kept if column[0] != optional]
    return kept


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def emit(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    fmt: str = "table",
    title: str | None = None,
    empty: str = "Nothing found.",
) -> None:
    """Print rows as a table (humans), or as JSON / JSON lines / CSV (machines) on stdout."""
    from tracker.export import write_csv, write_json, write_jsonl  # not at import: `add` writes none

    if fmt == "json":
        write_json(rows, sys.stdout)
    elif fmt == "nl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(rows, [key for key, _ in columns], sys.stdout)
    else:
        table(rows, columns, title=title, empty=empty)


def emit_record(record: dict[str, Any], *, fmt: str, columns: Sequence[str] | None = None) -> None:
    """One object for machines: indented JSON, one JSON line, or a one-row CSV (nested values
    as JSON in their cell). A table of one object is the caller's to draw (`record`)."""
    from tracker.export import write_csv, write_jsonl

    if fmt == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
    elif fmt == "nl":
        write_jsonl([record], sys.stdout)
    elif fmt == "csv":
        write_csv([record], list(columns or record), sys.stdout)
    else:
        raise ValueError(f"emit_record writes machine formats, not {fmt!r}")


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    empty: str = "Nothing found.",
) -> None:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    if not rows:
        status(empty)
        return
    grid = Table(title=title, box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    columns = _fitting(rows, columns, console.width)
    # rich narrows every wrapping column towards the same width when a table is too wide, so
    # only the wide texts and the long names wrap: short values keep their natural width
    for key, header in columns:
        longest = max((len(cell(row.get(key))) for row in rows), default=0)
        if key in WIDE_COLUMNS:
            grid.add_column(header, overflow="fold", min_width=10)
        elif key in SHORT_COLUMNS or longest <= SHORT_VALUE:
            grid.add_column(header, overflow="fold", no_wrap=True)
        else:
            grid.add_column(header, overflow="fold", max_width=28, min_width=min(longest, 10))
    for row in rows:
        grid.add_row(*(escape(cell(row.get(key))) for key, _ in columns))
    console.print(grid)


def record(fields: Sequence[tuple[str, Any]], *, title: str | None = None) -> None:
    """One object as a two-column grid of label and value."""
    from rich.markup import escape
    from rich.table import Table

    grid = Table(title=title, show_header=False, box=None, padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in fields:
        if value not in (None, "", [], ()):
            grid.add_row(label, escape(cell(value)))
    _console().print(grid)


def unreviewed(suggested: bool, auto: bool) -> str:
    """What waits for a person, in a hint's words: the suggested, the auto-confirmed, or both."""
    return " and ".join(word for word, some in (("suggested", suggested), ("auto-confirmed", auto)) if some)


def status(message: str) -> None:
    """A line for the human on stderr, so stdout stays the result."""
    print(message, file=sys.stderr)


class progress:
    """A rich progress bar on stderr; the object is a (done, total, stage) callback for library
    code, the stage ("judging pairs") shown after the description."""

    def __init__(self, description: str):
        self.description = description

    def __enter__(self) -> progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = _console(stderr=True)
        self.bar = None
        if console.is_terminal:  # a bar in a log file or pipe is only noise
            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task(self.description, total=None)
        return self

    def __call__(self, done: int, total: int, stage: str = "") -> None:
        if self.bar is not None:
            description = f"{self.description}: {stage}" if stage else self.description
            self.bar.update(self.task, completed=done, total=total, description=description)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)  # type: ignore[arg-type]


SLOW_UPGRADE = 1.0  # seconds: an upgrade taking longer says so where no terminal shows a bar
UPGRADE_LINE_EVERY = 10_000  # rows between two lines of a slow upgrade in a log or a pipe


class upgrading:
    """Around opening a ledger: the (done, total, what) an upgrade of it reports, on stderr
    (stdout stays the command's result). On a terminal, a line and a bar at once; in a log or
    a pipe, nothing for an upgrade done within SLOW_UPGRADE, else a line once it is slow, one
    per UPGRADE_LINE_EVERY rows, and the time it took."""

    def __enter__(self) -> upgrading:
        self.started = time.monotonic()
        self.terminal: bool | None = None  # asked of rich at the first report: most opens make none
        self.shown = False
        self.bar: progress | None = None
        return self

    def __call__(self, done: int, total: int, what: str) -> None:
        if self.terminal is None:
            self.terminal = _console(stderr=True).is_terminal
        if not self.shown and (self.terminal or time.monotonic() - self.started >= SLOW_UPGRADE):
            self.shown = True
            status("Upgrading the ledger for this version of tracker (once; it may take a while).")
            if self.terminal:
                self.bar = progress("Upgrading").__enter__()
        if self.bar is not None:
            self.bar(done, total, what)
        elif self.shown and (done % UPGRADE_LINE_EVERY == 0 or done == total):
            status(f"  {what}: {done:,} of {total:,}")

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
        if self.shown and exc[0] is None:
            status(f"Upgraded the ledger in {time.monotonic() - self.started:.1f} s.")
