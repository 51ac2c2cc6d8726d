"""Shared fixtures of the benchmarks: the data, and the ``--acceptance`` option.

The benchmarks live outside ``tests/`` so that ``pytest`` from the repository root never runs
them; ``nox -s bench`` runs ``pytest benchmarks`` explicitly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the cases import compare.py, reference.py, ...
    sys.path.insert(0, str(HERE))

import compare  # noqa: E402


def pytest_addoption(parser):
    parser.addoption(
        "--acceptance",
        action="store_true",
        help="fail when nnscratch misses issue 5's speed targets (off by default: a busy "
        "machine can miss them by chance; the ratios are always printed)",
    )
    parser.addoption(
        "--full-iters",
        type=int,
        default=10_000,
        help="iterations of the full training runs (issue 5's acceptance uses 10,000)",
    )


def pytest_configure(config):
    compare.use_shared_catalog()


@pytest.fixture(scope="session")
def strict(request) -> bool:
    return request.config.getoption("--acceptance")


@pytest.fixture(scope="session")
def full_iters(request) -> int:
    return request.config.getoption("--full-iters")


@pytest.fixture(scope="session")
def mnist() -> compare.Data:
    """MNIST, or random data of its shape when MNIST cannot be loaded here."""
    return compare.load_data()


@pytest.fixture(scope="session")
def real_mnist(mnist) -> compare.Data:
    if mnist.source != "MNIST":
        pytest.skip("needs the real MNIST (set NNSCRATCH_CATALOG)")
    return mnist
