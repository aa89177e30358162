"""Emergent cross-outlet pairs: two headlines about one claim, judged as linking judges them.

Usage: python benchmarks/eval_pairs.py [DATA_DIR]   (default: ../shared/data beside the repo)

From Emergent's train.csv, per claim, pairs of headlines from different outlets: a `for` and an
`against` headline must contradict; two `for` headlines must agree. Against them, as many pairs
of headlines of two different claims (of the same half), which must stay unrelated. Each pair
is judged with relate(a, b) at a new ledger's link thresholds: under suggest it is not linked,
i.e. unrelated. Halves are by claim, as in eval_relate.py.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_relate import DEFAULT_DATA, LINK, figure, halves, linked, read_csv

from tracker.judge import ENGINE_VERSION

CAP = 10  # pairs of each kind per claim, so that the few claims with 50 headlines do not dominate
SEED = 2026
RELATIONS = ("agrees", "contradicts", "related", "unrelated")
FLOORS = {"contradicts": 0.60, "agrees": 0.60, "unrelated": 0.95}
MEASURES = {
    "contradicts": "contradicts recall (for x against)",
    "agrees": "agrees recall (for x for)",
    "unrelated": "unrelated kept (other claims)",
}


class Pair(NamedTuple):
    claim: str
    gold: str
    a: str
    b: str


def _different(x: dict[str, str], y: dict[str, str]) -> bool:
    """Two outlets, two wordings: a syndicated copy of one headline tests nothing."""
    return x["outlet"] != y["outlet"] and x["headline"].strip().casefold() != y["headline"].strip().casefold()


def build_pairs(rows: list[dict[str, str]]) -> list[Pair]:
    """Per claim, at most CAP pairs of each positive kind, then as many different-claim pairs."""
    by_claim: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_claim.setdefault(row["claim_id"], []).append(row)
    half = halves(list(by_claim))
    pairs: list[Pair] = []
    for claim in sorted(by_claim):
        rng = random.Random(f"{SEED}:{claim}")
        mine = by_claim[claim]
        pro = [r for r in mine if r["stance"] == "for"]
        con = [r for r in mine if r["stance"] == "against"]
        kinds = {
            "contradicts": [(x, y) for x in pro for y in con if _different(x, y)],
            "agrees": [(x, y) for i, x in enumerate(pro) for y in pro[i + 1 :] if _different(x, y)],
        }
        positive = 0
        for gold, found in kinds.items():
            for x, y in rng.sample(found, min(CAP, len(found))):
                pairs.append(Pair(claim, gold, x["headline"], y["headline"]))
                positive += 1
        others = [c for c in sorted(by_claim) if c != claim and half[c] == half[claim]]
        for _ in range(positive):
            other = by_claim[rng.choice(others)]
            pairs.append(
                Pair(claim, "unrelated", rng.choice(mine)["headline"], rng.choice(other)["headline"])
            )
    return pairs


def emergent_pairs(data: Path) -> list[str]:
    pairs = build_pairs(read_csv(data / "emergent" / "train.csv"))
    half = halves([p.claim for p in pairs])
    judged = [(p, linked(p.a, p.b)) for p in pairs]
    lines = [
        f"Emergent cross-outlet headline pairs (at most {CAP} of each kind per claim, seed {SEED}; "
        f"linked at suggest >= {LINK.suggest:g})"
    ]
    for part in ("dev", "check", "all"):
        chosen = [(p, got) for p, got in judged if part == "all" or half[p.claim] == part]
        claims = len({p.claim for p, _ in chosen})
        lines.append(f" {part} ({len(chosen)} pairs, {claims} claims)")
        for gold, name in MEASURES.items():
            outcomes = Counter(got for p, got in chosen if p.gold == gold)
            total = sum(outcomes.values())
            share = outcomes[gold] / total if total else 0.0
            floor = FLOORS[gold]
            lines.append(figure(name, share, f">= {floor:.2f}", share >= floor if part == "all" else None))
            judged_as = ", ".join(f"{rel} {outcomes[rel]}" for rel in RELATIONS)
            lines.append(f"    {total} pairs judged: {judged_as}")
    return lines


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    if not (data / "emergent" / "train.csv").is_file():
        print(f"skipped: no Emergent data at {data}")
        return 0
    print(f"tracker.relate {ENGINE_VERSION} on {data}")
    print(f"  {'measure':<34} {'value':>8}   {'floor':<10}")
    started = time.perf_counter()
    for line in emergent_pairs(data):
        print(line)
    print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
