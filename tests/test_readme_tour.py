"""The README's examples on the files of data/tour/ give exactly the output the README shows.

Each ```console block that names a file in data/tour/ is run as written, in a new ledger, from
the project's root, on a 100-column terminal; stderr then stdout are compared, as a user sees
them, line by line (trailing spaces and blank lines around tables aside).
"""

from __future__ import annotations

import re
import shlex
import textwrap

import pytest

from conftest import ROOT

FENCE = re.compile(r"^( *)```console\n(.*?)^ *```", re.S | re.M)


def _blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [textwrap.dedent(b) for _, b in FENCE.findall(readme) if "data/tour/" in b]


def _steps(block: str) -> list[tuple[list[str], list[str]]]:
    """(argv after `tracker`, expected lines) for each `$ tracker …` line of a block."""
    steps: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            command = line[2:].split("  #", 1)[0]
            argv = shlex.split(command)
            assert argv[0] == "tracker", line
            steps.append((argv[1:], []))
        elif line.strip():
            steps[-1][1].append(line.rstrip())
    return steps


def test_the_readme_has_tour_blocks_for_every_shipped_file():
    shown = "\n".join(_blocks())
    shipped = sorted(p.name for p in (ROOT / "data" / "tour").iterdir())
    assert shipped == ["bridge.txt", "desk.csv", "legacy.csv", "mixed.csv", "nospeaker.csv", "two.csv"]
    assert [name for name in shipped if f"data/tour/{name}" not in shown] == []


@pytest.mark.parametrize("block", _blocks(), ids=lambda b: b.split("\n", 1)[0][2:60])
def test_a_tour_block_gives_the_output_the_readme_shows(block, cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    for argv, expected in _steps(block):
        result = cli(*argv)
        # A terminal shows the notes on stderr before the table that stdout writes last.
        got = [line.rstrip() for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        assert got == expected, " ".join(argv)
