"""Import and export that meet spreadsheets: a sniffed format on stdin, sniffed CSV delimiters,
legacy encodings, row numbers as the spreadsheet shows them, list cells, and -o extensions."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
ROWS = [
    {"text": "The ceasefire will hold.", "speaker": "Ishaq Dar", "source": "Dawn", "tags": ["a", "b"]},
    {"text": "Café owners in Zürich said prices rose.", "speaker": "Müller", "source": "NZZ", "tags": ["c"]},
]


def stored(db_path: Path) -> list[tuple[str, str, str, list[str]]]:
    with sqlite3.connect(db_path) as conn:
        return [
            (text, speaker, source, json.loads(tags))
            for text, speaker, source, tags in conn.execute(
                "SELECT s.text, sp.name, src.outlet, s.tags FROM statements s "
                "JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN sources src ON src.id = s.source_id "
                "ORDER BY s.id"
            )
        ]


EXPECTED = [(r["text"], r["speaker"], r["source"], r["tags"]) for r in ROWS]


def as_csv(delimiter: str, tags: str = "a{d2}b") -> str:
    d = delimiter
    list_sep = ";" if d == "," else ","
    return (
        f"text{d}speaker{d}source{d}tags\n"
        f"The ceasefire will hold.{d}Ishaq Dar{d}Dawn{d}{tags.format(d2=list_sep)}\n"
        f"Café owners in Zürich said prices rose.{d}Müller{d}NZZ{d}c\n"
    )


@pytest.mark.parametrize(
    "content",
    [
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS),
        json.dumps(ROWS, ensure_ascii=False),
        json.dumps({"statements": ROWS}, ensure_ascii=False, indent=2),
        json.dumps({"statements": ROWS}, ensure_ascii=False),
        "\n\n" + json.dumps(ROWS, ensure_ascii=False, indent=2),
        as_csv(","),
        as_csv(";"),
        as_csv("\t"),
    ],
    ids=[
        "jsonl",
        "json",
        "json-object-over-lines",
        "json-object-on-one-line",
        "json-after-blank-lines",
        "comma",
        "semicolon",
        "tab",
    ],
)
def test_stdin_format_and_csv_delimiter_are_sniffed(cli, db_path, content):
    result = cli("import", "-", "--no-link", input=content.encode())
    assert (result.exit_code, result.stderr) == (0, "Imported 2 new statements (0 already recorded).\n")
    assert stored(db_path) == EXPECTED


def test_a_file_without_a_known_extension_is_sniffed_and_a_csv_file_gets_its_delimiter(
    cli, db_path, tmp_path
):
    odd = tmp_path / "statements.txt"
    odd.write_text(as_csv(";"))
    cli.ok("import", str(odd), "--no-link")
    semicolons = tmp_path / "excel-de.csv"
    semicolons.write_text(as_csv(";").replace("Dawn", "Geo News"))
    result = cli("import", str(semicolons), "--no-link")
    # the same words by the same speaker in Geo News: a new appearance; its NZZ row is recorded
    assert result.stderr == "Imported 0 new statements, 1 new appearance (1 already recorded).\n"
    assert [s for _, _, s, _ in stored(db_path)] == ["Dawn", "NZZ"]


def test_a_cp1252_file_is_read_with_a_note(cli, db_path, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(as_csv(";").replace("will hold.", "will “hold”.").encode("cp1252"))
    result = cli("import", str(path), "--no-link")
    assert (result.exit_code, result.stderr) == (
        0,
        f"Read {path} as cp1252 (it is not UTF-8; give --encoding if that is wrong).\n"
        "Imported 2 new statements (0 already recorded).\n",
    )
    assert stored(db_path) == [("The ceasefire will “hold”.", *EXPECTED[0][1:]), EXPECTED[1]]


def test_a_cp1252_file_whose_bytes_happen_to_spell_a_utf8_letter_is_still_cp1252(cli, db_path, tmp_path):
    path = tmp_path / "de.csv"
    # "Gruß“" in cp1252 is DF 93, which UTF-8 reads as one letter of N'Ko
    path.write_bytes(
        "text,speaker,source\nEr schickte einen „Gruß“ an alle.,Hans Brandt,Dawn\n".encode("cp1252")
    )
    result = cli("import", str(path), "--no-link")
    assert (result.exit_code, result.stderr) == (
        0,
        f"Read {path} as cp1252 (it is not UTF-8; give --encoding if that is wrong).\n"
        "Imported 1 new statement (0 already recorded).\n",
    )
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT text FROM statements").fetchall() == [
            ("Er schickte einen „Gruß“ an alle.",)
        ]


def test_legacy_encodings_on_stdin_and_other_scripts(cli, db_path):
    cyrillic = 'text,speaker\n"Прекращение огня будет соблюдаться, заявил министр.",Лавров\n'
    result = cli("import", "-", "--no-link", input=cyrillic.encode("cp1251"))
    assert result.stderr.splitlines()[0].startswith("Read stdin as cp1251 (")
    # charset-normalizer alone guesses cp775 (Baltic DOS) for this one: cp1252 reads as cleanly
    latin = json.dumps(
        [{"text": "Café owners in Zürich said prices rose.", "speaker": "Müller"}],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    result = cli("import", "-", "--no-link", input=latin.encode("cp1252"))
    assert result.stderr.splitlines()[0].startswith("Read stdin as cp1252 (")
    assert [(t, s) for t, s, _, _ in stored(db_path)] == [
        ("Прекращение огня будет соблюдаться, заявил министр.", "Лавров"),
        ("Café owners in Zürich said prices rose.", "Müller"),
    ]


def test_encoding_names_what_a_guess_gets_wrong(cli, db_path, tmp_path):
    path = tmp_path / "cz.csv"
    path.write_bytes("text,speaker\nPříměří bude dodrženo.,Lipavský\n".encode("cp1250"))
    cli.ok("import", str(path), "--no-link", "--encoding", "cp1250")
    assert [(t, s) for t, s, _, _ in stored(db_path)] == [("Příměří bude dodrženo.", "Lipavský")]
    stderr = cli.fails("import", str(path), "--encoding", "utf-8")
    assert stderr == "Error: row 2: line 2 (byte 14): not valid UTF-8\n"
    assert cli.fails("import", str(path), "--encoding", "klingon", code=2) == (
        "Error: unknown encoding 'klingon' (see 'tracker import --help')\n"
    )
    as_json = tmp_path / "cz.json"
    as_json.write_bytes(
        json.dumps([{"text": "Ministr řekl ne.", "speaker": "Lipavský"}], ensure_ascii=False).encode("cp1250")
    )
    cli.ok("import", str(as_json), "--no-link", "--encoding", "cp1250")
    assert [t for t, _, _, _ in stored(db_path)] == ["Příměří bude dodrženo.", "Ministr řekl ne."]


# UTF-8 rows with a Windows-1252 apostrophe (0x92) pasted into one: a detector reading the
# whole file guessed mac_roman or cp932 and imported every row as mojibake
MIXED = (
    b"text,speaker,source\n"
    b"It is the mayor\x92s plan,Anna Brandt,Dawn\n"
    b'"The minister\xe2\x80\x99s plan will cost \xe2\x82\xac5 million",Maria Kova\xc4\x8d,Dawn\n'
    b"The dam is safe and caf\xe9s stay open,Bilal \xc5\xa0ah,Dawn\n"
)
MIXED_ROWS = [
    ("It is the mayor’s plan", "Anna Brandt"),
    ("The minister’s plan will cost €5 million", "Maria Kovač"),
    ("The dam is safe and cafés stay open", "Bilal Šah"),
]


@pytest.mark.parametrize("first_utf8", [False, True], ids=["stray-first", "utf8-first"])
def test_utf8_with_stray_cp1252_bytes_reads_them_as_cp1252_and_names_their_lines(
    cli, db_path, tmp_path, first_utf8
):
    lines = MIXED.split(b"\n")
    data = b"\n".join([lines[0], lines[2], lines[1], *lines[3:]]) if first_utf8 else MIXED
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    result = cli("import", str(path), "--no-link")
    where = "lines 3, 4" if first_utf8 else "lines 2, 4"
    assert (result.exit_code, result.stderr) == (
        0,
        f"Read {path} as UTF-8, with 2 bytes that are not UTF-8 read as cp1252 (’ é) on {where};"
        " give --encoding if that is wrong.\n"
        "Imported 3 new statements (0 already recorded).\n",
    )
    expected = [MIXED_ROWS[1], MIXED_ROWS[0], MIXED_ROWS[2]] if first_utf8 else MIXED_ROWS
    assert [(t, s) for t, s, _, _ in stored(db_path)] == expected


def test_json_with_a_stray_cp1252_byte_is_read_as_utf8_too(cli, db_path, tmp_path):
    path = tmp_path / "mixed.json"
    path.write_bytes(
        b'[{"text": "The minister\xe2\x80\x99s plan", "speaker": "Kova\xc4\x8d"},\n'
        b' {"text": "The mayor\x92s plan", "speaker": "Brandt"}]'
    )
    result = cli("import", str(path), "--no-link")
    assert result.stderr.splitlines()[0] == (
        f"Read {path} as UTF-8, with 1 byte that is not UTF-8 read as cp1252 (’) on line 2;"
        " give --encoding if that is wrong."
    )
    assert [(t, s) for t, s, _, _ in stored(db_path)] == [
        ("The minister’s plan", "Kovač"),
        ("The mayor’s plan", "Brandt"),
    ]


@pytest.mark.parametrize(
    "bad, byte",
    [
        (b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0", 33),  # a Cyrillic word in cp1251: no pasted character
        (b"a \x81 byte", 35),  # no character in cp1252 either
        (b"a lone \xe9 letter", 40),  # a letter outside any word: a broken sequence
    ],
)
def test_utf8_with_bytes_no_pasted_character_explains_is_refused_and_stores_nothing(
    cli, db_path, tmp_path, bad, byte
):
    path = tmp_path / "broken.csv"
    path.write_bytes(b"text,speaker\nThe caf\xc3\xa9 is open,A\n" + bad + b" here,B\n")
    assert cli.fails("import", str(path)) == (
        f"Error: row 3: line 3 (byte {byte}): not valid UTF-8; give --encoding to read it in another encoding\n"
    )
    assert not db_path.exists() or stored(db_path) == []


def test_a_legacy_file_turning_utf8_past_the_detected_part_is_refused(cli, db_path, tmp_path, monkeypatch):
    from tracker.export import readers

    monkeypatch.setattr(readers, "DETECT_SAMPLE_BYTES", 64)  # the encoding is detected from 64 bytes
    legacy = "".join(f"Caf\xe9 number {n} is open,A\n" for n in range(4)).encode("cp1252")
    path = tmp_path / "two-kinds.csv"
    path.write_bytes(b"text,speaker\n" + legacy + "Zürich is calm,B\n".encode())
    stderr = cli.fails("import", str(path))
    assert stderr.splitlines()[-1] == (
        f"Error: row 6: line 6 (byte {13 + len(legacy) + 1}): UTF-8, but line 2 was not: the file mixes"
        " encodings; give --encoding to read it in another encoding"
    )
    assert not db_path.exists() or stored(db_path) == []


def test_utf8_input_never_loads_the_encoding_detector(tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_text(as_csv(","), encoding="utf-8")
    code = (
        "import sys\nfrom tracker.export import read_statements\n"
        f"rows = list(read_statements({str(path)!r}, 'csv'))\n"
        "print(len(rows), 'charset_normalizer' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "2 False\n"


def test_errors_give_the_row_a_spreadsheet_shows(cli, db_path, tmp_path):
    path = tmp_path / "long.csv"
    good = "".join(f"Statement number {n} about the weather.,Speaker {n}\n" for n in range(57))
    path.write_text("text,speaker\n" + good + "\n" + ",Nobody\n")  # a blank row 59, the bad one 60
    assert cli.fails("import", str(path)) == "Error: row 60: text is missing\n"
    quoted = tmp_path / "quoted.csv"
    quoted.write_text('text,speaker\n"two\nlines",A\nok,B,extra\n')
    assert cli.fails("import", str(quoted)) == "Error: row 3 (line 4): 3 columns where the header has 2\n"
    assert not db_path.exists() or stored(db_path) == []


def test_a_field_the_ledger_refuses_names_the_spreadsheet_row_too(cli, db_path, tmp_path):
    """A bad date or kind is found when the statement is checked, after reading: still the
    row the spreadsheet shows (the header is row 1), and in JSON lines the data row."""
    path = tmp_path / "dates.csv"
    path.write_text("text,speaker,said_on\nA.,X,2025-06-01\nB.,Y,2025-06-02\nC.,Z,08.06.2025\n")
    assert cli.fails("import", str(path)) == (
        "Error: row 4: invalid said-on date '08.06.2025': use ISO 8601, e.g. 2025, 2025-05 or 2025-05-10\n"
    )
    lines = tmp_path / "kinds.jsonl"
    lines.write_text('{"text": "A.", "speaker": "X"}\n{"text": "B.", "speaker": "Y", "kind": "rumour"}\n')
    assert cli.fails("import", str(lines)).startswith("Error: row 2: invalid kind 'rumour'")
    assert not db_path.exists() or stored(db_path) == []


@pytest.mark.parametrize(
    "cell, tags",
    [
        ('"[""a"", ""b""]"', ["a", "b"]),
        ('"a; b"', ["a", "b"]),
        ('"a, b"', ["a", "b"]),
        ("a", ["a"]),
        ('"[]"', []),
    ],
)
def test_tags_in_a_csv_cell_are_a_json_list_or_separated(cli, db_path, cell, tags):
    cli.ok("import", "-", "--format", "csv", "--no-link", input=f"text,speaker,tags\nA claim.,A,{cell}\n")
    assert stored(db_path)[0][3] == tags


def test_a_broken_json_list_of_tags_names_the_row(cli, db_path):
    stderr = cli.fails("import", "-", input='text,speaker,tags\nA claim.,A,"[""a"""\n')
    assert stderr == "Error: row 2: tags '[\"a\"' is not a JSON list\n"


# --- export by extension --------------------------------------------------------------------


@pytest.fixture
def seeded(cli):
    cli.ok("import", str(SEED), "--no-link")


@pytest.mark.parametrize(
    "name, start",
    [
        ("out.csv", "id,ref,text,"),
        ("out.CSV", "id,ref,text,"),
        ("out.json", '[\n  {\n    "id": 1,'),
        ("out.jsonl", '{"id": 1, '),
        ("out.ndjson", '{"id": 1, '),
        ("out.md", "# Statements\n\n| id | speaker |"),
        ("out", '[\n  {\n    "id": 1,'),
    ],
)
def test_export_format_comes_from_the_extension(cli, seeded, tmp_path, name, start):
    target = tmp_path / name
    result = cli("export", "statements", "-o", str(target))
    assert (result.exit_code, result.stderr) == (0, f"Wrote 6 statements to {target}.\n")
    assert target.read_text().startswith(start)


def test_an_extension_tracker_cannot_write_is_an_error_and_nothing_is_written(cli, seeded, tmp_path):
    stderr = cli.fails("export", "statements", "-o", str(tmp_path / "out.xlsx"), code=2)
    assert stderr == (
        "Error: Invalid value for --output: cannot write .xlsx files: name a .csv, .json, "
        ".jsonl or .md file (.html for the report), or give --format (see 'tracker export --help')\n"
    )
    assert not (tmp_path / "out.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".tracker-", "out"))] == []
    cli.ok("export", "statements", "-o", str(tmp_path / "out.xlsx"), "--format", "csv")
    assert (tmp_path / "out.xlsx").read_text().startswith("id,ref,text,")
