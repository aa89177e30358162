"""Pairs per second of tracker.relate on short pairs, one core, against plain rapidfuzz.

Usage: python benchmarks/bench_relate.py [--pairs N] [--runs R]

The pairs are built from a small vocabulary so that the run needs no data; analyse() caches
are cleared before every run so that each pair is judged from scratch.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz

from tracker.judge import relate

TARGET = 2000.0
SUBJECTS = [
    "India",
    "Pakistan",
    "The army",
    "Officials",
    "The minister",
    "Rubio",
    "Dar",
    "The State Department",
    "Islamabad",
    "New Delhi",
    "Police",
    "The company",
]
VERBS = ["said", "denied", "confirmed", "reportedly", "claimed", "insisted", "rejected claims"]
CONTENT = [
    "missiles struck targets in Afghanistan",
    "six jets were shot down near the border",
    "a ceasefire was requested on May 10",
    "talks will resume at 5 pm IST",
    "the army will not escalate further",
    "troops withdrew from three posts",
    "the airline will introduce gender segregation",
    "the guru ordered 400 men castrated",
    "Apple will sell 19 million watches in 2015",
    "the ball is in India's court",
]


def make_pairs(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = []
    for i in range(n):
        # A unique suffix defeats the caches, as new statements would in real use.
        a = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(CONTENT)} item{i}"
        b = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(CONTENT)} case{i}"
        pairs.append((a, b))
    return pairs


def clear_caches() -> None:
    """Empty every functools cache of every tracker module loaded, so that each run pays for
    what a new pair pays for (the words of the pairs are new to it)."""
    for name, module in list(sys.modules.items()):
        if name == "tracker" or name.startswith("tracker."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def rate(func: Callable[[str, str], object], pairs: list[tuple[str, str]], runs: int) -> float:
    rates = []
    for _ in range(runs):
        clear_caches()
        started = time.perf_counter()
        for a, b in pairs:
            func(a, b)
        rates.append(len(pairs) / (time.perf_counter() - started))
    return statistics.median(rates)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pairs = make_pairs(args.pairs)
    baseline = rate(fuzz.token_set_ratio, pairs, args.runs)
    ours = rate(relate, pairs, args.runs)
    print(f"{len(pairs)} short pairs, median of {args.runs} runs, one core")
    print(f"  rapidfuzz token_set_ratio   {baseline:>12,.0f} pairs/s")
    print(
        f"  tracker.relate              {ours:>12,.0f} pairs/s   "
        f"target >= {TARGET:,.0f}: {'met' if ours >= TARGET else 'NOT MET'}"
    )
    print(f"  relate costs {baseline / ours:.0f}x the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
