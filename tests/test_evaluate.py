"""Unit tests for tracker.evaluate metrics."""

import math

import pytest

from tracker.evaluate import (
    accuracy,
    accuracy_by_group,
    average_precision,
    classification_report,
    confusion_matrix,
    fnc_score,
    macro_f1,
    mean_average_precision,
    pearson,
    per_label,
)

GOLD = ["agrees", "agrees", "contradicts", "related", "related"]
PRED = ["agrees", "related", "contradicts", "related", "agrees"]


def test_accuracy_counts_exact_matches():
    assert accuracy(GOLD, PRED) == pytest.approx(3 / 5)
    assert accuracy([], []) == 0.0


def test_accuracy_rejects_lists_of_different_length():
    with pytest.raises(ValueError, match="gold has 1 items but pred has 0"):
        accuracy(["a"], [])


def test_per_label_precision_recall_f1():
    scores = per_label(GOLD, PRED)
    assert scores["agrees"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert scores["contradicts"]["f1"] == 1.0
    assert scores["related"]["precision"] == 0.5


def test_per_label_undefined_scores_are_zero():
    assert per_label(["a"], ["b"], labels=["a", "b", "c"])["c"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "support": 0,
    }


def test_macro_f1_is_unweighted_mean():
    assert macro_f1(GOLD, PRED) == pytest.approx((0.5 + 1.0 + 0.5) / 3)


def test_confusion_matrix_is_gold_by_pred():
    matrix = confusion_matrix(GOLD, PRED)
    assert matrix["agrees"] == {"agrees": 1, "contradicts": 0, "related": 1}
    assert matrix["related"]["agrees"] == 1


def test_classification_report_has_everything():
    report = classification_report(GOLD, PRED)
    assert set(report) == {"n", "accuracy", "macro_f1", "per_label", "confusion"}
    assert report["n"] == 5


def test_pearson():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0


def test_fnc_score_weights_relatedness_and_stance():
    gold = ["agree", "unrelated", "discuss", "disagree"]
    pred = ["agree", "unrelated", "agree", "unrelated"]
    # best = 1 + 0.25 + 1 + 1; got = 1 + 0.25 + 0.25 + 0
    assert fnc_score(gold, pred) == pytest.approx(100 * 1.5 / 3.25)


def test_fnc_score_accepts_tracker_relations():
    assert fnc_score(["agrees", "unrelated"], ["agrees", "unrelated"]) == 100.0
    assert fnc_score(["contradicts"], ["related"]) == 25.0


def test_average_precision_and_map_at_k():
    assert average_precision(["x", "a", "y"], {"a"}, k=5) == 0.5
    assert average_precision(["x", "y"], {"a"}, k=5) == 0.0
    assert average_precision(["a", "x", "b"], {"a", "b"}, k=5) == pytest.approx((1 + 2 / 3) / 2)
    assert mean_average_precision([["a"], ["x", "a"]], [{"a"}, {"a"}], k=5) == pytest.approx(0.75)
    assert math.isclose(mean_average_precision([], [], k=5), 0.0)


def test_accuracy_by_group_counts_each_group_in_name_order():
    groups = ["negation", "agent", "negation", "agent", "hedge"]
    assert accuracy_by_group(GOLD, PRED, groups) == {
        "agent": {"n": 2, "right": 1, "accuracy": 0.5},
        "hedge": {"n": 1, "right": 0, "accuracy": 0.0},
        "negation": {"n": 2, "right": 2, "accuracy": 1.0},
    }


def test_accuracy_by_group_rejects_groups_of_another_length():
    with pytest.raises(ValueError, match="gold has 5 items but pred has 1"):
        accuracy_by_group(GOLD, PRED, ["agent"])
