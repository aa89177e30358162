"""Writers for `tracker export`: CSV (spreadsheet-safe), JSON, JSON lines, Markdown, reports."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> str:
    """The cell text for a value, with a leading quote that stops formulas from running."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value)
    # quotes already before a formula character get one more, so import can undo exactly one
    if text.lstrip("'").startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO, *, delimiter: str = ","
) -> None:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_safe(row.get(column)) for column in columns])


def write_json(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.write(json.dumps(list(rows), ensure_ascii=False, indent=2))
    out.write("\n")


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")


def md_cell(value: Any) -> str:
    """A value as the text of one Markdown table cell: no pipe, newline or HTML can break out."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, float):
        text = f"{value:.1f}"
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("|", "\\|").replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", "<br>")


def write_markdown_table(
    rows: Iterable[dict[str, Any]], columns: Sequence[tuple[str, str]], out: TextIO
) -> int:
    """A GitHub-flavoured Markdown table of `columns` (key, header); returns the row count."""
    out.write("| " + " | ".join(md_cell(header) for _, header in columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    count = 0
    for row in rows:
        out.write("| " + " | ".join(md_cell(row.get(key)) for key, _ in columns) + " |\n")
        count += 1
    return count


def write_markdown(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str]],
    out: TextIO,
    *,
    title: str | None = None,
) -> None:
    if title:
        out.write(f"# {title}\n\n")
    if rows:
        write_markdown_table(rows, columns, out)
    else:
        out.write("Nothing to show.\n")


class AtomicOutput:
    """A text file written to a temporary name beside `path`, renamed over it only on success."""

    def __init__(self, path: str):
        self.path = path
        self.temp: str | None = None
        self.file: TextIO | None = None

    def __enter__(self) -> TextIO:
        import os
        import tempfile

        from tracker.model import InvalidInput

        directory = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(directory):
            raise InvalidInput(f"cannot write {self.path}: directory does not exist")
        if os.path.isdir(self.path):
            raise InvalidInput(f"cannot write {self.path}: it is a directory")
        try:
            fd, self.temp = tempfile.mkstemp(prefix=".tracker-", suffix=".tmp", dir=directory)
        except OSError as error:
            raise InvalidInput(f"cannot write {self.path}: {error.strerror}") from None
        # newline="" so CSV keeps the line endings the csv module chose
        self.file = open(fd, "w", encoding="utf-8", newline="")
        return self.file

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        import os

        assert self.file is not None and self.temp is not None
        try:
            if error is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if error is None:
                # mkstemp makes the file its owner's only; an export is to be shared, so it gets
                # the mode any new file gets here (the umask's), as `> file` would give it
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.temp, 0o666 & ~umask)
                os.replace(self.temp, self.path)
        finally:
            if os.path.exists(self.temp):
                os.unlink(self.temp)


def report_rows(sections: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """A report as flat rows, each tagged with its section (for JSON lines)."""
    for section in sections:
        for row in section.rows:
            yield {"section": section.key, **row}


def write_report_json(sections: Sequence[Any], out: TextIO) -> None:
    """A report as one JSON object: section key -> list of rows."""
    out.write(json.dumps({s.key: s.rows for s in sections}, ensure_ascii=False, indent=2))
    out.write("\n")


def write_report_csv(sections: Iterable[Any], out: TextIO) -> None:
    """A report in long form: one line per cell, `section,row,field,value`.

    Sections have different columns, so long form keeps one header that a spreadsheet
    can filter and pivot; `row` counts from 1 within each section.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "row", "field", "value"])
    for section in sections:
        for number, row in enumerate(section.rows, start=1):
            for key, _ in section.columns:
                writer.writerow([section.key, number, key, csv_safe(row.get(key))])


def write_report_markdown(sections: Sequence[Any], out: TextIO, *, title: str, summary: str) -> None:
    """A report an editor reads: a heading and one sentence per section, then its table."""
    out.write(f"# {title}\n\n{summary}\n")
    for section in sections:
        out.write(f"\n## {section.title}\n\n{section.about}\n\n")
        if section.rows:
            write_markdown_table(section.rows, section.columns, out)
        else:
            out.write("None.\n")
