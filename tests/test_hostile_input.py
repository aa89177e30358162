"""Hostile input never crashes: arbitrary Unicode, control characters, NUL bytes, huge strings,
deep JSON, invalid UTF-8 and random bytes give a clean result or one `Error: …` line, never a
traceback or a hang, and a rejected import writes nothing."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker.cli import app
from tracker.export import IMPORT_FORMATS, read_statements
from tracker.model import Judgement, TrackerError

FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
# every code point but surrogates, control characters and NUL included
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
NEWSY = st.lists(
    st.sampled_from(
        [
            "said",
            "denied",
            "“",
            "”",
            '"',
            "India",
            "Pakistan",
            "not",
            "never",
            "5",
            "%",
            "May",
            "according",
            "to",
            ",",
            ".",
            "\n\n",
            "\x00",
            "\u202e",
            "he",
            "told",
            "reporters",
            ":",
        ]
    ),
    max_size=60,
).map(" ".join)
# attributions with hostile parts: what the extractor's patterns actually reach
SAID = st.builds(
    "{0} {1} that {2}. “{2},” {0} told reporters.\n\n{3}".format,
    st.one_of(st.sampled_from(["India", "The minister", "Ishaq Dar", "He"]), ANY_TEXT),
    st.sampled_from(["said", "denied", "stated", "claimed", "reportedly said"]),
    ANY_TEXT,
    NEWSY,
)
TEXTS = st.one_of(ANY_TEXT, NEWSY, SAID)


@FAST
@given(a=TEXTS, b=TEXTS)
def test_relate_judges_any_two_texts_or_says_why_not(a, b):
    try:
        judged = tracker.relate(a, b)
    except TrackerError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(judged, Judgement)
    assert 0 <= judged.score <= 100


@FAST
@given(text=TEXTS)
def test_extract_statements_finds_statements_inside_any_text(text):
    for found in tracker.extract_statements(text):
        start, end = found.content_span
        assert 0 <= start <= end <= len(text)
        assert isinstance(found.content, str)


@settings(max_examples=25, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_extracting_any_article_stores_it_or_is_one_error_line(cli, tmp_path, text):
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = cli.runner.invoke(app, ["extract", str(article), "--no-link"])
    _one_error_or_success(result)


def test_huge_inputs_finish_in_bounded_time():
    words = "Officials said the bridge will reopen in May, the minister told reporters. " * 2000
    started = time.monotonic()
    tracker.relate(words, words[::-1])
    tracker.extract_statements(words[:200_000] + "\x00" * 1000 + "“" * 5000)
    assert time.monotonic() - started < 60


def _read_all(data: bytes, fmt: str) -> None:
    with tempfile.NamedTemporaryFile(suffix=f".{fmt}") as file:
        file.write(data)
        file.flush()
        for statement in read_statements(file.name, fmt):
            assert statement.text is not None


BYTES = st.one_of(
    st.binary(max_size=600),
    ANY_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            [
                b"text,speaker\n",
                b'"',
                b",",
                b"\n",
                b"\r",
                b"\x00",
                b"\xff",
                b"\xef\xbb\xbf",
                b'{"text": ',
                b'"x"',
                b"}",
                b"[",
                b"]",
                b"\t",
                b"speaker",
                b": ",
                b"null",
            ]
        ),
        max_size=40,
    ).map(b"".join),
)


@FAST
@given(data=BYTES, fmt=st.sampled_from(IMPORT_FORMATS))
def test_the_import_readers_read_any_bytes_or_say_which_row_is_wrong(data, fmt):
    try:
        _read_all(data, fmt)
    except TrackerError as error:
        assert str(error) and "\n" not in str(error)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_deeply_nested_json_is_an_error_not_a_crash(cli, tmp_path, fmt):
    path = tmp_path / f"deep.{fmt}"
    nested = "[" * 100_000 + "]" * 100_000
    path.write_text(nested if fmt == "json" else '{"text": ' + nested + "}\n")
    expected = (
        f"Error: {path}: JSON nested too deeply\n"
        if fmt == "json"
        else ("Error: row 1 (line 1): JSON nested too deeply\n")
    )
    assert cli.fails("import", str(path)) == expected


def _stored(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM statements").fetchone()[0])
    finally:
        conn.close()


def _one_error_or_success(result) -> None:  # type: ignore[no-untyped-def]
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    if result.exit_code != 0:  # one error line, last (a status line such as the encoding read may precede it)
        assert result.exit_code in (1, 2)
        lines = result.stderr.splitlines()
        assert lines[-1].startswith("Error: ") and sum(line.startswith("Error: ") for line in lines) == 1, (
            lines
        )


@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=BYTES, fmt=st.sampled_from(IMPORT_FORMATS))
def test_importing_any_bytes_stores_them_or_writes_nothing(cli, db_path, data, fmt):
    before = _stored(db_path)
    result = cli.runner.invoke(app, ["import", "-", "--format", fmt, "--no-link"], input=data)
    _one_error_or_success(result)
    if result.exit_code != 0:
        assert _stored(db_path) == before


@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(TEXTS, st.binary(max_size=200)), speaker=ANY_TEXT)
def test_adding_any_text_by_any_speaker_stores_it_or_writes_nothing(cli, db_path, text, speaker):
    before = _stored(db_path)
    result = cli.runner.invoke(app, ["add", "-", f"--speaker={speaker}", "--no-link"], input=text)
    _one_error_or_success(result)
    if result.exit_code == 0:
        conn = sqlite3.connect(db_path)
        assert conn.execute(
            "SELECT count(*) FROM statements WHERE id = ?", [int(result.stdout)]
        ).fetchone() == (1,)
        conn.close()
    else:
        assert _stored(db_path) == before


def test_a_bare_number_as_the_speaker_is_refused_and_nothing_written(cli, db_path, tmp_path):
    """Every command reads a bare number as a speaker's id: stored as a name, "5" would be a
    speaker no filter could name."""
    result = cli("add", "The dam is safe", "-s", "5")
    assert (result.exit_code, result.stderr.strip()) == (
        1,
        "Error: speaker '5' is a number: give the speaker's name (a stored speaker's id is for edit)",
    )
    rows = tmp_path / "rows.json"
    rows.write_text('[{"text": "The dam is safe", "speaker": 5}]', encoding="utf-8")
    result = cli("import", str(rows))
    assert (result.exit_code, result.stderr.strip()) == (
        1,
        "Error: row 1: speaker '5' is a number: give the speaker's name (a stored speaker's id is for edit)",
    )
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT (SELECT count(*) FROM statements), (SELECT count(*) FROM speakers)"
        ).fetchone() == (0, 0)
