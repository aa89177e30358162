"""Every judgement of a fixed set of pairs, one line each, for checking that a change to the
speed of tracker.relate changes no judgement.

Usage: python benchmarks/dump_judgements.py [DATA_DIR] > before.txt
(default: ../shared/data beside the repo; the sets that need data are left out without it)

The pairs: tests/minimal_pairs.jsonl, both ways round; bench_relate.py's pairs; Emergent's
claim × headline pairs (eval_relate.py) and cross-outlet headline pairs (eval_pairs.py); and a
few FNC-1 headline × body pairs, so that passages are judged too. Each is judged at the default
thresholds, at a new ledger's suggest threshold and with relatedness given (0), and printed
with its relation, score and every reason (with its side and span). Two dumps of one engine are
byte-identical: compare them with cmp or diff.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_relate import make_pairs
from eval_relate import DEFAULT_DATA, LINK, read_csv

from tracker.judge import relate

PAIRS_FILE = Path(__file__).resolve().parent.parent / "tests" / "minimal_pairs.jsonl"
FNC_PASSAGES = 60  # headline × body pairs: passages are slow, a few cover their path


def pairs(data: Path) -> list[tuple[str, str, str]]:
    """(label, a, b) of every pair judged."""
    out = []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((f"minimal {row['id']}", row["a"], row["b"]))
            out.append((f"minimal {row['id']} reversed", row["b"], row["a"]))
    out.extend((f"bench {i}", a, b) for i, (a, b) in enumerate(make_pairs(5000)))
    emergent = data / "emergent" / "train.csv"
    if emergent.is_file():
        from eval_pairs import build_pairs

        rows = read_csv(emergent)
        out.extend((f"emergent {r['article_id']}", r["claim"], r["headline"]) for r in rows)
        out.extend((f"cross {i} {p.gold}", p.a, p.b) for i, p in enumerate(build_pairs(rows)))
    fnc = data / "fnc-1"
    if (fnc / "train_stances.csv").is_file():
        bodies = {r["Body ID"]: r["articleBody"] for r in read_csv(fnc / "train_bodies.csv")}
        stances = read_csv(fnc / "train_stances.csv")
        for i in sorted(random.Random(12).sample(range(len(stances)), FNC_PASSAGES)):
            out.append((f"fnc {i}", stances[i]["Headline"], bodies[stances[i]["Body ID"]]))
    return out


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    for label, a, b in pairs(data):
        for threshold in (None, LINK.suggest, 0.0):
            j = relate(a, b, related_threshold=threshold)
            reasons = "; ".join(f"{r.code}|{r.detail}|{r.side}|{r.span}" for r in j.reasons)
            print(f"{label} @{threshold}\t{j.relation.value}\t{j.score!r}\t{reasons}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
