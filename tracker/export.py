"""Writers for machine formats (CSV, JSON, JSON lines, Markdown) and their readers for import."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

if TYPE_CHECKING:
    from tracker.model import NewStatement

MAX_CELL_BYTES = 1_000_000  # one cell; a longer one is a broken file, not a statement

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> str:
    """The cell text for a value, with a leading quote that stops formulas from running."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value)
    if text.startswith(_FORMULA_START):
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


def read_text(path: str, *, what: str = "input", limit: int | None = None) -> str:
    """Read a UTF-8 text file, or stdin for "-"; binary, empty or undecodable input is an error."""
    import sys
    from pathlib import Path

    from tracker.model import InvalidInput

    name = "stdin" if path == "-" else path
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        file = Path(path)
        if not file.exists():
            raise InvalidInput(f"{what} {path}: no such file")
        if file.is_dir():
            raise InvalidInput(f"{what} {path}: is a directory")
        if limit is not None and file.stat().st_size > limit:
            raise InvalidInput(f"{what} {path}: too large ({file.stat().st_size:,} bytes; at most {limit:,})")
        data = file.read_bytes()
    if limit is not None and len(data) > limit:
        raise InvalidInput(f"{what} {name}: too large ({len(data):,} bytes; at most {limit:,})")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InvalidInput(f"{what} {name}: binary data (NUL byte at {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{what} {name}: not valid UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise InvalidInput(f"{what} {name}: empty")
    return text


# --- readers for `tracker import` ------------------------------------------------------------

IMPORT_FIELDS = (
    "text", "speaker", "role", "affiliation", "source", "url", "title", "author", "published",
    "said_on", "reported_on", "kind", "cue", "via", "hedge", "modality", "polarity", "tags", "ref",
    "char_start", "char_end",
)
# names other tools (and our own exports) use for the same fields
_SYNONYMS = {"id": None, "created_at": None, "proposition": None, "speaker_id": None,
             "source_id": None, "outlet": "source", "statement": "text", "claim": "text"}
IMPORT_FORMATS = ("csv", "tsv", "json", "jsonl")


def import_format(path: str, fmt: str | None) -> str:
    from tracker.model import InvalidInput

    if fmt:
        if fmt not in IMPORT_FORMATS:
            raise InvalidInput(f"unknown format {fmt!r}: use one of {', '.join(IMPORT_FORMATS)}")
        return fmt
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix in IMPORT_FORMATS:
        return suffix
    if suffix == "ndjson":
        return "jsonl"
    raise InvalidInput(f"cannot tell the format of {path}: use --format csv|tsv|json|jsonl")


def read_statements(
    path: str, fmt: str, *, warn: Any = None
) -> Iterator[NewStatement]:
    """Stream the statements of a CSV/TSV/JSON/JSONL file (or stdin for "-").

    Errors name the row (data rows count from 1). Unknown columns are reported once
    through `warn` and ignored.
    """
    from tracker.model import InvalidInput

    stream = _open_binary(path)
    try:
        if fmt in ("csv", "tsv"):
            records = _csv_records(stream, "\t" if fmt == "tsv" else ",")
        elif fmt == "jsonl":
            records = _jsonl_records(stream)
        else:
            records = _json_records(stream)
        seen_unknown: set[str] = set()
        any_rows = False
        for number, record in records:
            any_rows = True
            unknown = [k for k in record if k not in IMPORT_FIELDS and k not in _SYNONYMS]
            fresh = sorted(set(unknown) - seen_unknown)
            if fresh and warn is not None:
                warn(f"ignoring unknown column{'s' if len(fresh) > 1 else ''}: {', '.join(fresh)}")
            seen_unknown.update(fresh)
            try:
                yield _statement_from(record)
            except InvalidInput as error:
                raise InvalidInput(f"row {number}: {error}") from None
        if not any_rows:
            raise InvalidInput(f"{'stdin' if path == '-' else path}: no rows to import")
    finally:
        if path != "-":
            stream.close()


def _open_binary(path: str) -> BinaryIO:
    import sys
    from pathlib import Path

    from tracker.model import InvalidInput

    if path == "-":
        return sys.stdin.buffer
    file = Path(path)
    if not file.exists():
        raise InvalidInput(f"{path}: no such file")
    if file.is_dir():
        raise InvalidInput(f"{path}: is a directory")
    return file.open("rb")


def _decoded_lines(stream: BinaryIO) -> Iterator[tuple[int, str]]:
    """Lines as text, with their 1-based line number; bad bytes are an error naming the line."""
    from tracker.model import InvalidInput

    for number, raw in enumerate(stream, start=1):
        if b"\x00" in raw:
            raise InvalidInput(f"line {number}: NUL byte")
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            raise InvalidInput(f"line {number}: not valid UTF-8 (byte {error.start})") from None
        yield number, line


def _csv_records(stream: BinaryIO, delimiter: str) -> Iterator[tuple[int, dict[str, Any]]]:
    import csv

    from tracker.model import InvalidInput

    csv.field_size_limit(MAX_CELL_BYTES)
    lines = (line for _, line in _decoded_lines(stream))
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput("empty file: expected a header row with a 'text' column") from None
    except csv.Error as error:
        raise InvalidInput(f"header: {error}") from None
    header = [h.strip().lower() for h in header]
    if "text" not in header and "statement" not in header and "claim" not in header:
        raise InvalidInput("the header has no 'text' column")
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InvalidInput(f"row {number + 1}: {_csv_message(error)}") from None
        number += 1
        if not values:
            continue
        if len(values) != len(header):
            raise InvalidInput(
                f"row {number}: {len(values)} columns where the header has {len(header)}"
            )
        yield number, dict(zip(header, values))


def _csv_message(error: Exception) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"a cell is larger than {MAX_CELL_BYTES:,} bytes"
    if "unexpected end of data" in text or "EOF" in text:
        return "unterminated quote"
    return text


def _jsonl_records(stream: BinaryIO) -> Iterator[tuple[int, dict[str, Any]]]:
    from tracker.model import InvalidInput

    number = 0
    for _, line in _decoded_lines(stream):
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidInput(f"row {number}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InvalidInput(f"row {number}: expected a JSON object")
        yield number, record


def _json_records(stream: BinaryIO) -> Iterator[tuple[int, dict[str, Any]]]:
    from tracker.model import InvalidInput

    data = stream.read()
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InvalidInput(f"NUL byte at byte {nul}")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InvalidInput(f"not valid UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"invalid JSON at byte {error.pos} (line {error.lineno}): {error.msg}"
        ) from None
    if isinstance(document, dict) and isinstance(document.get("statements"), list):
        document = document["statements"]
    if not isinstance(document, list):
        raise InvalidInput("expected a JSON array of statement objects")
    for number, record in enumerate(document, start=1):
        if not isinstance(record, dict):
            raise InvalidInput(f"row {number}: expected a JSON object")
        yield number, record


def _statement_from(record: dict[str, Any]) -> NewStatement:
    from tracker.model import InvalidInput, NewStatement

    values: dict[str, Any] = {}
    for name, value in record.items():
        target = _SYNONYMS.get(name, name) if name in _SYNONYMS else name
        if target in IMPORT_FIELDS and value not in (None, ""):
            values[target] = value
    text = values.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("text is missing")
    speaker = values.get("speaker")
    if isinstance(speaker, dict):  # our own JSON export nests nothing, but be lenient
        speaker = speaker.get("name")
    tags = values.get("tags", [])
    if isinstance(tags, str):
        tags = [t for t in (p.strip() for p in tags.replace(";", ",").split(",")) if t]
    elif not isinstance(tags, list):
        raise InvalidInput("tags must be a list or a comma-separated string")
    for name in ("char_start", "char_end"):
        if name in values:
            try:
                values[name] = int(values[name])
            except (TypeError, ValueError):
                raise InvalidInput(f"{name} must be a whole number") from None
    strings = {
        name: str(values[name]) if not isinstance(values[name], str) else values[name]
        for name in IMPORT_FIELDS
        if name in values and name not in ("tags", "char_start", "char_end", "text", "speaker")
    }
    return NewStatement(
        text=text,
        speaker=str(speaker or "unknown"),
        tags=[str(t) for t in tags],
        char_start=values.get("char_start"),
        char_end=values.get("char_end"),
        **strings,
    )
