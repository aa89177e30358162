"""The LIAR corpus check of issue 12, run as a user runs it: what `tracker contradictions` shows.

Usage: python benchmarks/eval_liar_links.py [DATA_DIR] [--n 100000] [--perf-corpus PATH]
       [--tracker PATH] [--link-timeout 900]

In a temporary folder: `perf_corpus.py write N corpus.jsonl` (LIAR statements plus reworded and
negated copies), `tracker import corpus.jsonl --no-link`, `tracker link` (wall time and peak RSS
of its largest process, measured as benchmarks/run.py measures them), `tracker contradictions
--status all --json > shown.json`, then `perf_corpus.py score LEDGER N shown.json`: precision
and recall of the contradictions shown and of the agrees links stored. The time and memory
floors are for N = 100,000.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_relate import DEFAULT_DATA
from run import PYTHON, TRACKER, child

PERF_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "tools" / "perf_corpus.py"
FULL = 100_000  # the size the time and memory floors are set for
FLOORS = {  # relation -> (precision, recall)
    "contradicts": (0.80, 0.85),
    "agrees": (0.80, 0.90),
}
LINK_SECONDS = 60.0
LINK_MIB = 1024.0


def _line(name: str, value: str, floor: str = "", ok: bool | None = None) -> str:
    mark = "" if ok is None else ("met" if ok else "NOT MET")
    return f"  {name:<40} {value:>10}   {floor:<16} {mark}"


def _rows(liar: Path) -> int:
    """LIAR's statements: the corpus copies them from row number (this many) + 1 on."""
    with open(liar, newline="", encoding="utf-8") as f:
        return sum(1 for _ in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _step(what: str, args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"{what} exited {done.returncode}: {(done.stderr or '').strip()[-400:]}")
    return done


def measure(args: argparse.Namespace, liar: Path, tmp: Path) -> Iterator[str]:
    """The report's lines, each as soon as it is known: a 100k link takes minutes."""
    n = args.n
    corpus, db, shown = tmp / "corpus.jsonl", tmp / "ledger.db", tmp / "shown.json"
    perf = str(args.perf_corpus)
    started = time.perf_counter()
    _step(
        "perf_corpus.py write",
        [PYTHON, perf, "write", str(n), str(corpus), str(liar)],
        stderr=subprocess.PIPE,
    )
    yield f"  corpus of {n:,} statements written in {time.perf_counter() - started:.1f} s"
    if n <= (rows := _rows(liar)):
        yield f"  note: up to LIAR's {rows:,} rows the corpus has no copies, so no true pairs: use a larger --n"
    seconds, _, code = child([str(args.tracker), "import", str(corpus), "--no-link", "--db", str(db)])
    if code != 0:
        raise SystemExit(f"tracker import exited {code}")
    yield f"  imported with --no-link in {seconds:.1f} s"
    link_s, link_mib, code = child(
        [str(args.tracker), "link", "--db", str(db)], timeout=args.link_timeout, rss=True
    )
    if code == -9:
        yield _line("tracker link (s)", f"> {args.link_timeout:.0f}", "stopped", False)
        return
    if code != 0:
        raise SystemExit(f"tracker link exited {code}")
    with open(shown, "w", encoding="utf-8") as out:
        _step(
            "tracker contradictions",
            [str(args.tracker), "contradictions", "--status", "all", "--json", "--db", str(db)],
            stdout=out,
            stderr=subprocess.PIPE,
        )
    scored = json.loads(
        _step(
            "perf_corpus.py score",
            [PYTHON, perf, "score", str(db), str(n), str(shown)],
            capture_output=True,
        ).stdout
    )
    yield (
        f"  {scored['statements']:,} statements; {scored['links']:,} pairs counted "
        "(links stored other than contradicts, and the contradictions shown)"
    )
    yield f"  {'measure':<40} {'value':>10}   {'floor':<16}"
    for relation, (precision_floor, recall_floor) in FLOORS.items():
        got = scored[relation]
        shown_as = "shown by `contradictions`" if relation == "contradicts" else "links stored"
        yield (
            f" {relation}: {got['flagged']:,} {shown_as}, {got['right']:,} right, "
            f"{got['true_pairs']:,} true pairs"
        )
        precision, recall = got["precision"], got["recall"]
        yield _line(
            f"{relation} precision",
            f"{precision:.3f}",
            f">= {precision_floor:.2f}",
            precision >= precision_floor,
        )
        if got["true_pairs"]:
            yield _line(
                f"{relation} recall", f"{recall:.3f}", f">= {recall_floor:.2f}", recall >= recall_floor
            )
        else:
            yield _line(f"{relation} recall", "n/a", f">= {recall_floor:.2f}")
    gate = n == FULL
    at = "" if gate else " at 100k"
    yield " tracker link, whole process"
    yield _line(
        "wall time (s)",
        f"{link_s:.1f}",
        f"<= {LINK_SECONDS:.0f}{at}",
        link_s <= LINK_SECONDS if gate else None,
    )
    yield _line(
        "peak RSS, largest process (MiB)",
        f"{link_mib:,.0f}",
        f"<= {LINK_MIB:,.0f}{at}",
        link_mib <= LINK_MIB if gate else None,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--n", type=int, default=FULL, help=f"statements in the corpus (default {FULL:,})")
    parser.add_argument("--perf-corpus", type=Path, default=PERF_CORPUS)
    parser.add_argument("--tracker", type=Path, default=Path(TRACKER))
    parser.add_argument(
        "--link-timeout", type=float, default=900.0, help="stop `tracker link` after this long"
    )
    args = parser.parse_args(argv[1:])
    liar = args.data / "liar" / "train.tsv"
    if not liar.is_file() or not args.perf_corpus.is_file():
        print(f"skipped: needs {liar} and {args.perf_corpus}")
        return 0
    if liar.resolve() != (args.perf_corpus.resolve().parents[1] / "data" / "liar" / "train.tsv").resolve():
        print(f"note: perf_corpus.py score reads LIAR beside itself, not {liar}: the scores may not match")
    print(f"LIAR corpus of {args.n:,} statements through the CLI ({args.tracker})", flush=True)
    with tempfile.TemporaryDirectory(prefix="eval-liar-") as tmp:
        for line in measure(args, liar, Path(tmp)):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
