"""The same network and loop as one hand-written NumPy function: a yardstick, not a library.

No layers, no checks, no dicts: every step is the fewest NumPy calls that do the work, with
every intermediate array overwritten in place where the next line allows. It is what a
careful programmer writes for one fixed 784-50-10 ReLU network and nothing else, and it
shows how much of the gap between nnscratch and the book-style reference is NumPy's own
limit on this machine (two 100x784x50 matrix products and a random gather per step) rather
than the library's structure.

It visits the samples in the same order as :func:`nnscratch.training.train` (a new
permutation every epoch from the same seed), so from the same weights it follows the same
path up to float32 rounding.
"""

from __future__ import annotations

import time

import numpy as np


def accuracy(params: dict[str, np.ndarray], x: np.ndarray, labels: np.ndarray, chunk=10_000):
    correct = 0
    for start in range(0, len(x), chunk):
        hidden = x[start : start + chunk] @ params["W1"]
        hidden += params["b1"]
        np.maximum(hidden, 0, out=hidden)
        scores = hidden @ params["W2"]
        scores += params["b2"]
        correct += int(np.count_nonzero(scores.argmax(axis=1) == labels[start : start + chunk]))
    return correct / len(x)


def train(
    params: dict[str, np.ndarray],
    x_train: np.ndarray,
    t_train: np.ndarray,
    x_test: np.ndarray | None = None,
    t_test: np.ndarray | None = None,
    *,
    iters: int = 10_000,
    batch_size: int = 100,
    lr: float = 0.1,
    evaluate: bool = True,
    seed: int = 0,
) -> dict:
    """Train the float32 arrays ``params`` (W1, b1, W2, b2) in place by mini-batch SGD.

    ``x_*`` are float32 images, ``t_*`` integer labels. With ``evaluate`` the accuracies on
    the whole training and test sets are taken at iteration 0, every epoch and at the end,
    as nnscratch's ``train`` does; ``train_seconds`` excludes them.
    """
    start = time.perf_counter()
    W1, b1, W2, b2 = (params[key] for key in ("W1", "b1", "W2", "b2"))
    lr = W1.dtype.type(lr)
    rng = np.random.default_rng(seed)
    size, epoch_size = len(x_train), len(x_train) // batch_size
    rows = np.arange(batch_size)
    batch = np.empty((batch_size, x_train.shape[1]), dtype=x_train.dtype)
    dW1 = np.empty_like(W1)
    losses = np.empty(iters)
    train_acc, test_acc, eval_seconds = [], [], 0.0

    def evaluate_now():
        nonlocal eval_seconds
        began = time.perf_counter()
        train_acc.append(accuracy(params, x_train, t_train))
        test_acc.append(accuracy(params, x_test, t_test))
        eval_seconds += time.perf_counter() - began

    if evaluate:
        evaluate_now()
    order, position = rng.permutation(size), 0
    for i in range(iters):
        if position + batch_size > size:
            order, position = rng.permutation(size), 0
        chosen = order[position : position + batch_size]
        position += batch_size
        np.take(x_train, chosen, axis=0, out=batch, mode="clip")
        labels = t_train[chosen]

        hidden = batch @ W1
        hidden += b1
        np.maximum(hidden, 0, out=hidden)
        scores = hidden @ W2
        scores += b2

        scores -= scores.max(axis=1, keepdims=True)
        picked = scores[rows, labels]  # shifted scores of the true classes, for the loss
        np.exp(scores, out=scores)
        total = scores.sum(axis=1, keepdims=True)
        scores /= total  # softmax
        losses[i] = (np.log(total).sum() - picked.sum()) / batch_size

        scores[rows, labels] -= 1  # now (y - t), the gradient at the scores times N
        scores /= batch_size
        dW2 = hidden.T @ scores
        db2 = scores.sum(axis=0)
        dhidden = scores @ W2.T
        dhidden *= hidden > 0
        np.matmul(batch.T, dhidden, out=dW1)
        db1 = dhidden.sum(axis=0)

        dW1 *= lr
        W1 -= dW1
        W2 -= lr * dW2
        b1 -= lr * db1
        b2 -= lr * db2
        done = i + 1
        if evaluate and (done % epoch_size == 0 or done == iters):
            evaluate_now()
    wall = time.perf_counter() - start
    return {
        "loss": losses,
        "train_acc": train_acc,
        "test_acc": test_acc,
        "wall_time": wall,
        "train_seconds": wall - eval_seconds,
    }
