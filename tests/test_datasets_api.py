"""The public API's arguments and output forms, the command line, the cache, and no pickle."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import nnscratch.datasets as datasets
from nnscratch.__main__ import main
from nnscratch.datasets import cache, locations, specs

pytestmark = pytest.mark.usefixtures("data_env")

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def tiny_mnist(monkeypatch, tmp_path, helpers, write_catalog):
    """A catalog with a 5-image MNIST in npz form; returns its catalog path."""
    x = np.array([np.full((28, 28), 51 * i, np.uint8) for i in range(5)])
    np.savez(tmp_path / "m.npz", x_train=x, t_train=[0, 1, 2, 3, 9], x_test=x[:2], t_test=[5, 6])
    data = (tmp_path / "m.npz").read_bytes()
    path = write_catalog(
        {
            "mnist": {
                "format": "npz",
                "description": "five images",
                "archive": {"path": "m.npz", "sha256": helpers.sha256(data)},
            }
        },
        {"m.npz": data},
    )
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    return path


def test_defaults_are_the_books(tiny_mnist):
    (x_train, t_train), (x_test, t_test) = datasets.load_mnist()
    assert x_train.shape == (5, 784)
    assert x_train.dtype == np.float32
    assert t_train.dtype == np.uint8
    assert t_train.tolist() == [0, 1, 2, 3, 9]
    np.testing.assert_allclose(x_train[:, 0], [0, 0.2, 0.4, 0.6, 0.8], rtol=1e-6)
    assert x_test.shape == (2, 784)
    assert t_test.tolist() == [5, 6]


def test_output_forms(tiny_mnist):
    (x, t), _ = datasets.load_mnist(
        normalize=False, flatten=False, one_hot_label=True, dtype=np.float16
    )
    assert x.shape == (5, 1, 28, 28)
    assert x.dtype == np.uint8
    assert int(x.max()) == 204
    assert t.shape == (5, 10)
    assert t.dtype == np.float16
    np.testing.assert_array_equal(t.argmax(axis=1), [0, 1, 2, 3, 9])
    (x, _), _ = datasets.load_mnist(dtype="float64", normalize=np.bool_(True))
    assert x.dtype == np.float64
    assert float(x.max()) == pytest.approx(0.8)


@pytest.mark.parametrize("dtype", [np.int32, "uint8", None, "not-a-dtype", complex])
def test_dtype_must_be_floating(dtype):
    with pytest.raises(
        TypeError, match=r"dtype must be a floating-point dtype such as numpy.float32, got"
    ):
        datasets.load_mnist(dtype=dtype)


@pytest.mark.parametrize("argument", ["normalize", "flatten", "one_hot_label"])
def test_flags_must_be_booleans(argument):
    with pytest.raises(TypeError, match=f"{argument} must be True or False, got str 'yes'"):
        datasets.load_fashion_mnist(**{argument: "yes"})


def test_unknown_dataset_name():
    with pytest.raises(
        ValueError,
        match=r"unknown dataset 'imagenet'; choose one of 'mnist', 'fashion_mnist', 'cifar10'",
    ):
        datasets.describe("imagenet")
    with pytest.raises(TypeError, match="name must be a dataset name"):
        datasets.describe(10)


def test_names_forgive_case_and_hyphens():
    assert datasets.describe("CIFAR-10").name == "cifar10"
    assert datasets.describe("fashion").name == "fashion_mnist"


def test_data_home_must_be_a_path():
    with pytest.raises(TypeError, match="data_home must be a path"):
        datasets.load_cifar10(data_home=3)


def test_class_names():
    assert datasets.FASHION_MNIST_CLASSES[0] == "T-shirt/top"
    assert datasets.CIFAR10_CLASSES[-1] == "truck"
    assert tuple("0123456789") == datasets.MNIST_CLASSES
    assert datasets.DATASETS == ("mnist", "fashion_mnist", "cifar10")


def test_describe_a_download(data_env):
    source = datasets.describe("mnist")
    assert (source.source, source.location) == ("download", "(no mirror configured)")
    specs.MIRRORS["mnist"] = ["https://mirror.example/mnist/"]
    source = datasets.describe("mnist")
    assert source.location == "https://mirror.example/mnist/"
    text = str(source)
    assert text.startswith("mnist: MNIST: the official IDX files")
    assert "a download from https://mirror.example/mnist/" in text
    assert "sha256 train_images: " + specs.SPECS["mnist"].files[0].sha256 in text


def test_user_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NNSCRATCH_DATA")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert locations.user_cache_dir() == tmp_path / "xdg" / "nnscratch"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert locations.user_cache_dir() == tmp_path / "home" / ".cache" / "nnscratch"
    monkeypatch.setenv("NNSCRATCH_DATA", "~/data")
    assert locations.user_cache_dir() == tmp_path / "home" / "data"


# --- the decoded-array cache ------------------------------------------------------------------


def _splits():
    x = np.arange(2 * 4, dtype=np.uint8).reshape(2, 4)
    return (x, np.array([1, 2], np.uint8)), (x[:1], np.array([3], np.uint8))


def test_cache_round_trip_and_atomic_layout(tmp_path):
    key = cache.cache_key("mnist", "npz", ["a" * 64])
    where = cache.store_decoded([tmp_path], key, _splits())
    assert where == tmp_path / "decoded" / key
    assert sorted(p.name for p in where.iterdir()) == [
        "t_test.npy",
        "t_train.npy",
        "x_test.npy",
        "x_train.npy",
    ]
    assert [p.name for p in (tmp_path / "decoded").iterdir()] == [key]  # no staging left
    (x, _t), (_xt, tt) = cache.load_decoded([tmp_path / "nowhere", tmp_path], key)
    np.testing.assert_array_equal(x, _splits()[0][0])
    assert tt.tolist() == [3]


def test_cache_key_changes_with_any_hash():
    assert cache.cache_key("m", "npz", ["a"]) != cache.cache_key("m", "npz", ["b"])
    assert cache.cache_key("m", "npz", ["a"]) != cache.cache_key("m", "idx-gz", ["a"])


def test_unreadable_cache_entry_is_dropped(tmp_path):
    key = "k"
    where = cache.store_decoded([tmp_path], key, _splits())
    (where / "x_train.npy").write_bytes(b"not an npy file")
    assert cache.load_decoded([tmp_path], key) is None
    assert not where.exists()


def test_inconsistent_cache_entry_is_dropped(tmp_path):
    where = cache.store_decoded([tmp_path], "k", _splits())
    np.save(where / "t_train.npy", np.zeros(5, np.uint8))
    assert cache.load_decoded([tmp_path], "k") is None
    assert not where.exists()


def test_store_skips_unwritable_folders(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert cache.store_decoded([blocked], "k", _splits()) is None
    assert cache.store_decoded([blocked, tmp_path], "k", _splits()) == tmp_path / "decoded" / "k"


def test_store_when_another_process_won_the_race(tmp_path):
    first = cache.store_decoded([tmp_path], "k", _splits())
    (first / "marker").write_text("first")
    assert cache.store_decoded([tmp_path], "k", _splits()) == first
    assert (first / "marker").exists()
    assert [p.name for p in (tmp_path / "decoded").iterdir()] == ["k"]


def test_store_gives_up_when_every_rename_fails(tmp_path, monkeypatch):
    def refuse(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(cache.os, "replace", refuse)
    assert cache.store_decoded([tmp_path], "k", _splits()) is None
    assert list((tmp_path / "decoded").iterdir()) == []


# --- the command line ---------------------------------------------------------------------------


def test_cli_list_verify_fetch(tiny_mnist, capsys, data_env):
    assert main(["data", "list", "mnist"]) == 0
    out = capsys.readouterr().out
    assert "mnist" in out
    assert "catalog" in out
    assert str(tiny_mnist.parent / "m.npz") in out
    assert "ok" in out
    assert main(["data", "verify", "mnist"]) == 0
    assert "ok: every file matches its pinned SHA-256 (catalog copy)" in capsys.readouterr().out
    assert main(["data", "fetch", "mnist"]) == 0
    assert "5 training and 2 test images from catalog" in capsys.readouterr().out
    assert (data_env / "decoded").is_dir()


def test_cli_reports_a_mismatch(tiny_mnist, capsys):
    (tiny_mnist.parent / "m.npz").write_bytes(b"changed")
    assert main(["data", "verify"]) == 1
    out = capsys.readouterr().out
    assert "mnist          FAILED: SHA-256 mismatch" in out
    assert "fashion_mnist  MISSING: could not load Fashion-MNIST" in out
    assert main(["data", "list", "mnist"]) == 1
    assert main(["data", "fetch", "mnist"]) == 1
    assert "FAILED: SHA-256 mismatch" in capsys.readouterr().err


def test_cli_list_of_downloads(capsys):
    assert main(["data", "list"]) == 0
    assert capsys.readouterr().out.count("will be downloaded") == 3


def test_cli_bad_input(capsys):
    assert main(["data", "verify", "svhn"]) == 1
    assert "unknown dataset 'svhn'" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
    with pytest.raises(SystemExit):
        main(["data", "delete"])


def test_python_dash_m(tiny_mnist, data_env):
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "nnscratch", "data", "verify", "mnist"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


# --- no unpickling anywhere ---------------------------------------------------------------------

FORBIDDEN = re.compile(
    r"pickle\.loads?\(|allow_pickle\s*=\s*True|^\s*import\s+(c?pickle|dill|joblib)\b|"
    r"^\s*from\s+(c?pickle|dill|joblib)\s+import|Unpickler|\.read_pickle\(",
    re.MULTILINE,
)


def test_src_never_unpickles():
    files = sorted(SRC.rglob("*.py"))
    assert files, f"no sources found under {SRC}"
    offenders = [
        f"{path}: {m.group(0)!r}"
        for path in files
        for m in FORBIDDEN.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_np_load_in_src_refuses_pickles():
    for path in sorted(SRC.rglob("*.py")):
        for call in re.finditer(r"np\.load\(([^)]*)\)", path.read_text(encoding="utf-8")):
            assert "allow_pickle=False" in call.group(1), f"{path}: np.load({call.group(1)})"
