"""The same 784-50-10 network and loop in PyTorch (CPU, float32), for comparison.

Written the way a PyTorch user would: ``nn.Sequential``, ``nn.CrossEntropyLoss``,
``torch.optim.SGD``, one shuffled pass over the training set per epoch, and evaluation under
``torch.no_grad()``. The weights start as nnscratch's and the book's do (normal, std 0.01;
biases zero). Importing this module imports torch: callers check :func:`available` first.
"""

from __future__ import annotations

import importlib.util
import time

import numpy as np

THREADS = 2


def available() -> bool:
    """Whether PyTorch can be imported here."""
    return importlib.util.find_spec("torch") is not None


def make_network(sizes=(784, 50, 10), weight_init_std=0.01, seed=0):
    import torch
    from torch import nn

    torch.set_num_threads(THREADS)
    generator = torch.Generator().manual_seed(seed)
    network = nn.Sequential(nn.Linear(sizes[0], sizes[1]), nn.ReLU(), nn.Linear(sizes[1], sizes[2]))
    with torch.no_grad():
        for module in network:
            if isinstance(module, nn.Linear):
                module.weight.normal_(0.0, weight_init_std, generator=generator)
                module.bias.zero_()
    return network


def accuracy(network, x, labels, chunk=10_000) -> float:
    import torch

    correct = 0
    with torch.no_grad():
        for start in range(0, len(x), chunk):
            scores = network(x[start : start + chunk])
            correct += int((scores.argmax(dim=1) == labels[start : start + chunk]).sum())
    return correct / len(x)


def train(
    network,
    x_train: np.ndarray,
    t_train: np.ndarray,
    x_test: np.ndarray | None = None,
    t_test: np.ndarray | None = None,
    *,
    iters=10_000,
    batch_size=100,
    lr=0.1,
    evaluate=True,
    seed=0,
):
    """Train by mini-batch SGD; return a dict of losses, accuracies and seconds.

    ``x_*`` are float32 arrays, ``t_*`` integer labels. With ``evaluate`` the accuracies on the
    whole training and test sets are taken at iteration 0, once per epoch and at the end, as
    nnscratch's ``train`` does. ``train_seconds`` excludes the evaluations.
    """
    import torch
    from torch import nn

    torch.set_num_threads(THREADS)
    start = time.perf_counter()
    x = torch.from_numpy(np.ascontiguousarray(x_train, dtype=np.float32))
    t = torch.from_numpy(np.asarray(t_train, dtype=np.int64))
    if evaluate:
        xt = torch.from_numpy(np.ascontiguousarray(x_test, dtype=np.float32))
        tt = torch.from_numpy(np.asarray(t_test, dtype=np.int64))
    generator = torch.Generator().manual_seed(seed)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(network.parameters(), lr=lr)
    epoch_size = len(x) // batch_size
    losses = np.empty(iters)
    train_acc, test_acc, eval_seconds = [], [], 0.0

    def evaluate_now():
        nonlocal eval_seconds
        began = time.perf_counter()
        train_acc.append(accuracy(network, x, t))
        test_acc.append(accuracy(network, xt, tt))
        eval_seconds += time.perf_counter() - began

    if evaluate:
        evaluate_now()
    order, position = torch.randperm(len(x), generator=generator), 0
    for i in range(iters):
        if position + batch_size > len(order):
            order, position = torch.randperm(len(x), generator=generator), 0
        chosen = order[position : position + batch_size]
        position += batch_size
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(network(x[chosen]), t[chosen])
        loss.backward()
        optimizer.step()
        losses[i] = loss.item()
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
