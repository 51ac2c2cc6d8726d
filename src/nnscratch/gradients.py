"""Numerical differentiation: derivatives and gradients from function values alone.

Slow but simple, these are the reference that every backward pass is checked against.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from nnscratch._checks import check_positive

__all__ = ["numerical_diff", "numerical_gradient"]

_METHODS = ("central", "forward")


def numerical_diff(f: Callable, x, h: float = 1e-4, method: str = "central"):
    r"""Derivative of a function of one variable by a finite difference.

    ``"central"``: :math:`(f(x+h) - f(x-h)) / 2h`, error :math:`O(h^2)`.
    ``"forward"``: :math:`(f(x+h) - f(x)) / h`, error :math:`O(h)`.

    Parameters
    ----------
    f : callable
        A function of one variable. If it works elementwise on arrays, ``x`` may be an
        array of points and every derivative is computed at once.
    x : float or array_like
        Where to differentiate.
    h : float, default 1e-4
        The step, > 0. Smaller is not always better: below about 1e-5 (central) or 1e-8
        (forward) round-off error grows faster than the truncation error falls.
    method : {"central", "forward"}

    Returns
    -------
    float or numpy.ndarray
        The derivative at each point of ``x``.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.gradients import numerical_diff
    >>> round(float(numerical_diff(np.sin, 0.0)), 8)  # cos 0
    1.0
    >>> numerical_diff(lambda x: x**2, np.array([1.0, 2.0]), method="forward").round(4)
    array([2.0001, 4.0001])
    """
    h = check_positive(h, "h")
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}, got {method!r}")
    x = np.asarray(x, dtype=np.float64)
    if method == "central":
        return (f(x + h) - f(x - h)) / (2 * h)
    return (f(x + h) - f(x)) / h


def numerical_gradient(
    f: Callable[[np.ndarray], float],
    x: np.ndarray,
    h: float = 1e-4,
    *,
    callback: Callable[[tuple[int, ...], np.ndarray], None] | None = None,
) -> np.ndarray:
    r"""Gradient of a scalar function of an array, by central differences.

    For every entry :math:`x_i`, in turn, ``x[i]`` is set to :math:`x_i + h` and to
    :math:`x_i - h` in place and :math:`\partial f/\partial x_i \approx (f(x + h e_i) -
    f(x - h e_i)) / 2h`. Two calls of ``f`` per entry: for a network, that is two forward
    passes per weight, which is why backpropagation exists.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a scalar. It may read ``x`` or anything that shares its memory
        (such as a network's weights).
    x : numpy.ndarray
        A float64 array of any shape. It is perturbed in place while ``f`` runs and
        always restored afterwards, even if ``f`` raises.
    h : float, default 1e-4
    callback : callable, optional
        Called as ``callback(index, grad)`` after each entry is done, with the gradient
        filled so far (the entries not yet reached are 0).

    Returns
    -------
    numpy.ndarray
        Same shape as ``x``, float64.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.gradients import numerical_gradient
    >>> x = np.array([3.0, 4.0])
    >>> numerical_gradient(lambda v: np.sum(v**2), x)
    array([6., 8.])
    >>> x  # restored
    array([3., 4.])
    """
    h = check_positive(h, "h")
    if not isinstance(x, np.ndarray):
        raise TypeError(
            f"x must be a numpy.ndarray (it is perturbed in place), got {type(x).__name__}; "
            "pass np.array(x, dtype=np.float64)"
        )
    if x.dtype != np.float64:
        raise TypeError(
            f"x must have dtype float64, got {x.dtype}: a step of h={h} is lost in the "
            "rounding of lower precisions; pass x.astype(np.float64)"
        )
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        try:
            x[index] = original + h
            f_plus = _scalar(f(x), index)
            x[index] = original - h
            f_minus = _scalar(f(x), index)
        finally:
            x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
        if callback is not None:
            callback(index, grad)
    return grad


def _scalar(value, index) -> float:
    value = np.asarray(value)
    if value.size != 1:
        raise ValueError(
            f"f must return a scalar, got an array of shape {value.shape} (at entry {index})"
        )
    return float(value.reshape(()))
