"""The real copies in ../shared/data: shapes, dtypes, class counts, official content hashes.

These run only where the shared folder (or a catalog named by NNSCRATCH_CATALOG) exists. They
use one session-wide temporary cache, so the slow first decode of each dataset happens once.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import numpy as np
import pytest

from nnscratch.datasets import (
    describe,
    load_cifar10,
    load_fashion_mnist,
    load_mnist,
    specs,
)
from nnscratch.datasets.integrity import sha256_content


def _real_catalog() -> Path | None:
    named = os.environ.get("NNSCRATCH_CATALOG")
    candidates = [Path(named)] if named else []
    candidates.append(Path(__file__).resolve().parents[2] / "shared" / "data" / "catalog.toml")
    return next((path for path in candidates if path.is_file()), None)


CATALOG = _real_catalog()
pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(
        CATALOG is None,
        reason="no real dataset copies: ../shared/data/catalog.toml is absent and "
        "NNSCRATCH_CATALOG names no catalog",
    ),
]

MNIST_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
MNIST_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
LOADERS = {"mnist": load_mnist, "fashion_mnist": load_fashion_mnist, "cifar10": load_cifar10}


@pytest.fixture(scope="session")
def real_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("real-data-cache")


@pytest.fixture
def real_env(monkeypatch, real_cache):
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(CATALOG))
    monkeypatch.setenv("NNSCRATCH_DATA", str(real_cache))
    monkeypatch.setattr(specs, "MIRRORS", {name: [] for name in specs.SPECS})  # never download
    return real_cache


def _idx(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 8, array.ndim]) + b"".join(n.to_bytes(4, "big") for n in array.shape)
    return header + array.tobytes()


@pytest.mark.parametrize("name", ["mnist", "fashion_mnist"])
def test_idx_copies_match_the_official_content_hashes(name):
    """The catalog's files decompress to the official IDX bytes (pins in specs.py)."""
    spec = specs.SPECS[name]
    folder = CATALOG.parent / ("mnist" if name == "mnist" else "fashion-mnist")
    for official in spec.files:
        assert sha256_content(folder / official.filename) == official.content_sha256


@pytest.mark.parametrize("name", ["mnist", "fashion_mnist"])
def test_idx_loads_are_the_official_content(real_env, name):
    """Re-encoding the loaded arrays as IDX gives back the official content hashes."""
    (x_train, t_train), (x_test, t_test) = LOADERS[name](normalize=False, flatten=False)
    assert x_train.shape == (60000, 1, 28, 28)
    assert x_test.shape == (10000, 1, 28, 28)
    assert x_train.dtype == np.uint8
    assert t_train.dtype == np.uint8
    pins = {f.key: f.content_sha256 for f in specs.SPECS[name].files}
    arrays = {
        "train_images": x_train[:, 0],
        "train_labels": t_train,
        "test_images": x_test[:, 0],
        "test_labels": t_test,
    }
    for key, array in arrays.items():
        assert hashlib.sha256(_idx(np.ascontiguousarray(array))).hexdigest() == pins[key], key


def test_mnist_shapes_and_class_counts(real_env):
    (x_train, t_train), (_x_test, t_test) = load_mnist()
    assert x_train.shape == (60000, 784)
    assert x_train.dtype == np.float32
    assert float(x_train.min()) == 0.0
    assert float(x_train.max()) == 1.0
    assert np.bincount(t_test).tolist() == MNIST_TEST_COUNTS
    assert np.bincount(t_train).tolist() == MNIST_TRAIN_COUNTS
    _, (_, one_hot) = load_mnist(one_hot_label=True)
    assert one_hot.shape == (10000, 10)
    assert one_hot.sum(axis=0).tolist() == MNIST_TEST_COUNTS


def test_fashion_mnist_shapes_and_class_counts(real_env):
    (x_train, t_train), (x_test, t_test) = load_fashion_mnist(flatten=False)
    assert x_train.shape == (60000, 1, 28, 28)
    assert x_test.shape == (10000, 1, 28, 28)
    assert np.bincount(t_train).tolist() == [6000] * 10
    assert np.bincount(t_test).tolist() == [1000] * 10


@pytest.mark.slow
def test_cifar10_jpeg_copy(real_env):
    (x_train, t_train), (x_test, t_test) = load_cifar10(normalize=False, flatten=False)
    assert x_train.shape == (50000, 32, 32, 3)
    assert x_test.shape == (10000, 32, 32, 3)
    assert x_train.dtype == np.uint8
    assert t_train.dtype == np.uint8
    assert np.bincount(t_train).tolist() == [5000] * 10
    assert np.bincount(t_test).tolist() == [1000] * 10
    # Sorted member order: the classes come in blocks, airplane first.
    assert t_train[:5000].tolist() == [0] * 5000
    assert t_test[-1000:].tolist() == [9] * 1000
    assert 100 < float(x_train.mean()) < 140  # real photographs, not blank images
    source = describe("cifar10")
    assert source.source == "catalog"
    assert source.format == "image-folder-zip"
    assert "re-encoded" in source.description
    assert source.location.endswith(".zip")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["mnist", "fashion_mnist", "cifar10"])
def test_second_load_is_fast(real_env, name):
    LOADERS[name](normalize=False)  # decode once, if no earlier test did
    busy = os.getloadavg()[0] / (os.cpu_count() or 1)
    if busy > 2:
        pytest.skip(f"the machine is busy (load {busy:.1f} per core): timings would mean nothing")
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        LOADERS[name](normalize=False)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 1.0, timings
    timings = []
    for _ in range(3):  # the book's defaults: float32 in [0, 1], a fresh 0.6 GB for CIFAR-10
        start = time.perf_counter()
        LOADERS[name]()
        timings.append(time.perf_counter() - start)
    assert min(timings) < 1.0, timings
