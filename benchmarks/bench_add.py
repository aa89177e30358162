"""`tracker add` latency alone, against a 100k ledger built once (issue 12: p50 ≤ 300 ms).

Usage: python benchmarks/bench_add.py [--n 100000] [--runs 15] [--against SRC_DIR]

Builds the ledger as `benchmarks/run.py` does (the tier's CSV, `tracker import --no-link`)
once into benchmarks/out/, then times each add on a fresh copy of it, interleaved with the
baselines `python -c pass` and `python -c "import tracker.cli"`, so load on the machine
falls on all of them alike. --against SRC_DIR also times another checkout's tracker (its
`tracker/` package put first on the path) in the same rounds: before/after, back to back.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402

PYTHON = run.PYTHON


def build_ledger(out: Path, n: int) -> Path:
    """The imported, unlinked ledger of n statements that run.py's add figure is measured on."""
    db_path = out / f"add-{n}.db"
    if not db_path.exists():
        csv_path, _ = run.data_file(out, n, run.datagen.DEFAULT_LIAR)
        building = db_path.with_name(db_path.name + ".building")
        run.remove_db(building)
        seconds, _, code = run.child(
            [run.TRACKER, "import", str(csv_path), "--no-link", "--db", str(building)]
        )
        if code != 0:
            raise SystemExit(f"building the ledger failed (exit {code})")
        with_wal_checkpointed(building)
        building.rename(db_path)
        print(f"built {db_path.name} in {seconds:.0f} s", flush=True)
    return db_path


def with_wal_checkpointed(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def add_command(src: Path, db_path: Path, text: str) -> tuple[list[str], dict[str, str]]:
    """The add from a checkout's source: `python -P -m tracker` with the checkout first on the
    path, so this tree and --against start the same way. -P: `-m` would put the working
    directory first, and run from inside a checkout every column would time that one."""
    args = ["add", text, "--speaker", "Ishaq Dar", "--db", str(db_path)]
    return [PYTHON, "-P", "-m", "tracker", *args], {"PYTHONPATH": str(src)}


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process: on a machine others load, CPU time is the
    steadier of the two (its minimum the least disturbed), and wall time is what a user waits."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, _, code = run.child(command, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        raise SystemExit(f"{' '.join(command[:4])} exited {code}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=run.TIERS["100k"])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--against", type=Path, help="another checkout to time in the same rounds")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # time what a user's installed tracker does
    ledger = build_ledger(args.out, args.n)
    copy = args.out / "add-timing.db"
    checkouts = [("tracker add (this tree)", run.ROOT)]
    if args.against:
        checkouts.append((f"tracker add ({args.against})", args.against))
    times: dict[str, list[tuple[float, float]]] = {"python -c pass": [], "import tracker.cli": []}
    times.update({label: [] for label, _ in checkouts})
    rng = random.Random(9)
    for i in range(args.runs):
        text = f"The minister said {rng.randint(2, 900)} troops left the border post {i} today."
        times["python -c pass"].append(timed([PYTHON, "-c", "pass"]))
        importing = [PYTHON, "-P", "-c", "import tracker.cli"]
        times["import tracker.cli"].append(timed(importing, {"PYTHONPATH": str(run.ROOT)}))
        for label, src in checkouts[i % 2 :] + checkouts[: i % 2]:  # each goes first half the time
            run.remove_db(copy)
            shutil.copy(ledger, copy)
            command, env = add_command(src, copy, text)
            times[label].append(timed(command, env))
    base = statistics.median(wall for wall, _ in times["python -c pass"])
    print(f"{args.n:,} statements, {args.runs} rounds (ms; wall ratio to python -c pass):")
    for label, values in times.items():
        walls, cpus = sorted(wall for wall, _ in values), [cpu for _, cpu in values]
        p50, p95 = statistics.median(walls), walls[int(0.95 * (len(walls) - 1))]
        print(
            f"  {label:<40} wall p50 {1000 * p50:5.0f}  p95 {1000 * p95:5.0f}  {p50 / base:4.1f}×"
            f"   CPU p50 {1000 * statistics.median(cpus):5.0f}  min {1000 * min(cpus):5.0f}"
        )
    run.remove_db(copy)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
