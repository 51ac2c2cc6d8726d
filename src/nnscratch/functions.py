"""Activation functions and losses, numerically stable.

The book's versions overflow for large inputs (``exp(1000)``) and return ``inf`` for
the cross-entropy of a zero probability. These do neither: they give correct results
for inputs of any finite size without a warning.
"""

from __future__ import annotations

import numpy as np

from nnscratch._checks import as_float_array, as_labels

__all__ = ["cross_entropy_error", "mean_squared_error", "relu", "sigmoid", "softmax"]


def sigmoid(x):
    r"""The logistic function :math:`\sigma(x) = 1 / (1 + e^{-x})`, elementwise.

    Computed as written. For very negative inputs :math:`e^{-x}` overflows to ``inf``
    (quietly) and the result is 0, which is where the true value has fallen below the
    smallest normal float (:math:`x < -88` in float32, :math:`x < -709` in float64).
    Wherever the result is a normal float, it is accurate to a few units in the last place.

    Parameters
    ----------
    x : array_like
        Any shape.

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, values in [0, 1], floating dtype of ``x`` (float64 for
        integer input).

    Examples
    --------
    >>> from nnscratch.functions import sigmoid
    >>> sigmoid([-1000.0, 0.0, 1000.0])
    array([0. , 0.5, 1. ])
    """
    x = as_float_array(x, "x")
    # exp(-x) = inf gives 1 / inf = 0: the right answer, so the overflow is not a warning.
    # (The book's version is the same formula with the warning; splitting by sign instead
    # would avoid the overflow at three times the cost.)
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def relu(x):
    """The rectified linear unit ``max(x, 0)``, elementwise.

    Parameters
    ----------
    x : array_like
        Any shape.

    Returns
    -------
    numpy.ndarray
        Same shape and floating dtype as ``x``.

    Examples
    --------
    >>> from nnscratch.functions import relu
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    x = as_float_array(x, "x")
    return np.maximum(x, 0)


def softmax(x):
    r"""Softmax over the last axis: :math:`y_k = e^{x_k} / \sum_j e^{x_j}`.

    The row maximum is subtracted first; this changes nothing mathematically and keeps
    every exponential at most 1.

    Parameters
    ----------
    x : array_like
        Scores, shape ``(C,)`` or ``(N, C)`` (any leading shape works).

    Returns
    -------
    numpy.ndarray
        Probabilities of the same shape, each row summing to 1.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.functions import softmax
    >>> softmax(np.log([1.0, 2.0, 5.0]))
    array([0.125, 0.25 , 0.625])
    >>> softmax([1000.0, 1000.0])
    array([0.5, 0.5])
    """
    x = as_float_array(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least one axis of class scores, got a scalar")
    shifted = x - x.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    r"""Mean cross-entropy :math:`-\frac1N \sum_n \log y_{n, t_n}` of predicted probabilities.

    Parameters
    ----------
    y : array_like
        Probabilities, shape ``(C,)`` for one sample or ``(N, C)`` for a batch.
    t : array_like
        True classes as one-hot rows of the same shape as ``y``, or as integer labels
        (a scalar or shape ``(N,)``).

    Returns
    -------
    float
        The loss averaged over the batch.

    Notes
    -----
    A probability of exactly 0 for the true class would give an infinite loss. Here
    probabilities are clipped from below at the smallest normal number of their dtype,
    so that case gives a large but finite loss: ``-log(2.2e-308) = 708.4`` in float64
    (87.3 in float32). The book instead adds ``1e-7`` to every probability, which
    shifts every loss slightly; clipping leaves all ordinary values exact.

    Examples
    --------
    >>> from nnscratch.functions import cross_entropy_error
    >>> y = [[0.1, 0.6, 0.3], [0.8, 0.1, 0.1]]
    >>> round(cross_entropy_error(y, [1, 0]), 6)  # integer labels
    0.366985
    >>> round(cross_entropy_error(y, [[0, 1, 0], [1, 0, 0]]), 6)  # one-hot rows
    0.366985
    >>> round(cross_entropy_error([0.0, 1.0], 0), 1)  # finite, not inf
    708.4
    """
    y = as_float_array(y, "y")
    t = np.asarray(t)
    if y.ndim == 1:
        # One sample: its label is a scalar, or its one-hot row is 1-D like y.
        y, t = y[np.newaxis], t[np.newaxis]
    if y.ndim != 2:
        raise ValueError(f"y must be 1-D or 2-D probabilities, got shape {y.shape}")
    if t.shape == y.shape:
        labels = as_labels(t, "t", y.shape[1])
    else:
        labels = as_labels(t, "t", y.shape[1], length=y.shape[0])
    picked = y[np.arange(y.shape[0]), labels]
    tiny = np.finfo(y.dtype).tiny
    return float(-np.mean(np.log(np.maximum(picked, tiny))))


def mean_squared_error(y, t):
    r"""Half the squared error, :math:`\frac12 \sum_k (y_k - t_k)^2`, averaged over a batch.

    Parameters
    ----------
    y, t : array_like
        Predictions and targets of the same shape: ``(C,)`` for one sample, or
        ``(N, C)`` for a batch (the sum runs over each row, the mean over rows).

    Returns
    -------
    float

    Examples
    --------
    >>> from nnscratch.functions import mean_squared_error
    >>> mean_squared_error([0.1, 0.6, 0.3], [0, 1, 0])
    0.13
    >>> mean_squared_error([[1.0], [3.0]], [[0.0], [1.0]])  # (1/2 + 4/2) / 2
    1.25
    """
    y = as_float_array(y, "y")
    t = as_float_array(t, "t")
    if y.shape != t.shape:
        raise ValueError(f"y and t must have the same shape, got {y.shape} and {t.shape}")
    batch_size = y.shape[0] if y.ndim == 2 else 1
    return float(0.5 * np.sum((y - t) ** 2) / batch_size)
