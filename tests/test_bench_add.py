"""bench_add.py times the checkout it is told to, wherever it is run from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench_add


def test_against_times_the_other_checkout_even_run_from_inside_this_one(tmp_path: Path) -> None:
    # a checkout holding only a `tracker` package that says where it is
    other = tmp_path / "other"
    (other / "tracker").mkdir(parents=True)
    (other / "tracker" / "__main__.py").write_text("print(__file__)\n")
    command, env = bench_add.add_command(other, tmp_path / "t.db", "text")
    assert command[1:4] == ["-P", "-m", "tracker"]
    this_tree = Path(bench_add.__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, *command[1:]],
        cwd=this_tree,  # `-m` without -P would import this tree's tracker from here
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == f"{other / 'tracker' / '__main__.py'}\n"
