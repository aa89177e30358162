"""The conventions a terminal user expects: --version, -h, shell completion, one --db wherever
it is written, and machine output (--json, --csv, --nl) from every read command."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli.docs import _walk

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
BASH_SCRIPT = """_tracker_completion() {
    local IFS=$'
'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   _TRACKER_COMPLETE=complete_bash $1 ) )
    return 0
}

complete -o default -F _tracker_completion tracker
"""


def command_paths() -> list[list[str]]:
    import typer

    from tracker.cli import app

    return [name.split()[1:] for name, _, _ in _walk(typer.main.get_command(app), ["tracker"])]


def add_link(path: Path, a: int, b: int, relation: str = "agrees") -> int:
    with sqlite3.connect(path) as conn:
        cursor = conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)"
            " VALUES (?, ?, ?, 80.0, '[]', 'suggested', 'test', '2025-05-14T00:00:00+00:00')",
            [a, b, relation],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid


def link_statuses(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, status FROM links ORDER BY id").fetchall()


@pytest.fixture
def rev(cli, tmp_path) -> Path:
    """A second ledger, rev.db, holding the seed statements; the default one stays empty."""
    path = tmp_path / "rev.db"
    cli.ok("--db", str(path), "import", str(SEED), "--no-link")
    return path


# --- version, help, completion -------------------------------------------------------------


def test_version_prints_the_package_version(cli):
    result = cli("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "tracker 0.1.0\n", "")


def test_h_is_help_for_every_command_and_group(cli):
    paths = command_paths()
    assert len(paths) > 40
    for path in paths:
        short, long = cli(*path, "-h"), cli(*path, "--help")
        assert (short.exit_code, long.exit_code) == (0, 0), path
        assert short.stdout == long.stdout, path
        assert "  -h, --help" in long.stdout, path


def test_show_completion_prints_the_script_for_the_shell(cli, monkeypatch):
    import typer.completion

    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    result = cli("--show-completion")
    assert (result.exit_code, result.stdout) == (0, BASH_SCRIPT)


def test_install_completion_writes_the_script_and_sources_it(cli, monkeypatch, tmp_path):
    import typer._completion_shared as shared

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(shared, "_get_shell_name", lambda: "bash")
    result = cli("--install-completion")
    script = tmp_path / ".bash_completions" / "tracker.sh"
    assert result.exit_code == 0
    assert result.stdout == (
        f"bash completion installed in {script}\nCompletion will take effect once you restart the terminal\n"
    )
    assert script.read_text() == BASH_SCRIPT.rstrip("\n")
    assert (tmp_path / ".bashrc").read_text() == "\nsource '/.bash_completions/tracker.sh'\n".replace(
        "'/", f"'{tmp_path}/"
    )


def test_completion_completes_command_names(cli):
    result = cli.runner.invoke(
        __import__("tracker.cli", fromlist=["app"]).app,
        [],
        prog_name="tracker",
        env={"_TRACKER_COMPLETE": "complete_bash", "COMP_WORDS": "tracker contr", "COMP_CWORD": "1"},
    )
    assert (result.exit_code, result.stdout) == (0, "contradictions\n")


def test_help_loads_no_database_or_table_code():
    """What keeps `tracker --help` fast (~0.1 s): the database and rich load only when used."""
    code = (
        "import sys\nfrom tracker.cli import main\nsys.argv = ['tracker', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('sqlite_utils', 'rich', 'rapidfuzz', 'tracker.store', 'charset_normalizer', 'tracker.export')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr == "[]\n"


def _run_and_list_loaded(argv: list[str], modules: tuple[str, ...]) -> str:
    code = (
        f"import sys\nfrom tracker.cli import main\nsys.argv = {['tracker', *argv]!r}\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print([m in sys.modules for m in {modules!r}], file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stderr.splitlines()[-1]


def test_a_command_on_a_ledger_judging_by_words_never_loads_numpy(tmp_path):
    """sqlite-utils imports numpy when it is installed (the semantic extra): 80 ms a command."""
    db = str(tmp_path / "t.db")
    argv = ["add", "The dam burst on Monday", "-s", "Farah Naz", "--db", db]
    assert _run_and_list_loaded(argv, ("sqlite_utils", "numpy")) == "[True, False]"


def test_adding_one_statement_links_it_without_the_batch_linker_exports_or_tables(tmp_path):
    """What keeps `tracker add` within its floor (p50 ≤ 300 ms at 100k): linking one statement
    queries FTS and judges its candidates, and loads none of what a batch, a report or an
    export needs."""
    db = str(tmp_path / "t.db")
    first = ["add", "The dam on the river burst on Monday", "-s", "Farah Naz", "--db", db]
    subprocess.run([sys.executable, "-m", "tracker", *first], capture_output=True, check=True)
    argv = ["add", "The dam on the river did not burst on Monday", "-s", "Ines Roth", "--db", db]
    kept_out = (
        "tracker.link.blocking",
        "tracker.link.index",
        "tracker.link.review",
        "tracker.export",
        "tracker.reports",
        "tracker.extract",
        "tracker.semantic.encoder",
        "rich",
        "multiprocessing",
        "numpy",
        "importlib.metadata",  # sqlite-utils' search for plugins
        "dateutil.parser._parser",  # sqlite-utils' date recipes: loaded on first use
        "dateutil.tz",
    )
    assert _run_and_list_loaded(argv, ("tracker.link.pipeline", "tracker.judge", *kept_out)) == str(
        [True, True] + [False] * len(kept_out)
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT a_id, b_id, relation FROM links").fetchall() == [(1, 2, "contradicts")]


def test_dateutil_left_to_load_on_first_use_still_parses_dates():
    """The command line imports sqlite-utils with dateutil's parser left to load when first
    used: sqlite-utils' date recipes, and any import of it, still work."""
    code = (
        "import sys\nimport tracker.cli\ntracker.cli._import_sqlite_utils()\n"
        "before = 'dateutil.parser._parser' in sys.modules\n"
        "from sqlite_utils import recipes\n"
        "import dateutil.parser\n"
        "print(before, recipes.parsedate('10 May 2025'), dateutil.parser.parse('2025-05-11').day,"
        " 'dateutil.parser._parser' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False 2025-05-10 11 True\n"


def test_a_command_leaves_sqlite_utils_patterns_to_compile_on_first_use(tmp_path):
    """One of sqlite-utils' patterns took 20 ms to compile, and no command uses it; the
    libraries it imports meanwhile (click here) keep theirs compiled."""
    db = str(tmp_path / "t.db")
    code = (
        f"import sys\nfrom tracker.cli import main\nsys.argv = ['tracker', 'add', 'It rained', '-s', 'Ann', '--db', {db!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "import click._compat, sqlite_utils.db\n"
        "deferred = sqlite_utils.db._virtual_table_using_re\n"
        "print(type(deferred).__name__, type(click._compat._ansi_re).__name__)\n"
        "print(deferred.match('CREATE VIRTUAL TABLE [t] USING FTS5 (text)').group('using'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-2:] == ["_Deferred Pattern", "FTS5"]


def test_a_ledger_judging_by_meaning_still_encodes_from_the_command_line(tmp_path):
    db = tmp_path / "t.db"
    for argv in (
        ["add", "The dam burst on Monday", "-s", "Farah Naz"],
        ["settings", "set", "semantic", "on"],
    ):
        subprocess.run(
            [sys.executable, "-m", "tracker", *argv, "--db", str(db)], capture_output=True, check=True
        )
    argv = ["add", "The barrage gave way on Monday", "-s", "Ines Roth", "--db", str(db)]
    assert _run_and_list_loaded(argv, ("numpy",)) == "[True]"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT owner, owner_id FROM semantic_vectors ORDER BY owner_id").fetchall()
    assert rows == [("statement", 1), ("statement", 2)]


# --- a command builds only itself ---------------------------------------------------------------


def _built(args: list[str]) -> list[str]:
    from tracker.cli import app_for

    only = app_for(args)
    return [info.name or "" for info in only.registered_commands] + [
        f"{info.name} …" for info in only.registered_groups
    ]


def test_a_command_run_builds_only_itself_and_the_app_keeps_every_command():
    """Typer reads every registered command's signature at each start: a command builds its own."""
    from tracker.cli import app

    assert _built(["add", "It rained", "-s", "Ann"]) == ["add"]
    assert _built(["--db", "x.db", "claim", "add", "X"]) == ["claim …"]
    assert _built(["--db=x.db", "list", "--json"]) == ["list"]
    assert len(_built([])) == len(app.registered_commands) + len(app.registered_groups) == 29


def test_root_help_version_completion_and_names_of_no_command_build_every_command():
    from tracker.cli import app, app_for

    for args in ([], ["--help"], ["--db", "x.db", "-h"], ["--version"], ["ad", "x"], ["--", "add"]):
        assert app_for(args) is app, args


def test_the_root_options_skipped_before_a_command_are_the_ones_that_take_a_value():
    import typer

    from tracker.cli import _VALUED_ROOT_OPTIONS, app

    root = typer.main.get_command(app)
    valued = [opt for param in root.params if not getattr(param, "is_flag", False) for opt in param.opts]
    assert valued == list(_VALUED_ROOT_OPTIONS) == ["--db"]


def test_a_name_of_no_command_still_gets_the_whole_apps_suggestion(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(tmp_path / "t.db"), "ad", "x"],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert (
        done.stderr == "Error: No such command 'ad'. Did you mean 'add'? (see 'python -m tracker --help')\n"
    )
    assert not (tmp_path / "t.db").exists()


# --- one --db wherever it is written --------------------------------------------------------


def test_db_before_the_command_applies_to_it(cli, rev, db_path):
    db_path.unlink()
    rows = json.loads(cli.ok("--db", str(rev), "list", "--json"))
    assert [r["ref"] for r in rows] == [f"seed-{n}" for n in range(1, 7)]
    assert not db_path.exists()  # the default ledger was never opened


def test_settings_group_db_applies_to_set(cli, rev, db_path):
    db_path.unlink()  # the test's ledger: it must not be opened
    result = cli("settings", "--db", str(rev), "set", "suggest_threshold", "50")
    assert result.exit_code == 0 and result.stderr.startswith("suggest_threshold = 50\n")
    values = {r["key"]: r["value"] for r in cli.json("settings", "--db", str(rev))}
    assert values["suggest_threshold"] == 50
    assert not db_path.exists()


def test_link_group_db_applies_to_confirm(cli, rev, db_path):
    db_path.unlink()  # the test's ledger: it must not be opened
    link_id = add_link(rev, 5, 6, "contradicts")
    result = cli("link", "--db", str(rev), "confirm", str(link_id))
    assert (result.exit_code, result.stderr) == (0, f"Link {link_id} confirmed.\n")
    assert link_statuses(rev) == [(link_id, "confirmed")]
    assert not db_path.exists()


def test_db_path_prints_the_db_written_before_it(cli, tmp_path):
    assert cli.ok("--db", str(tmp_path / "x.db"), "db", "path") == f"{tmp_path / 'x.db'}\n"


def test_the_same_db_written_twice_is_fine(cli, rev, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    link_id = add_link(rev, 1, 2)
    cli.ok("--db", str(rev), "link", "--db", "rev.db", "reject", str(link_id))
    assert link_statuses(rev) == [(link_id, "rejected")]


@pytest.mark.parametrize(
    "args",
    [
        ["--db", "{rev}", "list", "--db", "{other}"],
        ["--db", "{other}", "settings", "--db", "{rev}", "set", "suggest_threshold", "50"],
        ["link", "--db", "{other}", "confirm", "--db", "{rev}", "1"],
    ],
)
def test_two_different_dbs_are_a_usage_error_and_nothing_is_written(cli, rev, tmp_path, db_path, args):
    db_path.unlink()  # the test's ledger: it must not be opened
    link_id = add_link(rev, 1, 2)
    other = tmp_path / "other.db"
    before = link_statuses(rev)
    stderr = cli.fails(*(a.format(rev=rev, other=other) for a in args), code=2)
    first, second = (rev, other) if args.index("{rev}") < args.index("{other}") else (other, rev)
    command = " ".join(
        a
        for a in args
        if not a.startswith("{") and a != "--db" and a not in ("set", "1", "suggest_threshold", "50")
    )
    assert stderr == (
        f"Error: Invalid value for --db: two different files given: {first} and {second}"
        f" (see 'tracker {command} --help')\n"
    )
    assert (link_statuses(rev), link_id) == (before, 1)
    assert cli.json("settings", "--db", str(rev))[0]["value"] == 30
    assert not other.exists() and not db_path.exists()


# --- machine output -------------------------------------------------------------------------


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def nl_rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_show_speaks_json_csv_and_nl(cli, rev):
    cli.ok("--db", str(rev), "verdict", "6", "--rating", "false", "--by", "Desk")
    shown = cli.json("--db", str(rev), "show", "6")
    assert (shown["ref"], shown["verdict"]["rating"]) == ("seed-6", "false")
    assert nl_rows(cli.ok("--db", str(rev), "show", "6", "--nl")) == [shown]
    (row,) = csv_rows(cli.ok("--db", str(rev), "show", "6", "--csv"))
    assert list(row) == list(shown)
    assert (row["id"], row["ref"], row["tags"]) == ("6", "seed-6", "; ".join(shown["tags"]))
    assert json.loads(row["verdicts"]) == shown["verdicts"]


def test_speakers_show_speaks_json_csv_and_nl(cli, rev):
    shown = cli.json("--db", str(rev), "speakers", "show", "Ishaq Dar")
    assert shown["name"] == "Ishaq Dar"
    assert nl_rows(cli.ok("--db", str(rev), "speakers", "show", "Dar", "--nl")) == [shown]
    (row,) = csv_rows(cli.ok("--db", str(rev), "speakers", "show", "Dar", "--csv"))
    assert (row["name"], json.loads(row["recent"])) == ("Ishaq Dar", shown["recent"])


def test_compare_speaks_json_csv_and_nl(cli):
    a, b = "Indian missiles struck Afghanistan.", "Indian missiles did not strike Afghanistan."
    judged = cli.json("compare", a, b)
    assert judged["relation"] == "contradicts"
    assert nl_rows(cli.ok("compare", a, b, "--nl")) == [judged]
    (row,) = csv_rows(cli.ok("compare", a, b, "--csv"))
    assert (row["relation"], json.loads(row["reasons"])) == ("contradicts", judged["reasons"])


def test_eval_csv_is_one_row_per_relation(cli, tmp_path):
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "a,b,label\n"
        "Indian missiles struck Afghanistan.,Indian missiles did not strike Afghanistan.,contradicts\n"
        "Indian missiles struck Afghanistan.,Indian missiles struck targets in Afghanistan.,agrees\n"
    )
    args = ("eval", str(pairs), "--a", "a", "--b", "b", "--label", "label")
    report = cli.json(*args)
    assert nl_rows(cli.ok(*args, "--nl")) == [report]
    rows = csv_rows(cli.ok(*args, "--csv"))
    assert [r["relation"] for r in rows] == list(report["per_label"])
    assert list(rows[0]) == ["relation", "precision", "recall", "f1", "support"]
    assert [int(r["support"]) for r in rows] == [s["support"] for s in report["per_label"].values()]


def test_settings_speaks_json_csv_and_nl(cli):
    rows = cli.json("settings")
    assert [r["key"] for r in rows] == [
        "suggest_threshold",
        "confirm_threshold",
        "max_text_chars",
        "semantic",
    ]
    assert nl_rows(cli.ok("settings", "--nl")) == rows
    assert [(r["key"], r["value"]) for r in csv_rows(cli.ok("settings", "--csv"))] == [
        (r["key"], str(r["value"])) for r in rows
    ]


def test_report_takes_json_csv_nl_and_format_as_an_alias(cli, rev):
    as_flag = cli.ok("--db", str(rev), "report", "--json")
    assert as_flag == cli.ok("--db", str(rev), "report", "--format", "json")
    assert cli.ok("--db", str(rev), "report", "--csv") == cli.ok(
        "--db", str(rev), "report", "--format", "csv"
    )
    lines = nl_rows(cli.ok("--db", str(rev), "report", "--nl"))
    data = json.loads(as_flag)
    assert lines == [{"section": key, **row} for key, rows in data.items() for row in rows]


def test_report_section_picks_sections(cli, rev):
    from tracker.cli.reports import SECTIONS
    from tracker.reports import report
    from tracker.store import open_db

    assert tuple(s.key for s in report(open_db(rev))) == SECTIONS
    data = json.loads(
        cli.ok("--db", str(rev), "report", "--json", "--section", "speakers", "--section", "outlets")
    )
    assert data == {
        "speakers": [
            {"speaker": "Ishaq Dar", "statements": 2},
            {"speaker": "India", "statements": 1},
            {"speaker": "Indian military", "statements": 1},
            {"speaker": "Pakistan's military", "statements": 1},
            {"speaker": "US State Department", "statements": 1},
        ],
        "outlets": [{"outlet": "Caliber.Az", "statements": 6}],
    }
    stderr = cli.fails("report", "--section", "nope", code=2)
    assert stderr == (
        f"Error: Invalid value for --section: no section 'nope': use {', '.join(SECTIONS)}"
        " (see 'tracker report --help')\n"
    )


def test_report_and_timeline_refuse_a_format_and_a_flag_that_disagree(cli):
    stderr = cli.fails("timeline", "--format", "md", "--json", code=2)
    assert stderr == (
        "Error: Invalid value for --format: --format md and --json disagree: give one"
        " (see 'tracker timeline --help')\n"
    )
    assert cli.ok("timeline", "--format", "json", "--json") == "[]\n"


def test_timeline_since_until_and_limit(cli, tmp_path):
    rows = tmp_path / "dated.jsonl"
    rows.write_text(
        "".join(
            json.dumps(
                {"text": f"Statement number {n} about rain.", "speaker": "A", "said_on": f"2025-05-0{n}"}
            )
            + "\n"
            for n in range(1, 6)
        )
    )
    cli.ok("import", str(rows), "--no-link")
    dates = [r["date"] for r in cli.json("timeline", "--since", "2025-05-02", "--until", "2025-05-04")]
    assert dates == ["2025-05-02", "2025-05-03", "2025-05-04"]
    assert [r["id"] for r in nl_rows(cli.ok("timeline", "--nl", "--limit", "2"))] == [1, 2]
    assert [r["date"] for r in csv_rows(cli.ok("timeline", "--csv", "--since", "2025-05-05"))] == [
        "2025-05-05"
    ]


def test_contradictions_limit(cli, rev):
    first, second = add_link(rev, 5, 6, "contradicts"), add_link(rev, 1, 6, "contradicts")
    every = cli.json("--db", str(rev), "contradictions")
    assert sorted(r["id"] for r in every) == [first, second]
    assert cli.json("--db", str(rev), "contradictions", "--limit", "1") == every[:1]
    assert cli.fails("contradictions", "--limit", "0", code=2).startswith(
        "Error: Invalid value for '--limit'"
    )


def test_links_table_shows_the_relation(cli, rev):
    add_link(rev, 5, 6, "contradicts")
    out = cli.ok("--db", str(rev), "links")
    lines = out.splitlines()
    assert lines[0].strip() == "Links"
    assert lines[2].split()[:4] == ["link", "relation", "status", "score"]
    assert lines[4].split()[:4] == ["1", "contradicts", "suggested", "80.0"]


# --- an example in every --help, and every example runs -------------------------------------

# `tracker db …` lives in tracker/cli/db.py, whose owner adds its examples
# tracker serve runs until stopped, so an example of it could not run here
WITHOUT_EXAMPLE_YET = {"tracker db path", "tracker db info", "tracker db migrate", "tracker serve"}


def examples() -> list[tuple[str, str]]:
    from tracker.cli.docs import command_reference

    found = []
    for block in command_reference().split("#### ")[1:]:
        name = block.split("`")[1]
        lines = [line.strip() for line in block.splitlines() if line.strip().startswith("Example: ")]
        if "Commands:" in block and not lines:
            continue  # a group that only lists its commands
        assert len(lines) == 1 or name in WITHOUT_EXAMPLE_YET, f"{name}: {len(lines)} examples"
        found.extend((name, line.removeprefix("Example: ")) for line in lines)
    return found


def test_every_command_help_has_one_example_that_fits_80_columns():
    shown = examples()
    assert {name for name, _ in shown} >= {
        "tracker add",
        "tracker link",
        "tracker settings",
        "tracker import",
    }
    for name, example in shown:
        assert example.startswith(f"{name} "), (name, example)
        assert len(f"  Example: {example}") <= 80 or name.startswith("tracker claim"), example


def test_every_example_runs(cli, tmp_path, monkeypatch):
    """On the seed ledger, in the order of the reference: each example exits 0."""
    import shlex

    from conftest import SEED_ARTICLE

    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(SEED_ARTICLE.read_text())
    (tmp_path / "statements.csv").write_text("text,speaker\nThe bridge will reopen in May.,Mayor\n")
    (tmp_path / "pairs.csv").write_text(
        "claim,headline,relation\n"
        "Indian missiles struck Afghanistan.,India denies missiles hit Afghanistan,contradicts\n"
    )
    cli.ok("import", str(SEED))
    cli.ok("extract", "article.txt", "--date", "2025-05-10")
    for n in range(7):
        cli.ok("claim", "add", f"Claim number {n} about the bridge")
    db = tmp_path / "tracker.db"
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT OR IGNORE INTO links (a_id, b_id, relation, score, reasons, status, engine,"
            " created_at) SELECT 1, id, 'related', 1, '[]', 'suggested', 'test', '' FROM statements"
            " WHERE id > 1"
        )
    for speaker in ("Mayor of Lahore", "Taliban spokesman", "World Bank", "Red Cross"):
        cli.ok("add", f"The {speaker} said the talks went well.", "-s", speaker, "--no-link")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT max(id) FROM statements").fetchone()[0] >= 12
        assert conn.execute("SELECT max(id) FROM links").fetchone()[0] >= 6
        assert conn.execute("SELECT name FROM speakers WHERE id = 9").fetchone() is not None
    for _, example in examples():
        result = cli(*shlex.split(example)[1:], input="q\n")
        assert result.exit_code == 0, (example, result.stderr)


# --- tables that fit the terminal -----------------------------------------------------------


def test_a_narrow_terminal_gives_the_text_room_by_dropping_kind_and_polarity(cli, rev, monkeypatch):
    wide = cli.ok("--db", str(rev), "list", "--limit", "1").splitlines()
    assert wide[1].split() == ["id", "speaker", "text", "source", "date", "kind", "polarity"]
    monkeypatch.setenv("COLUMNS", "80")
    narrow = cli.ok("--db", str(rev), "list", "--limit", "1").splitlines()
    assert narrow[1].split() == ["id", "speaker", "text", "source", "date"]
    assert max(len(line) for line in narrow) == 80


def test_the_claims_table_names_who_is_on_each_side_and_leaves_out_empty_columns(cli, tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    cli.ok("--db", str(path), "add", "The dam was breached.", "--speaker", "Water Board")
    cli.ok("--db", str(path), "add", "The dam was not breached.", "--speaker", "WAPDA")
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli.ok("--db", str(path), "claims").splitlines()
    assert lines[2].split() == ["id", "claim", "for", "against", "others"]
    assert lines[4].split() == [  # WAPDA's side is tracker's guess, marked
        "1",
        "The",
        "dam",
        "was",
        "breached.",
        "Water",
        "Board",
        "WAPDA",
        "(suggested)",
        "0",
    ]


# --- a value an option cannot take is a usage error: exit code 2, one line, nothing written --

DATE_HELP = "use ISO 8601, e.g. 2025, 2025-05 or 2025-05-10"
RATINGS = "true, mostly-true, half-true, misleading, false, pants-on-fire, unverified"


@pytest.mark.parametrize(
    "args, message",
    [
        (["list", "--since", "May"], f"invalid --since date 'May': {DATE_HELP}"),
        (["list", "--until", "2025-02-30"], "invalid --until date '2025-02-30': no such date"),
        (
            ["list", "--kind", "rumour"],
            "invalid kind 'rumour': use one of direct, indirect, paraphrase, unknown",
        ),
        (["contradictions", "--since", "yesterday"], f"invalid --since date 'yesterday': {DATE_HELP}"),
        (["timeline", "--until", "2025-13"], "invalid --until date '2025-13': no such date"),
        (["report", "--since", "last week"], f"invalid --since date 'last week': {DATE_HELP}"),
        (["export", "statements", "--since", "soon"], f"invalid --since date 'soon': {DATE_HELP}"),
        (["verdict", "1", "--rating", "wrong"], f"invalid rating 'wrong': use one of {RATINGS}"),
        (["verdicts", "--rating", "fake"], f"invalid rating 'fake': use one of {RATINGS}"),
        (["import", "-", "--encoding", "klingon"], "unknown encoding 'klingon'"),
        (
            ["speakers", "confirm", "X", "--statements", "one"],
            "--statements takes statement ids separated by commas, not 'one'",
        ),
    ],
)
def test_a_value_an_option_cannot_take_exits_2_with_one_line_and_writes_nothing(
    cli, db_path, args, message
) -> None:
    cli.ok("add", "The ball is in India's court.", "-s", "Ishaq Dar", "--no-link")
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM statements").fetchone()
    command = " ".join(args[: 2 if args[0] == "speakers" else 1])
    stderr = cli.fails(*args, code=2, input="text,speaker\nHello.,X\n")
    assert stderr == f"Error: {message} (see 'tracker {command} --help')\n"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM statements").fetchone() == before == (1,)
        assert conn.execute("SELECT count(*) FROM verdicts").fetchone() == (0,)


def test_audit_refuses_an_action_it_never_records(cli) -> None:
    assert cli.fails("audit", "--action", "claim attached", code=2) == (
        "Error: invalid action 'claim attached': use one of edit, delete, restore, appearance delete,"
        " appearance restore, link confirm, link reject, link relabel, link undo, speaker merge,"
        " speaker unmerge, speaker split, speaker rename, speaker alias, claim add, claim attach,"
        " claim relabel, claim detach, claim review, claim undo, claim merge, claim unmerge"
        " (see 'tracker audit --help')\n"
    )
