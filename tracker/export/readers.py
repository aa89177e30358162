"""Readers: a text file, and the statements `tracker import` reads (CSV, TSV, JSON, JSON lines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from tracker.export.writers import _FORMULA_START
from tracker.patterns import lazy

if TYPE_CHECKING:
    from tracker.model import NewStatement


class ByteLines(Protocol):
    """What the readers need of a binary stream (a file, stdin, or one with bytes put back)."""

    def readline(self, limit: int = -1, /) -> bytes: ...
    def read(self, size: int = -1, /) -> bytes: ...
    def close(self) -> None: ...


MAX_CELL_BYTES = 1_000_000  # one cell; a longer one is a broken file, not a statement


def read_text(
    path: str, *, what: str = "input", limit: int | None = None, encoding: str | None = None
) -> str:
    """Read a UTF-8 text file, or stdin for "-"; binary, empty or undecodable input is an error.

    With `encoding` the text is read in it as `tracker import --encoding` reads (never guessed
    past): undecodable bytes are an error naming their line and byte."""
    import io
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
    if encoding is not None:
        decoding = _Decoding(encoding, name=name)
        try:
            text = "".join(line for _, line in _decoded_lines(io.BytesIO(data), decoding))
        except InvalidInput as error:
            raise InvalidInput(f"{what} {name}: {error}") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InvalidInput(f"{what} {name}: not valid UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise InvalidInput(f"{what} {name}: empty")
    return text


# --- readers for `tracker import` ------------------------------------------------------------

IMPORT_FIELDS = (
    "text",
    "speaker",
    "role",
    "affiliation",
    "source",
    "url",
    "title",
    "author",
    "published",
    "said_on",
    "reported_on",
    "kind",
    "cue",
    "via",
    "hedge",
    "modality",
    "polarity",
    "tags",
    "ref",
    "char_start",
    "char_end",
    "speaker_kind",
    "answers",  # what a reply answers, as extraction recorded it
)
_IMPORT_FIELD_SET = frozenset(IMPORT_FIELDS)
# a statement's further appearances (another date or outlet), as `tracker export` writes them:
# each is read as one more row with the statement's words and these fields of its own
APPEARANCE_FIELDS = ("source", "url", "title", "author", "published", "said_on", "reported_on", "ref")
_NOT_STRINGS = frozenset(("tags", "char_start", "char_end", "text", "speaker"))
# names other tools (and our own exports) use for the same fields
_SYNONYMS = {
    "id": None,
    "created_at": None,
    "proposition": None,
    "speaker_id": None,
    "source_id": None,
    "outlet": "source",
    "statement": "text",
    "claim": "text",
}
IMPORT_FORMATS = ("csv", "tsv", "json", "jsonl")
_SUFFIX_FORMATS = {
    "csv": "csv",
    "tsv": "tsv",
    "tab": "tsv",
    "json": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
}
CSV_DELIMITERS = ",;\t"  # what spreadsheets save: comma, semicolon (many locales), tab
# Windows spreadsheets save "ANSI" text in cp1252 more than in any other legacy encoding, and on
# short text charset-normalizer's language guess picks cp775 or cp1250 for French or German:
# cp1252 wins wherever it reads the bytes as cleanly as the best guess. A guess can be wrong
# (Czech in cp1250 reads cleanly too), so the caller says which it used.
_PREFERRED_LEGACY = "cp1252"
DETECT_SAMPLE_BYTES = 1 << 20
# A UTF-8 file with a character pasted in from a Windows program (a 0x92 apostrophe) is UTF-8
# with strays, not a legacy file: each stray byte is read as cp1252 where it is a cp1252
# punctuation mark or symbol (0x80-0xBF), or a letter (0xC0-0xFF) inside a word, and no more
# than two come together (a word of another script in a legacy encoding is a longer run).
_STRAY_RUN = 2
_VALID_MULTIBYTE = lazy(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ENCODING_HINT = "give --encoding to read it in another encoding"


def has_utf8_beyond_ascii(data: bytes) -> bool:
    """Whether data is UTF-8 text, whatever bytes are stray in it: its characters that only
    UTF-8 writes this way (valid multi-byte sequences) outnumber the bytes beyond ASCII that
    are in none. A legacy file can hold a pair that happens to be one ("Gruß“" in cp1252 is
    DF 93, a UTF-8 letter of N'Ko) beside its other non-ASCII bytes."""
    valid = 0
    covered = 0
    for found in _VALID_MULTIBYTE.finditer(data):
        valid += 1
        covered += len(found.group())
    stray = sum(1 for byte in data if byte >= 0x80) - covered
    return valid > stray


def decode_with_strays(raw: bytes) -> tuple[str, str] | None:
    """raw as UTF-8 with its stray bytes read as cp1252: (the text, the stray characters), or
    None when a byte that is not UTF-8 is no cp1252 character pasted in (see _STRAY_RUN)."""
    parts: list[str] = []
    strays: list[str] = []
    pos = 0
    run_end = -1
    run = 0
    while True:
        try:
            parts.append(raw[pos:].decode("utf-8"))
            return "".join(parts), "".join(strays)
        except UnicodeDecodeError as error:
            at = pos + error.start
            parts.append(raw[pos:at].decode("utf-8"))
            byte = raw[at]
            run = run + 1 if at == run_end else 1
            run_end = at + 1
            if run > _STRAY_RUN:
                return None
            if byte >= 0xC0:
                before = raw[at - 1 : at]
                after = raw[at + 1 : at + 2]
                if not (before.isalpha() or after.isalpha()):
                    return None  # a letter alone is no letter of a word: a broken sequence
            try:
                char = raw[at : at + 1].decode("cp1252")
            except UnicodeDecodeError:
                return None  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no cp1252 character either
            parts.append(char)
            strays.append(char)
            pos = at + 1


def import_format(path: str, fmt: str | None) -> str | None:
    """The format --format names, else the one the extension names; None: sniff the content."""
    from tracker.model import InvalidInput

    if fmt:
        if fmt not in IMPORT_FORMATS:
            raise InvalidInput(f"unknown format {fmt!r}: use one of {', '.join(IMPORT_FORMATS)}")
        return fmt
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return _SUFFIX_FORMATS.get(suffix)


def read_statements(
    path: str,
    fmt: str | None = None,
    *,
    warn: Any = None,
    note: Any = None,
    encoding: str | None = None,
    speaker_missing: str | None = None,
) -> Iterator[NewStatement]:
    """Stream the statements of a CSV/TSV/JSON/JSONL file (or stdin for "-").

    CSV, TSV and JSON lines are read one line at a time, so memory stays flat however big
    the file; a JSON array is parsed whole. With no `fmt` the first line tells: `[` a JSON
    array, a whole object on the line JSON lines, `{` otherwise a JSON document, anything
    else CSV. A CSV's delimiter is sniffed from its header (comma, semicolon or tab).
    Errors name the row as a spreadsheet numbers it (the header is row 1; blank lines are
    rows too) for CSV, the data row (from 1) for JSON; bytes that cannot be read add the line
    and byte offset. Text is UTF-8 unless `encoding` names another; text that is not UTF-8
    is decoded in the encoding detected, whose name is passed once to `note`. Unknown
    columns are reported once through `warn` and ignored. A row with no speaker is an error
    (whose words they are is unknown), unless `speaker_missing` names whom to file it under.
    """
    from tracker.model import InvalidInput

    name = "stdin" if path == "-" else path
    decoding = _Decoding(encoding, note, name)
    stream: ByteLines = _open_binary(path)
    try:
        if fmt is None:
            fmt, stream = _sniff_format(stream)
        if fmt in ("csv", "tsv"):
            records = _csv_records(stream, "\t" if fmt == "tsv" else None, name, decoding)
        elif fmt == "jsonl":
            records = _jsonl_records(stream, name, decoding)
        else:
            records = _json_records(stream, name, decoding)
        seen_unknown: set[str] = set()
        any_rows = False
        for number, record in records:
            any_rows = True
            unknown = [
                k for k in record if k not in IMPORT_FIELDS and k not in _SYNONYMS and k != "appearances"
            ]
            fresh = sorted(set(unknown) - seen_unknown)
            if fresh and warn is not None:
                warn(f"ignoring unknown column{'s' if len(fresh) > 1 else ''}: {', '.join(fresh)}")
            seen_unknown.update(fresh)
            try:
                statement = _statement_from(record, speaker_missing)
                statement.row = number
                # a statement as `tracker export` writes it: its id, and its further appearances
                if record.get("id") not in (None, "") and "appearances" in record:
                    statement = replace(statement, exported="statement")
                again = _appearances(record.get("appearances"), statement)
            except InvalidInput as error:
                raise InvalidInput(f"row {number}: {error}") from None
            yield statement
            yield from again
        if not any_rows:
            raise InvalidInput(f"{name}: no rows to import")
        decoding.report_strays()
    finally:
        if path != "-":
            stream.close()


def check_encoding(encoding: str) -> None:
    """An encoding someone named must exist: "unknown encoding 'klingon'" otherwise."""
    _Decoding(encoding)


class _Decoding:
    """How to decode: an encoding someone named (kept to, never guessed past), else UTF-8 (with
    stray cp1252 bytes read as such, line by line), else a detected legacy encoding when it
    fails; what was read is said in one line passed to `note`."""

    def __init__(self, encoding: str | None = None, note: Any = None, name: str = "input"):
        import codecs

        from tracker.model import InvalidInput

        if encoding is not None:
            try:
                encoding = codecs.lookup(encoding).name
            except LookupError:
                raise InvalidInput(f"unknown encoding {encoding!r}") from None
        self.chosen = encoding is not None
        self.encoding = encoding or "utf-8"
        self.note = note
        self.name = name
        self.legacy_from: int | None = None  # the first line read in the detected encoding
        self.strays: list[tuple[int, str]] = []  # (line, the cp1252 characters read on it)

    def detected(self, encoding: str, line: int = 1) -> None:
        self.encoding = encoding
        self.legacy_from = line
        if self.note is not None:
            self.note(f"Read {self.name} as {encoding} (it is not UTF-8; give --encoding if that is wrong).")

    def stray(self, line: int, chars: str) -> None:
        self.strays.append((line, chars))

    def report_strays(self) -> None:
        if not self.strays or self.note is None:
            return
        count = sum(len(chars) for _, chars in self.strays)
        lines = [str(line) for line, _ in self.strays]
        shown = ", ".join(lines[:10]) + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")
        chars = " ".join(dict.fromkeys(c for _, found in self.strays for c in found))
        self.note(
            f"Read {self.name} as UTF-8, with {count} byte{'s' if count != 1 else ''} that"
            f" {'are' if count != 1 else 'is'} not UTF-8 read as cp1252 ({chars})"
            f" on line{'s' if len(lines) != 1 else ''} {shown};"
            " give --encoding if that is wrong."
        )


class _Prefixed:
    """A binary stream with bytes already read put back in front (for sniffing stdin)."""

    def __init__(self, head: bytes, rest: ByteLines):
        import io

        self.head = io.BytesIO(head)
        self.rest = rest
        self.left = len(head)

    def readline(self, limit: int = -1) -> bytes:
        if not self.left:
            return self.rest.readline(limit)
        line = self.head.readline(limit)
        self.left -= len(line)
        if not self.left and not line.endswith(b"\n") and (limit < 0 or len(line) < limit):
            line += self.rest.readline(limit - len(line) if limit >= 0 else -1)
        return line

    def read(self, size: int = -1) -> bytes:
        data = self.head.read(size)
        self.left -= len(data)
        if size < 0 or len(data) < size:
            data += self.rest.read(size - len(data) if size >= 0 else -1)
        return data

    def close(self) -> None:
        self.rest.close()


def _sniff_format(stream: ByteLines) -> tuple[str, ByteLines]:
    """The format of the content from its first non-blank line, and the stream, unconsumed."""
    head = b""
    line = b""
    while len(head) <= MAX_CELL_BYTES:
        line = stream.readline(MAX_CELL_BYTES + 1)
        head += line
        if not line or line.strip():
            break
    first = line.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    if first.startswith(b"["):
        fmt = "json"
    elif first.startswith(b"{"):
        try:
            line_object = json.loads(first)
        except ValueError:  # bad JSON or bytes that are not UTF-8: a document over many lines
            line_object = None
        # {"statements": [...]} on one line is the document form, not a line of statements
        lines = isinstance(line_object, dict) and not isinstance(line_object.get("statements"), list)
        fmt = "jsonl" if lines else "json"
    else:
        fmt = "csv"
    return fmt, _Prefixed(head, stream)


def detect_encoding(data: bytes) -> str | None:
    """The legacy encoding `data` (not UTF-8) is most likely in, or None when nothing fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    preferred = from_bytes(data, cp_isolation=[_PREFERRED_LEGACY]).best()
    if preferred is not None and preferred.chaos <= best.chaos + 0.01:
        return _PREFERRED_LEGACY
    return str(best.encoding)


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


def _decoded_lines(stream: ByteLines, decoding: _Decoding | None = None) -> Iterator[tuple[int, str]]:
    """Lines as text with their 1-based number; NUL, undecodable bytes or a huge line name line
    and byte. Unless an encoding was chosen, text is UTF-8 until a line is not: when every line
    before was plain ASCII, the encoding is detected from there on; else it is an error."""
    from tracker.model import InvalidInput

    decoding = decoding or _Decoding()
    offset = 0  # bytes before this line, so errors can point into the file
    number = 0
    ascii_so_far = True
    while True:
        # readline with a limit keeps a file without newlines from filling memory
        raw = stream.readline(MAX_CELL_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_CELL_BYTES:
            raise InvalidInput(f"line {number} (byte {offset}): longer than {MAX_CELL_BYTES:,} bytes")
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise InvalidInput(f"line {number} (byte {offset + nul}): NUL byte")
        encoding = decoding.encoding
        try:
            line = raw.decode("utf-8-sig" if number == 1 and encoding == "utf-8" else encoding)
        except UnicodeDecodeError as error:
            if decoding.chosen or encoding != "utf-8":
                raise _undecodable(number, offset, raw, error, encoding, hint=not decoding.chosen) from None
            utf8 = not ascii_so_far or bool(decoding.strays)
            if not utf8:
                sample = raw + stream.read(DETECT_SAMPLE_BYTES)
                stream = _Prefixed(sample[len(raw) :], stream)
                utf8 = has_utf8_beyond_ascii(sample)
            if utf8:  # UTF-8 text with a character pasted in from elsewhere, or broken
                bom = 3 if number == 1 and raw.startswith(b"\xef\xbb\xbf") else 0
                read = decode_with_strays(raw[bom:])
                if read is None:
                    raise _undecodable(number, offset, raw, error, encoding, hint=True) from None
                line, chars = read
                decoding.stray(number, chars)
            else:
                detected = detect_encoding(sample)
                if detected is None:
                    raise _undecodable(number, offset, raw, error, encoding, hint=True) from None
                decoding.detected(detected, number)
                try:
                    line = raw.decode(detected)
                except UnicodeDecodeError as again:
                    raise _undecodable(number, offset, raw, again, detected, hint=True) from None
        else:
            if decoding.legacy_from is not None and not raw.isascii() and has_utf8_beyond_ascii(raw):
                # read in a legacy encoding from an earlier line, but UTF-8 here: text of two kinds
                _mixed_legacy(number, offset, decoding.legacy_from, raw)
        ascii_so_far = ascii_so_far and raw.isascii()
        offset += len(raw)
        yield number, line


def _undecodable(
    number: int, offset: int, raw: bytes, error: UnicodeDecodeError, encoding: str, *, hint: bool = False
) -> Exception:
    from tracker.model import InvalidInput

    # utf-8-sig reports positions after a stripped BOM
    bom = 3 if number == 1 and encoding == "utf-8" and raw.startswith(b"\xef\xbb\xbf") else 0
    shown = "UTF-8" if encoding == "utf-8" else encoding
    return InvalidInput(
        f"line {number} (byte {offset + bom + error.start}): not valid {shown}"
        + (f"; {_ENCODING_HINT}" if hint else "")
    )


def _mixed_legacy(number: int, offset: int, legacy_from: int, raw: bytes) -> None:
    from tracker.model import InvalidInput

    found = _VALID_MULTIBYTE.search(raw)
    at = offset + (found.start() if found else 0)
    raise InvalidInput(
        f"line {number} (byte {at}): UTF-8, but line {legacy_from} was not: the file mixes encodings;"
        f" {_ENCODING_HINT}"
    )


def _csv_records(
    stream: ByteLines, delimiter: str | None, name: str = "input", decoding: _Decoding | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records with their row number as a spreadsheet shows it: every record counts, blank
    ones too, so the header is row 1. A None `delimiter` is sniffed from the header line."""
    import csv
    import itertools

    from tracker.model import InvalidInput

    csv.field_size_limit(MAX_CELL_BYTES)
    lines: Iterator[str] = (line for _, line in _decoded_lines(stream, decoding))
    if delimiter is None:
        head: list[str] = []
        try:
            for line in lines:
                head.append(line)
                if line.strip():
                    break
        except InvalidInput as error:
            raise InvalidInput(f"row {len(head) + 1}: {error}") from None
        delimiter = _sniff_delimiter(head[-1] if head else "")
        lines = itertools.chain(head, lines)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    read = 0  # records read so far, blank ones included: the row number of the last

    def next_values() -> list[str] | None:
        """The next non-blank record, None at the end; errors name the row being read."""
        nonlocal read
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return None
            except csv.Error as error:
                raise InvalidInput(
                    f"row {read + 1}{_line_if_other(read + 1, reader.line_num)}: {_csv_message(error)}"
                ) from None
            except InvalidInput as error:
                raise InvalidInput(f"row {read + 1}: {error}") from None
            read += 1
            if values and any(v.strip() for v in values):
                return values

    header = next_values()
    if header is None:
        raise InvalidInput(f"{name}: empty file (expected a header row with a 'text' column)")
    header = [h.strip().lower() for h in header]
    if "text" not in header and "statement" not in header and "claim" not in header:
        article = name.lower().endswith((".txt", ".md", ".html", ".htm"))
        hint = f" (an article? `tracker extract {name}` finds who said what in it)" if article else ""
        raise InvalidInput(f"{name}: the header has no 'text' column{hint}")
    repeated = sorted({h for h in header if h and header.count(h) > 1})
    if repeated:
        raise InvalidInput(f"{name}: the header repeats column {', '.join(repeated)}")
    while True:
        values = next_values()
        if values is None:
            return
        if len(values) != len(header):
            raise InvalidInput(
                f"row {read}{_line_if_other(read, reader.line_num)}: {len(values)} columns where"
                f" the header has {len(header)}"
            )
        yield (
            read,
            {h: _csv_unsafe(v) if v[:1] == "'" else v for h, v in zip(header, values, strict=True) if h},
        )


def _line_if_other(row: int, line: int) -> str:
    """A cell over several lines makes the file's line differ from the spreadsheet's row."""
    return f" (line {line})" if line != row else ""


def _sniff_delimiter(header: str) -> str:
    import csv

    try:
        return csv.Sniffer().sniff(header, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:  # one column: no delimiter to find
        return ","


def _csv_unsafe(cell: str) -> str:
    """Undo csv_safe: drop the one quote it put before (quotes and) a formula character."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def _csv_message(error: Exception) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"a cell is larger than {MAX_CELL_BYTES:,} bytes"
    if "unexpected end of data" in text or "EOF" in text:
        return "unterminated quote"
    return text


def _jsonl_records(
    stream: ByteLines, name: str = "input", decoding: _Decoding | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    from tracker.model import InvalidInput

    number = 0
    lines = _decoded_lines(stream, decoding)
    while True:
        try:
            found = next(lines, None)
        except InvalidInput as error:
            raise InvalidInput(f"row {number + 1}: {error}") from None
        if found is None:
            return
        line_number, line = found
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InvalidInput(f"row {number} (line {line_number}): invalid JSON ({error.msg})") from None
        except RecursionError:
            raise InvalidInput(f"row {number} (line {line_number}): JSON nested too deeply") from None
        if not isinstance(record, dict):
            raise InvalidInput(f"row {number} (line {line_number}): expected a JSON object")
        yield number, record


def _json_records(
    stream: ByteLines, name: str = "input", decoding: _Decoding | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The objects of a JSON array (or {"statements": [...]}); the document is read whole."""
    from tracker.model import InvalidInput

    data = stream.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise InvalidInput(f"{name}: empty file (expected a JSON array of statements)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InvalidInput(f"{name}: NUL byte at byte {nul}")
    decoding = decoding or _Decoding()
    try:
        text = data.decode(decoding.encoding)
    except UnicodeDecodeError as error:
        shown = "UTF-8" if decoding.encoding == "utf-8" else decoding.encoding
        unreadable = f"{name}: not valid {shown} (byte {error.start})"
        if decoding.chosen:
            raise InvalidInput(unreadable) from None
        if has_utf8_beyond_ascii(data):  # UTF-8 with characters pasted in: read line by line
            text = "\n".join(_json_lines_with_strays(data.split(b"\n"), decoding, unreadable))
        else:
            detected = detect_encoding(data)
            if detected is None:
                raise InvalidInput(f"{unreadable}; {_ENCODING_HINT}") from None
            text = data.decode(detected)
            decoding.detected(detected)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        message = error.msg
        if message.startswith("Unterminated string"):  # json's own text ends "starting at"
            message = "unterminated string"
        if message == "unterminated string" or error.pos >= len(data.rstrip()):
            message += "; is the file truncated?"
        raise InvalidInput(
            f"{name}: invalid JSON at byte {error.pos} (line {error.lineno}): {message}"
        ) from None
    except RecursionError:
        raise InvalidInput(f"{name}: JSON nested too deeply") from None
    if isinstance(document, dict) and isinstance(document.get("statements"), list):
        document = document["statements"]
    if not isinstance(document, list):
        raise InvalidInput(f"{name}: expected a JSON array of statement objects")
    for number, record in enumerate(document, start=1):
        if not isinstance(record, dict):
            raise InvalidInput(f"row {number}: expected a JSON object")
        yield number, record


def _json_lines_with_strays(lines: list[bytes], decoding: _Decoding, unreadable: str) -> Iterator[str]:
    from tracker.model import InvalidInput

    for number, raw in enumerate(lines, start=1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            read = decode_with_strays(raw)
            if read is None:
                raise InvalidInput(f"{unreadable}; {_ENCODING_HINT}") from None
            decoding.stray(number, read[1])
            yield read[0]


def _statement_from(record: dict[str, Any], speaker_missing: str | None = None) -> NewStatement:
    from tracker.model import InvalidInput, NewStatement

    values: dict[str, Any] = {}
    for name, value in record.items():
        target = _SYNONYMS.get(name, name) if name in _SYNONYMS else name
        if target in _IMPORT_FIELD_SET and value not in (None, ""):
            values[target] = value
    text = values.get("text")
    if text is None:
        raise InvalidInput("text is missing")
    if not isinstance(text, str):
        raise InvalidInput("text must be a string")
    if not text.strip():
        raise InvalidInput("text is empty")
    speaker = values.get("speaker")
    if isinstance(speaker, dict):  # our own JSON export nests nothing, but be lenient
        speaker = speaker.get("name")
    if isinstance(speaker, str):
        speaker = speaker.strip()
    if speaker in (None, ""):
        if not speaker_missing:
            named = any(_SYNONYMS.get(name, name) == "speaker" for name in record)
            raise InvalidInput(
                ("speaker is empty" if named else "no speaker: the file has no 'speaker' column")
                + " (give it, or --speaker-missing unknown to keep the row)"
            )
        speaker = speaker_missing
    tags = _tags(values.get("tags", []))
    for name in ("char_start", "char_end"):
        if name in values:
            try:
                values[name] = int(values[name])
            except (TypeError, ValueError):
                raise InvalidInput(f"{name} must be a whole number") from None
    strings: dict[str, Any] = {  # the optional text fields, each a str
        name: value if isinstance(value, str) else str(value)
        for name, value in values.items()
        if name not in _NOT_STRINGS
    }
    return NewStatement(
        text=text,
        speaker=str(speaker),
        tags=[str(t) for t in tags],
        char_start=values.get("char_start"),
        char_end=values.get("char_end"),
        **strings,
    )


def _appearances(value: Any, statement: NewStatement) -> list[NewStatement]:
    """The rows a statement's exported appearances stand for: its words, their source and dates."""
    from dataclasses import replace

    from tracker.model import InvalidInput

    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise InvalidInput(f"appearances {value!r} is not a JSON list") from None
    if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
        raise InvalidInput("appearances must be a JSON list of objects")

    def field(item: dict[str, Any], name: str) -> str | None:
        return None if item.get(name) in (None, "") else str(item[name])

    return [
        replace(
            statement,
            source=field(item, "source"),
            url=field(item, "url"),
            title=field(item, "title"),
            author=field(item, "author"),
            published=field(item, "published"),
            said_on=field(item, "said_on"),
            reported_on=field(item, "reported_on"),
            ref=field(item, "ref"),
            exported="appearance",
        )
        for item in value
    ]


def _tags(value: Any) -> list[Any]:
    """Tags as a list: a JSON list, or a string that is one (`["a","b"]`, as a spreadsheet cell
    holds it) or a list separated by `;` or `,`."""
    from tracker.model import InvalidInput

    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            raise InvalidInput(f"tags {value!r} is not a JSON list") from None
        if not isinstance(value, list):
            raise InvalidInput(f"tags {value!r} is not a JSON list")
    if isinstance(value, str):
        return [t for t in (p.strip() for p in value.replace(";", ",").split(",")) if t]
    if not isinstance(value, list) or not all(isinstance(t, (str, int, float)) for t in value):
        raise InvalidInput("tags must be a list of words or a comma-separated string")
    return value
