"""The README's tour on the seed article, replayed as a user runs it: every `$ tracker …` line
of the tour's console blocks, in order, in one ledger, from the project's root, on a
100-column terminal, stderr and stdout in one stream as a terminal shows them.

The blocks run on the files of data/tour/ are left to tests/test_readme_tour.py (each in a
ledger of its own), and the tour ends where sharing a report begins (those commands write
files or start a server). A command with a trailing `  # comment` shows an excerpt of its
output (or none, as `tracker review` waiting for a key): the lines shown must appear in the
real output, in order. Every other command shows its whole output.

    python tests/seed_tour.py            # prints what differs
    python tests/seed_tour.py --write    # writes the real output into README.md
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START = "## A tour on the seed article"
END = "### Sharing a report"
SHOWN_DB = "/tmp/tour.db"  # the ledger the README names (`export TRACKER_DB=/tmp/tour.db`)
# a clock time (the audit trail's, a deletion's) changes with every run; a date alone does not
_CLOCK = re.compile(r"\b(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[+-]\d\d:\d\d|Z)?")


@dataclass
class Step:
    command: str  # as a shell runs it, continuation lines joined
    excerpt: bool  # the README shows a part of the output
    first: int  # README line index of the first output line
    end: int  # README line index after the last output line
    shown: list[str]


def steps(lines: list[str]) -> list[Step]:
    """The tour's commands with the output the README shows under each."""
    start = next(i for i, line in enumerate(lines) if line.startswith(START))
    end = next(i for i, line in enumerate(lines) if line.startswith(END))
    found: list[Step] = []
    i = start
    while i < end:
        if lines[i].strip() != "```console":
            i += 1
            continue
        close = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        block = range(i + 1, close)
        if "data/tour/" not in "\n".join(lines[i + 1 : close]):
            k = block.start
            while k < close:
                if not lines[k].startswith("$ "):
                    k += 1
                    continue
                command = lines[k][2:]
                while command.endswith("\\"):
                    k += 1
                    command = command[:-1] + " " + lines[k].strip()
                command, comment, _ = command.partition("  #")
                k += 1
                first = k
                while k < close and not lines[k].startswith("$ "):
                    k += 1
                found.append(Step(command.strip(), bool(comment), first, k, lines[first:k]))
        i = close + 1
    return found


def run(step: Step, db: Path) -> list[str]:
    """What the command prints, stderr and stdout as one stream, clock times masked."""
    env = dict(os.environ, TRACKER_DB=str(db), COLUMNS="100", LOGNAME="root", USER="root")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("TERM", None)
    done = subprocess.run(
        ["bash", "-c", f"{{ {step.command} ; }} 2>&1"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    out = [line.rstrip() for line in done.stdout.replace(str(db), SHOWN_DB).splitlines()]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


def masked(lines: list[str]) -> list[str]:
    """Lines as compared: clock times masked, blank lines (around tables) aside."""
    return [_CLOCK.sub(r"\1 <time>", line.rstrip()) for line in lines if line.strip()]


def differs(step: Step, got: list[str]) -> bool:
    shown, real = masked(step.shown), masked(got)
    if not step.excerpt:
        return shown != real
    it = iter(real)
    return not all(line in it for line in shown)


def replay() -> tuple[list[str], list[tuple[Step, list[str]]]]:
    """README lines, and each step with what it really printed."""
    lines = README.read_text(encoding="utf-8").split("\n")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "tour.db"
        return lines, [(step, run(step, db)) for step in steps(lines)]


def main(argv: list[str]) -> int:
    lines, results = replay()
    stale = [(step, got) for step, got in results if differs(step, got)]
    for step, got in stale:
        print(f"$ {step.command}\n  README: {step.shown}\n  real:   {got}\n")
    if "--write" in argv:
        for step, got in reversed(stale):
            if not step.excerpt:
                lines[step.first : step.end] = got
        README.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(stale)} of {len(results)} commands differ", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
