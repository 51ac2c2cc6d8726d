"""How good are the predictions: accuracy, confusion matrix, precision, recall and F1.

Labels are integers ``0 .. num_classes - 1``. Wherever labels are expected, one-hot rows
(or scores, such as a network's outputs) of shape ``(N, num_classes)`` are accepted too:
the largest entry of each row is the label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnscratch._checks import as_labels, check_count

__all__ = [
    "ClassificationReport",
    "accuracy",
    "confusion_matrix",
    "most_confused",
    "precision_recall_f1",
]


def accuracy(y, t) -> float:
    """Share of the samples whose predicted label is the true one.

    Parameters
    ----------
    y : array_like
        Predictions: labels of shape ``(N,)`` or scores of shape ``(N, C)`` (the largest
        score of each row is the prediction).
    t : array_like
        True labels of shape ``(N,)`` or one-hot rows of shape ``(N, C)``.

    Returns
    -------
    float
        In ``[0, 1]``.

    Raises
    ------
    ValueError
        If ``y`` and ``t`` have different lengths, labels are negative or outside the
        ``C`` columns of the other argument, or there are no samples.
    TypeError
        If labels are not whole numbers.

    Examples
    --------
    >>> from nnscratch.metrics import accuracy
    >>> accuracy([0, 2, 1, 1], [0, 1, 1, 1])
    0.75
    >>> scores = [[0.1, 0.9], [0.8, 0.2]]
    >>> accuracy(scores, [[0, 1], [0, 1]])  # one-hot truth
    0.5
    """
    y, t = np.asarray(y), np.asarray(t)
    if y.size == 0 and t.size == 0:
        raise ValueError("y and t must hold at least one sample, got 0")
    y_labels, t_labels, _ = _label_pair(y, t, "y", "t", None)
    return float(np.count_nonzero(y_labels == t_labels)) / len(y_labels)


def confusion_matrix(t_true, y_pred, num_classes: int | None = None) -> np.ndarray:
    """Count each pair of true and predicted class.

    Parameters
    ----------
    t_true : array_like
        True labels ``(N,)`` or one-hot rows ``(N, C)``.
    y_pred : array_like
        Predicted labels ``(N,)`` or scores ``(N, C)``.
    num_classes : int, optional
        The number of classes. By default the number of columns of a 2-D argument, else
        the largest label plus one (so pass it when the last classes may be absent).

    Returns
    -------
    numpy.ndarray
        int64, shape ``(num_classes, num_classes)``: entry ``[i, j]`` counts the samples
        of true class ``i`` predicted as class ``j``. Rows sum to each class's support,
        the whole matrix to ``N``, and the diagonal holds the correct predictions.

    Raises
    ------
    ValueError
        If the lengths differ (the message gives both), a label is outside
        ``0 .. num_classes - 1``, or ``num_classes`` cannot be inferred from empty input.

    Examples
    --------
    >>> from nnscratch.metrics import confusion_matrix
    >>> confusion_matrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0])
    array([[1, 1, 0],
           [0, 1, 0],
           [1, 0, 1]])
    """
    t_labels, y_labels, num_classes = _label_pair(t_true, y_pred, "t_true", "y_pred", num_classes)
    counts = np.bincount(t_labels * num_classes + y_labels, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes).astype(np.int64, copy=False)


@dataclass(frozen=True, eq=False)
class ClassificationReport:
    """Precision, recall, F1 and support per class, from :func:`precision_recall_f1`.

    The arrays are read-only. ``str(report)`` is :meth:`to_table` without class names.

    Attributes
    ----------
    precision : numpy.ndarray
        Per class: of the samples predicted as the class, the share that belongs to it.
        A class never predicted gets 0 (0/0 is undefined; see ``never_predicted``).
    recall : numpy.ndarray
        Per class: of the samples of the class, the share predicted as it. A class with
        no samples gets 0.
    f1 : numpy.ndarray
        Per class: the harmonic mean ``2 p r / (p + r)`` of precision and recall, 0 when
        both are 0.
    support : numpy.ndarray
        Per class: the number of true samples, int64.
    never_predicted : tuple of int
        The classes no sample was predicted as, whose precision is set to 0.

    Examples
    --------
    >>> from nnscratch.metrics import precision_recall_f1
    >>> report = precision_recall_f1([0, 0, 1, 1], [0, 0, 0, 0])
    >>> report.never_predicted
    (1,)
    >>> report.precision
    array([0.5, 0. ])
    """

    precision: np.ndarray
    recall: np.ndarray
    f1: np.ndarray
    support: np.ndarray
    never_predicted: tuple[int, ...]

    @property
    def num_classes(self) -> int:
        """The number of classes."""
        return len(self.support)

    def to_table(self, class_names: Sequence[str] | None = None, digits: int = 3) -> str:
        """Format the report as a plain-text table, one row per class and a macro average.

        Parameters
        ----------
        class_names : sequence of str, optional
            One name per class; by default the class indices.
        digits : int, default 3
            Decimals of precision, recall and F1.

        Returns
        -------
        str
            The table, with a note naming the classes never predicted, if any.

        Examples
        --------
        >>> from nnscratch.metrics import precision_recall_f1
        >>> report = precision_recall_f1([0, 0, 1, 1, 2], [0, 1, 1, 1, 0])
        >>> print(report.to_table(["cat", "dog", "bird"]))
        class      precision     recall         f1  support
        cat            0.500      0.500      0.500        2
        dog            0.667      1.000      0.800        2
        bird           0.000      0.000      0.000        1
        macro avg      0.389      0.500      0.433        5
        bird: never predicted, precision set to 0
        """
        digits = check_count(digits, "digits", minimum=0)
        if class_names is None:
            names = [str(k) for k in range(self.num_classes)]
        else:
            if isinstance(class_names, str) or len(class_names) != self.num_classes:
                got = "a str" if isinstance(class_names, str) else f"{len(class_names)} names"
                raise ValueError(
                    f"class_names must hold one name per class ({self.num_classes}), got {got}"
                )
            names = [str(name) for name in class_names]
        rows = [
            (name, p, r, f, s)
            for name, p, r, f, s in zip(
                names, self.precision, self.recall, self.f1, self.support, strict=True
            )
        ]
        rows.append(
            (
                "macro avg",
                self.precision.mean(),
                self.recall.mean(),
                self.f1.mean(),
                self.support.sum(),
            )
        )
        name_width = max(len("class"), *(len(row[0]) for row in rows))
        width = max(len("precision"), digits + 2)
        support_width = max(len("support"), len(str(self.support.sum())))
        header = "".join(f"  {title:>{width}}" for title in ("precision", "recall", "f1"))
        lines = [f"{'class':<{name_width}}{header}  {'support':>{support_width}}"]
        for name, *scores, support in rows:
            numbers = "".join(f"  {score:>{width}.{digits}f}" for score in scores)
            lines.append(f"{name:<{name_width}}{numbers}  {support:>{support_width}d}")
        if self.never_predicted:
            listed = ", ".join(names[k] for k in self.never_predicted)
            lines.append(f"{listed}: never predicted, precision set to 0")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_table()


def precision_recall_f1(t_true, y_pred, num_classes: int | None = None) -> ClassificationReport:
    """Precision, recall and F1 score of every class.

    For class ``k`` with ``TP`` samples correctly predicted as ``k``, ``FP`` wrongly
    predicted as ``k`` and ``FN`` of class ``k`` predicted as something else:
    precision ``p = TP / (TP + FP)``, recall ``r = TP / (TP + FN)`` and
    ``F1 = 2 p r / (p + r)``, their harmonic mean.

    Parameters
    ----------
    t_true, y_pred, num_classes
        As for :func:`confusion_matrix`.

    Returns
    -------
    ClassificationReport
        Per-class arrays ``precision``, ``recall``, ``f1``, ``support`` and the tuple
        ``never_predicted``; ``print(report)`` shows a table.

    Notes
    -----
    A class that is never predicted has no precision (0/0). It gets precision 0, and
    therefore F1 0, silently: no NaN and no warning, but the class is listed in
    ``never_predicted`` and noted under the table. Likewise a class with no true sample
    gets recall 0.

    The F1 score is not ``0.5 (1/p + 1/r)``, a mistake of the original course notes: that
    is the reciprocal of F1. With p = 0.5 and r = 1, F1 = 2/3, while the mistaken formula
    gives 1.5, more than any score can be.

    Examples
    --------
    >>> from nnscratch.metrics import precision_recall_f1
    >>> report = precision_recall_f1([0, 0, 1, 1], [0, 1, 1, 1])
    >>> report.precision, report.recall
    (array([1.        , 0.66666667]), array([0.5, 1. ]))
    >>> report.f1.round(4)
    array([0.6667, 0.8   ])
    """
    cm = confusion_matrix(t_true, y_pred, num_classes)
    true_positives = np.diag(cm).astype(np.float64)
    predicted = cm.sum(axis=0)
    support = cm.sum(axis=1)
    precision = _safe_ratio(true_positives, predicted)
    recall = _safe_ratio(true_positives, support)
    f1 = _safe_ratio(2 * precision * recall, precision + recall)
    for array in (precision, recall, f1, support):
        array.flags.writeable = False
    return ClassificationReport(
        precision=precision,
        recall=recall,
        f1=f1,
        support=support,
        never_predicted=tuple(int(k) for k in np.flatnonzero(predicted == 0)),
    )


def most_confused(cm, top: int | None = 5) -> list[tuple[int, int, int]]:
    """The most frequent mistakes of a confusion matrix.

    Parameters
    ----------
    cm : array_like
        A square confusion matrix, rows true classes and columns predicted ones, as
        returned by :func:`confusion_matrix` (a normalised float matrix works too).
    top : int or None, default 5
        How many pairs to return at most; ``None`` for all.

    Returns
    -------
    list of tuple
        ``(true_class, predicted_class, count)`` for the off-diagonal entries that are not
        zero, largest count first; equal counts in row-major order (by true class, then
        predicted class). ``count`` is an ``int`` for an integer matrix, else a ``float``.

    Raises
    ------
    ValueError
        If ``cm`` is not square and 2-D, or ``top < 1``.

    Examples
    --------
    >>> from nnscratch.metrics import confusion_matrix, most_confused
    >>> cm = confusion_matrix([0, 0, 0, 1, 1, 2, 2, 2], [1, 1, 0, 0, 1, 0, 1, 2])
    >>> most_confused(cm, top=2)
    [(0, 1, 2), (1, 0, 1)]
    """
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"cm must be a square 2-D matrix, got shape {cm.shape}")
    if not (np.issubdtype(cm.dtype, np.integer) or np.issubdtype(cm.dtype, np.floating)):
        raise TypeError(f"cm must hold integer or float counts, got dtype {cm.dtype}")
    if top is not None:
        top = check_count(top, "top", minimum=1)
    off_diagonal = cm.copy()
    np.fill_diagonal(off_diagonal, 0)
    rows, cols = np.nonzero(off_diagonal)  # row-major order
    counts = off_diagonal[rows, cols]
    order = np.argsort(-counts, kind="stable")[:top]
    convert = int if np.issubdtype(cm.dtype, np.integer) else float
    return [(int(rows[i]), int(cols[i]), convert(counts[i])) for i in order]


def _safe_ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator`` with 0 where the denominator is 0, without a warning."""
    out = np.zeros(numerator.shape, dtype=np.float64)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _label_pair(a, b, a_name: str, b_name: str, num_classes):
    """Labels of two arguments of equal length, each labels or one-hot/score rows."""
    a = np.asarray(a)
    b = np.asarray(b)
    if num_classes is None:
        num_classes = _infer_num_classes(a, b, a_name, b_name)
    else:
        num_classes = check_count(num_classes, "num_classes", minimum=1)
    a_labels = as_labels(a, a_name, num_classes)
    b_labels = as_labels(b, b_name, num_classes)
    if len(a_labels) != len(b_labels):
        raise ValueError(
            f"{a_name} and {b_name} must have the same length (one entry per sample), "
            f"got {len(a_labels)} and {len(b_labels)}"
        )
    return a_labels, b_labels, num_classes


def _infer_num_classes(a: np.ndarray, b: np.ndarray, a_name: str, b_name: str) -> int:
    for array in (a, b):
        if array.ndim == 2:
            return array.shape[1]
    largest = -1
    for array in (a, b):
        if array.ndim == 1 and np.issubdtype(array.dtype, np.number):
            # leave NaN and inf out: as_labels reports them afterwards
            finite = array[np.isfinite(array)]
            if finite.size:
                largest = max(largest, int(finite.max()))
    if largest < 0:
        if a.size == 0 and b.size == 0:
            raise ValueError(
                f"{a_name} and {b_name} are empty: pass num_classes to say how many classes"
            )
        largest = 0  # every label negative: as_labels names the first one
    return largest + 1
