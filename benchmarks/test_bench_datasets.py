"""Dataset loading, cold (a new empty cache folder) and cached (decoded arrays on disk)."""

from __future__ import annotations

import pytest

from nnscratch import datasets


def _loader(name):
    loader = getattr(datasets, f"load_{name}")

    def load():
        try:
            return loader()
        except datasets.DataUnavailableError as error:
            pytest.skip(f"{name} unavailable here: {error}".splitlines()[0])

    return load


@pytest.mark.parametrize("name", ["mnist", "fashion_mnist"])
def test_load_cold(benchmark, name, tmp_path_factory, monkeypatch):
    benchmark.group = "dataset loading, cold cache"
    load = _loader(name)

    def fresh_cache():
        # NNSCRATCH_DATA is also the user cache, so no earlier decode can be found
        monkeypatch.setenv("NNSCRATCH_DATA", str(tmp_path_factory.mktemp("cold")))

    (x_train, _), _ = benchmark.pedantic(load, setup=fresh_cache, rounds=3, iterations=1)
    assert len(x_train) == 60_000


@pytest.mark.parametrize("name", ["mnist", "fashion_mnist", "cifar10"])
def test_load_cached(benchmark, name):
    benchmark.group = "dataset loading, cached"
    load = _loader(name)
    load()  # make sure the decoded arrays are in the cache
    (x_train, _), _ = benchmark.pedantic(load, rounds=3, iterations=1)
    assert x_train.dtype.name == "float32"
