"""Emergent cross-outlet pairs: two headlines about one claim, judged as linking judges them.

Usage: python benchmarks/eval_pairs.py [DATA_DIR] [--semantic] [--sweep]
(default: ../shared/data beside the repo)

--semantic adds a column: the same pairs judged with the semantic layer on (a pair the words
leave unlinked whose sentence vectors' cosine reaches link.meaning.MEANING_FLOOR is judged
again, relatedness given). --sweep prints the dev half at other floors, to choose one.

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

from eval_relate import DEFAULT_DATA, LINK, Meaning, figure, halves, linked, read_csv, semantic_flag

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


def _shares(chosen: list[tuple[Pair, str]]) -> dict[str, tuple[float, Counter[str]]]:
    out = {}
    for gold in MEASURES:
        outcomes = Counter(got for p, got in chosen if p.gold == gold)
        total = sum(outcomes.values())
        out[gold] = (outcomes[gold] / total if total else 0.0, outcomes)
    return out


def emergent_pairs(data: Path, semantic: bool = False, sweep: bool = False) -> list[str]:
    pairs = build_pairs(read_csv(data / "emergent" / "train.csv"))
    half = halves([p.claim for p in pairs])
    judged = [(p, linked(p.a, p.b)) for p in pairs]
    meaning = Meaning([t for p in pairs for t in (p.a, p.b)]) if semantic or sweep else None
    by_meaning = [(p, meaning.linked(p.a, p.b)) for p in pairs] if meaning is not None and semantic else None
    lines = [
        f"Emergent cross-outlet headline pairs (at most {CAP} of each kind per claim, seed {SEED}; "
        f"linked at suggest >= {LINK.suggest:g})"
    ]
    if meaning is not None:
        lines.append(
            f"  semantic: cosine floor {meaning.floor:.2f}; {len(meaning.row)} texts encoded at "
            f"{meaning.rate:.0f} sentences/s"
        )
    for part in ("dev", "check", "all"):
        chosen = [(p, got) for p, got in judged if part == "all" or half[p.claim] == part]
        claims = len({p.claim for p, _ in chosen})
        lines.append(f" {part} ({len(chosen)} pairs, {claims} claims)")
        shares = _shares(chosen)
        semantic_shares = (
            _shares([(p, got) for p, got in by_meaning if part == "all" or half[p.claim] == part])
            if by_meaning is not None
            else None
        )
        for gold, name in MEASURES.items():
            share, outcomes = shares[gold]
            floor = FLOORS[gold]
            lines.append(figure(name, share, f">= {floor:.2f}", share >= floor if part == "all" else None))
            judged_as = ", ".join(f"{rel} {outcomes[rel]}" for rel in RELATIONS)
            lines.append(f"    {sum(outcomes.values())} pairs judged: {judged_as}")
            if semantic_shares is not None:
                share, outcomes = semantic_shares[gold]
                lines.append(
                    figure(
                        f"  semantic: {name}",
                        share,
                        f">= {floor:.2f}",
                        share >= floor if part == "all" else None,
                    )
                )
                judged_as = ", ".join(f"{rel} {outcomes[rel]}" for rel in RELATIONS)
                lines.append(f"    {sum(outcomes.values())} pairs judged: {judged_as}")
    if sweep and meaning is not None:
        lines.append(" dev half by cosine floor: contradicts / agrees recall, unrelated kept")
        dev = [p for p in pairs if half[p.claim] == "dev"]
        for floor in (0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80):
            meaning.floor = floor
            shares = _shares([(p, meaning.linked(p.a, p.b)) for p in dev])
            lines.append(f"  {floor:.2f}   " + "   ".join(f"{shares[gold][0]:.3f}" for gold in MEASURES))
    return lines


def main(argv: list[str]) -> int:
    argv, semantic = semantic_flag(argv)
    sweep = "--sweep" in argv
    argv = [a for a in argv if a != "--sweep"]
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    if not (data / "emergent" / "train.csv").is_file():
        print(f"skipped: no Emergent data at {data}")
        return 0
    print(f"tracker.relate {ENGINE_VERSION} on {data}")
    print(f"  {'measure':<34} {'value':>8}   {'floor':<10}")
    started = time.perf_counter()
    for line in emergent_pairs(data, semantic, sweep):
        print(line)
    print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
