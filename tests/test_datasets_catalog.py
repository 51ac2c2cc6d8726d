"""Loading through a catalog of local copies, in each of its three formats."""

from __future__ import annotations

import gzip
import os

import numpy as np
import pytest

from nnscratch.datasets import (
    CIFAR10_CLASSES,
    DataIntegrityError,
    DataUnavailableError,
    catalog,
    describe,
    load_cifar10,
    load_fashion_mnist,
    load_mnist,
    locations,
    sources,
)

pytestmark = pytest.mark.usefixtures("data_env")


def _idx_catalog(write_catalog, helpers, fake, *, gzipped=True, folder=None):
    files, table = {}, {"format": "idx-gz", "description": "a tiny IDX copy"}
    for key, array in fake.arrays.items():
        data = helpers.idx_bytes(array)
        if gzipped:
            data = gzip.compress(data, mtime=0)
        relative = f"idx/{key}{'.gz' if gzipped else ''}"
        files[relative] = data
        table[key] = {"path": relative, "sha256": helpers.sha256(data)}
    return write_catalog({fake.name: table}, files, folder)


def _decoded_entries(cache):
    return (
        sorted(p.name for p in (cache / "decoded").glob("*"))
        if (cache / "decoded").exists()
        else []
    )


@pytest.mark.parametrize("gzipped", [True, False])
def test_idx_catalog_loads_gzipped_or_raw(monkeypatch, write_catalog, helpers, fake_idx, gzipped):
    fake = fake_idx("mnist", n_train=12, n_test=7)
    path = _idx_catalog(write_catalog, helpers, fake, gzipped=gzipped)
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=False, flatten=False)
    assert x_train.shape == (12, 1, 28, 28)
    assert x_train.dtype == np.uint8
    np.testing.assert_array_equal(x_train[:, 0], fake.arrays["train_images"])
    np.testing.assert_array_equal(t_test, fake.arrays["test_labels"])
    assert x_test.shape == (7, 1, 28, 28)
    assert t_train.dtype == np.uint8
    source = describe("mnist")
    assert (source.source, source.format, source.description) == (
        "catalog",
        "idx-gz",
        "a tiny IDX copy",
    )
    assert source.location == str(path.parent / "idx")


def test_catalog_may_be_named_by_its_folder(monkeypatch, write_catalog, helpers, fake_idx):
    path = _idx_catalog(write_catalog, helpers, fake_idx("fashion_mnist"))
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path.parent))
    assert describe("fashion_mnist").source == "catalog"


def test_image_folder_zip_catalog_for_cifar10(monkeypatch, write_catalog, helpers):
    rng = np.random.default_rng(3)
    smooth = lambda: (rng.integers(0, 200, 3) + np.zeros((32, 32, 3))).astype(np.uint8)  # noqa: E731
    train = [(cls, smooth()) for cls in ("truck", "airplane", "cat", "cat")]
    test = [("dog", smooth()), ("airplane", smooth())]
    archive = helpers.jpeg_zip({"train": train, "test": test})
    path = write_catalog(
        {
            "cifar10": {
                "format": "image-folder-zip",
                "description": "CIFAR-10 as JPEG files",
                "classes": list(CIFAR10_CLASSES),
                "archive": {"path": "c/images.zip", "sha256": helpers.sha256(archive)},
            }
        },
        {"c/images.zip": archive},
    )
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    (x_train, t_train), (_x_test, t_test) = load_cifar10(flatten=False)
    assert x_train.shape == (4, 32, 32, 3)
    assert x_train.dtype == np.float32
    assert float(x_train.max()) <= 1.0
    assert float(x_train.min()) >= 0.0
    names = [CIFAR10_CLASSES[i] for i in t_train]
    assert names == ["airplane", "cat", "cat", "truck"]  # sorted member order
    assert [CIFAR10_CLASSES[i] for i in t_test] == ["airplane", "dog"]
    (flat, _), _ = load_cifar10()
    assert flat.shape == (4, 3072)
    np.testing.assert_array_equal(flat.reshape(4, 32, 32, 3), x_train)
    assert "JPEG" in str(describe("cifar10"))


def test_npz_catalog_for_fashion_mnist(monkeypatch, write_catalog, tmp_path, helpers):
    x = np.random.default_rng(4).integers(0, 256, (6, 28, 28), dtype=np.uint8)
    np.savez(tmp_path / "f.npz", x_train=x, t_train=np.arange(6), x_test=x[:2], t_test=[1, 2])
    data = (tmp_path / "f.npz").read_bytes()
    path = write_catalog(
        {
            "fashion-mnist": {
                "format": "npz",
                "archive": {"path": "f.npz", "sha256": helpers.sha256(data)},
            }
        },
        {"f.npz": data},
    )
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    (x_train, _t_train), (_x_test, t_test) = load_fashion_mnist(normalize=False)
    assert x_train.shape == (6, 784)
    np.testing.assert_array_equal(x_train.reshape(6, 28, 28), x)
    assert t_test.tolist() == [1, 2]
    source = describe("Fashion-MNIST")
    assert source.format == "npz"
    assert source.location.endswith("f.npz")
    assert "Fashion-MNIST" in source.description  # falls back to the official description


def test_changed_byte_is_refused_and_nothing_is_cached(
    monkeypatch, write_catalog, helpers, fake_idx, data_env
):
    fake = fake_idx("mnist")
    path = _idx_catalog(write_catalog, helpers, fake)
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    target = path.parent / "idx" / "test_labels.gz"
    good = target.read_bytes()
    target.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
    with pytest.raises(DataIntegrityError) as caught:
        load_mnist()
    message = str(caught.value)
    assert helpers.sha256(good) in message  # expected
    assert helpers.sha256(target.read_bytes()) in message  # actual
    assert str(target) in message
    assert "refused" in message
    assert _decoded_entries(data_env) == []


def test_changed_byte_is_refused_even_with_a_decoded_cache(
    monkeypatch, write_catalog, helpers, fake_idx, data_env
):
    fake = fake_idx("mnist")
    path = _idx_catalog(write_catalog, helpers, fake)
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    load_mnist()
    assert len(_decoded_entries(data_env)) == 1
    target = path.parent / "idx" / "train_images.gz"
    data = bytearray(target.read_bytes())
    data[100] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(DataIntegrityError, match="SHA-256 mismatch for mnist train_images"):
        load_mnist()


def test_decoded_cache_is_used_on_the_second_load(
    monkeypatch, write_catalog, helpers, fake_idx, data_env
):
    fake = fake_idx("mnist")
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(_idx_catalog(write_catalog, helpers, fake)))
    first = load_mnist()
    calls = []
    monkeypatch.setattr(sources, "_decode", lambda *a: calls.append(a))
    second = load_mnist()
    assert calls == []
    for (a, b), (c, d) in zip(first, second, strict=True):
        np.testing.assert_array_equal(a, c)
        np.testing.assert_array_equal(b, d)
    second[0][0][:] = 0  # results are fresh arrays, never views of a shared cache
    np.testing.assert_array_equal(load_mnist()[0][0], first[0][0])


def test_data_home_catalog_wins_and_stays_clean(
    monkeypatch, write_catalog, helpers, fake_idx, tmp_path, data_env
):
    fake = fake_idx("mnist")
    home = tmp_path / "home"
    path = _idx_catalog(write_catalog, helpers, fake, folder=home)
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(tmp_path / "elsewhere.toml"))  # ignored
    (x_train, _), _ = load_mnist(data_home=home)
    assert x_train.shape == (30, 784)
    assert describe("mnist", data_home=str(home)).location == str(path.parent / "idx")
    assert not (home / "decoded").exists()  # derived files never go next to a catalog
    assert len(_decoded_entries(data_env)) == 1


def test_read_only_cache_still_loads(monkeypatch, write_catalog, helpers, fake_idx, data_env):
    fake = fake_idx("mnist")
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(_idx_catalog(write_catalog, helpers, fake)))
    monkeypatch.setattr(locations, "_can_write", lambda folder: False)
    (x_train, _), _ = load_mnist()
    assert x_train.shape == (30, 784)
    assert _decoded_entries(data_env) == []


def test_catalog_env_naming_nothing_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(tmp_path / "missing.toml"))
    with pytest.raises(
        DataUnavailableError, match=r"NNSCRATCH_CATALOG=.*missing.toml names no catalog"
    ):
        load_mnist()


def test_catalog_without_the_dataset_falls_through(monkeypatch, write_catalog, helpers, fake_idx):
    fake = fake_idx("mnist")
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(_idx_catalog(write_catalog, helpers, fake)))
    with pytest.raises(DataUnavailableError) as caught:
        load_cifar10()
    assert "no [cifar10] table" in str(caught.value)


def test_catalog_with_a_missing_file_falls_through(monkeypatch, write_catalog, helpers, fake_idx):
    fake = fake_idx("mnist")
    path = _idx_catalog(write_catalog, helpers, fake)
    os.remove(path.parent / "idx" / "test_images.gz")
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    with pytest.raises(
        DataUnavailableError, match=r"\[mnist\] test_images: .*test_images.gz missing"
    ):
        load_mnist()


def test_catalog_tables_for_unknown_datasets_are_ignored(
    monkeypatch, write_catalog, helpers, fake_idx
):
    fake = fake_idx("mnist")
    path = _idx_catalog(write_catalog, helpers, fake)
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(
            '\n[imagenet]\nformat = "npz"\narchive = { path = "x", sha256 = "' + "1" * 64 + '" }\n'
        )
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    assert describe("mnist").source == "catalog"


def test_catalog_class_count_must_match(monkeypatch, write_catalog, helpers):
    path = write_catalog(
        {
            "cifar10": {
                "format": "image-folder-zip",
                "classes": ["a", "b"],
                "archive": {"path": "x.zip", "sha256": helpers.sha256(b"")},
            }
        },
        {"x.zip": b""},
    )
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    with pytest.raises(ValueError, match="CIFAR-10 has 10 classes, the catalog lists 2"):
        load_cifar10()


def test_idx_format_cannot_hold_cifar10(monkeypatch, write_catalog, helpers, fake_idx):
    fake = fake_idx("mnist")
    path = _idx_catalog(write_catalog, helpers, fake)
    path.write_text(
        path.read_text(encoding="utf-8").replace("[mnist]", "[cifar10]"), encoding="utf-8"
    )
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(path))
    with pytest.raises(ValueError, match="'idx-gz' holds grey images; CIFAR-10 needs colour"):
        load_cifar10()


def test_idx_catalog_with_wrong_image_size(monkeypatch, write_catalog, helpers):
    images = np.zeros((2, 20, 20), np.uint8)
    labels = np.zeros(2, np.uint8)
    files = {"a": helpers.idx_bytes(images), "b": helpers.idx_bytes(labels)}
    table = {"format": "idx-gz"}
    for key, name in (
        ("train_images", "a"),
        ("train_labels", "b"),
        ("test_images", "a"),
        ("test_labels", "b"),
    ):
        table[key] = {"path": name, "sha256": helpers.sha256(files[name])}
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(write_catalog({"mnist": table}, files)))
    with pytest.raises(ValueError, match=r"MNIST images are 28x28, got \(20, 20\)"):
        load_mnist()


def test_idx_catalog_with_unequal_counts(monkeypatch, write_catalog, helpers):
    files = {
        "a": helpers.idx_bytes(np.zeros((2, 28, 28), np.uint8)),
        "b": helpers.idx_bytes(np.zeros(3, np.uint8)),
    }
    table = {"format": "idx-gz"}
    for key, name in (
        ("train_images", "a"),
        ("train_labels", "b"),
        ("test_images", "a"),
        ("test_labels", "b"),
    ):
        table[key] = {"path": name, "sha256": helpers.sha256(files[name])}
    monkeypatch.setenv("NNSCRATCH_CATALOG", str(write_catalog({"mnist": table}, files)))
    with pytest.raises(ValueError, match="MNIST train: 2 images but 3 labels"):
        load_mnist()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[mnist]\nformat = "png"\n',
            r"format must be one of 'idx-gz', 'image-folder-zip', 'npz', got 'png'",
        ),
        (
            '[mnist]\nformat = "npz"\n',
            r"format 'npz' needs archive = \{ path = ..., sha256 = ... \}",
        ),
        (
            '[mnist]\nformat = "npz"\narchive = { path = "a", sha256 = "abc" }\n',
            "archive.sha256 must be 64 hex digits, got 'abc'",
        ),
        (
            '[mnist]\nformat = "npz"\nclasses = "digits"\narchive = { path = "a", sha256 = "'
            + "a" * 64
            + '" }\n',
            "classes must be a list of names, got 'digits'",
        ),
        ("[mnist\n", "is not valid TOML"),
    ],
)
def test_catalog_schema_errors(tmp_path, text, message):
    path = tmp_path / "catalog.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        catalog.read_catalog(path)


def test_unreadable_catalog(tmp_path):
    with pytest.raises(ValueError, match="cannot read the dataset catalog"):
        catalog.read_catalog(tmp_path)


def test_read_catalog_resolves_paths_relative_to_the_catalog(tmp_path):
    path = tmp_path / "sub" / "catalog.toml"
    path.parent.mkdir()
    path.write_text(
        'top = 1\n[mnist]\nformat = "npz"\narchive = { path = "../data/m.npz", sha256 = "'
        + "A" * 64
        + '" }\n',
        encoding="utf-8",
    )
    entries = catalog.read_catalog(path)
    assert list(entries) == ["mnist"]
    (ref,) = entries["mnist"].files
    assert ref.path == (tmp_path / "data" / "m.npz").resolve()
    assert ref.sha256 == "a" * 64
    assert entries["mnist"].classes is None
