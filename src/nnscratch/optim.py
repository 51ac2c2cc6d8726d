"""Gradient descent on a function, and the update rules that train networks.

:func:`gradient_descent` minimises a function of an array, keeping every point it visits
(lecture 9). :class:`SGD`, :class:`Momentum`, :class:`AdaGrad` and :class:`Adam` are the
update rules of chapter 6 of *Deep Learning from Scratch*: each has an
``update(params, grads)`` method that changes the arrays of the dictionary ``params`` in
place, which is their documented job.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import numpy as np

from nnscratch._checks import (
    as_float_array,
    check_callable,
    check_count,
    check_fraction,
    check_positive,
)

__all__ = ["SGD", "AdaGrad", "Adam", "Momentum", "gradient_descent"]


def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x,
    lr: float = 0.01,
    step_num: int = 100,
    grad: Callable[[np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Minimise ``f`` by ``step_num`` steps of ``x <- x - lr * gradient(x)``.

    Parameters
    ----------
    f : callable
        The function to minimise: takes an array shaped like ``init_x`` and returns a
        real scalar.
    init_x : array_like
        The starting point, of any shape. It is copied to float64 and never modified.
    lr : float, default 0.01
        The learning rate, finite and ``>= 0``.
    step_num : int, default 100
        The number of steps, ``>= 0``.
    grad : callable, optional
        The exact gradient of ``f``: takes ``x`` and returns an array of ``x``'s shape.
        When omitted the gradient is estimated by
        :func:`nnscratch.gradients.numerical_gradient` (central differences).

    Returns
    -------
    x : numpy.ndarray
        The last point, float64, shaped like ``init_x``.
    history : numpy.ndarray
        Every point visited, start included: shape ``(step_num + 1, *x.shape)``, so
        ``history[0]`` is the start and ``history[-1]`` equals ``x``. Each row is a copy,
        not a view of a point that later changes (the pitfall of exercise 9.1b).

    Raises
    ------
    TypeError
        If ``f`` or ``grad`` is not callable, ``init_x`` is not numeric or ``f`` does not
        return a real number.
    ValueError
        If ``lr`` is negative or not finite, ``step_num`` is negative, ``f`` returns an
        array rather than a scalar, or ``grad`` returns an array of the wrong shape.

    Notes
    -----
    A learning rate that is too large makes the steps grow without bound; the points then
    overflow to ``inf`` and NumPy warns. No step is taken back: inspect ``history``.

    Examples
    --------
    Two steps by hand from (0, 0) with learning rate 0.5 (exercise 9.1a):

    >>> import numpy as np
    >>> from nnscratch.optim import gradient_descent
    >>> def f(x):
    ...     return x[0] ** 2 + x[1] ** 2 + x[0] * x[1] - 4 * x[0] - 8 * x[1]
    >>> def grad_f(x):
    ...     return np.array([2 * x[0] + x[1] - 4, 2 * x[1] + x[0] - 8])
    >>> x, history = gradient_descent(f, [0.0, 0.0], lr=0.5, step_num=2, grad=grad_f)
    >>> history
    array([[0., 0.],
           [2., 4.],
           [0., 3.]])

    Without ``grad`` the gradient is numerical, and 30 smaller steps head for the
    minimum at (0, 4):

    >>> x, history = gradient_descent(f, [0.0, 0.0], lr=0.1, step_num=30)
    >>> history.shape
    (31, 2)
    >>> np.round(x, 2)
    array([0.08, 3.92])
    """
    check_callable(f, "f")
    if grad is not None:
        check_callable(grad, "grad")
    lr = check_positive(lr, "lr", allow_zero=True)
    step_num = check_count(step_num, "step_num", minimum=0)
    x = np.array(as_float_array(init_x, "init_x"), dtype=np.float64)  # always a copy
    _check_scalar_output(f(x), "f")
    gradient = _numerical_gradient_of(f) if grad is None else grad

    history = np.empty((step_num + 1, *x.shape))
    history[0] = x
    for step in range(1, step_num + 1):
        g = np.asarray(gradient(x))
        if g.shape != x.shape:
            raise ValueError(
                f"grad must return an array of x's shape {x.shape}, got shape {g.shape}"
            )
        x -= lr * g
        history[step] = x
    return x, history


def _numerical_gradient_of(f):
    from nnscratch.gradients import numerical_gradient

    return lambda x: numerical_gradient(f, x)


def _check_scalar_output(value, name: str) -> None:
    array = np.asarray(value)
    if array.ndim != 0:
        raise ValueError(f"{name} must return a scalar, got an array of shape {array.shape}")
    if not (np.issubdtype(array.dtype, np.integer) or np.issubdtype(array.dtype, np.floating)):
        raise TypeError(f"{name} must return a real number, got {type(value).__name__}")


class _Optimizer:
    """Shared argument checks and per-parameter state of the update rules."""

    _state_names: tuple[str, ...] = ()

    def __init__(self) -> None:
        # one dict per state name (e.g. "v"), each mapping a parameter name to an array
        self._state: dict[str, dict[str, np.ndarray]] = {n: {} for n in self._state_names}

    def _check(self, params, grads) -> None:
        if not isinstance(params, Mapping) or not isinstance(grads, Mapping):
            bad, value = ("params", params) if not isinstance(params, Mapping) else ("grads", grads)
            raise TypeError(
                f"{bad} must be a dict of arrays keyed by parameter name, "
                f"got {type(value).__name__}"
            )
        if grads.keys() != params.keys():
            missing = sorted(set(grads) - set(params), key=str)
            absent = sorted(set(params) - set(grads), key=str)
            parts = []
            if missing:
                parts.append(f"grads for missing params {missing}")
            if absent:
                parts.append(f"no grads for params {absent}")
            raise KeyError("params and grads must have the same keys: " + "; ".join(parts))
        for key, param in params.items():
            grad = grads[key]
            if not isinstance(param, np.ndarray) or param.dtype.kind != "f":
                raise TypeError(
                    f"params[{key!r}] must be a floating-point numpy array (updated in place), "
                    f"got {_describe(param)}"
                )
            if getattr(grad, "shape", None) != param.shape:
                raise ValueError(
                    f"grads[{key!r}] must have the shape of params[{key!r}], {param.shape}, "
                    f"got {_describe(grad)}"
                )

    def _slot(self, name: str, key, param: np.ndarray) -> np.ndarray:
        """Return the state array ``name`` of parameter ``key``, created as zeros if new."""
        slots = self._state[name]
        state = slots.get(key)
        if state is None:
            state = slots[key] = np.zeros_like(param)
        elif state.shape != param.shape:
            raise ValueError(
                f"params[{key!r}] has shape {param.shape} but this optimizer holds state of "
                f"shape {state.shape} for it: use a new optimizer for a different network"
            )
        return state

    def __repr__(self) -> str:
        settings = ", ".join(
            f"{name}={value!r}" for name, value in vars(self).items() if name[0] != "_"
        )
        return f"{type(self).__name__}({settings})"


def _describe(value) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    return type(value).__name__


class SGD(_Optimizer):
    """Stochastic gradient descent: ``param -= lr * grad``.

    Parameters
    ----------
    lr : float, default 0.01
        The learning rate, finite and ``>= 0``. It may be changed between updates
        (``optimizer.lr = ...``) for a schedule.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.optim import SGD
    >>> params = {"W": np.array([1.0, 2.0])}
    >>> SGD(lr=0.1).update(params, {"W": np.array([10.0, -10.0])})
    >>> params["W"]
    array([0., 3.])
    """

    _state_names = ("step",)

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__()
        self.lr = check_positive(lr, "lr", allow_zero=True)

    def update(self, params: dict[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Update every array of ``params`` in place from the matching entry of ``grads``.

        Parameters
        ----------
        params : dict of str to numpy.ndarray
            The parameters, floating-point arrays; modified in place (their dtype is kept).
        grads : dict of str to numpy.ndarray
            The gradients, with the same keys and shapes as ``params``.

        Raises
        ------
        KeyError
            If the keys of ``params`` and ``grads`` differ (the message names them).
        TypeError
            If a parameter is not a floating-point array.
        ValueError
            If a gradient's shape differs from its parameter's.
        """
        self._check(params, grads)
        for key, param in params.items():
            # lr * grad goes into a buffer kept between steps: allocating a fresh array of
            # the weights' size every step costs more than the arithmetic.
            step = self._slot("step", key, param)
            np.multiply(grads[key], self.lr, out=step)
            param -= step


class Momentum(_Optimizer):
    """Gradient descent with momentum: ``v = momentum * v - lr * grad``, ``param += v``.

    The velocity ``v`` of each parameter starts at zero on its first update and has the
    parameter's dtype.

    Parameters
    ----------
    lr : float, default 0.01
        The learning rate, finite and ``>= 0``.
    momentum : float, default 0.9
        The share of the velocity kept from one step to the next, in ``[0, 1)``.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.optim import Momentum
    >>> params = {"W": np.array([0.0])}
    >>> opt = Momentum(lr=0.1, momentum=0.9)
    >>> for _ in range(2):
    ...     opt.update(params, {"W": np.array([1.0])})
    >>> print(f"{params['W'][0]:.2f}")  # -0.1, then -0.1 - (0.09 + 0.1)
    -0.29
    """

    _state_names = ("v",)

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__()
        self.lr = check_positive(lr, "lr", allow_zero=True)
        self.momentum = check_fraction(momentum, "momentum")

    def update(self, params: dict[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Update every array of ``params`` in place; see :meth:`SGD.update`."""
        self._check(params, grads)
        for key, param in params.items():
            v = self._slot("v", key, param)
            v *= self.momentum
            v -= self.lr * grads[key]
            param += v


class AdaGrad(_Optimizer):
    """AdaGrad: each entry's step shrinks with the squared gradients it has seen.

    ``h += grad * grad``, ``param -= lr * grad / (sqrt(h) + eps)``; ``h`` starts at zero
    and has the parameter's dtype.

    Parameters
    ----------
    lr : float, default 0.01
        The learning rate, finite and ``>= 0``.
    eps : float, default 1e-7
        Keeps the division finite where ``h`` is zero (the book's value).

    Examples
    --------
    The first step moves every entry by about ``lr``, whatever its gradient's size:

    >>> import numpy as np
    >>> from nnscratch.optim import AdaGrad
    >>> params = {"W": np.array([0.0, 0.0])}
    >>> AdaGrad(lr=0.5).update(params, {"W": np.array([100.0, -0.01])})
    >>> np.round(params["W"], 4)
    array([-0.5,  0.5])
    """

    _state_names = ("h",)

    def __init__(self, lr: float = 0.01, *, eps: float = 1e-7) -> None:
        super().__init__()
        self.lr = check_positive(lr, "lr", allow_zero=True)
        self.eps = check_positive(eps, "eps")

    def update(self, params: dict[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Update every array of ``params`` in place; see :meth:`SGD.update`."""
        self._check(params, grads)
        for key, param in params.items():
            grad = grads[key]
            h = self._slot("h", key, param)
            h += grad * grad
            param -= self.lr * grad / (np.sqrt(h) + self.eps)


class Adam(_Optimizer):
    """Adam: momentum on the gradient and on its square, with bias correction.

    With ``t`` the number of updates so far (this one included)::

        m += (1 - beta1) * (grad - m)
        v += (1 - beta2) * (grad**2 - v)
        lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t)
        param -= lr_t * m / (sqrt(v) + eps)

    the efficient form of Kingma and Ba's algorithm, as in the book: ``lr_t`` undoes the
    bias of ``m`` and ``v`` towards their zero start, so the first step moves each entry by
    about ``lr`` in the direction opposite its gradient.

    Parameters
    ----------
    lr : float, default 0.001
        The learning rate, finite and ``>= 0``.
    beta1, beta2 : float, default 0.9 and 0.999
        Decay rates of the averages of the gradient and of its square, in ``[0, 1)``.
    eps : float, default 1e-7
        Keeps the division finite (the book's value).

    Attributes
    ----------
    t : int
        The number of updates made.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.optim import Adam
    >>> params = {"W": np.array([1.0, 1.0])}
    >>> opt = Adam(lr=0.1)
    >>> opt.update(params, {"W": np.array([3.0, -0.2])})
    >>> np.round(params["W"], 4), opt.t
    (array([0.9, 1.1]), 1)
    """

    _state_names = ("m", "v")

    def __init__(
        self,
        lr: float = 0.001,
        beta1: float = 0.9,
        beta2: float = 0.999,
        *,
        eps: float = 1e-7,
    ) -> None:
        super().__init__()
        self.lr = check_positive(lr, "lr", allow_zero=True)
        self.beta1 = check_fraction(beta1, "beta1")
        self.beta2 = check_fraction(beta2, "beta2")
        self.eps = check_positive(eps, "eps")
        self.t = 0

    def update(self, params: dict[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Update every array of ``params`` in place; see :meth:`SGD.update`."""
        self._check(params, grads)
        self.t += 1
        lr_t = self.lr * math.sqrt(1.0 - self.beta2**self.t) / (1.0 - self.beta1**self.t)
        for key, param in params.items():
            grad = grads[key]
            m = self._slot("m", key, param)
            v = self._slot("v", key, param)
            m += (1.0 - self.beta1) * (grad - m)
            v += (1.0 - self.beta2) * (grad * grad - v)
            param -= lr_t * m / (np.sqrt(v) + self.eps)
