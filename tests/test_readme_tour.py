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

import seed_tour
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


def test_the_seed_tour_gives_the_output_the_readme_shows():
    # `python tests/seed_tour.py --write` writes the real output into the README
    _, results = seed_tour.replay()
    assert [step.command for step, _ in results][:2] == [
        "tracker extract seeds/000_5d60781b92935417.txt --date 2025-05-10",
        "tracker import data/seed-claim.jsonl",
    ]
    assert [step.command for step, got in results if seed_tour.differs(step, got)] == []


ABC = ["a", "b", "c"]


@pytest.mark.parametrize(
    ("shown", "excerpt", "real", "differs"),
    [
        (ABC, False, ABC, False),
        (["a", "", "b", "c"], False, ABC, False),  # blank lines around tables aside
        (["a", "c"], False, ABC, True),
        (["a", "c"], True, ABC, False),  # an excerpt: its lines in order
        (["c", "a"], True, ABC, True),
        (["d"], True, ABC, True),
        ([], True, ABC, False),  # `tracker review` waiting for a key shows nothing
        # a clock time is masked, a date is not
        (["at 2026-12-02 03:18 by root"], False, ["at 2026-12-02 10:43 by root"], False),
        (["at 2026-12-02T03:18:44+00:00"], False, ["at 2026-12-02T10:43:36+00:00"], False),
        (["said on 2025-05-10"], False, ["said on 2025-05-11"], True),
    ],
)
def test_a_seed_tour_step_differs_when_its_shown_lines_are_not_the_real_ones(shown, excerpt, real, differs):
    step = seed_tour.Step("tracker x", excerpt, 0, len(shown), shown)
    assert seed_tour.differs(step, real) is differs
