"""Metrics for judging the judge: accuracy, per-label F1, confusion, Pearson, FNC-1 score, MAP@k."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "FNC_RELATED",
    "accuracy",
    "accuracy_by_group",
    "average_precision",
    "classification_report",
    "confusion_matrix",
    "fnc_score",
    "macro_f1",
    "mean_average_precision",
    "pearson",
    "per_label",
]

FNC_RELATED = frozenset({"agree", "disagree", "discuss", "agrees", "contradicts", "related"})


def _check(gold: Sequence[Any], pred: Sequence[Any]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items but pred has {len(pred)}")


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    """Share of items where pred equals gold (0.0 for no items)."""
    _check(gold, pred)
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def accuracy_by_group(
    gold: Sequence[str], pred: Sequence[str], groups: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """For each group (a phenomenon, say), in name order: its items, how many are right, and the share."""
    _check(gold, pred)
    _check(gold, groups)
    out: dict[str, dict[str, Any]] = {}
    for name in sorted(set(groups)):
        chosen = [(g, p) for g, p, group in zip(gold, pred, groups, strict=True) if group == name]
        right = sum(g == p for g, p in chosen)
        out[name] = {"n": len(chosen), "right": right, "accuracy": right / len(chosen)}
    return out


def _labels(gold: Iterable[str], pred: Iterable[str], labels: Sequence[str] | None) -> list[str]:
    if labels is not None:
        return list(labels)
    return sorted(set(gold) | set(pred))


def per_label(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support for each label (0.0 where undefined)."""
    _check(gold, pred)
    out: dict[str, dict[str, float]] = {}
    for label in _labels(gold, pred, labels):
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": n_gold}
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None) -> float:
    """Unweighted mean of the per-label F1 (labels default to those in gold or pred)."""
    scores = per_label(gold, pred, labels)
    return sum(s["f1"] for s in scores.values()) / len(scores) if scores else 0.0


def confusion_matrix(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, dict[str, int]]:
    """Counts as matrix[gold_label][pred_label]."""
    _check(gold, pred)
    names = _labels(gold, pred, labels)
    matrix = {g: dict.fromkeys(names, 0) for g in names}
    for g, p in zip(gold, pred, strict=True):
        if g in matrix and p in matrix[g]:
            matrix[g][p] += 1
    return matrix


def classification_report(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, Any]:
    """Everything at once: n, accuracy, macro_f1, per_label and confusion."""
    return {
        "n": len(gold),
        "accuracy": accuracy(gold, pred),
        "macro_f1": macro_f1(gold, pred, labels),
        "per_label": per_label(gold, pred, labels),
        "confusion": confusion_matrix(gold, pred, labels),
    }


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson correlation coefficient (0.0 when either side is constant or empty)."""
    _check(xs, ys)
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def fnc_score(gold: Sequence[str], pred: Sequence[str], related: Iterable[str] = FNC_RELATED) -> float:
    """FNC-1 score as a percentage of the best possible.

    +0.25 when related-vs-unrelated is right; +0.75 more when a related pair's stance is right.
    Labels may be FNC's (agree/disagree/discuss/unrelated) or tracker's relations.
    """
    _check(gold, pred)
    kinds = frozenset(related)
    got = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        g_related, p_related = g in kinds, p in kinds
        best += 1.0 if g_related else 0.25
        if g_related == p_related:
            got += 0.25
            if g_related and g == p:
                got += 0.75
    return 100 * got / best if best else 0.0


def average_precision(ranked: Sequence[str], relevant: Iterable[str], k: int | None = None) -> float:
    """Average precision of one ranked list, cut at k, normalised by min(|relevant|, k)."""
    wanted = set(relevant)
    if not wanted:
        return 0.0
    top = list(ranked if k is None else ranked[:k])
    hits = 0
    total = 0.0
    for position, item in enumerate(top, start=1):
        if item in wanted:
            hits += 1
            total += hits / position
    denominator = min(len(wanted), k) if k is not None else len(wanted)
    return total / denominator


def mean_average_precision(
    rankings: Sequence[Sequence[str]], relevants: Sequence[Iterable[str]], k: int | None = 5
) -> float:
    """MAP@k over queries: rankings[i] is the ranked list for query i, relevants[i] its answers."""
    _check(rankings, relevants)
    if not rankings:
        return 0.0
    return sum(average_precision(r, rel, k) for r, rel in zip(rankings, relevants, strict=True)) / len(
        rankings
    )
