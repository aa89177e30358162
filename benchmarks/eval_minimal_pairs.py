"""Score tracker.relate on the minimal pairs in tests/minimal_pairs.jsonl.

Usage: python benchmarks/eval_minimal_pairs.py [PAIRS_FILE] [--wrong]

Each line is {"id", "a", "b", "expect", "phenomenon", "note"}. relate(a, b) runs with its
default thresholds and no hints, as linking runs it. The expectations follow one reading:
  contradicts  both cannot be true of the same event
  agrees       both assert the same claim (one side may fill a part the other leaves out)
  related      about the same claim or event, but neither confirms nor denies the other
               (a hedged report beside a firm one, a different aspect of one event)
  unrelated    about different things, however many words they share
Most pairs that must contradict sit next to a near miss that must not. It is a benchmark,
not a gate: it exits 0 whether the floor is met or not (a bad file exits 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.judge import ENGINE_VERSION, relate

DEFAULT_PAIRS = Path(__file__).resolve().parent.parent / "tests" / "minimal_pairs.jsonl"
LABELS = ("agrees", "contradicts", "related", "unrelated")
FIELDS = ("id", "a", "b", "expect", "phenomenon", "note")
FLOOR = 0.90


def read_pairs(path: Path) -> list[dict[str, str]]:
    """The pairs of a JSON-lines file, checked for the fields and labels the suite relies on."""
    pairs = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        pair = json.loads(line)
        missing = [field for field in FIELDS if not pair.get(field)]
        if missing:
            raise ValueError(f"{path}:{number}: missing {', '.join(missing)}")
        if pair["expect"] not in LABELS:
            raise ValueError(f"{path}:{number}: expect {pair['expect']!r} is not one of {', '.join(LABELS)}")
        if pair["id"] in seen:
            raise ValueError(f"{path}:{number}: id {pair['id']} appears twice")
        seen.add(pair["id"])
        pairs.append(pair)
    return pairs


def table(pairs: list[dict[str, str]], got: list[str]) -> list[str]:
    n: Counter[str] = Counter(p["phenomenon"] for p in pairs)
    right: Counter[str] = Counter(
        p["phenomenon"] for p, g in zip(pairs, got, strict=True) if p["expect"] == g
    )
    lines = [f"  {'phenomenon':<16} {'n':>4} {'right':>6} {'accuracy':>9}"]
    for name in sorted(n):
        lines.append(f"  {name:<16} {n[name]:>4} {right[name]:>6} {right[name] / n[name]:>9.3f}")
    total = sum(right.values())
    lines.append(f"  {'all':<16} {len(pairs):>4} {total:>6} {total / len(pairs):>9.3f}")
    return lines


def confusion(pairs: list[dict[str, str]], got: list[str]) -> list[str]:
    cells = Counter((p["expect"], g) for p, g in zip(pairs, got, strict=True))
    lines = ["  expected \\ got " + "".join(f"{label:>12}" for label in LABELS)]
    for expect in LABELS:
        lines.append(f"  {expect:<15} " + "".join(f"{cells[expect, label]:>12}" for label in LABELS))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--wrong", action="store_true", help="list the wrong pairs with the reasons given")
    args = parser.parse_args(argv)
    try:
        pairs = read_pairs(args.pairs)
    except (OSError, ValueError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    judgements = [relate(p["a"], p["b"]) for p in pairs]
    got = [j.relation.value for j in judgements]
    accuracy = sum(p["expect"] == g for p, g in zip(pairs, got, strict=True)) / len(pairs)

    print(
        f"tracker.relate {ENGINE_VERSION} on {len(pairs)} minimal pairs ({args.pairs.name}, default thresholds)"
    )
    print("\n".join(table(pairs, got)))
    print("confusion (rows: expected, columns: relate)")
    print("\n".join(confusion(pairs, got)))
    mark = "met" if accuracy >= FLOOR else "NOT MET"
    print(f"floor: accuracy {accuracy:.3f} >= {FLOOR:.2f}  {mark}")

    if args.wrong:
        print("wrong pairs")
        for pair, judgement in zip(pairs, judgements, strict=True):
            if judgement.relation.value == pair["expect"]:
                continue
            print(
                f"  {pair['id']} [{pair['phenomenon']}] expected {pair['expect']}, got {judgement.relation.value}"
            )
            print(f"    a: {pair['a']}")
            print(f"    b: {pair['b']}")
            reasons = "; ".join(str(reason) for reason in judgement.reasons) or "(none)"
            print(f"    reasons: {reasons}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
