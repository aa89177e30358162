"""Score tracker.relate on the public development data and print the figures beside the floors.

Usage: python benchmarks/eval_relate.py [DATA_DIR] [--semantic]
(default: ../shared/data beside the repo)

--semantic adds, for Emergent, the same pairs judged with the semantic layer (as claims are
judged: link.meaning.CLAIM_FLOOR), and for STS the Pearson of the sentence vectors' cosine.

Emergent is scored twice: with relatedness decided by tracker, as linking decides it (a pair
scoring under the suggest threshold is not linked, so it counts as unrelated), and with
relatedness given (the stance alone, as the task was published).

Every set is split into two halves by a stable key (Emergent by claim id, FNC-1 by body id,
STS by year) so that rules developed on the "dev" half can be checked on the "check" half.
"""

from __future__ import annotations

import csv
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.evaluate import classification_report, fnc_score, pearson
from tracker.judge import ENGINE_VERSION, relate
from tracker.link import Thresholds
from tracker.model import Relation

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FNC_SAMPLE = 3000
FNC_SEED = 2025  # random.Random(2025).sample over all FNC-1 training stances, sorted by row
EMERGENT = {"for": "agrees", "against": "contradicts", "observing": "related"}
FNC = {"agree": "agrees", "disagree": "contradicts", "discuss": "related", "unrelated": "unrelated"}

LINK = Thresholds()  # what a new ledger links with: a pair scoring under suggest is not linked

csv.field_size_limit(10**8)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def halves(keys: list[str]) -> dict[str, str]:
    """Alternate the sorted distinct keys between "dev" and "check"."""
    return {key: ("dev", "check")[i % 2] for i, key in enumerate(sorted(set(keys)))}


def figure(name: str, value: float, floor: str, ok: bool | None) -> str:
    mark = "" if ok is None else ("met" if ok else "NOT MET")
    return f"  {name:<34} {value:>8.3f}   {floor:<10} {mark}"


def linked(a: str, b: str) -> str:
    """The relation linking stores for the pair at a new ledger's thresholds; unrelated when none."""
    judgement = relate(a, b, related_threshold=LINK.suggest)
    if judgement.relation is Relation.UNRELATED or judgement.score < LINK.suggest:
        return str(Relation.UNRELATED)
    return str(judgement.relation)


class Meaning:
    """The semantic layer as linking uses it (tracker/link/meaning.py), for the --semantic
    columns: every distinct text encoded once; a pair the words leave unlinked whose cosine
    reaches the floor is judged again with relatedness given."""

    def __init__(self, texts: list[str], floor: float | None = None) -> None:
        from tracker.link.meaning import MEANING_FLOOR
        from tracker.semantic.encoder import encode

        distinct = sorted(set(texts))
        started = time.perf_counter()
        matrix = encode(distinct)
        self.seconds = time.perf_counter() - started
        self.rate = len(distinct) / self.seconds if self.seconds else 0.0
        self.row = {text: i for i, text in enumerate(distinct)}
        self.matrix = matrix
        self.floor = MEANING_FLOOR if floor is None else floor

    def cosine(self, a: str, b: str) -> float:
        return float(self.matrix[self.row[a]] @ self.matrix[self.row[b]])

    def linked(self, a: str, b: str) -> str:
        """linked(a, b), and by meaning when the words leave the pair unlinked."""
        from tracker.link.meaning import judge_by_meaning

        lexical = linked(a, b)
        if lexical != Relation.UNRELATED:
            return lexical
        judgement = judge_by_meaning(a, b, self.cosine(a, b), self.floor)
        if judgement is None or judgement.score < LINK.suggest:
            return str(Relation.UNRELATED)
        return str(judgement.relation)


def semantic_flag(argv: list[str]) -> tuple[list[str], bool]:
    """argv without --semantic, and whether it was given."""
    return [a for a in argv if a != "--semantic"], "--semantic" in argv


def given(a: str, b: str) -> str:
    """The stance alone: the judge is told that every pair is related."""
    return str(relate(a, b, related_threshold=0).relation)


def emergent(data: Path, semantic: bool = False) -> list[str]:
    rows = read_csv(data / "emergent" / "train.csv")
    half = halves([r["claim_id"] for r in rows])
    # Floors are judged on the first block only: a user's ledger never knows that a pair is related.
    blocks: list[tuple[str, Callable[[str, str], str], float | None, float | None]] = [
        (
            f"Emergent claim vs headline (relatedness decided by tracker: linking at suggest >= {LINK.suggest:g})",
            linked,
            0.70,
            0.70,
        ),
        (
            "For comparison only, no floor: relatedness given (related_threshold=0), which no ledger knows",
            given,
            None,
            None,
        ),
    ]
    if semantic:
        from tracker.link.meaning import CLAIM_FLOOR

        meaning = Meaning([t for r in rows for t in (r["claim"], r["headline"])], CLAIM_FLOOR)
        blocks.insert(
            1,
            (
                f"Semantic layer on (cosine floor {CLAIM_FLOOR:.2f}; {len(meaning.row)} texts at "
                f"{meaning.rate:.0f} sentences/s): relatedness decided by tracker",
                meaning.linked,
                0.70,
                0.70,
            ),
        )
    lines = []
    for title, judge, accuracy_floor, contradicts_floor in blocks:
        lines.append(title)
        for part in ("dev", "check", "all"):
            chosen = [r for r in rows if part == "all" or half[r["claim_id"]] == part]
            gold = [EMERGENT[r["stance"]] for r in chosen]
            pred = [judge(r["claim"], r["headline"]) for r in chosen]
            report = classification_report(gold, pred, ["agrees", "contradicts", "related"])
            f1 = report["per_label"]
            gate = part == "all"
            accuracy, contradicts = report["accuracy"], f1["contradicts"]["f1"]
            lines.append(f" {part} ({len(chosen)} pairs)")
            lines.append(
                figure(
                    "accuracy",
                    accuracy,
                    f">= {accuracy_floor:.2f}" if accuracy_floor is not None else "",
                    accuracy >= accuracy_floor if gate and accuracy_floor is not None else None,
                )
            )
            lines.append(figure("F1 agrees (for)", f1["agrees"]["f1"], "", None))
            lines.append(
                figure(
                    "F1 contradicts (against)",
                    contradicts,
                    f">= {contradicts_floor:.2f}" if contradicts_floor is not None else "",
                    contradicts >= contradicts_floor if gate and contradicts_floor is not None else None,
                )
            )
            lines.append(figure("F1 related (observing)", f1["related"]["f1"], "", None))
            lines.append(figure("macro F1", report["macro_f1"], "", None))
            if judge is not given:
                unrelated = sum(p == Relation.UNRELATED for p in pred) / len(pred)
                lines.append(figure("judged unrelated (not linked)", unrelated, "", None))
    return lines


def fnc(data: Path) -> list[str]:
    bodies = {r["Body ID"]: r["articleBody"] for r in read_csv(data / "fnc-1" / "train_bodies.csv")}
    stances = read_csv(data / "fnc-1" / "train_stances.csv")
    picked = sorted(random.Random(FNC_SEED).sample(range(len(stances)), FNC_SAMPLE))
    sample = [stances[i] for i in picked]
    half = halves([r["Body ID"] for r in stances])
    lines = [f"FNC-1 headline vs body ({FNC_SAMPLE} pairs, random.Random({FNC_SEED}).sample)"]
    labels = ["agrees", "contradicts", "related", "unrelated"]
    for part in ("dev", "check", "all"):
        chosen = [r for r in sample if part == "all" or half[r["Body ID"]] == part]
        gold = [FNC[r["Stance"]] for r in chosen]
        pred = [relate(r["Headline"], bodies[r["Body ID"]]).relation.value for r in chosen]
        report = classification_report(gold, pred, labels)
        score = fnc_score(gold, pred)
        gate = part == "all"
        related_gold = [g != "unrelated" for g in gold]
        related_pred = [p != "unrelated" for p in pred]
        rel_acc = sum(g == p for g, p in zip(related_gold, related_pred, strict=True)) / len(gold)
        lines.append(f" {part} ({len(chosen)} pairs)")
        lines.append(figure("FNC score (% of max)", score, ">= 75", score >= 75 if gate else None))
        lines.append(figure("related-vs-unrelated accuracy", rel_acc, "", None))
        lines.append(
            figure(
                "F1 contradicts (disagree)",
                report["per_label"]["contradicts"]["f1"],
                ">= 0.30",
                report["per_label"]["contradicts"]["f1"] >= 0.30 if gate else None,
            )
        )
        lines.append(figure("F1 agrees (agree)", report["per_label"]["agrees"]["f1"], "", None))
        lines.append(figure("F1 related (discuss)", report["per_label"]["related"]["f1"], "", None))
        lines.append(figure("F1 unrelated", report["per_label"]["unrelated"]["f1"], "", None))
        lines.append(figure("macro F1", report["macro_f1"], "", None))
    return lines


def sts(data: Path, semantic: bool = False) -> list[str]:
    pairs: dict[str, list[tuple[float, str, str]]] = {}
    for path in sorted((data / "sts-headlines").glob("*.tsv")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                if len(cells) < 3 or not cells[0].strip():
                    continue
                pairs.setdefault(path.stem, []).append((float(cells[0]), cells[1], cells[2]))
    years = sorted(pairs)
    lines = ["STS headlines (Pearson of relate().score against the 0-5 gold)"]
    parts: dict[str, list[str]] = {"dev": years[:-1], "check": years[-1:], "all": years}
    for part, chosen in parts.items():
        rows = [p for y in chosen for p in pairs[y]]
        gold = [g for g, _, _ in rows]
        # the score a user gets: the relatedness threshold names relations, it moves no score
        pred = [relate(a, b).score for _, a, b in rows]
        r = pearson(gold, pred)
        lines.append(
            figure(
                f"{part} {'+'.join(chosen)} ({len(rows)} pairs)",
                r,
                ">= 0.70",
                r >= 0.70 if part == "all" else None,
            )
        )
        if semantic:
            meaning = Meaning([t for _, a, b in rows for t in (a, b)])
            cosines = [meaning.cosine(a, b) for _, a, b in rows]
            lines.append(
                figure(f"  semantic: Pearson of the cosine ({part})", pearson(gold, cosines), "", None)
            )
    return lines


def main(argv: list[str]) -> int:
    argv, semantic = semantic_flag(argv)
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    if not data.is_dir():
        print(f"skipped: no development data at {data}")
        return 0
    print(f"tracker.relate {ENGINE_VERSION} on {data}")
    print(f"  {'measure':<34} {'value':>8}   {'floor':<10}")
    checks: list[tuple[str, Callable[[Path], list[str]]]] = [
        ("emergent", lambda path: emergent(path, semantic)),
        ("fnc-1", fnc),
        ("sts-headlines", lambda path: sts(path, semantic)),
    ]
    for folder, check in checks:
        if not (data / folder).is_dir():
            print(f"skipped {folder}: not in {data}")
            continue
        started = time.perf_counter()
        for line in check(data):
            print(line)
        print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
