"""Tests of nnscratch.metrics."""

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnscratch.metrics import (
    ClassificationReport,
    accuracy,
    confusion_matrix,
    most_confused,
    precision_recall_f1,
)


def one_hot(labels, num_classes):
    return np.eye(num_classes)[labels]


# --- accuracy ---------------------------------------------------------------------------


def test_accuracy_of_labels_scores_and_one_hot():
    t = np.array([0, 1, 2, 1])
    y = np.array([0, 1, 1, 1])
    scores = one_hot(y, 3) * 0.8 + 0.05
    assert accuracy(y, t) == 0.75
    assert accuracy(scores, t) == 0.75
    assert accuracy(y, one_hot(t, 3)) == 0.75
    assert accuracy(scores, one_hot(t, 3)) == 0.75
    assert isinstance(accuracy(y, t), float)
    assert accuracy([1.0, 2.0], [1, 2]) == 1.0  # whole floats are labels


def test_accuracy_bad_input():
    with pytest.raises(ValueError, match=r"y and t must have the same length .* got 3 and 2"):
        accuracy([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="at least one sample, got 0"):
        accuracy(np.array([], dtype=int), np.array([], dtype=int))
    with pytest.raises(ValueError, match=r"t holds label 3, outside the 3 classes 0\.\.2"):
        accuracy(np.zeros((2, 3)), [0, 3])
    with pytest.raises(ValueError, match="y holds label -1"):
        accuracy([-1, 0], [0, 0])
    with pytest.raises(TypeError, match="y as labels must hold integers, got dtype float64"):
        accuracy([0.5, 1.0], [0, 1])
    with pytest.raises(
        ValueError, match=r"t as one-hot rows must have 3 columns, got shape \(2, 4\)"
    ):
        accuracy(np.zeros((2, 3)), np.zeros((2, 4)))
    with pytest.raises(ValueError, match=r"y must be 1-D labels or 2-D one-hot rows, got shape"):
        accuracy(np.zeros((2, 2, 2)), [0, 1])


# --- confusion_matrix -------------------------------------------------------------------


def test_confusion_matrix_by_hand():
    cm = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2])
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert cm.dtype == np.int64


def test_confusion_matrix_num_classes_and_one_hot():
    cm = confusion_matrix(one_hot([0, 1], 4), [0, 0])
    assert cm.shape == (4, 4)
    cm = confusion_matrix([0, 1], [1, 1], num_classes=5)
    assert cm.shape == (5, 5)
    assert cm[0, 1] == 1
    assert cm[1, 1] == 1
    assert confusion_matrix([], [], num_classes=2).sum() == 0


def test_confusion_matrix_bad_input():
    with pytest.raises(ValueError, match=r"t_true and y_pred must have the same length .* 2 and 3"):
        confusion_matrix([0, 1], [0, 1, 1])
    with pytest.raises(ValueError, match="y_pred holds label 4, outside the 3 classes"):
        confusion_matrix([0, 1], [0, 4], num_classes=3)
    with pytest.raises(ValueError, match="pass num_classes"):
        confusion_matrix([], [])
    with pytest.raises(ValueError, match="num_classes must be >= 1, got 0"):
        confusion_matrix([0], [0], num_classes=0)
    with pytest.raises(ValueError, match="t_true holds label -2"):
        confusion_matrix([-2, -1], [-1, -1])
    with pytest.raises(TypeError, match="y_pred as labels must hold integers"):
        confusion_matrix([0, 1], [0.0, np.nan])
    with pytest.raises(TypeError, match="t_true as labels must hold integers, got dtype <U1"):
        confusion_matrix(["a", "b"], [0, 1])


@given(
    st.integers(1, 6).flatmap(
        lambda k: st.tuples(
            st.just(k),
            st.lists(st.tuples(st.integers(0, k - 1), st.integers(0, k - 1)), max_size=60),
        )
    )
)
def test_confusion_matrix_properties(case):
    k, pairs = case
    t = np.array([a for a, _ in pairs], dtype=int)
    y = np.array([b for _, b in pairs], dtype=int)
    cm = confusion_matrix(t, y, num_classes=k)
    assert cm.sum() == len(pairs)
    np.testing.assert_array_equal(cm.sum(axis=1), np.bincount(t, minlength=k))
    np.testing.assert_array_equal(cm.sum(axis=0), np.bincount(y, minlength=k))
    if pairs:
        assert np.trace(cm) / len(pairs) == accuracy(y, t)
    report = precision_recall_f1(t, y, num_classes=k)
    for array in (report.precision, report.recall, report.f1):
        assert np.all(np.isfinite(array))
        assert np.all((array >= 0) & (array <= 1))
    assert report.f1.tolist() == pytest.approx(
        [
            2 * p * r / (p + r) if p + r else 0.0
            for p, r in zip(report.precision, report.recall, strict=True)
        ]
    )


# --- precision, recall, F1 --------------------------------------------------------------


def test_f1_is_harmonic_mean_not_the_courses_reciprocal():
    # class 1: TP 2, FP 1 (a 0 predicted as 1), FN 0 -> p = 2/3, r = 1, F1 = 0.8
    # class 0: TP 1, FP 0, FN 1 -> p = 1, r = 1/2, F1 = 2/3
    report = precision_recall_f1([0, 0, 1, 1], [0, 1, 1, 1])
    np.testing.assert_allclose(report.precision, [1, 2 / 3])
    np.testing.assert_allclose(report.recall, [1 / 2, 1])
    np.testing.assert_allclose(report.f1, [2 / 3, 0.8])
    courses_mistake = 0.5 * (1 / report.precision + 1 / report.recall)
    np.testing.assert_allclose(courses_mistake, [1.5, 1.25])  # above 1: not a score
    np.testing.assert_allclose(1 / courses_mistake, report.f1)  # it is F1's reciprocal
    assert np.all(np.abs(courses_mistake - report.f1) > 0.4)


def test_never_predicted_class_has_zero_precision_without_warning():
    # warnings are errors in this suite, so a 0/0 warning would fail the test
    report = precision_recall_f1([0, 1, 2, 2], [0, 0, 0, 2], num_classes=4)
    assert report.never_predicted == (1, 3)
    np.testing.assert_allclose(report.precision, [1 / 3, 0, 1, 0])
    np.testing.assert_allclose(report.recall, [1, 0, 0.5, 0])  # class 3 has no sample
    np.testing.assert_allclose(report.f1, [0.5, 0, 2 / 3, 0])
    np.testing.assert_array_equal(report.support, [1, 1, 2, 0])
    assert report.support.dtype == np.int64
    assert not np.any(np.isnan(report.f1))


def test_report_is_frozen_and_read_only():
    report = precision_recall_f1([0, 1], [0, 1])
    assert isinstance(report, ClassificationReport)
    assert report.num_classes == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.f1 = np.zeros(2)
    with pytest.raises(ValueError, match="read-only"):
        report.precision[0] = 0.5


def test_report_table():
    report = precision_recall_f1([0, 0, 1, 1, 2], [0, 1, 1, 1, 0])
    table = report.to_table(["T-shirt/top", "Trouser", "Pullover"])
    lines = table.splitlines()
    assert lines[0].split() == ["class", "precision", "recall", "f1", "support"]
    assert lines[1].split() == ["T-shirt/top", "0.500", "0.500", "0.500", "2"]
    assert lines[2].split() == ["Trouser", "0.667", "1.000", "0.800", "2"]
    assert lines[4].split() == ["macro", "avg", "0.389", "0.500", "0.433", "5"]
    assert lines[5] == "Pullover: never predicted, precision set to 0"
    assert len({len(line) for line in lines[:5]}) == 1  # aligned columns
    assert str(report).splitlines()[3].split()[0] == "2"
    assert report.to_table(digits=1).splitlines()[2].split()[1:4] == ["0.7", "1.0", "0.8"]
    assert "never predicted" not in str(precision_recall_f1([0, 1], [0, 1]))


def test_report_table_bad_names():
    report = precision_recall_f1([0, 1], [0, 1])
    with pytest.raises(ValueError, match=r"one name per class \(2\), got 3 names"):
        report.to_table(["a", "b", "c"])
    with pytest.raises(ValueError, match="got a str"):
        report.to_table("ab")
    with pytest.raises(ValueError, match="digits must be >= 0"):
        report.to_table(digits=-1)


# --- most_confused ----------------------------------------------------------------------


def test_most_confused_order_and_ties():
    cm = np.array([[5, 2, 3], [3, 4, 0], [1, 2, 9]])
    assert most_confused(cm) == [(0, 2, 3), (1, 0, 3), (0, 1, 2), (2, 1, 2), (2, 0, 1)]
    assert most_confused(cm, top=2) == [(0, 2, 3), (1, 0, 3)]
    assert most_confused(cm, top=None) == most_confused(cm, top=100)
    assert all(type(count) is int for _, _, count in most_confused(cm))


def test_most_confused_skips_zeros_and_diagonal():
    assert most_confused(np.diag([4, 5])) == []
    normalised = np.array([[0.9, 0.1], [0.25, 0.75]])
    assert most_confused(normalised) == [(1, 0, 0.25), (0, 1, 0.1)]
    assert type(most_confused(normalised)[0][2]) is float


def test_most_confused_bad_input():
    with pytest.raises(ValueError, match=r"cm must be a square 2-D matrix, got shape \(2, 3\)"):
        most_confused(np.zeros((2, 3)))
    with pytest.raises(TypeError, match="cm must hold integer or float counts, got dtype"):
        most_confused(np.array([["a"]]))
    with pytest.raises(ValueError, match="top must be >= 1, got 0"):
        most_confused(np.eye(2), top=0)
