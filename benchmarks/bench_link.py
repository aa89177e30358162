"""Batch linking benchmark: `relink_all` wall time, peak RSS and recall against brute force.

Usage: python benchmarks/bench_link.py [--tier 10k --tier 100k | --tier 1m] [--runs 3]
                                       [--workers N] [--recall-sample 10000]

Statements come from benchmarks/datagen.py (LIAR claims with reworded and negated copies,
synthetic claims when ../shared/data is absent), imported once per tier with
`tracker import --no-link` into benchmarks/out/ (git-ignored). Each link run works on a fresh
copy of that database in a child process, so peak RSS (getrusage, the largest of the
process and its workers) is the linker's alone.

Recall: brute force judges *every* pair of the sample with the linker's own criterion,
relate() scoring at least the suggest threshold. relate() on 5·10⁷ pairs would take hours,
so all pairs first go through `link.could_link`, which computes relate's similarity from
stems prepared once and only drops pairs that cannot reach the threshold (exact, not a
heuristic: rapidfuzz `ratio` at any cutoff either misses links or passes millions of
pairs). It runs on all cores; the 10k sample takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import datagen  # noqa: E402

from tracker.link import config  # noqa: E402

PYTHON = sys.executable
TRACKER = str(Path(PYTHON).with_name("tracker"))
TIERS = datagen.TIERS
TARGET_SECONDS = {"10k": None, "100k": 60.0, "1m": 15 * 60.0}
TARGET_RSS_MIB = {"1m": 1024}
OUT = HERE / "out"

_CHILD = """
import json, resource, sys, time
from tracker.store import open_db
from tracker import link
db = open_db(sys.argv[1])
started = time.perf_counter()
stats = link.relink_all(db, workers=int(sys.argv[2]))
seconds = time.perf_counter() - started
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
print(json.dumps({"seconds": seconds, "candidates": stats.candidates, "judged": stats.judged,
                  "links": stats.links, "rss_mib": rss, "stages": stats.timings()}))
"""


def imported_db(tier: str, n: int) -> Path:
    """The tier's statements imported without linking (made once, then reused)."""
    OUT.mkdir(exist_ok=True)
    db_path = OUT / f"bench-link-{tier}.db"
    if db_path.exists():
        return db_path
    csv_path = OUT / f"bench-link-{tier}.csv"
    corpus = datagen.write_csv(csv_path, n, seed=42)
    print(
        f"  generated {n:,} statements ({'LIAR' if corpus.liar else 'synthetic'}): {dict(corpus.kinds)}",
        flush=True,
    )
    partial = db_path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    subprocess.run(
        [TRACKER, "import", str(csv_path), "--no-link", "--db", str(partial)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    partial.rename(db_path)
    return db_path


def link_once(db_path: Path, workers: int, keep: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "tracker.db"
        shutil.copyfile(db_path, work)
        done = subprocess.run(
            [PYTHON, "-c", _CHILD, str(work), str(workers)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if keep is not None:
            shutil.copyfile(work, keep)
    return json.loads(done.stdout)


# --- brute force ---------------------------------------------------------------------------

_SHARED: Any = None


def _brute_some(rows: list[int]) -> list[tuple[int, int, float]]:
    from tracker import link
    from tracker.judge import relate

    ids, texts, shapes, limits = _SHARED
    out = []
    for i in rows:
        a = ids[i]
        for b in ids[i + 1 :]:
            if link.could_link(shapes[a], shapes[b], limits.suggest):
                judgement = relate(texts[a], texts[b], related_threshold=limits.suggest)
                if judgement.relation in link._STORED and judgement.score >= limits.suggest:
                    out.append((a, b, judgement.score))
    return out


def brute_force(linked_db: Path, sample: int, workers: int) -> tuple[dict[tuple[int, int], float], list[int]]:
    """Every pair of `sample` statements that relate() would store, with its score."""
    global _SHARED
    from tracker import link
    from tracker.store import open_db

    db = open_db(linked_db)
    every = [r[0] for r in db.execute("SELECT id FROM statements ORDER BY id")]
    ids = sorted(random.Random(7).sample(every, min(sample, len(every))))
    texts = link._texts(db, ids)
    limits = link.thresholds(db)
    shapes = link._shapes(texts, ids, workers)
    _SHARED = (ids, texts, shapes, limits)
    rows = list(range(len(ids)))
    chunks = [rows[i :: workers * 16] for i in range(workers * 16)]  # interleaved: rows shrink
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = pool.map(_brute_some, chunks)
    return {(a, b): score for part in parts for a, b, score in part}, ids


@dataclass(frozen=True)
class Recall:
    """How the brute-force pairs of a sample fare in a linked ledger.

    A statement keeps only its `config.MAX_LINKS` strongest links (`pipeline.strongest`), over
    the whole ledger, and a pair is kept only when it is among the strongest of both its
    statements: a pair brute force finds is *bounded* when one of its statements has that many
    links at least as strong, stored or found by brute force. Where the sample is the whole
    ledger (the 10k tier) that is exactly the bound; on a sample it is a lower estimate of it
    (links the bound dropped between statements outside the sample are not known). Recall is
    judged on the pairs the bound leaves.
    """

    found: int
    truth: int
    bounded: int
    seconds: float

    @property
    def share(self) -> float:
        due = self.truth - self.bounded
        return self.found / due if due else 1.0

    def describe(self) -> str:
        return (
            f"{100 * self.share:.1f} % ({self.found:,}/{self.truth - self.bounded:,}; "
            f"{self.bounded:,} more of {self.truth:,} left out by the bound of "
            f"{config.MAX_LINKS} links a statement)"
        )


def bounded_recall(db: Any, truth: dict[tuple[int, int], float], ids: list[int], seconds: float) -> Recall:
    """Score a linked ledger's links among `ids` against brute force's `truth`."""
    stored: dict[tuple[int, int], float] = {}
    for a, b, score in db.execute("SELECT a_id, b_id, score FROM links"):
        stored[a, b] = score
    scores: dict[int, list[float]] = {}
    for (a, b), score in (stored | truth).items():
        scores.setdefault(a, []).append(score)
        scores.setdefault(b, []).append(score)

    def full(sid: int, score: float) -> bool:  # k others at least as strong, besides this pair
        return sum(1 for s in scores.get(sid, ()) if s >= score) > config.MAX_LINKS

    missed = [((a, b), score) for (a, b), score in truth.items() if (a, b) not in stored]
    bounded = sum(1 for (a, b), score in missed if full(a, score) or full(b, score))
    return Recall(len(truth) - len(missed), len(truth), bounded, seconds)


def recall(linked_db: Path, sample: int, workers: int, source: Path | None = None) -> Recall:
    """Links found among the brute-force pairs of the sample. The brute force depends only on
    the statements, relate and the threshold, so it is kept next to the tier's source database
    and reused while those stay the same."""
    from tracker.judge import ENGINE_VERSION
    from tracker.store import open_db

    started = time.perf_counter()
    cache = None
    if source is not None:
        limits = __import__("tracker.link", fromlist=["thresholds"]).thresholds(open_db(source))
        stamp = f"{source.stat().st_size}-{int(source.stat().st_mtime)}-{sample}-{ENGINE_VERSION}-{limits.suggest:g}"
        cache = source.with_name(f"{source.stem}-truth2-{stamp}.json")
    if cache is not None and cache.exists():
        saved = json.loads(cache.read_text())
        truth, ids = {(a, b): score for a, b, score in saved["truth"]}, saved["ids"]
    else:
        truth, ids = brute_force(linked_db, sample, workers)
        if cache is not None:
            cache.write_text(
                json.dumps({"ids": ids, "truth": sorted((a, b, s) for (a, b), s in truth.items())})
            )
    return bounded_recall(open_db(linked_db), truth, ids, time.perf_counter() - started)


# --- report --------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", action="append", choices=list(TIERS))
    parser.add_argument("--runs", type=int, default=3, help="link runs per tier below 1m (median)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--recall-sample", type=int, default=10_000)
    parser.add_argument("--no-recall", action="store_true")
    args = parser.parse_args()
    tiers = args.tier or ["10k", "100k"]
    rows = []
    for tier in tiers:
        n = TIERS[tier]
        print(f"== {tier}", flush=True)
        db_path = imported_db(tier, n)
        runs = 1 if tier == "1m" else args.runs
        linked = OUT / f"bench-link-{tier}-linked.db"
        results = [link_once(db_path, args.workers, keep=linked if i == 0 else None) for i in range(runs)]
        for r in results:
            print(
                f"  run: {r['seconds']:.1f} s, {r['candidates']:,} candidates, {r['judged']:,} judged, "
                f"{r['links']:,} links, {r['rss_mib']:.0f} MiB; {r['stages']}",
                flush=True,
            )
        seconds = statistics.median(r["seconds"] for r in results)
        rss = max(r["rss_mib"] for r in results)
        target = TARGET_SECONDS[tier]
        rows.append(
            (
                f"{tier} relink_all (s, median of {runs})",
                f"{seconds:.1f}",
                f"≤ {target:.0f}" if target else "",
                "" if target is None else ("met" if seconds <= target else "NOT MET"),
            )
        )
        rows.append(
            (
                f"{tier} candidate pairs / judged by relate",
                f"{results[0]['candidates']:,} / {results[0]['judged']:,}",
                "",
                "",
            )
        )
        rows.append((f"{tier} links", f"{results[0]['links']:,}", "", ""))
        rows.append((f"{tier} stages (first run)", results[0]["stages"], "", ""))
        limit = TARGET_RSS_MIB.get(tier)
        rows.append(
            (
                f"{tier} peak RSS (MiB)",
                f"{rss:.0f}",
                f"≤ {limit}" if limit else "",
                "" if limit is None else ("met" if rss <= limit else "NOT MET"),
            )
        )
        if tier != "1m" and not args.no_recall:
            result = recall(linked, args.recall_sample, args.workers, source=db_path)
            rows.append(
                (
                    f"{tier} recall vs brute force ({args.recall_sample:,} sample, {result.seconds:.0f} s)",
                    result.describe(),
                    "≥ 98 %",
                    "met" if result.share >= 0.98 else "NOT MET",
                )
            )
    print("\n| what | measured | target | met? |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
