"""The benchmark's recall against brute force counts the bound of links a statement."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench_link

from tracker.link import config


def _ledger(links: list[tuple[int, int, float]]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE links (a_id INTEGER, b_id INTEGER, score REAL)")
    db.executemany("INSERT INTO links VALUES (?, ?, ?)", links)
    return db


def test_a_pair_dropped_because_a_statement_has_k_stronger_links_is_bounded_not_missed() -> None:
    k = config.MAX_LINKS
    # statement 1 has k links stronger than 50 (to 100, 101, …); its pair with 2 scores 50
    strong = [(1, 100 + i, 90.0) for i in range(k)]
    truth = {(1, 2): 50.0, (3, 4): 70.0, (5, 6): 60.0} | {pair[:2]: pair[2] for pair in strong}
    # stored: the k strong links and (5, 6); (3, 4) is missing with nothing to explain it
    recall = bench_link.bounded_recall(_ledger([*strong, (5, 6, 60.0)]), truth, [1, 2, 3, 4, 5, 6], 1.0)
    assert (recall.found, recall.truth, recall.bounded) == (k + 1, k + 3, 1)
    assert recall.share == (k + 1) / (k + 2)
    assert recall.describe() == (
        f"{100 * (k + 1) / (k + 2):.1f} % ({k + 1}/{k + 2}; 1 more of {k + 3} left out by the bound"
        f" of {k} links a statement)"
    )


def test_links_brute_force_found_but_the_ledger_dropped_count_towards_the_bound() -> None:
    k = config.MAX_LINKS
    # statement 1's k stronger links were themselves dropped (by their other statements'
    # bounds): they still rank above (1, 2), so (1, 2) is bounded
    truth = {(1, 100 + i): 90.0 for i in range(k)} | {(1, 2): 50.0}
    recall = bench_link.bounded_recall(_ledger([]), truth, [1, 2], 1.0)
    assert (recall.found, recall.bounded) == (0, 1)  # the k strong ones are simply missed
