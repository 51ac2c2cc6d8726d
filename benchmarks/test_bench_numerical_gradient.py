"""The numerical gradient of the 784-50-10 network on 100 samples: nnscratch against the book.

The book's nditer version takes about a minute here, so it runs once (one round).
"""

from __future__ import annotations

import statistics
import time

import compare
import numpy as np
import pytest

SAMPLES = 100
SECONDS: dict[str, float] = {}
GRADIENTS: dict[str, dict[str, np.ndarray]] = {}


def timed(name, function):
    """``function``, recording the seconds of each call (also with --benchmark-disable)."""
    durations = []

    def run(*args):
        began = time.perf_counter()
        result = function(*args)
        durations.append(time.perf_counter() - began)
        SECONDS[name] = statistics.median(durations)
        return result

    return run


@pytest.fixture(scope="module")
def batch(mnist):
    return mnist.x_train[:SAMPLES], mnist.t_train[:SAMPLES]


def test_numerical_gradient_nnscratch(benchmark, batch):
    benchmark.group = f"numerical gradient (39,760 parameters, {SAMPLES} samples)"
    network = compare.make_nnscratch(seed=0)
    GRADIENTS["nnscratch"] = benchmark.pedantic(
        timed("nnscratch", network.numerical_gradient), args=batch, rounds=3, iterations=1
    )


def test_numerical_gradient_book(benchmark, batch):
    benchmark.group = f"numerical gradient (39,760 parameters, {SAMPLES} samples)"
    book = compare.make_reference(compare.make_nnscratch(seed=0))
    x, t = batch[0].astype(np.float64), np.eye(10)[batch[1]]
    GRADIENTS["book"] = benchmark.pedantic(
        timed("book", book.numerical_gradient), args=(x, t), rounds=1, iterations=1
    )


def test_numerical_gradient_acceptance(strict, record_property):
    """Issue 5: >= 2x the book's, and the same gradient up to rounding."""
    if len(SECONDS) < 2:
        pytest.skip("run with both numerical gradient cases")
    for key, book in GRADIENTS["book"].items():
        np.testing.assert_allclose(GRADIENTS["nnscratch"][key], book, atol=1e-6)
    ratio = SECONDS["book"] / SECONDS["nnscratch"]
    record_property("speedup_vs_book", ratio)
    print(f"\nnumerical gradient: nnscratch {ratio:.1f}x faster than the book's (target 2x)")
    if strict:
        assert ratio >= 2.0
