"""The training loop every exercise uses: mini-batch gradient descent with evaluations."""

from __future__ import annotations

import math
import sys
import time
from dataclasses import dataclass

import numpy as np

from nnscratch._checks import as_labels, check_count, check_positive
from nnscratch.optim import SGD

__all__ = ["History", "train"]


@dataclass(frozen=True)
class History:
    """What happened during :func:`train`.

    Attributes
    ----------
    loss : numpy.ndarray
        The mini-batch loss of every iteration, shape ``(iters,)``.
    eval_iterations : numpy.ndarray
        After how many iterations each evaluation was made: 0 (the untrained network),
        every ``eval_every`` iterations, and the last iteration.
    train_accuracy : numpy.ndarray
        Accuracy on the whole training set at each evaluation.
    test_accuracy : numpy.ndarray or None
        Accuracy on the test set at each evaluation, or None without a test set.
    epoch_size : int
        Iterations per epoch: training-set size // batch size.
    wall_time : float
        Seconds for the whole run.
    eval_time : float
        The part of ``wall_time`` spent on evaluations.

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.networks import TwoLayerNet
    >>> from nnscratch.training import train
    >>> rng = np.random.default_rng(0)
    >>> x = rng.standard_normal((200, 2)).astype(np.float32)
    >>> t = (x[:, 0] > 0).astype(int)
    >>> history = train(TwoLayerNet(2, 8, 2, rng=0), x, t, iters=50, batch_size=20, rng=0)
    >>> history.eval_iterations.tolist()
    [0, 10, 20, 30, 40, 50]
    >>> history.epochs.tolist()
    [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    """

    loss: np.ndarray
    eval_iterations: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray | None
    epoch_size: int
    wall_time: float
    eval_time: float

    @property
    def epochs(self) -> np.ndarray:
        """``eval_iterations`` in epochs."""
        return self.eval_iterations / self.epoch_size

    @property
    def final_train_accuracy(self) -> float:
        """Training-set accuracy at the end."""
        return float(self.train_accuracy[-1])

    @property
    def final_test_accuracy(self) -> float:
        """Test-set accuracy at the end (NaN without a test set)."""
        return float("nan") if self.test_accuracy is None else float(self.test_accuracy[-1])

    def __str__(self) -> str:
        test = (
            "" if self.test_accuracy is None else f", test accuracy {self.final_test_accuracy:.4f}"
        )
        return (
            f"{len(self.loss)} iterations in {self.wall_time:.1f} s: final loss "
            f"{self.loss[-1]:.4f}, train accuracy {self.final_train_accuracy:.4f}{test}"
        )


def train(
    network,
    x_train,
    t_train,
    *,
    x_test=None,
    t_test=None,
    iters: int = 10_000,
    batch_size: int = 100,
    lr: float = 0.1,
    optimizer=None,
    eval_every: int | None = None,
    rng=None,
    progress: bool | None = None,
) -> History:
    """Train ``network`` by mini-batch gradient descent and record how it went.

    Each epoch visits the training set in a new random order, ``batch_size`` samples
    per iteration. Each iteration's loss comes from the same forward pass as its
    gradient, so nothing is computed twice.

    Parameters
    ----------
    network : MultiLayerNet or TwoLayerNet
        Or anything with ``sizes``, ``params``, ``loss_and_gradient(x, t)`` and
        ``accuracy(x, t)``.
    x_train : numpy.ndarray
        Training inputs, shape ``(N, ...)``. Keep them float32 for speed.
    t_train : numpy.ndarray
        Integer labels ``(N,)`` or one-hot rows ``(N, C)``.
    x_test, t_test : numpy.ndarray, optional
        A test set, evaluated alongside the training set.
    iters : int, default 10_000
        Number of parameter updates.
    batch_size : int, default 100
    lr : float, default 0.1
        Learning rate of the default optimizer, plain SGD. Ignored if ``optimizer`` is
        given.
    optimizer : object with ``update(params, grads)``, optional
        Such as :class:`~nnscratch.optim.Momentum` or :class:`~nnscratch.optim.Adam`.
    eval_every : int, optional
        Iterations between evaluations; default one epoch.
    rng : numpy.random.Generator or int, optional
        Decides the order of the samples. A seed makes the run repeatable.
    progress : bool, optional
        Show a progress bar (needs tqdm). Default: only when writing to a terminal, so
        logs and the docs build stay clean.

    Returns
    -------
    History

    Raises
    ------
    FloatingPointError
        If the loss stops being finite (the learning rate is usually too large).

    Examples
    --------
    >>> import numpy as np
    >>> from nnscratch.networks import TwoLayerNet
    >>> from nnscratch.training import train
    >>> rng = np.random.default_rng(0)
    >>> x = rng.standard_normal((1000, 2)).astype(np.float32)
    >>> t = (x[:, 0] * x[:, 1] > 0).astype(int)  # XOR of the signs: not linear
    >>> net = TwoLayerNet(2, 16, 2, weight_init_std="he", rng=0)
    >>> history = train(net, x, t, iters=2000, batch_size=50, lr=0.5, rng=0)
    >>> history.final_train_accuracy > 0.95
    True
    """
    start = time.perf_counter()
    x_train = _check_inputs(x_train, "x_train")
    num_classes = network.sizes[-1]
    labels = as_labels(t_train, "t_train", num_classes, length=len(x_train))
    if (x_test is None) != (t_test is None):
        raise ValueError("give both x_test and t_test, or neither")
    if x_test is not None:
        x_test = _check_inputs(x_test, "x_test")
        test_labels = as_labels(t_test, "t_test", num_classes, length=len(x_test))
    iters = check_count(iters, "iters", minimum=0)
    batch_size = check_count(batch_size, "batch_size")
    if batch_size > len(x_train):
        raise ValueError(
            f"batch_size must be at most the training-set size {len(x_train)}, got {batch_size}"
        )
    if optimizer is None:
        optimizer = SGD(lr=check_positive(lr, "lr", allow_zero=True))
    epoch_size = len(x_train) // batch_size
    eval_every = epoch_size if eval_every is None else check_count(eval_every, "eval_every")
    rng = np.random.default_rng(rng)

    eval_iterations, train_acc, test_acc = [], [], []
    eval_seconds = 0.0

    def evaluate(iteration: int) -> None:
        nonlocal eval_seconds
        began = time.perf_counter()
        eval_iterations.append(iteration)
        train_acc.append(network.accuracy(x_train, labels))
        if x_test is not None:
            test_acc.append(network.accuracy(x_test, test_labels))
        eval_seconds += time.perf_counter() - began

    losses = np.empty(iters)
    batch = np.empty((batch_size, *x_train.shape[1:]), dtype=x_train.dtype)
    order, position = rng.permutation(len(x_train)), 0
    bar = _progress_bar(iters, progress)
    evaluate(0)
    # Overflow in a diverging run is reported once, clearly, below, not as NumPy warnings.
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for i in range(iters):
            if position + batch_size > len(order):
                order, position = rng.permutation(len(x_train)), 0
            chosen = order[position : position + batch_size]
            position += batch_size
            # The indices come from a permutation, so they are in range; mode="clip" says so
            # and spares the default mode's check, which copies through a temporary buffer.
            np.take(x_train, chosen, axis=0, out=batch, mode="clip")
            loss, grads = network.loss_and_gradient(batch, labels[chosen])
            if not math.isfinite(loss):
                raise FloatingPointError(
                    f"the loss became {loss} at iteration {i + 1} with learning rate "
                    f"{getattr(optimizer, 'lr', lr)}: the updates diverged; try a smaller "
                    "learning rate or smaller initial weights"
                )
            optimizer.update(network.params, grads)
            losses[i] = loss
            done = i + 1
            if done % eval_every == 0 or done == iters:
                evaluate(done)
            if bar is not None:
                bar.update()
                if done % 100 == 0:
                    bar.set_postfix(loss=f"{loss:.3f}", train_acc=f"{train_acc[-1]:.3f}")
    if bar is not None:
        bar.close()
    return History(
        loss=losses,
        eval_iterations=np.array(eval_iterations),
        train_accuracy=np.array(train_acc),
        test_accuracy=np.array(test_acc) if x_test is not None else None,
        epoch_size=epoch_size,
        wall_time=time.perf_counter() - start,
        eval_time=eval_seconds,
    )


def _check_inputs(x, name: str) -> np.ndarray:
    x = np.asarray(x)
    if x.ndim < 2:
        raise ValueError(f"{name} must have shape (N, features...), got shape {x.shape}")
    if not (np.issubdtype(x.dtype, np.floating) or np.issubdtype(x.dtype, np.integer)):
        raise TypeError(f"{name} must be numeric, got dtype {x.dtype}")
    return x


def _progress_bar(total: int, progress: bool | None):
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a nicety; tqdm is optional
        return None
    return tqdm(total=total, unit="it", leave=False)
