"""Layers: each a ``forward`` that remembers what its ``backward`` needs.

A layer's ``backward(dout)`` takes the gradient of the loss with respect to the layer's
output and returns the gradient with respect to its input (the chain rule, one link at a
time). Layers with parameters also keep the gradients of those (``Affine.dW``,
``Affine.db``). No layer modifies an array it was given.
"""

from __future__ import annotations

import numpy as np

from nnscratch._checks import as_float_array, as_labels, check_ndim
from nnscratch.functions import sigmoid

__all__ = ["Affine", "Relu", "Sigmoid", "SoftmaxWithLoss"]


def _check_dout(dout, expected_shape: tuple[int, ...], layer: str) -> np.ndarray:
    if expected_shape is None:
        raise RuntimeError(f"{layer}.backward called before {layer}.forward")
    dout = as_float_array(dout, "dout")
    if dout.shape != expected_shape:
        raise ValueError(
            f"{layer}.backward expects dout of the forward output's shape {expected_shape}, "
            f"got {dout.shape}"
        )
    return dout


def _reduce_classes(ufunc, x: np.ndarray) -> np.ndarray:
    """``ufunc.reduce`` over the last axis of ``x`` (the classes), kept as an axis of 1.

    NumPy reduces a short last axis row by row, at several times the cost of the
    arithmetic; over the first axis of a transposed copy the same reduction runs along
    whole rows of memory.
    """
    reversed_axes = np.ascontiguousarray(x.T)  # (C, N) or (C, N, K)
    return ufunc.reduce(reversed_axes, axis=0).T[..., np.newaxis]


def _softmax_cross_entropy(
    x: np.ndarray, t: np.ndarray, *, probabilities: bool = True
) -> tuple[np.ndarray | None, float | np.ndarray]:
    """Row-wise softmax of ``x`` and its mean cross-entropy against checked targets ``t``.

    One exponential serves both. The loss uses log y_k = s_k - log(sum_j exp(s_j)) with
    s = x - max_j x_j, so it stays finite and exact for any finite scores (the log of ``y``
    itself would be -inf wherever a probability underflows to 0).

    ``x`` is one batch of scores ``(N, C)``, and the loss a float; or a stack of batches
    ``(K, N, C)`` scored against the same ``t``, and the loss an array of ``K`` means (the
    numerical gradient scores many perturbed copies of one batch at once). With
    ``probabilities=False`` only the loss is computed and None is returned for the softmax.
    """
    shifted = x - _reduce_classes(np.maximum, x)
    exp = np.exp(shifted)
    total = _reduce_classes(np.add, exp)
    log_total = np.log(total)
    n = x.shape[-2]
    if t.ndim == 2:  # rows of target probabilities (one-hot or not)
        picked = np.sum(t * (shifted - log_total), axis=(-2, -1))
    else:  # integer labels: pick each row's log-probability of its class
        picked = shifted[..., np.arange(n), t].sum(axis=-1) - log_total.sum(axis=(-2, -1))
    loss = 0.0 - picked / n  # 0.0 - keeps an exact zero loss from printing as -0.0
    if x.ndim == 2:
        loss = float(loss)
    if not probabilities:
        return None, loss
    exp /= total
    return exp, loss


class Affine:
    r"""The fully connected layer :math:`Y = XW + b`.

    Inputs of any rank are flattened per sample: ``x`` of shape ``(N, d1, d2, ...)`` is
    used as an ``(N, d1*d2*...)`` matrix, and ``backward`` returns ``dx`` in the input's
    original shape (as the book's layer does). The backward pass is

    .. math::

        \frac{\partial L}{\partial X} = \frac{\partial L}{\partial Y} W^\top, \quad
        \frac{\partial L}{\partial W} = X^\top \frac{\partial L}{\partial Y}, \quad
        \frac{\partial L}{\partial b} = \sum_n \frac{\partial L}{\partial Y_n},

    the only products whose shapes fit.

    Parameters
    ----------
    W : array_like, shape (D, M)
        Weights. A NumPy array is used as is, not copied, so an optimizer that updates
        it in place updates the layer.
    b : array_like, shape (M,)
        Biases, shared the same way.

    Attributes
    ----------
    dW, db : numpy.ndarray or None
        Gradients of the loss with respect to ``W`` and ``b``, set by ``backward``.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.layers import Affine
    >>> layer = Affine(np.array([[1.0, 2, 3], [4, 5, 6]]), np.array([7.0, 8, 9]))
    >>> layer.forward(np.array([[1.0, 0], [0, 1], [1, 1]]))
    array([[ 8., 10., 12.],
           [11., 13., 15.],
           [12., 15., 18.]])
    >>> layer.backward(np.array([[2.0, 1, -1], [1, 0, 0], [0, 0, 1]]))
    array([[1., 7.],
           [1., 4.],
           [3., 6.]])
    >>> layer.db
    array([3., 1., 0.])
    """

    def __init__(self, W, b):
        W = as_float_array(W, "W")
        b = as_float_array(b, "b")
        check_ndim(W, "W", (2,))
        check_ndim(b, "b", (1,))
        if b.shape[0] != W.shape[1]:
            raise ValueError(
                f"b must have one entry per output of W (W has shape {W.shape}, so "
                f"b should have shape ({W.shape[1]},)), got b of shape {b.shape}"
            )
        self.W = W
        self.b = b
        self.dW: np.ndarray | None = None
        self.db: np.ndarray | None = None
        self._x: np.ndarray | None = None
        self._x_shape: tuple[int, ...] | None = None
        self._out_shape: tuple[int, ...] | None = None

    def forward(self, x):
        """Return ``x W + b`` for a batch ``x`` of shape ``(N, ...)``."""
        x = as_float_array(x, "x")
        if x.ndim < 2:
            raise ValueError(
                f"Affine expects a batch of shape (N, {self.W.shape[0]}) or (N, ...), got "
                f"shape {x.shape}; wrap a single sample as x[np.newaxis]"
            )
        flat = x.reshape(x.shape[0], -1)
        if flat.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"Affine expects {self.W.shape[0]} features per sample (W has shape "
                f"{self.W.shape}), got x of shape {x.shape} with {flat.shape[1]}"
            )
        self._x, self._x_shape = flat, x.shape
        out = flat @ self.W
        out += self.b
        self._out_shape = out.shape
        return out

    def backward(self, dout, *, input_grad: bool = True):
        """Store ``dW`` and ``db``; return ``dx`` (or None when ``input_grad`` is False).

        A network's first layer is called with ``input_grad=False``: nothing needs the
        gradient with respect to the data, and skipping it saves a third of the work of
        its backward pass.
        """
        dout = _check_dout(dout, self._out_shape, "Affine")
        self.dW = self._x.T @ dout
        self.db = dout.sum(axis=0)
        if not input_grad:
            return None
        return (dout @ self.W.T).reshape(self._x_shape)


class Sigmoid:
    r"""The logistic activation, with :math:`\partial y / \partial x = y (1 - y)`.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.layers import Sigmoid
    >>> layer = Sigmoid()
    >>> layer.forward(np.log([[1.0, 3.0]]))  # sigma(ln a) = a / (1 + a)
    array([[0.5 , 0.75]])
    >>> layer.backward(np.array([[4.0, 16.0]]))  # dout * y * (1 - y)
    array([[1., 3.]])
    """

    def __init__(self):
        self.out: np.ndarray | None = None

    def forward(self, x):
        """Return ``sigmoid(x)`` and remember it: the backward pass needs only the output."""
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        """Return ``dout * y * (1 - y)``."""
        dout = _check_dout(dout, None if self.out is None else self.out.shape, "Sigmoid")
        return dout * (1.0 - self.out) * self.out


class Relu:
    r"""The rectified linear unit: passes positive inputs, zeroes the rest.

    Its backward pass lets the gradient through where the input was positive and stops
    it elsewhere. Unlike the book's ``Relu.backward``, which zeroes entries of the
    caller's ``dout`` in place, this one returns a new array.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.layers import Relu
    >>> layer = Relu()
    >>> layer.forward(np.array([[1.0, -2.0, 3.0]]))
    array([[1., 0., 3.]])
    >>> dout = np.array([[5.0, 6.0, 7.0]])
    >>> layer.backward(dout)
    array([[5., 0., 7.]])
    >>> dout  # untouched
    array([[5., 6., 7.]])
    """

    def __init__(self):
        self.positive: np.ndarray | None = None

    def forward(self, x):
        """Return ``max(x, 0)`` and remember where ``x`` was positive."""
        x = as_float_array(x, "x")
        self.positive = x > 0
        return np.maximum(x, 0)

    def backward(self, dout):
        """Return ``dout`` where the input was positive, 0 elsewhere."""
        dout = _check_dout(dout, None if self.positive is None else self.positive.shape, "Relu")
        return np.where(self.positive, dout, 0)


class SoftmaxWithLoss:
    r"""Softmax followed by the cross-entropy loss, as one layer.

    Together their backward pass is simply :math:`(y - t) / N`: softmax's Jacobian and
    the derivative of the logarithm cancel. The loss is computed from the log-softmax,
    :math:`\log y_k = x_k - \log\sum_j e^{x_j}`, so it stays finite and exact for any
    finite scores.

    Attributes
    ----------
    y : numpy.ndarray or None
        The softmax probabilities of the last ``forward``.
    t : numpy.ndarray or None
        The targets of the last ``forward``, as given: one-hot rows or integer labels.
    loss : float or None

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.layers import SoftmaxWithLoss
    >>> layer = SoftmaxWithLoss()
    >>> x = np.log([[0.2, 0.3, 0.5], [0.7, 0.2, 0.1]])
    >>> round(layer.forward(x, np.array([2, 0])), 6)  # -(ln 0.5 + ln 0.7) / 2
    0.524911
    >>> layer.backward().round(12)
    array([[ 0.1 ,  0.15, -0.25],
           [-0.15,  0.1 ,  0.05]])
    """

    def __init__(self):
        self.y: np.ndarray | None = None
        self.t: np.ndarray | None = None
        self.loss: float | None = None

    def forward(self, x, t) -> float:
        """Return the mean cross-entropy of ``softmax(x)`` against ``t``.

        ``x`` has shape ``(N, C)``; ``t`` is one-hot rows of the same shape (or any
        rows of probabilities) or integer labels of shape ``(N,)`` in ``[0, C)``.
        """
        x = as_float_array(x, "x")
        check_ndim(x, "x", (2,))
        t = np.asarray(t)
        if t.shape == x.shape:
            t = as_float_array(t, "t").astype(x.dtype, copy=False)
        else:
            t = as_labels(t, "t", x.shape[1], length=x.shape[0])
        self.y, loss = _softmax_cross_entropy(x, t)
        self.t, self.loss = t, loss
        return loss

    def backward(self, dout=1.0):
        """Return ``dout * (y - t) / N``, for one-hot or integer ``t`` alike."""
        if self.y is None:
            raise RuntimeError("SoftmaxWithLoss.backward called before SoftmaxWithLoss.forward")
        batch_size = self.y.shape[0]
        if self.t.size == self.y.size:  # one-hot rows
            dx = (self.y - self.t) / batch_size
        else:  # integer labels: subtracting 1 at the true class is subtracting one-hot t
            dx = self.y / batch_size
            dx[np.arange(batch_size), self.t] -= 1 / batch_size
        if np.ndim(dout) != 0:
            raise ValueError(f"dout must be a scalar (the loss is one), got shape {np.shape(dout)}")
        return dx if dout == 1 else dx * dout
