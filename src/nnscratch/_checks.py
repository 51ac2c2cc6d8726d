"""Argument checks shared by the public functions.

Every check raises ``TypeError`` or ``ValueError`` with a message that names the argument,
says what was expected and what came instead, so that bad input never surfaces as a
traceback from deep inside NumPy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def as_float_array(value, name: str) -> np.ndarray:
    """Return ``value`` as a floating-point array (no copy when it already is one)."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value  # the common case, checked first: layers call this every step
    array = np.asarray(value)
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or array.dtype == np.bool_
    ):
        raise TypeError(f"{name} must be numeric, got an array of dtype {array.dtype}")
    if np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, got dtype {array.dtype}")
    if not np.issubdtype(array.dtype, np.floating):
        array = array.astype(np.float64)
    return array


def check_ndim(array: np.ndarray, name: str, ndims: Sequence[int]) -> None:
    """Require ``array.ndim`` to be one of ``ndims``."""
    if array.ndim not in ndims:
        expected = " or ".join(str(n) for n in ndims)
        raise ValueError(
            f"{name} must be {expected}-dimensional, got shape {array.shape} ({array.ndim}-D)"
        )


def check_positive(value, name: str, *, allow_zero: bool = False) -> float:
    """Require a finite real number greater than zero (or at least zero)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be a finite number {bound}, got {value}")
    return value


def check_count(value, name: str, *, minimum: int = 1) -> int:
    """Require a whole number of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def as_labels(t, name: str, num_classes: int, length: int | None = None) -> np.ndarray:
    """Return integer class labels from integer labels or one-hot rows.

    ``t`` is either a 1-D array of integers in ``[0, num_classes)`` or a 2-D array of
    shape ``(N, num_classes)`` (one-hot or probabilities: the largest entry wins).
    """
    t = np.asarray(t)
    if t.ndim == 2:
        if t.shape[1] != num_classes:
            raise ValueError(
                f"{name} as one-hot rows must have {num_classes} columns, got shape {t.shape}"
            )
        labels = t.argmax(axis=1)
    elif t.ndim == 1:
        if not (np.issubdtype(t.dtype, np.integer) or _holds_whole_numbers(t)):
            raise TypeError(f"{name} as labels must hold integers, got dtype {t.dtype}")
        labels = t.astype(np.intp, copy=False)
        if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
            bad = labels[(labels < 0) | (labels >= num_classes)][0]
            raise ValueError(
                f"{name} holds label {bad}, outside the {num_classes} classes 0..{num_classes - 1}"
            )
    else:
        raise ValueError(
            f"{name} must be 1-D labels or 2-D one-hot rows, got shape {t.shape} ({t.ndim}-D)"
        )
    if length is not None and len(labels) != length:
        raise ValueError(f"{name} must have {length} entries (one per sample), got {len(labels)}")
    return labels


def _holds_whole_numbers(t: np.ndarray) -> bool:
    return (
        np.issubdtype(t.dtype, np.floating)
        and bool(np.all(np.isfinite(t)))
        and bool(np.all(t == np.round(t)))
    )


def check_integer(value, name: str) -> int:
    """Require a whole number of any sign (``bool`` and floats such as ``1.0`` are refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    return int(value)


def check_fraction(value, name: str) -> float:
    """Require a real number in ``[0, 1)`` (a decay rate such as a momentum or an Adam beta)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    if not 0 <= value < 1:  # also refuses NaN
        raise ValueError(f"{name} must be a number in [0, 1), got {value}")
    return value


def check_callable(value, name: str) -> None:
    """Require something that can be called, such as a function."""
    if not callable(value):
        raise TypeError(f"{name} must be callable (a function), got {type(value).__name__}")
